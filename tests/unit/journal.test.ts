import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB, type StoreNames } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, JournalError, upgrade, type JournalSchema } from '../../utils/journal/db';
import { Journal } from '../../utils/journal/journal';
import { diskFullOnce } from './disk-full';

let clock = new Date('2026-11-23T09:00:00.000Z');
const now = () => clock;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  clock = new Date('2026-11-23T09:00:00.000Z');
});

describe('aims', () => {
  it('starts with no aim; setting one makes it current; changing it archives the old one', async () => {
    const journal = await Journal.open({ now });
    expect(await journal.currentAim()).toBeUndefined();
    const first = await journal.setAim({ purpose: 'Independent design studio', aim: 'Three clients by March' });
    expect(await journal.currentAim()).toEqual(first);
    clock = new Date('2026-11-24T09:00:00.000Z');
    const second = await journal.setAim({ purpose: 'Independent design studio', aim: 'Five clients by June' });
    expect(await journal.currentAim()).toEqual(second);
    const all = await journal.aims();
    expect(all).toHaveLength(2);
    expect(all[0]).toEqual({ ...first, archivedAt: '2026-11-24T09:00:00.000Z' });
  });

  it('refuses an empty aim and changes nothing', async () => {
    const journal = await Journal.open({ now });
    await expect(journal.setAim({ purpose: 'x', aim: '   ' })).rejects.toBeInstanceOf(JournalError);
    expect(await journal.aims()).toEqual([]);
  });
  it('keeps an if-then plan with the aim: set with it, changed or removed in place (nothing archived), never empty', async () => {
    const journal = await Journal.open({ now });
    const plain = await journal.setAim({ purpose: 'p', aim: 'Three clients by March', plan: '   ' });
    expect('plan' in plain).toBe(false);
    const aim = await journal.setAim({
      purpose: 'p',
      aim: 'Three clients by March',
      plan: ' When I see my count, I will write to one client ',
    });
    expect(aim.plan).toBe('When I see my count, I will write to one client');
    const changed = await journal.setPlan(aim.id, 'When I see my count, I will close the tab');
    expect(changed).toEqual({ ...aim, plan: 'When I see my count, I will close the tab' });
    expect(await journal.currentAim()).toEqual(changed);
    const removed = await journal.setPlan(aim.id, '  ');
    expect('plan' in removed).toBe(false);
    expect(await journal.aims()).toHaveLength(2);
    await expect(journal.setPlan(aim.id, 'x'.repeat(501))).rejects.toThrow(/plan/);
    await expect(journal.setPlan('gone', 'A plan')).rejects.toBeInstanceOf(JournalError);
    expect(await journal.currentAim()).toEqual(removed);
  });
});

describe('outcomes', () => {
  it('adds, lists newest first with filters, updates, deletes and restores', async () => {
    const journal = await Journal.open({ now });
    const aim = await journal.setAim({ purpose: 'p', aim: 'a' });
    const a = await journal.addOutcome({ title: 'A client via LinkedIn', kind: 'client', siteId: 'linkedin' });
    clock = new Date('2026-11-25T09:00:00.000Z');
    const b = await journal.addOutcome({ title: 'Learned pricing', kind: 'learning', note: ' from a thread ' });
    expect(a.aimId).toBe(aim.id);
    expect(b).toMatchObject({ note: 'from a thread', siteId: null });
    expect((await journal.outcomes()).map((o) => o.id)).toEqual([b.id, a.id]);
    expect((await journal.outcomes({ kind: 'client' })).map((o) => o.id)).toEqual([a.id]);
    expect((await journal.outcomes({ siteId: null })).map((o) => o.id)).toEqual([b.id]);
    expect((await journal.outcomes({ from: '2026-11-24T00:00:00.000Z' })).map((o) => o.id)).toEqual([b.id]);
    const edited = await journal.updateOutcome(a.id, { title: 'A client via a LinkedIn connection' });
    expect(edited.title).toBe('A client via a LinkedIn connection');
    const removed = await journal.deleteOutcome(a.id);
    expect(await journal.outcomes()).toHaveLength(1);
    await journal.restoreOutcome(removed!);
    expect(await journal.outcomes()).toHaveLength(2);
  });

  it('rejects bad input with a clear error', async () => {
    const journal = await Journal.open({ now });
    await expect(journal.addOutcome({ title: '', kind: 'client' })).rejects.toThrow(/title/);
    await expect(journal.addOutcome({ title: 'x', kind: 'bogus' as never })).rejects.toThrow(/kind/);
    await expect(journal.addOutcome({ title: 'x'.repeat(201), kind: 'other' })).rejects.toThrow(/title/);
    expect(await journal.outcomes()).toEqual([]);
  });
});

