/**
 * The weekly reminder's choices and its next time as the browser's language writes them: one source for the
 * dashboard's reminder settings and the first-run page's reminder step.
 */
import { uiLanguage } from '../i18n/t';
import type { Weekday, WeeklyReminder } from '../settings/items';
import { nextReminderTime } from './reminder';

/** The days a reminder can fall on, in the order the pickers list them (Monday first). */
export const REMINDER_WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** A weekday's name in the browser's language ("Monday", "lundi"). 7 January 2024 was a Sunday. */
export function weekdayName(day: Weekday): string {
  return new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long' }).format(new Date(2024, 0, 7 + day));
}

/** When the next reminder is due, as the browser's language writes a date and time ("Monday, 30 November at 9:00 AM"). */
export function describeNextReminder(reminder: WeeklyReminder, now: Date): string {
  const when = nextReminderTime(now, reminder.day, reminder.time);
  return new Intl.DateTimeFormat(uiLanguage(), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(when);
}
