/**
 * Export: the whole journal as a backup file (./format.ts), one consistent moment.
 */
import { STORES, type JournalDB } from '../db';
import type { Journal } from '../journal';
import { localDay } from '../records';
import { BACKUP_FORMAT, BACKUP_VERSION, FIELDS, type Backup, by } from './format';

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

/** The record's `keys`, in that order; an optional field the record does not have stays out. */
function pick<T, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  return out;
}
