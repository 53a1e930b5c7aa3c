/**
 * Budgets: how much any one site — or one tab — may add through the background (README "Architecture": "treat every
 * page as hostile … flood us with changes"). A page cannot message the background itself, but it can make
 * a content script send: flip the user's own count 200 times (snapshots), grow a page full of counts
 * (activity), navigate without end (site health, language packs). A compromised content script could send
 * anything a content script may. Each cap is far above what a real tab sends (the numbers below say why),
 * so a refusal means something is wrong with the page, and the Sites view says so.
 *
 * - Per minute (calendar minutes of the background's clock): counted in memory. A service worker that
 *   was stopped (after 30 s without messages) starts again from zero, which only a quiet page allows.
 * - Per day (local days): read from the very row the message would change, in the write's own
 *   transaction — today's activity row, today's site-health row, today's snapshots of the site — so a
 *   restart forgets nothing and no two messages race past a cap.
 *
 * A message over a budget is answered `{ ok: false, error }`, writes nothing, and is counted (journal
 * store `refusals`: per local day, site and message type) in batches: one write in flight at a time.
 */
import type { ActivityCap } from '../journal/journal';
import { ACTIVITY_LIMITS } from './limits';
import type { BudgetedMessage, RefusalDay } from '../journal/records';

/** The caps (README, "What content scripts may ask the background"). */
export const BUDGETS = {
  snapshot: {
    /**
     * A content script sends an own count when it is first seen on a page and when it changes: a few per
     * page load, two or three counts a site. 120 covers a restored session of own-profile tabs all loading
     * in the same minute; the journal coalesces them anyway (journal.ts SNAPSHOT_INTERVAL_MS).
     */
    perMinutePerSite: 120,
    /**
     * Rows a site may add in a day, every metric together. Coalescing already keeps a metric under 25 rows
     * a day; 72 is three counts changing every hour of the day. It keeps a year-long flood from every
     * supported site far under the million records a backup can hold (14 × 72 × 365 ≈ 368,000).
     */
    newRowsPerDayPerSite: 72,
  },
  activity: {
    /**
     * A tab flushes every 30 s (utils/live/activity.ts FLUSH_EVERY_MS) and whenever it is hidden or left: a
     * person switching tabs as fast as they can sends a few dozen a minute.
     */
    messagesPerMinutePerTab: 60,
    /**
     * Active time is counted only while the tab is visible, its window focused and the user not idle, so no
     * tab is active longer than time passes. A tab's allowance refills at the clock's pace (a minute a
     * minute) up to this much, the most one message may carry (./limits.ts): a flush that
     * comes late — a stalled page, a throttled timer — still fits; past it, a tab cannot add more than the
     * time that has passed since its last message.
     */
    activeMsCarryPerTab: ACTIVITY_LIMITS.activeMs,
    /** A day's row for a site: no more active time than the day has; counts seen and prompts shown past any reading. */
    perDayPerSite: { activeMs: 24 * 60 * 60 * 1000, metricsSeen: 100_000, promptsShown: 100_000 } satisfies ActivityCap,
  },
  health: {
    /**
     * A page view is recorded once it has been visible and settled for 3 s (utils/health/recorder.ts
     * SETTLE_MS): about 20 a minute a window.
     */
    perMinutePerSite: 60,
    /** Page views that should show counts, a day: a profile every 30 s for 16 hours is under 2,000. */
    viewsPerDayPerSite: 2_000,
  },
  answer: {
    /**
     * Answers to prompts (prompt/answer, from the prompt page only, each a press in the dialog), with the
     * outcomes logged with them. Opening a prompt, reading it and pressing takes a person seconds: 20 a
     * minute is more than anyone answers by hand.
     */
    perMinutePerSite: 20,
    /** Answers a day: a prompt answered every three minutes for fifteen hours is 300. */
    perDayPerSite: 300,
    /** Outcomes a day, logged from prompts: each is a result typed by hand; 100 is past any real day. */
    outcomesPerDayPerSite: 100,
  },
  lang: {
    /** A page loads its own language and the browser's, then one per language it meets: every pack twice over is 66. */
    perMinutePerTab: 60,
  },
  frame: {
    /**
     * The prompt's frame code, injected once per document on its first open (prompt/frame); asked again only
     * after a failed load. A page full of prompts opened by hand sends one.
     */
    perMinutePerTab: 60,
  },
  generic: {
    /**
     * The generic layer, injected once per document the first time a region misses a count (sites/generic);
     * asked again only after a failed load.
     */
    perMinutePerTab: 60,
  },
  settings: {
    /**
     * A content script asks for its site's mode and snooze when it starts and each time the background says
     * they changed (settings/site): a person changing modes by hand sends a few a minute.
     */
    perMinutePerTab: 60,
  },
} as const;

