/** @vitest-environment happy-dom */
/**
 * Site health in the content script (utils/health/recorder.ts): one record per page view that should show counts,
 * once the page has settled; late counts correct an empty record; nothing for pages without count regions.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { takeDiagnosis } from '../../utils/health/diagnosis';
import { LATEST_MS, SETTLE_MS, startHealth } from '../../utils/health/recorder';
import type { Detection, Layer } from '../../utils/sites/types';

interface Timer {
  at: number;
  callback: () => void;
}

let now = 0;
let timers: Timer[] = [];
/** Timers set so far. */
let made = 0;
const setTimer = (callback: () => void, ms: number) => {
  made++;
  const timer = { at: now + ms, callback };
  timers.push(timer);
  return () => void (timers = timers.filter((t) => t !== timer));
};
function advance(ms: number) {
  const end = now + ms;
  for (;;) {
    const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
    if (!next) break;
    timers = timers.filter((t) => t !== next);
    now = next.at;
    next.callback();
  }
  now = end;
}

let sent: unknown[] = [];
const send = (async (message: unknown) => {
  sent.push(message);
  return { ok: true };
}) as never;

let header: HTMLElement;
let regions: Element[];

function detection(element: Element, via: Layer = 'hook'): Detection {
  return { element, site: 'x', metric: 'followers', value: 5, approximate: false, own: false, text: '5 Followers', via };
}

let scope: object;

function start() {
  const clock = () => now;
  return startHealth({ siteId: 'x', send, doc: document, setTimer, clock, scope, regions: () => ({ elements: regions, page: 'profile' }) });
}

beforeEach(() => {
  scope = {};
  now = 0;
  timers = [];
  made = 0;
  sent = [];
  const page = new DOMParser().parseFromString(
    '<main><section><h1>Jane</h1><a href="/jane/followers"><span>5</span> <span>Followers</span></a></section></main>',
    'text/html',
  );
  document.body.replaceChildren(...Array.from(page.body.childNodes));
  header = document.querySelector('section')!;
  regions = [header];
});

describe('site health', () => {
  it('records a view with counts once the page settled, by their layer, without a diagnostic for hooks', () => {
    const health = start();
    health.passed([detection(header.querySelector('a')!)]);
    advance(SETTLE_MS - 1);
    expect(sent).toEqual([]);
    advance(1);
    expect(sent).toEqual([{ type: 'health/add', health: { siteId: 'x', found: true, via: 'hook' } }]);
    advance(LATEST_MS);
    expect(sent).toHaveLength(1);
  });

  it('records an empty view when the header rendered without counts, and leaves its regions for a diagnosis', () => {
    start();
    advance(SETTLE_MS);
    expect(sent).toEqual([{ type: 'health/add', health: { siteId: 'x', found: false, diagnose: true } }]);
    expect(takeDiagnosis(scope)).toEqual({ regions: [header], site: 'x', page: 'profile' });
    expect(takeDiagnosis(scope)).toBeUndefined();
  });

  it('records nothing on a page without count regions (a feed, a header not rendered yet)', () => {
    regions = [];
    start();
    advance(LATEST_MS * 2);
    expect(sent).toEqual([]);
  });

  it('waits while the page keeps changing, up to LATEST_MS', () => {
    const health = start();
    for (let t = 0; t < LATEST_MS; t += 1000) {
      health.passed([]);
      advance(1000);
    }
    expect(sent).toHaveLength(1);
    expect(now).toBeGreaterThanOrEqual(LATEST_MS);
  });

  it('judges SETTLE_MS after the last pass, with no timer set per pass', () => {
    const health = start();
    // A pass every 20 ms for two seconds (hovercards coming and going): the view's two timers, no more.
    for (let i = 0; i < 100; i++) {
      health.passed([]);
      advance(20);
    }
    expect(made).toBe(2);
    // The last pass was 20 ms ago.
    advance(SETTLE_MS - 21);
    expect(sent).toEqual([]);
    advance(1);
    expect(sent).toHaveLength(1);
    expect(made).toBe(3);
  });

  it('turns an empty record into a view with counts when they come late, once', () => {
    const health = start();
    advance(SETTLE_MS);
    const link = header.querySelector('a')!;
    health.passed([detection(link, 'label')]);
    health.passed([detection(link, 'label')]);
    expect(sent.slice(1)).toEqual([{ type: 'health/add', health: { siteId: 'x', found: true, via: 'label', corrects: true } }]);
  });

  it('reports the least trusted layer of the view, with a diagnostic when it fell back', () => {
    const health = start();
    const other = document.createElement('a');
    header.append(other);
    health.passed([detection(header.querySelector('a')!, 'hook'), detection(other, 'generic')]);
    advance(SETTLE_MS);
    expect(sent).toEqual([{ type: 'health/add', health: { siteId: 'x', found: true, via: 'generic', diagnose: true } }]);
    expect(takeDiagnosis(scope)?.regions).toEqual([header]);
  });

  it('ignores counts outside the expected regions (a hovercard on the page)', () => {
    const health = start();
    const card = document.createElement('div');
    const link = document.createElement('a');
    link.href = '/sam/followers';
    link.textContent = '7 Followers';
    card.append(link);
    document.body.append(card);
    health.passed([detection(card.querySelector('a')!)]);
    advance(SETTLE_MS);
    expect(sent).toMatchObject([{ health: { found: false } }]);
  });

  it('starts over on a single-page navigation', () => {
    const health = start();
    advance(SETTLE_MS);
    health.newPageView();
    health.passed([detection(header.querySelector('a')!)]);
    advance(SETTLE_MS);
    expect(sent).toMatchObject([{ health: { found: false } }, { health: { found: true, via: 'hook' } }]);
  });

  it('waits for a hidden tab to be seen before judging it', () => {
    const state = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
    let visibility = 'hidden';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    try {
      start();
      advance(LATEST_MS);
      expect(sent).toEqual([]);
      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      advance(SETTLE_MS);
      expect(sent).toHaveLength(1);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      if (state) Object.defineProperty(Document.prototype, 'visibilityState', state);
    }
  });

  it('stops', () => {
    const health = start();
    health.stop();
    advance(LATEST_MS);
    expect(sent).toEqual([]);
  });
});
