/**
 * The dashboard's Sites view in real Chromium with the built extension: modes saved per site, the
 * "Add a site" validation, the permission request, and removing an added site.
 *
 * Playwright cannot answer the browser's own permission prompt: here the request is made for real and the
 * view handles a prompt nobody answers, and a stand-in answers yes or no to check the view's wording. The
 * real grant — allowed in the browser's settings first, so Chromium asks nothing — and the registrations
 * that follow it are in permissions.spec.ts.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { adapters, siteMetrics } from '../../utils/sites';
import { expect, test } from './extension';

async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

async function registeredIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    const { scripting } = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } })
      .chrome;
    return (await scripting.getRegisteredContentScripts()).map((script) => script.id).sort();
  });
}

/**
 * The registrations once the background has synced every settings change made so far — a check that
 * something was *not* registered, read straight after the change, would pass before the sync ran. The
 * syncs run one at a time, each on the settings as they are then (utils/settings/registrations.ts
 * `serializedSync`), so a marker change made now (YouTube in hide mode) and seen registered proves the
 * earlier changes were synced too; the marker is then taken back, and left out of the answer.
 */
async function settledRegistrations(worker: Worker): Promise<string[]> {
  const setYouTube = (mode: string | undefined) =>
    worker.evaluate(async (value) => {
      const { storage } = (
        globalThis as unknown as {
          chrome: {
            storage: { local: { get(key: string): Promise<Record<string, Record<string, string>>>; set(items: object): Promise<void> } };
          };
        }
      ).chrome;
      const modes = { ...(await storage.local.get('settings.siteModes'))['settings.siteModes'] };
      if (value) modes.youtube = value;
      else delete modes.youtube;
      await storage.local.set({ 'settings.siteModes': modes });
    }, mode);
  await setYouTube('hide');
  await expect.poll(() => registeredIds(worker), { message: 'the marker change was synced' }).toContain('hide-youtube');
  const ids = (await registeredIds(worker)).filter((id) => id !== 'hide-youtube');
  await setYouTube(undefined);
  await expect.poll(() => registeredIds(worker)).not.toContain('hide-youtube');
  return ids;
}

async function storageValue(worker: Worker, key: string): Promise<unknown> {
  return worker.evaluate(async (name) => {
    const { storage } = (
      globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }
    ).chrome;
    return (await storage.local.get(name))[name];
  }, key);
}

async function openSites(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  return page;
}

test('each supported site has a mode, Reframe by default, saved to the settings', async ({ context, extensionId }) => {
  const worker = await backgroundWorker(context);
  const page = await openSites(context, extensionId);
  await expect(page.getByRole('group')).toHaveCount(13);
  for (const name of ['X', 'LinkedIn', 'Mastodon', 'Substack']) {
    await expect(page.getByRole('group', { name, exact: true }).getByRole('radio', { name: 'Reframe' })).toBeChecked();
  }
  await page.getByRole('group', { name: 'LinkedIn' }).getByRole('radio', { name: 'Off' }).check();
  await page.getByRole('group', { name: 'YouTube' }).getByRole('radio', { name: 'Hide numbers' }).check();
  await expect(page.getByRole('status')).toHaveText(/YouTube: Hide numbers/);
  await expect.poll(() => storageValue(worker, 'settings.siteModes')).toEqual({ linkedin: 'off', youtube: 'hide' });
  await expect.poll(() => registeredIds(worker)).toEqual(['hide-youtube']);

  // Reloaded, the view shows what was saved; back to Reframe removes the entry.
  await page.reload();
  await expect(page.getByRole('group', { name: 'LinkedIn' }).getByRole('radio', { name: 'Off' })).toBeChecked();
  await page.getByRole('group', { name: 'YouTube' }).getByRole('radio', { name: 'Reframe' }).check();
  await expect.poll(() => storageValue(worker, 'settings.siteModes')).toEqual({ linkedin: 'off' });
  await expect.poll(() => registeredIds(worker)).toEqual([]);
});

test('"Add a site" explains what it cannot add, in an alert', async ({ context, extensionId }) => {
  const page = await openSites(context, extensionId);
  const field = page.getByLabel('Site address');
  const add = page.getByRole('button', { name: 'Add site' });

  await add.click();
  await expect(page.getByRole('alert')).toContainText('Type the address of a site, for example mastodon.social.');
  await expect(field).toBeFocused();

  await field.fill('http://blog.example');
  await add.click();
  await expect(page.getByRole('alert')).toContainText('Only secure sites (addresses starting with https://) can be added.');

  await field.fill('not a site');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('“not a site”');
  await expect(page.getByRole('alert')).toContainText('Type one like mastodon.social.');

  await field.fill('https://www.linkedin.com/in/me/');
  await add.click();
  await expect(page.getByRole('alert')).toContainText('LinkedIn is already supported');
  await expect(page.getByTestId('no-added-sites')).toBeVisible();
});

