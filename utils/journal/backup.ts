/**
 * Backups: the whole journal as one JSON file the user keeps, and the CSV of outcomes for spreadsheets.
 *
 * - Export reads every store in one read transaction, so the file is one consistent moment.
 * - Import validates the whole file before anything is written (valibot, the schemas of records.ts),
 *   then merges in one readwrite transaction over all five stores: all or nothing (DESIGN.md, "import
 *   is all-or-nothing"). Records are keyed like the stores (`id`, activity by `day` + `siteId`); an
 *   existing record is never overwritten, so importing the same file twice adds nothing twice.
 *
 * The format is versioned: a later version of Running For must keep reading `version: 1` files.
 */
import * as v from 'valibot';
import { allOrNothing, JournalError, STORES, type JournalDB, type StoreName } from './db';
import type { Journal } from './journal';
import {
  ActivitySchema,
  AimSchema,
  OutcomeSchema,
  ReflectionSchema,
  SnapshotSchema,
  isoDate,
  localDay,
  type Activity,
  type Aim,
  type Outcome,
  type Reflection,
  type Snapshot,
} from './records';

export const BACKUP_FORMAT = 'running-for-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  aims: Aim[];
  outcomes: Outcome[];
  reflections: Reflection[];
  snapshots: Snapshot[];
  activity: Activity[];
}

export interface ImportReport {
  /** New records written, per store. */
  added: Record<StoreName, number>;
  /** Records whose key already existed and were left as they were (activity: nothing to raise). */
  skipped: Record<StoreName, number>;
  /** Activity rows that existed and were raised field-wise to the larger value. */
  merged: number;
}

export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

/**
 * Largest backup read, in characters of text (or bytes of a file, which are never fewer). Five years of
 * heavy use is a few megabytes; the limit only keeps a wrong or hostile file from freezing the page.
 */
export const MAX_BACKUP_SIZE = 50 * 1024 * 1024;
/** Most records (all stores together) one backup may hold. */
export const MAX_BACKUP_RECORDS = 1_000_000;

/** The top-level keys, in the order a backup is written. */
const TOP_LEVEL_KEYS = ['format', 'version', 'exportedAt', ...STORES] as const;

/** Each store's fields, in the order of records.ts: export writes exactly these, nothing more. */
const FIELDS = {
  aims: ['id', 'purpose', 'aim', 'createdAt', 'archivedAt'],
  outcomes: ['id', 'at', 'title', 'kind', 'note', 'siteId', 'aimId'],
  reflections: ['id', 'at', 'siteId', 'metric', 'value', 'own', 'answer', 'outcomeId'],
  snapshots: ['id', 'at', 'siteId', 'metric', 'value', 'approximate'],
  activity: ['day', 'siteId', 'activeMs', 'metricsSeen', 'promptsShown'],
} as const satisfies { [S in StoreName]: readonly (keyof Backup[S][number])[] };

const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: isoDate,
  aims: v.array(AimSchema),
  outcomes: v.array(OutcomeSchema),
  reflections: v.array(ReflectionSchema),
  snapshots: v.array(SnapshotSchema),
  activity: v.array(ActivitySchema),
});

