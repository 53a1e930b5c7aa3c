/** @vitest-environment happy-dom */
/**
 * The prompt in the site's page: the questions it asks, the theme it takes, the chip in its closed
 * shadow root (never on a host the page claimed), and the frame it shows the dialog in — what goes into
 * the frame, what is taken from it, and what closes it. The closed root is reached through the handle
 * `buildPrompt` returns (the module's own reference); `mountPrompt` hands out only the controller. The
 * dialog itself is tested in prompt-dialog.test.ts, its page in prompt-page.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildPrompt, isClaimed, type PromptParts } from '../../components/prompt/chip';
import { promptFrame } from '../../components/prompt/frame';
import { registerFrame } from '../../components/prompt/frame-slot';
import { mountPrompt } from '../../components/prompt/mount';
import { decodeSetup } from '../../components/prompt/protocol';
import { t, type MessageKey } from '../../utils/i18n/t';
import { chipName, chooseQuestion, formatCount, METRIC_GROUPS, ownHeading, QUESTIONS, safeLocale } from '../../components/prompt/questions';
import { DIALOG_PAGE_CSS } from '../../components/prompt/dialog-styles';
import { CHIP_CSS } from '../../components/prompt/styles';
import { pickTheme, readColor, themeAround, type Theme } from '../../utils/live/theme';
import type { PromptEnvironment } from '../../utils/live/prompt-contract';
import { METRICS, type Detection } from '../../utils/sites/types';
import { detectionOf } from './prompt-detection';

// Thursday 26 November 2026, 15:00 local time.
const NOW = new Date(2026, 10, 26, 15, 0, 0);

function countElement(): HTMLElement {
  const link = document.createElement('a');
  link.textContent = '12.3K Followers';
  document.body.append(link);
  return link;
}

// The frame code, as the background's injection would register it on a page's first open (its loading
// is tested in prompt-frame-slot.test.ts).
registerFrame(promptFrame);

// As on a page whose first chip is named already: the number formats these tests' chips use are made, so
// each names its count at once (the first chip's deferred name is tested on its own, in Swedish).
for (const approximate of [true, false]) for (const lang of [undefined, 'en']) formatCount({ value: 1, approximate }, lang);

function fakeEnv(mode: PromptEnvironment['mode'] = 'reframe'): PromptEnvironment {
  return {
    mode,
    send: (async () => ({ ok: true })) as unknown as PromptEnvironment['send'],
    now: () => NOW,
    siteName: (id) => (id === 'x' ? 'X' : id),
  };
}

/** A host beside a count, as the live layer places it. */
function makeHost(): HTMLElement {
  const count = countElement();
  const host = document.createElement('running-for-prompt');
  host.dataset.site = 'x';
  host.dataset.metric = 'followers';
  host.dataset.value = '12300';
  host.dataset.own = 'false';
  count.after(host);
  return host;
}

/** The prompt page's address in the tests: any extension-like origin; nothing loads it. */
const PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/prompt.html';

let parts: PromptParts;

function makePrompt(fields: Partial<Detection> = {}, mode: PromptEnvironment['mode'] = 'reframe', host = makeHost()): PromptParts {
  const built = buildPrompt(host, detectionOf(fields), fakeEnv(mode), undefined, { pageUrl: () => PAGE });
  if (!built) throw new Error('no prompt');
  parts = built;
  return built;
}

const frameOf = (prompt: PromptParts) => prompt.root.querySelector('iframe');

/**
 * The window of the dialog's frame. happy-dom loads no frame page, so it has none: the tests give each
 * frame a stand-in that records what is posted to it.
 */
const frameWindows = new WeakMap<HTMLIFrameElement, { postMessage: ReturnType<typeof vi.fn> }>();
function frameWindow(prompt: PromptParts) {
  const frame = frameOf(prompt)!;
  let stand = frameWindows.get(frame);
  if (!stand) {
    stand = { postMessage: vi.fn() };
    Object.defineProperty(frame, 'contentWindow', { configurable: true, get: () => stand });
    frameWindows.set(frame, stand);
  }
  return stand;
}

