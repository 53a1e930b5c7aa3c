/**
 * The prompt UI's entry point for the live layer (the contract in types.ts): fill a
 * `<running-for-prompt>` host with its chip, whose dialog the background injects on the first open
 * (loader.ts), and hand back only the controller — nothing that reaches inside the closed shadow root
 * leaves this module. Site names come from `env.siteName`.
 */
import { buildPrompt } from './chip';
import type { DialogSource } from './handoff';
import { backgroundDialogs } from './loader';
import type { MountPrompt, PromptEnvironment } from './types';

/** One source per background API (in the extension, one per content script), so a page loads the dialog once. */
const sources = new WeakMap<PromptEnvironment['send'], DialogSource>();

export const mountPrompt: MountPrompt = (host, detection, env, look) => {
  let dialogs = sources.get(env.send);
  if (!dialogs) sources.set(env.send, (dialogs = backgroundDialogs(env.send)));
  return buildPrompt(host, detection, env, dialogs, look).controller;
};
