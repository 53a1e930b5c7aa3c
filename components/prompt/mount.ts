/**
 * The prompt UI's entry point for the live layer (the contract in types.ts): fill a
 * `<running-for-prompt>` host with its chip and dialog, and hand back only the controller — nothing
 * that reaches inside the closed shadow root leaves this module.
 */
import { createPrompt } from './prompt';
import type { MountPrompt } from './types';

export const mountPrompt: MountPrompt = (host, detection, env) => createPrompt(host, detection, env).controller;
