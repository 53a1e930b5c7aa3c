/** Filling the extension's journal for a benchmark: a generated backup imported through the dashboard, as a user would. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Backup } from '../../../utils/journal/backup';

/** Import `history` on an open `dashboard.html#/data` page; resolves to the seconds it took. */
export async function importHistory(page: Page, history: Backup, name: string): Promise<number> {
  const dir = join(tmpdir(), 'running-for-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(history));
  const started = Date.now();
  await page.getByLabel('Import backup').setInputFiles(path);
  await page.getByTestId('data-status').filter({ hasText: `Imported ${name}` }).waitFor({ timeout: 300_000 });
  return (Date.now() - started) / 1000;
}
