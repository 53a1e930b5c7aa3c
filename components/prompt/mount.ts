/**
 * The prompt UI's entry point for the live layer (the contract in types.ts): fill a
 * `<running-for-prompt>` host with its chip and dialog, and hand back only the controller — nothing
 * that reaches inside the closed shadow root leaves this module. Site names come from `env.siteName`.
 */
import { buildPrompt } from './prompt-ui';
import type { MountPrompt } from './types';

export const mountPrompt: MountPrompt = (host, detection, env) => buildPrompt(host, detection, env).controller;
