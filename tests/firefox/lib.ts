/**
 * What the real-Firefox checks share (tests/firefox/*.ts): finding Firefox and the build, launching it
 * headless over WebDriver BiDi (puppeteer-core), polling, and running named checks, a fresh browser each.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return [env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (candidate): candidate is string => !!candidate && existsSync(candidate),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `ok` holds (or the time is up), and returns the last value read. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await sleep(100);
    value = await read();
  }
  return value;
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export async function launch(firefox: string): Promise<Browser> {
  return puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true });
}

/** The Firefox build (argv[0], else .output/firefox-mv3) and the Firefox to run it in; undefined, said why, when either is missing. */
export function firefoxSetup(argv: string[]): { build: string; firefox: string } | undefined {
  const build = path.resolve(argv[0] ?? path.join(root, '.output/firefox-mv3'));
  if (!existsSync(path.join(build, 'manifest.json'))) {
    console.error(`No Firefox build in ${build}: run \`npx wxt build -b firefox --mv3\` first.`);
    return undefined;
  }
  const firefox = findFirefox();
  if (!firefox) {
    console.error('No Firefox: set FIREFOX_PATH, or install it (Debian: apt-get install -y firefox-esr).');
    return undefined;
  }
  return { build, firefox };
}

export type Check = (browser: Browser, build: string) => Promise<void>;

/**
 * Run each check in a fresh Firefox with the build installed; prints a line per check and a summary.
 * Resolves to the exit code: 0 when every check passed.
 */
export async function runChecks(checks: Record<string, Check>, argv: string[]): Promise<number> {
  const setup = firefoxSetup(argv);
  if (!setup) return 1;
  let failed = 0;
  for (const [name, run] of Object.entries(checks)) {
    const browser = await launch(setup.firefox);
    try {
      await browser.installExtension(setup.build);
      await run(browser, setup.build);
      console.log(`✓ ${name}`);
    } catch (error) {
      failed++;
      console.log(`✘ ${name}\n  ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await browser.close();
    }
  }
  console.log(`\n${Object.keys(checks).length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
