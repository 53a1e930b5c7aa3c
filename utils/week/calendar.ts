/**
 * Weeks in local time. A week starts at local midnight on the user's chosen weekday
 * (settings.weekStartsOn, Monday by default) and lasts seven calendar days.
 *
 * Days are stepped with the `Date(year, month, day)` constructor, never by adding 24 × 60 × 60 × 1000:
 * a week that crosses a daylight-saving change lasts 167 or 169 hours, and only calendar arithmetic
 * keeps both ends on local midnight. Where a zone skips midnight itself (Chile's spring change), the
 * constructor gives the first real instant of that day (01:00), which is still the start of the day.
 */
import { localDay } from '../journal/records';
import type { Weekday } from '../settings/items';

/** Local midnight at the start of the week that contains `date`. */
export function weekStart(date: Date, weekStartsOn: Weekday): Date {
  const daysIntoWeek = (date.getDay() - weekStartsOn + 7) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - daysIntoWeek);
}

/** The same local midnight `weeks` weeks later (or earlier, when negative). */
export function addWeeks(start: Date, weeks: number): Date {
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7 * weeks);
}

/** Local midnight of a `YYYY-MM-DD` day, or undefined when it is not a real day. */
export function parseDay(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return localDay(date) === day ? date : undefined;
}

/** The journal's time filter for the week starting at `start`: [from, to) as ISO strings. */
export function weekRange(start: Date): { from: string; to: string } {
  return { from: start.toISOString(), to: addWeeks(start, 1).toISOString() };
}

export interface WeekBounds {
  /** Inclusive: local midnight on the first day. */
  start: Date;
  /** Exclusive: local midnight seven calendar days later. */
  end: Date;
  /** The first and last local days, `YYYY-MM-DD` (activity rows are keyed by local day). */
  firstDay: string;
  lastDay: string;
  /** The journal's time filter: [from, to) as ISO strings. */
  from: string;
  to: string;
}

/** Everything a view needs to query the week that contains `date`. */
export function weekBounds(date: Date, weekStartsOn: Weekday): WeekBounds {
  const start = weekStart(date, weekStartsOn);
  const end = addWeeks(start, 1);
  const last = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6);
  return { start, end, firstDay: localDay(start), lastDay: localDay(last), ...weekRange(start) };
}

/** "23 – 29 Nov 2026" in the reader's locale. */
export function weekLabel(start: Date, locale?: string): string {
  const last = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(start, last);
}

/** `at` moved to another local day, keeping its local time of day (editing an outcome's date). */
export function moveToDay(at: string, day: string): string | undefined {
  const target = parseDay(day);
  if (!target) return undefined;
  const original = new Date(at);
  target.setHours(original.getHours(), original.getMinutes(), original.getSeconds(), original.getMilliseconds());
  return target.toISOString();
}
