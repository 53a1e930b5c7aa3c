/**
 * Orphaned content scripts (issue 13): after the extension is updated, reloaded or disabled, the copy of
 * the content script already in an open tab has no extension behind it any more. Chrome tells it
 * nothing; it must notice (utils/live/observer.ts asks `runtime.id` at every pass, pointerdown, visibility
 * change and timer tick) and take its prompts away. When a newer copy starts in the same page (Firefox
 * injects into open tabs on update; here the new build's script is injected as that would), the old copy
 * stops first: one set of prompts, never two, and the page never learns the extension's id.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, inContentScript, readStore, test } from './extension';

const URL_OWN = 'https://x.com/sam_reader';

/** What the callbacks below use of `chrome` in the browser (extension pages, the worker, chrome://extensions). */
declare const chrome: {
  runtime: { reload(): void };
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  management: { setEnabled(id: string, enabled: boolean): Promise<void>; get(id: string): Promise<{ enabled: boolean }> };
};

/** chrome://extensions, whose `chrome.management` can turn this extension off and on. */
async function extensionsPage(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  return {
    setEnabled: (id: string, enabled: boolean) => page.evaluate(([id, on]) => chrome.management.setEnabled(id, on), [id, enabled] as const),
    enabled: (id: string) => page.evaluate(async (id) => (await chrome.management.get(id)).enabled, id),
  };
}

/** The own profile fixture, with every `message` event the page's scripts receive recorded. */
async function openOwnProfile(
  context: BrowserContext,
  serveFixture: (url: string, site: string, file: string) => Promise<void>,
): Promise<Page> {
  await serveFixture(URL_OWN, 'x', 'profile-own.html');
  const page = await context.newPage();
  await page.addInitScript(() => {
    const heard: string[] = [];
    Object.assign(window, { heard });
    window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
  });
  await page.goto(URL_OWN);
  await expect(page.locator('running-for-prompt')).toHaveCount(4);
  // The page keeps its own references to the first copy's hosts.
  await page.evaluate(() => Object.assign(window, { first: Array.from(document.querySelectorAll('running-for-prompt')) }));
  return page;
}

/**
 * The first copy's live layer state, read in its own isolated world: `stopped` once it noticed it is an
 * orphan and disconnected its observer — what makes "the page's later changes add no prompt" a check
 * with a condition, not a wait (utils/live/layer.ts `LiveProgress`).
 */
async function firstCopyState(context: BrowserContext, page: Page, extensionId: string): Promise<() => Promise<unknown>> {
  const evaluate = await inContentScript(context, page, extensionId);
  return () => evaluate('globalThis.runningForLive?.state');
}

const firstStillThere = (page: Page) =>
  page.evaluate(() => (window as unknown as { first: Element[] }).first.filter((host) => host.isConnected).length);

/** The site re-renders the user's own following count. */
const setFollowing = (page: Page, text: string) =>
  page.evaluate((value) => {
    const number = document.querySelector('a[href="/sam_reader/following"] span span');
    if (number?.firstChild) number.firstChild.textContent = value;
  }, text);

/** The extension's service worker once it runs again (a new one after a reload or re-enable). */
async function workerAfter(context: BrowserContext, old: Worker): Promise<Worker> {
  await expect.poll(() => context.serviceWorkers().some((worker) => worker !== old), { timeout: 15_000 }).toBe(true);
  return context.serviceWorkers().find((worker) => worker !== old)!;
}

/** The new build's content script, started in the open tab, as Firefox does on update. */
async function injectNewCopy(worker: Worker) {
  await worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url: `${url}*` });
    await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['content-scripts/x.js'] });
  }, URL_OWN);
}

async function snapshots(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const rows = await readStore(page, 'snapshots');
  await page.close();
  return rows.map((row) => `${row.metric as string}=${row.value as number}`).sort();
}

