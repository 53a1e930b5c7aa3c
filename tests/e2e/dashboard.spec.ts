/**
 * The dashboard in real Chromium with the built extension: the outcomes list, and the Data section's
 * export, import (broken files, the same file twice, a round trip) and delete-all flows.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './extension';

const STORES = ['aims', 'outcomes', 'reflections', 'snapshots', 'activity'] as const;
type Counts = Record<(typeof STORES)[number], number>;

/** A small journal from "another browser": every store, a site the user added, an outcome with no site. */
function seedBackup() {
  return {
    format: 'running-for-backup',
    version: 1,
    exportedAt: '2026-11-20T10:00:00.000Z',
    aims: [
      {
        id: 'seed-aim-1',
        purpose: 'An independent design studio',
        aim: 'Two clients by October',
        createdAt: '2026-06-01T09:00:00.000Z',
        archivedAt: '2026-10-01T09:00:00.000Z',
      },
      {
        id: 'seed-aim-2',
        purpose: 'An independent design studio',
        aim: 'Three new clients by March',
        createdAt: '2026-10-01T09:00:00.000Z',
        archivedAt: null,
      },
    ],
    outcomes: [
      {
        id: 'seed-out-1',
        at: '2026-11-16T14:30:00.000Z',
        title: 'A client came through a LinkedIn connection',
        kind: 'client',
        note: 'Intro from a former colleague',
        siteId: 'linkedin',
        aimId: 'seed-aim-2',
      },
      {
        id: 'seed-out-2',
        at: '2026-11-17T08:15:00.000Z',
        title: 'Learned how to price a retainer',
        kind: 'learning',
        note: '',
        siteId: null,
        aimId: 'seed-aim-2',
      },
      {
        id: 'seed-out-3',
        at: '2026-11-18T19:45:00.000Z',
        title: 'Co-wrote a talk with someone met on Mastodon',
        kind: 'collaboration',
        note: 'Proposal accepted',
        siteId: 'mastodon.social',
        aimId: 'seed-aim-2',
      },
    ],
    reflections: [
      {
        id: 'seed-ref-1',
        at: '2026-11-16T14:00:00.000Z',
        siteId: 'linkedin',
        metric: 'connections',
        value: 512,
        own: true,
        answer: 'outcome',
        outcomeId: 'seed-out-1',
      },
      {
        id: 'seed-ref-2',
        at: '2026-11-17T10:00:00.000Z',
        siteId: 'x',
        metric: 'followers',
        value: 2300,
        own: true,
        answer: 'nothing-yet',
        outcomeId: null,
      },
    ],
    snapshots: [
      { id: 'seed-snap-1', at: '2026-11-16T14:00:00.000Z', siteId: 'linkedin', metric: 'connections', value: 512, approximate: false },
    ],
    activity: [
      { day: '2026-11-16', siteId: 'linkedin', activeMs: 1_800_000, metricsSeen: 12, promptsShown: 3 },
      { day: '2026-11-17', siteId: 'x', activeMs: 600_000, metricsSeen: 40, promptsShown: 5 },
    ],
  };
}

const SEED_COUNTS: Counts = { aims: 2, outcomes: 3, reflections: 2, snapshots: 1, activity: 2 };

