/**
 * What the popup reads when it opens, all at once: the journal and the settings in parallel, then the
 * current aim and the week's outcomes, answers and activity in parallel (the popup must be ready in
 * ≤ 100 ms, so nothing waits on anything it does not need).
 */
import { t } from '@/utils/i18n/t';
import { JournalError } from '@/utils/journal/db';
import type { Journal } from '@/utils/journal/journal';
import { pageJournal } from '@/utils/journal/page';
import type { Aim, Outcome } from '@/utils/journal/records';
import { loadSettings, type Settings } from '@/utils/settings/items';
import { weekBounds, type WeekBounds } from '@/utils/week/calendar';

/** Where the popup gets its data; tests pass a journal over fake-indexeddb and a pinned clock. */
export interface PopupSource {
  openJournal(hooks: { onBlocked: () => void }): Promise<Journal>;
  loadSettings(): Promise<Settings>;
  now(): Date;
}

export const pageSource: PopupSource = {
  openJournal: (hooks) => pageJournal(hooks),
  loadSettings,
  now: () => new Date(),
};

export interface PopupData {
  journal: Journal;
  week: WeekBounds;
  aim: Aim | undefined;
  /** This week's outcomes, newest first. */
  outcomes: Outcome[];
  /** Prompts answered this week with an outcome or "nothing yet" (a dismissal is not an answer). */
  promptsAnswered: number;
  /** Time on social sites this week. */
  activeMs: number;
}

export async function loadPopupData(source: PopupSource, onBlocked: () => void): Promise<PopupData> {
  const [journal, settings] = await Promise.all([source.openJournal({ onBlocked }), source.loadSettings()]);
  const week = weekBounds(source.now(), settings.weekStartsOn);
  const [aim, outcomes, reflections, activity] = await Promise.all([
    journal.currentAim(),
    journal.outcomes({ from: week.from, to: week.to }),
    journal.reflections(week.from, week.to),
    journal.activity(week.firstDay, week.lastDay),
  ]);
  return {
    journal,
    week,
    aim,
    outcomes,
    promptsAnswered: reflections.filter((reflection) => reflection.answer !== 'dismissed').length,
    activeMs: activity.reduce((sum, row) => sum + row.activeMs, 0),
  };
}

/** A sentence for anything that went wrong while opening: the journal's own message when it has one. */
export function describeLoadError(error: unknown): string {
  if (error instanceof JournalError) return error.message;
  return t('popupLoadFailed');
}
