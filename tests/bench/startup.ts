/**
 * Benchmark section "startup": what the content script costs a page load on real pages. Every fixture
 * reduced from a real saved page (tests/fixtures/<site>/expected.json entries with a `source`) of a site
 * whose hosts the extension declares is served offline under its real address, in a new tab per load, and
 * CPU-profiled from before the navigation to settled (the load event, then SETTLE_MS: the first scan,
 * the idle-time checks and the snapshot message are done by then). Every sample with a
 * `chrome-extension://` frame on its stack is the content script's (lib/profile.ts), which measures its
 * JavaScript without the page's noise. To it is added what no sample shows: V8 compiling the content script
 * as it is injected (a trace of the same load, `v8.compile` of `chrome-extension://` scripts: 5–16 ms, median ≈ 8,
 * for a 50 kB script on this machine, against ≈ 1 ms for the minimal layer's). Each page is loaded LOADS
 * times; its figure is the median.
 *
 * Also per page, reported: the time from navigation start to the first prompt in the page (an init script
 * notes when the first `<running-for-prompt>` is added), the longest unbroken stretch of content-script
 * JavaScript, long tasks (a `longtask` observer) with the extension against the same page without it, and
 * the JS heap the content script keeps — the tab's heap after two forced collections with the extension
 * minus without (content scripts share the page's V8 isolate, so the difference is theirs).
 *
 * Targets (issue 14): content-script JavaScript per load median ≤ 10 ms over the pages and no page over
 * 25 ms; no long task added (the `longtask` observer's count, median of the loads, above the same page's
 * without the extension); heap ≤ 2 MB.
 *
 * Reported beside them, same run, same pages, same loads: the *minimal* start-up layer
 * (tests/bench/minimal-start-extension — one settings message, one selector per site, a chip in a closed
 * shadow root beside each count, an observer for later ones): what the least a prompt layer can do costs a
 * page load on this machine today, and Running For's figure as a multiple of it. And the same layer as a WXT
 * content script (lib/minimal-wxt.ts): what the product's fixed stack costs around the least a layer does.
 */
import { cpus, loadavg } from 'node:os';
import type { BrowserContext, Page } from '@playwright/test';
import { onDeclaredHost, realCases, type FixtureCase } from '../unit/fixture-dom';
import { launchBrowser, launchUnpacked, MINIMAL_START_EXTENSION_DIR, type BenchBrowser } from './lib/browser';
import { buildMinimalWxt } from './lib/minimal-wxt';
import { profileScripts, type ScriptProfile } from './lib/profile';
import { median, ms, stats, table, verdict, writeResult } from './lib/stats';
import type { BenchSection } from './sections';

/** Loads of each page with the extension (its figure is their median), and without it (the baselines). */
const LOADS = Number(process.env.BENCH_STARTUP_LOADS ?? 3);
const BASELINE_LOADS = 1;
/** After the load event: the content script's start and first scan are done well within this. */
const SETTLE_MS = 1200;
export const STARTUP_TARGETS = { medianMs: 10, maxMs: 25, heapBytes: 2 * 1024 * 1024, longTasks: 0 };

