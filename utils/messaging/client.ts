/**
 * How a content script talks to the background (messages.ts). Type-only imports keep the validators
 * out of the content script's bundle: the background validates everything anyway.
 */
import { browser } from 'wxt/browser';
import type { MessageOf, MessageType, ResponseFor } from './protocol';

export const CONTEXT_GONE =
  'Running For was updated or turned off since this page loaded, so this was not saved. Reload the page to use it again.';

/** Send a message to the background and return its answer. Never throws. */
export async function sendToBackground<T extends MessageType>(message: MessageOf<T>): Promise<ResponseFor<T>> {
  try {
    // After an update or uninstall the old content script stays in the page with a dead runtime:
    // `runtime.id` is gone and sendMessage throws "Extension context invalidated".
    if (!browser.runtime?.id) return { ok: false, error: CONTEXT_GONE };
    const response: unknown = await browser.runtime.sendMessage(message);
    if (typeof response === 'object' && response !== null && typeof (response as { ok?: unknown }).ok === 'boolean') {
      return response as ResponseFor<T>;
    }
    // No listener answered (the background was replaced mid-call).
    return { ok: false, error: CONTEXT_GONE };
  } catch {
    return { ok: false, error: CONTEXT_GONE };
  }
}

/**
 * What the background sends a tab when its site's modes or snooze may have changed, or a site's permission
 * was withdrawn (utils/settings/push.ts). It carries nothing: the content script asks for its own site's
 * settings again (`settings/site`).
 */
export const SETTINGS_CHANGED = 'settings/changed';

/** Call `onChange` when the background says the settings changed; returns the function that stops listening. */
export function onSettingsChanged(onChange: () => void): () => void {
  // Only the extension's own contexts can message a content script (tabs.sendMessage); the shape is checked anyway.
  const listener = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === SETTINGS_CHANGED) onChange();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
