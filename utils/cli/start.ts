/**
 * `npm start [-- --headed | --headless] [--out DIR] [--dark]`
 *
 * After `wxt build` (package.json runs it first), opens Chromium or Chrome with the built extension
 * on the demo gallery (utils/cli/demo-gallery.ts): a sample profile page for every supported site,
 * served offline under the sites' real URLs. With a display the browser opens and stays until it is
 * closed; without one it runs headless, screenshots every demo page with its prompts into a folder
 * (default .output/demo-screenshots/) and says how many prompts each page got.
 * Bad arguments: usage on stderr, exit 2. No build, no browser, or a page without prompts: exit 1.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { adapters } from '../sites';
import { ChromiumNotFound, findChromium } from './chromium';
import { DEMO_PAGES, GALLERY_URL, demoHtml, galleryHtml, notInDemoHtml, routeFor, type DemoPage } from './demo-gallery';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const DEFAULT_OUT = '.output/demo-screenshots';
const VIEWPORT = { width: 1280, height: 800 };
/** How long a demo page may take to show its first prompt before it counts as "no prompt". */
const PROMPT_TIMEOUT_MS = 15_000;
/** How long the first open of a prompt may take: the frame code is injected and the dialog's page loads. */
const DIALOG_TIMEOUT_MS = 3_000;

export const USAGE = 'usage: npm start [-- --headed | --headless] [--out DIR] [--dark]';

export class UsageError extends Error {}

export interface StartOptions {
  /** `auto` opens a window when there is a display, and runs headless otherwise. */
  mode: 'auto' | 'headed' | 'headless';
  /** Where headless runs write screenshots. */
  out: string;
  /** Emulate a dark colour scheme (the demo pages and the prompts follow it). */
  dark: boolean;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): StartOptions {
  const options: StartOptions = { mode: 'auto', out: DEFAULT_OUT, dark: false, help: false };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? argv[++i] : arg.slice('--out='.length);
      if (!value) throw new UsageError('--out needs a folder');
      if (outGiven) throw new UsageError('--out given twice');
      outGiven = true;
      options.out = value;
    } else if (arg === '--headed' || arg === '--headless') {
      const mode = arg === '--headed' ? 'headed' : 'headless';
      if (options.mode !== 'auto' && options.mode !== mode) throw new UsageError('give --headed or --headless, not both');
      options.mode = mode;
    } else if (arg === '--dark') {
      options.dark = true;
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else {
      throw new UsageError(arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument ${arg}`);
    }
  }
  if (options.mode === 'headed' && outGiven) throw new UsageError('--out is for headless runs (screenshots)');
  return options;
}

/** Linux and BSDs need an X11 or Wayland display for a window; macOS and Windows always have one. */
export function hasDisplay(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function chromiumArgs(extensionDir: string, asRoot: boolean): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses to start its sandbox as root (containers, CI); only then do without it.
    ...(asRoot ? ['--no-sandbox'] : []),
  ];
}

export interface Io {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

export async function main(argv: readonly string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let options: StartOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err.write(`start: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.out.write(`${USAGE}\n`);
    return 0;
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    io.err.write(`start: no build in ${EXTENSION_DIR}; run \`npm run build\` and look for errors above.\n`);
    return 1;
  }
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    if (!(error instanceof ChromiumNotFound)) throw error;
    io.err.write(`start: ${error.message}\n`);
    return 1;
  }

  const headed = options.mode === 'headed' || (options.mode === 'auto' && hasDisplay(process.env, process.platform));
  const profileDir = mkdtempSync(join(tmpdir(), 'running-for-demo-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: !headed,
      // A window keeps the size the user gives it; screenshots get a fixed, laptop-like viewport.
      viewport: headed ? null : VIEWPORT,
      colorScheme: options.dark ? 'dark' : 'light',
      args: chromiumArgs(EXTENSION_DIR, process.getuid?.() === 0),
      // Playwright's own Ctrl+C handler exits the process at once, leaving the temporary profile behind.
      handleSIGINT: false,
    });
  } catch (error) {
    removeProfile(profileDir);
    const hint = headed ? ' (no display? run `npm start -- --headless`)' : '';
    io.err.write(`start: could not start ${executablePath}${hint}: ${firstLine(error)}\n`);
    return 1;
  }
  // Ctrl+C closes the browser; whatever was waiting on it then ends, and the profile is removed below.
  // One close, shared: a second context.close() returns before the browser has finished exiting.
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= context.close().catch(() => undefined));
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    void close();
  };
  // `on`, not `once`: tsx relays the same Ctrl+C a second time, and with no listener left it exits at once.
  process.on('SIGINT', interrupt);
  try {
    await serveOffline(context);
    const code = headed ? await browse(context, io) : await screenshotAll(context, options, io);
    if (!interrupted) return code;
  } catch (error) {
    if (!interrupted) throw error;
  } finally {
    process.off('SIGINT', interrupt);
    await close();
    removeProfile(profileDir);
  }
  io.err.write('start: interrupted; the browser is closed.\n');
  return 130;
}

/** Every request answered from the project (see routeFor): the demo never touches the network. */
export async function serveOffline(context: BrowserContext): Promise<void> {
  const html = (body: string) => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
  await context.route('**/*', async (route) => {
    const request = route.request();
    const decision = routeFor(request.url(), request.isNavigationRequest());
    switch (decision.kind) {
      case 'continue':
        return route.continue();
      case 'gallery':
        return route.fulfill(html(galleryHtml()));
      case 'demo':
        return route.fulfill(html(demoHtml(decision.page)));
      case 'not-in-demo':
        return route.fulfill({ ...html(notInDemoHtml(request.url())), status: 404 });
      case 'abort':
        return route.abort('blockedbyclient');
    }
  });
}

