/**
 * The prompt's dialog in real Firefox (issue 13), with the built Firefox MV3 package — the counterpart of
 * tests/e2e/prompt.spec.ts and hostile.spec.ts, which run in Chromium. On the user's own X profile
 * (served under its real URL by request interception), a page spy listening in the capture phase on
 * `window` and `document`: a click on the chip injects the frame code (`prompt/frame`) and opens the
 * extension's prompt page (`moz-extension://…/prompt.html`) in a frame the page cannot list; the dialog
 * asks its question; an outcome typed there is saved — the background counts it in this week's outcomes —
 * and the page heard none of it.
 *
 * Run by `npm run test:firefox` after tests/firefox/orphans.ts (same helpers, same Firefox), or
 * `tsx tests/firefox/prompt.ts [BUILD_DIR]`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'puppeteer-core';
import { check, firefoxSetup, launch, root, until } from './lib';

const URL_OWN = 'https://x.com/sam_reader';
const CHIP = 'running-for-prompt[data-own="true"][data-metric="followers"]';
const TYPED = 'Quartzlemon client';
const EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'paste',
  'copy',
  'cut',
  'compositionstart',
  'compositionend',
  'select',
  'selectionchange',
  'focusin',
];

async function openOwnProfile(page: Page): Promise<void> {
  const html = readFileSync(path.join(root, 'tests/fixtures/x/profile-own.html'), 'utf8');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('https://x.com/'))
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void request.abort();
  });
  await page.goto(URL_OWN);
  await page.waitForSelector(CHIP, { timeout: 10_000 });
  await page.evaluate((types) => {
    const heard: string[] = [];
    Object.assign(window, { heard });
    for (const type of types) {
      for (const target of [window, document]) {
        target.addEventListener(
          type,
          (event) => heard.push(`${type}:${(event as KeyboardEvent).key ?? ''}:${(event.target as Element | null)?.localName ?? ''}`),
          true,
        );
      }
    }
  }, EVENTS);
}

const promptFrame = (page: Page): Frame | undefined =>
  page.frames().find((frame) => /^moz-extension:\/\/[^/]+\/prompt\.html/.test(frame.url()));

async function main(argv: string[]): Promise<number> {
  const setup = firefoxSetup(argv);
  if (!setup) return 1;
  const { build, firefox } = setup;
  const name = 'the dialog opens in its own page on the first click, takes an outcome, and the page hears nothing of it';
  const browser = await launch(firefox);
  try {
    await browser.installExtension(build);
    const page = await browser.newPage();
    await openOwnProfile(page);
    await page.click(CHIP);
    const frame = await until(
      async () => promptFrame(page),
      (found) => found !== undefined,
    );
    check(frame !== undefined, 'the prompt page loads in a frame beside the chip');
    await frame.waitForSelector('[role="dialog"]:not([hidden])', { timeout: 10_000 });
    const heading = await frame.evaluate(() => document.querySelector('#rf-heading')?.textContent ?? '');
    check(heading === '1.2M followers — what will you do with them?', `the dialog asks about the count (${heading})`);
    // The page holds no reference to the frame: it is in the chip's closed shadow root.
    const listed = await page.evaluate(() => window.frames.length);
    check(listed === 0, `the page lists no frame (${listed})`);

    await frame.click('button.primary');
    await frame.waitForSelector('#rf-title', { visible: true });
    await frame.type('#rf-title', TYPED, { delay: 5 });
    const typed = await frame.evaluate(() => (document.querySelector('#rf-title') as HTMLInputElement).value);
    check(typed === TYPED, `what was typed is in the dialog's field (${typed})`);
    await frame.click('.form button.primary');
    const saved = await until(
      () => frame.evaluate(() => document.querySelector('.done-text')?.textContent ?? ''),
      (text) => text.startsWith('Saved'),
    );
    check(saved === `Saved: “${TYPED}”. That is what the number is for.`, `the outcome is saved (${saved})`);
    // Through the background, into the journal: this week's outcome count, as the dialog reads it, is one.
    const week = await frame.evaluate(() =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({
        type: 'prompt/aim',
      }),
    );
    check(
      JSON.stringify(week) === JSON.stringify({ ok: true, aim: null, weekOutcomes: 1 }),
      `the journal holds it (${JSON.stringify(week)})`,
    );
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    // Focus moving into the prompt shows as focus on its host, the element the page already has: nothing inside.
    const inside = heard.filter((event) => event !== 'focusin::running-for-prompt');
    check(inside.length === 0, `the page heard nothing of the dialog (${JSON.stringify(inside)})`);
    const text = await page.evaluate(() => document.documentElement.textContent ?? '');
    check(!text.includes(TYPED), 'nothing typed is in the page');
    console.log(`✓ ${name}`);
    return 0;
  } catch (error) {
    console.log(`✘ ${name}\n  ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
