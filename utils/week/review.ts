/**
 * The weekly review's data, for the dashboard's week view (components/dashboard/WeekView.tsx): the shown
 * week summarized (./summary.ts), timed with the Performance API for the benchmark, and the figures of the
 * weeks before it for the trend charts. Computed here, drawn there.
 */
import type { Journal } from '../journal/journal';
import type { Weekday } from '../settings/items';
import { addWeeks } from './calendar';
import { loadWeek, summarizeWeek, type WeekSummary } from './summary';

/** Weeks in the trend charts, ending with the shown week. */
export const TREND_WEEKS = 12;

/** The name of the Performance API measure around loading and summarizing the shown week (the benchmark reads it). */
export const WEEK_MEASURE = 'week-computed';

/** One week's point on the trend charts. */
export interface TrendWeek {
  firstDay: string;
  start: Date;
  audienceChange: number;
  activeMs: number;
  outcomes: number;
}

/** Load and summarize one week, timed with the Performance API (the benchmark reads the measure). */
export async function computeWeek(
  journal: Journal,
  start: Date,
  weekStartsOn: Weekday,
  perf: Performance | undefined = globalThis.performance,
): Promise<WeekSummary> {
  perf?.mark(`${WEEK_MEASURE}-start`);
  const started = perf?.now() ?? 0;
  const summary = summarizeWeek(await loadWeek(journal, start, weekStartsOn));
  perf?.measure(WEEK_MEASURE, { start: started, detail: { week: summary.bounds.firstDay } });
  return summary;
}

/** The figures the trend charts need for the `TREND_WEEKS` weeks ending with the one starting at `start`. */
export async function loadTrend(journal: Journal, start: Date, weekStartsOn: Weekday, shown: WeekSummary): Promise<TrendWeek[]> {
  const starts = Array.from({ length: TREND_WEEKS - 1 }, (_, i) => addWeeks(start, i - (TREND_WEEKS - 1)));
  // Each week is its own indexed range queries; run them side by side.
  const earlier = await Promise.all(starts.map(async (weekStart) => summarizeWeek(await loadWeek(journal, weekStart, weekStartsOn))));
  return [...earlier, shown].map((summary) => ({
    firstDay: summary.bounds.firstDay,
    start: summary.bounds.start,
    audienceChange: summary.feelingBig.audienceChange,
    activeMs: summary.feelingBig.activeMs,
    outcomes: summary.beingBig.outcomes.length,
  }));
}
