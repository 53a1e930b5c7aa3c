/**
 * Finding a Chromium or Chrome to drive with Playwright, shared by `npm start` and the e2e fixture.
 * Order: $CHROMIUM_PATH, $CHROME_PATH, the usual system installs, then Playwright's own download.
 * A system browser comes first because Playwright's download is often absent (offline machines,
 * distributions that package Chromium themselves).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUMS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const NO_CHROMIUM =
  'No Chromium or Chrome found. Set CHROMIUM_PATH to one, or install one: `apt-get install -y chromium` (Debian), ' +
  'or `npx playwright install chromium` where downloads are allowed.';

export interface ChromiumLookup {
  env: Readonly<Record<string, string | undefined>>;
  exists: (path: string) => boolean;
  /** Playwright's downloaded browser, if Playwright knows one (it may not be installed). */
  bundled: () => string | undefined;
}

const defaultLookup: ChromiumLookup = {
  env: process.env,
  exists: existsSync,
  bundled: () => {
    try {
      return chromium.executablePath() || undefined;
    } catch {
      // Playwright throws when its browsers were never installed: not an error here, just no candidate.
      return undefined;
    }
  },
};

export class ChromiumNotFound extends Error {}

/** The browser executable to launch, or ChromiumNotFound with a message a user can act on. */
export function findChromium(lookup: ChromiumLookup = defaultLookup): string {
  // A variable the user set on purpose and got wrong deserves its own message, not a silent fallback.
  for (const name of ['CHROMIUM_PATH', 'CHROME_PATH']) {
    const path = lookup.env[name];
    if (!path) continue;
    if (lookup.exists(path)) return path;
    throw new ChromiumNotFound(`${name} is set to ${path}, but there is no file there.`);
  }
  for (const path of SYSTEM_CHROMIUMS) if (lookup.exists(path)) return path;
  const bundled = lookup.bundled();
  if (bundled && lookup.exists(bundled)) return bundled;
  throw new ChromiumNotFound(NO_CHROMIUM);
}
