import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_RECORDS, MAX_BACKUP_SIZE, type Backup } from '../../utils/journal/backup/format';
import { utf8Bytes, backupSizeError, backupTextSizeError, parseBackup } from '../../utils/journal/backup/validate';
import { archiveAllButNewest, importBackup } from '../../utils/journal/backup/import';
import { backupFilename, exportBackup, serializeBackup } from '../../utils/journal/backup/export';
import { outcomesCsv, outcomesCsvFilename } from '../../utils/journal/csv';
import { JournalError } from '../../utils/journal/db';
import { Journal } from '../../utils/journal/journal';
import { localDay, type Activity, type Aim, type Outcome } from '../../utils/journal/records';

const FIXTURES = new URL('../fixtures/backups/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

const EXPORTED_AT = new Date('2026-11-27T12:00:00.000Z');
let clock = new Date('2026-11-23T09:00:00.000Z');
const now = () => clock;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  clock = new Date('2026-11-23T09:00:00.000Z');
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A journal with a few of every record, written through the Journal API as the extension does. */
async function seededJournal(): Promise<Journal> {
  const journal = await Journal.open({ now });
  await journal.setAim({ purpose: 'Independent design studio', aim: 'Three clients by March' });
  clock = new Date('2026-11-24T10:00:00.000Z');
  await journal.setAim({ purpose: 'Independent design studio', aim: 'Five clients by June' });
  const client = await journal.addOutcome({
    title: 'Café Lumière, via a LinkedIn connection',
    kind: 'client',
    siteId: 'linkedin',
    note: 'Menu, 1,200 €',
  });
  await journal.addOutcome({ title: 'Learned to price a sprint', kind: 'learning', at: '2026-11-20T08:00:00.000Z' });
  await journal.addReflection({
    siteId: 'linkedin',
    metric: 'connections',
    value: 812,
    own: true,
    answer: 'outcome',
    outcomeId: client.id,
  });
  await journal.addReflection({ siteId: 'x', metric: 'followers', value: 120000, own: false, answer: 'dismissed', outcomeId: null });
  await journal.addSnapshot({ siteId: 'linkedin', metric: 'connections', value: 812, approximate: false });
  await journal.addSnapshot({ siteId: 'x', metric: 'followers', value: 1200, approximate: true });
  await journal.addActivity({ siteId: 'x', day: '2026-11-24', activeMs: 60000, metricsSeen: 12, promptsShown: 2 });
  await journal.addActivity({ siteId: 'linkedin', day: '2026-11-23', activeMs: 30000 });
  return journal;
}

function freshJournal(): Promise<Journal> {
  globalThis.indexedDB = new IDBFactory();
  return Journal.open({ now });
}

const validSmall = (): Backup => {
  const parsed = parseBackup(fixture('valid-small.json'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
};

/** What the dashboard does with a chosen file: parse, and import only a valid one. */
async function importText(journal: Journal, text: string) {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  return { ok: true as const, report: await importBackup(journal, parsed.backup) };
}

describe('export', () => {
  it('writes every record of every store with exactly the record shapes, in a stable order', async () => {
    const journal = await seededJournal();
    const backup = await exportBackup(journal, EXPORTED_AT);
    expect(Object.keys(backup)).toEqual(['format', 'version', 'exportedAt', 'aims', 'outcomes', 'reflections', 'snapshots', 'activity']);
    expect(backup).toMatchObject({ format: 'running-for-backup', version: 1, exportedAt: '2026-11-27T12:00:00.000Z' });
    expect(Object.keys(backup.aims[0]!)).toEqual(['id', 'purpose', 'aim', 'createdAt', 'archivedAt']);
    expect(Object.keys(backup.outcomes[0]!)).toEqual(['id', 'at', 'title', 'kind', 'note', 'siteId', 'aimId']);
    expect(Object.keys(backup.reflections[0]!)).toEqual(['id', 'at', 'siteId', 'metric', 'value', 'own', 'answer', 'outcomeId']);
    expect(Object.keys(backup.snapshots[0]!)).toEqual(['id', 'at', 'siteId', 'metric', 'value', 'approximate']);
    expect(backup.activity).toEqual([
      { day: '2026-11-23', siteId: 'linkedin', activeMs: 30000, metricsSeen: 0, promptsShown: 0 },
      { day: '2026-11-24', siteId: 'x', activeMs: 60000, metricsSeen: 12, promptsShown: 2 },
    ]);
    // Oldest first by time: the outcome back-dated to the 20th comes before the one logged on the 24th.
    expect(backup.outcomes.map((o) => o.title)).toEqual(['Learned to price a sprint', 'Café Lumière, via a LinkedIn connection']);
    expect(backup.aims.map((a) => a.aim)).toEqual(['Three clients by March', 'Five clients by June']);
    const counts = await journal.counts();
    for (const store of ['aims', 'outcomes', 'reflections', 'snapshots', 'activity'] as const)
      expect(backup[store]).toHaveLength(counts[store]);
  });

  it('reads all five stores in one transaction', async () => {
    const journal = await seededJournal();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await exportBackup(journal, EXPORTED_AT);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect([...(transaction.mock.calls[0]![0] as string[])].sort()).toEqual(['activity', 'aims', 'outcomes', 'reflections', 'snapshots']);
    expect(transaction.mock.calls[0]![1]).toBe('readonly');
  });

  it('serializes as pretty JSON with a trailing newline, named by the local date', () => {
    const backup = validSmall();
    const text = serializeBackup(backup);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "running-for-backup",');
    expect(JSON.parse(text)).toEqual(backup);
    const date = new Date(2026, 0, 5, 23, 59);
    expect(backupFilename(date)).toBe('running-for-backup-2026-01-05.json');
    expect(outcomesCsvFilename(date)).toBe('running-for-outcomes-2026-01-05.csv');
  });
});

describe('round trip', () => {
  it('export → import into an empty journal → export gives identical data', async () => {
    const original = await seededJournal();
    const first = serializeBackup(await exportBackup(original, EXPORTED_AT));
    original.close();

    const restored = await freshJournal();
    const result = await importText(restored, first);
    expect(result).toMatchObject({
      ok: true,
      report: { added: { aims: 2, outcomes: 2, reflections: 2, snapshots: 2, activity: 2 }, merged: 0 },
    });
    const second = serializeBackup(await exportBackup(restored, EXPORTED_AT));
    expect(second).toBe(first);
    // And the journal works on the restored data as it did before.
    expect((await restored.currentAim())?.aim).toBe('Five clients by June');
  });

  it("keeps an aim's if-then plan, in its place among the fields, and leaves it out of an aim that has none", async () => {
    const original = await seededJournal();
    const current = await original.currentAim();
    await original.setPlan(current!.id, 'When I see my follower count, I will write to one client');
    const backup = await exportBackup(original, EXPORTED_AT);
    expect(Object.keys(backup.aims[0]!)).toEqual(['id', 'purpose', 'aim', 'createdAt', 'archivedAt']);
    expect(Object.keys(backup.aims[1]!)).toEqual(['id', 'purpose', 'aim', 'plan', 'createdAt', 'archivedAt']);
    const first = serializeBackup(backup);
    original.close();

    const restored = await freshJournal();
    expect(await importText(restored, first)).toMatchObject({ ok: true });
    expect(serializeBackup(await exportBackup(restored, EXPORTED_AT))).toBe(first);
    expect((await restored.currentAim())?.plan).toBe('When I see my follower count, I will write to one client');
  });

  it('imports a backup written before plans existed (no "plan" anywhere), and its aims have none', async () => {
    const text = fixture('valid-small.json');
    expect(text).not.toContain('"plan"');
    const journal = await Journal.open({ now });
    expect(await importText(journal, text)).toMatchObject({ ok: true, report: { added: { aims: 2 } } });
    expect((await journal.aims()).map((aim) => 'plan' in aim)).toEqual([false, false]);
  });

  it('round-trips the sample file (dates normalised, order kept)', async () => {
    const journal = await Journal.open({ now });
    const backup = validSmall();
    await importBackup(journal, backup);
    const again = await exportBackup(journal, new Date(backup.exportedAt));
    expect(again).toEqual(backup);
    expect(serializeBackup(again)).toBe(fixture('valid-small.json'));
  });
});

describe('merge rules', () => {
  it('importing the same file twice adds nothing the second time', async () => {
    const journal = await seededJournal();
    const backup = validSmall();
    const first = await importBackup(journal, backup);
    // The seeded journal already has a row for x on 2026-11-24: that one is merged, not added.
    expect(first).toMatchObject({ added: { aims: 2, outcomes: 4, reflections: 3, snapshots: 3, activity: 2 }, merged: 1 });
    const afterFirst = await exportBackup(journal, EXPORTED_AT);
    const second = await importBackup(journal, backup);
    expect(second).toEqual({
      added: { aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 },
      skipped: { aims: 2, outcomes: 4, reflections: 3, snapshots: 3, activity: 3 },
      merged: 0,
    });
    expect(await exportBackup(journal, EXPORTED_AT)).toEqual(afterFirst);
  });

  it('never loses or overwrites an existing record when the backup has other data under the same id', async () => {
    const journal = await seededJournal();
    const before = await exportBackup(journal, EXPORTED_AT);
    const local = before.outcomes[0]!;
    const backup: Backup = {
      ...before,
      aims: [],
      outcomes: [
        { ...local, title: 'Something else entirely', kind: 'sale', note: 'from another device' },
        { ...local, id: 'brand-new-outcome', title: 'Only in the backup' },
      ],
      reflections: [{ ...before.reflections[0]!, value: 1 }],
      snapshots: [{ ...before.snapshots[0]!, value: 0 }],
      activity: [],
    };
    const report = await importBackup(journal, backup);
    expect(report.added).toMatchObject({ outcomes: 1, reflections: 0, snapshots: 0 });
    expect(report.skipped).toMatchObject({ outcomes: 1, reflections: 1, snapshots: 1 });
    const after = await exportBackup(journal, EXPORTED_AT);
    expect(after.outcomes).toContainEqual(local);
    expect(after.outcomes.find((o) => o.id === 'brand-new-outcome')?.title).toBe('Only in the backup');
    expect(after.reflections).toEqual(before.reflections);
    expect(after.snapshots).toEqual(before.snapshots);
    expect(after.aims).toEqual(before.aims);
  });

  it('merges activity rows with the same day and site field by field, keeping the larger value', async () => {
    const journal = await Journal.open({ now });
    await journal.addActivity({ siteId: 'x', day: '2026-11-24', activeMs: 1000, metricsSeen: 5 });
    const row = (fields: Partial<Activity>): Activity => ({
      day: '2026-11-24',
      siteId: 'x',
      activeMs: 0,
      metricsSeen: 0,
      promptsShown: 0,
      ...fields,
    });
    const backup: Backup = {
      ...emptyBackup(),
      activity: [row({ activeMs: 500, metricsSeen: 7, promptsShown: 2 }), row({ siteId: 'github', activeMs: 10 })],
    };
    const first = await importBackup(journal, backup);
    expect(first.merged).toBe(1);
    expect(first.added.activity).toBe(1);
    expect(await journal.activity('2026-11-24', '2026-11-24')).toEqual([
      row({ siteId: 'github', activeMs: 10 }),
      row({ activeMs: 1000, metricsSeen: 7, promptsShown: 2 }),
    ]);
    // Idempotent: the same rows again change nothing and count as skipped.
    const second = await importBackup(journal, backup);
    expect(second.merged).toBe(0);
    expect(second.skipped.activity).toBe(2);
    expect(await journal.activity()).toHaveLength(2);
  });

  it('keeps one current aim: the newest; each older one is archived when the next aim was created', async () => {
    const journal = await Journal.open({ now });
    clock = new Date('2026-03-01T00:00:00.000Z');
    const local = await journal.setAim({ purpose: 'Studio', aim: 'Local aim, set in March' });
    const backup: Backup = {
      ...emptyBackup(),
      aims: [
        {
          id: 'jan',
          purpose: 'Studio',
          aim: 'Current on the other device since January',
          createdAt: '2026-01-01T00:00:00.000Z',
          archivedAt: null,
        },
        {
          id: 'feb',
          purpose: 'Studio',
          aim: 'Archived on the other device',
          createdAt: '2026-02-01T00:00:00.000Z',
          archivedAt: '2026-02-15T00:00:00.000Z',
        },
        { id: 'apr', purpose: 'Studio', aim: 'Newest of all, from April', createdAt: '2026-04-01T00:00:00.000Z', archivedAt: null },
      ],
    };
    await importBackup(journal, backup);
    expect((await journal.currentAim())?.id).toBe('apr');
    const byId = Object.fromEntries((await journal.aims()).map((aim) => [aim.id, aim]));
    expect(byId.jan!.archivedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(byId.feb!.archivedAt).toBe('2026-02-15T00:00:00.000Z');
    expect(byId[local.id]!.archivedAt).toBe('2026-04-01T00:00:00.000Z');
    expect(byId.apr!.archivedAt).toBeNull();
    // Everything else about the local aim is as it was.
    expect({ ...byId[local.id], archivedAt: null }).toEqual(local);
  });

  it('keeps the local current aim when the backup only holds older ones', async () => {
    const journal = await Journal.open({ now });
    const local = await journal.setAim({ purpose: 'Studio', aim: 'Set today' });
    await importBackup(journal, {
      ...emptyBackup(),
      aims: [{ id: 'old', purpose: 'p', aim: 'Older current aim', createdAt: '2025-01-01T00:00:00.000Z', archivedAt: null }],
    });
    expect(await journal.currentAim()).toEqual(local);
    expect((await journal.aims()).find((aim) => aim.id === 'old')?.archivedAt).toBe(local.createdAt);
  });

  it('archiveAllButNewest leaves a journal with at most one current aim alone', () => {
    const aim = (id: string, createdAt: string, archivedAt: string | null): Aim => ({ id, purpose: '', aim: id, createdAt, archivedAt });
    expect(archiveAllButNewest([])).toEqual([]);
    expect(
      archiveAllButNewest([aim('a', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'), aim('b', '2026-02-01T00:00:00.000Z', null)]),
    ).toEqual([]);
  });
});

function emptyBackup(): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: EXPORTED_AT.toISOString(),
    aims: [],
    outcomes: [],
    reflections: [],
    snapshots: [],
    activity: [],
  };
}

/** The sample file with one change, as text. */
function variant(change: (file: Record<string, unknown> & Backup) => void): string {
  const file = JSON.parse(fixture('valid-small.json')) as Record<string, unknown> & Backup;
  change(file);
  return JSON.stringify(file);
}

describe('validation', () => {
  const bad: [string, () => string, RegExp][] = [
    ['an empty file', () => '  \n', /empty/],
    ['text that is not JSON (sample file)', () => fixture('broken-not-json.json'), /not valid JSON/],
    ['a JSON list', () => '[]', /holds a list, not an object/],
    ['JSON null', () => 'null', /holds null, not an object/],
    ['a JSON number', () => '42', /holds a number, not an object/],
    [
      'another app’s export (sample file)',
      () => fixture('broken-wrong-format.json'),
      /not a Running For backup: its "format" is "some-other-app-export"/,
    ],
    ['no format at all', () => variant((f) => delete (f as Partial<Backup>).format), /has no "format"/],
    ['a newer version (sample file)', () => fixture('broken-wrong-version.json'), /made by a newer version of Running For/],
    ['version 0', () => variant((f) => (f.version = 0 as 1)), /version 0, which Running For does not read/],
    ['version as a string', () => variant((f) => (f.version = '1' as unknown as 1)), /"version" must be a whole number \(found "1"\)/],
    ['a missing store', () => variant((f) => delete (f as Partial<Backup>).reflections), /no "reflections"/],
    ['an extra top-level key', () => variant((f) => (f.settings = {})), /unknown top-level key "settings"/],
    ['a store that is not a list', () => variant((f) => (f.snapshots = 'none' as never)), /^snapshots: must be a list \(found "none"\)/],
    [
      'a wrong kind (sample file)',
      () => fixture('broken-types.json'),
      /^outcomes\[1\]\.kind: must be "client", .* or "other" \(found "networking"\)/,
    ],
    [
      'a number as text',
      () => variant((f) => (f.snapshots[2]!.value = '1200' as never)),
      /^snapshots\[2\]\.value: must be a number \(found "1200"\)/,
    ],
    ['a negative count', () => variant((f) => (f.activity[0]!.activeMs = -1)), /^activity\[0\]\.activeMs: must not be negative/],
    ['a fractional count', () => variant((f) => (f.reflections[0]!.value = 1.5)), /^reflections\[0\]\.value: must be a whole number/],
    [
      'an unknown field in a record',
      () => variant((f) => Object.assign(f.aims[1]!, { colour: 'red' })),
      /^aims\[1\]\.colour: is not a field/,
    ],
    [
      'a missing field in a record',
      () => variant((f) => delete (f.outcomes[3] as Partial<Outcome>).aimId),
      /^outcomes\[3\]\.aimId: is missing/,
    ],
    ['a record that is not an object', () => variant((f) => (f.outcomes[0] = 'x' as never)), /^outcomes\[0\]: must be an object/],
    ['an impossible date', () => variant((f) => (f.outcomes[2]!.at = '2026-13-45T10:00:00Z')), /^outcomes\[2\]\.at: must be a real date/],
    [
      'a date without a zone',
      () => variant((f) => (f.outcomes[2]!.at = '2026-11-03 16:45')),
      /^outcomes\[2\]\.at: must be an ISO 8601 date-time/,
    ],
    ['an impossible day', () => variant((f) => (f.activity[1]!.day = '2026-02-30')), /^activity\[1\]\.day: must be a real calendar day/],
    ['a bad exportedAt', () => variant((f) => (f.exportedAt = 'yesterday')), /^exportedAt: must be an ISO 8601/],
    ['an empty title', () => variant((f) => (f.outcomes[0]!.title = '  ')), /^outcomes\[0\]\.title: must not be empty/],
    [
      'a title over the limit',
      () => variant((f) => (f.outcomes[0]!.title = 'x'.repeat(201))),
      /^outcomes\[0\]\.title: is too long \(201 characters; at most 200\)/,
    ],
    ['a note over the limit', () => variant((f) => (f.outcomes[0]!.note = 'n'.repeat(2001))), /^outcomes\[0\]\.note: is too long/],
    ['a huge id', () => variant((f) => (f.aims[0]!.id = 'a'.repeat(65))), /^aims\[0\]\.id: is too long/],
    ['a plan over the limit', () => variant((f) => (f.aims[1]!.plan = 'p'.repeat(501))), /^aims\[1\]\.plan: is too long \(501 characters/],
    ['a plan that is not text', () => variant((f) => (f.aims[1]!.plan = 3 as never)), /^aims\[1\]\.plan: must be text \(found 3\)/],
    ['an id with odd characters', () => variant((f) => (f.aims[0]!.id = '../etc')), /^aims\[0\]\.id: must be letters, digits/],
    [
      'a null where null is not allowed',
      () => variant((f) => (f.reflections[0]!.siteId = null as never)),
      /^reflections\[0\]\.siteId: must be text \(found null\)/,
    ],
    [
      'a number where text or null is allowed',
      () => variant((f) => (f.outcomes[0]!.siteId = 7 as never)),
      /^outcomes\[0\]\.siteId: must be text \(found 7\)/,
    ],
    [
      'duplicate ids (sample file)',
      () => fixture('broken-duplicate-ids.json'),
      /^outcomes\[3\]\.id: ".*" is used twice in outcomes \(also by outcomes\[0\]\)/,
    ],
    [
      'duplicate activity day and site',
      () => variant((f) => f.activity.push({ ...f.activity[0]!, activeMs: 1 })),
      /^activity\[3\]: day 2026-11-24 on site "linkedin" appears twice \(also at activity\[0\]\)/,
    ],
    ['a __proto__ key in a record (sample file)', () => fixture('broken-proto.json'), /"__proto__" key \(at outcomes\[0\]\.__proto__\)/],
    [
      'a __proto__ key at the top',
      () => '{"__proto__":{"polluted":true},"format":"running-for-backup"}',
      /"__proto__" key \(at __proto__\)/,
    ],
    [
      'a constructor key',
      () => variant((f) => Object.assign(f.snapshots[0]!, { constructor: { prototype: {} } })),
      /"constructor" key \(at snapshots\[0\]\.constructor\)/,
    ],
    [
      'a prototype key deep inside',
      () => '{"format":"running-for-backup","x":[[{"a":{"prototype":1}}]]}',
      /"prototype" key \(at x\[0\]\[0\]\.a\.prototype\)/,
    ],
    ['a file over the size limit', () => ' '.repeat(MAX_BACKUP_SIZE + 1), /too large to be a Running For backup \(50 MB/],
    [
      'more records than the limit',
      () =>
        `{"format":"running-for-backup","version":1,"exportedAt":"2026-11-27T00:00:00Z",` +
        `"aims":[${'0,'.repeat(MAX_BACKUP_RECORDS)}0],"outcomes":[],"reflections":[],"snapshots":[],"activity":[]}`,
      /holds 1,000,001 records, more than Running For imports at once/,
    ],
  ];

  it.each(bad)('refuses %s with a specific message and changes nothing', async (_name, text, message) => {
    const journal = await seededJournal();
    const before = await exportBackup(journal, EXPORTED_AT);
    const result = await importText(journal, text());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(await exportBackup(journal, EXPORTED_AT)).toEqual(before);
    // Nothing reached a prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('importBackup itself refuses an unchecked object (JournalError "invalid") and changes nothing', async () => {
    const journal = await seededJournal();
    const before = await exportBackup(journal, EXPORTED_AT);
    const wrong = JSON.parse(fixture('broken-types.json')) as Backup;
    await expect(importBackup(journal, wrong)).rejects.toMatchObject({
      name: 'JournalError',
      code: 'invalid',
      message: expect.stringMatching(/outcomes\[1\]\.kind/),
    });
    const tooMany = { ...emptyBackup(), activity: new Array<Activity>(MAX_BACKUP_RECORDS + 1).fill(before.activity[0]!) };
    await expect(importBackup(journal, tooMany)).rejects.toThrow(/more than Running For imports at once/);
    expect(await exportBackup(journal, EXPORTED_AT)).toEqual(before);
  });

  it('accepts a byte order mark and normalises dates to toISOString()', () => {
    const text = `\uFEFF${variant((f) => {
      f.outcomes[0]!.at = '2026-09-18T16:02:00+02:00';
      f.exportedAt = '2026-11-27T18:05:12Z';
    })}`;
    const result = parseBackup(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.outcomes[0]!.at).toBe('2026-09-18T14:02:00.000Z');
    expect(result.backup.exportedAt).toBe('2026-11-27T18:05:12.000Z');
  });

  it('accepts every sample file it should, and the dashboard can pre-check a file size', () => {
    expect(parseBackup(fixture('valid-small.json')).ok).toBe(true);
    expect(backupSizeError(MAX_BACKUP_SIZE)).toBeNull();
    expect(backupSizeError(MAX_BACKUP_SIZE + 1)).toMatch(/too large/);
  });

  it('measures text already read in bytes too, as the file it was: one limit, not a looser one in characters', () => {
    expect(utf8Bytes('a')).toBe(1);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('あ')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
    expect(utf8Bytes('aé😀あ')).toBe(new TextEncoder().encode('aé😀あ').length);
    // 30 million characters of two bytes each: 60 MB as a file, though under 50 million characters.
    const large = 'é'.repeat(30 * 1024 * 1024);
    expect(backupTextSizeError(large)).toMatch(/too large to be a Running For backup \(60 MB; backups are at most 50 MB\)/);
    expect(parseBackup(large)).toEqual({ ok: false, error: backupTextSizeError(large) });
    // The same number of plain characters is 30 MB: within the limit (and then read as JSON).
    expect(backupTextSizeError('e'.repeat(30 * 1024 * 1024))).toBeNull();
  });
});

describe('all or nothing', () => {
  it('a write that throws mid-import leaves every store as it was', async () => {
    const journal = await seededJournal();
    const before = await exportBackup(journal, EXPORTED_AT);
    const backup = validSmall();
    const original = IDBObjectStore.prototype.add;
    // Aims and outcomes are written before snapshots: the failure comes after writes to other stores.
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, value, key) {
      if (this.name === 'snapshots') throw new DOMException('The disk is full.', 'QuotaExceededError');
      return original.call(this, value, key);
    });
    const error = await importBackup(journal, backup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect(error).toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect(await exportBackup(journal, EXPORTED_AT)).toEqual(before);
  });

  it('a request that fails inside the database (after others succeeded) also changes nothing', async () => {
    const journal = await seededJournal();
    const before = await exportBackup(journal, EXPORTED_AT);
    const backup = validSmall();
    const original = IDBObjectStore.prototype.add;
    // Make the last activity row collide with an existing key: the request fails asynchronously with a
    // ConstraintError, which aborts the transaction after every earlier write had succeeded.
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, value, key) {
      const row = value as Activity;
      if (this.name === 'activity' && row.day === '2026-11-25') return original.call(this, { ...row, ...before.activity[0]! }, key);
      return original.call(this, value, key);
    });
    await expect(importBackup(journal, backup)).rejects.toMatchObject({ name: 'JournalError', code: 'write-failed' });
    vi.restoreAllMocks();
    expect(await exportBackup(journal, EXPORTED_AT)).toEqual(before);
    // The journal is still usable, and the same import then succeeds.
    expect((await importBackup(journal, backup)).added.outcomes).toBe(4);
  });
});

describe('outcomes CSV', () => {
  const aims: Aim[] = [
    { id: 'aim1', purpose: 'Studio', aim: 'Three clients, by March', createdAt: '2026-01-01T00:00:00.000Z', archivedAt: null },
  ];
  const outcome = (fields: Partial<Outcome>): Outcome => ({
    id: 'o',
    at: '2026-11-24T11:05:00.000Z',
    title: 'A client',
    kind: 'client',
    note: '',
    siteId: null,
    aimId: null,
    ...fields,
  });

  it('has a BOM, a header row, CRLF line ends, local date-times and readable names', () => {
    const later = outcome({ id: 'b', at: '2026-11-25T08:00:00.000Z', title: 'Café Lumière', siteId: 'linkedin', aimId: 'aim1' });
    const earlier = outcome({ id: 'a', title: 'Learned pricing', kind: 'learning', siteId: 'mastodon.social', aimId: 'gone' });
    const csv = outcomesCsv([later, earlier], aims, { linkedin: 'LinkedIn' });
    expect(csv.startsWith('\uFEFFDate,Title,Kind,Site,Note,Aim\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = csv.slice(1).split('\r\n');
    const time = (iso: string) => {
      const d = new Date(iso);
      return `${localDay(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    };
    expect(lines.slice(1, 3)).toEqual([
      `${time(earlier.at)},Learned pricing,learning,mastodon.social,,`,
      `${time(later.at)},Café Lumière,client,LinkedIn,,"Three clients, by March"`,
    ]);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const csv = outcomesCsv([outcome({ title: 'Said "yes", then signed', note: 'line one\nline two\r\nend' })], []);
    expect(csv).toContain(',"Said ""yes"", then signed",client,,"line one\nline two\r\nend",\r\n');
  });

  it('turns anything a spreadsheet would run as a formula into text', () => {
    const titles = ['=HYPERLINK("http://evil","click")', '+1+2', '-3', '@SUM(A1)', '\tcmd', '\r=1'];
    const csv = outcomesCsv(
      titles.map((title, i) => outcome({ id: `o${i}`, title })),
      [],
      {},
    );
    const cells = csv.split('\r\n').slice(1, -1);
    expect(cells[0]).toContain(`,"'=HYPERLINK(""http://evil"",""click"")",`);
    expect(cells[1]).toContain(",'+1+2,");
    expect(cells[2]).toContain(",'-3,");
    expect(cells[3]).toContain(",'@SUM(A1),");
    expect(cells[4]).toContain(",'\tcmd,");
    expect(csv).toContain(`,"'\r=1",`);
    // Notes and site names are guarded too; ordinary text is left alone.
    const more = outcomesCsv([outcome({ note: '=cmd|calc', siteId: 'x' })], [], { x: '@X' });
    expect(more.split('\r\n')[1]).toMatch(/,client,'@X,'=cmd\|calc,$/);
  });

  it('does not mistake an object built-in for a site name', () => {
    const csv = outcomesCsv([outcome({ siteId: 'constructor' })], []);
    expect(csv.split('\r\n')[1]).toMatch(/,client,constructor,,$/);
  });
});