/** The dialog's end of the channel, as the dialog page would hold it, with what arrives on it. */
interface DialogEnd {
  port: MessagePort;
  received: unknown[];
  say(message: Record<string, unknown>): Promise<void>;
}

/** Let messages on a channel arrive (Node delivers them on a later turn). */
const delivered = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/** The frame's page loads: the chip posts its connect to the frame's window; the test keeps the port. */
function loadFrame(prompt: PromptParts): DialogEnd {
  const frame = frameOf(prompt)!;
  const posted = frameWindow(prompt).postMessage;
  const before = posted.mock.calls.length;
  frame.dispatchEvent(new Event('load'));
  const [message, origin, transfer] = posted.mock.calls[before] as [unknown, string, MessagePort[]];
  expect(message).toEqual({ rf: 'connect', token: tokenOf(prompt) });
  // The extension's own origin (Chrome runs the page there, whatever per-session address served it).
  expect(origin).toBe(`chrome-extension://${fakeBrowser.runtime.id}`);
  const port = transfer[0]!;
  const received: unknown[] = [];
  port.onmessage = ({ data }) => void received.push(data);
  return {
    port,
    received,
    async say(data) {
      port.postMessage(data);
      await delivered();
    },
  };
}

function tokenOf(prompt: PromptParts): string {
  const src = frameOf(prompt)!.getAttribute('src')!;
  return decodeSetup(src.slice(src.indexOf('#')))!.token;
}

beforeEach(() => {
  document.documentElement.setAttribute('lang', 'en');
  document.body.replaceChildren();
});

afterEach(() => {
  parts?.controller.destroy();
  vi.restoreAllMocks();
});

