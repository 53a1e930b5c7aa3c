/** @vitest-environment happy-dom */
/**
 * The chip/dialog split: the chip (in every content script) loads the dialog (entrypoints/prompt-dialog.ts,
 * injected by the background) on the first open, shows itself pressed meanwhile, says so when loading
 * fails and retries on the next press; the dialog renders inside the chip's own closed shadow root.
 * The behaviour of the open dialog itself is in prompt.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPrompt } from '../../components/prompt/chip';
import { createDialog } from '../../components/prompt/dialog';
import { DIALOG_CSS } from '../../components/prompt/dialog-styles';
import { registerDialog, registeredDialog, type DialogFactory, type DialogSource } from '../../components/prompt/handoff';
import { backgroundDialogs, DIALOG_STALE, DIALOG_UNAVAILABLE } from '../../components/prompt/loader';
import { mountPrompt } from '../../components/prompt/mount';
import { CHIP_CSS } from '../../components/prompt/styles';
import type { PromptEnvironment } from '../../components/prompt/types';
import dialogScript from '../../entrypoints/prompt-dialog';
import { CONTEXT_GONE } from '../../utils/journal/client';
import type { Message, Response } from '../../utils/journal/messages';
import type { Detection } from '../../utils/sites/types';

const NOW = new Date(2026, 10, 26, 15, 0, 0);

const detection = (fields: Partial<Detection> = {}): Detection => ({
  element: document.body,
  site: 'x',
  metric: 'followers',
  value: 12300,
  approximate: true,
  own: false,
  text: '12.3K Followers',
  via: 'hook',
  ...fields,
});

function environment(answer: (message: Message) => Response | Promise<Response> = () => ({ ok: true })): PromptEnvironment & { sent: Message[] } {
  const sent: Message[] = [];
  const send = async (message: Message): Promise<Response> => {
    sent.push(message);
    if (message.type === 'aim/current') return { ok: true, aim: { purpose: 'Studio', aim: 'Three new clients by March' }, weekOutcomes: 0 };
    return answer(message);
  };
  return { mode: 'reframe', send: send as PromptEnvironment['send'], snooze: async () => {}, now: () => NOW, sent };
}

function makeHost(): HTMLElement {
  const host = document.createElement('running-for-prompt');
  document.body.append(host);
  return host;
}

/** A source whose load the test finishes by hand, like a background that takes its time. */
function slowSource() {
  let factory: DialogFactory | undefined;
  let settle: { resolve(f: DialogFactory): void; reject(e: Error): void } | undefined;
  const source: DialogSource = {
    current: () => factory,
    load: vi.fn(
      () =>
        new Promise<DialogFactory>((resolve, reject) => {
          settle = {
            resolve: (f) => {
              factory = f;
              resolve(f);
            },
            reject,
          };
        }),
    ),
  };
  return {
    source,
    arrive: () => settle!.resolve(createDialog),
    fail: (message: string) => settle!.reject(new Error(message)),
  };
}

const dialogIn = (root: ShadowRoot) => root.querySelector('[role="dialog"]');

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('the chip before its dialog', () => {
  it('carries no dialog and no dialog styles until the first open', () => {
    const { source } = slowSource();
    const parts = buildPrompt(makeHost(), detection(), environment(), source);
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: what have these 12.3K followers produced?');
    expect(dialogIn(parts.root)).toBeNull();
    expect(parts.root.adoptedStyleSheets).toHaveLength(1);
    expect(() => parts.dialog).toThrow(/not been opened/);
    expect(source.load).not.toHaveBeenCalled();
    parts.controller.destroy();
  });

  it('the chip\'s sheet holds the theme colours; the dialog\'s uses only those and its own', () => {
    expect(CHIP_CSS).toMatch(/\.chip\b/);
    expect(CHIP_CSS).not.toMatch(/\.dialog\b/);
    expect(DIALOG_CSS).toMatch(/\.dialog\b/);
    expect(DIALOG_CSS).not.toMatch(/:host|--bg:/);
  });
});

