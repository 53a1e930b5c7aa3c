/**
 * Reading a backup file back: its size, its JSON, its shape (./format.ts), duplicates — and, for whatever
 * is wrong, one sentence a person can act on, naming where in the file.
 */
import { formatNumber, t, uiLanguage } from '../../i18n/t';
import * as v from 'valibot';
import { STORES } from '../db';
import { describeIssue, formatPath } from '../issues';
import { type Activity } from '../records';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupSchema,
  FORBIDDEN_KEYS,
  MAX_BACKUP_RECORDS,
  MAX_BACKUP_SIZE,
  TOP_LEVEL_KEYS,
  type Backup,
  type ParseResult,
} from './format';

/** A message when a file of `bytes` bytes is too large to be a backup, else null. */
export function backupSizeError(bytes: number): string | null {
  if (bytes <= MAX_BACKUP_SIZE) return null;
  const mb = (n: number) =>
    new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(n / (1024 * 1024));
  return t('backupTooLarge', [mb(bytes), mb(MAX_BACKUP_SIZE)]);
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
  if (body.trim() === '') return { ok: false, error: t('backupEmpty') };
  let value: unknown;
  try {
    // JSON.parse defines keys as own data properties, so a "__proto__" key cannot change a prototype
    // here; validateBackup refuses the file before any other code sees it.
    value = JSON.parse(body);
  } catch {
    return { ok: false, error: t('backupNotJson') };
  }
  return validateBackup(value);
}

/** Check an already parsed value (parseBackup's second half; importBackup checks again with it). */
export function validateBackup(value: unknown): ParseResult {
  const fail = (error: string): ParseResult => ({ ok: false, error });

  const forbidden = findForbiddenKey(value);
  if (forbidden) {
    return fail(t('backupUnsafeKey', [forbidden.key, forbidden.path]));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(t('backupNotObject', describeJson(value)));
  }
  const file = value as Record<string, unknown>;

  if (file.format !== BACKUP_FORMAT) {
    return fail(
      Object.hasOwn(file, 'format') ? t('backupWrongFormat', [preview(file.format), BACKUP_FORMAT]) : t('backupNoFormat', BACKUP_FORMAT),
    );
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    return fail(t('backupBadVersion', preview(version)));
  }
  if (version > BACKUP_VERSION) {
    return fail(t('backupNewer', [String(version), String(BACKUP_VERSION)]));
  }
  if (version !== BACKUP_VERSION) {
    return fail(t('backupOlder', [String(version), String(BACKUP_VERSION)]));
  }
  // Older backup versions would be upgraded to the current shape here, before validation.

  for (const key of TOP_LEVEL_KEYS) {
    if (!Object.hasOwn(file, key)) return fail(t('backupIncomplete', key));
  }
  for (const key of Object.keys(file)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) return fail(t('backupUnknownKey', key));
  }

  let total = 0;
  for (const store of STORES) {
    const list = file[store];
    if (Array.isArray(list)) total += list.length;
  }
  if (total > MAX_BACKUP_RECORDS) {
    return fail(t('backupTooMany', [formatNumber(total), formatNumber(MAX_BACKUP_RECORDS)]));
  }

  // abortEarly: the first problem is what the user needs, and it stops early on a huge wrong file.
  const result = v.safeParse(BackupSchema, file, { abortEarly: true });
  if (!result.success) return fail(describeIssue(result.issues[0], { whole: t('backupWhole') }));
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

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('typeList');
  if (typeof value === 'string') return t('typeText');
  if (typeof value === 'number') return t('typeNumber');
  if (typeof value === 'boolean') return t('typeBoolean');
  return typeof value;
}

/** A short, safe rendering of a value for a message. */
function preview(value: unknown): string {
  if (value === undefined) return t('valueNothing');
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
      if (first !== undefined) return t('backupDuplicateId', [`${store}[${i}].id`, id, store, `${store}[${first}]`]);
      seen.set(id, i);
    }
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < backup.activity.length; i++) {
    const row = backup.activity[i]!;
    const key = activityKey(row);
    const first = seen.get(key);
    if (first !== undefined) {
      return t('backupDuplicateDay', [`activity[${i}]`, row.day, row.siteId, `activity[${first}]`]);
    }
    seen.set(key, i);
  }
  return null;
}

/** Day and site id never contain a space, so this joins them without ambiguity. */
export function activityKey(row: Pick<Activity, 'day' | 'siteId'>): string {
  return `${row.day} ${row.siteId}`;
}
