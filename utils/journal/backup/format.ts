/**
 * Backups: the whole journal as one JSON file the user keeps. This module is the file's format — its
 * name and version, its shape (the record schemas of ../records.ts) and its limits; ./export.ts writes it,
 * ./validate.ts reads it back with a sentence for whatever is wrong, ./import.ts merges it into the journal.
 *
 * - Export reads every store in one read transaction, so the file is one consistent moment.
 * - Import validates the whole file before anything is written, then merges in one readwrite transaction
 *   over all five stores: all or nothing (README "Architecture", rules that protect users). Records are
 *   keyed like the stores (`id`, activity by `day` + `siteId`); an existing record is never overwritten,
 *   so importing the same file twice adds nothing twice.
 *
 * The format is versioned: a later version of Running For must keep reading `version: 1` files.
 */
import * as v from 'valibot';
import { STORES, type StoreName } from '../db';
import {
  ActivitySchema,
  AimSchema,
  OutcomeSchema,
  ReflectionSchema,
  SnapshotSchema,
  isoDate,
  type Activity,
  type Aim,
  type Outcome,
  type Reflection,
  type Snapshot,
} from '../records';

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
export const TOP_LEVEL_KEYS = ['format', 'version', 'exportedAt', ...STORES] as const;

/**
 * Each store's fields, in the order of records.ts: export writes exactly these, nothing more — and an
 * optional one (an aim's `plan`) only when the record has it, so a file without it is still a whole backup.
 */
export const FIELDS = {
  aims: ['id', 'purpose', 'aim', 'plan', 'createdAt', 'archivedAt'],
  outcomes: ['id', 'at', 'title', 'kind', 'note', 'siteId', 'aimId'],
  reflections: ['id', 'at', 'siteId', 'metric', 'value', 'own', 'answer', 'outcomeId'],
  snapshots: ['id', 'at', 'siteId', 'metric', 'value', 'approximate'],
  activity: ['day', 'siteId', 'activeMs', 'metricsSeen', 'promptsShown'],
} as const satisfies { [S in StoreName]: readonly (keyof Backup[S][number])[] };

export const BackupSchema = v.strictObject({
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
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Order by string fields, compared by code unit (not locale), so every export of the same data is identical. */
export function by<T>(...keys: (keyof T)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = String(a[key]);
      const y = String(b[key]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}