/** Notes the first prompt's arrival and every long task, from the document's start. */
const PROBE =
  `(() => {
  const state = { firstPrompt: null, longTasks: [] };
  Object.defineProperty(window, '__startup', { value: state });
  try {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.longTasks.push(entry.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const seen = () => {
    if (state.firstPrompt === null && document.querySelector('running-for-prompt')) { state.firstPrompt ` +
  `= performance.now(); observer.disconnect(); }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Load {
  profile?: ScriptProfile;
  firstPromptMs: number | null;
  longTasks: number[];
  heapBytes: number;
  prompts: number;
}

interface PageResult {
  page: string;
  url: string;
  /** Content-script JS per load, ms, each load: its samples and its scripts' compile (`scriptMsOf`). */
  scriptMs: number[];
  medianMs: number;
  /** Of which compiling the content script as it is injected (median of the loads). */
  compileMs: number;
  /** The minimal start-up layer's content-script JS per load on the same page (median of as many loads). */
  minimalMs: number;
  minimalPrompts: number;
  /** The same layer as a WXT content script (lib/minimal-wxt.ts): the product's stack around the least a layer does. */
  minimalWxtMs: number;
  longestMs: number;
  firstPromptMs: number | null;
  prompts: number;
  longTasksWith: number;
  longTasksWithout: number;
  heapWith: number;
  heapWithout: number;
  heapAddedBytes: number;
  top: ScriptProfile['top'];
}

/** The real-page fixtures the content script runs on without a permission asked first. */
export function startupCases(): FixtureCase[] {
  return realCases().filter((fixture) => onDeclaredHost(fixture));
}

/** Serves `served.fixture` under its address, once per browser: each load names the page it serves. */
async function serve(context: BrowserContext): Promise<{ fixture?: FixtureCase }> {
  const served: { fixture?: FixtureCase } = {};
  // Routes added later win over launchUnpacked's, which refuses everything else.
  await context.route(
    (url) => served.fixture !== undefined && url.href === new URL(served.fixture.url).href,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served.fixture!.html }),
  );
  return served;
}

async function load(context: BrowserContext, fixture: FixtureCase, profiled: boolean): Promise<Load> {
  const page: Page = await context.newPage();
  try {
    const go = async () => {
      await page.goto(fixture.url, { waitUntil: 'load' });
      await page.waitForTimeout(SETTLE_MS);
    };
    const profile = profiled ? await profileScripts(page, go, { compiles: true }) : (await go(), undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    const seen = await page.evaluate(() => {
      const state = (window as unknown as { __startup: { firstPrompt: number | null; longTasks: number[] } }).__startup;
      return {
        firstPrompt: state.firstPrompt,
        longTasks: state.longTasks,
        prompts: document.querySelectorAll('running-for-prompt').length,
      };
    });
    return { profile, firstPromptMs: seen.firstPrompt, longTasks: seen.longTasks, heapBytes: usedSize, prompts: seen.prompts };
  } finally {
    await page.close();
  }
}

async function measure(
  setup: 'extension' | 'none' | 'minimal' | 'minimal in WXT',
  cases: readonly FixtureCase[],
  loads: number,
  log: (line: string) => void,
  dir?: string,
): Promise<{ version: string; byPage: Map<string, Load[]> }> {
  const browser: BenchBrowser =
    setup === 'extension' || setup === 'none'
      ? await launchBrowser(setup)
      : await launchUnpacked(dir ?? MINIMAL_START_EXTENSION_DIR, setup, 'it is part of the repository');
  const byPage = new Map<string, Load[]>();
  try {
    await browser.context.addInitScript({ content: PROBE });
    const served = await serve(browser.context);
    // One throwaway load first: the browser's own first-navigation work is nobody's start-up.
    served.fixture = cases[0]!;
    await load(browser.context, cases[0]!, false);
    for (let round = 0; round < loads; round++) {
      for (const fixture of cases) {
        served.fixture = fixture;
        const result = await load(browser.context, fixture, setup !== 'none');
        const key = `${fixture.site}/${fixture.file}`;
        byPage.set(key, [...(byPage.get(key) ?? []), result]);
      }
      log(`  ${setup}: round ${round + 1}/${loads} over ${cases.length} pages`);
    }
    return { version: browser.version, byPage };
  } finally {
    await browser.close();
  }
}

/**
 * A load's content-script JavaScript: the samples with an extension frame, and the compile of its scripts as
 * they were injected, which no sample counts (lib/profile.ts `compileMs`) — a script's size is part of its cost.
 */
const scriptMsOf = (profile: ScriptProfile) => profile.extensionMs + (profile.compileMs ?? 0);

const kB = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(0)} kB` : '–');

