/**
 * Settings behind the background, in real Chromium with the built extension: a content script learns its
 * own site's mode and snooze from the background (`settings/site`, with its chips' words) and nothing else,
 * an open page follows a change made on the Sites view because the background tells exactly the tabs concerned
 * (utils/settings/push.ts), and the content script's world cannot touch `storage.local` at all
 * (utils/settings/storage-access.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_DIR, expect, inContentScript, liveLayerSettled, test } from './extension';

const send = (message: unknown) => `chrome.runtime.sendMessage(${JSON.stringify(message)})`;

async function openSite(
  context: BrowserContext,
  serveFixture: (url: string, site: string, file: string) => Promise<void>,
  url: string,
  site: string,
  file: string,
): Promise<Page> {
  await serveFixture(url, site, file);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('running-for-prompt').first()).toBeAttached();
  return page;
}

/** Record, in the content script's world, every `settings/changed` the background sends this tab. */
async function countPushes(evaluate: (expression: string) => Promise<unknown>): Promise<() => Promise<number>> {
  await evaluate(
    `globalThis.__rfPushes = 0, chrome.runtime.onMessage.addListener((m) => { if (m && m.type ` +
      `=== 'settings/changed') globalThis.__rfPushes += 1; }), true`,
  );
  return async () => (await evaluate('globalThis.__rfPushes')) as number;
}

test('a content script is told its own site’s modes and snooze, and nothing of any other site', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const x = await openSite(context, serveFixture, 'https://x.com/jane', 'x', 'profile-other.html');
  const evaluate = await inContentScript(context, x, extensionId);
  expect(await evaluate(send({ type: 'settings/site', siteId: 'x' }))).toEqual({
    ok: true,
    mode: 'reframe',
    metrics: {},
    snoozedUntil: null,
    // And the words its chips say, in the browser's language, a substitution's place marked (utils/i18n/content-words.ts).
    words: expect.objectContaining({ chipLabel: 'What for?', chipName: 'Running For: \uE000' }),
  });
  // Its metrics' own modes too, and only its own site's.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
    await storage.local.set({ 'settings.metricModes': { x: { followers: 'hide' }, linkedin: { connections: 'off' } } });
  });
  expect(await evaluate(send({ type: 'settings/site', siteId: 'x' }))).toEqual({
    ok: true,
    mode: 'reframe',
    metrics: { followers: 'hide' },
    snoozedUntil: null,
    words: expect.any(Object),
  });
  expect(await evaluate(send({ type: 'settings/site', siteId: 'linkedin' }))).toEqual({
    ok: false,
    error: 'Refused: a page on x cannot report for site "linkedin".',
  });
  for (const forbidden of [{ type: 'settings/all' }, { type: 'settings/set', siteModes: { x: 'off' } }]) {
    expect(await evaluate(send(forbidden))).toMatchObject({
      ok: false,
      error: expect.stringContaining('is not a message Running For accepts'),
    });
  }
});

test('an open page follows its mode as the Sites view changes it; other sites’ tabs are not told', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const x = await openSite(context, serveFixture, 'https://x.com/jane', 'x', 'profile-other.html');
  const linkedin = await openSite(
    context,
    serveFixture,
    'https://se.linkedin.com/in/user1',
    'linkedin',
    'profile-other-loggedout-2024.html',
  );
  const xPushes = await countPushes(await inContentScript(context, x, extensionId));
  const linkedinPushes = await countPushes(await inContentScript(context, linkedin, extensionId));
  const prompts = x.locator('running-for-prompt');
  await expect(prompts).toHaveCount(2);

  const sites = await context.newPage();
  await sites.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  const xModes = sites.getByRole('group', { name: 'X', exact: true });
  await xModes.getByRole('radio', { name: 'Off' }).check();
  await expect(prompts).toHaveCount(0);
  await xModes.getByRole('radio', { name: 'Hide numbers' }).check();
  await expect(prompts).toHaveCount(2);
  await xModes.getByRole('radio', { name: 'Reframe' }).check();
  await expect.poll(xPushes).toBe(3);

  // LinkedIn's tab was never told: only the tabs of the site whose setting changed are.
  expect(await linkedinPushes()).toBe(0);
  await expect(linkedin.locator('running-for-prompt').first()).toBeAttached();
});

test('no script that runs in a page carries the storage API', () => {
  // The content scripts, and what the background injects into their world (the prompt's frame code, the
  // diagnostic, language packs): none of them reads or writes extension storage. (The prompt's dialog is an extension page,
  // prompt.html, which may.)
  const dirs = ['content-scripts', '.', 'lang'];
  const files = dirs.flatMap((dir) =>
    readdirSync(join(EXTENSION_DIR, dir))
      .filter((name) => name.endsWith('.js') && name !== 'background.js')
      .map((name) => join(dir, name)),
  );
  expect(files).toEqual(
    expect.arrayContaining(['content-scripts/x.js', 'content-scripts/any-site.js', 'prompt-frame.js', 'diagnostic.js', 'lang/de.js']),
  );
  for (const file of files) expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), file).not.toMatch(/\bstorage\b/);
});