/** Headed: open the gallery and stay until the browser is closed (by the user, or by Ctrl+C). */
async function browse(context: BrowserContext, io: Io): Promise<number> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(GALLERY_URL);
  io.out.write(
    [
      '',
      'Running For is open on the demo gallery, offline: every page is a sample served from assets/demo/.',
      'Pick a site, then click a prompt chip beside a count. The extension’s popup (puzzle-piece menu)',
      'sets your purpose and aim; nothing you enter leaves this temporary browser profile.',
      'Close the browser window (or press Ctrl+C here) to finish.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((done) => context.once('close', () => done()));
  return 0;
}

interface SiteResult {
  page: DemoPage;
  prompts: number;
  files: string[];
}

/** Headless: one screenshot per demo page (and one with its first prompt opened), and a summary. */
async function screenshotAll(context: BrowserContext, options: StartOptions, io: Io): Promise<number> {
  const outDir = resolve(options.out);
  mkdirSync(outDir, { recursive: true });
  const suffix = options.dark ? '-dark' : '';
  const page = context.pages()[0] ?? (await context.newPage());

  await page.goto(GALLERY_URL);
  await page.screenshot({ path: join(outDir, `gallery${suffix}.png`) });

  const results: SiteResult[] = [];
  for (const demo of DEMO_PAGES) {
    const files = [`${demo.site}${suffix}.png`];
    await page.goto(demo.url);
    const prompts = await waitForPrompts(page);
    await page.screenshot({ path: join(outDir, files[0] ?? '') });
    if (prompts > 0 && (await openFirstPrompt(page))) {
      files.push(`${demo.site}-open${suffix}.png`);
      await page.screenshot({ path: join(outDir, files[1] ?? '') });
      await page.keyboard.press('Escape');
    }
    results.push({ page: demo, prompts, files });
  }

  const shown = relative(process.cwd(), outDir) || '.';
  io.out.write(`\nScreenshots of the demo gallery, with the extension’s prompts, are in ${shown}/\n`);
  const nameOf = (site: string) => adapters.find((adapter) => adapter.id === site)?.name ?? site;
  const width = Math.max(...results.map((result) => nameOf(result.page.site).length));
  for (const { page: demo, prompts, files } of results) {
    const count = prompts === 0 ? 'NO PROMPT' : `${prompts} prompt${prompts === 1 ? '' : 's'}`;
    io.out.write(`  ${nameOf(demo.site).padEnd(width)}  ${count.padEnd(10)} ${demo.url}  → ${files.join(', ')}\n`);
  }
  const missing = results.filter((result) => result.prompts === 0);
  if (missing.length > 0) {
    io.err.write(
      `start: no prompt appeared on ${missing.map((result) => result.page.url).join(', ')}; ` +
        'the content script did not run or found no count there (check the build and the site adapter).\n',
    );
    return 1;
  }
  io.out.write(`\nWith a display, \`npm start\` opens the gallery in a browser window instead.\n`);
  return 0;
}

/** The number of prompt hosts once the page has settled (0 if none appeared in time). */
async function waitForPrompts(page: Page): Promise<number> {
  const prompts = page.locator('running-for-prompt');
  try {
    await prompts.first().waitFor({ state: 'attached', timeout: PROMPT_TIMEOUT_MS });
  } catch {
    return 0;
  }
  // The live layer adds hosts a frame at a time; the chips render into them just after.
  // Wait until two consecutive frames show the same number, then give the chip a moment to draw.
  let previous = -1;
  let count = await prompts.count();
  for (let tries = 0; count !== previous && tries < 20; tries++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    previous = count;
    count = await prompts.count();
  }
  await prompts
    .first()
    .waitFor({ state: 'visible', timeout: 2_000 })
    .catch(() => undefined);
  return count;
}

/**
 * Click the first prompt — the own-profile card where there is one — so a screenshot shows the
 * question it asks. Returns false when the chip has nothing to click (no visible UI).
 */
async function openFirstPrompt(page: Page): Promise<boolean> {
  const own = page.locator('running-for-prompt[data-own="true"]');
  const target = (await own.count()) > 0 ? own.first() : page.locator('running-for-prompt').first();
  if (!(await target.isVisible())) return false;
  try {
    await target.click({ timeout: 2_000 });
  } catch {
    return false;
  }
  // The first open injects the frame code and loads the dialog's page, so wait for the dialog itself;
  // then two frames for it to be laid out.
  if (!(await dialogShown(page))) return false;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return true;
}

/**
 * Whether a dialog opened within DIALOG_TIMEOUT_MS. It is the extension's prompt page in a frame inside
 * the chip's closed shadow root: page scripts cannot reach it, but Playwright lists every frame of the
 * tab, the extension's too.
 */
async function dialogShown(page: Page): Promise<boolean> {
  const deadline = Date.now() + DIALOG_TIMEOUT_MS;
  do {
    const frame = page.frames().find((candidate) => /^(chrome|moz)-extension:\/\/[^/]+\/prompt\.html/.test(candidate.url()));
    if (
      frame &&
      (await frame
        .locator('[role="dialog"]')
        .isVisible()
        .catch(() => false))
    )
      return true;
    await page.waitForTimeout(20);
  } while (Date.now() < deadline);
  return false;
}

/** The browser may still be flushing its profile for a moment after closing (notably after Ctrl+C): retry. */
function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch {
    // A leftover folder in the OS temp dir is harmless, and not worth a failed run.
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

// Run when executed directly (tsx utils/cli/start.ts …), not when imported by tests.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
