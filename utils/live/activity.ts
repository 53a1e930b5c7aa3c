/**
 * What a page view records, through the background's validated API (utils/messaging/protocol.ts) — the
 * "feeling big" side of the weekly comparison. Never page text, never other people's profiles:
 *
 * - the user's own counts as snapshots (`snapshot/add`), when first seen and whenever the value
 *   changes (the background coalesces them: within the hour a change replaces the last row, and it caps
 *   how many a site may send: utils/messaging/budgets.ts);
 * - per day and site (the background stamps the day): active time — the tab visible, its window
 *   focused and the user not idle (no key, pointer, scroll or wheel for IDLE_AFTER_MS) — measured with
 *   a monotonic clock; counts seen (distinct count elements detected in this page view); prompts shown
 *   (prompts that became visible on screen, each counted once).
 *
 * Activity is batched: one `activity/add` about every FLUSH_EVERY_MS while there is something to say,
 * and one when the page is hidden or left.
 */
import type { sendToBackground } from '../messaging/client';
import { ACTIVITY_LIMITS } from '../messaging/limits';
import type { Detection } from '../sites/types';

/** No input for this long and the user is idle: the time after it is not active time. */
export const IDLE_AFTER_MS = 60_000;
export const FLUSH_EVERY_MS = 30_000;
/** A periodic flush waits for at least this much active time when it has nothing else to say. */
const MIN_PERIODIC_ACTIVE_MS = 1_000;

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll'] as const;

export interface ActivityOptions {
  siteId: string;
  send: typeof sendToBackground;
  doc?: Document;
  win?: Window;
  /** Milliseconds from a monotonic clock (performance.now). */
  clock?: () => number;
  /** Run `callback` every `ms`; returns a canceller. */
  every?: (ms: number, callback: () => void) => () => void;
  IntersectionObserver?: typeof IntersectionObserver;
}

export interface ActivityTotals {
  activeMs: number;
  metricsSeen: number;
  promptsShown: number;
}

export interface ActivityRecorder {
  /** Counts a detection pass found: counts seen, and snapshots of the user's own. */
  countsDetected(detections: readonly Detection[]): void;
  /** The URL changed without a load: counts seen from now on belong to a new page view. */
  newPageView(): void;
  /** Count `host` once when it first becomes visible on screen. */
  watchPrompt(host: Element): void;
  unwatchPrompt(host: Element): void;
  /** Send what has accumulated now. */
  flush(): void;
  /** What has accumulated and not been sent (tests). */
  pending(): ActivityTotals;
  stop(): void;
}

export const repeat = (ms: number, callback: () => void) => {
  const id = setInterval(callback, ms);
  return () => clearInterval(id);
};

