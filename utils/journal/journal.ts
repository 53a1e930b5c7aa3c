/**
 * The journal: what the user is running for (aims), what their connections produced (outcomes), their
 * answers to prompts (reflections), their own counts over time (snapshots) and time on sites
 * (activity). One class over the IndexedDB database, used by the background and extension pages.
 *
 * - Every write is one transaction; a failed write throws a JournalError and changes nothing.
 * - The connection reopens by itself after the browser closes it, or after a newer version of the
 *   extension asked for it (`blocking`).
 */
import * as v from 'valibot';
import {
  allOrNothing,
  openJournalDB,
  HEALTH_STORES,
  JournalError,
  ERROR_TEXTS,
  REFUSAL_STORES,
  STORES,
  toJournalError,
  type JournalDB,
  type OpenOptions,
  type StoreName,
} from './db';
import {
  ActivitySchema,
  AimSchema,
  HealthDaySchema,
  RefusalDaySchema,
  SiteHealthSchema,
  LIMITS,
  OutcomeSchema,
  ReflectionSchema,
  SnapshotSchema,
  localDay,
  newId,
  type Activity,
  type Aim,
  type HealthDay,
  type Outcome,
  type OutcomeKind,
  type Reflection,
  type RefusalDay,
  type SiteHealth,
  type Snapshot,
} from './records';
import { METRICS, type Layer } from '../sites/types';
import { t } from '../i18n/t';

export interface JournalOptions extends OpenOptions {
  /** The clock (tests pin it). */
  now?: () => Date;
}

export interface OutcomeInput {
  title: string;
  kind: OutcomeKind;
  note?: string;
  siteId?: string | null;
  at?: string;
}

export type OutcomePatch = Partial<Pick<Outcome, 'title' | 'kind' | 'note' | 'siteId' | 'at'>>;

export interface OutcomeFilter {
  /** Inclusive lower bound (ISO). */
  from?: string;
  /** Exclusive upper bound (ISO). */
  to?: string;
  kind?: OutcomeKind;
  /** A site id, or null for outcomes that came through no site. */
  siteId?: string | null;
}

export type ReflectionInput = Omit<Reflection, 'id' | 'at'> & { at?: string };
export type SnapshotInput = Omit<Snapshot, 'id' | 'at'> & { at?: string };
export interface ActivityDelta {
  siteId: string;
  day?: string;
  activeMs?: number;
  metricsSeen?: number;
  promptsShown?: number;
}

/** One page view that should have shown counts (utils/health/recorder.ts): found by `via`, or empty. */
export interface PageViewHealth {
  siteId: string;
  found: boolean;
  /** The layer of the view's counts (the least trusted one among them), when found. */
  via?: Layer;
  /** Counts came after the view was recorded empty: it becomes a view with counts. */
  corrects?: boolean;
}

/**
 * Snapshots are coalesced per site and metric over this interval: a value that comes within it of the
 * last stored snapshot (the same local day) replaces that row's value and time — the latest wins — instead
 * of adding a row. An hour, because the only reader (utils/week/summary.ts: the last value before a week,
 * the first and last within it) needs the values at week edges, never within an hour; a day's edge (so a
 * week's) is never crossed. So a site and metric keep at most 25 rows a day whatever a page does.
 */
export const SNAPSHOT_INTERVAL_MS = 60 * 60 * 1000;

/** What a capped write did not do: it would have gone over its daily cap (utils/messaging/budgets.ts), so nothing was written. */
export const OVER_CAP = 'over-cap' as const;
export type OverCap = typeof OVER_CAP;

/**
 * What `addSnapshot` did: added a row, updated the last one in place (coalesced), or nothing (the last
 * row of the day already says it) — `snapshot` is the row that holds the value now.
 */
export type SnapshotWrite = { stored: 'added' | 'updated' | 'unchanged'; snapshot: Snapshot } | { stored: OverCap };

/** An answer to a prompt (addAnswer): a reflection, with its outcome when the answer is "outcome". */
export type AnswerInput = Omit<ReflectionInput, 'outcomeId'> & { outcome?: Pick<OutcomeInput, 'title' | 'kind' | 'note'> };

/** Daily caps on one site's answers and the outcomes logged with them (utils/messaging/budgets.ts). */
export interface AnswerCap {
  answersPerDay?: number;
  outcomesPerDay?: number;
}