describe('answers to prompts', () => {
  const base = { siteId: 'x', metric: 'followers' as const, value: 12300, own: false };

  it('stores a plain answer alone, and an "outcome" answer with its outcome, linked, under the current aim', async () => {
    const journal = await Journal.open({ now });
    const aim = await journal.setAim({ purpose: 'p', aim: 'a' });
    const plain = await journal.addAnswer({ ...base, answer: 'nothing-yet' });
    expect(plain).toEqual({ reflection: expect.objectContaining({ answer: 'nothing-yet', outcomeId: null }) });
    const logged = await journal.addAnswer({ ...base, answer: 'outcome', outcome: { title: ' A client ', kind: 'client' } });
    if (logged === 'over-cap') throw new Error('capped');
    expect(logged.outcome).toMatchObject({ title: 'A client', siteId: 'x', aimId: aim.id, note: '' });
    expect(logged.reflection.outcomeId).toBe(logged.outcome!.id);
    expect(await journal.reflections()).toHaveLength(2);
  });

  it('refuses an outcome without the answer "outcome", and the answer "outcome" without one, storing nothing', async () => {
    const journal = await Journal.open({ now });
    await expect(journal.addAnswer({ ...base, answer: 'outcome' })).rejects.toThrow(/an outcome comes with the answer "outcome"/);
    await expect(journal.addAnswer({ ...base, answer: 'dismissed', outcome: { title: 't', kind: 'help' } })).rejects.toBeInstanceOf(
      JournalError,
    );
    await expect(journal.addAnswer({ ...base, answer: 'outcome', outcome: { title: '', kind: 'help' } })).rejects.toThrow(/title/);
    expect(await journal.reflections()).toEqual([]);
    expect(await journal.outcomes()).toEqual([]);
  });

  it("with a cap, counts the site's answers and outcomes of the local day in the same transaction", async () => {
    const journal = await Journal.open({ now });
    clock = new Date(2026, 10, 23, 23, 0);
    const cap = { answersPerDay: 3, outcomesPerDay: 1 };
    expect(await journal.addAnswer({ ...base, answer: 'outcome', outcome: { title: 't', kind: 'help' } }, cap)).not.toBe('over-cap');
    // The day's one outcome is taken; a plain answer still fits.
    expect(await journal.addAnswer({ ...base, answer: 'outcome', outcome: { title: 't', kind: 'help' } }, cap)).toBe('over-cap');
    expect(await journal.addAnswer({ ...base, answer: 'nothing-yet' }, cap)).not.toBe('over-cap');
    // Another site is counted apart.
    expect(await journal.addAnswer({ ...base, siteId: 'github', answer: 'nothing-yet' }, cap)).not.toBe('over-cap');
    // Two at once, with one left: exactly one is stored.
    const both = await Promise.all([
      journal.addAnswer({ ...base, answer: 'dismissed' }, cap),
      journal.addAnswer({ ...base, answer: 'dismissed' }, cap),
    ]);
    expect(both.filter((result) => result === 'over-cap')).toHaveLength(1);
    expect((await journal.reflections()).filter((r) => r.siteId === 'x')).toHaveLength(3);
    expect(await journal.outcomes()).toHaveLength(1);
    // The next local day starts again.
    clock = new Date(2026, 10, 24, 0, 1);
    expect(await journal.addAnswer({ ...base, answer: 'outcome', outcome: { title: 't', kind: 'help' } }, cap)).not.toBe('over-cap');
  });
});

