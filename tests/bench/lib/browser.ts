/**
 * Real Chromium with the built extension, for benchmarks: the same browser and flags as the e2e fixture
 * (tests/e2e/extension.ts), launched outside the test runner so a benchmark controls its own timing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { EXTENSION_DIR, findChromium } from '../../e2e/extension';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The Chromium version, for the report. */
  version: string;
  /** A new tab on one of the extension's pages: `dashboard.html#/data`. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'running-for-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Nothing reaches the network: the extension must not need it, and it would add noise.
  await context.route((url) => url.protocol !== 'chrome-extension:', (route) => route.abort('blockedbyclient'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const version = context.browser()?.version() ?? (await worker.evaluate(() => navigator.userAgent));
  return {
    context,
    extensionId,
    version,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
