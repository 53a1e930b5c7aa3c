/** Words and numbers as the popup shows them. */
import { OUTCOME_KINDS, type OutcomeKind } from '@/utils/journal/records';
import { SITE_LIST } from '@/utils/sites/names';
import { kindLabel, siteName } from '../labels';

export { kindLabel, siteName };

export const KIND_CHOICES: readonly { value: OutcomeKind; label: string }[] = OUTCOME_KINDS.map((kind) => ({
  value: kind,
  label: kindLabel(kind),
}));

/** The supported sites in registry order, for the optional "came through" picker. */
export const SITE_CHOICES: readonly { value: string; label: string }[] = SITE_LIST.map((site) => ({
  value: site.id,
  label: site.name,
}));

/** The popup shows time exactly as the weekly review does (whole minutes, rounded down). */
export { formatMinutes as formatDuration } from '@/utils/week/report';

/** "23 – 29 Nov" in the reader's locale, for the week heading. */
export function formatWeek(start: Date, end: Date, locale?: string): string {
  const last = new Date(end.getFullYear(), end.getMonth(), end.getDate() - 1);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).formatRange(start, last);
}

/** "26 Nov": when an aim was set. */
export function formatDate(at: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(at));
}

/** "Mon", "Tue": when in the week an outcome was logged. */
export function formatWeekday(at: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(new Date(at));
}

/** "1 outcome", "3 outcomes". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
