/**
 * Screens that stay right (issue 17): screenshots of the popup, every dashboard view and the first-run page,
 * light and dark, in English, Arabic (right to left) and the pseudo-locale (longer, accented: see
 * pseudo-locale.spec.ts), compared with the baselines committed beside this file
 * (visual.spec.ts-snapshots/) within a small tolerance. The clock is fixed and the journal empty, so a screen
 * changes only when its code, its styles or its words do; after an intended change, look at the new
 * screenshots and commit them: `npx playwright test tests/e2e/visual.spec.ts --update-snapshots`.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { closeFirstRunPage, EXTENSION_DIR, expect, findChromium, test } from './extension';

/** Thursday 26 November 2026, 10:00 local time: every date the screens show follows from it. */
const NOW = new Date(2026, 10, 26, 10, 0, 0);

const SCREENS: [name: string, path: string, width: number][] = [
  ['popup', 'popup.html', 360],
  ['week', 'dashboard.html#/week', 1280],
  ['outcomes', 'dashboard.html#/outcomes', 1280],
  ['sites', 'dashboard.html#/sites', 1280],
  ['data', 'dashboard.html#/data', 1280],
  ['welcome', 'welcome.html', 1280],
];

/** A copy of the build whose English is the pseudo-locale ("Save" → "[Šáṽé ··]"), its only locale. */
function pseudoBuild(): string {
  const accented = 'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž';
  const dir = mkdtempSync(join(tmpdir(), 'running-for-visual-pseudo-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = join(dir, '_locales', 'en', 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  for (const [key, entry] of Object.entries(messages)) {
    if (['locale', 'dir', 'extName'].includes(key)) continue;
    const parts = entry.message.split(/(\$[A-Za-z0-9_]+\$|\$\d)/);
    const text = parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/[a-z]/g, (c) => accented[c.charCodeAt(0) - 97]!))).join('');
    const visible = parts.filter((_, i) => i % 2 === 0).join('').length;
    entry.message = `[${text} ${'·'.repeat(Math.max(2, Math.ceil(visible * 0.4)))}]`;
  }
  writeFileSync(file, JSON.stringify(messages));
  for (const locale of readdirSync(join(dir, '_locales'))) if (locale !== 'en') rmSync(join(dir, '_locales', locale), { recursive: true });
  return dir;
}

for (const locale of ['en', 'ar', 'pseudo'] as const) {
  test.describe(`screens in ${locale}`, () => {
    let context: BrowserContext;
    let extensionId: string;
    let userDataDir: string;
    let build: string;

    test.beforeAll(async () => {
      build = locale === 'pseudo' ? pseudoBuild() : EXTENSION_DIR;
      const lang = locale === 'ar' ? 'ar' : 'en-US';
      userDataDir = mkdtempSync(join(tmpdir(), 'running-for-visual-'));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: findChromium(),
        headless: true,
        locale: lang,
        timezoneId: 'Europe/Paris',
        deviceScaleFactor: 1,
        args: [
          `--disable-extensions-except=${build}`,
          `--load-extension=${build}`,
          '--no-sandbox',
          `--lang=${lang}`,
          '--font-render-hinting=none',
        ],
      });
      await context.route(
        (url) => url.protocol !== 'chrome-extension:',
        (route) => route.abort('blockedbyclient'),
      );
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      extensionId = new URL(worker.url()).host;
      // The first-run tab the install opens: a page the clock was never installed in, which `clock.setFixedTime`
      // (context-wide) then fails on when it is still opening ("reading 'controller'").
      await closeFirstRunPage(context);
    });

    test.afterAll(async () => {
      await context?.close();
      rmSync(userDataDir, { recursive: true, force: true });
      if (build !== EXTENSION_DIR) rmSync(build, { recursive: true, force: true });
    });

    for (const [name, path, width] of SCREENS) {
      for (const scheme of ['light', 'dark'] as const) {
        test(`${name}, ${scheme}`, async () => {
          const page = await context.newPage();
          await page.clock.setFixedTime(NOW);
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`chrome-extension://${extensionId}/${path}`);
          await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
          await page.evaluate(() => document.fonts.ready);
          await expect(page).toHaveScreenshot(`${name}-${locale}-${scheme}.png`, {
            fullPage: true,
            animations: 'disabled',
            caret: 'hide',
            // Font rasterisation differs by a few pixels between runs of the same build; a layout change does not.
            maxDiffPixelRatio: 0.01,
          });
          await page.close();
        });
      }
    }
  });
}
