/**
 * The live layer, free of the adapter registry: it runs with the adapters it is given, so each content
 * script bundles only its own site's adapter (entrypoints/*.content.ts). tests/unit/live-registry.ts binds it
 * to the whole registry (the tests, the any-page defaults).
 *
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
import type { MountPrompt, PromptEnvironment } from './prompt-contract';
import { contextFor, detectInContext } from '../detection/detect-with';
import type { sendToBackground } from '../messaging/client';
import type { SiteMode, SiteState } from '../settings/items';
import { isPromptHost, PromptHosts, type PromptHostHooks } from './hosts';
import { whenIdle } from './idle';
import { claimingAdapter, hostSiteId } from '../sites/choose';
import type { Detection, SiteAdapter, SiteContext } from '../sites/types';
import { repeat, startActivity, type ActivityOptions, type ActivityRecorder } from './activity';
import { startHealth, type HealthOptions, type HealthRecorder } from '../health/recorder';

/** More added nodes (or changed places) than this in one batch: one deferred full rescan (Dark Reader's number). */
export const BULK_NODES = 1000;
/**
 * A root for a partial pass has fewer elements than this below it (a count has about 1–8), so a pass stays
 * cheap. Elements, not nodes: the browser counts them natively (`subtreeBelow`).
 */
export const SMALL_ROOT_ELEMENTS = 100;
/** How many levels above a change a root may be: enough to hold a count and its label. */
export const ROOT_LEVELS = 6;
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
  /** Every count a pass found (`detections`) and those that are new or changed (`changed`). */
  onDetected?(detections: readonly Detection[], changed: readonly Detection[]): void;
  /** The URL changed without a load: a new page view. */
  onNavigate?(url: string): void;
  /** Every pass and scan, with what it found (often nothing): site health waits for the page to settle. */
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

/** Largest batch handled immediately: a header or a hovercard, not a page of timeline. */
export const IMMEDIATE_NODES = 64;

/** `detect(root, url, lang)` (utils/detection/detect.ts) or the same over a content script's own adapters. */
export type Detect = (root: ParentNode, url: string | URL, lang?: string | null) => Detection[];

/**
 * The adapters a content script carries. The page's adapter is chosen by the registry's rule
 * (utils/sites/choose.ts): by host, then by markup, else `generic`.
 */
export interface SiteSet {
  adapters: readonly SiteAdapter[];
  /** For pages none of `adapters` claims. Without it the first adapter reads the page: a script injected only on its hosts. */
  generic?: SiteAdapter;
}

export function adapterIn(sites: SiteSet, url: URL, doc?: Document): SiteAdapter {
  return chooseAdapter(sites, url, doc).adapter;
}

/** `adapterIn`, and whether the choice is settled (by host or by markup) rather than the fallback. */
function chooseAdapter(sites: SiteSet, url: URL, doc?: Document): { adapter: SiteAdapter; settled: boolean } {
  const claiming = claimingAdapter(sites.adapters, url, doc);
  if (claiming) return { adapter: claiming, settled: true };
  const fallback = sites.generic ?? sites.adapters[0];
  if (!fallback) throw new Error('Running For: a content script needs at least one site adapter');
  return { adapter: fallback, settled: false };
}

/**
 * Detection over a site set: `detect` with the set's choice of adapter instead of the registry's.
 * The adapter and its page context are worked out once per URL, language and document, not once per
 * root: a pass over a timeline batch detects in dozens of roots, and parsing the URL and testing every
 * page type for each of them was most of the cost of a root with no count in it. An adapter chosen
 * only as the fallback is chosen again on the next call, since the page's markup may yet show whose
 * it is (a Mastodon instance still loading).
 */
