/**
 * A Playwright fixture that launches real Chromium with the built extension loaded, and serves
 * fixture pages under the sites' real URLs (context.route), so content scripts inject exactly as on
 * the live site — offline.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { findChromium } from '../../utils/cli/chromium';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const FIXTURES = resolve('tests/fixtures');

/** Chromium: $CHROMIUM_PATH / $CHROME_PATH, then the system's, then Playwright's own (utils/cli/chromium.ts, shared with npm start). */
export { findChromium };

export function fixtureHtml(site: string, file: string): string {
  return readFileSync(join(FIXTURES, site, file), 'utf8');
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  /** Serve `tests/fixtures/<site>/<file>` at `url` (and nothing else on that origin). */
  serveFixture: (url: string, site: string, file: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
      throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
    const userDataDir = mkdtempSync(join(tmpdir(), 'running-for-e2e-'));
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
    // Nothing reaches the network: any request a test did not route is refused.
    // (Extension pages load their scripts from chrome-extension:// URLs, which routing sees too: let those through.)
    await context.route(
      (url) => url.protocol !== 'chrome-extension:',
      (route) => route.abort('blockedbyclient'),
    );
    await closeFirstRunPage(context);
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
  serveFixture: async ({ context }, use) => {
    await use(async (url, site, file) => {
      const body = fixtureHtml(site, file);
      await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    });
  },
});

/**
 * Installed, the extension opens its first-run page in a new, active tab (components/welcome/open.ts). A test
 * starts without it, as after a user closed it: a tab that opened after the test's own pages would take the
 * focus from them. (tests/e2e/welcome.spec.ts checks the page itself.) For any context that loads the extension.
 */
export async function closeFirstRunPage(context: BrowserContext): Promise<void> {
  const firstRun = () => context.pages().filter((page) => page.url().endsWith('/welcome.html'));
  await expect.poll(() => firstRun().length, { message: 'the first-run page opened on install', timeout: 15_000 }).toBe(1);
  for (const page of firstRun()) {
    // Loaded first: an extension page closed while it loads leaves the next one without its messages (headless
    // Chromium 156: `i18n.getMessage` answers "" there).
    await page.locator('h1').waitFor();
    await page.close();
  }
}

/** The journal's records, read directly from an extension page (the extension's own origin). */
export async function readStore(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('running-for');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as Record<string, unknown>[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean };
}

/**
 * Run expressions (awaited, returned by value) in the extension's content-script world of `page`, through
 * the DevTools protocol (Runtime.evaluate in the isolated world's execution context): Chrome's real
 * sender and APIs, and no test hook in production code. The latest isolated world: a reloaded page's.
 */
export async function inContentScript(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<(expression: string) => Promise<unknown>> {
  const cdp = await context.newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const isolated = () => contexts.findLast((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  await expect.poll(() => isolated()?.id, { message: 'the content script has an isolated world on this page' }).toBeDefined();
  return async (expression: string): Promise<unknown> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: isolated()!.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`content-script evaluation failed: ${JSON.stringify(exceptionDetails)}`);
    return result.value;
  };
}

/** The live layer's state on a page (utils/live/layer.ts `LiveProgress`), read in its content-script world. */
export interface LiveProgress {
  state: 'starting' | 'off' | 'snoozed' | 'reframe' | 'hide' | 'stopped';
  passes: number;
}

/**
 * Wait until the content script on `page` has applied its settings and, unless the site is off or snoozed,
 * read the whole page once: what a check that a page got no prompt must wait for, instead of a fixed time
 * (a negative check that ran before the scan would pass whatever the code does).
 */
export async function liveLayerSettled(context: BrowserContext, page: Page, extensionId: string): Promise<LiveProgress> {
  const evaluate = await inContentScript(context, page, extensionId);
  const read = async () => (await evaluate('globalThis.runningForLive ? { ...globalThis.runningForLive } : null')) as LiveProgress | null;
  await expect
    .poll(
      async () => {
        const progress = await read();
        return progress !== null && (progress.state === 'off' || progress.state === 'snoozed' || progress.passes > 0);
      },
      { message: 'the content script applied its settings and read the page' },
    )
    .toBe(true);
  return (await read())!;
}

/**
 * The extension's content-script worlds in `page` once it has loaded, as the DevTools protocol lists them:
 * whether the browser injected the content script at all — what a check that a page got *no* script reads
 * (no prompt would also mean a script that found nothing).
 */
export async function extensionWorlds(context: BrowserContext, page: Page, extensionId: string): Promise<number> {
  // Scripts that run at document_idle are in by the load event; one more task for good measure.
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  const cdp = await context.newCDPSession(page);
  let worlds = 0;
  cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => {
    if (event.context.auxData?.type === 'isolated' && event.context.origin === `chrome-extension://${extensionId}`) worlds += 1;
  });
  // Enabling reports every context that exists already.
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return worlds;
}

export { expect };
