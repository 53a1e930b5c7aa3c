/**
 * Content scripts registered at run time by the background, kept in sync with the settings:
 * - `hide-<site>`: the site's hide stylesheets (utils/settings/hide-css.ts, one per metric) at `document_start`:
 *   exactly those of the metrics whose mode is hide — the site's mode for a metric without a mode of its own,
 *   else the metric's —, so those numbers never paint (no flash before the content script runs); a site
 *   with none is not registered;
 * - `site-<host>`: the any-site content script (Mastodon, the generic detector) on each site the user added from the dashboard (a Mastodon
 *   instance, a blog for the generic detector), only while its optional host permission is granted. A site
 *   whose permission is withdrawn (the browser's extension settings) stays on the added list — the Sites view
 *   shows it without access and can ask again — and its script is unregistered; granted again, it comes back.
 * Syncing is idempotent: it reads what is registered, and unregisters / registers only the difference.
 */
import { browser, type Browser } from 'wxt/browser';
import { hideCssPath } from './hide-css';
import { PROMPT_HOST_CSS_PATH } from '../live/host-css';
import { LIMITS } from '../journal/records';
import {
  effectiveMetricMode,
  extraOriginsItem,
  metricModesItem,
  originPattern,
  repairMetricModes,
  repairOrigins,
  repairSiteModes,
  siteModesItem,
  type MetricModes,
  type SiteMode,
} from './items';
import { adapterMatchPatterns, adapters, HIDE, siteMetrics } from '../sites';
import type { HideSelectors, Metric, SiteAdapter } from '../sites/types';
import { t } from '../i18n/t';

export type ContentScript = Browser.scripting.RegisteredContentScript;