/** Keys that could reach an object's prototype if any code ever copied the parsed data carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// ── Export ────────────────────────────────────────────────────────────────────────────────────

/** Every record of every store, read in one transaction, in a stable order (time, then key). */
export async function exportBackup(journal: Journal, now: Date = new Date()): Promise<Backup> {
  const stored = await journal.transact(async (db: JournalDB) => {
    const tx = db.transaction([...STORES], 'readonly');
    const [aims, outcomes, reflections, snapshots, activity] = await Promise.all([
      tx.objectStore('aims').getAll(),
      tx.objectStore('outcomes').getAll(),
      tx.objectStore('reflections').getAll(),
      tx.objectStore('snapshots').getAll(),
      tx.objectStore('activity').getAll(),
    ]);
    await tx.done;
    return { aims, outcomes, reflections, snapshots, activity };
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    aims: stored.aims.map((r) => pick(r, FIELDS.aims)).sort(by('createdAt', 'id')),
    outcomes: stored.outcomes.map((r) => pick(r, FIELDS.outcomes)).sort(by('at', 'id')),
    reflections: stored.reflections.map((r) => pick(r, FIELDS.reflections)).sort(by('at', 'id')),
    snapshots: stored.snapshots.map((r) => pick(r, FIELDS.snapshots)).sort(by('at', 'id')),
    activity: stored.activity.map((r) => pick(r, FIELDS.activity)).sort(by('day', 'siteId')),
  };
}

/** The file's text: pretty JSON (2 spaces) ending with a newline. */
export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** `running-for-backup-YYYY-MM-DD.json`, the user's local date. */
export function backupFilename(date: Date): string {
  return `running-for-backup-${localDay(date)}.json`;
}

function pick<T, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = record[key];
  return out;
}

/** Order by string fields, compared by code unit (not locale), so every export of the same data is identical. */
function by<T>(...keys: (keyof T)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = String(a[key]);
      const y = String(b[key]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

// ── Validation ────────────────────────────────────────────────────────────────────────────────

/** A message when a file of `bytes` bytes is too large to be a backup, else null. */
export function backupSizeError(bytes: number): string | null {
  if (bytes <= MAX_BACKUP_SIZE) return null;
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return `This file is too large to be a Running For backup (${mb(bytes)}; backups are at most ${mb(MAX_BACKUP_SIZE)}).`;
}

/** The size of `text` as a UTF-8 file, in bytes, counted without encoding a copy of it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair (two units) is four bytes: two each.
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit < 0xe000) ? 2 : 3;
  }
  return bytes;
}

/**
 * `backupSizeError` for text already read, in the same unit as for a file before reading it — bytes — so
 * there is one limit, not a byte limit and a looser character one (a character takes up to three bytes).
 */
export function backupTextSizeError(text: string): string | null {
  // Every UTF-16 unit is one to three bytes: within a third of the limit the text fits, uncounted.
  return text.length * 3 <= MAX_BACKUP_SIZE ? null : backupSizeError(utf8Bytes(text));
}

/**
 * Read a backup file's text. Everything is checked before the caller writes anything; the error is one
 * sentence saying what is wrong and where (`outcomes[3].kind: …`).
 */
export function parseBackup(text: string): ParseResult {
  const tooLarge = backupTextSizeError(text);
  if (tooLarge) return { ok: false, error: tooLarge };
  // Editors on Windows save UTF-8 with a byte order mark; it is not part of the JSON.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'This file is empty, so it is not a Running For backup.' };
  let value: unknown;
  try {
    // JSON.parse defines keys as own data properties, so a "__proto__" key cannot change a prototype
    // here; validateBackup refuses the file before any other code sees it.
    value = JSON.parse(body);
  } catch {
    return { ok: false, error: 'This file is not a Running For backup: it is not valid JSON.' };
  }
  return validateBackup(value);
}

/** Check an already parsed value (parseBackup's second half; importBackup checks again with it). */
export function validateBackup(value: unknown): ParseResult {
  const fail = (error: string): ParseResult => ({ ok: false, error });

  const forbidden = findForbiddenKey(value);
  if (forbidden) {
    return fail(
      `This file contains a "${forbidden.key}" key (at ${forbidden.path}), which no Running For backup has; it was refused as unsafe.`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(`This file is not a Running For backup: it holds ${describeJson(value)}, not an object.`);
  }
  const file = value as Record<string, unknown>;

  if (file.format !== BACKUP_FORMAT) {
    return fail(
      Object.hasOwn(file, 'format')
        ? `This file is not a Running For backup: its "format" is ${preview(file.format)}, not "${BACKUP_FORMAT}".`
        : `This file is not a Running For backup: it has no "format": "${BACKUP_FORMAT}".`,
    );
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    return fail(`This backup's "version" must be a whole number (found ${preview(version)}).`);
  }
  if (version > BACKUP_VERSION) {
    return fail(
      `This backup was made by a newer version of Running For (backup version ${version}; this one reads up to version ${BACKUP_VERSION}). Update the extension, then import it again.`,
    );
  }
  if (version !== BACKUP_VERSION) {
    return fail(`This backup has version ${version}, which Running For does not read (it reads version ${BACKUP_VERSION}).`);
  }
  // Older backup versions would be upgraded to the current shape here, before validation.

  for (const key of TOP_LEVEL_KEYS) {
    if (!Object.hasOwn(file, key)) return fail(`This backup is incomplete: it has no "${key}".`);
  }
  for (const key of Object.keys(file)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) return fail(`This backup has an unknown top-level key "${key}".`);
  }

  let total = 0;
  for (const store of STORES) {
    const list = file[store];
    if (Array.isArray(list)) total += list.length;
  }
  if (total > MAX_BACKUP_RECORDS) {
    return fail(
      `This backup holds ${total.toLocaleString('en')} records, more than Running For imports at once (${MAX_BACKUP_RECORDS.toLocaleString('en')}).`,
    );
  }

  // abortEarly: the first problem is what the user needs, and it stops early on a huge wrong file.
  const result = v.safeParse(BackupSchema, file, { abortEarly: true });
  if (!result.success) return fail(describeIssue(result.issues[0]));
  const backup = result.output;

  const duplicate = findDuplicate(backup);
  if (duplicate) return fail(duplicate);
  return { ok: true, backup };
}

interface JsonNode {
  value: object;
  parent: JsonNode | null;
  key: string | number | null;
}

/**
 * The first forbidden key anywhere in the parsed value, with its path. Iterative, because JSON.parse
 * accepts nesting far deeper than the call stack allows.
 */
function findForbiddenKey(root: unknown): { key: string; path: string } | null {
  if (root === null || typeof root !== 'object') return null;
  const stack: JsonNode[] = [{ value: root, parent: null, key: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node.value)) {
      const list = node.value as unknown[];
      for (let i = list.length - 1; i >= 0; i--) {
        const child = list[i];
        if (child !== null && typeof child === 'object') stack.push({ value: child, parent: node, key: i });
      }
      continue;
    }
    const record = node.value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (FORBIDDEN_KEYS.has(key)) return { key, path: formatPath([...keysOf(node), key]) || 'the top level' };
      const child = record[key];
      if (child !== null && typeof child === 'object') stack.push({ value: child, parent: node, key });
    }
  }
  return null;
}

