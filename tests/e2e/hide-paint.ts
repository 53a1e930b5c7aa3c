/**
 * What the hide-mode end-to-end tests (hide.spec.ts, metric-modes.spec.ts) read in real Chromium: the
 * background's registered content scripts, and what a page paints at DOMContentLoaded — before any content
 * script runs at document_idle —, by computed visibility and by the pixels of each number's box.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';

const SHOTS = '/tmp/hide-shots';

export async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export async function registeredIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    // The service worker's own `chrome` (this file is typed for Node, not for extensions).
    const { scripting } = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } })
      .chrome;
    return (await scripting.getRegisteredContentScripts()).map((script) => script.id).sort();
  });
}

/**
 * At DOMContentLoaded (before the content script, which runs at document_idle), record the computed
 * visibility of the elements `numbers` and `labels` select. Runs in the page before any of its scripts.
 */
export async function recordVisibilityAtDomContentLoaded(page: Page, numbers: string, labels: string) {
  await page.addInitScript(
    ([numberSelector, labelSelector]) => {
      document.addEventListener('DOMContentLoaded', () => {
        const read = (selector: string) =>
          Array.from(document.querySelectorAll(selector), (el) => [el.textContent?.trim(), getComputedStyle(el).visibility]);
        (window as unknown as { hideCheck: unknown }).hideCheck = {
          numbers: read(numberSelector),
          labels: read(labelSelector),
          prompts: document.querySelectorAll('running-for-prompt').length,
        };
      });
    },
    [numbers, labels] as const,
  );
}

export interface HideCheck {
  numbers: [string, string][];
  labels: [string, string][];
  prompts: number;
}

/**
 * Load `url` and, at DOMContentLoaded, screenshot the box of each number: once as the page paints it,
 * once with the numbers forcibly hidden. Identical pixels mean nothing of the number was painted.
 */
export async function loadAndShoot(page: Page, url: string, numbers: string, name: string) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const boxes = await page.locator(numbers).evaluateAll((els) =>
    els.map((el) => {
      const rect = el.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
    }),
  );
  const painted = await Promise.all(boxes.map((clip) => page.screenshot({ clip })));
  const style = await page.addStyleTag({ content: `${numbers} { visibility: hidden !important; }` });
  const blank = await Promise.all(boxes.map((clip) => page.screenshot({ clip })));
  await style.evaluate((el) => (el as Element).remove());
  const check = (await page.evaluate(() => (window as unknown as { hideCheck: unknown }).hideCheck)) as HideCheck;
  return { check, numbersPainted: painted.map((shot, i) => !shot.equals(blank[i]!)) };
}

/** The run-time registrations' ids and stylesheets (hide mode's are `hide-<site>`, one file per hidden metric). */
export async function registeredSheets(worker: Worker): Promise<Record<string, string[]>> {
  return worker.evaluate(async () => {
    const { scripting } = (
      globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; css?: string[] }[]> } } }
    ).chrome;
    const scripts = await scripting.getRegisteredContentScripts();
    return Object.fromEntries(scripts.map((script) => [script.id, (script.css ?? []).map((path) => path.replace(/^\//, ''))]));
  });
}
