/**
 * Benchmark section "popup": how long the popup takes to be ready — from navigation start to the
 * `popup-ready` mark (components/popup/Popup.tsx: set once this week's data is shown) — with a year of
 * heavy use in the journal, the current week included. Opened as a page
 * (`chrome-extension://<id>/popup.html`) at the popup's size; one cold open not counted, then ten.
 * Target (README "Architecture", targets): ≤ 100 ms, on the median.
 */
import { cpus, loadavg } from 'node:os';
import { launchExtension, type ExtensionBrowser } from './lib/browser';
import { countsOf } from './lib/history';
import { importYearOfHeavyUse } from './lib/journal';
import { ms, stats, table, verdict, writeResult } from './lib/stats';
import type { BenchSection } from './sections';

export const POPUP_READY_TARGET_MS = 100;
const OPENS = 10;
const POPUP_SIZE = { width: 360, height: 640 };
const READY_MARK = 'popup-ready';

/** Open the popup as a page at its size; resolves to its `popup-ready` mark (ms from navigation start). */
export async function openPopup(browser: ExtensionBrowser): Promise<number> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(POPUP_SIZE);
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const mark = await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? false, READY_MARK, {
      timeout: 30_000,
      polling: 10,
    });
    return (await mark.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

export const popupSection: BenchSection = {
  name: 'popup',
  title: 'Popup ready time',
  async run(log) {
    const loadBefore = loadavg();
    const browser = await launchExtension();
    try {
      const { history, importSeconds } = await importYearOfHeavyUse(browser, 'history-popup-1y.json', log);

      const open = () => openPopup(browser);
      const cold = await open();
      const samples: number[] = [];
      for (let i = 0; i < OPENS; i++) samples.push(await open());
      const s = stats(samples);
      const pass = s.median <= POPUP_READY_TARGET_MS;
      log('');
      log(
        table([
          ['popup-ready (ms from navigation)', 'n', 'median', 'p95', 'max', 'cold (not counted)', 'target', 'result'],
          [
            'popup.html, 1 year of heavy use',
            String(s.samples),
            ms(s.median),
            ms(s.p95),
            ms(s.max),
            ms(cold),
            `≤ ${POPUP_READY_TARGET_MS}`,
            verdict(pass),
          ],
        ]),
      );
      const loadAfter = loadavg();
      log(
        `Machine load (1-minute average) before → after: ${loadBefore[0]!.toFixed(1)} → ${loadAfter[0]!.toFixed(1)} ` +
          `on ${cpus().length} cores.`,
      );
      const result = {
        section: 'popup',
        measuredAt: new Date().toISOString(),
        environment: {
          chromium: browser.version,
          cpus: cpus().length,
          cpu: cpus()[0]?.model ?? '',
          node: process.version,
          loadAverageBefore: loadBefore,
          loadAverageAfter: loadAfter,
        },
        measure: `${READY_MARK} mark startTime: navigation start → this week's data shown`,
        targetMs: POPUP_READY_TARGET_MS,
        criterion: 'median ≤ target',
        history: countsOf(history),
        importSeconds,
        coldMs: cold,
        ...s,
        samplesMs: samples,
        pass,
      };
      log(`Wrote ${writeResult('popup', result)}`);
      return pass;
    } finally {
      await browser.close();
    }
  },
};
