/**
 * Hide mode in real Chromium with the built extension: chosen in the dashboard's Sites view, the
 * site's numbers are hidden from the first paint — already at DOMContentLoaded, before the content
 * script runs — while labels stay; back to Reframe, the numbers show on the next load. Also checks
 * every site's hide selectors, one stylesheet per metric, in Chromium's own selector engine against the
 * unit tests' (linkedom). Per-metric modes (one metric hidden, another reframed, one off) are in metric-modes.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { splitSelectorList } from '../../utils/settings/hide-css';
import { detect } from '../../utils/detection/detect';
import { adapters, HIDE, siteMetrics } from '../../utils/sites';
import { fixtureCases, parseWith, realCases } from '../unit/fixture-dom';
import { COPIES } from '../unit/hide-copies';
import { EXTENSION_DIR, expect, test } from './extension';
import { backgroundWorker, loadAndShoot, recordVisibilityAtDomContentLoaded, registeredIds } from './hide-paint';

async function chooseMode(page: Page, site: string, mode: 'Reframe' | 'Hide numbers' | 'Off') {
  const group = page.getByRole('group', { name: site, exact: true });
  await group.getByRole('radio', { name: mode }).check();
  await expect(group.getByRole('radio', { name: mode })).toBeChecked();
}

const X_NUMBERS = 'a[href="/jane/following"] > span:first-child, a[href="/jane/verified_followers"] > span:first-child';
const X_LABELS = 'a[href="/jane/following"] > span:last-child, a[href="/jane/verified_followers"] > span:last-child';
const GITHUB_NUMBERS = '.js-profile-editable-area a[href*="?tab=follow"] span.text-bold';

test('hide mode hides the numbers from the first paint, and Reframe brings them back', async ({ context, extensionId, serveFixture }) => {
  const worker = await backgroundWorker(context);
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  await serveFixture('https://github.com/octo-jane', 'github', 'profile-other.html');

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  await expect(dashboard.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  await expect(dashboard.getByRole('link', { name: 'Sites' })).toHaveAttribute('aria-current', 'page');
  await chooseMode(dashboard, 'X', 'Hide numbers');
  await chooseMode(dashboard, 'GitHub', 'Hide numbers');
  await expect.poll(() => registeredIds(worker)).toEqual(['hide-github', 'hide-x']);

  const page = await context.newPage();
  await recordVisibilityAtDomContentLoaded(page, X_NUMBERS, X_LABELS);
  const hidden = await loadAndShoot(page, 'https://x.com/jane', X_NUMBERS, 'x-hide-domcontentloaded');
  expect(hidden.check.prompts, 'the content script had not run yet: this is the first paint').toBe(0);
  expect(hidden.check.numbers).toEqual([
    ['75', 'hidden'],
    ['12.3K', 'hidden'],
  ]);
  expect(hidden.check.labels).toEqual([
    ['Following', 'visible'],
    ['Followers', 'visible'],
  ]);
  expect(hidden.numbersPainted).toEqual([false, false]);
  // The chip stays, so the user can still look on purpose; the posts' numbers are untouched.
  await expect(page.locator('running-for-prompt')).toHaveCount(2);
  await expect(page.locator('[data-testid="like"] span')).toBeVisible();

  const github = await context.newPage();
  await recordVisibilityAtDomContentLoaded(github, GITHUB_NUMBERS, '.js-profile-editable-area a[href*="?tab=following"]');
  const githubHidden = await loadAndShoot(github, 'https://github.com/octo-jane', GITHUB_NUMBERS, 'github-hide-domcontentloaded');
  expect(githubHidden.check.numbers.map(([, visibility]) => visibility)).toEqual(['hidden', 'hidden']);
  expect(githubHidden.numbersPainted).toEqual([false, false]);
  expect(githubHidden.check.labels.map(([, visibility]) => visibility)).toEqual(['visible']);

  // Back to Reframe: unregistered, and the next load paints the numbers.
  await chooseMode(dashboard, 'X', 'Reframe');
  await expect.poll(() => registeredIds(worker)).toEqual(['hide-github']);
  const shown = await loadAndShoot(page, 'https://x.com/jane', X_NUMBERS, 'x-reframe-domcontentloaded');
  expect(shown.check.numbers).toEqual([
    ['75', 'visible'],
    ['12.3K', 'visible'],
  ]);
  expect(shown.numbersPainted, 'the pixel comparison sees a painted number').toEqual([true, true]);
});

/** The built stylesheet that hides one metric's numbers on a site (utils/settings/hide-css.ts `hideCssPath`). */
const builtSheet = (site: string, metric: string) => readFileSync(join(EXTENSION_DIR, 'hide', `${site}-${metric}.css`), 'utf8');

