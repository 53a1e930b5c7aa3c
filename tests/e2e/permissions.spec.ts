/**
 * A site's access withdrawn and given back at run time through the browser's own settings, in real
 * Chromium: the calls chrome://extensions makes when the user changes the extension's site access
 * (`chrome.developerPrivate`, which only that page has). The extension must follow through its
 * `permissions.onRemoved` / `onAdded` wiring — the background unregisters or registers the site's content
 * script (utils/settings/registrations.ts) and tells open tabs (utils/settings/push.ts) — with nothing faked.
 *
 * An added site's grant: Playwright cannot answer the browser's permission prompt, but Chromium asks
 * nothing for a site the user already allowed in chrome://extensions (`addHostPermission` records the
 * grant; a site never asked for becomes active when the extension asks, one granted before at once). So
 * the test allows the site there, as a person would, and the Sites view's own `permissions.request` — Add
 * site, or Allow — resolves with no prompt. A control shows that without that step the request is left
 * waiting on the prompt.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, extensionWorlds, liveLayerSettled, test } from './extension';

declare const chrome: {
  developerPrivate: Record<string, (...args: unknown[]) => Promise<unknown>>;
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

/** chrome://extensions: run one of its `developerPrivate` calls, as its site-access controls do. */
async function browserSettings(context: BrowserContext): Promise<(call: string, ...args: unknown[]) => Promise<void>> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  return async (call, ...args) => {
    await page.evaluate(([name, values]) => chrome.developerPrivate[name]!(...values).then(() => undefined), [call, args] as const);
  };
}

async function background(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

const registered = (worker: Worker) =>
  worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id).sort());

async function openSites(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  return page;
}

test('an added site: withdrawn in the browser, its script goes and it stays listed without access; allowed again, it comes back', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const worker = await background(context);
  const settings = await browserSettings(context);
  await serveFixture('https://mastodon.social/@jane', 'mastodon', 'profile-classic.html');
  const sites = await openSites(context, extensionId);

  // Control: with no grant recorded, the request waits on a prompt nobody answers.
  await sites.getByLabel('Site address').fill('mastodon.social');
  const waiting = sites.evaluate(() =>
    Promise.race([
      (globalThis as unknown as { chrome: { permissions: { request(p: object): Promise<boolean> } } }).chrome.permissions.request({
        origins: ['https://fosstodon.org/*'],
      }),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1500)),
    ]),
  );
  expect(await waiting).toBe('still waiting');

  // The user allows mastodon.social in the browser's settings, then adds it: the view's own request is granted.
  await settings('addHostPermission', extensionId, 'https://mastodon.social/*');
  await sites.reload();
  await sites.getByLabel('Site address').fill('mastodon.social');
  await sites.getByRole('button', { name: 'Add site' }).click();
  await expect(sites.getByRole('status')).toHaveText(/Added mastodon\.social/);
  await expect.poll(() => registered(worker)).toEqual(['site-mastodon.social']);

  const tab = await context.newPage();
  await tab.goto('https://mastodon.social/@jane');
  await liveLayerSettled(context, tab, extensionId);
  const prompts = tab.locator('running-for-prompt');
  await expect(prompts).toHaveCount(3);

  // Withdrawn in the browser's settings.
  await settings('removeHostPermission', extensionId, 'https://mastodon.social/*');
  await expect.poll(() => registered(worker), { message: 'the site’s content script is unregistered' }).toEqual([]);
  // The open tab was told, asked again, was refused, and took its prompts away.
  await expect(prompts).toHaveCount(0);
  // A page opened now gets no script at all.
  const after = await context.newPage();
  await after.goto('https://mastodon.social/@jane');
  expect(await extensionWorlds(context, after, extensionId)).toBe(0);
  await after.close();
  // Still listed, marked without access, with a way back.
  expect((await worker.evaluate(() => chrome.storage.local.get('settings.extraOrigins')))['settings.extraOrigins']).toEqual([
    'https://mastodon.social',
  ]);
  const row = sites.getByRole('list', { name: 'Sites you added' }).getByRole('listitem');
  await expect(row).toHaveText([/mastodon\.social.*No access/]);

  // Allowed again in the browser's settings: the view follows by itself, and so does the background.
  await settings('addHostPermission', extensionId, 'https://mastodon.social/*');
  await expect(row).toHaveText([/mastodon\.social/]);
  await expect(row).not.toContainText('No access');
  await expect
    .poll(() => registered(worker), { message: 'the site’s content script is registered again' })
    .toEqual(['site-mastodon.social']);
  // The open tab was told of the grant and its prompts are back without a reload; a new page has them too.
  await expect(prompts).toHaveCount(3);
  const again = await context.newPage();
  await again.goto('https://mastodon.social/@jane');
  await liveLayerSettled(context, again, extensionId);
  await expect(again.locator('running-for-prompt')).toHaveCount(3);
});

test('a listed site without access: Allow asks the browser, and the site is registered once it answers yes', async ({
  context,
  extensionId,
}) => {
  const worker = await background(context);
  const settings = await browserSettings(context);
  // Listed (added earlier, say, then withdrawn); the browser's settings allow it again but nothing asked yet.
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({
      'settings.extraOrigins': ['https://fosstodon.org'],
    }),
  );
  await settings('addHostPermission', extensionId, 'https://fosstodon.org/*');
  const sites = await openSites(context, extensionId);
  const row = sites.getByRole('list', { name: 'Sites you added' }).getByRole('listitem');
  await expect(row).toHaveText([/fosstodon\.org.*No access/]);
  expect(await registered(worker)).toEqual([]);

  await row.getByRole('button', { name: 'Allow fosstodon.org' }).click();
  await expect(sites.getByRole('status')).toHaveText(/Allowed fosstodon\.org again/);
  await expect(row).not.toContainText('No access');
  await expect.poll(() => registered(worker)).toEqual(['site-fosstodon.org']);
});

test('a supported site: access set to "on click" in the browser stops its open tab and new pages; all sites again brings it back', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const settings = await browserSettings(context);
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const tab = await context.newPage();
  await tab.goto('https://x.com/jane');
  await liveLayerSettled(context, tab, extensionId);
  const prompts = tab.locator('running-for-prompt');
  await expect(prompts).toHaveCount(2);

  await settings('updateExtensionConfiguration', { extensionId, hostAccess: 'ON_CLICK' });
  await expect(prompts).toHaveCount(0);
  const withheld = await context.newPage();
  await withheld.goto('https://x.com/jane');
  expect(await extensionWorlds(context, withheld, extensionId)).toBe(0);

  await settings('updateExtensionConfiguration', { extensionId, hostAccess: 'ON_ALL_SITES' });
  await expect(prompts).toHaveCount(2);
  await withheld.reload();
  await liveLayerSettled(context, withheld, extensionId);
  await expect(withheld.locator('running-for-prompt')).toHaveCount(2);
});