describe('the first open', () => {
  it('shows the chip pressed while the dialog loads, then opens it in the same closed root with focus inside', async () => {
    const { source, arrive } = slowSource();
    const env = environment();
    const host = makeHost();
    const parts = buildPrompt(host, detection(), env, source);
    parts.chip.focus();
    parts.chip.click();
    expect(source.load).toHaveBeenCalledTimes(1);
    expect(parts.chip.classList.contains('pressed')).toBe(true);
    expect(parts.chip.getAttribute('aria-busy')).toBe('true');
    expect(parts.isOpen()).toBe(false);
    // More presses while it loads do not ask again.
    parts.chip.click();
    parts.open();
    expect(source.load).toHaveBeenCalledTimes(1);

    arrive();
    await parts.settled();
    expect(parts.isOpen()).toBe(true);
    expect(parts.chip.classList.contains('pressed')).toBe(false);
    expect(parts.chip.hasAttribute('aria-busy')).toBe(false);
    expect(parts.chip.getAttribute('aria-expanded')).toBe('true');
    expect(dialogIn(parts.root)).toBe(parts.dialog);
    expect(host.shadowRoot).toBeNull();
    expect(parts.root.adoptedStyleSheets).toHaveLength(2);
    expect(parts.root.activeElement?.textContent).toBe('Log an outcome');
    expect(parts.root.querySelector('.aim-text')?.textContent).toBe('Three new clients by March');

    // Escape returns focus to the chip; a later open is immediate and reuses the same dialog.
    parts.root.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(parts.isOpen()).toBe(false);
    expect(parts.root.activeElement).toBe(parts.chip);
    const first = parts.dialog;
    parts.chip.click();
    expect(parts.isOpen()).toBe(true);
    expect(parts.dialog).toBe(first);
    expect(source.load).toHaveBeenCalledTimes(1);
    parts.controller.destroy();
  });

  it('a second prompt on the page opens at once with the dialog already loaded', async () => {
    const { source, arrive } = slowSource();
    const env = environment();
    const first = buildPrompt(makeHost(), detection(), env, source);
    first.chip.click();
    arrive();
    await first.settled();
    const second = buildPrompt(makeHost(), detection({ metric: 'following', value: 75, approximate: false, own: true, text: '75 Following' }), env, source);
    second.chip.click();
    expect(second.isOpen()).toBe(true);
    expect(second.chip.classList.contains('pressed')).toBe(false);
    expect(source.load).toHaveBeenCalledTimes(1);
    expect(second.root.querySelector('#rf-heading')?.textContent).toBe('You follow 75 — what are they for?');
  });

  it('a failed load says so in the chip\'s tooltip and description; the next press retries', async () => {
    const { source, fail, arrive } = slowSource();
    const parts = buildPrompt(makeHost(), detection(), environment(), source);
    parts.chip.click();
    fail(DIALOG_UNAVAILABLE);
    await parts.settled();
    expect(parts.isOpen()).toBe(false);
    expect(parts.chip.classList.contains('pressed')).toBe(false);
    expect(parts.chip.title).toBe(DIALOG_UNAVAILABLE);
    expect(parts.chip.getAttribute('aria-description')).toBe(DIALOG_UNAVAILABLE);
    expect(dialogIn(parts.root)).toBeNull();

    parts.chip.click();
    expect(source.load).toHaveBeenCalledTimes(2);
    expect(parts.chip.hasAttribute('aria-description')).toBe(false);
    arrive();
    await parts.settled();
    expect(parts.isOpen()).toBe(true);
    expect(parts.chip.hasAttribute('title')).toBe(false);
  });

  it('update while loading reaches the dialog when it arrives; destroy while loading leaves nothing behind', async () => {
    const slow = slowSource();
    const parts = buildPrompt(makeHost(), detection(), environment(), slow.source);
    parts.chip.click();
    parts.controller.update(detection({ value: 12400, text: '12.4K Followers' }));
    slow.arrive();
    await parts.settled();
    expect(parts.root.querySelector('#rf-heading')?.textContent).toContain('12.4K');

    const gone = slowSource();
    const env = environment();
    const other = buildPrompt(makeHost(), detection(), env, gone.source);
    other.chip.click();
    other.controller.destroy();
    gone.arrive();
    await other.settled();
    expect(other.root.childNodes).toHaveLength(0);
    expect(other.isOpen()).toBe(false);
    expect(env.sent).toEqual([]);
  });
});

