/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLUSH_EVERY_MS, IDLE_AFTER_MS, startActivity, type ActivityRecorder } from '../../utils/live/activity';
import { parseMessage } from '../../utils/messaging/protocol';
import type { Detection } from '../../utils/sites/types';

/** An IntersectionObserver the test drives: `show(el)` reports it as on screen. */
class FakeIntersectionObserver {
  static current: FakeIntersectionObserver | undefined;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.current = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  show(target: Element) {
    if (!this.observed.has(target)) return;
    this.callback([{ target, isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

const SECOND = 1000;

describe('activity', () => {
  let now: number;
  let sent: unknown[];
  let tick: (() => void) | undefined;
  let recorder: ActivityRecorder;
  let visibility: DocumentVisibilityState;
  let focus: boolean;

  const start = () =>
    (recorder = startActivity({
      siteId: 'x',
      send: (async (message: unknown) => {
        sent.push(message);
        return { ok: true };
      }) as never,
      clock: () => now,
      every: (_ms, callback) => ((tick = callback), () => (tick = undefined)),
      IntersectionObserver: FakeIntersectionObserver as unknown as typeof IntersectionObserver,
    }));
  const wait = (ms: number) => (now += ms);
  const activityMessages = () =>
    sent.filter((m): m is { type: 'activity/add'; activity: Record<string, number> } => (m as { type: string }).type === 'activity/add');
  const setVisibility = (state: DocumentVisibilityState) => {
    visibility = state;
    document.dispatchEvent(new Event('visibilitychange'));
  };

  beforeEach(() => {
    now = 1_000_000;
    sent = [];
    visibility = 'visible';
    focus = true;
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    vi.spyOn(document, 'hasFocus').mockImplementation(() => focus);
  });
  afterEach(() => {
    recorder?.stop();
    vi.restoreAllMocks();
  });

  it('counts time while the tab is visible, focused and the user not idle', () => {
    start();
    wait(10 * SECOND);
    expect(recorder.pending().activeMs).toBe(10 * SECOND);
    // No input for longer than the idle limit: only the first minute after the last input counts.
    wait(5 * 60 * SECOND);
    expect(recorder.pending().activeMs).toBe(IDLE_AFTER_MS);
    // Input again: active from that moment.
    window.dispatchEvent(new Event('keydown'));
    wait(20 * SECOND);
    expect(recorder.pending().activeMs).toBe(IDLE_AFTER_MS + 20 * SECOND);
  });

  it('keeps idle time out even when input arrives long after', () => {
    start();
    wait(IDLE_AFTER_MS + 30 * SECOND);
    window.dispatchEvent(new Event('pointermove'));
    wait(5 * SECOND);
    window.dispatchEvent(new Event('wheel'));
    wait(5 * SECOND);
    expect(recorder.pending().activeMs).toBe(IDLE_AFTER_MS + 10 * SECOND);
  });

  it('stops counting while the tab is hidden or the window not focused', () => {
    start();
    wait(5 * SECOND);
    setVisibility('hidden');
    wait(60 * SECOND);
    setVisibility('visible');
    wait(5 * SECOND);
    focus = false;
    window.dispatchEvent(new Event('blur'));
    wait(60 * SECOND);
    focus = true;
    window.dispatchEvent(new Event('focus'));
    wait(5 * SECOND);
    // Hiding the tab sent the first five seconds; ten more are pending.
    expect(activityMessages().map((m) => m.activity.activeMs)).toEqual([5 * SECOND]);
    expect(recorder.pending().activeMs).toBe(10 * SECOND);
  });

  it('flushes every interval in small messages, and everything when the page is left', () => {
    start();
    wait(FLUSH_EVERY_MS);
    tick!();
    expect(activityMessages()).toEqual([
      { type: 'activity/add', activity: { siteId: 'x', activeMs: FLUSH_EVERY_MS, metricsSeen: 0, promptsShown: 0 } },
    ]);
    // Nothing new: a periodic flush sends nothing.
    tick!();
    expect(activityMessages()).toHaveLength(1);
    wait(300);
    window.dispatchEvent(new Event('pagehide'));
    expect(activityMessages().at(-1)?.activity.activeMs).toBe(300);
    // Every message is one the background accepts.
    for (const message of sent) expect(parseMessage(message).ok).toBe(true);
  });

  it('splits a long stretch into messages within the API limit', () => {
    start();
    // Timers can be late (a throttled tab): 25 minutes of input every 30 s before one flush.
    for (let i = 0; i < 50; i++) {
      wait(30 * SECOND);
      window.dispatchEvent(new Event('scroll'));
    }
    recorder.flush();
    const parts = activityMessages().map((m) => m.activity.activeMs);
    expect(parts).toEqual([10 * 60 * SECOND, 10 * 60 * SECOND, 5 * 60 * SECOND]);
    for (const message of sent) expect(parseMessage(message).ok).toBe(true);
  });

  it('counts distinct counts seen per page view, and prompts shown once each', () => {
    start();
    const a = document.createElement('a');
    const b = document.createElement('a');
    const detection = (element: Element, value: number): Detection => ({
      element,
      site: 'x',
      metric: 'followers',
      value,
      approximate: false,
      own: false,
      text: 'hidden',
      via: 'hook',
    });
    recorder.countsDetected([detection(a, 1), detection(b, 2)]);
    recorder.countsDetected([detection(a, 3)]);
    expect(recorder.pending().metricsSeen).toBe(2);
    recorder.newPageView();
    recorder.countsDetected([detection(a, 3)]);
    expect(recorder.pending().metricsSeen).toBe(3);

    const host = document.createElement('running-for-prompt');
    const offscreen = document.createElement('running-for-prompt');
    recorder.watchPrompt(host);
    recorder.watchPrompt(offscreen);
    FakeIntersectionObserver.current!.show(host);
    FakeIntersectionObserver.current!.show(host);
    recorder.watchPrompt(host);
    FakeIntersectionObserver.current!.show(host);
    expect(recorder.pending().promptsShown).toBe(1);
    recorder.unwatchPrompt(offscreen);
    FakeIntersectionObserver.current!.show(offscreen);
    expect(recorder.pending().promptsShown).toBe(1);
    // A host whose count went and that comes back for another (a recycled prompt) is shown anew.
    recorder.unwatchPrompt(host);
    recorder.watchPrompt(host);
    FakeIntersectionObserver.current!.show(host);
    expect(recorder.pending().promptsShown).toBe(2);

    recorder.flush();
    expect(activityMessages().at(-1)?.activity).toMatchObject({ metricsSeen: 3, promptsShown: 2 });
    // Counts only: no page text or profile in any message.
    expect(JSON.stringify(sent)).not.toContain('hidden');
  });

  it('records the user’s own counts as snapshots when first seen and when they change, and nobody else’s', () => {
    start();
    const element = document.createElement('a');
    const own = (value: number, metric: Detection['metric'] = 'followers'): Detection => ({
      element,
      site: 'x',
      metric,
      value,
      approximate: true,
      own: true,
      text: '12K',
      via: 'hook',
    });
    recorder.countsDetected([own(12000), { ...own(99), own: false }]);
    recorder.countsDetected([own(12000)]);
    recorder.countsDetected([own(12100), own(75, 'following')]);
    const snapshots = sent.filter((m) => (m as { type: string }).type === 'snapshot/add');
    expect(snapshots).toEqual([
      { type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'followers', value: 12000, approximate: true } },
      { type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'followers', value: 12100, approximate: true } },
      { type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'following', value: 75, approximate: true } },
    ]);
    for (const message of snapshots) expect(parseMessage(message).ok).toBe(true);
  });

  it('stops: the last measure is sent, then no listener, timer or observer remains', () => {
    const remove = vi.spyOn(window, 'removeEventListener');
    start();
    wait(2 * SECOND);
    const observer = FakeIntersectionObserver.current!;
    recorder.watchPrompt(document.createElement('running-for-prompt'));
    recorder.stop();
    expect(activityMessages().at(-1)?.activity.activeMs).toBe(2 * SECOND);
    expect(tick).toBeUndefined();
    expect(observer.observed.size).toBe(0);
    expect(remove.mock.calls.map(([type]) => type)).toEqual(
      expect.arrayContaining(['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll', 'focus', 'blur', 'pagehide']),
    );
    const count = sent.length;
    wait(60 * SECOND);
    window.dispatchEvent(new Event('pagehide'));
    recorder.countsDetected([
      {
        element: document.createElement('a'),
        site: 'x',
        metric: 'followers',
        value: 1,
        approximate: false,
        own: true,
        text: '1',
        via: 'hook',
      },
    ]);
    expect(sent).toHaveLength(count);
  });
});
