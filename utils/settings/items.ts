/**
 * Settings, separate from the journal: typed WXT storage items (browser.storage.local), read and written
 * by the background and the extension's pages only — content scripts ask the background for their own
 * site's mode and snooze (README "What content scripts may ask the background"). Each value read is
 * repaired field by field to a valid one (Dark Reader's approach): a corrupted or hand-edited setting
 * never breaks a page.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { uiLanguage } from '../i18n/t';
import {
  isSnoozed,
  METRIC_MODES_KEY,
  repairMetricModes,
  repairSiteModes,
  repairSnoozes,
  siteMode,
  SITE_MODES_KEY,
  SNOOZES_KEY,
  type MetricModes,
  type SiteMode,
  type SiteSettings,
} from './site-settings';

// The per-site settings (keys, repair, meaning) live in site-settings.ts.
export {
  effectiveMetricMode,
  isSnoozed,
  metricMode,
  METRIC_MODES_KEY,
  repairMetricModes,
  repairSiteModes,
  repairSnoozes,
  siteMode,
  snoozeSite,
  SITE_MODES,
  SITE_MODES_KEY,
  SNOOZES_KEY,
  type MetricModes,
  type SiteMode,
  type SiteSettings,
} from './site-settings';

/** 0 = Sunday … 6 = Saturday, as `Date#getDay()`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface WeeklyReminder {
  enabled: boolean;
  day: Weekday;
  /** Local time, `HH:MM`. */
  time: string;
}

export const DEFAULT_WEEK_START: Weekday = 1;

/**
 * The first day of the week where the user lives, by their browser's language (`Intl.Locale` week info:
 * Sunday in the US and Brazil, Saturday in much of the Arab world, Monday in most of Europe); Monday where
 * the browser cannot say.
 */
export function localeWeekStart(language: string = uiLanguage()): Weekday {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const firstDay = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
    // Intl counts Monday 1 … Sunday 7; a Date's getDay Sunday 0 … Saturday 6.
    return typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7 ? ((firstDay % 7) as Weekday) : DEFAULT_WEEK_START;
  } catch {
    return DEFAULT_WEEK_START;
  }
}
export const DEFAULT_REMINDER: WeeklyReminder = { enabled: true, day: 0, time: '18:00' };

const isWeekday = (value: unknown): value is Weekday => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6;

/** `https://mastodon.social` → `https://mastodon.social/*`: the permission and match pattern for an added site. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

export function repairOrigins(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const origins = value.filter((item): item is string => {
    if (typeof item !== 'string') return false;
    try {
      const url = new URL(item);
      return url.protocol === 'https:' && url.origin === item;
    } catch {
      return false;
    }
  });
  return [...new Set(origins)];
}

export function repairWeekStart(value: unknown): Weekday {
  return isWeekday(value) ? value : localeWeekStart();
}

export function repairReminder(value: unknown): WeeklyReminder {
  const raw = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof WeeklyReminder, unknown>>;
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_REMINDER.enabled,
    day: isWeekday(raw.day) ? raw.day : DEFAULT_REMINDER.day,
    time: typeof raw.time === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(raw.time) ? raw.time : DEFAULT_REMINDER.time,
  };
}

/** Per-site mode; a site missing from the map is in `reframe` mode. */
export const siteModesItem = storage.defineItem<Record<string, SiteMode>>(`local:${SITE_MODES_KEY}`, { fallback: {}, version: 1 });
/**
 * Per site, the metrics given a mode of their own (`{ x: { followers: 'hide' } }`); every other metric
 * follows its site's mode (site-settings.ts `effectiveMetricMode`).
 */
export const metricModesItem = storage.defineItem<Record<string, MetricModes>>(`local:${METRIC_MODES_KEY}`, { fallback: {}, version: 1 });
/** HTTPS origins the user opted into for the generic detector or as Mastodon instances. */
export const extraOriginsItem = storage.defineItem<string[]>('local:settings.extraOrigins', { fallback: [], version: 1 });
/** The day the user picked; null until they pick one, when the week starts on their language's first day (`repairWeekStart`). */
export const weekStartItem = storage.defineItem<Weekday | null>('local:settings.weekStartsOn', { fallback: null, version: 1 });
export const reminderItem = storage.defineItem<WeeklyReminder>('local:settings.weeklyReminder', { fallback: DEFAULT_REMINDER, version: 1 });
/** Sites the user snoozed from a prompt ("Not now"): site id → ISO time the snooze ends. */
export const snoozesItem = storage.defineItem<Record<string, string>>(`local:${SNOOZES_KEY}`, { fallback: {}, version: 1 });

