/**
 * The prompt UI's entry point for the live layer (the contract in types.ts): fill a
 * `<running-for-prompt>` host with its chip, whose dialog is the extension's own page in a frame
 * (frame.ts), and hand back only the controller — nothing that reaches inside the closed shadow root
 * leaves this module. Site names come from `env.siteName`.
 */
import { buildPrompt } from './chip';
import type { MountPrompt } from '../../utils/live/prompt-contract';

export const mountPrompt: MountPrompt = (host, detection, env, look) => {
  const parts = buildPrompt(host, detection, env, look);
  // The live layer never offers a claimed host (utils/live/hosts.ts); if one comes, no root is attached.
  if (!parts) throw new Error('Running For: the page claimed the prompt’s element; no prompt here.');
  return parts.controller;
};