test('the built hide stylesheets select in Chromium exactly what the unit tests checked', async ({ context }) => {
  const page = await context.newPage();
  for (const adapter of adapters) {
    const metrics = siteMetrics(adapter.id);
    expect(metrics.length, adapter.id).toBeGreaterThan(0);
    const selectors = metrics.flatMap((metric) => {
      const list = splitSelectorList(HIDE[adapter.id]?.[metric] ?? '');
      // The built file of each metric is the one the registry generates: one rule per selector.
      expect(builtSheet(adapter.id, metric).match(/visibility: hidden !important/g)?.length, `${adapter.id} ${metric}`).toBe(list.length);
      return list;
    });
    // Every site has fixtures (the registry's meta-test): a missing expected.json fails here, never skips.
    const fixtures = fixtureCases(adapter.id);
    expect(fixtures.length, adapter.id).toBeGreaterThan(0);
    for (const { site, file, html } of fixtures) {
      const { document } = parseHTML(html);
      const expected = selectors.map((selector) => document.querySelectorAll(selector).length);
      await page.setContent(html.replace(/<script[\s\S]*?<\/script>/gi, ''));
      const actual = await page.evaluate((list) => list.map((selector) => document.querySelectorAll(selector).length), selectors);
      expect(actual, `${adapter.id} on ${site}/${file}`).toEqual(expected);
    }
  }
});

/** Marks each detected count in the page handed to Chromium (no site selects on it). */
const MARK = 'data-running-for-test-count';

test('on every real-page fixture, each metric’s built stylesheet hides its counts’ digits in Chromium, and no other digit', async ({
  context,
}) => {
  const page = await context.newPage();
  // The supported sites' pages (sites the user adds get no hide mode: the generic detector has no selectors).
  const pages = realCases().filter((fixture) => fixture.expect.length > 0 && HIDE[fixture.site] !== undefined);
  expect(pages.length).toBeGreaterThan(10);
  for (const fixture of pages) {
    // The counts, as the unit tests read them (equal to expected.json there), marked for Chromium to find.
    const doc = parseWith('linkedom', fixture.html, fixture.url);
    const detections = detect(doc, fixture.url, fixture.lang);
    expect(
      detections.map(({ metric, value, own }) => ({ metric, value, own })),
      `${fixture.site}/${fixture.file}`,
    ).toEqual(fixture.expect.map(({ metric, value, own }) => ({ metric, value, own })));
    detections.forEach((detection, index) => detection.element.setAttribute(MARK, String(index)));
    // linkedom's document serializes itself (a string of markup, parsed again by Chromium).
    const markup = String(doc).replace(/<script[\s\S]*?<\/script>/gi, '');
    for (const metric of siteMetrics(fixture.site)) {
      await page.setContent(markup);
      await page.addStyleTag({ content: builtSheet(fixture.site, metric) });
      const seen = await page.evaluate(
        ({ count, mark, copies, ofMetric }) => {
          // This metric's counts; the others' digits must stay painted.
          const all = Array.from({ length: count }, (_, index) => document.querySelector(`[${mark}="${index}"]`) ?? undefined);
          const elements = all.filter((_, index) => ofMetric[index]);
          const others = all.filter((_, index) => !ofMetric[index]);
          const digits: Text[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode())
            if (/\p{Nd}/u.test(node.nodeValue ?? '')) digits.push(node as Text);
          const hidden = (text: Text) => getComputedStyle(text.parentElement!).visibility === 'hidden';
          const inCount = (text: Text) => elements.some((el) => el?.contains(text));
          const twinOfCount = (text: Text) =>
            elements.some(
              (el) =>
                el &&
                [...(el.parentElement?.children ?? [])].some(
                  (sibling) => sibling !== el && sibling.contains(text) && sibling.textContent?.trim() === el.textContent?.trim(),
                ),
            );
          return {
            found: all.map((el) => (el ? 1 : 0)),
            shown: digits.filter((text) => inCount(text) && !hidden(text)).map((text) => text.nodeValue),
            crossed: digits.filter((text) => others.some((el) => el?.contains(text)) && hidden(text)).map((text) => text.nodeValue),
            stray: digits
              .filter((text) => hidden(text) && !inCount(text) && !twinOfCount(text) && !(copies && text.parentElement!.closest(copies)))
              .map((text) => text.nodeValue),
          };
        },
        {
          count: detections.length,
          mark: MARK,
          copies: COPIES[fixture.site]?.[metric] ?? null,
          ofMetric: detections.map((detection) => detection.metric === metric),
        },
      );
      const where = `${fixture.site}/${fixture.file}, ${metric}`;
      expect(seen.found, `${where}: Chromium parses every count linkedom found`).toEqual(detections.map(() => 1));
      expect(seen.shown, `${where}: a count's digits still painted`).toEqual([]);
      expect(seen.crossed, `${where}: another metric's digits hidden`).toEqual([]);
      expect(seen.stray, `${where}: digits hidden that are no count`).toEqual([]);
    }
  }
});