function keysOf(node: JsonNode): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let n: JsonNode | null = node; n && n.key !== null; n = n.parent) keys.unshift(n.key);
  return keys;
}

/** `outcomes[3].kind` */
function formatPath(keys: readonly unknown[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/** One valibot issue as a sentence: where, then what is wrong, in words a person can act on. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const where = formatPath(issue.path?.map((item) => item.key) ?? []) || 'The backup';
  return `${where}: ${issueText(issue)}.`;
}

function issueText(issue: v.BaseIssue<unknown>): string {
  const found = `found ${issue.received}`;
  if (issue.kind === 'schema') {
    if (issue.type === 'strict_object' && issue.expected === 'never') return 'is not a field this kind of record has';
    if (issue.type === 'strict_object' && issue.received === 'undefined') return 'is missing';
    if (issue.type === 'picklist' || issue.type === 'literal') return `must be ${alternatives(issue.expected, ' or ')} (${found})`;
    return `must be ${alternatives(issue.expected, ' or ', typeName)} (${found})`;
  }
  switch (issue.type) {
    case 'max_length':
      return `is too long (${issue.received} characters; at most ${String(issue.requirement)})`;
    case 'min_length':
      return 'must not be empty';
    case 'safe_integer':
      return `must be a whole number (${found})`;
    case 'min_value':
      return `must not be negative (${found})`;
    default:
      // records.ts gives its regex and check steps their own wording ("must be a real date").
      return issue.message;
  }
}

/** `("a" | "b" | "c")` → `"a", "b" or "c"`. */
function alternatives(expected: string | null, last: string, name: (t: string) => string = (t) => t): string {
  const parts = (expected ?? '')
    .replace(/^\((.*)\)$/, '$1')
    .split(' | ')
    .map(name);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')}${last}${parts.at(-1)}`;
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    null: 'null',
    Array: 'a list',
    Object: 'an object',
  };
  return Object.hasOwn(names, type) ? names[type]! : type;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return typeof value;
}

/** A short, safe rendering of a value for a message. */
function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** Two records with one key cannot both be imported, and picking one would silently drop the other. */
function findDuplicate(backup: Backup): string | null {
  for (const store of ['aims', 'outcomes', 'reflections', 'snapshots'] as const) {
    const seen = new Map<string, number>();
    const list: readonly { id: string }[] = backup[store];
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!.id;
      const first = seen.get(id);
      if (first !== undefined) return `${store}[${i}].id: "${id}" is used twice in ${store} (also by ${store}[${first}]).`;
      seen.set(id, i);
    }
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < backup.activity.length; i++) {
    const row = backup.activity[i]!;
    const key = activityKey(row);
    const first = seen.get(key);
    if (first !== undefined) {
      return `activity[${i}]: day ${row.day} on site "${row.siteId}" appears twice (also at activity[${first}]).`;
    }
    seen.set(key, i);
  }
  return null;
}

