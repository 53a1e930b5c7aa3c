/**
 * A valid backup near the size limit (45 of 50 MB: almost ten years of heavy use, ≈ 350,000 records)
 * imported through the dashboard as a user would: all of it, in one transaction, with the time it took and
 * the page's JavaScript heap at its highest reported (not asserted: these machines are noisy).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countsOf, generateHistory, HEAVY_USE } from '../bench/lib/history';
import { MAX_BACKUP_SIZE } from '../../utils/journal/backup/format';
import { expect, test } from './extension';

const MB = 1024 * 1024;

test('a valid 45 MB backup imports whole through the dashboard (time and memory reported)', async ({ context, extensionId }) => {
  test.setTimeout(300_000);
  const history = generateHistory({ ...HEAVY_USE, years: 9.7, end: new Date('2026-12-01T00:00:00Z') });
  const text = JSON.stringify(history);
  const bytes = Buffer.byteLength(text);
  expect(bytes).toBeGreaterThan(45 * MB);
  expect(bytes).toBeLessThan(MAX_BACKUP_SIZE);
  const dir = join(tmpdir(), 'running-for-e2e-backups');
  mkdirSync(dir, { recursive: true });
  const name = 'ten-years.json';
  writeFileSync(join(dir, name), text);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/data`);
  await expect(page.getByLabel('Import backup')).toBeAttached();
  const cdp = await context.newCDPSession(page);
  let peak = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  const started = Date.now();
  await page.getByLabel('Import backup').setInputFiles(join(dir, name));
  await expect(page.getByTestId('data-status')).toContainText(`Imported ${name}`, { timeout: 240_000 });
  const seconds = (Date.now() - started) / 1000;
  sampling = false;
  await sampler;
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  test
    .info()
    .annotations.push(
      { type: 'import of a 45 MB backup', description: `${(bytes / MB).toFixed(1)} MB in ${seconds.toFixed(1)} s` },
      { type: 'dashboard JS heap', description: `peak ${(peak / MB).toFixed(0)} MB while importing, ${(after / MB).toFixed(0)} MB after` },
    );

  // Every record is in the journal.
  const stored = await page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('running-for');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['aims', 'outcomes', 'reflections', 'snapshots', 'activity'];
          const tx = db.transaction(names);
          const counts: Record<string, number> = {};
          for (const store of names)
            tx.objectStore(store).count().onsuccess = (event) => (counts[store] = (event.target as IDBRequest<number>).result);
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );
  expect(stored).toEqual(countsOf(history));
});
