/**
 * Live detection in a page: one MutationObserver per document, its records batched to at most one
 * pass per animation frame, and each pass looks only at what changed.
 *
 * - A pass runs `detect` on the changed subtrees' roots: an added subtree itself, or — for a change
 *   inside a small piece of markup, such as a count's number re-rendered from "12.3K" to "12.4K" — the
 *   highest small ancestor a few levels up, so the whole count (number and label) is inside the root.
 *   Nested roots are merged. Detection is pure and takes any root, so this finds exactly what a full
 *   scan would find there (tests/unit/live-detector.test.ts checks that on every fixture page).
 * - A change that only removes nodes adds nothing to find: it is looked at only near a count that keeps
 *   its prompt (`nearPrompt`), or, for adapters whose counts stand in for one another, when it took a
 *   prompted count with it (SiteAdapter.standIns). Counts that went are let go in any case.
 * - A batch that adds more than BULK_NODES nodes gets one deferred full rescan when the page is idle
 *   instead of per-node work (Dark Reader's rule: `isHugeMutation`, HUGE_MUTATIONS_COUNT = 1000, in
 *   darkreader/src/utils/dom.ts).
 * - Single-page navigation (the URL changed without a load) re-evaluates the whole page: the URL is
 *   compared on every batch and on popstate. Nothing in the page is patched (no history.pushState
 *   wrapper): a navigation that changes no markup needs no new prompts, and one that does is a batch.
 *   WXT's own `wxt:locationchange` polls once a second, which is both late and a timer (wxt#1567).
 * - Mutations caused by our own hosts are ignored; a host the site removed is put back once.
 * - Everything stops when the content-script context is invalidated (extension updated, disabled or
 *   removed). Nothing tells a Chrome content script that its extension went: WXT's context notices only
 *   when asked (`isInvalid` reads `runtime.id`) or when a newer copy of the script starts in the page. So
 *   the live layer asks at every pass and scan, when the page becomes visible or is pointed at, and at its
 *   timers' ticks — a property read each (under a microsecond in Chromium 156), no timer of its own, no
 *   port (see `LiveDetectorContext`).
 */
import { isPromptHost, PromptHosts, type PromptHostHooks } from './hosts';
import { whenIdle } from './idle';
import type { Detection } from '../sites/types';
import { rootsOf, nearPrompt } from './roots';

/** More added nodes (or changed places) than this in one batch: one deferred full rescan (Dark Reader's number). */
export const BULK_NODES = 1000;
/** A full rescan after a bulk insertion runs when the page is idle, and within this time at worst. */
export const BULK_RESCAN_TIMEOUT_MS = 300;

export interface LiveDetectorContext {
  /** WXT's ContentScriptContext.onInvalidated: returns a function that removes the listener. */
  onInvalidated(callback: () => void): unknown;
  /**
   * WXT's ContentScriptContext.isInvalid: reading it notices an extension that was updated, disabled or
   * removed (`browser.runtime.id` gone) and then runs the onInvalidated callbacks, synchronously.
   *
   * Not a `runtime.connect` port whose onDisconnect would say so: measured in Chromium 156, an open port
   * does not keep the service worker alive, and it disconnects when the idle worker stops (about 30 s),
   * with the extension still there — so it would tell nothing past the first half-minute, unless every tab
   * reconnected and so woke the worker twice a minute.
   */
  readonly isInvalid?: boolean;
}

export interface LiveDetectorOptions extends Omit<PromptHostHooks, 'mount'> {
  /** Fill a new host with the prompt UI. */
  mount: PromptHostHooks['mount'];
  doc?: Document;
  /** The page's current URL. */
  location?: () => string;
  /** Where popstate is listened for. */
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Every prompted count a pass found (`detections`) and those that are new or changed (`changed`). */
  onDetected?(detections: readonly Detection[], changed: readonly Detection[]): void;
  /**
   * Which counts get a prompt (every one when absent): the page's settings may turn a metric off (utils/live/layer.ts).
   * The others get no host and are not reported to `onDetected`; `onPass` still sees them (site health).
   */
  prompts?(detection: Detection): boolean;
  /** The URL changed without a load: a new page view. */
  onNavigate?(url: string): void;
  /** Every pass and scan, with everything it found (often nothing): site health waits for the page to settle. */
  onPass?(detections: readonly Detection[]): void;
  /** Schedules a callback before the next frame; returns a canceller. */
  frame?: (callback: () => void) => () => void;
  /** Schedules a callback when the page is idle; returns a canceller. */
  idle?: (callback: () => void) => () => void;
  /** Detection itself (tests count its calls and roots). */
  detect: Detect;
  /**
   * Handle the first small batch of a frame right in the MutationObserver callback (a microtask, before
   * the page paints) so a count and its prompt appear in the same frame; later changes in that frame wait
   * for the next one, so there is still at most one pass per frame. Off unless set (the live layer sets it).
   */
  immediate?: boolean;
  /**
   * The page's adapter's `quiet` containers (SiteAdapter.quiet): changes inside them, and added or removed
   * subtrees that are one, are not looked at — detection never reports anything there.
   */
  quiet?: string;
  /** The page's adapter's `standIns` (SiteAdapter.standIns): a removal that takes a prompted count is read around. */
  standIns?: boolean;
}