/** Day and site id never contain a space, so this joins them without ambiguity. */
function activityKey(row: Pick<Activity, 'day' | 'siteId'>): string {
  return `${row.day} ${row.siteId}`;
}

// ── Import ────────────────────────────────────────────────────────────────────────────────────

/**
 * Merge a backup into the journal in one transaction over all five stores: all or nothing. Throws a
 * JournalError (`invalid` for a bad backup, else the storage failure) and then nothing has changed.
 */
export async function importBackup(journal: Journal, backup: Backup): Promise<ImportReport> {
  // Check again: callers may pass an object that did not come from parseBackup.
  const checked = validateBackup(backup);
  if (!checked.ok) throw new JournalError('invalid', checked.error);
  const data = checked.backup;

  return journal.transact(async (db) => {
    const tx = db.transaction([...STORES], 'readwrite');
    const report: ImportReport = { added: zeroCounts(), skipped: zeroCounts(), merged: 0 };
    return allOrNothing(tx, async () => {
      // Requests are issued without awaiting each one: the transaction queues them in order, and one
      // await per store keeps a large import from paying a round trip per record.
      const aims = tx.objectStore('aims');
      await addMissing(new Set(await aims.getAllKeys()), data.aims, (r) => aims.add(r), 'aims', report);
      const outcomes = tx.objectStore('outcomes');
      await addMissing(new Set(await outcomes.getAllKeys()), data.outcomes, (r) => outcomes.add(r), 'outcomes', report);
      const reflections = tx.objectStore('reflections');
      await addMissing(new Set(await reflections.getAllKeys()), data.reflections, (r) => reflections.add(r), 'reflections', report);
      const snapshots = tx.objectStore('snapshots');
      await addMissing(new Set(await snapshots.getAllKeys()), data.snapshots, (r) => snapshots.add(r), 'snapshots', report);

      const activity = tx.objectStore('activity');
      const existing = new Map((await activity.getAll()).map((row) => [activityKey(row), row]));
      const writes: Promise<unknown>[] = [];
      for (const row of data.activity) {
        const current = existing.get(activityKey(row));
        if (!current) {
          writes.push(activity.add(row));
          report.added.activity++;
          continue;
        }
        // Counters only grow, so the larger of two values is the one that loses nothing, and taking it
        // again changes nothing (a second import merges nothing).
        const raised: Activity = {
          ...current,
          activeMs: Math.max(current.activeMs, row.activeMs),
          metricsSeen: Math.max(current.metricsSeen, row.metricsSeen),
          promptsShown: Math.max(current.promptsShown, row.promptsShown),
        };
        if (
          raised.activeMs === current.activeMs &&
          raised.metricsSeen === current.metricsSeen &&
          raised.promptsShown === current.promptsShown
        ) {
          report.skipped.activity++;
        } else {
          writes.push(activity.put(raised));
          report.merged++;
        }
      }
      await Promise.all(writes);

      const allAims = await aims.getAll();
      await Promise.all(archiveAllButNewest(allAims).map((aim) => aims.put(aim)));
      await tx.done;
      return report;
    });
  });
}