export function detectIn(sites: SiteSet): Detect {
  let memo: { key: string; doc: Document; adapter: SiteAdapter; ctx: SiteContext; settled: boolean } | undefined;
  return (root, url, lang) => {
    const doc: Document = (root as Node).ownerDocument ?? (root as Document);
    const href = typeof url === 'string' ? url : url.href;
    // The language is part of the key: a single-page app may switch <html lang> without a navigation.
    const key = `${lang || doc.documentElement?.getAttribute('lang') || ''} ${href}`;
    if (!memo || memo.key !== key || memo.doc !== doc || !memo.settled) {
      const location = typeof url === 'string' ? new URL(url) : url;
      const { adapter, settled } = chooseAdapter(sites, location, doc);
      memo = { key, doc, adapter, ctx: contextFor(adapter, doc, location, lang), settled };
    }
    return detectInContext(memo.adapter, root, memo.ctx);
  };
}

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

  const report = (detections: Detection[], changed: Detection[]) => {
    if (detections.length || changed.length) options.onDetected?.(detections, changed);
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
    report(detections, hosts.reconcile(detections, 'page'));
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
    report(detections, hosts.reconcile(detections, roots, restore));
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

/**
 * The roots to detect in for a batch: for each change, the highest small ancestor within ROOT_LEVELS
 * (so a count whose number or label changed is whole inside it); an added subtree under a large
 * parent is its own root. Roots inside other roots are dropped.
 *
 * `large` remembers nodes found large in earlier batches (a timeline, the page's main column), so the
 * batch after them does not count them again: the count is native but goes through the whole subtree (a
 * timeline of thousands of posts), and a growing timeline is reached by every batch. The live layer
 * forgets them on each full scan. (A container that shrinks meanwhile still counts as large: a count
 * left directly inside it waits for that scan — a navigation, a bulk rescan.)
 */
export function rootsOf(touched: ReadonlySet<Node>, added: ReadonlySet<Element>, large?: WeakSet<Node>): Set<Element> {
  const climbed = new Map<Node, Element | null>();
  const small = new Map<Node, boolean>();
  const isSmall = (node: Element): boolean => {
    let known = small.get(node);
    if (known === undefined) {
      known = !large?.has(node) && subtreeBelow(node) < SMALL_ROOT_ELEMENTS;
      small.set(node, known);
      if (!known) large?.add(node);
    }
    return known;
  };
  const climb = (start: Node): Element | null => {
    if (climbed.has(start)) return climbed.get(start) ?? null;
    let root: Element | null = null;
    let node: Node | null = start;
    for (let level = 0; node && level <= ROOT_LEVELS; level++, node = node.parentNode) {
      // Never the whole document (that is a full scan, only done on purpose), and a large node means
      // every ancestor is larger still.
      if (node.nodeType !== 1 || !isSmall(node as Element)) break;
      root = node as Element;
    }
    climbed.set(start, root);
    return root;
  };

  const candidates = new Set<Element>();
  for (const node of touched) {
    if (!node.isConnected) continue;
    const root = climb(node);
    if (root) candidates.add(root);
  }
  for (const element of added) {
    if (!element.isConnected) continue;
    const parent = element.parentNode;
    candidates.add((parent && climb(parent)) ?? element);
  }
  if (candidates.size < 2) return candidates;
  // Is a candidate inside another? Ancestors already walked from one candidate are remembered, so fifty
  // posts added to one timeline walk its ancestors once, not fifty times.
  const coveredAbove = new Map<Node, boolean>();
  const roots = new Set<Element>();
  for (const candidate of candidates) {
    const path: Node[] = [];
    let nested = false;
    for (let node = candidate.parentNode; node; node = node.parentNode) {
      const known = coveredAbove.get(node);
      if (known !== undefined) {
        nested = known;
        break;
      }
      path.push(node);
      if (candidates.has(node as Element)) {
        nested = true;
        break;
      }
    }
    // Every node on the way up is covered exactly when the candidate is (a candidate among them included).
    for (const node of path) coveredAbove.set(node, nested);
    if (!nested) roots.add(candidate);
  }
  return roots;
}

/** How far above a prompted count a removal can still change it: the count's label may sit a few levels away. */
export const REMOVAL_LEVELS = 3;

/**
 * Can removing children of a node change what is detected? Only at a count that has a prompt: the node is
 * the count's element or inside it (a digit or the label went), or the node and the count share an
 * ancestor at most REMOVAL_LEVELS above the count (a label beside it went). Counts that went with the
 * removed nodes are let go by `reconcile` in any case, and a removal adds nothing to find — unless a count
 * stands in for one that went (SiteAdapter.standIns, which the caller handles). A hovercard closing beside
 * another one (X's #layers) is none of these: no detection runs for it.
 *
 * Returns the test for `prompted`, built once per pass: the counts' elements and their ancestors up to
 * REMOVAL_LEVELS go in a set, and a node is near when it or one of its ancestors is in it — one walk up
 * per removal, however many prompts the page has.
 */
export function nearPrompt(prompted: readonly Element[]): (node: Node) => boolean {
  const near = new Set<Node>();
  for (const element of prompted) {
    // A count that went is let go; nothing connected is near it.
    if (!element.isConnected) continue;
    let around: Node | null = element;
    for (let level = 0; around && level <= REMOVAL_LEVELS; level++, around = around.parentNode) near.add(around);
  }
  return (node) => {
    if (near.size === 0 || !node.isConnected) return false;
    for (let at: Node | null = node; at; at = at.parentNode) if (near.has(at)) return true;
    return false;
  };
}

/**
 * How many elements are below `element`. Counted by the browser: a walk in script would make a wrapper in
 * the content script's world for every node it passes (each lookup costs more than the count itself), and
 * a climb asks this of several nested ancestors. Large nodes are asked once (`large` in rootsOf).
 */
function subtreeBelow(element: Element): number {
  return element.getElementsByTagName('*').length;
}

/**
 * The page's count regions where a page view should show counts (site health): the adapter's regions,
 * hovercards excluded, when the adapter is the page's by host or markup; none for the generic detector.
 */
export function expectedRegions(sites: SiteSet, url: URL, doc: Document): { elements: Element[]; page?: string } {
  const { adapter, settled } = chooseAdapter(sites, url, doc);
  if (!settled || !adapter.regions) return { elements: [] };
  const ctx = contextFor(adapter, doc, url);
  return {
    elements: adapter
      .regions(ctx)
      .filter((region) => !region.transient)
      .map((region) => region.element),
    page: ctx.page,
  };
}

/** What the page's adapter tells the live layer (quiet containers, stand-ins), when the adapter is the page's by host or markup (not a fallback). */
export function liveHintsOf(sites: SiteSet, url: URL, doc: Document): Pick<LiveDetectorOptions, 'quiet' | 'standIns'> {
  const { adapter, settled } = chooseAdapter(sites, url, doc);
  return settled ? { quiet: adapter.quiet, standIns: adapter.standIns } : {};
}

/**
 * The site id a page reports under: its adapter's id, or for a page only the generic detector reads
 * (a blog the user turned Running For on for) its host — the id the background accepts from it.
 */
export function siteIdOf(sites: SiteSet, url: URL, doc: Document): string {
  const adapter = adapterIn(sites, url, doc);
  return adapter === sites.generic ? hostSiteId(url.hostname) : adapter.id;
}

export interface LiveLayerDeps {
  /** The adapters this content script carries. */
  sites: SiteSet;
  mount: MountPrompt;
  send: typeof sendToBackground;
  now: () => Date;
  /**
   * The settings the live layer obeys: the page's site's mode and snooze (a content script asks the
   * background, `settings/site`). A site the background refuses to answer for is `off`.
   */
  settings(siteId: string): Promise<SiteState>;
  /** Call `onChange` whenever the site's mode or snooze may have changed; returns an unwatch function. */
  watchSettings(onChange: () => void): () => void;
  doc?: Document;
  location?: () => string;
  win?: Window;
  /**
   * Work the first scan needs that can run before it, each step in a task of its own while the settings
   * are read (the page language's number separators — the first Intl call, which loads the locale's
   * data —, its unit table, the label words, the prompt's formatter): the start is then a few short
   * tasks instead of one long one. A step that returns a promise (loading the page's language pack) is
   * waited for before the next.
   */
  prepare?: ReadonlyArray<(doc: Document) => unknown>;
  /** Options passed on to the detector (schedulers, detect) and the activity recorder (clock, observers). */
  detector?: Partial<Pick<LiveDetectorOptions, 'frame' | 'idle' | 'detect'>>;
  activity?: Pick<ActivityOptions, 'clock' | 'every' | 'IntersectionObserver'>;
  health?: Pick<HealthOptions, 'setTimer'>;
}

export interface LiveLayer {
  /** Settles once the settings were read and the layer is running (or not, by the settings). */
  readonly ready: Promise<void>;
  /** The running detector, if any (tests). */
  detector(): LiveDetector | undefined;
  stop(): void;
}

/** The live layer's state on a page, as `startLiveLayer` leaves it on the content script's global. */
export interface LiveProgress {
  /** `stopped`: for good — the extension was updated, reloaded or turned off (its observer is disconnected). */
  state: 'starting' | 'off' | 'snoozed' | Exclude<SiteMode, 'off'> | 'stopped';
  /** Detection passes run (the first is the whole page's). */
  passes: number;
}

/** Longest setTimeout browsers honour (2^31 − 1 ms); a longer snooze is re-checked when it fires. */
const MAX_TIMEOUT = 2_147_483_647;

/**
 * The whole live layer of a page, by the settings: nothing for a site in `off` mode; while the site
 * is snoozed, no prompts (activity is still recorded: time on the site is part of "feeling big");
 * otherwise the detector with prompts in `reframe` or `hide` mode. Follows settings changes as they
 * happen, and the end of a snooze.
 */
export function startLiveLayer(ctx: LiveDetectorContext, deps: LiveLayerDeps): LiveLayer {
  const doc = deps.doc ?? document;
  const location = deps.location ?? (() => doc.URL);
  const siteId = siteIdOf(deps.sites, new URL(location()), doc);
  const genericId = deps.sites.generic?.id;
  // The names site pickers show (components/labels.ts): an adapter's own; an added site by its host (its id).
  const siteName = (id: string) => deps.sites.adapters.find((adapter) => adapter.id === id)?.name ?? id;
  let detector: LiveDetector | undefined;
  let detectorMode: Exclude<SiteMode, 'off'> | undefined;
  let recorder: ActivityRecorder | undefined;
  let health: HealthRecorder | undefined;
  let snoozeTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let generation = 0;
  /**
   * What the layer has done on this page, on the content script's own global — the isolated world, which
   * the page cannot read: the state its settings put it in and its detection passes. Nothing in the
   * extension reads it; the end-to-end tests wait on it before they check that a page got no prompt
   * (tests/e2e/extension.ts `liveLayerSettled`), instead of waiting a fixed time.
   */
  const progress: LiveProgress = { state: 'starting', passes: 0 };
  (globalThis as { runningForLive?: LiveProgress }).runningForLive = progress;

  const stopDetector = () => {
    detector?.stop();
    detector = undefined;
    detectorMode = undefined;
    health?.stop();
    health = undefined;
  };

  const startDetector = (mode: Exclude<SiteMode, 'off'>) => {
    const env: PromptEnvironment = { mode, send: deps.send, now: deps.now, siteName };
    const activity = recorder;
    detectorMode = mode;
    const pageHealth = startHealth({
      ...deps.health,
      siteId,
      send: deps.send,
      doc,
      regions: () => expectedRegions(deps.sites, new URL(location()), doc),
    });
    health = pageHealth;
    detector = startLiveDetector(ctx, {
      immediate: true,
      ...liveHintsOf(deps.sites, new URL(location()), doc),
      ...deps.detector,
      detect: deps.detector?.detect ?? detectIn(deps.sites),
      doc,
      location,
      win: deps.win,
      mount: (host, detection, look) => {
        // The prompt reports under the page's site id: for a page only the generic detector reads, its host
        // (the id the background accepts from that origin), while the host element keeps `data-site="generic"`.
        const forJournal = (d: Detection): Detection => (d.site === genericId ? { ...d, site: siteId } : d);
        const controller = deps.mount(host, forJournal(detection), env, look);
        return {
          update: (d) => controller.update(forJournal(d)),
          destroy: () => controller.destroy(),
          restyle: (next) => controller.restyle?.(next),
          recycle: () => controller.recycle?.() ?? false,
        };
      },
      onAdded: (host) => activity?.watchPrompt(host),
      onRemoved: (host) => activity?.unwatchPrompt(host),
      onDetected: (detections) => activity?.countsDetected(detections),
      onPass: (detections) => {
        progress.passes++;
        pageHealth.passed(detections);
      },
      onNavigate: () => {
        activity?.newPageView();
        pageHealth.newPageView();
      },
    });
  };

  const step = (run: (doc: Document) => unknown) =>
    new Promise<void>((resolve) =>
      setTimeout(() => {
        const failed = (error: unknown) => {
          // Only a head start: the scan builds what it needs anyway.
          console.warn('Running For: preparing failed', error);
          resolve();
        };
        try {
          // A step may wait for something (a language pack); the next one starts after it.
          void Promise.resolve(stopped ? undefined : run(doc)).then(() => resolve(), failed);
        } catch (error) {
          failed(error);
        }
      }, 0),
    );
  let prepared: Promise<void> | undefined = deps.prepare?.length
    ? deps.prepare.reduce<Promise<void>>((previous, run) => previous.then(() => step(run)), Promise.resolve())
    : undefined;

  const apply = async () => {
    const mine = ++generation;
    // An orphan reads no settings (its messages throw there): the snooze timer's tick asks first.
    if (ctx.isInvalid) return;
    let settings: SiteState;
    try {
      settings = await deps.settings(siteId);
      if (prepared) await prepared;
      prepared = undefined;
    } catch (error) {
      console.warn('Running For: settings could not be read', error);
      return;
    }
    // A newer change was read meanwhile, or the extension stopped: this answer is stale.
    if (stopped || mine !== generation) return;
    clearTimeout(snoozeTimer);
    const { mode, snoozedUntil } = settings;
    if (mode === 'off') {
      stopDetector();
      recorder?.stop();
      recorder = undefined;
      progress.state = 'off';
      return;
    }
    // The activity recorder's tick asks too: an orphan on a page that never changes stops within FLUSH_EVERY_MS.
    const every = deps.activity?.every ?? repeat;
    recorder ??= startActivity({
      ...deps.activity,
      every: (ms, tick) => every(ms, () => void (ctx.isInvalid || tick())),
      siteId,
      send: deps.send,
      doc,
      win: deps.win,
    });
    const wait = snoozedUntil === null ? 0 : Date.parse(snoozedUntil) - deps.now().getTime();
    if (wait > 0) {
      stopDetector();
      snoozeTimer = setTimeout(() => void apply(), Math.min(wait + 50, MAX_TIMEOUT));
      progress.state = 'snoozed';
      return;
    }
    progress.state = mode;
    if (detector && detectorMode === mode) return;
    // The mode changed (reframe ↔ hide): prompts are mounted again with the new environment.
    stopDetector();
    startDetector(mode);
  };

  const unwatch = deps.watchSettings(() => void apply());
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unwatch();
    clearTimeout(snoozeTimer);
    stopDetector();
    recorder?.stop();
    recorder = undefined;
    progress.state = 'stopped';
  };
  ctx.onInvalidated(stop);
  return { ready: apply(), detector: () => detector, stop };
}
