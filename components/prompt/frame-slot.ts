/**
 * Where the dialog's frame code (frame.ts) comes from in a content script: not in the script itself, which
 * every page of a site loads and which must stay small (20 kB gzipped, tests/budget.ts), but injected by
 * the background on a page's first open of a prompt (`prompt/frame`, entrypoints/prompt-frame.ts), the way
 * language packs are (utils/detection/lang/pack.ts). The injected file runs in this content script's isolated world
 * and registers the frame factory in a global there; page scripts have their own globals and can neither
 * read nor replace it.
 */
import type { sendToBackground } from '@/utils/messaging/client';
import { worldSlot } from '@/utils/live/world-slot';
import type { promptFrame } from './frame';

export type FrameFactory = typeof promptFrame;

/** The isolated-world global the injected file fills (once: it cannot be replaced). */
const slot = worldSlot<FrameFactory>('__runningForPromptFrame');

export const registeredFrame = slot.get;

/** Called by the injected file (and by tests that load frame.ts themselves). */
export const registerFrame = slot.set;

let loading: Promise<FrameFactory | undefined> | undefined;

/**
 * The frame factory, asking the background to inject it the first time. Resolves undefined when it could
 * not be loaded (the extension was updated or removed since the page loaded); a later open asks again.
 */
export function loadFrame(send: typeof sendToBackground): Promise<FrameFactory | undefined> {
  const ready = registeredFrame();
  if (ready) return Promise.resolve(ready);
  loading ??= send({ type: 'prompt/frame' }).then(
    (reply) => {
      const factory = reply.ok ? registeredFrame() : undefined;
      if (!factory) {
        loading = undefined;
        console.warn('Running For: the prompt could not open on this page.', reply.ok ? 'The frame code did not register.' : reply.error);
      }
      return factory;
    },
    (error: unknown) => {
      loading = undefined;
      console.warn('Running For: the prompt could not open on this page.', error);
      return undefined;
    },
  );
  return loading;
}