function zeroCounts(): Record<StoreName, number> {
  return { aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 };
}

async function addMissing<R extends { id: string }>(
  existing: Set<string>,
  records: readonly R[],
  add: (record: R) => Promise<unknown>,
  store: StoreName,
  report: ImportReport,
): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (const record of records) {
    if (existing.has(record.id)) {
      report.skipped[store]++;
    } else {
      // `add`, never `put`: even if a key slipped past the check above, an existing record is not overwritten.
      writes.push(add(record));
      report.added[store]++;
    }
  }
  await Promise.all(writes);
}

/**
 * "The current aim" is the newest one not archived. Merging two journals can leave several unarchived;
 * each older one is archived when the next aim (by creation time) was created — the moment it was
 * replaced in the merged history. Returns the aims to update.
 */
export function archiveAllButNewest(aims: readonly Aim[]): Aim[] {
  const sorted = [...aims].sort(by('createdAt', 'id'));
  let newestCurrent = -1;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (sorted[i]!.archivedAt === null) {
      newestCurrent = i;
      break;
    }
  }
  const updates: Aim[] = [];
  for (let i = 0; i < newestCurrent; i++) {
    const aim = sorted[i]!;
    if (aim.archivedAt === null) updates.push({ ...aim, archivedAt: sorted[i + 1]!.createdAt });
  }
  return updates;
}

// ── CSV ───────────────────────────────────────────────────────────────────────────────────────

const CSV_HEADER = ['Date', 'Title', 'Kind', 'Site', 'Note', 'Aim'];

/**
 * Outcomes as CSV (RFC 4180) for spreadsheets, oldest first: CRLF line ends, quotes where needed, a
 * UTF-8 byte order mark so Excel reads accents, and no cell a spreadsheet would run as a formula.
 * `siteNames` maps site ids to display names (`{ linkedin: 'LinkedIn' }`); unknown ids are shown as is.
 */
export function outcomesCsv(outcomes: readonly Outcome[], aims: readonly Aim[], siteNames: Record<string, string> = {}): string {
  const aimText = new Map(aims.map((aim) => [aim.id, aim.aim]));
  const rows = [...outcomes].sort(by('at', 'id')).map((outcome) => [
    localDateTime(new Date(outcome.at)),
    outcome.title,
    outcome.kind,
    // hasOwn: a site id such as "constructor" must not find Object.prototype's members.
    outcome.siteId === null ? '' : Object.hasOwn(siteNames, outcome.siteId) ? siteNames[outcome.siteId]! : outcome.siteId,
    outcome.note,
    outcome.aimId === null ? '' : (aimText.get(outcome.aimId) ?? ''),
  ]);
  return `\uFEFF${[CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** `running-for-outcomes-YYYY-MM-DD.csv`, the user's local date. */
export function outcomesCsvFilename(date: Date): string {
  return `running-for-outcomes-${localDay(date)}.csv`;
}

function csvCell(value: string): string {
  // Spreadsheets run a cell starting with these as a formula (OWASP "CSV injection"); an apostrophe
  // makes it text and is hidden by Excel and Sheets.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** `YYYY-MM-DD HH:MM` in local time, a form spreadsheets read as a date and time. */
function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
