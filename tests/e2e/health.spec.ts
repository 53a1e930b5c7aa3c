/**
 * Site health in real Chromium with the built extension: a real X profile (a fixture reduced from a saved
 * page) whose header renders without its counts, three visits in a row, makes X "missing" in the
 * dashboard, with a diagnostic that holds the page's structure and none of its text; the next visit with
 * counts makes it "ok" again.
 */
import type { Page } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { expect, fixtureHtml, readStore, test } from './extension';

const URL_ = 'https://x.com/user4';
const WITH_COUNTS = fixtureHtml('x', 'profile-other-signedin-2025.html');

/** The same page as X might serve it after a redesign the adapter misses: the header, without its two count links. */
function withoutCounts(): string {
  const { document } = parseHTML(WITH_COUNTS);
  const links = document.querySelectorAll('a[href$="/following"], a[href$="/verified_followers"]');
  expect(links.length).toBe(2);
  for (const link of Array.from(links)) link.remove();
  return document.toString();
}

interface Standing {
  siteId: string;
  emptyStreak: number;
  lastFoundVia: string | null;
  diagnostic: string | null;
}

async function standing(extensionPage: Page): Promise<Standing | undefined> {
  return (await readStore(extensionPage, 'siteHealth')).find((row) => row.siteId === 'x') as Standing | undefined;
}

test('three visits without counts make a site "missing"; the next with counts makes it "ok" again', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  let body = withoutCounts();
  await context.route(URL_, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  const row = dashboard.locator('[data-testid="site-health"][data-site="x"]');
  await expect(row).toHaveAttribute('data-state', 'unknown');
  // One element per supported site.
  await expect(dashboard.locator('[data-testid="site-health"]')).toHaveCount(13);

  const site = await context.newPage();
  for (let visit = 1; visit <= 3; visit++) {
    await site.goto(URL_);
    // Each visit is recorded once the page has settled (utils/health/recorder.ts): an empty one extends the run.
    await expect.poll(async () => (await standing(dashboard))?.emptyStreak, { timeout: 20_000 }).toBe(visit);
  }
  await dashboard.reload();
  await expect(row).toHaveAttribute('data-state', 'missing');
  await expect(row).toContainText('no counts on your last 3 visits');
  await expect(row.getByRole('button', { name: 'Copy diagnostic for X' })).toBeVisible();

  // The diagnostic: the header's structure, hooks and label words; no word or digit of the page.
  const diagnostic = (await standing(dashboard))?.diagnostic ?? '';
  expect(diagnostic).toMatch(/^running-for diagnostic · x · profile\n/);
  expect(diagnostic).toContain('header_photo');
  expect(diagnostic.replace(/\bh[1-6]\b/g, ''), 'no digit but in heading tags').not.toMatch(/[0-9]/);
  for (const word of ['Lorem', 'ipsum', 'user4']) expect(diagnostic).not.toContain(word);

  body = WITH_COUNTS;
  await site.goto(URL_);
  await expect(site.locator('running-for-prompt')).toHaveCount(2);
  await expect.poll(async () => (await standing(dashboard))?.emptyStreak, { timeout: 20_000 }).toBe(0);
  await dashboard.reload();
  await expect(row).toHaveAttribute('data-state', 'ok');
  await expect(row).toContainText('Working: Running For found the counts on 1 of 4 pages that show them this week.');
  const [today] = await readStore(dashboard, 'health');
  expect(today).toMatchObject({ siteId: 'x', expected: 4, found: 1, hook: 1, label: 0, generic: 0 });
});

test('a profile whose hooks a redesign removed: the generic layer is loaded into the page, finds both counts, and health says so', async ({
  context,
  extensionId,
}) => {
  // A real TikTok profile as a production build might serve it: every test hook stripped (the drill's
  // "test ids removed", tests/unit/redesign.ts). Only the generic layer finds its counts, and TikTok's
  // content script does not carry it: the background injects it (`sites/generic`).
  const { document } = parseHTML(fixtureHtml('tiktok', 'profile-other-loggedout-2026.html'));
  for (const el of Array.from(document.querySelectorAll('[data-e2e], [data-testid]'))) {
    el.removeAttribute('data-e2e');
    el.removeAttribute('data-testid');
  }
  await context.route('https://www.tiktok.com/@user1', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: document.toString() }),
  );
  const site = await context.newPage();
  await site.goto('https://www.tiktok.com/@user1');
  const prompts = site.locator('running-for-prompt');
  await expect(prompts).toHaveCount(2);
  expect(
    await prompts.evaluateAll((hosts) => hosts.map((host) => `${host.getAttribute('data-metric')}=${host.getAttribute('data-value')}`)),
  ).toEqual(['following=1255', 'followers=3666']);
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  await expect
    .poll(async () => (await readStore(dashboard, 'health')).find((row) => row.siteId === 'tiktok'), { timeout: 20_000 })
    .toMatchObject({ found: 1, hook: 0, generic: 1 });
});