/**
 * From now on, at every frame and every mutation: the computed visibility of each count number in the
 * page (the spans X puts the digits in, posts left out), as the browser would paint it then.
 */
async function sampleNumbers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const numbers = () =>
      Array.from(document.querySelectorAll('a[href$="/following"] > span:first-child, a[href$="/verified_followers"] > span:first-child'));
    const seen = { samples: 0, visible: [] as string[] };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const sample = () => {
      for (const number of numbers()) {
        if (number.closest('[data-testid="tweet"]')) continue;
        seen.samples++;
        if (getComputedStyle(number).visibility !== 'hidden') seen.visible.push(number.textContent ?? '');
      }
    };
    new MutationObserver(sample).observe(document, { childList: true, subtree: true, characterData: true });
    const frame = () => {
      sample();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
const sampled = (page: Page) => page.evaluate(() => (window as unknown as { seen: { samples: number; visible: string[] } }).seen);

/** X's way of navigating: the URL changes, then the header is rendered anew (even n) or rewritten in place (odd n). */
async function navigateX(page: Page, n: number): Promise<void> {
  await page.evaluate((i) => {
    history.pushState({}, '', `/user${i}`);
    let header = document.querySelector('[data-testid="primaryColumn"] > div')!;
    if (i % 2 === 0) {
      const next = header.cloneNode(true) as Element;
      next.querySelectorAll('running-for-prompt').forEach((host) => host.remove());
      header.replaceWith(next);
      header = next;
    }
    const [following, followers] = Array.from(header.querySelectorAll('a[href$="/following"], a[href$="/verified_followers"]'));
    following!.setAttribute('href', `/user${i}/following`);
    following!.querySelector('span span')!.textContent = `${100 + i}`;
    followers!.setAttribute('href', `/user${i}/verified_followers`);
    followers!.querySelector('span span')!.textContent = `${i}.${i}K`;
  }, n);
  // The chips follow the new profile (hide mode keeps them, so the user can look on purpose).
  await expect(page.locator('running-for-prompt[data-metric="followers"]')).toHaveAttribute(
    'data-value',
    String(Math.round(parseFloat(`${n}.${n}`) * 1000)),
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

test('hide mode across single-page navigations: a new profile’s numbers are never painted, not for one frame', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const worker = await backgroundWorker(context);
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#/sites`);
  await expect(dashboard.getByRole('heading', { level: 1, name: 'Sites' })).toBeVisible();
  await chooseMode(dashboard, 'X', 'Hide numbers');
  await expect.poll(() => registeredIds(worker)).toEqual(['hide-x']);

  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  await expect(page.locator('running-for-prompt')).toHaveCount(2);
  await sampleNumbers(page);
  for (let n = 1; n <= 10; n++) await navigateX(page, n);
  const hidden = await sampled(page);
  expect(hidden.samples).toBeGreaterThan(20);
  expect(hidden.visible).toEqual([]);

  // The control: in Reframe the same sampling sees the numbers of the same navigations.
  await chooseMode(dashboard, 'X', 'Reframe');
  await expect.poll(() => registeredIds(worker)).toEqual([]);
  const shown = await context.newPage();
  await shown.goto('https://x.com/jane');
  await expect(shown.locator('running-for-prompt')).toHaveCount(2);
  await sampleNumbers(shown);
  for (let n = 1; n <= 2; n++) await navigateX(shown, n);
  expect((await sampled(shown)).visible).toEqual(expect.arrayContaining(['101', '1.1K', '102', '2.2K']));
});
