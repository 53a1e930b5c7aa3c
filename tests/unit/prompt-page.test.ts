/** @vitest-environment happy-dom */
/**
 * The prompt page (components/prompt/page.ts, entrypoints/prompt/) as it starts in its frame: it reads
 * and removes its setup, renders the dialog, takes the chip's channel only with the setup's token and
 * only from its parent, says nothing to the page's window, and asks the background for the aim and to
 * store answers (utils/messaging/background.ts). The protocol's checks (protocol.ts) are here too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPromptPage, type PromptPageDeps } from '../../components/prompt/page';
import {
  decodeSetup,
  encodeSetup,
  isConnect,
  readCount,
  readFromFrame,
  readToFrame,
  type FrameSetup,
} from '../../components/prompt/protocol';
import type { PromptMessage } from '../../utils/messaging/prompt-protocol';
import type { DialogView } from '../../components/prompt/dialog';

const TOKEN = '0123456789abcdef0123456789abcdef';
const COUNT = { site: 'x', metric: 'followers' as const, value: 12300, approximate: true, own: false, text: '12.3K Followers' };
const SETUP: FrameSetup = { token: TOKEN, count: COUNT, mode: 'reframe', theme: 'dark', siteName: 'X', lang: 'en' };

/** The page's window, as the frame sees it: something it may post to (and must not). */
let parent: { postMessage: ReturnType<typeof vi.fn> };
let asked: PromptMessage[];
let replies: Partial<Record<PromptMessage['type'], unknown>>;
let view: DialogView | undefined;

