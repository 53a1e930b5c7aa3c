/**
 * `npm run bench:hovercards [-- --rounds N --count N] [SETUP…]`: what one prompted hovercard costs in
 * main-thread script time (CDP ScriptDuration), on the benchmark's X page with nothing else going on —
 * hovercards come and go one at a time, no timeline grows — so runs agree within a few percent instead
 * of the page section's ±10 ms. For comparing builds while working on the live layer; not a section of
 * `npm run bench`, and it checks no target.
 *
 * SETUP is `extension` (the build in .output/chrome-mv3), `none`, `floor` (the do-nothing observer),
 * `minimal` (tests/bench/minimal-extension: the least a prompt layer can do per hovercard), or the
 * folder of any unpacked build — a copy of an earlier .output/chrome-mv3, say. Default: none floor
 * minimal extension. Each round runs every setup in a fresh browser, in rotating order; the table shows
 * the median script time, what a setup adds over `none` (median of the per-round differences), that per
 * hovercard, and how many of the hovercards' counts got a prompt.
 */
import type { Page } from '@playwright/test';
import { MINIMAL_EXTENSION_DIR, launchBrowser, launchUnpacked, type BenchBrowser, type Setup } from './lib/browser';
import { counters, spent } from './lib/cdp';
import { servePages, xPage } from './lib/pages';
import { median, medianDifference, ms, table } from './lib/stats';

const NAMED: readonly string[] = ['extension', 'none', 'floor', 'minimal'];
/** How long each hovercard stays, and the pause before the next (one at a time, as a pointer moves on). */
const LIFE_MS = 120;
const GAP_MS = 30;
/** Before measuring: the page and the content script settle after the load. */
const SETTLE_MS = 1000;

interface Options {
  rounds: number;
  count: number;
  setups: string[];
}

function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { rounds: 5, count: 60, setups: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--rounds' || arg === '--count') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) return `${arg} needs a whole number above 0.`;
      options[arg === '--rounds' ? 'rounds' : 'count'] = value;
    } else if (arg.startsWith('--')) {
      return `Unknown option ${arg}. Usage: npm run bench:hovercards -- [--rounds N] [--count N] [SETUP…]`;
    } else {
      options.setups.push(arg);
    }
  }
  if (options.setups.length === 0) options.setups = ['none', 'floor', 'minimal', 'extension'];
  if (!options.setups.includes('none')) options.setups.unshift('none');
  return options;
}

function launch(setup: string): Promise<BenchBrowser> {
  if (setup === 'minimal') return launchUnpacked(MINIMAL_EXTENSION_DIR, setup, 'it is part of the repository');
  return NAMED.includes(setup) ? launchBrowser(setup as Setup) : launchUnpacked(setup);
}

interface Bench {
  benchHovercards(count: number, lifeMs: number, gapMs: number): Promise<void>;
  __bench: { report(): { samples: { kind: string }[]; due: Record<string, number> } };
}

/** One run: script ms over `count` hovercards, and how many of their counts were prompted of how many due. */
async function run(setup: string, count: number): Promise<{ script: number; prompted: number; due: number }> {
  const browser = await launch(setup);
  try {
    await servePages(browser.context, [['https://x.com/**', () => xPage({ handle: 'jane', initialPosts: 200, postsPerProfile: 20 })]]);
    const page: Page = await browser.context.newPage();
    await page.goto('https://x.com/jane');
    await page.waitForTimeout(SETTLE_MS);
    const session = await counters(page);
    const before = await session.read();
    const report = await page.evaluate(
      async ({ count, life, gap }) => {
        const bench = window as unknown as Bench;
        await bench.benchHovercards(count, life, gap);
        return bench.__bench.report();
      },
      { count, life: LIFE_MS, gap: GAP_MS },
    );
    const after = await session.read();
    const prompted = report.samples.filter((sample) => sample.kind === 'hovercard').length;
    return { script: spent(before, after).script, prompted, due: report.due.hovercard ?? 0 };
  } finally {
    await browser.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  const { rounds, count, setups } = options;
  const results = new Map(setups.map((setup) => [setup, [] as Awaited<ReturnType<typeof run>>[]]));
  for (let round = 0; round < rounds; round++) {
    // Rotating order: no setup always runs first (or last) in a round.
    const order = setups.map((_, i) => setups[(i + round) % setups.length]!);
    for (const setup of order) {
      results.get(setup)!.push(await run(setup, count));
      console.log(`  round ${round + 1}/${rounds}, ${setup}`);
    }
  }
  const none = results.get('none')!.map((r) => r.script);
  const rows = setups.map((setup) => {
    const runs = results.get(setup)!;
    const script = runs.map((r) => r.script);
    const added = setup === 'none' ? 0 : medianDifference(script, none);
    return [
      setup,
      script.map((value) => value.toFixed(1)).join(' '),
      ms(median(script)),
      setup === 'none' ? '–' : ms(added),
      ((setup === 'none' ? median(none) : added) / count).toFixed(2),
      `${median(runs.map((r) => r.prompted))}/${runs[0]!.due}`,
    ];
  });
  console.log('');
  console.log(
    table([['setup', 'script ms per run', 'median', 'added over none', `ms per hovercard (of ${count})`, 'prompted/due'], ...rows]),
  );
  console.log(`\n"per hovercard" is the page's own script for "none", and what a setup adds for the others.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
