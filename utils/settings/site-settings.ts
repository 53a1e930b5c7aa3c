/**
 * The per-site settings — each site's mode, the modes its metrics were given of their own, and its snooze
 * — as stored in `browser.storage.local`: their keys, how a stored value is repaired, and what they mean
 * for one site. Same keys and values as the storage items in utils/settings/items.ts (which re-exports all
 * of this).
 *
 * Only trusted contexts read them: the background and the extension's pages. Content scripts never read
 * `storage.local`; they ask the background for their own site's modes and snooze (`settings/site`,
 * utils/messaging/protocol.ts) and are told when it changes (utils/settings/push.ts).
 */
import { browser } from 'wxt/browser';
import { isMetric, type Metric } from '../sites/types';

export const SITE_MODES = ['reframe', 'hide', 'off'] as const;
export type SiteMode = (typeof SITE_MODES)[number];

/** `browser.storage.local` keys (the items in settings.ts add WXT's `local:` area prefix). */
export const SITE_MODES_KEY = 'settings.siteModes';
export const SNOOZES_KEY = 'settings.snoozes';
export const METRIC_MODES_KEY = 'settings.metricModes';

/**
 * A site's own choices per metric ("hide followers, reframe following"). A metric without one follows the
 * site's mode, so a site whose metrics have no choice of their own behaves as before per-metric modes.
 */
export type MetricModes = Partial<Record<Metric, SiteMode>>;

export interface SiteSettings {
  siteModes: Record<string, SiteMode>;
  /** Site id → the metrics given a mode of their own. */
  metricModes: Record<string, MetricModes>;
  /** Site id → ISO time its snooze ends. */
  snoozes: Record<string, string>;
}

/** What `snoozeSite` needs of `browser.storage.local` (a parameter, so tests pass a fake). */
export type LocalArea = Pick<typeof browser.storage.local, 'get' | 'set'>;

/**
 * A site id: an adapter id, or the host of a site the user added — up to 253 characters, the longest name
 * DNS allows (the journal's LIMITS.siteId, utils/journal/records.ts).
 */
const SITE_ID = /^[a-z0-9][a-z0-9.-]{0,252}$/;

const isMode = (mode: unknown): mode is SiteMode => (SITE_MODES as readonly unknown[]).includes(mode);

export function repairSiteModes(value: unknown): Record<string, SiteMode> {
  const out: Record<string, SiteMode> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [site, mode] of Object.entries(value as Record<string, unknown>)) {
    if (SITE_ID.test(site) && isMode(mode)) out[site] = mode;
  }
  return out;
}

/** Site id → metric → mode: unknown sites, metrics and modes are dropped, and so is a site left with none. */
export function repairMetricModes(value: unknown): Record<string, MetricModes> {
  const out: Record<string, MetricModes> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [site, modes] of Object.entries(value as Record<string, unknown>)) {
    if (!SITE_ID.test(site) || !modes || typeof modes !== 'object' || Array.isArray(modes)) continue;
    const kept: MetricModes = {};
    for (const [metric, mode] of Object.entries(modes as Record<string, unknown>))
      if (isMetric(metric) && isMode(mode)) kept[metric] = mode;
    if (Object.keys(kept).length > 0) out[site] = kept;
  }
  return out;
}

export function repairSnoozes(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [site, until] of Object.entries(value as Record<string, unknown>)) {
    if (SITE_ID.test(site) && typeof until === 'string' && !Number.isNaN(Date.parse(until))) out[site] = until;
  }
  return out;
}

/** Is the site snoozed at `now`? */
export function isSnoozed(snoozes: Record<string, string>, siteId: string, now: Date = new Date()): boolean {
  const until = snoozes[siteId];
  return until !== undefined && Date.parse(until) > now.getTime();
}

/** Per-site mode; a site missing from the map is in `reframe` mode. */
export function siteMode(settings: Pick<SiteSettings, 'siteModes'>, siteId: string): SiteMode {
  return settings.siteModes[siteId] ?? 'reframe';
}

/**
 * The mode one metric follows: its own, else the site's. The content script decides the same way with the
 * modes `settings/site` answers (utils/live/layer.ts `promptModeOf`).
 */
export function metricMode(site: SiteMode, metricModes: MetricModes | undefined, metric: Metric): SiteMode {
  return metricModes?.[metric] ?? site;
}

/** A site's metric's mode in the settings: its own choice, else the site's mode (itself `reframe` by default). */
export function effectiveMetricMode(settings: Pick<SiteSettings, 'siteModes' | 'metricModes'>, siteId: string, metric: Metric): SiteMode {
  return metricMode(siteMode(settings, siteId), settings.metricModes[siteId], metric);
}

/**
 * Snooze a site until `until` (replacing any earlier snooze for it). For extension pages and the
 * background: a content script cannot write settings.
 */
export async function snoozeSite(siteId: string, until: Date, area: LocalArea = browser.storage.local): Promise<void> {
  const current = repairSnoozes((await area.get(SNOOZES_KEY))[SNOOZES_KEY]);
  await area.set({ [SNOOZES_KEY]: { ...current, [siteId]: until.toISOString() } });
}
