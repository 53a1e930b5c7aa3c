/** @vitest-environment happy-dom */
/**
 * The dialog's frame code is not in the content script: a page's first open of a prompt asks the
 * background for it (`prompt/frame`), which injects entrypoints/prompt-frame.ts into the content script's
 * world, where it registers itself (components/prompt/frame-slot.ts). Here the fake background's answer
 * runs that registration, as the injected file would.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildPrompt } from '../../components/prompt/chip';
import { promptFrame } from '../../components/prompt/frame';
import { loadFrame, registeredFrame, registerFrame } from '../../components/prompt/frame-slot';
import type { PromptEnvironment } from '../../utils/live/prompt-contract';
import type { Detection } from '../../utils/sites/types';

const PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/prompt.html';

function hostAndDetection(): [HTMLElement, Detection] {
  const count = document.createElement('span');
  count.textContent = '12.3K followers';
  document.body.append(count);
  const host = document.createElement('running-for-prompt');
  count.after(host);
  return [
    host,
    { site: 'x', metric: 'followers', value: 12300, approximate: true, own: false, text: '12.3K followers', element: count, via: 'hook' },
  ];
}

describe('the frame code, loaded on the first open', () => {
  it('a failed load says why, opens nothing, and the next press asks again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sent: unknown[] = [];
    const send = (async (message: unknown) => (
      sent.push(message),
      { ok: false, error: 'Refused: Running For no longer has access to x.com.' }
    )) as never;
    expect(await loadFrame(send)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      'Running For: the prompt could not open on this page.',
      'Refused: Running For no longer has access to x.com.',
    );
    // An answer that came without the registration (the file did not run) is a failure too.
    expect(await loadFrame((async (message: unknown) => (sent.push(message), { ok: true })) as never)).toBeUndefined();
    expect(await loadFrame((async () => Promise.reject(new Error('Extension context invalidated.'))) as never)).toBeUndefined();
    expect(sent).toEqual([{ type: 'prompt/frame' }, { type: 'prompt/frame' }]);
    expect(registeredFrame()).toBeUndefined();
    warn.mockRestore();
  });

  it('the pointer over a chip, or the focus on it, asks for the code once a page, before any click', async () => {
    const [host, detection] = hostAndDetection();
    const sent: unknown[] = [];
    // Refused, so this test leaves no load in flight behind it.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const send = (async (message: unknown) => (
      sent.push(message),
      { ok: false, error: 'Refused.' }
    )) as unknown as PromptEnvironment['send'];
    const parts = buildPrompt(host, detection, { mode: 'reframe', send, now: () => new Date() }, undefined, { pageUrl: () => PAGE })!;
    parts.chip.dispatchEvent(new PointerEvent('pointerenter'));
    parts.chip.dispatchEvent(new FocusEvent('focus'));
    parts.chip.dispatchEvent(new PointerEvent('pointerdown', { button: 0 }));
    expect(sent).toEqual([{ type: 'prompt/frame' }]);
    expect(parts.root.querySelector('iframe')).toBeNull();
    parts.controller.destroy();
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    warn.mockRestore();
  });

  it('the chip shows pressed while the background injects it, then opens; later opens ask nothing', async () => {
    const [host, detection] = hostAndDetection();
    const sent: unknown[] = [];
    let inject = () => {};
    const send = ((message: unknown) => {
      sent.push(message);
      // The background answers once the injected file has run: it registered the factory.
      return new Promise((resolve) => (inject = () => (registerFrame(promptFrame), resolve({ ok: true }))));
    }) as unknown as PromptEnvironment['send'];
    const parts = buildPrompt(host, detection, { mode: 'reframe', send, now: () => new Date() }, undefined, { pageUrl: () => PAGE })!;
    parts.chip.click();
    // Pressing again while it loads asks nothing more.
    parts.chip.click();
    expect(sent).toEqual([{ type: 'prompt/frame' }]);
    expect(parts.chip.classList.contains('pressed')).toBe(true);
    expect(parts.root.querySelector('iframe')).toBeNull();
    // Recycling it for another count now would open the dialog on the wrong one: refused.
    expect(parts.controller.recycle!()).toBe(false);
    inject();
    await vi.waitFor(() => expect(parts.root.querySelector('iframe')).not.toBeNull());
    expect(parts.chip.classList.contains('pressed')).toBe(false);
    expect(parts.isOpen()).toBe(true);
    expect(parts.chip.getAttribute('aria-expanded')).toBe('true');

    // Another prompt on the page opens at once: the frame code is here.
    const [otherHost, other] = hostAndDetection();
    const second = buildPrompt(otherHost, other, { mode: 'reframe', send, now: () => new Date() }, undefined, { pageUrl: () => PAGE })!;
    second.chip.click();
    expect(second.root.querySelector('iframe')).not.toBeNull();
    expect(sent).toHaveLength(1);
    expect(await loadFrame(send)).toBe(promptFrame);
  });

  it('the registration cannot be replaced', () => {
    const other = (() => undefined) as unknown as typeof promptFrame;
    registerFrame(other);
    expect(registeredFrame()).toBe(promptFrame);
    expect(() => Object.assign(globalThis, { __runningForPromptFrame: other })).toThrow();
  });
});