/** `detect(root, url, lang)` (utils/detection/detect.ts) or the same over a content script's own adapters. */
export type Detect = (root: ParentNode, url: string | URL, lang?: string | null) => Detection[];

/** Largest batch handled immediately: a header or a hovercard, not a page of timeline. */
export const IMMEDIATE_NODES = 64;

export interface LiveDetector {
  /** A full pass now (the first scan, and tests). */
  scan(): Detection[];
  /** Run the pending batch now instead of at the next frame (tests). */
  flush(): void;
  stop(): void;
  readonly hosts: PromptHosts;
}

/** Events (on the window, capture) at which the detector asks whether its extension is still there. */
const CHECK_ON = ['pointerdown', 'visibilitychange'] as const;

const nextFrame = (callback: () => void) => {
  const id = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(id);
};

export function startLiveDetector(ctx: LiveDetectorContext, options: LiveDetectorOptions): LiveDetector {
  const doc = options.doc ?? document;
  // document.URL follows pushState like location.href, without a Location object per read (every pass reads it).
  const location = options.location ?? (() => doc.URL);
  const win = options.win ?? doc.defaultView ?? window;
  const frame = options.frame ?? nextFrame;
  const idle = options.idle ?? ((callback: () => void) => whenIdle(callback, BULK_RESCAN_TIMEOUT_MS, 50));
  const detect = options.detect;
  const hosts = new PromptHosts(options);

  /** Nodes under which something changed (childList targets, parents of changed text). */
  let touched = new Set<Node>();
  /**
   * Nodes children were only removed from: a removal adds nothing to detect, so these matter only near a
   * count that has a prompt (its number or label went); see `nearPrompt`.
   */
  let shrunk = new Set<Node>();
  /** Element subtrees added since the last pass. */
  let added = new Set<Element>();
  let addedCount = 0;
  /** Nodes found too large to be a root (rootsOf); forgotten on each full scan, when the page may be another. */
  let large = new WeakSet<Node>();
  /** A host we keep was removed by someone else: the next pass puts it back (once). */
  let hostRemoved = false;
  let cancelFrame: (() => void) | undefined;
  let cancelIdle: (() => void) | undefined;
  let stopped = false;
  let url = location();

  const prompts = options.prompts;
  /** The counts of a pass that get prompts, and their hosts reconciled with them. */
  const show = (detections: Detection[], scope: 'page' | ReadonlySet<Node>, restore?: boolean) => {
    const prompted = prompts ? detections.filter(prompts) : detections;
    const changed = hosts.reconcile(prompted, scope, restore);
    if (prompted.length || changed.length) options.onDetected?.(prompted, changed);
  };

  const resetBatch = () => {
    touched = new Set();
    shrunk = new Set();
    added = new Set();
    addedCount = 0;
    hostRemoved = false;
  };

  const scan = (): Detection[] => {
    if (stopped || ctx.isInvalid) return [];
    cancelFrame?.();
    cancelFrame = undefined;
    cancelIdle?.();
    cancelIdle = undefined;
    resetBatch();
    large = new WeakSet();
    const detections = detect(doc, url);
    show(detections, 'page');
    options.onPass?.(detections);
    return detections;
  };

  /** Did the URL change without a load? Then the whole page is evaluated again. */
  const navigated = (): boolean => {
    const current = location();
    if (current === url) return false;
    url = current;
    options.onNavigate?.(current);
    return true;
  };

  const pass = () => {
    cancelFrame = undefined;
    if (stopped || ctx.isInvalid) return;
    if (navigated()) {
      scan();
      return;
    }
    // A full rescan is already waiting for an idle moment: it covers this batch too.
    if (cancelIdle) return;
    if (!touched.size && !added.size && !shrunk.size && !hostRemoved) return;
    if (shrunk.size) {
      const prompted = hosts.elements();
      const tookPrompted = options.standIns === true && prompted.some((element) => !element.isConnected);
      const near = tookPrompted ? () => true : nearPrompt(prompted);
      for (const node of shrunk) if (near(node)) touched.add(node);
    }
    const roots = rootsOf(touched, added, large);
    // `reconcile` lets go of the hosts of counts that went; a host whose count stays is gone only if the
    // site removed it, which the observer saw: only then are the hosts looked over for one to put back.
    const restore = hostRemoved;
    resetBatch();
    const detections: Detection[] = [];
    for (const root of roots) detections.push(...detect(root, url));
    show(detections, roots, restore);
    options.onPass?.(detections);
  };

  /**
   * Did an immediate pass run in the current frame? Then the next pass waits for the frame after. The
   * document timeline's current time names the frame (it changes once per frame, not between tasks), so
   * no frame callback is needed to notice a new one; with a custom `frame` scheduler (tests) or without
   * a timeline, a frame callback clears the flag.
   */
  const timeline = options.frame ? undefined : doc.timeline;
  let immediateFrame: CSSNumberish | null | undefined;
  let passedFlag = false;
  const passedThisFrame = () => (timeline ? immediateFrame !== undefined && immediateFrame === timeline.currentTime : passedFlag);
  const schedule = () => {
    if (cancelFrame || stopped) return;
    cancelFrame = passedThisFrame() ? frame(() => (cancelFrame = frame(pass))) : frame(pass);
  };
  const passNow = () => {
    if (timeline) {
      immediateFrame = timeline.currentTime;
    } else {
      passedFlag = true;
      frame(() => (passedFlag = false));
    }
    pass();
  };

  const deferFullRescan = () => {
    resetBatch();
    if (!cancelIdle)
      cancelIdle = idle(() => {
        cancelIdle = undefined;
        if (!stopped) {
          navigated();
          scan();
        }
      });
  };

  const quiet = options.quiet;
  /** Is `node` a quiet container? Is it one or inside one? Only elements can be. */
  const isQuiet = (node: Node): boolean => quiet !== undefined && node.nodeType === 1 && (node as Element).matches(quiet);
  const inQuiet = (node: Node): boolean => quiet !== undefined && node.nodeType === 1 && (node as Element).closest(quiet) !== null;

  const observer = new MutationObserver((records) => {
    if (cancelIdle) {
      // Everything will be rescanned; only a navigation matters meanwhile.
      schedule();
      return;
    }
    let relevant = false;
    // Plain index loops: this callback runs for every change the page makes, so it allocates nothing.
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      if (record.type === 'characterData') {
        const parent = record.target.parentNode;
        if (parent && !isPromptHost(parent) && !inQuiet(parent)) {
          touched.add(parent);
          relevant = true;
        }
        continue;
      }
      if (isPromptHost(record.target) || inQuiet(record.target)) continue;
      let grew = false;
      let shrank = false;
      const { addedNodes, removedNodes } = record;
      for (let i = 0; i < addedNodes.length; i++) {
        const node = addedNodes[i]!;
        // Our own insertions (a new or restored host) are not changes to look at; nor is a new post.
        if (isPromptHost(node) || isQuiet(node)) continue;
        grew = true;
        addedCount++;
        if (node.nodeType === 1) added.add(node as Element);
      }
      for (let i = 0; i < removedNodes.length; i++) {
        const node = removedNodes[i]!;
        if (isPromptHost(node)) {
          // Removed by the site (we forget our own hosts before removing them).
          if (hosts.owns(node)) hostRemoved = relevant = true;
          continue;
        }
        // A post scrolled out of a virtualized list held no count, so nothing of ours went with it.
        if (isQuiet(node)) continue;
        shrank = true;
      }
      if (grew) {
        touched.add(record.target);
        relevant = true;
      } else if (shrank) {
        shrunk.add(record.target);
        relevant = true;
      }
      // Thousands of nodes at once (a timeline page loading, a framework re-rendering everything), or a
      // hidden tab piling up changes no frame has processed: one full rescan beats per-node work.
      if (addedCount > BULK_NODES || touched.size + shrunk.size + added.size > BULK_NODES) {
        deferFullRescan();
        break;
      }
    }
    if (!relevant && !cancelIdle) return;
    const small = addedCount <= IMMEDIATE_NODES && touched.size + shrunk.size + added.size <= IMMEDIATE_NODES;
    if (options.immediate && small && !cancelIdle && !cancelFrame && !passedThisFrame()) passNow();
    else schedule();
  });

  const onPopState = () => schedule();
  // An orphan's prompts go when the user comes back to the page or points at one, even on a page that
  // does not change (no pass to notice): capture, so before the prompt under the pointer sees the event.
  const check = () => ctx.isInvalid;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    cancelFrame?.();
    cancelIdle?.();
    win.removeEventListener('popstate', onPopState);
    for (const type of CHECK_ON) win.removeEventListener(type, check, true);
    resetBatch();
    hosts.clear();
    if (typeof removeInvalidated === 'function') removeInvalidated();
  };

  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  win.addEventListener('popstate', onPopState);
  for (const type of CHECK_ON) win.addEventListener(type, check, true);
  const removeInvalidated: unknown = ctx.onInvalidated(stop);
  scan();
  return {
    scan,
    flush: () => {
      if (cancelFrame) {
        cancelFrame();
        pass();
      }
    },
    stop,
    hosts,
  };
}
