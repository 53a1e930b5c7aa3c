/**
 * A pseudo-locale (issue 17): every English message made longer and accented — the way German or Russian
 * runs longer than English, and with the accents and marks other scripts bring — in a copy of the built
 * extension, to show that the popup, the dialog and the dashboard's views make room for text they were not
 * drawn around: no text is clipped, nothing runs out of its box or off the page.
 *
 * "Clipped": an element whose own content is wider or taller than its box while it hides the overflow
 * (overflow hidden or clip, or an ellipsis); "out of its box": text wider than the page.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { EXTENSION_DIR, expect, findChromium, fixtureHtml, test } from './extension';

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** "Save" → "[Šåṽé ·]": accented, 40 % longer (at least two more characters), placeholders kept. */
function pseudo(message: string): string {
  const parts = message.split(/(\$[A-Za-z0-9_]+\$|\$\d)/);
  const text = parts.map((part, i) => (i % 2 === 1 ? part : [...part].map((c) => ACCENTED[c] ?? c).join(''))).join('');
  const visible = parts.filter((_, i) => i % 2 === 0).join('').length;
  return `[${text} ${'·'.repeat(Math.max(2, Math.ceil(visible * 0.4)))}]`;
}

function pseudoExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'running-for-pseudo-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = join(dir, '_locales', 'en', 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  for (const [key, entry] of Object.entries(messages)) {
    // The locale's own code and direction, and the name the manifest needs as it is, stay.
    if (!['locale', 'dir', 'extName'].includes(key)) entry.message = pseudo(entry.message);
  }
  writeFileSync(file, JSON.stringify(messages));
  // English is the only locale left, so the browser reads the pseudo-locale whatever its language.
  for (const locale of readdirSync(join(dir, '_locales'))) if (locale !== 'en') rmSync(join(dir, '_locales', locale), { recursive: true });
  return dir;
}

interface Problem {
  what: string;
  text: string;
}

/** Elements whose text is cut off, or runs off the page. */
async function overflows(frame: Frame | Page): Promise<Problem[]> {
  return frame.evaluate(() => {
    const problems: { what: string; text: string }[] = [];
    const pageWidth = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > pageWidth + 1) problems.push({ what: 'the page scrolls sideways', text: '' });
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (element.closest('[hidden], svg, [aria-hidden="true"]')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      const hides = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
      // A visually hidden label (1 px, clipped) is for screen readers: it is meant to be clipped.
      const srOnly = element.clientWidth <= 1 || element.clientHeight <= 1;
      if (ownText && hides && !srOnly) {
        if (element.scrollWidth > element.clientWidth + 1) problems.push({ what: 'clipped sideways', text });
        else if (element.scrollHeight > element.clientHeight + 1) problems.push({ what: 'clipped at the bottom', text });
      }
      if (ownText && style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth + 1)
        problems.push({ what: 'cut with an ellipsis', text });
      if (ownText) {
        const range = document.createRange();
        range.selectNodeContents(element);
        const box = range.getBoundingClientRect();
        if (box.width > 0 && (box.right > pageWidth + 1 || box.left < -1)) problems.push({ what: 'runs off the page', text });
      }
    }
    return problems;
  });
}

let dir: string;
let context: BrowserContext;
let extensionId: string;
let userDataDir: string;

test.beforeAll(async () => {
  dir = pseudoExtension();
  userDataDir = mkdtempSync(join(tmpdir(), 'running-for-pseudo-profile-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--lang=en-US'],
  });
  await context.route(
    (url) => url.protocol !== 'chrome-extension:',
    (route) => route.abort('blockedbyclient'),
  );
  const body = fixtureHtml('x', 'profile-other.html');
  await context.route('https://x.com/jane', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
});

test.afterAll(async () => {
  await context?.close();
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

test('the pseudo-locale is longer, accented and keeps every placeholder', () => {
  expect(pseudo('Save')).toBe('[Šáṽé ··]');
  expect(pseudo('Quiet on $SITE$ until $WHEN$.')).toMatch(/^\[Ǫûîéţ öñ \$SITE\$ ûñţîļ \$WHEN\$\. ·+\]$/);
});

test('the check sees a clipped label and a line off the page (a control: it can fail)', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect.poll(() => page.evaluate(() => document.body.innerText.includes('['))).toBe(true);
  const clipping = 'button { width: 40px; white-space: nowrap; overflow: hidden; }';
  await page.addStyleTag({ content: `${clipping} h1, h2, p, label { white-space: nowrap; }` });
  const found = (await overflows(page)).map((problem) => problem.what);
  expect(found).toContain('clipped sideways');
  expect(found).toContain('runs off the page');
  await page.close();
});

const VIEWS: [path: string, width: number][] = [
  // The popup is drawn 360 px wide; the dashboard at a laptop's width and a phone's.
  ['popup.html', 360],
  ['dashboard.html#/week', 1280],
  ['dashboard.html#/outcomes', 1280],
  ['dashboard.html#/sites', 1280],
  ['dashboard.html#/data', 1280],
  ['dashboard.html#/week', 420],
  ['dashboard.html#/sites', 420],
  ['welcome.html', 1280],
  ['welcome.html', 420],
];

for (const [path, width] of VIEWS) {
  test(`${path} at ${width} px: no text clipped or off the page in the pseudo-locale`, async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    // The pseudo-locale is what the page shows (a message through it starts with "[").
    await expect.poll(() => page.evaluate(() => document.body.innerText.includes('['))).toBe(true);
    expect(await overflows(page)).toEqual([]);
    await page.close();
  });
}

test('the dialog: no text clipped or off its frame in the pseudo-locale', async () => {
  const site = await context.newPage();
  await site.setViewportSize({ width: 1280, height: 900 });
  await site.goto('https://x.com/jane');
  await site.locator('running-for-prompt[data-metric="followers"]').click();
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = site.frames().find((f) => /^chrome-extension:\/\/[^/]+\/prompt\.html/.test(f.url()))) !== undefined)
    .toBe(true);
  await expect.poll(() => frame!.evaluate(() => document.body.innerText.includes('['))).toBe(true);
  expect(await overflows(frame!)).toEqual([]);
  // The form and the snooze choices, opened, have the longest lines.
  for (const name of [/Ļöĝ/, /Ñöţ/]) {
    await frame!.getByRole('button', { name }).first().click();
    expect(await overflows(frame!)).toEqual([]);
  }
  // The frame grows with its dialog: the dialog is not cut at the frame's bottom.
  const cut = await frame!.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
  expect(cut).toBe(false);
  await site.close();
});
