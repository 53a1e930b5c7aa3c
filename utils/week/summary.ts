/**
 * The weekly review's figures: "feeling big" (audience change, time, counts seen, prompts shown)
 * against "being big" (outcomes, answers to prompts), for one week in local time.
 *
 * `loadWeek` reads only the week's records through indexed range queries, plus one bounded cursor per
 * (site, metric) for the last value before the week — never the whole history — and `summarizeWeek`
 * is a pure function of what it read, so the figures are tested with a pinned clock and no database.
 */
import type { Journal } from '../journal/journal';
import type { Activity, Aim, Answer, Outcome, OutcomeKind, Reflection, Snapshot } from '../journal/records';
import type { Metric } from '../sites/types';
import type { Weekday } from '../settings/items';
import { weekBounds, type WeekBounds } from './calendar';

/** Metrics that add up to "audience"; following, karma and stars are shown apart. */
export const AUDIENCE_METRICS: readonly Metric[] = ['followers', 'subscribers', 'connections', 'friends'];

export interface WeekData {
  bounds: WeekBounds;
  /** Own-count snapshots taken during the week. */
  snapshots: Snapshot[];
  /** For each (site, metric) seen in the week: the last snapshot before the week, when there is one. */
  before: Snapshot[];
  activity: Activity[];
  outcomes: Outcome[];
  reflections: Reflection[];
  /** Every aim (a handful): the week shows the ones current at any time during it. */
  aims: Aim[];
}

export interface MetricChange {
  siteId: string;
  metric: Metric;
  /** The last value before the week, or the first value in the week when there was none before. */
  from: number;
  /** The last value within the week. */
  to: number;
  change: number;
  /** True when there was no earlier value: the change counts from the first value in the week. */
  fromFirstInWeek: boolean;
  /** Either end was an abbreviated or lower-bound value ("12.3K", "500+"). */
  approximate: boolean;
}

export interface SiteTime {
  siteId: string;
  activeMs: number;
  metricsSeen: number;
  promptsShown: number;
  /** Outcomes logged this week that came through this site. */
  outcomes: number;
}

export interface WeekSummary {
  bounds: WeekBounds;
  feelingBig: {
    /** Audience metrics per site (followers, subscribers, connections, friends). */
    audience: MetricChange[];
    /** Sum of `audience` changes. */
    audienceChange: number;
    audienceApproximate: boolean;
    /** following, karma and stars: shown apart, not in the total. */
    other: MetricChange[];
    sites: SiteTime[];
    activeMs: number;
    /** Whole minutes, rounded down. */
    activeMinutes: number;
    metricsSeen: number;
    promptsShown: number;
  };
  beingBig: {
    outcomes: Outcome[];
    byKind: Partial<Record<OutcomeKind, number>>;
    /** Site id → outcomes; outcomes with no site under "". */
    bySite: Record<string, number>;
    answers: Record<Answer, number>;
    /** Aims current at any time during the week, oldest first. */
    aims: Aim[];
  };
}

/**
 * Read what one week needs, through the journal's indexes, in ONE read transaction: the week's records
 * by time (activity by day), then, for each (site, metric) seen in the week, the last snapshot before it
 * through a bounded reverse cursor. Nothing outside the week is read, so the cost follows the week's data.
 */
export async function loadWeek(journal: Journal, date: Date, weekStartsOn: Weekday): Promise<WeekData> {
  const bounds = weekBounds(date, weekStartsOn);
  return journal.transact(async (db) => {
    const tx = db.transaction(['snapshots', 'activity', 'outcomes', 'reflections', 'aims']);
    const time = IDBKeyRange.bound(bounds.from, bounds.to, false, true);
    const [snapshots, activity, outcomes, reflections, aims] = await Promise.all([
      tx.objectStore('snapshots').index('by-at').getAll(time),
      tx.objectStore('activity').getAll(IDBKeyRange.bound([bounds.firstDay, ''], [bounds.lastDay, '\uffff'])),
      tx.objectStore('outcomes').index('by-at').getAll(time),
      tx.objectStore('reflections').index('by-at').getAll(time),
      tx.objectStore('aims').index('by-createdAt').getAll(),
    ]);
    const pairs = new Map<string, { siteId: string; metric: Metric }>();
    for (const s of snapshots) pairs.set(`${s.siteId}\u0000${s.metric}`, { siteId: s.siteId, metric: s.metric });
    const byPair = tx.objectStore('snapshots').index('by-site-metric-at');
    const cursors = await Promise.all(
      [...pairs.values()].map(({ siteId, metric }) =>
        byPair.openCursor(IDBKeyRange.bound([siteId, metric, ''], [siteId, metric, bounds.from], false, true), 'prev'),
      ),
    );
    await tx.done;
    const before = cursors.flatMap((cursor) => (cursor ? [cursor.value] : []));
    return { bounds, snapshots, before, activity, outcomes, reflections, aims };
  });
}

