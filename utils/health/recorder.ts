/**
 * Site health, from the content script's side: does a page that should show counts show them? A page
 * view is *expected* when the adapter finds one of its count regions there (a profile whose header
 * rendered: SiteAdapter.regions, hovercards excluded). Once the page has settled — no pass for SETTLE_MS,
 * or LATEST_MS after the view began, and only while the tab is visible — the view is recorded once
 * (`health/add`): with counts, and by which layer, or empty. Counts that come after an empty record turn
 * it into a view with counts. A view that fell back to labels or found nothing asks for a diagnostic of
 * its regions (utils/health/diagnosis.ts: the background has their structure read, redacted). Numbers and
 * structure only, never page text.
 */
import { leaveDiagnosis } from './diagnosis';
import type { sendToBackground } from '../messaging/client';
import type { Detection, Layer } from '../sites/types';

/** Quiet time after the last change before a page counts as settled. */
export const SETTLE_MS = 3000;
/** A page that never stops changing (a growing timeline) is judged this long after its view began. */
export const LATEST_MS = 15_000;

const TRUST: Readonly<Record<Layer, number>> = { hook: 0, label: 1, generic: 2 };

export interface HealthOptions {
  siteId: string;
  send: typeof sendToBackground;
  /** The page's count regions now (the adapter's, hovercards excluded), and its page type. */
  regions(): { elements: Element[]; page?: string };
  doc?: Document;
  setTimer?: (callback: () => void, ms: number) => () => void;
  /** Milliseconds on `setTimer`'s clock (Date.now: a V8 builtin, no DOM binding to call). */
  clock?: () => number;
  /** Where the regions are left for the diagnostic script (the isolated world's global). */
  scope?: object;
}

export interface HealthRecorder {
  /** A detection pass ran; `detections` is what it found. */
  passed(detections: readonly Detection[]): void;
  /** The URL changed without a load: a new page view. */
  newPageView(): void;
  stop(): void;
}

const timeout = (callback: () => void, ms: number) => {
  const id = setTimeout(callback, ms);
  return () => clearTimeout(id);
};

export function startHealth(options: HealthOptions): HealthRecorder {
  const doc = options.doc ?? document;
  const setTimer = options.setTimer ?? timeout;
  const clock = options.clock ?? Date.now;
  const { siteId, send } = options;
  /** Counts seen in this view, by element, with the layer that found them. */
  let seen = new Map<Element, Layer>();
  let recorded: 'found' | 'empty' | undefined;
  let cancelSettle: (() => void) | undefined;
  /** When the last pass ran (`clock`): the page has settled SETTLE_MS after it. */
  let lastChange = 0;
  let cancelLatest: (() => void) | undefined;
  let stopped = false;

  /** This view's counts that sit in an expected region, and the least trusted layer among them. */
  const countsIn = (regions: readonly Element[]): Layer | undefined => {
    let worst: Layer | undefined;
    for (const [element, via] of seen) {
      if (!element.isConnected || !regions.some((region) => region.contains(element))) continue;
      if (worst === undefined || TRUST[via] > TRUST[worst]) worst = via;
    }
    return worst;
  };

  const report = (found: boolean, via?: Layer, corrects?: boolean, diagnose?: boolean) => {
    void send({
      type: 'health/add',
      health: { siteId, found, ...(via ? { via } : {}), ...(corrects ? { corrects } : {}), ...(diagnose ? { diagnose } : {}) },
    }).catch(() => undefined);
  };

  const judge = () => {
    cancelSettle?.();
    cancelLatest?.();
    cancelSettle = cancelLatest = undefined;
    if (stopped || recorded) return;
    // A hidden tab may not have rendered its page: judge it once it is seen.
    if (doc.visibilityState === 'hidden') {
      const onVisible = () => {
        doc.removeEventListener('visibilitychange', onVisible);
        settleLater();
      };
      doc.addEventListener('visibilitychange', onVisible);
      return;
    }
    let regions: { elements: Element[]; page?: string };
    try {
      regions = options.regions();
    } catch {
      return;
    }
    if (regions.elements.length === 0) return;
    const via = countsIn(regions.elements);
    const diagnose = via !== 'hook';
    if (diagnose) leaveDiagnosis({ regions: regions.elements, site: siteId, page: regions.page }, options.scope);
    recorded = via ? 'found' : 'empty';
    report(via !== undefined, via, false, diagnose);
  };

  /**
   * Every pass moves the settle time on. One timer waits for it, moved on only when it fires: a pass costs a
   * clock read, not a timer cleared and set (in a content script ≈ 0.1 ms a pass, a tenth of a hovercard's cost).
   */
  const settleLater = () => {
    if (stopped || recorded) return;
    lastChange = clock();
    cancelSettle ??= setTimer(settled, SETTLE_MS);
  };

  const settled = () => {
    cancelSettle = undefined;
    if (stopped || recorded) return;
    const wait = lastChange + SETTLE_MS - clock();
    if (wait > 0) cancelSettle = setTimer(settled, wait);
    else judge();
  };

  const begin = () => {
    seen = new Map();
    recorded = undefined;
    cancelLatest?.();
    cancelLatest = setTimer(judge, LATEST_MS);
    cancelSettle?.();
    cancelSettle = undefined;
    settleLater();
  };

  begin();
  return {
    passed(detections) {
      if (stopped) return;
      for (const detection of detections) seen.set(detection.element, detection.via);
      if (recorded === 'empty' && detections.length > 0) {
        // Counts after all: the view was recorded empty too early.
        let regions: Element[] = [];
        try {
          regions = options.regions().elements;
        } catch {
          // keep it empty
        }
        const via = countsIn(regions);
        if (via) {
          recorded = 'found';
          report(true, via, true);
        }
        return;
      }
      settleLater();
    },
    newPageView: begin,
    stop() {
      stopped = true;
      cancelSettle?.();
      cancelLatest?.();
    },
  };
}
