/**
 * The contract between the live layer (./observer.ts and ./hosts.ts, which find counts and keep one host
 * element beside each) and the prompt UI (components/prompt/, which fills a host with its chip and
 * dialog). The live layer never looks inside a prompt; the prompt never touches the site's nodes.
 */
import type { sendToBackground } from '@/utils/messaging/client';
import type { Detection } from '@/utils/sites/types';

export interface PromptEnvironment {
  /**
   * The count's mode: its metric's own (settings.metricModes), else its site's (settings.siteModes). In `hide`
   * mode the page's number is hidden by CSS injected at document_start (the metric's stylesheet), and the chip
   * offers to show it on purpose (inside the prompt, never by restyling the site). A count in `off` mode gets
   * no prompt (utils/live/layer.ts).
   */
  mode: 'reframe' | 'hide';
  /** The background message API (utils/messaging/client.ts); tests pass a fake. */
  send: typeof sendToBackground;
  now(): Date;
  /**
   * A site's human name ("LinkedIn") from its id, for "Quiet on … for"; the live layer answers from its
   * content script's adapters. Without it the prompt shows the id (an added site's id is its host).
   */
  siteName?(siteId: string): string;
}

export interface PromptController {
  /** The count changed in place ("12.3K" → "12.4K"): refresh what the prompt shows. */
  update(detection: Detection): void;
  /** The count is gone, the site was snoozed or the extension is stopping: remove listeners and UI. */
  destroy(): void;
  /** The surroundings turned out other than `look` said at mount (a theme read later, when the page was idle). */
  restyle?(look: PromptLook): void;
  /**
   * The count is gone, and the prompt may serve the next one (its host is moved there, then `update`
   * and `restyle` are called): return true if it is as new — never opened, nothing pending — and reset
   * it; false to be destroyed instead.
   */
  recycle?(): boolean;
}

/**
 * What the live layer read about the host's surroundings before it wrote anything (utils/live/hosts.ts
 * measures every new count of a pass in one read phase): reading it again after the host is in the page
 * would force the browser to compute styles a second time.
 */
export interface PromptLook {
  /** The site's theme where the host is, from its background (theme.ts `themeAround`). */
  theme: 'light' | 'dark';
}

/**
 * Fill `host` (a `<running-for-prompt>` already placed beside the count) with the prompt UI. Without `look`,
 * the prompt reads the theme itself.
 */
export type MountPrompt = (host: HTMLElement, detection: Detection, env: PromptEnvironment, look?: PromptLook) => PromptController;