describe('questions', () => {
  it('has at least six for each group of metrics, for others and for the own profile, and every metric has a group', () => {
    for (const metric of METRICS) expect(QUESTIONS[METRIC_GROUPS[metric]], metric).toBeDefined();
    for (const [group, bank] of Object.entries(QUESTIONS)) {
      expect(bank.others.length, `${group} others`).toBeGreaterThanOrEqual(6);
      expect(bank.own.length, `${group} own`).toBeGreaterThanOrEqual(6);
      expect(new Set([...bank.others, ...bank.own]).size).toBe(bank.others.length + bank.own.length);
    }
  });

  it('fills in the count as the page language writes it, and leaves no placeholder behind', () => {
    for (const metric of METRICS) {
      for (const own of [false, true]) {
        for (let day = 1; day <= 28; day += 1) {
          const text = chooseQuestion({ site: 'x', metric, value: 12300, approximate: true, own }, new Date(2026, 1, day), 'en');
          // No placeholder left, and a message, not a missing key's name.
          expect(text).not.toMatch(/[{}$]|^question/);
        }
      }
    }
    const all = Array.from({ length: 40 }, (_, day) =>
      chooseQuestion({ site: 'x', metric: 'followers', value: 12300, approximate: true, own: false }, new Date(2026, 0, day + 1), 'en'),
    );
    expect(all.filter((text) => text.includes('12.3K followers')).length).toBeGreaterThan(0);
  });

  it('is the same all day for the same count, even when its value changes in place, and rotates across days', () => {
    const count = { site: 'x', metric: 'followers' as const, value: 12300, approximate: true, own: false };
    const morning = chooseQuestion(count, new Date(2026, 10, 26, 8), 'en');
    expect(chooseQuestion(count, new Date(2026, 10, 26, 23, 59), 'en')).toBe(morning);
    expect(chooseQuestion({ ...count, value: 12400 }, new Date(2026, 10, 26, 8), 'en')).toBe(morning.replace('12.3K', '12.4K'));
    const month = new Set(
      Array.from({ length: 30 }, (_, day) => chooseQuestion({ ...count, value: 1 }, new Date(2026, 10, day + 1, 12), 'en')),
    );
    expect(month.size).toBeGreaterThanOrEqual(4);
  });

  it("asks others' counts about comparison and the own profile about use", () => {
    const others = new Set(QUESTIONS.audience.others);
    const own = new Set(QUESTIONS.audience.own);
    const day = new Date(2026, 10, 26);
    const forOthers = chooseQuestion({ site: 'x', metric: 'followers', value: 5, approximate: false, own: false }, day, 'en');
    const forOwn = chooseQuestion({ site: 'x', metric: 'followers', value: 5, approximate: false, own: true }, day, 'en');
    const asked = (key: MessageKey) => t(key, ['5 followers', '5']);
    expect([...others].some((key) => asked(key) === forOthers)).toBe(true);
    expect([...own].some((key) => asked(key) === forOwn)).toBe(true);
  });

  it('formats counts exactly or abbreviated, in the page language', () => {
    expect(formatCount({ value: 12300, approximate: true }, 'en')).toBe('12.3K');
    expect(formatCount({ value: 12345, approximate: false }, 'en')).toBe('12,345');
    expect(formatCount({ value: 12345, approximate: false }, 'de')).toBe('12.345');
    expect(formatCount({ value: 500, approximate: true, text: '500+ connections' }, 'en')).toBe('500+');
    expect(formatCount({ value: 1_230_000, approximate: true, text: '1,2 Mio. Abonnenten' }, 'de')).toBe('1,2\u00a0Mio.');
    expect(safeLocale('not a tag!')).toBeUndefined();
    expect(safeLocale('pt-br')).toBe('pt-BR');
  });

  it('words the own-profile heading and the chip name', () => {
    expect(ownHeading({ metric: 'followers', value: 12345, approximate: false }, 'en')).toBe(
      '12,345 followers — what will you do with them?',
    );
    expect(ownHeading({ metric: 'connections', value: 1, approximate: false }, 'en')).toBe('1 connection — what will you do with it?');
    expect(ownHeading({ metric: 'following', value: 2181, approximate: false }, 'en')).toBe('You follow 2,181 — what are they for?');
    expect(chipName({ metric: 'followers', value: 12300, own: false }, false, '12.3K')).toBe(
      'Running For: what have these 12.3K followers produced?',
    );
    expect(chipName({ metric: 'following', value: 2181, own: true }, false, '2,181')).toBe(
      'Running For: You follow 2,181 — what are they for?',
    );
    expect(chipName({ metric: 'followers', value: 12300, own: false }, true, '12.3K')).not.toMatch(/\d/);
  });
});

