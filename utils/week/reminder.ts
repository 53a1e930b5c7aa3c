/**
 * The weekly reminder: one notification at the user's chosen weekday and time (local), saying what the
 * week's numbers produced, that opens the week when clicked. It runs in the background service worker.
 *
 * - A one-shot alarm (`when`) is set for the next occurrence and set again after each firing, never a
 *   7-day `periodInMinutes`: a period is a fixed number of milliseconds, so across a daylight-saving
 *   change it would drift an hour off the chosen time.
 * - The schedule is recomputed on install, on browser start-up and whenever the setting changes.
 * - Nothing is shown before the user has set an aim (the numbers only mean something against one), nor
 *   when the reminder is switched off.
 * - The notification's id carries the week's first day, so a click handled by a later service-worker
 *   instance (the worker sleeps between events) still knows which week to open.
 */
import { browser } from 'wxt/browser';
import type { Journal } from '../journal/journal';
import { lazyJournal } from '../journal/page';
import {
  loadSettings,
  reminderItem,
  repairReminder,
  repairWeekStart,
  weekStartItem,
  type Weekday,
  type WeeklyReminder,
} from '../settings/items';
import { localDay } from '../journal/records';
import { addWeeks, weekStart } from './calendar';
import { loadWeek, summarizeWeek } from './summary';
import { t } from '../i18n/t';
import { reminderLine } from './report';

export const REMINDER_ALARM = 'running-for-weekly-review';
const NOTIFICATION_PREFIX = 'running-for-week:';

/** Chrome requires an icon on every notification: the extension's own (utils/cli/icons.ts draws it). */
export const REMINDER_ICON = 'icon/128.png';

/**
 * The first moment strictly after `now` that falls on `day` (0 = Sunday) at local `time` (`HH:MM`).
 *
 * Built with the `Date(year, month, day, hours, minutes)` constructor, so it is calendar arithmetic in
 * local time: across a daylight-saving change the result is still at the chosen wall-clock time. When
 * that time does not exist on the day (02:30 on a spring-forward night), the constructor moves it
 * forward past the gap (03:30), which is the closest real moment and still on the chosen day.
 */
export function nextReminderTime(now: Date, day: Weekday, time: string): Date {
  const [hours, minutes] = parseTime(time);
  const daysAhead = (day - now.getDay() + 7) % 7;
  const candidate = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysAhead, hours, minutes);
  if (candidate.getTime() > now.getTime()) return candidate;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysAhead + 7, hours, minutes);
}

function parseTime(time: string): [number, number] {
  // The setting is repaired to HH:MM before it gets here (settings.repairReminder); anything else is 18:00.
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? [Number(match[1]), Number(match[2])] : [18, 0];
}

export function reminderNotificationId(firstDay: string): string {
  return `${NOTIFICATION_PREFIX}${firstDay}`;
}

/** The week's first day a reminder notification is about, or undefined for someone else's notification. */
export function weekOfNotification(notificationId: string): string | undefined {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const day = notificationId.slice(NOTIFICATION_PREFIX.length);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/** The browser APIs the reminder uses (the real `browser` by default; tests pass WXT's fake browser). */
export interface ReminderBrowser {
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
    get(name: string): Promise<{ scheduledTime: number } | undefined>;
    onAlarm: {
      addListener(callback: (alarm: { name: string }) => void): void;
      removeListener(callback: (alarm: { name: string }) => void): void;
    };
  };
  notifications: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
    onClicked: { addListener(callback: (id: string) => void): void; removeListener(callback: (id: string) => void): void };
  };
  tabs: { create(properties: { url: string }): Promise<unknown> };
  runtime: {
    getURL(path: '/dashboard.html'): string;
    onInstalled: { addListener(callback: () => void): void; removeListener(callback: () => void): void };
    onStartup: { addListener(callback: () => void): void; removeListener(callback: () => void): void };
  };
}

export interface ReminderSettings {
  weekStartsOn: Weekday;
  weeklyReminder: WeeklyReminder;
}

export interface ReminderOptions {
  api?: ReminderBrowser;
  /** The journal, opened when a reminder fires (the service worker's own lazy connection by default). */
  journal?: () => Promise<Journal>;
  readSettings?: () => Promise<ReminderSettings>;
  /** Calls back when either setting changes; returns an unsubscribe function. */
  watchSettings?: (callback: () => void) => () => void;
  now?: () => Date;
  /** Where a failure in an event handler goes (the worker has no page to show it on). */
  report?: (error: unknown) => void;
}

