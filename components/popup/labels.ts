/** Words, numbers and dates as the popup shows them, in the UI's language (assets/locales/<locale>/popup.json). */
import { formatNumber, plural, t, uiLanguage } from '@/utils/i18n/t';
import { OUTCOME_KINDS, type OutcomeKind } from '@/utils/journal/records';
import { SITE_LIST } from '@/utils/sites/names';
import { kindLabel, siteName } from '../labels';

export { kindLabel, siteName };

/** The outcome kinds in their order, each with its word: read at render, in the UI's language. */
export function kindChoices(): { value: OutcomeKind; label: string }[] {
  return OUTCOME_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }));
}

/** The supported sites in registry order, for the optional "came through" picker (names are not translated). */
export const SITE_CHOICES: readonly { value: string; label: string }[] = SITE_LIST.map((site) => ({
  value: site.id,
  label: site.name,
}));

/**
 * "0 min", "45 min", "1 h 5 min", "2 h" in the UI's language, from milliseconds: whole minutes, rounded
 * down, as the weekly review counts them.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const minutesText = () => plural('popupMinutes', rest, formatNumber(rest));
  if (hours === 0) return minutesText();
  const hoursText = plural('popupHours', hours, formatNumber(hours));
  return rest === 0 ? hoursText : t('popupHoursMinutes', [hoursText, minutesText()]);
}

/** "23 – 29 Nov" in the browser's language, for the week heading. */
export function formatWeek(start: Date, end: Date, locale: string = uiLanguage()): string {
  const last = new Date(end.getFullYear(), end.getMonth(), end.getDate() - 1);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).formatRange(start, last);
}

/** "26 Nov": when an aim was set. */
export function formatDate(at: string, locale: string = uiLanguage()): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(at));
}

/** "Mon", "Tue": when in the week an outcome was logged. */
export function formatWeekday(at: string, locale: string = uiLanguage()): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(new Date(at));
}