/** The week's figures from what `loadWeek` read. Pure. */
export function summarizeWeek(data: WeekData): WeekSummary {
  const { bounds } = data;
  const key = (s: { siteId: string; metric: Metric }) => `${s.siteId}\u0000${s.metric}`;

  // Last value before the week and first/last within it, per (site, metric).
  const beforeByKey = new Map(data.before.map((s) => [key(s), s]));
  const inWeek = new Map<string, { first: Snapshot; last: Snapshot }>();
  for (const s of [...data.snapshots].sort(byTime)) {
    const k = key(s);
    const seen = inWeek.get(k);
    if (!seen) inWeek.set(k, { first: s, last: s });
    else seen.last = s;
  }
  const changes: MetricChange[] = [];
  for (const [k, { first, last }] of inWeek) {
    const earlier = beforeByKey.get(k);
    const start = earlier ?? first;
    changes.push({
      siteId: last.siteId,
      metric: last.metric,
      from: start.value,
      to: last.value,
      change: last.value - start.value,
      fromFirstInWeek: earlier === undefined,
      approximate: start.approximate || last.approximate,
    });
  }
  changes.sort((a, b) => a.siteId.localeCompare(b.siteId) || a.metric.localeCompare(b.metric));
  const audience = changes.filter((c) => AUDIENCE_METRICS.includes(c.metric));
  const other = changes.filter((c) => !AUDIENCE_METRICS.includes(c.metric));

  const outcomes = [...data.outcomes].sort(byTime);
  const sites = new Map<string, SiteTime>();
  const site = (siteId: string) => {
    let entry = sites.get(siteId);
    if (!entry) sites.set(siteId, (entry = { siteId, activeMs: 0, metricsSeen: 0, promptsShown: 0, outcomes: 0 }));
    return entry;
  };
  for (const row of data.activity) {
    if (row.day < bounds.firstDay || row.day > bounds.lastDay) continue;
    const entry = site(row.siteId);
    entry.activeMs += row.activeMs;
    entry.metricsSeen += row.metricsSeen;
    entry.promptsShown += row.promptsShown;
  }
  const byKind: Partial<Record<OutcomeKind, number>> = {};
  const bySite: Record<string, number> = {};
  for (const outcome of outcomes) {
    byKind[outcome.kind] = (byKind[outcome.kind] ?? 0) + 1;
    bySite[outcome.siteId ?? ''] = (bySite[outcome.siteId ?? ''] ?? 0) + 1;
    if (outcome.siteId) site(outcome.siteId).outcomes += 1;
  }
  const answers: Record<Answer, number> = { outcome: 0, 'nothing-yet': 0, dismissed: 0 };
  for (const reflection of data.reflections) answers[reflection.answer] += 1;

  const siteList = [...sites.values()].sort((a, b) => b.activeMs - a.activeMs || a.siteId.localeCompare(b.siteId));
  const activeMs = siteList.reduce((sum, s) => sum + s.activeMs, 0);
  return {
    bounds,
    feelingBig: {
      audience,
      audienceChange: audience.reduce((sum, c) => sum + c.change, 0),
      audienceApproximate: audience.some((c) => c.approximate),
      other,
      sites: siteList,
      activeMs,
      activeMinutes: Math.floor(activeMs / 60_000),
      metricsSeen: siteList.reduce((sum, s) => sum + s.metricsSeen, 0),
      promptsShown: siteList.reduce((sum, s) => sum + s.promptsShown, 0),
    },
    beingBig: {
      outcomes,
      byKind,
      bySite,
      answers,
      aims: aimsDuring(data.aims, bounds),
    },
  };
}

/** Aims current at any moment of [from, to): created before the end, not archived before the start. */
export function aimsDuring(aims: readonly Aim[], bounds: Pick<WeekBounds, 'from' | 'to'>): Aim[] {
  return aims
    .filter((aim) => aim.createdAt < bounds.to && (aim.archivedAt === null || aim.archivedAt > bounds.from))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

function byTime<T extends { at: string; id: string }>(a: T, b: T): number {
  return a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
}