/** Daily caps on what one site's activity row may reach (utils/messaging/budgets.ts). */
export type ActivityCap = Readonly<Pick<Activity, 'activeMs' | 'metricsSeen' | 'promptsShown'>>;

/** Validate with a schema; a failure is a JournalError naming the first problem. */
export function check<T extends v.GenericSchema>(schema: T, value: unknown, what: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  throw new JournalError('invalid', `${what}${path ? ` ${path}` : ''}: ${issue?.message ?? ERROR_TEXTS.invalid}`);
}

export class Journal {
  private db: JournalDB | undefined;
  private opening: Promise<JournalDB> | undefined;
  private readonly now: () => Date;

  private constructor(private readonly options: JournalOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Open the journal (creating or upgrading the database). Throws JournalError('unavailable') where IndexedDB is missing. */
  static async open(options: JournalOptions = {}): Promise<Journal> {
    const journal = new Journal(options);
    await journal.connection();
    return journal;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }

  private connection(): Promise<JournalDB> {
    if (this.db) return Promise.resolve(this.db);
    this.opening ??= openJournalDB({
      ...this.options,
      onBlocking: () => {
        this.db = undefined;
        this.options.onBlocking?.();
      },
      onTerminated: () => {
        this.db = undefined;
        this.options.onTerminated?.();
      },
    })
      .then((db) => {
        this.db = db;
        return db;
      })
      .finally(() => {
        this.opening = undefined;
      });
    return this.opening;
  }

  /** Run against the database; a connection closed under us is reopened once (Firefox after a quota error). */
  private async run<T>(work: (db: JournalDB) => Promise<T>): Promise<T> {
    try {
      return await work(await this.connection());
    } catch (error) {
      const failure = toJournalError(error);
      if (failure.code !== 'closed') throw failure;
      this.close();
      try {
        return await work(await this.connection());
      } catch (again) {
        throw toJournalError(again);
      }
    }
  }

  private stamp(at?: string): string {
    return at ?? this.now().toISOString();
  }

  // ── Aims ────────────────────────────────────────────────────────────────────────────────────

  /** The current aim: the newest one not archived. */
  async currentAim(): Promise<Aim | undefined> {
    return this.run((db) => currentAimIn(db.transaction('aims').store));
  }

  /** Every aim, oldest first. */
  async aims(): Promise<Aim[]> {
    return this.run((db) => db.getAllFromIndex('aims', 'by-createdAt'));
  }

  /** Set a new purpose and aim (with its if-then plan, if any). The current one is archived, never overwritten. */
  async setAim(input: { purpose: string; aim: string; plan?: string }): Promise<Aim> {
    const at = this.stamp();
    const plan = input.plan?.trim();
    const aim = check(
      AimSchema,
      { id: newId(), purpose: input.purpose.trim(), aim: input.aim.trim(), ...(plan ? { plan } : {}), createdAt: at, archivedAt: null },
      'Aim',
    );
    return this.run(async (db) => {
      const tx = db.transaction('aims', 'readwrite');
      return allOrNothing(tx, async () => {
        let cursor = await tx.store.openCursor();
        while (cursor) {
          if (cursor.value.archivedAt === null) await cursor.update({ ...cursor.value, archivedAt: at });
          cursor = await cursor.continue();
        }
        await tx.store.add(aim);
        await tx.done;
        return aim;
      });
    });
  }

  /**
   * Keep an if-then plan with the aim `aimId` (an empty plan removes it). The plan is not the aim's words:
   * the record changes in place, nothing is archived. Throws when the aim no longer exists.
   */
  async setPlan(aimId: string, plan: string): Promise<Aim> {
    const words = plan.trim();
    return this.run(async (db) => {
      const tx = db.transaction('aims', 'readwrite');
      return allOrNothing(tx, async () => {
        const existing = await tx.store.get(aimId);
        if (!existing) throw new JournalError('invalid', t('errorAimGone'));
        const changed: Aim = { ...existing };
        delete changed.plan;
        const next = check(AimSchema, words ? { ...changed, plan: words } : changed, 'Aim');
        await tx.store.put(next);
        await tx.done;
        return next;
      });
    });
  }

  // ── Outcomes ────────────────────────────────────────────────────────────────────────────────

  /** Log an outcome; it belongs to the aim current when it was logged. */
  async addOutcome(input: OutcomeInput): Promise<Outcome> {
    this.buildOutcome(input, null, 'pending'); // validate before touching the database
    return this.run(async (db) => {
      const tx = db.transaction(['aims', 'outcomes'], 'readwrite');
      const aim = await currentAimIn(tx.objectStore('aims'));
      const outcome = this.buildOutcome(input, aim?.id ?? null);
      await Promise.all([tx.objectStore('outcomes').add(outcome), tx.done]);
      return outcome;
    });
  }

  private buildOutcome(input: OutcomeInput, aimId: string | null, id = newId()): Outcome {
    return check(
      OutcomeSchema,
      {
        id,
        at: this.stamp(input.at),
        title: input.title.trim(),
        kind: input.kind,
        note: (input.note ?? '').trim(),
        siteId: input.siteId ?? null,
        aimId,
      },
      'Outcome',
    );
  }

  async getOutcome(id: string): Promise<Outcome | undefined> {
    return this.run((db) => db.get('outcomes', id));
  }

  async updateOutcome(id: string, patch: OutcomePatch): Promise<Outcome> {
    return this.run(async (db) => {
      const tx = db.transaction('outcomes', 'readwrite');
      const existing = await tx.store.get(id);
      if (!existing) throw new JournalError('invalid', t('errorOutcomeGone'));
      const next = check(
        OutcomeSchema,
        { ...existing, ...patch, title: (patch.title ?? existing.title).trim(), note: (patch.note ?? existing.note).trim() },
        'Outcome',
      );
      await tx.store.put(next);
      await tx.done;
      return next;
    });
  }

  /** Delete an outcome; returns it so the UI can offer undo (`restoreOutcome`). */
  async deleteOutcome(id: string): Promise<Outcome | undefined> {
    return this.run(async (db) => {
      const tx = db.transaction('outcomes', 'readwrite');
      const existing = await tx.store.get(id);
      if (existing) await tx.store.delete(id);
      await tx.done;
      return existing;
    });
  }

  async restoreOutcome(outcome: Outcome): Promise<void> {
    const valid = check(OutcomeSchema, outcome, 'Outcome');
    await this.run((db) => db.put('outcomes', valid));
  }

  /** Outcomes, newest first, from the time index (a range, never a scan of everything when bounded). */
  async outcomes(filter: OutcomeFilter = {}): Promise<Outcome[]> {
    const range = timeRange(filter.from, filter.to);
    const all = await this.run((db) => db.getAllFromIndex('outcomes', 'by-at', range));
    return all
      .filter((o) => (filter.kind === undefined || o.kind === filter.kind) && (filter.siteId === undefined || o.siteId === filter.siteId))
      .reverse();
  }

  // ── Reflections, snapshots, activity (written by the background for content scripts) ─────────

  async addReflection(input: ReflectionInput): Promise<Reflection> {
    const reflection = check(ReflectionSchema, { ...input, id: newId(), at: this.stamp(input.at) }, 'Reflection');
    await this.run((db) => db.add('reflections', reflection));
    return reflection;
  }

  /**
   * An answer to a prompt: the reflection, and with the answer "outcome" the outcome it links to (under
   * the current aim), in one transaction — an answer is never stored without its outcome, nor an outcome
   * without its answer. With `cap`, an answer that would be the site's `answersPerDay + 1`th of the day
   * (or its outcome the `outcomesPerDay + 1`th) is not stored: OVER_CAP, read in the same transaction.
   */
  async addAnswer(input: AnswerInput, cap: AnswerCap = {}): Promise<{ reflection: Reflection; outcome?: Outcome } | OverCap> {
    const { outcome: outcomeInput, ...fields } = input;
    const at = this.stamp(fields.at);
    check(ReflectionSchema, { ...fields, outcomeId: null, id: 'pending', at }, 'Reflection');
    if ((fields.answer === 'outcome') !== (outcomeInput !== undefined)) {
      throw new JournalError('invalid', 'Reflection: an outcome comes with the answer "outcome", and only with it');
    }
    if (outcomeInput) this.buildOutcome({ ...outcomeInput, at }, null, 'pending');
    const day = dayRange(new Date(at));
    const today = IDBKeyRange.bound([fields.siteId, day.from], [fields.siteId, day.to], false, true);
    return this.run(async (db) => {
      const tx = db.transaction(['aims', 'outcomes', 'reflections'], 'readwrite');
      return allOrNothing(tx, async () => {
        const reflections = tx.objectStore('reflections');
        const outcomes = tx.objectStore('outcomes');
        const over =
          (cap.answersPerDay !== undefined && (await reflections.index('by-site-at').count(today)) >= cap.answersPerDay) ||
          (outcomeInput !== undefined &&
            cap.outcomesPerDay !== undefined &&
            (await outcomes.index('by-site-at').count(today)) >= cap.outcomesPerDay);
        if (over) {
          await tx.done;
          return OVER_CAP;
        }
        const aim = outcomeInput ? await currentAimIn(tx.objectStore('aims')) : undefined;
        const outcome = outcomeInput ? this.buildOutcome({ siteId: fields.siteId, ...outcomeInput, at }, aim?.id ?? null) : undefined;
        const reflection = check(ReflectionSchema, { ...fields, outcomeId: outcome?.id ?? null, id: newId(), at }, 'Reflection');
        // One request after the other: a request that throws then leaves no other in flight to orphan.
        if (outcome) await outcomes.add(outcome);
        await reflections.add(reflection);
        await tx.done;
        return outcome ? { reflection, outcome } : { reflection };
      });
    });
  }

  async reflections(from?: string, to?: string): Promise<Reflection[]> {
    return this.run((db) => db.getAllFromIndex('reflections', 'by-at', timeRange(from, to)));
  }

  /**
   * Record an own count, coalesced (SNAPSHOT_INTERVAL_MS): within the interval of the last snapshot of the
   * site and metric, on the same local day, a changed value updates that row in place and the same value
   * writes nothing; otherwise a row is added — unless the same value is already the day's last. With
   * `newRowsPerDay`, a row that would be the site's (every metric's) `newRowsPerDay + 1`th of the day is
   * not added: OVER_CAP. One transaction.
   */
  async addSnapshot(input: SnapshotInput, cap: { newRowsPerDay?: number } = {}): Promise<SnapshotWrite> {
    const snapshot = check(SnapshotSchema, { ...input, id: newId(), at: this.stamp(input.at) }, 'Snapshot');
    const at = new Date(snapshot.at);
    const day = dayRange(at);
    return this.run(async (db) => {
      const tx = db.transaction('snapshots', 'readwrite');
      const index = tx.store.index('by-site-metric-at');
      const latest = await index.openCursor(
        IDBKeyRange.bound([snapshot.siteId, snapshot.metric, ''], [snapshot.siteId, snapshot.metric, snapshot.at]),
        'prev',
      );
      const previous = latest?.value;
      const sameDay = previous !== undefined && previous.at >= day.from;
      const same = previous !== undefined && previous.value === snapshot.value && previous.approximate === snapshot.approximate;
      let result: SnapshotWrite;
      if (sameDay && same) {
        result = { stored: 'unchanged', snapshot: previous };
      } else if (sameDay && at.getTime() - Date.parse(previous.at) < SNAPSHOT_INTERVAL_MS) {
        const updated = check(
          SnapshotSchema,
          { ...previous, value: snapshot.value, approximate: snapshot.approximate, at: snapshot.at },
          'Snapshot',
        );
        await latest!.update(updated);
        result = { stored: 'updated', snapshot: updated };
      } else if (cap.newRowsPerDay !== undefined && (await rowsOfSiteOnDay(index, snapshot.siteId, day)) >= cap.newRowsPerDay) {
        result = { stored: OVER_CAP };
      } else {
        await tx.store.add(snapshot);
        result = { stored: 'added', snapshot };
      }
      await tx.done;
      return result;
    });
  }

  /** The last snapshot of a site's metric strictly before `at` (one bounded index cursor). */
  async lastSnapshotBefore(siteId: string, metric: Snapshot['metric'], at: string): Promise<Snapshot | undefined> {
    return this.run(async (db) => {
      const range = IDBKeyRange.bound([siteId, metric, ''], [siteId, metric, at], false, true);
      const cursor = await db.transaction('snapshots').store.index('by-site-metric-at').openCursor(range, 'prev');
      return cursor?.value;
    });
  }

  async snapshots(from?: string, to?: string): Promise<Snapshot[]> {
    return this.run((db) => db.getAllFromIndex('snapshots', 'by-at', timeRange(from, to)));
  }

  /**
   * Add to today's (or `day`'s) activity row for a site, creating it if needed. With `cap`, a delta that
   * would take a field it adds to past the day's cap is not added at all: OVER_CAP. One transaction.
   */
  async addActivity(delta: ActivityDelta, cap?: ActivityCap): Promise<Activity | OverCap> {
    const day = delta.day ?? localDay(this.now());
    const increment = check(
      ActivitySchema,
      {
        day,
        siteId: delta.siteId,
        activeMs: delta.activeMs ?? 0,
        metricsSeen: delta.metricsSeen ?? 0,
        promptsShown: delta.promptsShown ?? 0,
      },
      'Activity',
    );
    return this.run(async (db) => {
      const tx = db.transaction('activity', 'readwrite');
      const existing = await tx.store.get([increment.day, increment.siteId]);
      const next = check(
        ActivitySchema,
        existing
          ? {
              ...existing,
              activeMs: existing.activeMs + increment.activeMs,
              metricsSeen: existing.metricsSeen + increment.metricsSeen,
              promptsShown: existing.promptsShown + increment.promptsShown,
            }
          : increment,
        'Activity',
      );
      const over =
        cap && (['activeMs', 'metricsSeen', 'promptsShown'] as const).some((field) => increment[field] > 0 && next[field] > cap[field]);
      if (over) {
        await tx.done;
        return OVER_CAP;
      }
      await tx.store.put(next);
      await tx.done;
      return next;
    });
  }

  /** Activity rows for days in [fromDay, toDay] (inclusive), every site. */
  async activity(fromDay?: string, toDay?: string): Promise<Activity[]> {
    const range = fromDay || toDay ? IDBKeyRange.bound([fromDay ?? '0000-00-00', ''], [toDay ?? '9999-99-99', '\uffff']) : undefined;
    return this.run((db) => db.getAll('activity', range));
  }

  // ── Site health ─────────────────────────────────────────────────────────────────────────────

  /**
   * Record a page view that should have shown counts, in one transaction: today's row for the site and the
   * site's standing (the run of empty views; a view with counts ends it). With `viewsPerDay`, a view that
   * would take the day's `expected` past it is not recorded: OVER_CAP.
   */
  async recordPageView(view: PageViewHealth, cap: { viewsPerDay?: number } = {}): Promise<SiteHealth | OverCap> {
    const at = this.now().toISOString();
    const day = localDay(this.now());
    const via = view.found ? (view.via ?? 'hook') : undefined;
    return this.run(async (db) => {
      const tx = db.transaction(['health', 'siteHealth'], 'readwrite');
      return allOrNothing(tx, async () => {
        const health = tx.objectStore('health');
        const standing = tx.objectStore('siteHealth');
        const row = (await health.get([day, view.siteId])) ?? {
          day,
          siteId: view.siteId,
          expected: 0,
          found: 0,
          hook: 0,
          label: 0,
          generic: 0,
        };
        const expectedBefore = row.expected;
        // A correction's view was counted as expected when it was recorded empty.
        if (!view.corrects) row.expected += 1;
        if (via) {
          row.found += 1;
          row[via] += 1;
        }
        if (row.found > row.expected) row.expected = row.found;
        if (cap.viewsPerDay !== undefined && row.expected > cap.viewsPerDay && row.expected > expectedBefore) {
          await tx.done;
          return OVER_CAP;
        }
        const before = await standing.get(view.siteId);
        const next: SiteHealth = {
          siteId: view.siteId,
          emptyStreak: via ? 0 : (before?.emptyStreak ?? 0) + 1,
          lastFoundVia: via ?? before?.lastFoundVia ?? null,
          lastViewAt: at,
          diagnostic: before?.diagnostic ?? null,
          diagnosticAt: before?.diagnosticAt ?? null,
        };
        await health.put(check(HealthDaySchema, row, 'Site health'));
        await standing.put(check(SiteHealthSchema, next, 'Site health'));
        await tx.done;
        return next;
      });
    });
  }

  /**
   * Keep a site's latest diagnostic (utils/health/diagnostic.ts, already redacted), replacing the one before. The
   * site must have a standing: a diagnostic belongs to a page view that was recorded.
   */
  async saveDiagnostic(siteId: string, diagnostic: string): Promise<void> {
    const at = this.now().toISOString();
    await this.run(async (db) => {
      const tx = db.transaction('siteHealth', 'readwrite');
      const before = await tx.store.get(siteId);
      if (!before) throw new JournalError('invalid', `Site health ${siteId}: no page view recorded to diagnose`);
      await tx.store.put(
        check(SiteHealthSchema, { ...before, diagnostic: diagnostic.slice(0, LIMITS.diagnostic), diagnosticAt: at }, 'Site health'),
      );
      await tx.done;
    });
  }

  /** Health rows for days in [fromDay, toDay] (inclusive), every site. */
  async health(fromDay?: string, toDay?: string): Promise<HealthDay[]> {
    const range = fromDay || toDay ? IDBKeyRange.bound([fromDay ?? '0000-00-00', ''], [toDay ?? '9999-99-99', '\uffff']) : undefined;
    return this.run((db) => db.getAll('health', range));
  }

  /** Every site's standing. */
  async siteHealth(): Promise<SiteHealth[]> {
    return this.run((db) => db.getAll('siteHealth'));
  }

  // ── Refusals (utils/messaging/budgets.ts) ──────────────────────────────────────────────────────

  /** Add refused-message counts to their day, site and type rows, all in one transaction. */
  async countRefusals(counts: readonly RefusalDay[]): Promise<void> {
    const valid = counts.map((count) => check(RefusalDaySchema, count, 'Refusal'));
    if (valid.length === 0) return;
    await this.run(async (db) => {
      const tx = db.transaction('refusals', 'readwrite');
      await allOrNothing(tx, async () => {
        for (const count of valid) {
          const existing = await tx.store.get([count.day, count.siteId, count.type]);
          await tx.store.put(check(RefusalDaySchema, { ...count, count: (existing?.count ?? 0) + count.count }, 'Refusal'));
        }
        await tx.done;
      });
    });
  }

  /** Refusal rows for days in [fromDay, toDay] (inclusive), every site and type. */
  async refusals(fromDay?: string, toDay?: string): Promise<RefusalDay[]> {
    const range =
      fromDay || toDay ? IDBKeyRange.bound([fromDay ?? '0000-00-00', '', ''], [toDay ?? '9999-99-99', '\uffff', '\uffff']) : undefined;
    return this.run((db) => db.getAll('refusals', range));
  }

  // ── Everything ──────────────────────────────────────────────────────────────────────────────

  async counts(): Promise<Record<StoreName, number>> {
    return this.run(async (db) => {
      const tx = db.transaction(STORES as StoreName[]);
      const entries = await Promise.all(STORES.map(async (store) => [store, await tx.objectStore(store).count()] as const));
      await tx.done;
      return Object.fromEntries(entries) as Record<StoreName, number>;
    });
  }

  /** The raw database, for modules that need a multi-store transaction (backup import/export). */
  async database(): Promise<JournalDB> {
    return this.connection();
  }

  /** Run a multi-store job with the journal's error handling and reconnection. */
  async transact<T>(work: (db: JournalDB) => Promise<T>): Promise<T> {
    return this.run(work);
  }

  /** Delete every record in every store, site health and refusals included, in one transaction. */
  async deleteAll(): Promise<void> {
    await this.run(async (db) => {
      const stores = [...STORES, ...HEALTH_STORES, ...REFUSAL_STORES];
      const tx = db.transaction(stores, 'readwrite');
      await allOrNothing(tx, async () => {
        for (const store of stores) await tx.objectStore(store).clear();
        await tx.done;
      });
    });
  }
}

/** The newest aim not archived, read through a store of any transaction that includes `aims`. */
async function currentAimIn(store: {
  index(name: 'by-createdAt'): { openCursor(query: null, direction: 'prev'): Promise<AimCursor | null> };
}): Promise<Aim | undefined> {
  let cursor = await store.index('by-createdAt').openCursor(null, 'prev');
  while (cursor) {
    if (cursor.value.archivedAt === null) return cursor.value;
    cursor = await cursor.continue();
  }
  return undefined;
}

interface AimCursor {
  value: Aim;
  continue(): Promise<AimCursor | null>;
}

/** The local calendar day of `date` as a time range: [its first instant, the next day's) in ISO. */
function dayRange(date: Date): { from: string; to: string } {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const end = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** Snapshot rows of a site, every metric, within a day: one bounded count per metric on the site-metric-time index. */
async function rowsOfSiteOnDay(
  index: { count(query: IDBKeyRange): Promise<number> },
  siteId: string,
  day: { from: string; to: string },
): Promise<number> {
  const counts = await Promise.all(
    METRICS.map((metric) => index.count(IDBKeyRange.bound([siteId, metric, day.from], [siteId, metric, day.to], false, true))),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

function timeRange(from?: string, to?: string): IDBKeyRange | undefined {
  if (from && to) return IDBKeyRange.bound(from, to, false, true);
  if (from) return IDBKeyRange.lowerBound(from);
  if (to) return IDBKeyRange.upperBound(to, true);
  return undefined;
}

export { JournalError, LIMITS };