describe('snapshots and activity', () => {
  it('coalesces snapshots per site and metric: within the hour a change replaces the last row, the latest wins', async () => {
    // Local times: the day's edge is the user's, whatever the zone the tests run in.
    clock = new Date(2026, 10, 23, 9, 0);
    const journal = await Journal.open({ now });
    const base = { siteId: 'x', metric: 'followers' as const, value: 100, approximate: false };
    const first = await journal.addSnapshot(base);
    expect(first).toMatchObject({ stored: 'added', snapshot: { value: 100 } });
    clock = new Date(2026, 10, 23, 9, 30);
    // The same value: nothing written.
    expect(await journal.addSnapshot(base)).toMatchObject({
      stored: 'unchanged',
      snapshot: { value: 100, at: new Date(2026, 10, 23, 9, 0).toISOString() },
    });
    // A change within the hour: the same row, its value, approximation and time replaced.
    expect(await journal.addSnapshot({ ...base, value: 12_300, approximate: true })).toMatchObject({ stored: 'updated' });
    clock = new Date(2026, 10, 23, 10, 20);
    // Within the hour of the last write (09:30), so still that row.
    expect(await journal.addSnapshot({ ...base, value: 101 })).toMatchObject({ stored: 'updated' });
    expect(await journal.snapshots()).toEqual([
      { ...base, id: first.stored === 'added' ? first.snapshot.id : '', value: 101, at: clock.toISOString() },
    ]);
    // Another metric is its own row.
    expect(await journal.addSnapshot({ ...base, metric: 'following' })).toMatchObject({ stored: 'added' });
    // An hour after the last write: a new row for a change; the same value is already the day's last.
    clock = new Date(2026, 10, 23, 11, 21);
    expect(await journal.addSnapshot({ ...base, value: 101 })).toMatchObject({ stored: 'unchanged' });
    expect(await journal.addSnapshot({ ...base, value: 102 })).toMatchObject({ stored: 'added' });
    // (Rows at the same time sort by random id: compare sorted.)
    expect((await journal.snapshots()).map((s) => `${s.metric} ${s.value}`).sort()).toEqual([
      'followers 101',
      'followers 102',
      'following 100',
    ]);
  });

  it('never coalesces across a local day (so never across a week): the day before keeps its last value', async () => {
    clock = new Date(2026, 10, 22, 23, 59, 59);
    const journal = await Journal.open({ now });
    const base = { siteId: 'x', metric: 'followers' as const, value: 1010, approximate: false };
    await journal.addSnapshot(base);
    clock = new Date(2026, 10, 23, 0, 0, 0);
    // Two seconds later, but a new day: a new row, even for the same value.
    expect(await journal.addSnapshot(base)).toMatchObject({ stored: 'added' });
    expect(await journal.addSnapshot({ ...base, value: 1015 })).toMatchObject({ stored: 'updated' });
    expect((await journal.snapshots()).map((s) => [s.at, s.value])).toEqual([
      [new Date(2026, 10, 22, 23, 59, 59).toISOString(), 1010],
      [new Date(2026, 10, 23).toISOString(), 1015],
    ]);
  });

  it('with a cap, adds no more than that many rows a day for a site, every metric together; updates in place still pass', async () => {
    clock = new Date(2026, 10, 23, 0, 30);
    const journal = await Journal.open({ now });
    const cap = { newRowsPerDay: 3 };
    const snap = (metric: 'followers' | 'following' | 'stars', value: number) =>
      journal.addSnapshot({ siteId: 'github', metric, value, approximate: false }, cap);
    expect(await snap('followers', 1)).toMatchObject({ stored: 'added' });
    expect(await snap('following', 1)).toMatchObject({ stored: 'added' });
    expect(await snap('stars', 1)).toMatchObject({ stored: 'added' });
    await journal.addSnapshot({ siteId: 'x', metric: 'followers', value: 1, approximate: false }, cap); // another site: its own cap
    clock = new Date(2026, 10, 23, 2, 0);
    expect(await snap('followers', 2)).toEqual({ stored: 'over-cap' });
    clock = new Date(2026, 10, 23, 2, 30);
    expect(await snap('followers', 3)).toEqual({ stored: 'over-cap' });
    expect((await journal.snapshots()).filter((s) => s.siteId === 'github')).toHaveLength(3);
    // The next day starts again.
    clock = new Date(2026, 10, 24, 0, 1);
    expect(await snap('followers', 4)).toMatchObject({ stored: 'added' });
    expect(await snap('followers', 5)).toMatchObject({ stored: 'updated' });
  });

  it('adds activity into one row per local day and site', async () => {
    const journal = await Journal.open({ now });
    await journal.addActivity({ siteId: 'x', day: '2026-11-23', activeMs: 1000, metricsSeen: 2 });
    await journal.addActivity({ siteId: 'x', day: '2026-11-23', activeMs: 500, promptsShown: 1 });
    await journal.addActivity({ siteId: 'github', day: '2026-11-24', activeMs: 10 });
    expect(await journal.activity('2026-11-23', '2026-11-23')).toEqual([
      { day: '2026-11-23', siteId: 'x', activeMs: 1500, metricsSeen: 2, promptsShown: 1 },
    ]);
    expect(await journal.activity()).toHaveLength(2);
    await expect(journal.addActivity({ siteId: 'x', day: '2026-02-30' })).rejects.toThrow(/day/);
  });

  it("with a cap, refuses a delta that would take a field it adds past the day's cap, and writes nothing", async () => {
    const journal = await Journal.open({ now });
    const cap = { activeMs: 1000, metricsSeen: 10, promptsShown: 5 };
    await journal.addActivity({ siteId: 'x', day: '2026-11-23', activeMs: 900, promptsShown: 5 }, cap);
    expect(await journal.addActivity({ siteId: 'x', day: '2026-11-23', activeMs: 101 }, cap)).toBe('over-cap');
    expect(await journal.addActivity({ siteId: 'x', day: '2026-11-23', activeMs: 50, promptsShown: 1 }, cap)).toBe('over-cap');
    expect(await journal.addActivity({ siteId: 'x', day: '2026-11-23', activeMs: 100, metricsSeen: 10 }, cap)).toMatchObject({
      activeMs: 1000,
      metricsSeen: 10,
    });
    expect(await journal.activity()).toEqual([{ day: '2026-11-23', siteId: 'x', activeMs: 1000, metricsSeen: 10, promptsShown: 5 }]);
    // A row already past a cap (merged from a backup) still takes what adds nothing to that field.
    await journal.addActivity({ siteId: 'x', day: '2026-11-24', activeMs: 5000 });
    expect(await journal.addActivity({ siteId: 'x', day: '2026-11-24', metricsSeen: 1 }, cap)).toMatchObject({
      activeMs: 5000,
      metricsSeen: 1,
    });
  });

  it('deletes everything in one go', async () => {
    const journal = await Journal.open({ now });
    await journal.setAim({ purpose: 'p', aim: 'a' });
    await journal.addOutcome({ title: 't', kind: 'other' });
    await journal.countRefusals([{ day: '2026-11-23', siteId: 'x', type: 'snapshot/add', count: 3 }]);
    await journal.deleteAll();
    expect(await journal.counts()).toEqual({ aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 });
    expect(await journal.refusals()).toEqual([]);
  });
});