type Resolved = Required<ReminderOptions>;

function resolve(options: ReminderOptions): Resolved {
  return {
    api: options.api ?? (browser as unknown as ReminderBrowser),
    journal: options.journal ?? lazyJournal(),
    readSettings: options.readSettings ?? loadSettings,
    watchSettings: options.watchSettings ?? watchReminderSettings,
    now: options.now ?? (() => new Date()),
    report: options.report ?? ((error) => console.error('Running For: weekly reminder', error)),
  };
}

function watchReminderSettings(callback: () => void): () => void {
  const stops = [reminderItem.watch(() => callback()), weekStartItem.watch(() => callback())];
  return () => stops.forEach((stop) => stop());
}

/** Set the alarm for the next reminder, or clear it when the reminder is off. Returns when it will fire. */
export async function scheduleReminder(options: ReminderOptions = {}): Promise<Date | undefined> {
  const { api, readSettings, now } = resolve(options);
  const reminder = repairReminder((await readSettings()).weeklyReminder);
  await api.alarms.clear(REMINDER_ALARM);
  if (!reminder.enabled) return undefined;
  const when = nextReminderTime(now(), reminder.day, reminder.time);
  await api.alarms.create(REMINDER_ALARM, { when: when.getTime() });
  return when;
}

/**
 * The reminder itself: the week so far, in one line, as a notification. Shows nothing (returns
 * undefined) when the reminder is off or no aim is set.
 */
export async function showReminder(options: ReminderOptions = {}): Promise<string | undefined> {
  const { api, journal: openJournal, readSettings, now } = resolve(options);
  const settings = await readSettings();
  if (!repairReminder(settings.weeklyReminder).enabled) return undefined;
  const journal = await openJournal();
  if ((await journal.currentAim()) === undefined) return undefined;
  const weekStartsOn = repairWeekStart(settings.weekStartsOn);
  const summary = summarizeWeek(await loadWeek(journal, reportedWeekDate(now(), weekStartsOn), weekStartsOn));
  const id = reminderNotificationId(summary.bounds.firstDay);
  await api.notifications.create(id, { type: 'basic', iconUrl: REMINDER_ICON, title: t('extName'), message: reminderLine(summary) });
  return id;
}

/**
 * The week a reminder reports: the current one, except on its first day, when it has barely begun —
 * then the week that just ended (a Monday-morning reminder with weeks starting on Monday).
 */
export function reportedWeekDate(now: Date, weekStartsOn: Weekday): Date {
  return localDay(weekStart(now, weekStartsOn)) === localDay(now) ? addWeeks(now, -1) : now;
}

/** The dashboard's page for a week. */
export function weekPageUrl(api: Pick<ReminderBrowser, 'runtime'>, firstDay: string): string {
  return `${api.runtime.getURL('/dashboard.html')}#/week/${firstDay}`;
}

/**
 * Start the reminder in the background. Listeners are added synchronously, as a Manifest V3 service
 * worker must do for events to wake it. Returns a function that removes them (tests).
 */
export function startWeeklyReminder(options: ReminderOptions = {}): () => void {
  const resolved = resolve(options);
  const { api, report } = resolved;
  const reschedule = () => void scheduleReminder(resolved).catch(report);
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name !== REMINDER_ALARM) return;
    // Schedule the next one whatever happens to this one: a failed week must not end the reminders.
    void showReminder(resolved).catch(report).finally(reschedule);
  };
  const onClicked = (id: string) => {
    const firstDay = weekOfNotification(id);
    if (firstDay) void api.tabs.create({ url: weekPageUrl(api, firstDay) }).catch(report);
  };
  api.alarms.onAlarm.addListener(onAlarm);
  api.notifications.onClicked.addListener(onClicked);
  api.runtime.onInstalled.addListener(reschedule);
  api.runtime.onStartup.addListener(reschedule);
  const unwatch = resolved.watchSettings(reschedule);
  // The worker also starts for other reasons (a message, an update while running): make sure an alarm
  // exists without moving one that is already set.
  void api.alarms
    .get(REMINDER_ALARM)
    .then((existing) => (existing ? undefined : scheduleReminder(resolved)))
    .catch(report);
  return () => {
    api.alarms.onAlarm.removeListener(onAlarm);
    api.notifications.onClicked.removeListener(onClicked);
    api.runtime.onInstalled.removeListener(reschedule);
    api.runtime.onStartup.removeListener(reschedule);
    unwatch();
  };
}
