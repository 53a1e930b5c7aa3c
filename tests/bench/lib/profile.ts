/**
 * The JavaScript a content script runs, measured directly: a CPU profile of the page (CDP Profiler; the
 * content script's isolated world runs on the page's main thread, in the same V8 isolate) in which every
 * sample whose stack holds a frame of a `chrome-extension://` script counts as the extension's. Unlike a
 * with/without difference of CDP counters, this does not carry the page's own run-to-run noise, so a cost
 * of a few milliseconds (the do-nothing observer's) can be compared with another. It sees JavaScript only,
 * and the native calls made from it (DOM, style reads); not style, layout or paint the extension causes
 * later, which the with/without task time covers.
 */
import type { Page } from '@playwright/test';

/** Sampling interval, µs: fine enough for callbacks of tens of µs, coarse enough to perturb little. */
const INTERVAL_US = 100;

export interface ScriptProfile {
  /** Milliseconds of samples with an extension frame on the stack. */
  extensionMs: number;
  /** Milliseconds of samples with a page-script frame (https:) and no extension frame. */
  pageMs: number;
  /**
   * The longest unbroken stretch of extension samples, ms: the most script the extension ran without
   * letting the thread go (an upper bound of its share of any one task; ≥ 50 ms would be a long task of its own).
   */
  longestMs: number;
  /** The functions of the extension taking the most time, inclusive (name url:line → ms). */
  top: { name: string; ms: number }[];
  /**
   * With `compiles`: milliseconds V8 spent compiling the extension's scripts as they were injected (the trace's
   * `v8.compile` events with a `chrome-extension://` URL). No sample counts it: a script's top-level compile
   * runs before any of its frames is on the stack. Its functions' own lazy compiles, on first call, are in
   * `extensionMs` already.
   */
  compileMs?: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string } };
}

/** Profile `act` on `page` and attribute the samples; with `compiles`, trace the extension's script compiles too. */
export async function profileScripts(
  page: Page,
  act: () => Promise<unknown>,
  options: { compiles?: boolean } = {},
): Promise<ScriptProfile> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  let traced: Promise<unknown> | undefined;
  if (options.compiles) {
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8'] } });
  }
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await cdp.send('Profiler.start');
  await act();
  const { profile } = await cdp.send('Profiler.stop');
  if (traced) {
    await cdp.send('Tracing.end');
    await traced;
  }
  await cdp.detach();
  const compileMs = traced
    ? events
        .filter((event) => event.name === 'v8.compile' && event.ph === 'X' && event.args?.data?.url?.startsWith('chrome-extension://'))
        .reduce((sum, event) => sum + (event.dur ?? 0) / 1000, 0)
    : undefined;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  let extensionMs = 0;
  let pageMs = 0;
  let run = 0;
  let longestMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const ms = (deltas[i] ?? 0) / 1000;
    let extension = false;
    let pageScript = false;
    const counted = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = nodes.get(current)!.callFrame;
      if (frame.url.startsWith('chrome-extension://')) {
        extension = true;
        const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
        if (!counted.has(key)) {
          counted.add(key);
          inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
        }
      } else if (frame.url.startsWith('https:')) {
        pageScript = true;
      }
    }
    if (extension) extensionMs += ms;
    else if (pageScript) pageMs += ms;
    run = extension ? run + ms : 0;
    longestMs = Math.max(longestMs, run);
  });
  const top = [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, ms]) => ({ name, ms }));
  return { extensionMs, pageMs, longestMs, top, compileMs };
}
