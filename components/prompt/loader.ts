/**
 * The content script's dialog source: the dialog script (entrypoints/prompt-dialog.ts) is injected by
 * the background into this frame on the first open (message `prompt/dialog`), then every prompt of the
 * page reuses it. One request at a time per frame; after a failure the next open asks again.
 */
import { CONTEXT_GONE } from '@/utils/journal/client';
import { registeredDialog, type DialogFactory, type DialogSource } from './handoff';
import type { PromptEnvironment } from './types';

/** Short, for the chip's tooltip and accessible description. */
export const DIALOG_UNAVAILABLE = 'The question could not be opened. Press to try again.';
export const DIALOG_STALE = 'Running For was updated. Reload the page to use it.';

export function backgroundDialogs(send: PromptEnvironment['send'], scope: object = globalThis): DialogSource {
  let loading: Promise<DialogFactory> | undefined;
  const current = () => registeredDialog(scope);
  return {
    current,
    load() {
      const ready = current();
      if (ready) return Promise.resolve(ready);
      loading ??= send({ type: 'prompt/dialog' }).then((reply) => {
        // executeScript answers after the script ran, so a successful reply means the factory is here.
        const factory = reply.ok ? current() : undefined;
        if (!factory) {
          loading = undefined;
          throw new Error(!reply.ok && reply.error === CONTEXT_GONE ? DIALOG_STALE : DIALOG_UNAVAILABLE);
        }
        return factory;
      });
      return loading;
    },
  };
}