/** The frame's window: the real document and location, with the page as its parent. */
function frameWindow(): Window {
  return new Proxy(window, {
    get(target, key) {
      if (key === 'parent') return parent;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function start(hash: string | undefined = `#${encodeSetup(SETUP)}`, deps: PromptPageDeps = {}): DialogView | undefined {
  history.replaceState(null, '', `/prompt.html${hash ?? ''}`);
  view = startPromptPage({
    win: frameWindow(),
    ask: async (message) => {
      asked.push(message);
      return (replies[message.type] ?? { ok: true }) as never;
    },
    snooze: async () => {},
    now: () => new Date(2026, 10, 26, 15),
    ...deps,
  });
  return view;
}

/** The chip connects: a port, posted to this window by the page's window. Returns the chip's end. */
function connect(token = TOKEN, source: unknown = parent) {
  const channel = new MessageChannel();
  const received: unknown[] = [];
  channel.port1.onmessage = ({ data }) => void received.push(data);
  const event = new MessageEvent('message', { data: { rf: 'connect', token } });
  Object.defineProperty(event, 'source', { value: source });
  Object.defineProperty(event, 'ports', { value: [channel.port2] });
  window.dispatchEvent(event);
  return { port: channel.port1, received };
}

const delivered = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
const text = () => document.body.textContent ?? '';
const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((button) => button.textContent === name)!;

beforeEach(() => {
  parent = { postMessage: vi.fn() };
  asked = [];
  replies = { 'prompt/aim': { ok: true, aim: 'Three new clients by March', weekOutcomes: 2 } };
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'prompt' }));
  fakeBrowser.reset();
});

afterEach(() => {
  view?.destroy();
  view = undefined;
  vi.restoreAllMocks();
});

describe('starting', () => {
  it('reads its setup, removes it from the address, renders the dialog and asks the background for the aim', async () => {
    expect(start()).toBeDefined();
    expect(location.hash).toBe('');
    expect(location.pathname).toBe('/prompt.html');
    await vi.waitFor(() => expect(text()).toContain('Three new clients by March'));
    expect(asked).toEqual([{ type: 'prompt/aim' }]);
    expect(text()).toContain('Running For');
  });

  it('without a setup, or a malformed one, renders nothing (and still removes the fragment)', () => {
    expect(start('')).toBeUndefined();
    expect(start('#not-json')).toBeUndefined();
    expect(start(`#${encodeSetup({ ...SETUP, token: 'short' })}`)).toBeUndefined();
    expect(location.hash).toBe('');
    expect(document.querySelector('button')).toBeNull();
    expect(asked).toEqual([]);
  });

  it('opened on its own, not in a frame, renders nothing', () => {
    history.replaceState(null, '', `/prompt.html#${encodeSetup(SETUP)}`);
    expect(startPromptPage({ win: window, ask: async () => ({ ok: true }) as never })).toBeUndefined();
    expect(document.querySelector('button')).toBeNull();
  });

  it("shows the aim's plan from the background's answer", async () => {
    replies['prompt/aim'] = { ok: true, aim: 'Three new clients by March', plan: 'write to one client', weekOutcomes: 2 };
    start();
    await vi.waitFor(() => expect(text()).toContain('Your plan: write to one client'));
  });

  it('with no aim, "Set your aim" opens the first-run page in a new tab (the tabs API, which this framed page has)', async () => {
    replies['prompt/aim'] = { ok: true, aim: null, weekOutcomes: 0 };
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    start();
    await vi.waitFor(() => expect(text()).toContain('No aim yet.'));
    buttonNamed('Set your aim').click();
    await view!.settled();
    expect(created).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/welcome.html'), active: true });
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('says the background did not answer when the extension is gone', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    history.replaceState(null, '', `/prompt.html#${encodeSetup(SETUP)}`);
    view = startPromptPage({ win: frameWindow(), now: () => new Date(2026, 10, 26, 15) });
    await vi.waitFor(() => expect(text()).toContain('Your aim could not be loaded.'));
  });
});

describe("the chip's channel", () => {
  it('says "ready" with its height on the channel once the chip connects, and never posts to the page', async () => {
    start();
    const chip = connect();
    await delivered();
    expect(chip.received).toEqual([{ rf: 'ready', height: expect.any(Number) }]);
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('takes a port only with its token, only from its parent, and only once', async () => {
    start();
    const forged = connect('f'.repeat(32));
    const elsewhere = connect(TOKEN, {});
    await delivered();
    expect(forged.received).toEqual([]);
    expect(elsewhere.received).toEqual([]);
    const chip = connect();
    const late = connect();
    await delivered();
    expect(chip.received).toHaveLength(1);
    expect(late.received).toEqual([]);
  });

  it('shows the counts the chip sends, ignores anything malformed', async () => {
    start();
    const chip = connect();
    chip.port.postMessage({ rf: 'update', count: { ...COUNT, value: 12400, text: '12.4K Followers' } });
    await delivered();
    chip.port.postMessage({ rf: 'update', count: { ...COUNT, value: -1, text: 'broken' } });
    chip.port.postMessage({ rf: 'update', count: { ...COUNT, metric: 'likes', text: 'broken' } });
    chip.port.postMessage({ rf: 'open', count: COUNT, theme: 'sepia' });
    chip.port.postMessage('open');
    await delivered();
    expect(text()).not.toContain('broken');
  });

  it('an answer goes to the background; Done tells the chip to close, on the channel', async () => {
    start();
    const chip = connect();
    await delivered();
    buttonNamed('Nothing yet').click();
    await vi.waitFor(() => expect(text()).toContain('Noted: nothing yet.'));
    expect(asked).toContainEqual({
      type: 'prompt/answer',
      answer: { siteId: 'x', metric: 'followers', value: 12300, own: false, answer: 'nothing-yet' },
    });
    buttonNamed('Done').click();
    await vi.waitFor(() => expect(chip.received).toContainEqual({ rf: 'close', returnFocus: true }));
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('a refused answer is said in the dialog, which stays open', async () => {
    replies['prompt/answer'] = { ok: false, error: 'Refused: too many answers from x this minute.' };
    start();
    const chip = connect();
    await delivered();
    buttonNamed('Nothing yet').click();
    await vi.waitFor(() => expect(text()).toContain('too many answers from x this minute'));
    expect(chip.received.filter((message) => (message as { rf: string }).rf === 'close')).toEqual([]);
  });
});

describe('protocol', () => {
  it('round-trips a setup, and refuses each malformed field', () => {
    expect(decodeSetup(`#${encodeSetup(SETUP)}`)).toEqual(SETUP);
    const withoutLang: FrameSetup = { ...SETUP };
    delete withoutLang.lang;
    expect(decodeSetup(encodeSetup(withoutLang))).toEqual(withoutLang);
    const bad: Record<string, unknown>[] = [
      { token: 'G'.repeat(32) },
      { mode: 'loud' },
      { theme: 'sepia' },
      { lang: 'x'.repeat(36) },
      { siteName: 7 },
      { count: { ...COUNT, value: 1.5 } },
      { count: { ...COUNT, site: 'Not A Site' } },
      { count: { ...COUNT, text: 'x'.repeat(201) } },
      { count: null },
    ];
    for (const fields of bad)
      expect(decodeSetup(encodeSetup({ ...SETUP, ...fields } as FrameSetup)), JSON.stringify(fields)).toBeUndefined();
    expect(decodeSetup('%E0%A4%A')).toBeUndefined();
    expect(decodeSetup('null')).toBeUndefined();
  });

  it('reads counts field by field', () => {
    expect(readCount(COUNT)).toEqual(COUNT);
    expect(readCount({ ...COUNT, extra: 'x' })).toEqual(COUNT);
    expect(readCount({ ...COUNT, value: 2 ** 53 })).toBeUndefined();
    expect(readCount({ ...COUNT, own: 'yes' })).toBeUndefined();
    expect(readCount({ ...COUNT, site: 'a'.repeat(254) })).toBeUndefined();
    expect(readCount({ ...COUNT, site: 'a'.repeat(253) })).toMatchObject({ site: 'a'.repeat(253) });
  });

  it("reads the channel's messages, and nothing else", () => {
    expect(readToFrame({ rf: 'open', count: COUNT, theme: 'light' })).toEqual({ rf: 'open', count: COUNT, theme: 'light' });
    expect(readToFrame({ rf: 'update', count: COUNT, theme: 'ignored' })).toEqual({ rf: 'update', count: COUNT });
    expect(readToFrame({ rf: 'open', count: COUNT })).toBeUndefined();
    expect(readToFrame({ rf: 'close', count: COUNT })).toBeUndefined();
    expect(readToFrame(null)).toBeUndefined();
    expect(readFromFrame({ rf: 'ready', height: 240.5 })).toEqual({ rf: 'ready', height: 240.5 });
    expect(readFromFrame({ rf: 'size', height: 1e9 })).toEqual({ rf: 'size', height: 4000 });
    expect(readFromFrame({ rf: 'size', height: Number.NaN })).toBeUndefined();
    expect(readFromFrame({ rf: 'close' })).toEqual({ rf: 'close', returnFocus: false });
    expect(readFromFrame({ rf: 'close', returnFocus: 'yes' })).toEqual({ rf: 'close', returnFocus: false });
    expect(readFromFrame({ rf: 'open' })).toBeUndefined();
    expect(readFromFrame('ready')).toBeUndefined();
  });

  it("a connect is the chip's only with the token and exactly one port", () => {
    const { port1, port2 } = new MessageChannel();
    const event = (data: unknown, ports: MessagePort[]) => {
      const made = new MessageEvent('message', { data });
      Object.defineProperty(made, 'ports', { value: ports });
      return made;
    };
    expect(isConnect(event({ rf: 'connect', token: TOKEN }, [port2]), TOKEN)).toBe(true);
    expect(isConnect(event({ rf: 'connect', token: TOKEN }, []), TOKEN)).toBe(false);
    expect(isConnect(event({ rf: 'connect', token: TOKEN }, [port1, port2]), TOKEN)).toBe(false);
    expect(isConnect(event({ rf: 'connect', token: 'f'.repeat(32) }, [port2]), TOKEN)).toBe(false);
    expect(isConnect(event(null, [port2]), TOKEN)).toBe(false);
    port1.close();
  });
});
