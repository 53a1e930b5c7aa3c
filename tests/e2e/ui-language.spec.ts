/**
 * The whole UI in the browser's language (issue 17, README "Languages"), in real Chromium started with
 * `--lang=fr` and `--lang=ja`: the popup, every dashboard view, the first-run page, and the prompt on a site —
 * the chip's accessible name (in its closed shadow root, read from the browser's accessibility tree) and the
 * dialog in its frame — show no English. "English" is what the built English messages say where the locale's
 * say something else: every fragment of such a message between its placeholders, of two words or more, is
 * looked for in every text node, accessible name, title, placeholder and button label the page shows.
 * With `--lang=ar` the same pages lay out right to left.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { EXTENSION_DIR, expect, findChromium, fixtureHtml, test } from './extension';

type Messages = Record<string, { message: string }>;
const messages = (locale: string) => JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales', locale, 'messages.json'), 'utf8')) as Messages;

/** The English a page in `locale` must not show: fragments of English messages the locale words differently. */
function englishFragments(locale: string): string[] {
  const en = messages('en');
  const local = messages(locale);
  const fragments = new Set<string>();
  for (const [key, { message }] of Object.entries(en)) {
    // A plural form the locale does not have (`_one` in Japanese) is never shown, but its words are English all the same.
    const translated = local[key]?.message ?? local[key.replace(/_(zero|one|two|few|many|other)$/, '_other')]?.message ?? '';
    if (translated === message) continue;
    for (const part of message.split(/\$[A-Za-z0-9_]+\$/)) {
      const fragment = part.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      // Two words or more: a single word ("Done", "Kind") may be a name, a number's unit or the same in both.
      if (fragment.split(/\s+/).length >= 2 && !translated.includes(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

/** Every string a person can read or hear in a frame: text, accessible names, titles, placeholders, values. */
async function strings(frame: Frame | Page): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName)) found.push(node.textContent ?? '');
          continue;
        }
        const element = node as Element;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
          const value = element.getAttribute(name);
          if (value) found.push(value);
        }
        if (element instanceof HTMLInputElement && ['button', 'submit'].includes(element.type)) found.push(element.value);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    found.push(document.title);
    return found.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}

/** The names the browser's accessibility tree gives a tab's nodes: closed shadow roots included (the chip). */
async function accessibleNames(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown } }[] };
    return nodes.map((node) => String(node.name?.value ?? '').trim()).filter(Boolean);
  } finally {
    await cdp.detach();
  }
}

function english(shown: readonly string[], fragments: readonly string[]): string[] {
  return [...new Set(shown.flatMap((text) => fragments.filter((fragment) => text.includes(fragment)).map((f) => `"${f}" in "${text}"`)))];
}

async function launchIn(lang: string): Promise<{ context: BrowserContext; extensionId: string; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'running-for-ui-lang-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: lang,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-sandbox', `--lang=${lang}`],
  });
  await context.route(
    (url) => url.protocol !== 'chrome-extension:',
    (route) => route.abort('blockedbyclient'),
  );
  const body = fixtureHtml('x', 'profile-other.html');
  await context.route('https://x.com/jane', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The pages to read, each settled: the popup, the dashboard's views, the first-run page. */
const PAGES = [
  'popup.html',
  'dashboard.html#/week',
  'dashboard.html#/outcomes',
  'dashboard.html#/sites',
  'dashboard.html#/data',
  'welcome.html',
];

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  // Views render after their first read of the journal and settings: wait until no loading line is left.
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
  await page.waitForTimeout(300);
}

