/**
 * Settings, separate from the journal: typed WXT storage items (browser.storage.local), read by every
 * context (content scripts included). Each value read is repaired field by field to a valid one
 * (Dark Reader's approach): a corrupted or hand-edited setting never breaks a page.
 */
import { storage } from 'wxt/utils/storage';

export const SITE_MODES = ['reframe', 'hide', 'off'] as const;
export type SiteMode = (typeof SITE_MODES)[number];

/** 0 = Sunday … 6 = Saturday, as `Date#getDay()`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface WeeklyReminder {
  enabled: boolean;
  day: Weekday;
  /** Local time, `HH:MM`. */
  time: string;
}

export const DEFAULT_WEEK_START: Weekday = 1;
export const DEFAULT_REMINDER: WeeklyReminder = { enabled: true, day: 0, time: '18:00' };

const isWeekday = (value: unknown): value is Weekday => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6;

export function repairSiteModes(value: unknown): Record<string, SiteMode> {
  const out: Record<string, SiteMode> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [site, mode] of Object.entries(value as Record<string, unknown>)) {
    if (/^[a-z0-9][a-z0-9.-]{0,63}$/.test(site) && (SITE_MODES as readonly unknown[]).includes(mode)) out[site] = mode as SiteMode;
  }
  return out;
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
  return isWeekday(value) ? value : DEFAULT_WEEK_START;
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
export const siteModesItem = storage.defineItem<Record<string, SiteMode>>('local:settings.siteModes', { fallback: {}, version: 1 });
/** HTTPS origins the user opted into for the generic detector or as Mastodon instances. */
export const extraOriginsItem = storage.defineItem<string[]>('local:settings.extraOrigins', { fallback: [], version: 1 });
export const weekStartItem = storage.defineItem<Weekday>('local:settings.weekStartsOn', { fallback: DEFAULT_WEEK_START, version: 1 });
export const reminderItem = storage.defineItem<WeeklyReminder>('local:settings.weeklyReminder', { fallback: DEFAULT_REMINDER, version: 1 });
/** Sites the user snoozed from a prompt ("Not now"): site id → ISO time the snooze ends. */
export const snoozesItem = storage.defineItem<Record<string, string>>('local:settings.snoozes', { fallback: {}, version: 1 });

export function repairSnoozes(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [site, until] of Object.entries(value as Record<string, unknown>)) {
    if (/^[a-z0-9][a-z0-9.-]{0,63}$/.test(site) && typeof until === 'string' && !Number.isNaN(Date.parse(until))) out[site] = until;
  }
  return out;
}

/** Is the site snoozed at `now`? */
export function isSnoozed(snoozes: Record<string, string>, siteId: string, now: Date = new Date()): boolean {
  const until = snoozes[siteId];
  return until !== undefined && Date.parse(until) > now.getTime();
}

/** Snooze a site until `until` (replacing any earlier snooze for it). */
export async function snoozeSite(siteId: string, until: Date): Promise<void> {
  const current = repairSnoozes(await snoozesItem.getValue());
  await snoozesItem.setValue({ ...current, [siteId]: until.toISOString() });
}

export interface Settings {
  siteModes: Record<string, SiteMode>;
  snoozes: Record<string, string>;
  extraOrigins: string[];
  weekStartsOn: Weekday;
  weeklyReminder: WeeklyReminder;
}

/** Every setting, repaired. */
export async function loadSettings(): Promise<Settings> {
  const [siteModes, snoozes, extraOrigins, weekStartsOn, weeklyReminder] = await Promise.all([
    siteModesItem.getValue(),
    snoozesItem.getValue(),
    extraOriginsItem.getValue(),
    weekStartItem.getValue(),
    reminderItem.getValue(),
  ]);
  return {
    siteModes: repairSiteModes(siteModes),
    snoozes: repairSnoozes(snoozes),
    extraOrigins: repairOrigins(extraOrigins),
    weekStartsOn: repairWeekStart(weekStartsOn),
    weeklyReminder: repairReminder(weeklyReminder),
  };
}

export function siteMode(settings: Pick<Settings, 'siteModes'>, siteId: string): SiteMode {
  return settings.siteModes[siteId] ?? 'reframe';
}
