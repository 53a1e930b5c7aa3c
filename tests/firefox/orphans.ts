/**
 * Orphaned content scripts in real Firefox (issue 13), with the built Firefox MV3 package — the
 * counterpart of tests/e2e/orphans.spec.ts, which runs in Chromium.
 *
 * Firefox is driven over WebDriver BiDi by puppeteer-core: the package is installed as a temporary
 * add-on, and fixture pages are served under the sites' real URLs by request interception (nothing
 * reaches the network). What it shows:
 * - updated (the same add-on installed again, as an update does): Firefox starts the new copy in the
 *   open tab; the page has one set of prompts, the new copy's, which follow the page; nothing is posted to
 *   the page;
 * - removed: the old copy stops — its prompts no longer follow the page and new counts get none. Firefox
 *   ends a content script when its add-on shuts down (no code of it runs after, not even its own checks),
 *   so nothing of the old copy takes its hosts away; but Firefox removes the add-on's page sheet with it,
 *   which the chips need to show (utils/live/host-css.ts), so the hosts left take no room and show
 *   nothing (README "Privacy"). Disabling shuts the add-on down too; not measured here (BiDi can only
 *   uninstall).
 * Not checked here: the journal (BiDi cannot open moz-extension:// pages); in Chromium it is
 * (tests/e2e/orphans.spec.ts).
 *
 * Run as `npm run test:firefox` (builds first) or `tsx tests/firefox/orphans.ts [BUILD_DIR]`. Firefox:
 * $FIREFOX_PATH, else /usr/bin/firefox-esr, else /usr/bin/firefox (Debian: `apt-get install firefox-esr`).
 * Prints one line per check and `N passed, N failed`; exits non-zero on a failure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { check, root, runChecks, sleep, until, type Check } from './lib';

const URL_OWN = 'https://x.com/sam_reader';
const PROMPT = 'running-for-prompt';

/** A page on which every `https://x.com/` request is answered with the fixture; everything else is refused. */
async function openOwnProfile(browser: Browser): Promise<Page> {
  const html = readFileSync(path.join(root, 'tests/fixtures/x/profile-own.html'), 'utf8');
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('https://x.com/'))
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void request.abort();
  });
  await page.goto(URL_OWN);
  const count = await until(
    () => prompts(page),
    (n) => n === 4,
  );
  check(count === 4, `the content script marks the own profile's 4 counts (found ${count})`);
  // The page's own references to the first copy's hosts, and every message posted to it from now on.
  await page.evaluate((tag) => {
    const heard: string[] = [];
    Object.assign(window, { first: Array.from(document.querySelectorAll(tag)), heard });
    window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
  }, PROMPT);
  return page;
}

const prompts = (page: Page) => page.evaluate((tag) => document.querySelectorAll(tag).length, PROMPT);
const firstConnected = (page: Page) =>
  page.evaluate(() => (window as unknown as { first: Element[] }).first.filter((host) => host.isConnected).length);
const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard);
const ownFollowing = (page: Page) =>
  page.evaluate((tag) => document.querySelector<HTMLElement>(`${tag}[data-metric="following"][data-own="true"]`)?.dataset.value, PROMPT);
/** The site re-renders the user's own following count. */
const setFollowing = (page: Page, text: string) =>
  page.evaluate((value) => {
    const number = document.querySelector('a[href="/sam_reader/following"] span span');
    if (number?.firstChild) number.firstChild.textContent = value;
  }, text);

const CHECKS: Record<string, Check> = {
  'updated: Firefox starts the new copy in the open tab, which gives the one set of prompts; nothing is posted to the page': async (
    browser,
    build,
  ) => {
    const page = await openOwnProfile(browser);
    await browser.installExtension(build);
    const old = await until(
      () => firstConnected(page),
      (n) => n === 0,
    );
    check(old === 0, `the old copy's prompts are gone (${old} left)`);
    const count = await until(
      () => prompts(page),
      (n) => n === 4,
    );
    check(count === 4, `one set of prompts: 4 (found ${count})`);
    await setFollowing(page, '2,182');
    const value = await until(
      () => ownFollowing(page),
      (v) => v === '2182',
    );
    check(value === '2182', `the new copy's prompts follow the page (following: ${value})`);
    check((await prompts(page)) === 4, 'still one set of prompts after the change');
    const messages = await heard(page);
    check(messages.length === 0, `nothing posted to the page (heard ${JSON.stringify(messages)})`);
  },
  'removed: the old copy stops: its prompts no longer follow the page, new counts get none, and its chips are gone from sight': async (
    browser,
  ) => {
    const page = await openOwnProfile(browser);
    const widths = () =>
      page.evaluate((tag) => Array.from(document.querySelectorAll(tag), (host) => host.getBoundingClientRect().width), PROMPT);
    const shown = await widths();
    check(shown.length === 4 && shown.every((width) => width > 0), `the chips show before (widths ${JSON.stringify(shown)})`);
    await browser.uninstallExtension('running-for@running-for.app');
    await sleep(500);
    await setFollowing(page, '2,182');
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('a'), { href: '/jane/followers', textContent: '12K Followers' })),
    );
    await sleep(1000);
    const value = await ownFollowing(page);
    check(value === undefined || value === '2181', `the old prompt does not follow the page (following: ${value})`);
    const count = await prompts(page);
    check(count <= 4, `no prompt for the new count (${count} prompts)`);
    // Firefox removed the chips' page sheet with the add-on (utils/live/host-css.ts): the hosts the old
    // copy left take no room and show nothing.
    const left = await widths();
    check(
      left.every((width) => width === 0),
      `the old chips are gone from sight (widths ${JSON.stringify(left)})`,
    );
  },
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runChecks(CHECKS, process.argv.slice(2));
}