for (const lang of ['fr', 'ja'] as const) {
  test(`a browser in ${lang}: no English in the popup, the dashboard, the first-run page or the prompt`, async () => {
    test.setTimeout(120_000);
    const { context, extensionId, close } = await launchIn(lang);
    const fragments = englishFragments(lang);
    expect(fragments.length, 'English fragments to look for').toBeGreaterThan(200);
    try {
      const page = await context.newPage();
      for (const path of PAGES) {
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        await settled(page);
        expect(await page.evaluate(() => document.documentElement.lang), path).toBe(lang);
        const shown = [...(await strings(page)), ...(await accessibleNames(context, page))];
        expect(shown.length, `${path} shows something`).toBeGreaterThan(3);
        expect(english(shown, fragments), `${path} in ${lang}`).toEqual([]);
      }

      // With an aim and an outcome: the popup's card, this week's list and its undo, the week's review and the outcomes.
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await settled(page);
      await page.locator('form.aim-form input').nth(0).fill('Studio');
      await page.locator('form.aim-form input').nth(1).fill('Three clients by March');
      await page.locator('form.aim-form button[type="submit"]').click();
      await expect(page.locator('form.aim-form')).toHaveCount(0);
      const outcome = page.locator('form:not(.aim-form) input[type="text"], form:not(.aim-form) input:not([type])').first();
      await outcome.fill('Intro call');
      await outcome.press('Enter');
      await expect(page.getByText('Intro call').first()).toBeVisible();
      for (const path of ['popup.html', 'dashboard.html#/week', 'dashboard.html#/outcomes']) {
        if (path !== 'popup.html') {
          await page.goto(`chrome-extension://${extensionId}/${path}`);
          await settled(page);
        }
        const shown = [...(await strings(page)), ...(await accessibleNames(context, page))];
        expect(english(shown, fragments), `${path} with an aim and an outcome, in ${lang}`).toEqual([]);
      }

      const site = await context.newPage();
      await site.goto('https://x.com/jane');
      await expect(site.locator('running-for-prompt[data-metric="followers"]')).toHaveCount(1);
      const names = await accessibleNames(context, site);
      const chip = names.filter((name) => name.startsWith('Running For'));
      expect(chip.length, 'the chips are named').toBeGreaterThan(0);
      expect(english(chip, fragments), `the chips' names in ${lang}`).toEqual([]);
      await site.locator('running-for-prompt[data-metric="followers"]').click();
      let frame: Frame | undefined;
      await expect
        .poll(() => (frame = site.frames().find((f) => /^chrome-extension:\/\/[^/]+\/prompt\.html/.test(f.url()))) !== undefined)
        .toBe(true);
      await expect.poll(async () => (await strings(frame!)).length).toBeGreaterThan(5);
      expect(await frame!.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(english(await strings(frame!), fragments), `the dialog in ${lang}`).toEqual([]);
    } finally {
      await close();
    }
  });
}

test('a browser in ar lays the popup, the dashboard, the first-run page and the dialog out right to left', async () => {
  test.setTimeout(120_000);
  const { context, extensionId, close } = await launchIn('ar');
  try {
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await settled(page);
      const layout = await page.evaluate(() => {
        const heading = document.querySelector('h1, h2');
        // The text's own box, not the heading's (a block is as wide as the page either way).
        const range = document.createRange();
        if (heading) range.selectNodeContents(heading);
        const box = heading ? range.getBoundingClientRect() : undefined;
        return {
          dir: document.documentElement.dir,
          direction: getComputedStyle(document.body).direction,
          // A heading of a right-to-left page ends at the right: more room on its left than on its right.
          startsRight: box ? document.documentElement.clientWidth - box.right <= box.left : false,
        };
      });
      expect(layout, path).toEqual({ dir: 'rtl', direction: 'rtl', startsRight: true });
    }
    const site = await context.newPage();
    await site.goto('https://x.com/jane');
    await site.locator('running-for-prompt[data-metric="followers"]').click();
    let frame: Frame | undefined;
    await expect
      .poll(() => (frame = site.frames().find((f) => /^chrome-extension:\/\/[^/]+\/prompt\.html/.test(f.url()))) !== undefined)
      .toBe(true);
    await expect.poll(() => frame!.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
  } finally {
    await close();
  }
});