describe('refusals', () => {
  it('adds counts per day, site and message type in one write, and reads them by day', async () => {
    const journal = await Journal.open({ now });
    await journal.countRefusals([
      { day: '2026-11-23', siteId: 'x', type: 'snapshot/add', count: 120 },
      { day: '2026-11-23', siteId: 'x', type: 'activity/add', count: 2 },
      { day: '2026-11-24', siteId: 'mastodon.social', type: 'health/add', count: 1 },
    ]);
    await journal.countRefusals([{ day: '2026-11-23', siteId: 'x', type: 'snapshot/add', count: 5 }]);
    expect(await journal.refusals('2026-11-23', '2026-11-23')).toEqual([
      { day: '2026-11-23', siteId: 'x', type: 'activity/add', count: 2 },
      { day: '2026-11-23', siteId: 'x', type: 'snapshot/add', count: 125 },
    ]);
    expect(await journal.refusals()).toHaveLength(3);
    // Not part of the journal's counts (nor of backups): it describes pages, not the user.
    expect(Object.keys(await journal.counts())).not.toContain('refusals');
  });

  it('writes nothing when one count is malformed', async () => {
    const journal = await Journal.open({ now });
    await expect(
      journal.countRefusals([
        { day: '2026-11-23', siteId: 'x', type: 'snapshot/add', count: 1 },
        { day: '2026-11-23', siteId: 'x', type: 'outcomes/list' as never, count: 1 },
      ]),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await journal.refusals()).toEqual([]);
  });
});