export const startupSection: BenchSection = {
  name: 'startup',
  title: 'Start-up on real pages: content-script JavaScript per load',
  async run(log) {
    const loadBefore = loadavg();
    const cases = startupCases();
    const only = process.env.BENCH_STARTUP_ONLY;
    const chosen = only ? cases.filter((fixture) => `${fixture.site}/${fixture.file}`.startsWith(only)) : cases;
    if (chosen.length === 0) throw new Error(`No real-page fixture matches BENCH_STARTUP_ONLY=${only}.`);
    const withExtension = await measure('extension', chosen, LOADS, log);
    const minimal = await measure('minimal', chosen, LOADS, log);
    const minimalWxt = await measure('minimal in WXT', chosen, LOADS, log, await buildMinimalWxt());
    const without = await measure('none', chosen, BASELINE_LOADS, log);
    const pages: PageResult[] = chosen.map((fixture) => {
      const key = `${fixture.site}/${fixture.file}`;
      const loads = withExtension.byPage.get(key)!;
      const bare = without.byPage.get(key)!;
      const least = minimal.byPage.get(key)!;
      const leastWxt = minimalWxt.byPage.get(key)!;
      const scriptMs = loads.map((one) => scriptMsOf(one.profile!));
      const firstPrompts = loads.map((one) => one.firstPromptMs).filter((value): value is number => value !== null);
      const heapWith = median(loads.map((one) => one.heapBytes));
      const heapWithout = median(bare.map((one) => one.heapBytes));
      const slowest = loads.reduce((a, b) => (scriptMsOf(a.profile!) >= scriptMsOf(b.profile!) ? a : b));
      return {
        page: key,
        url: fixture.url,
        scriptMs,
        medianMs: median(scriptMs),
        compileMs: median(loads.map((one) => one.profile!.compileMs ?? 0)),
        minimalMs: median(least.map((one) => scriptMsOf(one.profile!))),
        minimalPrompts: median(least.map((one) => one.prompts)),
        minimalWxtMs: median(leastWxt.map((one) => scriptMsOf(one.profile!))),
        longestMs: Math.max(...loads.map((one) => one.profile!.longestMs)),
        firstPromptMs: firstPrompts.length > 0 ? median(firstPrompts) : null,
        prompts: median(loads.map((one) => one.prompts)),
        longTasksWith: median(loads.map((one) => one.longTasks.length)),
        longTasksWithout: median(bare.map((one) => one.longTasks.length)),
        heapWith,
        heapWithout,
        heapAddedBytes: heapWith - heapWithout,
        top: slowest.profile!.top.slice(0, 4),
      };
    });
    log('');
    log(
      table([
        [
          'page (content-script JS per load, ms)',
          'loads',
          'median',
          'of which compile',
          'minimal (prompts)',
          'minimal in WXT',
          'longest run',
          'first prompt',
          'prompts',
          'long tasks with/without',
          'heap added',
        ],
        ...pages.map((page) => [
          page.page,
          page.scriptMs.map((value) => value.toFixed(1)).join(' '),
          ms(page.medianMs),
          ms(page.compileMs),
          `${ms(page.minimalMs)} (${page.minimalPrompts})`,
          ms(page.minimalWxtMs),
          ms(page.longestMs),
          page.firstPromptMs === null ? '–' : ms(page.firstPromptMs),
          String(page.prompts),
          `${page.longTasksWith}/${page.longTasksWithout}`,
          kB(page.heapAddedBytes),
        ]),
      ]),
    );
    const overall = stats(pages.map((page) => page.medianMs));
    const least = stats(pages.map((page) => page.minimalMs));
    const leastWxt = stats(pages.map((page) => page.minimalWxtMs));
    const firstPrompt = stats(pages.flatMap((page) => (page.firstPromptMs === null ? [] : [page.firstPromptMs])));
    const heap = stats(pages.map((page) => page.heapAddedBytes));
    const addedLongTasks = pages.filter((page) => page.longTasksWith > page.longTasksWithout);
    const longestRun = Math.max(...pages.map((page) => page.longestMs));
    const worst = pages.reduce((a, b) => (a.medianMs >= b.medianMs ? a : b));
    const checks = {
      median: overall.median <= STARTUP_TARGETS.medianMs,
      max: overall.max <= STARTUP_TARGETS.maxMs,
      longTasks: addedLongTasks.length === STARTUP_TARGETS.longTasks,
      heap: heap.max <= STARTUP_TARGETS.heapBytes,
    };
    log('');
    log(`Slowest page ${worst.page}: ${worst.top.map((entry) => `${entry.name} ${entry.ms.toFixed(1)}`).join('; ')}`);
    log('');
    log(
      table([
        ['target', 'measured', 'result'],
        [
          `content-script JS per load: median over ${pages.length} pages ≤ ${STARTUP_TARGETS.medianMs} ms`,
          `${ms(overall.median)} ms (p95 ${ms(overall.p95)})`,
          verdict(checks.median),
        ],
        [`no page over ${STARTUP_TARGETS.maxMs} ms`, `slowest ${ms(overall.max)} ms (${worst.page})`, verdict(checks.max)],
        [
          'no long task added (medians of the loads, with against without)',
          `${addedLongTasks.length} of ${pages.length} pages with more ` +
            `(${addedLongTasks.map((page) => page.page).join(', ') || 'none'}); ` +
            `the longest unbroken run of content-script samples ${ms(longestRun)} ms (back-to-back tasks ` +
            `included: a bound, not a task)`,
          verdict(checks.longTasks),
        ],
        [
          `JS heap the content script keeps ≤ ${kB(STARTUP_TARGETS.heapBytes)}`,
          `median ${kB(heap.median)}, max ${kB(heap.max)}`,
          verdict(checks.heap),
        ],
        [
          'the minimal start-up layer on the same pages (reported)',
          `median ${ms(least.median)} ms (p95 ${ms(least.p95)}, max ${ms(least.max)}): Running For ` +
            `${(overall.median / least.median).toFixed(1)}× it`,
          '',
        ],
        [
          'the same layer as a WXT content script (reported: the stack before a layer does anything of its own)',
          `median ${ms(leastWxt.median)} ms (p95 ${ms(leastWxt.p95)}, max ${ms(leastWxt.max)}): Running For ` +
            `${(overall.median / leastWxt.median).toFixed(1)}× it`,
          '',
        ],
        [
          'time to the first prompt (navigation start →), reported',
          `median ${ms(firstPrompt.median)} ms, p95 ${ms(firstPrompt.p95)} over ${firstPrompt.samples} pages with counts`,
          '',
        ],
      ]),
    );
    const loadAfter = loadavg();
    log(
      `Machine load (1-minute average) before → after: ${loadBefore[0]!.toFixed(1)} → ${loadAfter[0]!.toFixed(1)} ` +
        `on ${cpus().length} cores.`,
    );
    const pass = Object.values(checks).every(Boolean);
    const result = {
      section: 'startup',
      measuredAt: new Date().toISOString(),
      environment: {
        chromium: withExtension.version,
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? '',
        node: process.version,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadAfter,
      },
      measure:
        `CPU-profile samples with a chrome-extension:// frame, from before navigation to load + ${SETTLE_MS} ` +
        `ms, plus the trace's v8.compile of chrome-extension:// scripts, a new tab per load, ${LOADS} loads per page`,
      targets: STARTUP_TARGETS,
      overall,
      minimal: least,
      minimalWxt: leastWxt,
      firstPrompt,
      heap,
      longestRunMs: longestRun,
      checks,
      pages,
      pass,
    };
    log(`Wrote ${writeResult('startup', result)}`);
    return pass;
  },
};
