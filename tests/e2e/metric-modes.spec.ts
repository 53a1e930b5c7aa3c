/**
 * A mode per site and metric, in real Chromium with the built extension (fixtures under the sites' real
 * URLs): chosen in the Sites view, one metric is hidden from the first paint — its stylesheet alone is
 * registered at document_start — while another metric of the same page keeps its number and its normal
 * chip; a metric turned off gets no chip; and a change in the Sites view reaches a tab already open.
 */
import type { Page } from '@playwright/test';
import { expect, liveLayerSettled, test } from './extension';
import { backgroundWorker, loadAndShoot, recordVisibilityAtDomContentLoaded, registeredSheets } from './hide-paint';
import { PromptProbe } from './prompt-probe';

const X_FOLLOWING = 'a[href="/jane/following"] > span:first-child';
const X_FOLLOWERS = 'a[href="/jane/verified_followers"] > span:first-child';
const X_LABELS = 'a[href="/jane/following"] > span:last-child, a[href="/jane/verified_followers"] > span:last-child';

/** The chip's words (in its closed shadow root): "What for?" in reframe, "Hidden" where the number is hidden. */
const CHIP = { reframe: 'What for?', hide: 'Hidden' } as const;

async function openSites(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
}

/** One count's choice in the Sites view: its radio group is named "followers on X". */
async function chooseMetricMode(page: Page, group: string, choice: string): Promise<void> {
  const radio = page.getByRole('radiogroup', { name: group, exact: true }).getByRole('radio', { name: choice, exact: true });
  await radio.check();
  await expect(radio).toBeChecked();
}

const chipText = async (page: Page, metric: string) => (await PromptProbe.on(page, metric)).chipText('.chip');

test('hide followers, reframe following: the followers number never paints, following’s does, each with its chip', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const worker = await backgroundWorker(context);
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  await openSites(dashboard);
  // The site stays in Reframe; only its followers are hidden.
  await expect(dashboard.getByRole('group', { name: 'X', exact: true }).getByRole('radio', { name: 'Reframe' })).toBeChecked();
  await chooseMetricMode(dashboard, 'followers on X', 'Hide');
  await expect(dashboard.getByTestId('sites-status')).toHaveText('X, followers: Hide.');
  await expect.poll(() => registeredSheets(worker)).toEqual({ 'hide-x': ['hide/x-followers.css'] });

  const page = await context.newPage();
  await recordVisibilityAtDomContentLoaded(page, `${X_FOLLOWING}, ${X_FOLLOWERS}`, X_LABELS);
  const first = await loadAndShoot(page, 'https://x.com/jane', `${X_FOLLOWING}, ${X_FOLLOWERS}`, 'x-followers-hidden-domcontentloaded');
  expect(first.check.prompts, 'the content script had not run yet: this is the first paint').toBe(0);
  expect(first.check.numbers).toEqual([
    ['75', 'visible'],
    ['12.3K', 'hidden'],
  ]);
  expect(first.check.labels.map(([, visibility]) => visibility)).toEqual(['visible', 'visible']);
  // Following's number is painted, followers' not one pixel of it.
  expect(first.numbersPainted).toEqual([true, false]);

  // Then the content script: a chip beside each count — the hidden form beside followers, the question beside following.
  await expect(page.locator('running-for-prompt')).toHaveCount(2);
  expect(await chipText(page, 'followers')).toBe(CHIP.hide);
  expect(await chipText(page, 'following')).toBe(CHIP.reframe);
  await expect(page.locator(X_FOLLOWERS)).toHaveCSS('visibility', 'hidden');
  await expect(page.locator(X_FOLLOWING)).toHaveCSS('visibility', 'visible');
});

test('a metric turned off gets no chip; the site’s other metric keeps its own, and every number shows', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const worker = await backgroundWorker(context);
  await serveFixture('https://github.com/octo-jane', 'github', 'profile-other.html');
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  await openSites(dashboard);
  await chooseMetricMode(dashboard, 'followed accounts on GitHub', 'Off');
  await expect(dashboard.getByTestId('sites-status')).toHaveText('GitHub, followed accounts: Off.');

  const page = await context.newPage();
  await page.goto('https://github.com/octo-jane');
  const progress = await liveLayerSettled(context, page, extensionId);
  expect(progress.state).toBe('reframe');
  await expect(page.locator('running-for-prompt[data-metric="followers"]')).toHaveCount(1);
  await expect(page.locator('running-for-prompt[data-metric="following"]')).toHaveCount(0);
  expect(await chipText(page, 'followers')).toBe(CHIP.reframe);
  // Off hides nothing: no stylesheet registered, both numbers painted.
  expect(await registeredSheets(worker)).toEqual({});
  for (const number of await page.locator('.js-profile-editable-area a[href*="?tab=follow"] span.text-bold').all()) {
    await expect(number).toHaveCSS('visibility', 'visible');
  }
});

test('a change in the Sites view reaches a tab already open: a metric off loses its chip, hidden it gets the hidden chip', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const worker = await backgroundWorker(context);
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  await expect(page.locator('running-for-prompt')).toHaveCount(2);
  expect(await chipText(page, 'following')).toBe(CHIP.reframe);
  // A mark in the page: still there at the end, the page was never reloaded.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  await openSites(dashboard);

  // Off: the open tab drops following's chip, without a reload; followers keeps its.
  await chooseMetricMode(dashboard, 'followed accounts on X', 'Off');
  await expect(page.locator('running-for-prompt[data-metric="following"]')).toHaveCount(0);
  await expect(page.locator('running-for-prompt[data-metric="followers"]')).toHaveCount(1);

  // Hide: the chip comes back in its hidden form, and the stylesheet is registered for the next page.
  await chooseMetricMode(dashboard, 'followed accounts on X', 'Hide');
  await expect(page.locator('running-for-prompt[data-metric="following"]')).toHaveCount(1);
  await expect.poll(() => chipText(page, 'following')).toBe(CHIP.hide);
  expect(await chipText(page, 'followers')).toBe(CHIP.reframe);
  await expect.poll(() => registeredSheets(worker)).toEqual({ 'hide-x': ['hide/x-following.css'] });

  // Same as site again (Reframe): the question is back.
  await chooseMetricMode(dashboard, 'followed accounts on X', 'Same as site (Reframe)');
  await expect.poll(() => chipText(page, 'following')).toBe(CHIP.reframe);
  await expect.poll(() => registeredSheets(worker)).toEqual({});
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
