/**
 * A synthetic journal of heavy use as a backup file (the format import reads): deterministic, so two
 * runs measure the same data. Five years ≈ 10,000 outcomes, 50,000 reflections, 100,000 snapshots over
 * 13 (site, metric) pairs and 20,000 days of activity (11 sites × every day).
 *
 * `sliceHistory` keeps only the last N years of the same data, so a shorter history has exactly the same
 * recent weeks: a week's cost can then be compared across history lengths.
 */
import type { Backup } from '../../../utils/journal/backup/format';
import type { Activity, Aim, Outcome, OutcomeKind, Reflection, Snapshot } from '../../../utils/journal/records';
import type { Metric } from '../../../utils/sites/types';

const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365.25 * DAY_MS;

/** Own counts tracked: 13 (site, metric) pairs. */
const PAIRS: readonly [string, Metric][] = [
  ['x', 'followers'],
  ['x', 'following'],
  ['linkedin', 'connections'],
  ['linkedin', 'followers'],
  ['youtube', 'subscribers'],
  ['github', 'followers'],
  ['github', 'stars'],
  ['instagram', 'followers'],
  ['facebook', 'friends'],
  ['bluesky', 'followers'],
  ['reddit', 'karma'],
  ['substack', 'subscribers'],
  ['mastodon.social', 'followers'],
];
const ACTIVITY_SITES = [
  'x',
  'linkedin',
  'youtube',
  'github',
  'instagram',
  'facebook',
  'bluesky',
  'reddit',
  'substack',
  'threads',
  'tiktok',
];
const KINDS: readonly OutcomeKind[] = ['client', 'collaboration', 'job', 'sale', 'learning', 'creation', 'help', 'other'];

export interface HistoryShape {
  years: number;
  /** The history ends here (exclusive). */
  end: Date;
  outcomesPerYear: number;
  reflectionsPerYear: number;
  snapshotsPerYear: number;
}

export const HEAVY_USE: Omit<HistoryShape, 'years' | 'end'> = {
  outcomesPerYear: 2_000,
  reflectionsPerYear: 10_000,
  snapshotsPerYear: 20_000,
};

/** Mulberry32: a small seeded generator, enough for spreading records over time. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function generateHistory(shape: HistoryShape): Backup {
  const rand = random(20261123);
  const end = shape.end.getTime();
  const start = end - shape.years * YEAR_MS;
  const times = (count: number) => Array.from({ length: count }, () => Math.floor(start + rand() * (end - start))).sort((a, b) => a - b);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;

  // One aim a year; each archived when the next is set.
  const aims: Aim[] = Array.from({ length: Math.max(1, Math.ceil(shape.years)) }, (_, i) => ({
    id: `bench-aim-${i}`,
    purpose: 'An independent design studio',
    aim: `Aim for year ${i + 1}`,
    createdAt: new Date(start + i * YEAR_MS).toISOString(),
    archivedAt: null,
  }));
  aims.forEach((aim, i) => (aim.archivedAt = aims[i + 1]?.createdAt ?? null));
  const aimAt = (time: number) => aims[Math.min(aims.length - 1, Math.floor((time - start) / YEAR_MS))]!.id;

  const outcomes: Outcome[] = times(Math.round(shape.outcomesPerYear * shape.years)).map((time, i) => ({
    id: `bench-out-${i}`,
    at: new Date(time).toISOString(),
    title: `Outcome ${i}`,
    kind: pick(KINDS),
    note: i % 5 === 0 ? 'Came through a reply to a post.' : '',
    siteId: rand() < 0.2 ? null : pick(ACTIVITY_SITES),
    aimId: aimAt(time),
  }));

  const reflections: Reflection[] = times(Math.round(shape.reflectionsPerYear * shape.years)).map((time, i) => {
    const [siteId, metric] = pick(PAIRS);
    const answer = rand() < 0.6 ? 'nothing-yet' : rand() < 0.7 ? 'dismissed' : 'outcome';
    return {
      id: `bench-ref-${i}`,
      at: new Date(time).toISOString(),
      siteId,
      metric,
      value: Math.floor(rand() * 10_000),
      own: rand() < 0.3,
      answer,
      outcomeId: null,
    };
  });

  // Own counts: a slow random walk per pair.
  const levels = new Map(PAIRS.map(([site, metric]) => [`${site} ${metric}`, 100 + Math.floor(rand() * 5_000)]));
  const snapshots: Snapshot[] = times(Math.round(shape.snapshotsPerYear * shape.years)).map((time, i) => {
    const [siteId, metric] = pick(PAIRS);
    const key = `${siteId} ${metric}`;
    const value = Math.max(0, levels.get(key)! + Math.floor(rand() * 7) - 2);
    levels.set(key, value);
    return { id: `bench-snap-${i}`, at: new Date(time).toISOString(), siteId, metric, value, approximate: value >= 10_000 };
  });

  const activity: Activity[] = [];
  for (let day = Math.ceil(start / DAY_MS) * DAY_MS; day < end; day += DAY_MS) {
    for (const siteId of ACTIVITY_SITES) {
      activity.push({
        day: utcDay(day),
        siteId,
        activeMs: Math.floor(rand() * 40 * 60_000),
        metricsSeen: Math.floor(rand() * 60),
        promptsShown: Math.floor(rand() * 8),
      });
    }
  }

  return {
    format: 'running-for-backup',
    version: 1,
    exportedAt: new Date(end).toISOString(),
    aims,
    outcomes,
    reflections,
    snapshots,
    activity,
  };
}

/** The same history, keeping only records from `years` before its end. */
export function sliceHistory(history: Backup, years: number): Backup {
  const end = Date.parse(history.exportedAt);
  const from = new Date(end - years * YEAR_MS).toISOString();
  const fromDay = from.slice(0, 10);
  return {
    ...history,
    aims: history.aims.filter((aim) => aim.archivedAt === null || aim.archivedAt > from),
    outcomes: history.outcomes.filter((r) => r.at >= from),
    reflections: history.reflections.filter((r) => r.at >= from),
    snapshots: history.snapshots.filter((r) => r.at >= from),
    activity: history.activity.filter((r) => r.day >= fromDay),
  };
}

export function countsOf(history: Backup): Record<'aims' | 'outcomes' | 'reflections' | 'snapshots' | 'activity', number> {
  return {
    aims: history.aims.length,
    outcomes: history.outcomes.length,
    reflections: history.reflections.length,
    snapshots: history.snapshots.length,
    activity: history.activity.length,
  };
}
