/**
 * Import: a validated backup (./validate.ts) merged into the journal in one readwrite transaction over
 * every store — all or nothing; a record already there is never overwritten.
 */
import { allOrNothing, JournalError, STORES, type StoreName } from '../db';
import type { Journal } from '../journal';
import { type Activity, type Aim } from '../records';
import { type Backup, type ImportReport, by } from './format';
import { activityKey, validateBackup } from './validate';

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
