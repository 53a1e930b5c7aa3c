/**
 * The weekly review in real Chromium with the built extension: import a backup whose answers were
 * worked out by hand (tests/fixtures/backups/week-known.json), open a week, and check every key figure
 * and the downloaded Markdown. Also takes light and dark screenshots into $WEEK_SHOTS_DIR when set.
 *
 * The hand-computed answers for the week of Monday 23 – Sunday 29 November 2026 (UTC, weeks start on Monday):
 * - outcomes: 4 — one at 23 Nov 00:00:00.000 and one at 29 Nov 23:59:59.999 count; the ones at
 *   22 Nov 23:59:59.999 and 30 Nov 00:00:00.000 do not.
 * - audience change: +554 ≈ — X followers 1,010 (last before the week) → 1,055 = +45; LinkedIn
 *   connections first seen this week ≈500 → 512 = +12; YouTube subscribers ≈12,300 → ≈12,800 = +500;
 *   Facebook friends 250 → 247 = −3. X following (+40) and GitHub stars (0) are not in the total;
 *   Bluesky has no value in the week and is not shown.
 * - active minutes: 101 — 1,830,500 + 2,400,000 + 1,259,999 + 610,000 ms = 6,100,499 ms = 101.67 min,
 *   rounded down (the per-site minutes, rounded down one by one, would add up to 100).
 * - prompts shown: 6 (3 + 2 + 1 + 0; the rows of 22 and 30 November are other weeks).
 * - "nothing yet": 3; with an outcome: 2; dismissed: 2.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './extension';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

const KNOWN = resolve('tests/fixtures/backups/week-known.json');
const EXPECTED = {
  'week-outcomes': 4,
  'week-audience-change': 554,
  'week-active-minutes': 101,
  'week-prompts-shown': 6,
  'week-nothing-yet': 3,
} as const;

// The extension fixture launches its own persistent context (context options do not reach it), and
// Chromium takes its zone from TZ: set it for the browsers this file launches, then put it back.
const originalTz = process.env.TZ;
test.beforeAll(() => {
  process.env.TZ = 'UTC';
});
test.afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

async function importKnown(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/data`);
  // The answers were worked out for weeks that start on Monday: the user's choice, whatever the browser's region says.
  await page.evaluate(() => chrome.storage.local.set({ 'settings.weekStartsOn': 1 }));
  await page.reload();
  await page.getByLabel('Import backup').setInputFiles(KNOWN);
  await expect(page.getByTestId('data-status')).toContainText('Imported week-known.json');
}

async function openWeek(page: Page, day: string) {
  await page.evaluate((hash) => (window.location.hash = hash), `#/week/${day}`);
  await expect(page.getByTestId('week-outcomes')).toBeVisible();
}

test('the week’s figures and its Markdown match the hand-computed answers', async ({ context, extensionId }) => {
  const page = await context.newPage();
  // Chromium in UTC, whatever the machine's zone: the answers above are for UTC days.
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
  await importKnown(page, extensionId);

  await openWeek(page, '2026-11-26'); // a Thursday: selects Monday 23 November
  await expect(page).toHaveURL(/#\/week\/2026-11-26$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(Week of|This week:) Nov 23 – 29, 2026$/);
  for (const [testId, value] of Object.entries(EXPECTED)) {
    await expect(page.getByTestId(testId), testId).toHaveAttribute('data-value', String(value));
  }
  await expect(page.getByTestId('week-audience-change')).toHaveText('≈+554');
  await expect(page.getByTestId('week-active-minutes')).toHaveText('1 h 41 min');

  // Audience per site; following and stars apart; "first seen this week" where there was no earlier value.
  const audience = page.getByTestId('week-audience');
  await expect(audience.locator('tbody tr')).toHaveCount(4);
  await expect(audience.locator('tr[data-site="linkedin"]')).toContainText('first seen this week');
  await expect(audience.locator('tr[data-site="x"]')).toContainText('1,010 → 1,055');
  await expect(audience.locator('tr[data-site="youtube"]')).toContainText('≈12,300 → ≈12,800');
  await expect(audience.locator('tr[data-site="facebook"]')).toHaveAttribute('data-change', '-3');
  const apart = page.getByTestId('week-other-metrics');
  await expect(apart.locator('tr[data-metric="following"]')).toContainText('not in the total');
  await expect(apart.locator('tr[data-metric="stars"]')).toContainText('50 → 50');
  await expect(apart.locator('tr[data-metric="stars"]')).toContainText('first seen this week');
  await expect(page.getByTestId('week-verdict')).toContainText('1 h 10 min on X produced nothing you logged');
  await expect(page.getByTestId('week-aims')).toContainText('Two clients by October');
  await expect(page.getByTestId('week-aims')).toContainText('Three new clients by March');
  await expect(page.getByTestId('week-trends')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('trend-outcomes').getByRole('img')).toHaveAttribute(
    'aria-label',
    /23 – 29 Nov 2026: 4|Nov 23 – 29, 2026: 4/,
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export week as Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('running-for-week-2026-11-23.md');
  const markdown = readFileSync(await download.path(), 'utf8');
  expect(markdown).toContain('- Audience change: ≈+554 across followers, subscribers, connections, and friends');
  expect(markdown).toContain('  - X followers: 1,010 → 1,055 (+45)');
  expect(markdown).toContain('  - LinkedIn connections: ≈500 → ≈512 (+12) (first seen this week)');
  expect(markdown).toContain('  - Facebook friends: 250 → 247 (−3)');
  expect(markdown).toContain('- X followed accounts: 300 → 340 (+40) (not in the total)');
  expect(markdown).toContain('- Time on social sites: 1 h 41 min');
  expect(markdown).toContain('- Prompts shown: 6');
  expect(markdown).toContain('- Outcomes: 4');
  expect(markdown).toContain('  - 2026-11-29 — Sold a brand template (Sale, via LinkedIn)');
  expect(markdown).not.toContain('Last thing of the week before');
  expect(markdown).not.toContain('First thing of the week after');
  expect(markdown).toContain('- Answers to prompts: 2 with an outcome, 3 “nothing yet”, 2 “not now”');
  expect(markdown).toContain('1 h 10 min on X produced nothing you logged');

  if (process.env.WEEK_SHOTS_DIR) {
    mkdirSync(process.env.WEEK_SHOTS_DIR, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${process.env.WEEK_SHOTS_DIR}/week-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${process.env.WEEK_SHOTS_DIR}/week-dark.png`, fullPage: true });
  }
});

test('previous, next and this week change the URL; the weeks around hold their own figures', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await importKnown(page, extensionId);
  await openWeek(page, '2026-11-29'); // Sunday: still the week of Monday 23 November
  await expect(page.getByTestId('week-heading')).toHaveAttribute('data-week', '2026-11-23');

  await page.getByRole('link', { name: 'Previous week' }).click();
  await expect(page).toHaveURL(/#\/week\/2026-11-16$/);
  await expect(page.getByTestId('week-heading')).toHaveAttribute('data-week', '2026-11-16');
  // 22 November: the outcome a millisecond before the week, 60 minutes on X and its 9 prompts.
  await expect(page.getByTestId('week-outcomes')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('week-active-minutes')).toHaveAttribute('data-value', '60');
  await expect(page.getByTestId('week-prompts-shown')).toHaveAttribute('data-value', '9');
  await expect(page.getByTestId('week-nothing-yet')).toHaveAttribute('data-value', '1');

  await page.getByRole('link', { name: 'Next week' }).click();
  await page.getByRole('link', { name: 'Next week' }).click();
  await expect(page).toHaveURL(/#\/week\/2026-11-30$/);
  await expect(page.getByTestId('week-outcomes')).toHaveAttribute('data-value', '1');
  // X followers 1,055 (last before) → 2,000.
  await expect(page.getByTestId('week-audience-change')).toHaveAttribute('data-value', '945');
  await expect(page.getByTestId('week-active-minutes')).toHaveAttribute('data-value', '166');

  await page.getByRole('link', { name: 'This week' }).click();
  await expect(page).toHaveURL(/#\/week$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('This week:');
});
