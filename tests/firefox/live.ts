/**
 * Hide mode and single-page navigation in real Firefox, with the built Firefox package — the counterparts
 * of tests/e2e/hide.spec.ts and live.spec.ts in Chromium.
 *
 * WebDriver cannot open the extension's pages in Firefox, so the mode is set where an extension page can be
 * reached: the prompt's own page, framed in the site's page once a chip is clicked, is one, and may write
 * `storage.local` as the dashboard's Sites view does. The background then registers the site's hide
 * stylesheet, and the next load of the site has its numbers hidden from the start.
 *
 * Run by `npm run test:firefox`, or `tsx tests/firefox/live.ts [BUILD_DIR]`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { check, root, runChecks, until, type Check } from './lib';
const fixture = (file: string) => readFileSync(path.join(root, 'tests/fixtures/x', file), 'utf8');
const JANE = 'https://x.com/jane';
const X_NUMBERS = 'a[href="/jane/following"] > span:first-child, a[href="/jane/verified_followers"] > span:first-child';
const X_LABELS = 'a[href="/jane/following"] > span:last-child, a[href="/jane/verified_followers"] > span:last-child';

/** A new tab on an x.com address, every x.com page answered with `html` and nothing else reaching the network. */
async function openX(browser: Browser, url: string, html: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.url().startsWith('https://x.com/'))
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void request.abort();
  });
  await page.goto(url);
  return page;
}

const prompts = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('running-for-prompt'), (host) => {
      const { metric, value, own } = (host as HTMLElement).dataset;
      return `${metric}=${value}${own === 'true' ? ' own' : ''}`;
    }),
  );

/** Click a chip and return the prompt page's frame (an extension page). */
async function promptPageIn(page: Page): Promise<Frame> {
  await page.click('running-for-prompt');
  const frame = await until(
    async () => page.frames().find((candidate) => /^moz-extension:\/\/[^/]+\/prompt\.html/.test(candidate.url())),
    (found) => found !== undefined,
  );
  check(frame !== undefined, 'the prompt page loads in a frame');
  return frame;
}

/** Set X's mode from an extension page, as the Sites view does (settings.siteModes). */
const setXMode = (frame: Frame, mode: 'hide' | 'reframe') =>
  frame.evaluate(async (value) => {
    const { storage } = (globalThis as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }).browser;
    await storage.local.set({ 'settings.siteModes': { x: value } });
  }, mode);

/** Each count's number and label on Jane's profile, and whether it is visible. */
const visibility = (page: Page) =>
  page.evaluate(
    (numbers, labels) => ({
      numbers: Array.from(document.querySelectorAll(numbers), (element) => getComputedStyle(element).visibility),
      labels: Array.from(document.querySelectorAll(labels), (element) => getComputedStyle(element).visibility),
    }),
    X_NUMBERS,
    X_LABELS,
  );

/** Jane's profile loaded in a new tab: its numbers' and labels' visibility once loaded. */
async function visibilityOnLoad(browser: Browser): Promise<{ numbers: string[]; labels: string[] }> {
  const page = await openX(browser, JANE, fixture('profile-other.html'));
  try {
    return await visibility(page);
  } finally {
    await page.close();
  }
}

const CHECKS: Record<string, Check> = {
  'hide mode, set from an extension page: the next load has the numbers hidden, the labels not; Reframe brings them back': async (
    browser,
  ) => {
    const first = await openX(browser, JANE, fixture('profile-other.html'));
    const shown = await until(
      () => prompts(first),
      (list) => list.length === 2,
    );
    check(shown.length === 2, `Jane's two counts are prompted (${JSON.stringify(shown)})`);
    check(
      JSON.stringify(await visibility(first)) === JSON.stringify({ numbers: ['visible', 'visible'], labels: ['visible', 'visible'] }),
      'the numbers show in Reframe',
    );
    const frame = await promptPageIn(first);
    await setXMode(frame, 'hide');

    // The background registers the stylesheet on the change; a load after it has the numbers hidden.
    const hidden = await until(
      () => visibilityOnLoad(browser),
      (seen) => seen.numbers.every((value) => value === 'hidden'),
    );
    check(
      JSON.stringify(hidden) === JSON.stringify({ numbers: ['hidden', 'hidden'], labels: ['visible', 'visible'] }),
      `hidden: the numbers only (${JSON.stringify(hidden)})`,
    );

    // The change re-made the open tab's prompts (now in hide mode), and the frame with them: open one again.
    await setXMode(await promptPageIn(first), 'reframe');
    const back = await until(
      () => visibilityOnLoad(browser),
      (seen) => seen.numbers.every((value) => value === 'visible'),
    );
    check(
      back.numbers.length === 2 && back.numbers.every((value) => value === 'visible'),
      `Reframe shows them again (${JSON.stringify(back)})`,
    );
  },
  'single-page navigation: another profile rendered in place gets its own prompts, the old ones go': async (browser) => {
    const page = await openX(browser, JANE, fixture('profile-other.html'));
    const before = await until(
      () => prompts(page),
      (list) => list.length === 2,
    );
    check(JSON.stringify(before) === JSON.stringify(['following=75', 'followers=12300']), `Jane's counts (${JSON.stringify(before)})`);
    // The site's router: a new address, and the own profile's page rendered into the same document.
    await page.evaluate((html) => {
      history.pushState({}, '', '/sam_reader');
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceChildren(...Array.from(next.body.childNodes, (node) => document.importNode(node, true)));
    }, fixture('profile-own.html'));
    const after = await until(
      () => prompts(page),
      (list) => list.length === 4 && list.includes('following=2181 own'),
    );
    check(
      JSON.stringify([...after].sort()) ===
        JSON.stringify(['followers=1200000 own', 'followers=4024', 'following=2181 own', 'following=310']),
      `the own profile's counts and the hovercard's, and none of Jane's (${JSON.stringify(after)})`,
    );
  },
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runChecks(CHECKS, process.argv.slice(2));
}