describe('theme', () => {
  it('reads computed colours in the forms browsers give them', () => {
    expect(readColor('rgb(255, 255, 255)')).toEqual({ lightness: 1, alpha: 1 });
    expect(readColor('rgba(0, 0, 0, 0)')).toMatchObject({ alpha: 0 });
    expect(readColor('transparent')).toMatchObject({ alpha: 0 });
    expect(readColor('rgb(21 32 43 / 0.9)')!.lightness).toBeLessThan(0.2);
    expect(readColor('oklch(0.2 0.01 250)')).toEqual({ lightness: 0.2, alpha: 1 });
    expect(readColor('lab(95 0 0 / 50%)')).toEqual({ lightness: 0.95, alpha: 0.5 });
    expect(readColor('color(srgb 0.05 0.05 0.05)')!.lightness).toBeLessThan(0.1);
    expect(readColor('nonsense')).toBeUndefined();
  });

  it('follows the nearest opaque background around the host; a faint tint does not decide', () => {
    const page = document.createElement('div');
    page.style.backgroundColor = 'rgb(21, 32, 43)';
    const tint = document.createElement('div');
    tint.style.backgroundColor = 'rgba(255, 255, 255, 0.1)';
    const host = document.createElement('running-for-prompt');
    tint.append(host);
    page.append(tint);
    document.body.append(page);
    expect(pickTheme(host)).toBe('dark');
    page.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(pickTheme(host)).toBe('light');
  });

  it('falls back to the system preference when nothing paints a background', () => {
    const host = document.createElement('running-for-prompt');
    document.body.append(host);
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: query.includes('dark') }) as MediaQueryList);
    expect(pickTheme(host)).toBe('dark');
  });

  it('the prompt takes the theme of its surroundings (read in a microtask, for every chip of a pass at once)', async () => {
    document.body.style.backgroundColor = 'rgb(15, 15, 15)';
    makePrompt();
    const second = buildPrompt(makeHost(), detectionOf(), fakeEnv())!;
    await Promise.resolve();
    expect(parts.root.querySelector('.rf')!.className).toBe('rf dark');
    expect(second.root.querySelector('.rf')!.className).toBe('rf dark');
    second.controller.destroy();
    document.body.style.backgroundColor = '';
  });

  it('takes the theme the live layer read before placing the host, without reading styles again', async () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    const reads = vi.spyOn(window, 'getComputedStyle');
    parts = buildPrompt(makeHost(), detectionOf(), fakeEnv(), { theme: 'dark' })!;
    expect(parts.root.querySelector('.rf')!.className).toBe('rf dark');
    await Promise.resolve();
    expect(parts.root.querySelector('.rf')!.className).toBe('rf dark');
    expect(reads).not.toHaveBeenCalled();
    document.body.style.backgroundColor = '';
  });

  it('reads each ancestor once for counts placed together (themeAround with a memo)', () => {
    const page = document.createElement('div');
    page.style.backgroundColor = 'rgb(21, 32, 43)';
    const row = document.createElement('div');
    const [a, b] = [document.createElement('span'), document.createElement('span')];
    row.append(a, b);
    page.append(row);
    document.body.append(page);
    const reads = vi.spyOn(window, 'getComputedStyle');
    const memo = new Map<Element, Theme>();
    expect(themeAround(a, window, memo)).toBe('dark');
    expect(themeAround(b, window, memo)).toBe('dark');
    expect(themeAround(row, window, memo)).toBe('dark');
    // a, row, page for the first; b for the second (row was remembered); nothing for the third.
    expect(reads).toHaveBeenCalledTimes(4);
  });
});