const MINUTE_MS = 60_000;

/** Per-minute budgets in memory: messages per key in the current calendar minute. */
export class MinuteBudget {
  private minute = Number.NaN;
  private used = new Map<string, number>();

  constructor(private readonly now: () => Date) {}

  /** Take one message from `key`'s budget for this minute; false, and nothing taken, when it is spent. */
  take(key: string, max: number): boolean {
    const minute = Math.floor(this.now().getTime() / MINUTE_MS);
    if (minute !== this.minute) {
      // A new minute (or a clock set back): every key starts again, and last minute's keys are dropped.
      this.minute = minute;
      this.used = new Map();
    }
    const used = this.used.get(key) ?? 0;
    if (used >= max) return false;
    this.used.set(key, used + 1);
    return true;
  }
}

/** Keys remembered before full allowances are forgotten (a forgotten key starts full, which is the same). */
const ALLOWANCE_KEYS = 1_000;

/**
 * An allowance of time per key (a token bucket): it refills at the clock's pace up to `capacity`, and a
 * message takes what it carries. So over any stretch a key adds at most the time that passed plus `capacity`.
 */
export class TimeAllowance {
  private readonly left = new Map<string, { ms: number; at: number }>();

  constructor(
    private readonly now: () => Date,
    private readonly capacity: number,
  ) {}

  /** Take `ms` from `key`'s allowance; false, and nothing taken, when it has less. */
  take(key: string, ms: number): boolean {
    const at = this.now().getTime();
    const before = this.left.get(key);
    const available = before ? Math.min(this.capacity, before.ms + Math.max(0, at - before.at)) : this.capacity;
    if (ms > available) return false;
    this.left.set(key, { ms: available - ms, at });
    if (this.left.size > ALLOWANCE_KEYS) {
      for (const [other, entry] of this.left) if (entry.ms + (at - entry.at) >= this.capacity) this.left.delete(other);
    }
    return true;
  }
}

/**
 * Counts refusals and writes them in batches: while one write is in flight, refusals gather for the next,
 * so a flood of a thousand refused messages costs a handful of transactions, not a thousand.
 */
export class RefusalTally {
  private pending = new Map<string, RefusalDay>();
  private inFlight: Promise<void> = Promise.resolve();
  private next: Promise<void> | undefined;

  constructor(private readonly write: (counts: RefusalDay[]) => Promise<void>) {}

  /** Count one refusal; resolves once it is written (rejects if that write failed). */
  add(day: string, siteId: string, type: BudgetedMessage): Promise<void> {
    const key = `${day}\u0000${siteId}\u0000${type}`;
    const row = this.pending.get(key);
    if (row) row.count += 1;
    else this.pending.set(key, { day, siteId, type, count: 1 });
    if (!this.next) {
      const run = this.inFlight
        .catch(() => undefined)
        .then(() => {
          this.next = undefined;
          const batch = [...this.pending.values()];
          this.pending = new Map();
          return this.write(batch);
        });
      this.next = run;
      this.inFlight = run;
    }
    return this.next;
  }
}

/** The sentence a refused message gets back. */
export function overBudget(type: BudgetedMessage, siteId: string, what: string): string {
  return `Refused ${type}: ${what} from ${siteId}. Not stored; Running For keeps a count of refusals.`;
}