test('reloaded (as on an update): the old prompts go at the page’s next change, and the new copy’s are the only ones', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const page = await openOwnProfile(context, serveFixture);
  const firstState = await firstCopyState(context, page, extensionId);
  await expect.poll(() => snapshots(context, extensionId)).toEqual(['followers=1200000', 'following=2181']);
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(() => setTimeout(() => chrome.runtime.reload(), 10));
  const extensions = await extensionsPage(context);
  // A command-line unpacked extension in headless Chromium (156) stays disabled after its own reload;
  // turning it on completes the reload (the old copy in the tab is orphaned either way).
  await expect
    .poll(async () => context.serviceWorkers().some((other) => other !== worker) || !(await extensions.enabled(extensionId)))
    .toBe(true);
  if (!(await extensions.enabled(extensionId))) await extensions.setEnabled(extensionId, true);
  const newWorker = await workerAfter(context, worker);

  // The site changes a count: the old copy's pass finds its extension gone and takes its prompts away.
  await setFollowing(page, '2,182');
  await expect(page.locator('running-for-prompt')).toHaveCount(0);
  expect(await firstStillThere(page)).toBe(0);
  await expect.poll(firstState, { message: 'the first copy stopped' }).toBe('stopped');
  // Stopped, its observer is disconnected: the page's next change reaches nothing.
  await setFollowing(page, '2,183');
  await expect(page.locator('running-for-prompt')).toHaveCount(0);
  // The orphan wrote nothing: neither 2,182 nor 2,183 reached the journal.
  expect(await snapshots(context, extensionId)).toEqual(['followers=1200000', 'following=2181']);

  await injectNewCopy(newWorker);
  await expect(page.locator('running-for-prompt')).toHaveCount(4);
  await expect(page.locator('running-for-prompt[data-metric="following"][data-own="true"]')).toHaveAttribute('data-value', '2183');
  // The new copy's one change, coalesced with the last row of its metric (within the hour the latest wins).
  // (No second read after a pause: a second write of the same count would coalesce into this row, so it
  // could not tell; what the orphan could have written was checked before the new copy started.)
  await expect.poll(() => snapshots(context, extensionId)).toEqual(['followers=1200000', 'following=2183']);
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((data) => data.includes(extensionId)))).toEqual(
    [],
  );
});

test('a newer copy starting before the old one noticed anything stops it first: never two sets of prompts', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const page = await openOwnProfile(context, serveFixture);
  const worker = context.serviceWorkers()[0]!;
  const extensions = await extensionsPage(context);
  await extensions.setEnabled(extensionId, false);
  await extensions.setEnabled(extensionId, true);
  const newWorker = await workerAfter(context, worker);
  // Nothing changed in the page and nobody touched it: the old copy still shows its prompts.
  expect(await firstStillThere(page)).toBe(4);

  await injectNewCopy(newWorker);
  await expect(page.locator('running-for-prompt')).toHaveCount(4);
  expect(await firstStillThere(page)).toBe(0);
  await setFollowing(page, '2,182');
  await expect(page.locator('running-for-prompt[data-metric="following"][data-own="true"]')).toHaveAttribute('data-value', '2182');
  await expect(page.locator('running-for-prompt')).toHaveCount(4);
  // WXT's start event travels on the document under a name the page cannot guess: nothing was posted to it.
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
});

test('disabled: the prompts go when the user points at the page, and the page’s changes add none', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const page = await openOwnProfile(context, serveFixture);
  const firstState = await firstCopyState(context, page, extensionId);
  const extensions = await extensionsPage(context);
  await extensions.setEnabled(extensionId, false);
  await page.bringToFront();
  await page.mouse.click(2, 2);
  await expect(page.locator('running-for-prompt')).toHaveCount(0);
  expect(await firstStillThere(page)).toBe(0);
  await expect.poll(firstState, { message: 'the copy stopped' }).toBe('stopped');
  await setFollowing(page, '2,182');
  await page.evaluate(() =>
    document.body.append(Object.assign(document.createElement('a'), { href: '/jane/followers', textContent: '12K Followers' })),
  );
  await expect(page.locator('running-for-prompt')).toHaveCount(0);
});