describe('the chip', () => {
  it('says the number as the page writes it, at once, with no number format made', () => {
    // lang.content-world.test.ts proves no Intl object is made, as a content script starts.
    const section = document.createElement('section');
    section.lang = 'da';
    document.body.append(section);
    const host = makeHost();
    section.append(host);
    const prompt = makePrompt({ value: 12_300, approximate: true, text: '12,3 t. følgere' }, 'reframe', host);
    expect(prompt.chip.getAttribute('aria-label')).toBe('Running For: what have these 12,3 t. followers produced?');
    prompt.controller.update(detectionOf({ value: 1_200_000, approximate: true, text: '1,2 mio. følgere' }));
    expect(prompt.chip.getAttribute('aria-label')).toBe('Running For: what have these 1,2 mio. followers produced?');
    section.remove();
  });

  it("is named without a number, and makes no number format, where the count's text shows none", async () => {
    // The number came from an attribute and the text is the label alone: the chip does not write one itself.
    const made = vi.spyOn(Intl, 'NumberFormat');
    const prompt = makePrompt({ value: 12_300, approximate: true, text: 'Followers' });
    expect(prompt.chip.getAttribute('aria-label')).toBe('Running For: these followers — what have they produced?');
    prompt.controller.update(detectionOf({ value: 2_181, approximate: false, own: true, metric: 'following', text: 'Following' }));
    expect(prompt.chip.getAttribute('aria-label')).toBe('Running For: your followed accounts — what will you do with them?');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
  });

  it('is a labelled button in a closed shadow root, with shared constructed styles and nothing in the light DOM', () => {
    const host = makeHost();
    makePrompt({}, 'reframe', host);
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes).toHaveLength(0);
    expect(parts.chip.localName).toBe('button');
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: what have these 12.3K followers produced?');
    expect(parts.chip.getAttribute('aria-expanded')).toBe('false');
    expect(parts.root.adoptedStyleSheets).toHaveLength(1);
    expect(parts.root.querySelector('style, link, iframe')).toBeNull();
    // The host carries what the live layer put there and nothing more.
    expect(host.getAttributeNames().sort()).toEqual(['data-metric', 'data-own', 'data-site', 'data-value']);
    const second = buildPrompt(makeHost(), detectionOf(), fakeEnv())!;
    expect(second.root.adoptedStyleSheets[0]).toBe(parts.root.adoptedStyleSheets[0]);
    second.controller.destroy();
  });

  it("names the own profile's count and a hidden one", () => {
    makePrompt({ value: 12345, approximate: false, own: true, text: '12,345 Followers' });
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: 12,345 followers — what will you do with them?');
    parts.controller.destroy();
    makePrompt({}, 'hide');
    expect(parts.chip.textContent).toBe('Hidden');
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: a hidden count of followers. What is it for?');
  });

  it('its styles use px, not page-relative units, and no outside variables', () => {
    // Each sheet as it ships: the chip's in the content script, the dialog page's in its own page.
    for (const sheet of [CHIP_CSS, DIALOG_PAGE_CSS]) {
      expect(sheet).not.toMatch(/\drem\b/);
      for (const [, size] of sheet.matchAll(/font-size: ([^;]+);/g)) expect(size).toMatch(/^\d+px$/);
      const defined = new Set(Array.from(sheet.matchAll(/(--[a-z-]+):/g), (m) => m[1]));
      for (const [, used] of sheet.matchAll(/var\((--[a-z-]+)\)/g)) expect(defined).toContain(used);
    }
    expect(CHIP_CSS).toMatch(/:host\s*{\s*all: initial !important;/);
  });

  it('serves another count when recycled before it was ever opened, and refuses once opened', () => {
    makePrompt();
    expect(parts.controller.recycle!()).toBe(true);
    parts.controller.update(detectionOf({ value: 2000, approximate: false, text: '2,000 Followers' }));
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: what have these 2,000 followers produced?');
    parts.open();
    expect(parts.controller.recycle!()).toBe(false);
  });

  it('mountPrompt returns only the controller', () => {
    const host = makeHost();
    const controller = mountPrompt(host, detectionOf(), fakeEnv());
    expect(Object.keys(controller).sort()).toEqual(['destroy', 'recycle', 'restyle', 'update']);
    expect(host.shadowRoot).toBeNull();
    controller.destroy();
  });

  it("is never built on a host the page claimed as its own custom element (its root would be the page's)", () => {
    const internals: unknown[] = [];
    class Claimed extends HTMLElement {
      constructor() {
        super();
        internals.push(this.attachInternals?.());
      }
    }
    const name = 'rf-claimed-prompt';
    customElements.define(name, Claimed);
    const host = document.createElement(name);
    document.body.append(host);
    expect(isClaimed(host)).toBe(true);
    expect(buildPrompt(host, detectionOf(), fakeEnv())).toBeUndefined();
    expect(() => mountPrompt(host, detectionOf(), fakeEnv())).toThrow(/claimed/);
    // Nothing was attached: the page's internals see no root.
    expect((internals[0] as { shadowRoot?: unknown } | undefined)?.shadowRoot ?? null).toBeNull();
    expect(isClaimed(makeHost())).toBe(false);
  });

  it("inside a site's link, a click on the prompt does not follow the link", () => {
    const link = document.createElement('a');
    link.href = 'https://x.com/jane/followers';
    const host = document.createElement('running-for-prompt');
    link.append('12.3K Followers', host);
    document.body.append(link);
    makePrompt({}, 'reframe', host);
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    parts.chip.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(parts.isOpen()).toBe(true);
  });

  it("keeps its clicks and keys from the site's own handlers", () => {
    const clicks = vi.fn();
    const keys = vi.fn();
    document.addEventListener('click', clicks);
    document.addEventListener('keydown', keys);
    makePrompt();
    parts.chip.click();
    parts.chip.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(clicks).not.toHaveBeenCalled();
    expect(keys).not.toHaveBeenCalled();
    document.removeEventListener('click', clicks);
    document.removeEventListener('keydown', keys);
  });
});

