import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, JournalError, upgrade, type JournalSchema } from '../../utils/journal/db';
import { Journal } from '../../utils/journal/journal';

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

describe('snapshots and activity', () => {
  it('keeps at most one snapshot per site and metric per hour unless the value changed', async () => {
    const journal = await Journal.open({ now });
    const base = { siteId: 'x', metric: 'followers' as const, value: 100, approximate: false };
    expect(await journal.addSnapshot(base)).not.toBeNull();
    clock = new Date('2026-11-23T09:30:00.000Z');
    expect(await journal.addSnapshot(base)).toBeNull();
    expect(await journal.addSnapshot({ ...base, value: 101 })).not.toBeNull();
    expect(await journal.addSnapshot({ ...base, metric: 'following' })).not.toBeNull();
    clock = new Date('2026-11-23T10:31:00.000Z');
    expect(await journal.addSnapshot({ ...base, value: 101 })).not.toBeNull();
    expect(await journal.snapshots()).toHaveLength(4);
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

  it('deletes everything in one go', async () => {
    const journal = await Journal.open({ now });
    await journal.setAim({ purpose: 'p', aim: 'a' });
    await journal.addOutcome({ title: 't', kind: 'other' });
    await journal.deleteAll();
    expect(await journal.counts()).toEqual({ aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 });
  });
});

describe('schema upgrades', () => {
  /** The database as version `version` shipped it: the shipped upgrade chain, stopped there. */
  const openVersion = (version: number) =>
    openDB<JournalSchema>(DB_NAME, version, { upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx, version) });

  it('opens a version 1 database with data in it and keeps every record', async () => {
    const v1 = await openVersion(1);
    expect(Array.from(v1.transaction('snapshots').store.indexNames)).not.toContain('by-site-metric-at');
    await v1.put('aims', { id: 'aim1', purpose: 'p', aim: 'a', createdAt: '2026-01-01T00:00:00.000Z', archivedAt: null });
    await v1.put('outcomes', { id: 'o1', at: '2026-01-02T00:00:00.000Z', title: 't', kind: 'job', note: '', siteId: 'linkedin', aimId: 'aim1' });
    await v1.put('snapshots', { id: 's1', at: '2026-01-02T00:00:00.000Z', siteId: 'x', metric: 'followers', value: 10, approximate: false });
    v1.close();

    const journal = await Journal.open({ now });
    expect((await journal.currentAim())?.id).toBe('aim1');
    expect(await journal.outcomes({ siteId: 'linkedin' })).toHaveLength(1);
    // The version 2 index answers the "last value before" query.
    clock = new Date('2026-01-02T00:10:00.000Z');
    expect(await journal.addSnapshot({ siteId: 'x', metric: 'followers', value: 10, approximate: false })).toBeNull();
    const db = await journal.database();
    expect(Array.from(db.transaction('snapshots').store.indexNames)).toContain('by-site-metric-at');
  });

  it('opens a version 2 database with data in it, keeps every record and adds site health', async () => {
    const v2 = await openVersion(2);
    expect(Array.from(v2.objectStoreNames)).not.toContain('health');
    await v2.put('aims', { id: 'aim1', purpose: 'p', aim: 'a', createdAt: '2026-01-01T00:00:00.000Z', archivedAt: null });
    await v2.put('activity', { day: '2026-01-02', siteId: 'x', activeMs: 5, metricsSeen: 1, promptsShown: 1 });
    v2.close();

    const journal = await Journal.open({ now });
    expect((await journal.currentAim())?.id).toBe('aim1');
    expect(await journal.activity()).toHaveLength(1);
    await journal.recordPageView({ siteId: 'x', found: true, via: 'hook' });
    expect(await journal.siteHealth()).toMatchObject([{ siteId: 'x', emptyStreak: 0, lastFoundVia: 'hook' }]);
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
    expect(standing).toMatchObject({ emptyStreak: 0, lastFoundVia: 'label', diagnostic: 'main\n  section', diagnosticAt: clock.toISOString() });
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
