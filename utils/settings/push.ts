/**
 * The background tells open tabs when their site's mode, a mode of one of its metrics, or its snooze
 * changed, so a page follows the Sites view and "Not now" at once. Content scripts do not watch
 * `storage.local` (they never read it): they are sent a bare `settings/changed`
 * (utils/messaging/client.ts) and ask for their own site's settings again (`settings/site`), so no tab
 * ever learns another site's.
 *
 * Which tabs: `tabs.query({url})` with the match patterns of the sites that changed. Filtering by URL needs
 * the `tabs` permission *or* host permission for the tab's URL (Chrome 50+, Firefox 86+); the extension
 * has the latter exactly where its content scripts run, so it needs no `tabs` permission and sees no
 * other tab's address.
 *
 * Why a push per change and not a port per content script: a `runtime.connect` port does not keep a
 * Manifest V3 service worker alive (Chrome stops an idle worker after 30 s and disconnects its ports),
 * so every tab would reconnect — and wake the worker — each time it stopped, for as long as the tab is
 * open. A push costs nothing between changes: `storage.onChanged` wakes the worker when an extension page
 * writes a setting, and the worker sends one message to each tab concerned.
 */
import { SETTINGS_CHANGED } from '../messaging/client';
import { browser } from 'wxt/browser';
import {
  extraOriginsItem,
  metricModesItem,
  originPattern,
  repairMetricModes,
  repairOrigins,
  repairSiteModes,
  repairSnoozes,
  siteModesItem,
  snoozesItem,
} from './items';
import { adapterMatchPatterns, adapters } from '../sites';
import type { SiteAdapter } from '../sites/types';

const MESSAGE = { type: SETTINGS_CHANGED } as const;

/** What the push needs of `browser.tabs` (a parameter, so tests pass a fake). */
export interface TabsApi {
  query(queryInfo: { url?: string[] }): Promise<Array<{ id?: number }>>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** A value as text, object keys sorted: two values are the same setting when their texts are equal. */
const canonical = (value: unknown): string =>
  value && typeof value === 'object'
    ? JSON.stringify(Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    : JSON.stringify(value);

/** Site ids whose value differs between two repaired maps (modes, metric modes or snoozes). */
export function changedSites(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids].filter((id) => canonical(before[id]) !== canonical(after[id])).sort();
}

/**
 * The match patterns of the pages a change to these sites' settings concerns: a supported site's hosts;
 * for a site recognised by markup on any host (Mastodon), every added site; for an added site's host, that
 * site.
 */
export function patternsFor(siteIds: readonly string[], adapters: readonly SiteAdapter[], addedOrigins: readonly string[]): string[] {
  const patterns = new Set<string>();
  const addAll = (origins: readonly string[]) => origins.forEach((origin) => patterns.add(originPattern(origin)));
  for (const id of siteIds) {
    const adapter = adapters.find((candidate) => candidate.id === id);
    if (adapter && adapter.hosts.length > 0) {
      adapterMatchPatterns(adapter).forEach((pattern) => patterns.add(pattern));
    } else if (adapter) {
      addAll(addedOrigins);
    } else {
      addAll(addedOrigins.filter((origin) => new URL(origin).hostname === id));
    }
  }
  return [...patterns].sort();
}

/**
 * Send `settings/changed` to every tab whose URL matches `patterns` (all tabs when `patterns` is `all`).
 * A tab without a listening content script (loaded before the extension, or a page the extension does not
 * run on) refuses the message; that is expected and ignored. Returns the tabs told.
 */
export async function tellTabs(tabs: TabsApi, patterns: readonly string[] | 'all'): Promise<number[]> {
  if (patterns !== 'all' && patterns.length === 0) return [];
  const found = await tabs.query(patterns === 'all' ? {} : { url: [...patterns] });
  const ids = found.map((tab) => tab.id).filter((id): id is number => typeof id === 'number' && id >= 0);
  await Promise.all(ids.map((id) => tabs.sendMessage(id, MESSAGE).catch(() => undefined)));
  return ids;
}

export interface SettingsPushDeps {
  tabs: TabsApi;
  adapters: readonly SiteAdapter[];
  /** The sites the user added (settings `extraOrigins`, repaired). */
  readOrigins: () => Promise<string[]>;
  /** Calls back with the site ids whose mode, metric modes or snooze changed; returns the unsubscribe function. */
  watchSites: (onChange: (siteIds: string[]) => void) => () => void;
  /**
   * Calls back when a host permission was withdrawn or granted; returns the unsubscribe function. The
   * tabs of a withdrawn site are no longer visible by URL, so every tab is told: those of the site ask
   * again, are refused, and stop (components/content-script.ts `siteSettings`); after a grant they ask again,
   * are answered, and the page's prompts come back without a reload.
   */
  watchPermissions?: (onChange: () => void) => () => void;
  onError?: (error: unknown) => void;
}

/** Push settings changes to the tabs concerned from now on. Returns the stop function. */
export function startSettingsPush(deps: SettingsPushDeps): () => void {
  const report = deps.onError ?? ((error: unknown) => console.warn('Running For: could not tell open tabs about a settings change', error));
  const stopSites = deps.watchSites((siteIds) => {
    if (siteIds.length === 0) return;
    void deps
      .readOrigins()
      .then((origins) => tellTabs(deps.tabs, patternsFor(siteIds, deps.adapters, origins)))
      .catch(report);
  });
  const stopPermissions = deps.watchPermissions?.(() => void tellTabs(deps.tabs, 'all').catch(report));
  return () => {
    stopSites();
    stopPermissions?.();
  };
}

/**
 * Wire the push to the real browser: the mode, metric mode and snooze items, `browser.tabs`. Listeners are added
 * synchronously, as a Manifest V3 service worker must do for `storage.onChanged` to wake it.
 */
export function startBrowserSettingsPush(
  tabs: TabsApi = browser.tabs as unknown as TabsApi,
  sites: readonly SiteAdapter[] = adapters,
  permissions: Pick<typeof browser.permissions, 'onAdded' | 'onRemoved'> = browser.permissions,
): () => void {
  return startSettingsPush({
    tabs,
    adapters: sites,
    watchPermissions: (onChange) => {
      permissions.onAdded.addListener(onChange);
      permissions.onRemoved.addListener(onChange);
      return () => {
        permissions.onAdded.removeListener(onChange);
        permissions.onRemoved.removeListener(onChange);
      };
    },
    readOrigins: async () => repairOrigins(await extraOriginsItem.getValue()),
    watchSites: (onChange) => {
      const stops = [
        siteModesItem.watch((after, before) => onChange(changedSites(repairSiteModes(before), repairSiteModes(after)))),
        metricModesItem.watch((after, before) => onChange(changedSites(repairMetricModes(before), repairMetricModes(after)))),
        snoozesItem.watch((after, before) => onChange(changedSites(repairSnoozes(before), repairSnoozes(after)))),
      ];
      return () => stops.forEach((stop) => stop());
    },
  });
}