describe('the handoff between the scripts of one isolated world', () => {
  it('keeps the first factory registered, out of sight of enumeration, and ignores anything that is not one', () => {
    const world = {};
    expect(registeredDialog(world)).toBeUndefined();
    const other: DialogFactory = () => {
      throw new Error('not this one');
    };
    registerDialog(createDialog, world);
    registerDialog(other, world);
    expect(registeredDialog(world)).toBe(createDialog);
    expect(Object.keys(world)).toEqual([]);
    const tampered = {};
    registerDialog('not a function' as unknown as DialogFactory, tampered);
    expect(registeredDialog(tampered)).toBeUndefined();
  });
});

describe('backgroundDialogs (the content script\'s loader)', () => {
  it('asks the background once; the injected script registers, and every later load is answered from the world', async () => {
    const world = {};
    const env = environment((message) => {
      // What scripting.executeScript does before the background answers: the dialog script runs in this world.
      if (message.type === 'prompt/dialog') registerDialog(createDialog, world);
      return { ok: true };
    });
    const dialogs = backgroundDialogs(env.send, world);
    expect(dialogs.current()).toBeUndefined();
    const [a, b] = await Promise.all([dialogs.load(), dialogs.load()]);
    expect(a).toBe(createDialog);
    expect(b).toBe(createDialog);
    expect(await dialogs.load()).toBe(createDialog);
    expect(dialogs.current()).toBe(createDialog);
    expect(env.sent).toEqual([{ type: 'prompt/dialog' }]);
  });

  it('a refusal, or a success without the script, fails with a short sentence; the next load asks again', async () => {
    const world = {};
    let reply: Response = { ok: false, error: "The prompt's dialog could not be loaded on this page." };
    const env = environment(() => reply);
    const dialogs = backgroundDialogs(env.send, world);
    await expect(dialogs.load()).rejects.toThrow(DIALOG_UNAVAILABLE);
    reply = { ok: true };
    await expect(dialogs.load()).rejects.toThrow(DIALOG_UNAVAILABLE);
    reply = { ok: false, error: CONTEXT_GONE };
    await expect(dialogs.load()).rejects.toThrow(DIALOG_STALE);
    expect(env.sent).toHaveLength(3);
  });
});

describe('mountPrompt in a content script', () => {
  it('loads the dialog script through the background on the first open and renders it in the closed root', async () => {
    const roots: ShadowRoot[] = [];
    const attach = HTMLElement.prototype.attachShadow;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    const env = environment((message) => {
      // The background's executeScript, in this test's single world: run the built entrypoint's main.
      if (message.type === 'prompt/dialog') dialogScript.main();
      return { ok: true };
    });
    const host = makeHost();
    const controller = mountPrompt(host, detection(), env);
    expect(Object.keys(controller).sort()).toEqual(['destroy', 'recycle', 'restyle', 'update']);
    const [root] = roots;
    const chip = root!.querySelector('button')!;
    chip.click();
    await vi.waitFor(() => expect(dialogIn(root!)?.hasAttribute('hidden')).toBe(false));
    expect(env.sent[0]).toEqual({ type: 'prompt/dialog' });
    expect(registeredDialog()).toBe(createDialog);
    expect(host.shadowRoot).toBeNull();
    expect(chip.getAttribute('aria-expanded')).toBe('true');

    // Another prompt on the page reuses the loaded dialog without asking.
    const count = env.sent.filter((message) => message.type === 'prompt/dialog').length;
    const second = mountPrompt(makeHost(), detection({ own: true }), env);
    roots[1]!.querySelector('button')!.click();
    expect(dialogIn(roots[1]!)?.hasAttribute('hidden')).toBe(false);
    expect(env.sent.filter((message) => message.type === 'prompt/dialog')).toHaveLength(count);
    controller.destroy();
    second.destroy();
    expect(root!.childNodes).toHaveLength(0);
  });
});
