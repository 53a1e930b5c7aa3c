/** Filling the extension's journal for a benchmark: a generated backup imported through the dashboard, as a user would. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';
import { countsOf, generateHistory, HEAVY_USE } from './history';
import type { Backup } from '../../../utils/journal/backup/format';

/** Import `history` on an open `dashboard.html#/data` page; resolves to the seconds it took. */
export async function importHistory(page: Page, history: Backup, name: string): Promise<number> {
  const dir = join(tmpdir(), 'running-for-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(history));
  const started = Date.now();
  await page.getByLabel('Import backup').setInputFiles(path);
  await page
    .getByTestId('data-status')
    .filter({ hasText: `Imported ${name}` })
    .waitFor({ timeout: 300_000 });
  return (Date.now() - started) / 1000;
}

/**
 * A year of heavy use, ending tomorrow so this week holds outcomes, reflections and activity like any week
 * of it, imported through the dashboard of `browser`; says so in the log. Resolves to the history and the
 * import's seconds.
 */
export async function importYearOfHeavyUse(
  browser: ExtensionBrowser,
  name: string,
  log: (line: string) => void,
): Promise<{ history: Backup; importSeconds: number }> {
  const history = generateHistory({ ...HEAVY_USE, years: 1, end: new Date(Date.now() + 86_400_000) });
  const dashboard = await browser.open('dashboard.html#/data');
  const importSeconds = await importHistory(dashboard, history, name);
  await dashboard.close();
  log(`Journal: one year of heavy use ${JSON.stringify(countsOf(history))}, imported in ${importSeconds.toFixed(1)} s.`);
  return { history, importSeconds };
}
