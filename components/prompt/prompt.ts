/**
 * The prompt (prompt-ui.ts) with the registry's site names when the environment brings none: for
 * callers that are not a content script (tests, demos). Content scripts mount through mount.ts, with
 * names from their own adapters, so the registry stays out of their bundles.
 */
import { siteName } from '@/components/labels';
import { buildPrompt, type PromptParts } from './prompt-ui';
import type { PromptEnvironment } from './types';
import type { Detection } from '@/utils/sites/types';

export { NO_AIM, SNOOZES, type PromptParts } from './prompt-ui';

export function createPrompt(host: HTMLElement, detection: Detection, env: PromptEnvironment): PromptParts {
  return buildPrompt(host, detection, { ...env, siteName: env.siteName ?? siteName });
}