test('adding a site asks the browser, in the click; nothing is added before a yes', async ({ context, extensionId }) => {
  const worker = await backgroundWorker(context);
  const page = await openSites(context, extensionId);
  await page.getByLabel('Site address').fill('https://mastodon.social/@jane');
  await page.getByRole('button', { name: 'Add site' }).click();
  // The real prompt is up (headless, nobody can answer it): the view waits, and has saved nothing.
  await expect(page.getByRole('button', { name: 'Add site' })).toBeDisabled();
  await expect(page.getByTestId('no-added-sites')).toBeVisible();
  expect(await storageValue(worker, 'settings.extraOrigins')).toBeUndefined();
  expect(await settledRegistrations(worker)).toEqual([]);
});

/** Stand in for the person answering the prompt: the page's `chrome.permissions.request` answers `granted`. */
async function answerPrompt(page: Page, granted: boolean): Promise<void> {
  await page.evaluate((answer) => {
    const api = (globalThis as unknown as { chrome: { permissions: { request: (p: { origins: string[] }) => Promise<boolean> } } }).chrome;
    const asked: string[][] = [];
    (globalThis as unknown as { asked: string[][] }).asked = asked;
    api.permissions.request = async ({ origins }) => {
      asked.push(origins);
      return answer;
    };
  }, granted);
}

test('a refused permission says so; a granted one lists the site (the background registers only real grants)', async ({
  context,
  extensionId,
}) => {
  const worker = await backgroundWorker(context);
  const page = await openSites(context, extensionId);
  await answerPrompt(page, false);
  await page.getByLabel('Site address').fill('mastodon.social');
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('alert')).toContainText('Permission refused.');
  await expect(page.getByRole('alert')).toContainText('mastodon.social');
  expect(await page.evaluate(() => (globalThis as unknown as { asked: string[][] }).asked)).toEqual([['https://mastodon.social/*']]);
  await expect(page.getByTestId('no-added-sites')).toBeVisible();

  await answerPrompt(page, true);
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('status')).toHaveText(/Added mastodon\.social/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Sites you added' }).getByRole('listitem')).toHaveText([/mastodon\.social/]);
  await expect(page.getByLabel('Site address')).toHaveValue('');
  await expect.poll(() => storageValue(worker, 'settings.extraOrigins')).toEqual(['https://mastodon.social']);
  // The browser itself never granted it, so no content script is registered there.
  expect(await settledRegistrations(worker)).toEqual([]);
});

test('an added site without its permission gets no content script, and Remove takes it off the list', async ({ context, extensionId }) => {
  const worker = await backgroundWorker(context);
  // As if added earlier and then revoked in chrome://extensions.
  await worker.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
    await storage.local.set({ 'settings.extraOrigins': ['https://mastodon.social', 'https://blog.example'] });
  });
  const page = await openSites(context, extensionId);
  const list = page.getByRole('list', { name: 'Sites you added' });
  await expect(list.getByRole('listitem')).toHaveText([/mastodon\.social/, /blog\.example/]);
  expect(await settledRegistrations(worker)).toEqual([]);

  await list.getByRole('button', { name: 'Remove mastodon.social' }).click();
  await expect(page.getByRole('status')).toHaveText(/Removed mastodon\.social/);
  await expect(list.getByRole('listitem')).toHaveText([/blog\.example/]);
  await expect.poll(() => storageValue(worker, 'settings.extraOrigins')).toEqual(['https://blog.example']);
});

test('each mode is a small round radio beside its label, at any width (a wrapped label never stretches it)', async ({
  context,
  extensionId,
}) => {
  const page = await openSites(context, extensionId);
  for (const width of [1280, 900, 360]) {
    await page.setViewportSize({ width, height: 800 });
    const radios = page.getByRole('radio');
    // Each site's three modes, and four choices per count it shows (Same as site, Reframe, Hide, Off).
    await expect(radios).toHaveCount(13 * 3 + adapters.reduce((sum, site) => sum + siteMetrics(site.id).length * 4, 0));
    const boxes = await radios.evaluateAll((inputs) => inputs.map((input) => input.getBoundingClientRect().toJSON() as DOMRect));
    for (const box of boxes) {
      expect(box.width, `at ${width} px`).toBeLessThanOrEqual(20);
      expect(Math.abs(box.width - box.height), `at ${width} px`).toBeLessThanOrEqual(1);
    }
  }
});