describe("the dialog's frame", () => {
  it("opens as the extension's page in a frame inside the closed root, set up with the count and a token only", () => {
    makePrompt({ value: 12345, approximate: false, own: true, text: '12,345 Followers' });
    parts.chip.click();
    const frame = frameOf(parts)!;
    expect(frame).not.toBeNull();
    expect(frame.title).toBe('Running For');
    // Shown only once its page says it is ready.
    expect(frame.hidden).toBe(true);
    expect(parts.chip.getAttribute('aria-expanded')).toBe('true');
    const src = frame.getAttribute('src')!;
    expect(src.startsWith(`${PAGE}#`)).toBe(true);
    const setup = decodeSetup(src.slice(src.indexOf('#')))!;
    expect(setup).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{32}$/),
      count: { site: 'x', metric: 'followers', value: 12345, approximate: false, own: true, text: '12,345 Followers' },
      mode: 'reframe',
      theme: 'light',
      siteName: 'X',
      lang: 'en',
    });
    // Nothing of the page's frame is in the light DOM.
    expect(document.querySelector('iframe')).toBeNull();
  });

  it("shows when its page is ready, at the height it asks for; takes nothing from the page's window", async () => {
    makePrompt();
    parts.chip.click();
    const frame = frameOf(parts)!;
    const dialog = loadFrame(parts);
    // A page that read the setup could post "ready" to the window: nothing listens there.
    window.dispatchEvent(new MessageEvent('message', { data: { rf: 'ready', height: 240, token: tokenOf(parts) } }));
    await delivered();
    expect(frame.hidden).toBe(true);
    await dialog.say({ rf: 'ready', height: 240 });
    expect(frame.hidden).toBe(false);
    expect(frame.style.height).toBe('240px');
    await dialog.say({ rf: 'size', height: 300 });
    expect(frame.style.height).toBe('300px');
    // Malformed messages change nothing.
    await dialog.say({ rf: 'size', height: -1 });
    await dialog.say({ rf: 'size', height: 'tall' });
    await dialog.say({ rf: 'explode' });
    expect(frame.style.height).toBe('300px');
    expect(parts.isOpen()).toBe(true);
  });

  it('closes when its page says so, giving the focus back to the chip; reopening sends the count again, on the channel', async () => {
    makePrompt();
    parts.chip.click();
    const frame = frameOf(parts)!;
    const dialog = loadFrame(parts);
    await dialog.say({ rf: 'ready', height: 200 });
    await dialog.say({ rf: 'close', returnFocus: true });
    expect(parts.isOpen()).toBe(false);
    expect(frame.hidden).toBe(true);
    expect(parts.chip.getAttribute('aria-expanded')).toBe('false');
    expect(parts.root.activeElement).toBe(parts.chip);
    parts.controller.update(detectionOf({ value: 12400, text: '12.4K Followers' }));
    parts.chip.click();
    await delivered();
    expect(frameOf(parts)).toBe(frame);
    expect(dialog.received.map((message) => (message as { rf: string }).rf)).toEqual(['update', 'open']);
    expect(dialog.received[1]).toEqual({ rf: 'open', count: expect.objectContaining({ value: 12400 }), theme: 'light' });
    // Only the connect ever went to the frame's window; nothing at all to the page's.
    expect(frameWindow(parts).postMessage).toHaveBeenCalledTimes(1);
    expect(frame.hidden).toBe(false);
  });

  it('an open asked for before the page is ready shows once it is', async () => {
    makePrompt();
    parts.chip.click();
    const frame = frameOf(parts)!;
    // Closed and opened again before the page loaded: one frame, shown at "ready", the count sent then.
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    parts.chip.click();
    expect(frameOf(parts)).toBe(frame);
    const dialog = loadFrame(parts);
    await dialog.say({ rf: 'ready', height: 180 });
    expect(frame.hidden).toBe(false);
    expect(dialog.received).toEqual([{ rf: 'open', count: expect.objectContaining({ site: 'x' }), theme: 'light' }]);
  });

  it('a press on the chip makes the frame hidden; the click that follows shows it without opening it again', async () => {
    makePrompt();
    parts.chip.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 0 }));
    const frame = frameOf(parts)!;
    expect(frame).not.toBeNull();
    expect(frame.hidden).toBe(true);
    expect(parts.isOpen()).toBe(false);
    // Its page loads and opens itself from its setup while the button is down: ready, and still hidden.
    const dialog = loadFrame(parts);
    await dialog.say({ rf: 'ready', height: 220 });
    expect(frame.hidden).toBe(true);
    expect(parts.chip.getAttribute('aria-expanded')).toBe('false');
    // The click shows it, sending only the count as it is now (no second "open", no aim loaded again).
    parts.controller.update(detectionOf({ value: 12400, text: '12.4K Followers' }));
    parts.chip.click();
    await delivered();
    expect(frame.hidden).toBe(false);
    expect(parts.isOpen()).toBe(true);
    expect(frameOf(parts)).toBe(frame);
    expect(dialog.received.map((message) => (message as { rf: string }).rf)).toEqual(['update', 'update']);
    expect(dialog.received[1]).toEqual({ rf: 'update', count: expect.objectContaining({ value: 12400 }) });
    // Opened again later, it is a new opening: "open", aim and all.
    await dialog.say({ rf: 'close', returnFocus: true });
    parts.chip.click();
    await delivered();
    expect(dialog.received.at(-1)).toEqual({ rf: 'open', count: expect.objectContaining({ value: 12400 }), theme: 'light' });
  });

  it('a press that becomes a click before the page is ready shows it when it is, with the count only', async () => {
    makePrompt();
    parts.chip.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 0 }));
    parts.chip.click();
    const frame = frameOf(parts)!;
    expect(frame.hidden).toBe(true);
    const dialog = loadFrame(parts);
    await dialog.say({ rf: 'ready', height: 180 });
    expect(frame.hidden).toBe(false);
    expect(dialog.received).toEqual([{ rf: 'update', count: expect.objectContaining({ value: 12300 }) }]);
  });

  it('no frame for a press of another button', async () => {
    makePrompt();
    parts.chip.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 2 }));
    expect(frameOf(parts)).toBeNull();
  });

  it('closes on a press outside the prompt and on Escape in the page, not on a press on the chip', async () => {
    makePrompt();
    parts.chip.click();
    await loadFrame(parts).say({ rf: 'ready', height: 200 });
    parts.chip.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(parts.isOpen()).toBe(true);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(parts.isOpen()).toBe(false);
    parts.chip.click();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(parts.isOpen()).toBe(false);
  });

  it('throws its frame away when something else is loaded into it (a page navigating window.frames[i])', async () => {
    makePrompt();
    parts.chip.click();
    const frame = frameOf(parts)!;
    const token = tokenOf(parts);
    const dialog = loadFrame(parts);
    frame.dispatchEvent(new Event('load'));
    expect(frameOf(parts)).toBeNull();
    expect(parts.isOpen()).toBe(false);
    // Its channel is closed: a "ready" from there shows nothing.
    await dialog.say({ rf: 'ready', height: 200 });
    expect(frame.hidden).toBe(true);
    // The next press makes a new one, with a new token.
    parts.chip.click();
    expect(frameOf(parts)).not.toBeNull();
    expect(tokenOf(parts)).not.toBe(token);
  });

  it('destroy removes the frame and every listener it added to the page', () => {
    const added: [EventTarget, string, unknown][] = [];
    const removed: [EventTarget, string, unknown][] = [];
    for (const target of [document, window] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
        added.push([target, type, listener]);
        add(type, listener, options);
      });
      vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
        removed.push([target, type, listener]);
        remove(type, listener, options);
      });
    }
    makePrompt();
    parts.chip.click();
    expect(added.length).toBeGreaterThan(0);
    parts.controller.destroy();
    for (const entry of added) expect(removed).toContainEqual(entry);
    expect(parts.root.childNodes).toHaveLength(0);
    parts.controller.update(detectionOf({ value: 1 }));
    expect(parts.root.childNodes).toHaveLength(0);
  });
});