describe('a full disk in the middle of a transaction: nothing of it is kept, and the next write works', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a new aim: the current one is not archived without it', async () => {
    const journal = await Journal.open({ now });
    const first = await journal.setAim({ purpose: 'p', aim: 'first' });
    diskFullOnce('aims');
    await expect(journal.setAim({ purpose: 'p', aim: 'second' })).rejects.toMatchObject({ code: 'quota' });
    expect(await journal.aims()).toEqual([first]);
    await journal.setAim({ purpose: 'p', aim: 'second' });
    expect((await journal.currentAim())?.aim).toBe('second');
  });

  it("a page view: the day's count is not kept without the site's standing", async () => {
    const journal = await Journal.open({ now });
    diskFullOnce('siteHealth');
    await expect(journal.recordPageView({ siteId: 'x', found: true, via: 'hook' })).rejects.toMatchObject({ code: 'quota' });
    expect(await journal.health()).toEqual([]);
    expect(await journal.siteHealth()).toEqual([]);
    await journal.recordPageView({ siteId: 'x', found: true, via: 'hook' });
    expect(await journal.health()).toMatchObject([{ siteId: 'x', expected: 1, found: 1 }]);
  });
});

describe('schema upgrades', () => {
  /** The database as version `version` shipped it: the shipped upgrade chain, stopped there. */
  const openVersion = (version: number) =>
    openDB<JournalSchema>(DB_NAME, version, { upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx, version) });

  /** A record for every store the journal has ever had: a store added without one fails the test below. */
  const SAMPLES: { [S in StoreNames<JournalSchema>]: JournalSchema[S]['value'] } = {
    aims: { id: 'aim1', purpose: 'p', aim: 'a', createdAt: '2026-01-01T00:00:00.000Z', archivedAt: null },
    outcomes: { id: 'o1', at: '2026-01-02T00:00:00.000Z', title: 't', kind: 'job', note: '', siteId: 'linkedin', aimId: 'aim1' },
    reflections: {
      id: 'r1',
      at: '2026-01-02T00:01:00.000Z',
      siteId: 'x',
      metric: 'followers',
      value: 10,
      own: false,
      answer: 'outcome',
      outcomeId: 'o1',
    },
    snapshots: { id: 's1', at: '2026-01-02T00:00:00.000Z', siteId: 'x', metric: 'followers', value: 10, approximate: false },
    activity: { day: '2026-01-02', siteId: 'x', activeMs: 5, metricsSeen: 1, promptsShown: 1 },
    health: { day: '2026-01-02', siteId: 'x', expected: 2, found: 1, hook: 1, label: 0, generic: 0 },
    siteHealth: {
      siteId: 'x',
      emptyStreak: 1,
      lastFoundVia: 'hook',
      lastViewAt: '2026-01-02T00:00:00.000Z',
      diagnostic: null,
      diagnosticAt: null,
    },
    refusals: { day: '2026-01-02', siteId: 'x', type: 'health/add', count: 4 },
  };

  it('has a sample record for every store of the current version', async () => {
    const current = await openVersion(DB_VERSION);
    expect(Array.from(current.objectStoreNames).sort()).toEqual(Object.keys(SAMPLES).sort());
    current.close();
  });

  // Every version ever shipped, as the shipped upgrade chain builds it: a new version is covered by itself.
  it.each(Array.from({ length: DB_VERSION - 1 }, (_, index) => index + 1))(
    'upgrades a version %i database with a record in every store it had, and keeps every record',
    async (version) => {
      const old = await openVersion(version);
      const stores = Array.from(old.objectStoreNames) as StoreNames<JournalSchema>[];
      expect(stores.length).toBeGreaterThan(0);
      for (const store of stores) await old.put(store, SAMPLES[store]);
      old.close();

      const journal = await Journal.open({ now });
      const db = await journal.database();
      expect(db.version).toBe(DB_VERSION);
      for (const store of stores) expect(await db.getAll(store), `${store} after the upgrade from ${version}`).toEqual([SAMPLES[store]]);
      // Read back through the journal too, as the extension reads them.
      expect((await journal.currentAim())?.id).toBe('aim1');
      expect(await journal.outcomes({ siteId: 'linkedin' })).toHaveLength(1);
      expect(await journal.activity()).toEqual([SAMPLES.activity]);
      expect(await journal.reflections()).toEqual([SAMPLES.reflections]);
    },
  );

  it('opens a version 1 database with data in it and keeps every record', async () => {
    const v1 = await openVersion(1);
    expect(Array.from(v1.transaction('snapshots').store.indexNames)).not.toContain('by-site-metric-at');
    await v1.put('aims', SAMPLES.aims);
    await v1.put('outcomes', SAMPLES.outcomes);
    await v1.put('snapshots', SAMPLES.snapshots);
    v1.close();

    const journal = await Journal.open({ now });
    expect((await journal.currentAim())?.id).toBe('aim1');
    expect(await journal.outcomes({ siteId: 'linkedin' })).toHaveLength(1);
    // The version 2 index answers the "last value before" query.
    clock = new Date('2026-01-02T00:10:00.000Z');
    expect(await journal.addSnapshot({ siteId: 'x', metric: 'followers', value: 10, approximate: false })).toMatchObject({
      stored: 'unchanged',
    });
    const db = await journal.database();
    expect(Array.from(db.transaction('snapshots').store.indexNames)).toContain('by-site-metric-at');
  });

  it('opens a version 2 database with data in it, keeps every record and adds site health', async () => {
    const v2 = await openVersion(2);
    expect(Array.from(v2.objectStoreNames)).not.toContain('health');
    await v2.put('aims', SAMPLES.aims);
    await v2.put('activity', SAMPLES.activity);
    v2.close();

    const journal = await Journal.open({ now });
    expect((await journal.currentAim())?.id).toBe('aim1');
    expect(await journal.activity()).toHaveLength(1);
    await journal.recordPageView({ siteId: 'x', found: true, via: 'hook' });
    expect(await journal.siteHealth()).toMatchObject([{ siteId: 'x', emptyStreak: 0, lastFoundVia: 'hook' }]);
  });

  it('opens a version 3 database with data in it, keeps every record and adds the refusal counts', async () => {
    const v3 = await openVersion(3);
    expect(Array.from(v3.objectStoreNames)).not.toContain('refusals');
    await v3.put('aims', SAMPLES.aims);
    await v3.put('snapshots', SAMPLES.snapshots);
    await v3.put('health', SAMPLES.health);
    await v3.put('siteHealth', SAMPLES.siteHealth);
    v3.close();

    const journal = await Journal.open({ now });
    expect((await journal.currentAim())?.id).toBe('aim1');
    expect(await journal.snapshots()).toHaveLength(1);
    expect(await journal.health()).toHaveLength(1);
    expect(await journal.siteHealth()).toMatchObject([{ siteId: 'x', emptyStreak: 1 }]);
    await journal.countRefusals([{ day: '2026-01-02', siteId: 'x', type: 'health/add', count: 4 }]);
    expect(await journal.refusals()).toEqual([{ day: '2026-01-02', siteId: 'x', type: 'health/add', count: 4 }]);
  });

  it('closes its connection when a newer version needs to upgrade, and reopens on next use', async () => {
    let blocking = 0;
    const journal = await Journal.open({ now, onBlocking: () => blocking++ });
    await journal.setAim({ purpose: 'p', aim: 'a' });
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    expect(blocking).toBe(1);
    newer.close();
    // Our version is older now, so reopening fails with a clear error instead of losing data.
    await expect(journal.currentAim()).rejects.toMatchObject({ code: 'outdated' });
  });
});

