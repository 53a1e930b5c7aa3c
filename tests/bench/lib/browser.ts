/**
 * Real Chromium for benchmarks: the same browser and flags as the e2e fixture (tests/e2e/extension.ts),
 * launched outside the test runner so a benchmark controls its own timing. Three setups, so one run can
 * compare them: the built extension, no extension at all, and the do-nothing "floor" extension
 * (tests/bench/floor-extension: a content script that only observes mutations).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { closeFirstRunPage, EXTENSION_DIR, findChromium } from '../../e2e/extension';

export const FLOOR_EXTENSION_DIR = resolve('tests/bench/floor-extension');
/** The least a prompt layer can do for X's hovercards (tests/bench/minimal-extension): a reference for bench:hovercards. */
export const MINIMAL_EXTENSION_DIR = resolve('tests/bench/minimal-extension');
/**
 * The least a prompt layer can do when a page loads (tests/bench/minimal-start-extension: one settings message,
 * one selector per site, a chip beside each count): the reference of the startup section.
 */
export const MINIMAL_START_EXTENSION_DIR = resolve('tests/bench/minimal-start-extension');

/** What is loaded: the built extension, nothing, or the do-nothing observer. */
export type Setup = 'extension' | 'none' | 'floor';

export interface BenchBrowser {
  /** The setup's name, or the folder of the unpacked extension it loaded. */
  setup: string;
  context: BrowserContext;
  /** The Chromium version, for the report. */
  version: string;
  close(): Promise<void>;
}

export interface ExtensionBrowser extends BenchBrowser {
  extensionId: string;
  /** A new tab on one of the extension's pages: `dashboard.html#/data`. */
  open(path: string): Promise<Page>;
}

const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(setup: Setup): Promise<BenchBrowser> {
  if (setup === 'none') return launchUnpacked(undefined, setup);
  if (setup === 'extension') return launchUnpacked(EXTENSION_DIR, setup, 'run `npm run build` first');
  return launchUnpacked(FLOOR_EXTENSION_DIR, setup, 'it is part of the repository');
}

/**
 * Chromium with the unpacked extension in `dir` (none when undefined); `label` names the setup in reports,
 * `hint` says how to get the extension when the folder has none.
 */
export async function launchUnpacked(
  dir: string | undefined,
  label: string = dir ?? 'none',
  hint = 'no manifest.json there',
): Promise<BenchBrowser> {
  if (dir !== undefined && !existsSync(join(dir, 'manifest.json'))) throw new Error(`No extension in ${dir}: ${hint}.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'running-for-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []), ...COMMON_ARGS],
  });
  // Nothing reaches the network: the extension must not need it, and it would add noise. Pages a
  // benchmark serves are routed after this, and later routes take precedence.
  await context.route(
    (url) => url.protocol !== 'chrome-extension:',
    (route) => route.abort('blockedbyclient'),
  );
  // Running For opens its first-run page in a new, active tab on install (components/welcome/open.ts): left open, it
  // would come in front of the page a benchmark opened first, whose frames would then stop (a background tab) —
  // half of the page section's hovercards went unprompted so. Closed, as the end-to-end tests close it.
  if (dir !== undefined && existsSync(join(dir, 'welcome.html'))) await closeFirstRunPage(context);
  const version =
    context.browser()?.version() ?? (await (context.pages()[0] ?? (await context.newPage())).evaluate(() => navigator.userAgent));
  return {
    setup: label,
    context,
    version,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function launchExtension(): Promise<ExtensionBrowser> {
  const browser = await launchBrowser('extension');
  const { context } = browser;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    ...browser,
    extensionId,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
  };
}
