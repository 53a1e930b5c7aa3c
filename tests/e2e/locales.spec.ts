/**
 * The extension in the browser's language (issue 17, as far as it goes): Chromium started in French,
 * Japanese and Arabic shows the extension's description from that locale's file (assets/locales/<locale>/store.json),
 * and its name, which is the product's, the same everywhere.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { EXTENSION_DIR, expect, findChromium, test } from './extension';

declare const chrome: { developerPrivate: { getExtensionInfo(id: string): Promise<{ name: string; description: string }> } };

const described = (locale: string) =>
  (JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>)
    .extDescription!.message;

for (const [lang, locale] of [
  ['fr', 'fr'],
  ['ja', 'ja'],
  ['ar', 'ar'],
] as const) {
  test(`a browser in ${lang} shows the ${locale} description`, async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'running-for-lang-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: true,
      locale: lang,
      args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-sandbox', `--lang=${lang}`],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const id = new URL(worker.url()).host;
      const page = await context.newPage();
      await page.goto('chrome://extensions');
      const info = await page.evaluate((extensionId) => chrome.developerPrivate.getExtensionInfo(extensionId), id);
      expect(info.name).toBe('Running For');
      expect(info.description).toBe(described(locale));
      expect(info.description).not.toBe(described('en'));
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
}