export function startActivity(options: ActivityOptions): ActivityRecorder {
  const doc = options.doc ?? document;
  const win = options.win ?? doc.defaultView ?? window;
  const clock = options.clock ?? (() => performance.now());
  const { siteId, send } = options;

  let visible = doc.visibilityState === 'visible';
  let focused = doc.hasFocus();
  // The page view began with something the user did (a click, a typed address).
  let lastInput = clock();
  let mark = lastInput;
  let activeMs = 0;
  let metricsSeen = 0;
  let promptsShown = 0;
  let seen = new WeakSet<Element>();
  const shown = new WeakSet<Element>();
  /** The last own value sent per metric: a snapshot only when it is new or changed. */
  const snapshotted = new Map<string, number>();
  let stopped = false;

  /** Add the time since the last mark that was active: visible, focused, and within IDLE_AFTER_MS of input. */
  const accrue = () => {
    const now = clock();
    if (visible && focused) {
      const end = Math.min(now, lastInput + IDLE_AFTER_MS);
      if (end > mark) activeMs += end - mark;
    }
    mark = now;
  };

  const onInput = () => {
    const now = clock();
    // While the user is not idle yet, moving `lastInput` forward changes nothing already counted,
    // so the frequent events (pointermove, scroll) cost one clock read.
    if (now - lastInput >= IDLE_AFTER_MS) accrue();
    lastInput = now;
  };

  const onVisibility = () => {
    accrue();
    visible = doc.visibilityState === 'visible';
    if (visible) lastInput = clock();
    else flush(0);
  };
  const onFocus = () => {
    accrue();
    focused = true;
    lastInput = clock();
  };
  const onBlur = () => {
    accrue();
    // Focus moving into an iframe of the page blurs the window but keeps the document focused.
    focused = doc.hasFocus();
  };
  const onPageHide = () => flush(0);

  const Observer = options.IntersectionObserver ?? (typeof IntersectionObserver === 'function' ? IntersectionObserver : undefined);
  const intersection = Observer
    ? new Observer((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting || shown.has(entry.target)) continue;
          shown.add(entry.target);
          promptsShown++;
          intersection?.unobserve(entry.target);
        }
      })
    : undefined;

  /** Send in messages within the API's limits; `minActiveMs` lets a periodic flush skip a trickle. */
  function flush(minActiveMs: number) {
    if (stopped) return;
    accrue();
    let active = Math.floor(activeMs);
    if (active < minActiveMs && metricsSeen === 0 && promptsShown === 0) return;
    activeMs -= active;
    let metrics = metricsSeen;
    let prompts = promptsShown;
    metricsSeen = promptsShown = 0;
    while (active > 0 || metrics > 0 || prompts > 0) {
      const part = {
        activeMs: Math.min(active, ACTIVITY_LIMITS.activeMs),
        metricsSeen: Math.min(metrics, ACTIVITY_LIMITS.metricsSeen),
        promptsShown: Math.min(prompts, ACTIVITY_LIMITS.promptsShown),
      };
      active -= part.activeMs;
      metrics -= part.metricsSeen;
      prompts -= part.promptsShown;
      void send({ type: 'activity/add', activity: { siteId, ...part } });
    }
  }

  const listen = { capture: true, passive: true } as const;
  for (const type of INPUT_EVENTS) win.addEventListener(type, onInput, listen);
  win.addEventListener('focus', onFocus, listen);
  win.addEventListener('blur', onBlur, listen);
  win.addEventListener('pagehide', onPageHide, listen);
  doc.addEventListener('visibilitychange', onVisibility, listen);
  const cancelTimer = (options.every ?? repeat)(FLUSH_EVERY_MS, () => flush(MIN_PERIODIC_ACTIVE_MS));

  return {
    countsDetected(detections) {
      if (stopped) return;
      for (const detection of detections) {
        if (!seen.has(detection.element)) {
          seen.add(detection.element);
          metricsSeen++;
        }
        // Only the user's own counts, and only the number: never whose profile it was.
        if (!detection.own || snapshotted.get(detection.metric) === detection.value) continue;
        snapshotted.set(detection.metric, detection.value);
        void send({
          type: 'snapshot/add',
          snapshot: { siteId, metric: detection.metric, value: detection.value, approximate: detection.approximate },
        });
      }
    },
    newPageView() {
      seen = new WeakSet();
    },
    watchPrompt(host) {
      if (!stopped && !shown.has(host)) intersection?.observe(host);
    },
    unwatchPrompt(host) {
      intersection?.unobserve(host);
      // Its count is gone; if the host comes back it is for another count (a recycled prompt), shown anew.
      shown.delete(host);
    },
    flush: () => flush(0),
    pending() {
      accrue();
      return { activeMs: Math.floor(activeMs), metricsSeen, promptsShown };
    },
    stop() {
      if (stopped) return;
      // What was measured so far is sent (after an extension update the send fails quietly).
      flush(0);
      stopped = true;
      cancelTimer();
      intersection?.disconnect();
      for (const type of INPUT_EVENTS) win.removeEventListener(type, onInput, listen);
      win.removeEventListener('focus', onFocus, listen);
      win.removeEventListener('blur', onBlur, listen);
      win.removeEventListener('pagehide', onPageHide, listen);
      doc.removeEventListener('visibilitychange', onVisibility, listen);
    },
  };
}