export interface Settings {
  siteModes: Record<string, SiteMode>;
  metricModes: Record<string, MetricModes>;
  snoozes: Record<string, string>;
  extraOrigins: string[];
  weekStartsOn: Weekday;
  weeklyReminder: WeeklyReminder;
}

/** Every setting, repaired. */
export async function loadSettings(): Promise<Settings> {
  const [siteModes, metricModes, snoozes, extraOrigins, weekStartsOn, weeklyReminder] = await Promise.all([
    siteModesItem.getValue(),
    metricModesItem.getValue(),
    snoozesItem.getValue(),
    extraOriginsItem.getValue(),
    weekStartItem.getValue(),
    reminderItem.getValue(),
  ]);
  return {
    siteModes: repairSiteModes(siteModes),
    metricModes: repairMetricModes(metricModes),
    snoozes: repairSnoozes(snoozes),
    extraOrigins: repairOrigins(extraOrigins),
    weekStartsOn: repairWeekStart(weekStartsOn),
    weeklyReminder: repairReminder(weeklyReminder),
  };
}

/** One site's settings, as a content script on it may see them (`settings/site`). */
export interface SiteState {
  mode: SiteMode;
  /** The site's metrics given a mode of their own; every other metric follows `mode`. */
  metrics: MetricModes;
  /** When the site's snooze ends (ISO), or null when it is not snoozed now. */
  snoozedUntil: string | null;
}

/** Every site's modes and snooze, repaired. */
export async function readSiteSettings(): Promise<SiteSettings> {
  const [siteModes, metricModes, snoozes] = await Promise.all([
    siteModesItem.getValue(),
    metricModesItem.getValue(),
    snoozesItem.getValue(),
  ]);
  return { siteModes: repairSiteModes(siteModes), metricModes: repairMetricModes(metricModes), snoozes: repairSnoozes(snoozes) };
}

/** One site's modes and snooze at `now`: nothing about any other site. */
export function siteStateOf(settings: SiteSettings, siteId: string, now: Date): SiteState {
  return {
    mode: siteMode(settings, siteId),
    metrics: { ...settings.metricModes[siteId] },
    snoozedUntil: isSnoozed(settings.snoozes, siteId, now) ? new Date(settings.snoozes[siteId]!).toISOString() : null,
  };
}

/** The `browser.storage.local` keys of every setting (the items above, without WXT's `local:` prefix). */
export const SETTINGS_KEYS = [
  SITE_MODES_KEY,
  METRIC_MODES_KEY,
  SNOOZES_KEY,
  'settings.extraOrigins',
  'settings.weekStartsOn',
  'settings.weeklyReminder',
] as const;

/** What "Delete all data" needs of the browser (a parameter, so tests pass fakes). */
export interface SettingsResetApi {
  local: Pick<typeof browser.storage.local, 'get' | 'clear'>;
  permissions: Pick<typeof browser.permissions, 'remove'>;
}

const browserReset = (): SettingsResetApi => ({ local: browser.storage.local, permissions: browser.permissions });

/** Has the user changed any setting from its default (so "Delete all data" has something to delete)? */
export async function hasStoredSettings(api: Pick<SettingsResetApi, 'local'> = browserReset()): Promise<boolean> {
  const stored = await api.local.get([...SETTINGS_KEYS]);
  return SETTINGS_KEYS.some((key) => stored[key] !== undefined);
}

/**
 * Delete every setting — the sites the user added, each site's and metric's mode, snoozes, the first day of the week,
 * the weekly reminder — and give back the host permissions of the added sites. What is left is a fresh
 * install's settings; the background then unregisters what it had registered for them. Returns the
 * origins whose permission was given back.
 */
export async function deleteAllSettings(api: SettingsResetApi = browserReset()): Promise<string[]> {
  const origins = repairOrigins((await api.local.get('settings.extraOrigins'))['settings.extraOrigins']);
  // One at a time: a permission the browser will not give back does not keep the others.
  const results = await Promise.allSettled(origins.map((origin) => api.permissions.remove({ origins: [originPattern(origin)] })));
  // Everything in the area is a setting (or WXT's version of one): all of it goes.
  await api.local.clear();
  return origins.filter((_origin, index) => results[index]!.status === 'fulfilled');
}