test('a content script’s world can neither read nor write storage.local (Chrome: trusted contexts only)', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Something to find: an added site and a mode, as the dashboard would have saved them.
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({
      'settings.extraOrigins': ['https://mastodon.social'],
      'settings.siteModes': { linkedin: 'off' },
    }),
  );
  const x = await openSite(context, serveFixture, 'https://x.com/jane', 'x', 'profile-other.html');
  const evaluate = await inContentScript(context, x, extensionId);
  const attempt = (call: string) =>
    `(async () => { try { return { value: await ${call} }; } catch (error) { return { error: error.message }; } })()`;
  const refused = { error: 'Access to storage is not allowed from this context.' };

  // The background restricts it when it starts; the content script is running by now, and still cannot.
  await expect.poll(() => evaluate(attempt('chrome.storage.local.get(null)'))).toEqual(refused);
  expect(await evaluate(attempt("chrome.storage.local.get('settings.extraOrigins')"))).toEqual(refused);
  expect(await evaluate(attempt("chrome.storage.local.set({ 'settings.siteModes': { x: 'off', linkedin: 'off' } })"))).toEqual(refused);
  expect(await evaluate(attempt("chrome.storage.local.remove('settings.extraOrigins')"))).toEqual(refused);
  expect(await evaluate(attempt('chrome.storage.local.clear()'))).toEqual(refused);

  // Nothing changed, and the page still works: its settings come from the background.
  const stored = await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { get(key: null): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.local.get(null),
  );
  expect(stored).toMatchObject({ 'settings.extraOrigins': ['https://mastodon.social'], 'settings.siteModes': { linkedin: 'off' } });
  expect(await evaluate(send({ type: 'settings/site', siteId: 'x' }))).toEqual({
    ok: true,
    mode: 'reframe',
    metrics: {},
    snoozedUntil: null,
    words: expect.any(Object),
  });
  await expect(x.locator('running-for-prompt')).toHaveCount(2);
});

test('"Add a site" takes a host as long as DNS allows (253 characters), and refuses a longer one', async ({ context, extensionId }) => {
  const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  // Stand in for the person answering the browser's permission prompt (Playwright cannot): yes.
  await page.evaluate(() => {
    (globalThis as unknown as { chrome: { permissions: { request: () => Promise<boolean> } } }).chrome.permissions.request = async () =>
      true;
  });
  const field = page.getByLabel('Site address');
  await field.fill(`x${host}`);
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('alert')).toContainText('253 characters at most');
  await field.fill(`https://${host}/@jane`);
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('list', { name: 'Sites you added' }).getByRole('listitem')).toHaveText([new RegExp(host.slice(0, 40))]);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const { storage } = (
          globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }
        ).chrome;
        return (await storage.local.get('settings.extraOrigins'))['settings.extraOrigins'];
      }),
    )
    .toEqual([`https://${host}`]);
});

test('"Delete all data" also deletes every setting: added sites, modes, snoozes, week start, reminder', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({
      'settings.siteModes': { youtube: 'hide' },
      'settings.snoozes': { x: new Date(Date.now() + 60 * 60 * 1000).toISOString() },
      'settings.extraOrigins': ['https://mastodon.social'],
      'settings.weekStartsOn': 0,
      'settings.weeklyReminder': { enabled: false, day: 5, time: '08:30' },
    }),
  );
  const registered = () =>
    worker.evaluate(async () =>
      (
        await (
          globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }
        ).chrome.scripting.getRegisteredContentScripts()
      ).map((script) => script.id),
    );
  await expect.poll(registered).toEqual(['hide-youtube']);
  // X is snoozed: its page has no prompts.
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const x = await context.newPage();
  await x.goto('https://x.com/jane');
  expect(await liveLayerSettled(context, x, extensionId)).toEqual({ state: 'snoozed', passes: 0 });
  await expect(x.locator('running-for-prompt')).toHaveCount(0);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/data`);
  await expect(page.getByText(/each site’s mode, snoozes, the first day of your week and the weekly reminder/).first()).toBeVisible();
  // The journal is empty, but there are settings to delete.
  const open = page.getByRole('button', { name: 'Delete all data…' });
  await expect(open).toBeEnabled();
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
  await expect(dialog).toContainText('This deletes every setting: the sites you added (and the access you gave Running For to them)');
  await dialog.getByLabel('To confirm, type delete').fill('delete');
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByTestId('data-status')).toHaveText(
    'All data deleted. Your journal is empty and your settings are back to a fresh install’s; ' +
      'mastodon.social is no longer added, and Running For has no access to it.',
  );

  const stored = await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { get(key: null): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.local.get(null),
  );
  expect(stored).toEqual({});
  await expect.poll(registered).toEqual([]);
  // The snooze went with the rest: the open X page is told, and prompts again.
  await expect(x.locator('running-for-prompt')).toHaveCount(2);
  await expect(page.getByText('Nothing stored.')).toBeVisible();
  await expect(open).toBeDisabled();
});