function file(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function openDashboard(context: BrowserContext, extensionId: string, hash = '#/data'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html${hash}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page;
}

async function readCounts(page: Page): Promise<Counts> {
  const counts = {} as Counts;
  for (const store of STORES) counts[store] = Number((await page.getByTestId(`count-${store}`).textContent())?.replace(/\D/g, ''));
  return counts;
}

async function importBackup(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import backup').setInputFiles(file(name, text));
}

async function exportBackup(page: Page): Promise<{ filename: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  const path = await download.path();
  return { filename: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The backup without its export time: what must survive a round trip unchanged. */
function dataOf(text: string): unknown {
  const data = JSON.parse(text) as Record<string, unknown>;
  delete data.exportedAt;
  return data;
}

/** Broken files: ours, plus the shared samples in tests/fixtures/backups when present. */
function brokenFiles(): { name: string; text: string }[] {
  const valid = JSON.stringify(seedBackup());
  const files = [
    { name: 'not-json.json', text: '{"format": "running-for-backup", "version": 1, ' },
    { name: 'wrong-version.json', text: JSON.stringify({ ...seedBackup(), version: 99 }) },
    { name: 'wrong-format.json', text: JSON.stringify({ ...seedBackup(), format: 'something-else' }) },
    { name: 'proto.json', text: valid.replace('"title":"Learned how to price a retainer"', '"title":"x","__proto__":{"polluted":true}') },
    { name: 'wrong-types.json', text: valid.replace('"value":512', '"value":"512"') },
    // The first outcome is valid: an all-or-nothing import must not add it when a later record is bad.
    { name: 'one-bad-record.json', text: valid.replace('"kind":"collaboration"', '"kind":"fame"') },
  ];
  // The sample backups are part of the repository: a missing folder or no broken sample fails here, never skips.
  const samples = resolve('tests/fixtures/backups');
  const broken = readdirSync(samples).filter((n) => n.startsWith('broken-'));
  if (broken.length === 0) throw new Error(`No broken-*.json sample backup in ${samples}.`);
  for (const name of broken) files.push({ name, text: readFileSync(join(samples, name), 'utf8') });
  return files;
}

test('lists outcomes newest first, filters by kind, site and week, edits, and deletes with undo', async ({ context, extensionId }) => {
  const page = await openDashboard(context, extensionId);
  await importBackup(page, 'seed.json', JSON.stringify(seedBackup()));
  await expect(page.getByTestId('data-status')).toContainText('Imported seed.json');

  await page.getByRole('link', { name: 'Outcomes' }).click();
  await expect(page).toHaveURL(/#\/outcomes$/);
  await expect(page.getByTestId('current-aim')).toContainText('Three new clients by March');
  const titles = page.getByTestId('outcome').locator('.outcome-title');
  await expect(titles).toHaveText([
    'Co-wrote a talk with someone met on Mastodon',
    'Learned how to price a retainer',
    'A client came through a LinkedIn connection',
  ]);

  const filters = page.getByRole('search', { name: 'Filter outcomes' });
  await filters.getByLabel('Site').selectOption({ label: 'No site' });
  await expect(titles).toHaveText(['Learned how to price a retainer']);
  await filters.getByLabel('Site').selectOption({ label: 'mastodon.social' });
  await expect(titles).toHaveText(['Co-wrote a talk with someone met on Mastodon']);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Kind').selectOption({ label: 'Client' });
  await expect(titles).toHaveText(['A client came through a LinkedIn connection']);
  await filters.getByRole('button', { name: 'This week' }).click();
  // The seed is from November 2026; "this week" is whenever the test runs, so nothing matches.
  await expect(page.getByTestId('empty-state')).toContainText('No outcomes of kind Client');
  await page.getByRole('button', { name: 'Show all outcomes' }).click();
  await expect(titles).toHaveCount(3);

  // Edit in place; Escape leaves it unchanged, Save keeps the change after a reload.
  await page.getByRole('button', { name: 'Edit “Learned how to price a retainer”' }).click();
  const editor = page.getByRole('form', { name: 'Edit “Learned how to price a retainer”' });
  await expect(editor.getByLabel('Title')).toBeFocused();
  await editor.getByLabel('Title').fill('Learned how to price a monthly retainer');
  await editor.getByLabel('Site').selectOption({ label: 'Reddit' });
  await editor.getByLabel('Note').fill('From a thread in r/freelance');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved “Learned how to price a monthly retainer”.');
  await page.reload();
  const edited = page.getByTestId('outcome').filter({ hasText: 'Learned how to price a monthly retainer' });
  await expect(edited).toContainText('via Reddit');
  await expect(edited).toContainText('From a thread in r/freelance');

  // Delete, then Undo puts back the very same record.
  await page.getByRole('button', { name: 'Delete “A client came through a LinkedIn connection”' }).click();
  await expect(titles).toHaveCount(2);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(titles).toHaveCount(3);
  const restored = page.getByTestId('outcome').filter({ hasText: 'A client came through a LinkedIn connection' });
  await expect(restored).toContainText('Intro from a former colleague');
  await expect(restored).toContainText('via LinkedIn');
});

test('exports a backup in the documented format', async ({ context, extensionId }) => {
  const page = await openDashboard(context, extensionId);
  await importBackup(page, 'seed.json', JSON.stringify(seedBackup()));
  await expect(page.getByTestId('data-status')).toContainText('Imported seed.json');

  const { filename, text } = await exportBackup(page);
  expect(filename).toMatch(/^running-for-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByTestId('data-status')).toContainText(`Backup saved as ${filename}`);
  const backup = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(backup)).toEqual(['format', 'version', 'exportedAt', ...STORES]);
  expect(backup.format).toBe('running-for-backup');
  expect(backup.version).toBe(1);
  expect(new Date(backup.exportedAt as string).toISOString()).toBe(backup.exportedAt);
  // Exactly the records imported, with exactly their fields.
  const seed = seedBackup();
  for (const store of STORES) {
    expect(backup[store], store).toEqual(expect.arrayContaining(seed[store].map((record) => expect.objectContaining(record))));
    expect((backup[store] as unknown[]).length, store).toBe(seed[store].length);
    for (const record of backup[store] as object[]) expect(Object.keys(record).sort()).toEqual(Object.keys(seed[store][0]!).sort());
  }

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export outcomes as CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const rows = readFileSync(await csv.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(rows).toHaveLength(1 + seed.outcomes.length);
  expect(rows.join('\n')).toContain('A client came through a LinkedIn connection');
});

test('a broken file shows what is wrong and changes nothing', async ({ context, extensionId }) => {
  const page = await openDashboard(context, extensionId);
  await importBackup(page, 'seed.json', JSON.stringify(seedBackup()));
  await expect(page.getByTestId('data-status')).toContainText('Imported seed.json');
  const before = await readCounts(page);
  const exportedBefore = dataOf((await exportBackup(page)).text);

  for (const broken of brokenFiles()) {
    await importBackup(page, broken.name, broken.text);
    const alert = page.getByRole('alert');
    await expect(alert, broken.name).toContainText(`${broken.name} was not imported. Nothing in your journal was changed.`);
    // The detail says what is wrong, as a sentence (not a stack trace, not "undefined").
    expect((await alert.locator('p').nth(1).textContent())?.length ?? 0, broken.name).toBeGreaterThan(20);
    await expect(page.getByTestId('data-status')).toBeEmpty();
    expect(await readCounts(page), broken.name).toEqual(before);
  }
  await page.reload();
  expect(await readCounts(page)).toEqual(before);
  expect(dataOf((await exportBackup(page)).text)).toEqual(exportedBefore);
});

test('importing the same backup twice merges once: no duplicates, nothing lost', async ({ context, extensionId }) => {
  // Records made here first, in the popup, as a user would.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByLabel('Purpose', { exact: true }).fill('Find a job in climate tech');
  await popup.getByLabel('Aim', { exact: true }).fill('Five conversations with hiring managers');
  await popup.getByRole('button', { name: 'Save aim' }).click();
  await popup.getByLabel('Outcome', { exact: true }).fill('A hiring manager replied to my post');
  await popup.getByRole('button', { name: 'Log outcome' }).click();
  await expect(popup.getByText('A hiring manager replied to my post', { exact: true })).toBeVisible();
  await popup.close();

  const page = await openDashboard(context, extensionId);
  await expect(page.getByTestId('count-outcomes')).toHaveText('1');
  const local = JSON.parse((await exportBackup(page)).text) as Record<string, { id?: string }[]>;
  const before = await readCounts(page);

  const text = JSON.stringify(seedBackup());
  await importBackup(page, 'seed.json', text);
  await expect(page.getByTestId('data-status')).toContainText('Imported seed.json: added');
  const afterFirst = await readCounts(page);
  for (const store of STORES) expect(afterFirst[store], store).toBe(before[store] + SEED_COUNTS[store]);

  await importBackup(page, 'seed.json', text);
  await expect(page.getByTestId('data-status')).toHaveText(/Imported seed\.json: nothing new to add; already here: /);
  expect(await readCounts(page)).toEqual(afterFirst);

  // Everything made here is still here; the aim set here is newer than the seed's, so it stays current.
  const merged = JSON.parse((await exportBackup(page)).text) as Record<string, { id?: string }[]>;
  for (const store of ['outcomes', 'reflections', 'snapshots'] as const) {
    expect(merged[store], store).toEqual(expect.arrayContaining(local[store]!));
  }
  expect(merged.aims!.map((aim) => aim.id)).toEqual(expect.arrayContaining(local.aims!.map((aim) => aim.id)));
  await page.getByRole('link', { name: 'Outcomes' }).click();
  await expect(page.getByTestId('current-aim')).toContainText('Five conversations with hiring managers');
  await expect(page.getByTestId('outcome')).toHaveCount(1 + SEED_COUNTS.outcomes);
});

test('export, delete all, import the export, export again: identical data', async ({ context, extensionId }) => {
  const page = await openDashboard(context, extensionId);
  await importBackup(page, 'seed.json', JSON.stringify(seedBackup()));
  await expect(page.getByTestId('data-status')).toContainText('Imported seed.json');
  const first = await exportBackup(page);

  await page.getByRole('button', { name: 'Delete all data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
  await dialog.getByLabel('To confirm, type delete').fill('delete');
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByTestId('data-status')).toHaveText(
    'All data deleted. Your journal is empty and your settings are back to a fresh install’s.',
  );
  expect(await readCounts(page)).toEqual({ aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 });

  await importBackup(page, first.filename, first.text);
  await expect(page.getByTestId('data-status')).toContainText(`Imported ${first.filename}`);
  expect(await readCounts(page)).toEqual(SEED_COUNTS);
  const second = await exportBackup(page);
  expect(dataOf(second.text)).toEqual(dataOf(first.text));
});

test('delete all asks first: Escape and Cancel keep everything, typing "delete" removes it', async ({ context, extensionId }) => {
  const page = await openDashboard(context, extensionId);
  await importBackup(page, 'seed.json', JSON.stringify(seedBackup()));
  await expect(page.getByTestId('data-status')).toContainText('Imported seed.json');

  const open = page.getByRole('button', { name: 'Delete all data…' });
  const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
  await open.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/This deletes 2 aims, 3 outcomes, 2 answers to prompts, 1 count snapshot,? and 2 days of activity/);
  await expect(dialog.getByLabel('To confirm, type delete')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  expect(await readCounts(page)).toEqual(SEED_COUNTS);

  await open.click();
  await expect(dialog.getByRole('button', { name: 'Delete everything' })).toBeDisabled();
  await dialog.getByLabel('To confirm, type delete').fill('delet');
  await expect(dialog.getByRole('button', { name: 'Delete everything' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await readCounts(page)).toEqual(SEED_COUNTS);

  await open.click();
  await dialog.getByLabel('To confirm, type delete').fill('delete');
  await dialog.getByLabel('To confirm, type delete').press('Enter');
  await expect(page.getByTestId('data-status')).toHaveText(
    'All data deleted. Your journal is empty and your settings are back to a fresh install’s.',
  );
  expect(await readCounts(page)).toEqual({ aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 });
  await page.reload();
  expect(await readCounts(page)).toEqual({ aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 });
  await page.getByRole('link', { name: 'Outcomes' }).click();
  await expect(page.getByTestId('empty-state')).toContainText('Nothing logged yet.');
  await expect(page.getByTestId('current-aim')).toContainText('No aim yet');
});

test('screenshots in light and dark', async ({ context, extensionId }) => {
  const page = await openDashboard(context, extensionId);
  await page.setViewportSize({ width: 1280, height: 900 });
  await importBackup(page, 'seed.json', JSON.stringify(seedBackup()));
  await expect(page.getByTestId('data-status')).toContainText('Imported seed.json');
  mkdirSync('test-results', { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#/outcomes`);
    await expect(page.getByTestId('outcome')).toHaveCount(3);
    await page.screenshot({ path: `test-results/dashboard-outcomes-${colorScheme}.png`, fullPage: true });
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#/data`);
    await expect(page.getByTestId('count-outcomes')).toHaveText('3');
    await page.screenshot({ path: `test-results/dashboard-data-${colorScheme}.png`, fullPage: true });
  }
  // The two schemes really differ (prefers-color-scheme reaches the page).
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).not.toBe(dark);
});