describe('site health', () => {
  beforeEach(() => {
    clock = new Date('2026-03-04T10:00:00.000Z');
  });

  it('counts page views per day and site, by layer, and the run of empty ones', async () => {
    const journal = await Journal.open({ now });
    await journal.recordPageView({ siteId: 'linkedin', found: true, via: 'hook' });
    await journal.recordPageView({ siteId: 'linkedin', found: false });
    await journal.saveDiagnostic('linkedin', 'main\n  section');
    await journal.recordPageView({ siteId: 'linkedin', found: false });
    let [standing] = await journal.siteHealth();
    expect(standing).toMatchObject({ emptyStreak: 2, lastFoundVia: 'hook', diagnostic: 'main\n  section' });
    await journal.recordPageView({ siteId: 'linkedin', found: true, via: 'label' });
    [standing] = await journal.siteHealth();
    expect(standing).toMatchObject({
      emptyStreak: 0,
      lastFoundVia: 'label',
      diagnostic: 'main\n  section',
      diagnosticAt: clock.toISOString(),
    });
    const [row] = await journal.health();
    expect(row).toEqual({ day: expect.any(String), siteId: 'linkedin', expected: 4, found: 2, hook: 1, label: 1, generic: 0 });
  });

  it('turns an empty view into one with counts when they came late, without counting it twice', async () => {
    const journal = await Journal.open({ now });
    await journal.recordPageView({ siteId: 'x', found: false });
    await journal.recordPageView({ siteId: 'x', found: true, via: 'hook', corrects: true });
    expect(await journal.health()).toMatchObject([{ expected: 1, found: 1, hook: 1 }]);
    expect(await journal.siteHealth()).toMatchObject([{ emptyStreak: 0 }]);
  });

  it('with a cap, records no more page views a day than it allows (corrections of views already counted still pass)', async () => {
    const journal = await Journal.open({ now });
    const cap = { viewsPerDay: 2 };
    await journal.recordPageView({ siteId: 'x', found: false }, cap);
    await journal.recordPageView({ siteId: 'x', found: true, via: 'hook' }, cap);
    expect(await journal.recordPageView({ siteId: 'x', found: false }, cap)).toBe('over-cap');
    expect(await journal.recordPageView({ siteId: 'x', found: true, via: 'label', corrects: true }, cap)).toMatchObject({ emptyStreak: 0 });
    // A second correction would make a third view.
    expect(await journal.recordPageView({ siteId: 'x', found: true, via: 'label', corrects: true }, cap)).toBe('over-cap');
    expect(await journal.health()).toMatchObject([{ expected: 2, found: 2, hook: 1, label: 1 }]);
    expect(await journal.siteHealth()).toMatchObject([{ emptyStreak: 0, lastFoundVia: 'label' }]);
  });

  it('keeps a diagnostic only for a site with a recorded page view', async () => {
    const journal = await Journal.open({ now });
    await expect(journal.saveDiagnostic('x', 'main')).rejects.toMatchObject({ code: 'invalid' });
    expect(await journal.siteHealth()).toEqual([]);
  });

  it('is not in the journal counts, and is deleted with everything', async () => {
    const journal = await Journal.open({ now });
    await journal.recordPageView({ siteId: 'x', found: false });
    expect(Object.keys(await journal.counts())).not.toContain('health');
    await journal.deleteAll();
    expect(await journal.health()).toEqual([]);
    expect(await journal.siteHealth()).toEqual([]);
  });
});

describe('unavailable storage', () => {
  it('says so when IndexedDB does not exist (Firefox private windows)', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      await expect(Journal.open()).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