/** What the sync needs from `browser.scripting` (a parameter, so unit tests pass a fake). */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<ContentScript[]>;
  registerContentScripts(scripts: ContentScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

export interface PermissionsApi {
  contains(permissions: { origins?: string[] }): Promise<boolean>;
}

/** The files of the content script run-time registrations load on added sites. */
export interface MainContentScript {
  js: string[];
  css: string[];
}

export const HIDE_PREFIX = 'hide-';
export const SITE_PREFIX = 'site-';

export { adapterMatchPatterns, originPattern };

/** The settings the registrations follow: each site's mode, and the metrics given a mode of their own. */
export interface RegistrationSettings {
  siteModes: Record<string, SiteMode>;
  /** Absent: no metric has a mode of its own. */
  metricModes?: Record<string, MetricModes>;
  extraOrigins: string[];
}

export interface DesiredInput {
  siteModes: Record<string, SiteMode>;
  metricModes?: Record<string, MetricModes>;
  /** Added sites whose host permission is granted now. */
  grantedOrigins: readonly string[];
  adapters: readonly SiteAdapter[];
  main: MainContentScript;
  /** Each site's hide selectors per metric (the registry's HIDE): which stylesheets exist. */
  hide?: Readonly<Record<string, HideSelectors>>;
}

/** The metrics of a site whose numbers are hidden: each one's own mode, else the site's, is hide. */
export function hiddenMetrics(
  settings: { siteModes: Record<string, SiteMode>; metricModes?: Record<string, MetricModes> },
  siteId: string,
  hide: Readonly<Record<string, HideSelectors>> = HIDE,
): Metric[] {
  const modes = { siteModes: settings.siteModes, metricModes: settings.metricModes ?? {} };
  return siteMetrics(siteId, hide).filter((metric) => effectiveMetricMode(modes, siteId, metric) === 'hide');
}

/** The run-time content scripts the settings call for, sorted by id. */
export function desiredScripts({ siteModes, metricModes, grantedOrigins, adapters, main, hide = HIDE }: DesiredInput): ContentScript[] {
  const scripts: ContentScript[] = [];
  for (const adapter of adapters) {
    const hidden = hiddenMetrics({ siteModes, metricModes }, adapter.id, hide);
    if (hidden.length === 0) continue;
    // Adapters recognised by markup on any host (Mastodon) have no hosts of their own: their numbers
    // live on the sites the user added, so the stylesheet goes there.
    const matches = adapter.hosts.length > 0 ? adapterMatchPatterns(adapter) : grantedOrigins.map(originPattern);
    if (matches.length === 0) continue;
    scripts.push({
      id: `${HIDE_PREFIX}${adapter.id}`,
      matches,
      css: hidden.map((metric) => hideCssPath(adapter.id, metric)),
      runAt: 'document_start',
      persistAcrossSessions: true,
    });
  }
  for (const origin of grantedOrigins) {
    if (main.js.length === 0) break;
    scripts.push({
      id: `${SITE_PREFIX}${new URL(origin).host}`,
      matches: [originPattern(origin)],
      js: main.js,
      ...(main.css.length > 0 ? { css: main.css } : {}),
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  return scripts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function isOurs(script: ContentScript): boolean {
  return script.id.startsWith(HIDE_PREFIX) || script.id.startsWith(SITE_PREFIX);
}

/** Chrome may report paths with a leading slash; compare what a registration does, not how it is spelled. */
function shape(script: ContentScript): string {
  const paths = (list: readonly string[] | undefined) => (list ?? []).map((path) => path.replace(/^\//, ''));
  return JSON.stringify([[...(script.matches ?? [])].sort(), paths(script.js), paths(script.css), script.runAt ?? 'document_idle']);
}

export interface Plan {
  unregister: string[];
  register: ContentScript[];
}

/** What to change to get from `current` to `desired`. Scripts registered by anyone else are left alone. */
export function planSync(current: readonly ContentScript[], desired: readonly ContentScript[]): Plan {
  const wanted = new Map(desired.map((script) => [script.id, script]));
  const have = new Map(current.filter(isOurs).map((script) => [script.id, script]));
  const unregister: string[] = [];
  const register: ContentScript[] = [];
  for (const [id, script] of have) {
    const want = wanted.get(id);
    // A changed registration (new origins for Mastodon's stylesheet, a renamed bundle) is replaced.
    if (!want || shape(want) !== shape(script)) unregister.push(id);
  }
  for (const [id, script] of wanted) {
    const had = have.get(id);
    if (!had || shape(had) !== shape(script)) register.push(script);
  }
  return { unregister: unregister.sort(), register };
}

export interface SyncDeps {
  scripting: ScriptingApi;
  permissions: PermissionsApi;
  adapters: readonly SiteAdapter[];
  main: MainContentScript;
  readSettings: () => Promise<RegistrationSettings>;
  /** The registry's HIDE by default. */
  hide?: Readonly<Record<string, HideSelectors>>;
}

/** Bring run-time registrations in line with the settings and granted permissions. Returns what changed. */
export async function syncRegistrations(deps: SyncDeps): Promise<Plan> {
  const { siteModes, metricModes, extraOrigins } = await deps.readSettings();
  const granted: string[] = [];
  for (const origin of extraOrigins) {
    if (await deps.permissions.contains({ origins: [originPattern(origin)] })) granted.push(origin);
  }
  const desired = desiredScripts({
    siteModes,
    metricModes,
    grantedOrigins: granted,
    adapters: deps.adapters,
    main: deps.main,
    hide: deps.hide,
  });
  const plan = planSync(await deps.scripting.getRegisteredContentScripts(), desired);
  if (plan.unregister.length > 0) await deps.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.register.length > 0) await deps.scripting.registerContentScripts(plan.register);
  return plan;
}

/**
 * Runs syncs one at a time: settings change in bursts (adding a site writes the permission and the
 * origin list), and two overlapping syncs would both register the same id, which the browser refuses.
 * A request made while a sync runs is folded into one more sync after it.
 */
export function serializedSync(run: () => Promise<unknown>, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      try {
        await run();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = null;
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
}

/** The settings the registrations depend on, repaired. */
export async function readRegistrationSettings(): Promise<Required<RegistrationSettings>> {
  const [siteModes, metricModes, extraOrigins] = await Promise.all([
    siteModesItem.getValue(),
    metricModesItem.getValue(),
    extraOriginsItem.getValue(),
  ]);
  return { siteModes: repairSiteModes(siteModes), metricModes: repairMetricModes(metricModes), extraOrigins: repairOrigins(extraOrigins) };
}

/**
 * The content script added sites get: entrypoints/any-site.content.ts (Mastodon and the generic detector),
 * built by WXT as `content-scripts/<entrypoint name>.js`. It is registered only at run time, so the
 * manifest does not list it (each supported site's own script is in the manifest, on its hosts).
 */
export const ANY_SITE_SCRIPT: MainContentScript = { js: ['content-scripts/any-site.js'], css: [PROMPT_HOST_CSS_PATH] };

/** A manifest's first content script: its built js and css files. */
export function mainContentScript(manifest: { content_scripts?: ReadonlyArray<{ js?: string[]; css?: string[] }> }): MainContentScript {
  const first = manifest.content_scripts?.[0];
  return { js: [...(first?.js ?? [])], css: [...(first?.css ?? [])] };
}

export interface StartDeps extends SyncDeps {
  /** Subscribe to changes that call for a sync; returns the unsubscribe functions. */
  watch: (resync: () => void) => Array<() => void>;
  onError?: (error: unknown) => void;
}

/** Sync now and whenever the settings or granted permissions change. Returns a stop function. */
export function startRegistrationSync(deps: StartDeps): { sync: () => Promise<void>; stop: () => void } {
  const sync = serializedSync(
    () => syncRegistrations(deps),
    deps.onError ?? ((error) => console.warn('Running For: could not update content script registrations', error)),
  );
  const unwatch = deps.watch(() => void sync());
  void sync();
  return { sync, stop: () => unwatch.forEach((off) => off()) };
}

/** Wire the sync to the real browser: settings items, permission changes, the built manifest. */
export function startBrowserRegistrationSync(browserApi: typeof browser = browser, sites: readonly SiteAdapter[] = adapters): () => void {
  const { stop } = startRegistrationSync({
    scripting: browserApi.scripting,
    permissions: browserApi.permissions,
    adapters: sites,
    main: ANY_SITE_SCRIPT,
    readSettings: readRegistrationSettings,
    watch: (resync) => {
      // Permissions can also be granted or revoked outside the dashboard (chrome://extensions).
      browserApi.permissions.onAdded.addListener(resync);
      browserApi.permissions.onRemoved.addListener(resync);
      return [
        siteModesItem.watch(resync),
        metricModesItem.watch(resync),
        extraOriginsItem.watch(resync),
        () => browserApi.permissions.onAdded.removeListener(resync),
        () => browserApi.permissions.onRemoved.removeListener(resync),
      ];
    },
  });
  return stop;
}

/** The longest host an added site may have: its host is its site id, up to the longest name DNS allows (LIMITS.siteId). */
export const MAX_HOST_LENGTH = LIMITS.siteId;

export type OriginResult = { ok: true; origin: string } | { ok: false; message: string };

/**
 * What the user typed in "Add a site" ("mastodon.social", "https://blog.example/posts/1") → an https
 * origin, or a sentence saying why not. Only https: the extension's optional permission covers nothing else.
 */
export function normaliseOrigin(input: string, sites: readonly SiteAdapter[] = adapters): OriginResult {
  const text = input.trim();
  if (text === '') return { ok: false, message: t('siteAddressEmpty') };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: t('siteAddressInvalid', text) };
  }
  if (url.protocol !== 'https:') return { ok: false, message: t('siteAddressNotHttps') };
  if (url.username || url.password) return { ok: false, message: t('siteAddressCredentials') };
  const host = url.hostname;
  // Letters, digits, dots and hyphens only (an international name arrives in its xn-- form): the host is
  // the site's id in the journal, which allows nothing else (utils/journal/records.ts).
  if (!host.includes('.') || host.endsWith('.') || /^[\d.]+$/.test(host) || !/^[a-z0-9][a-z0-9.-]*$/.test(host)) {
    return { ok: false, message: t('siteAddressNotSite', text) };
  }
  if (host.length > MAX_HOST_LENGTH) {
    return { ok: false, message: t('siteAddressTooLong', String(MAX_HOST_LENGTH)) };
  }
  const supported = sites.find((site) => site.hosts.some((owned) => host === owned || host.endsWith(`.${owned}`)));
  if (supported) return { ok: false, message: t('siteAlreadySupported', supported.name) };
  return { ok: true, origin: url.origin };
}
