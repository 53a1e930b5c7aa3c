/**
 * The whole prompt in one module, for callers that are not a content script (tests, demos): the chip
 * (chip.ts) with the dialog (dialog.ts) linked in directly instead of injected on the first open, and
 * the registry's site names when the environment brings none. Content scripts mount through mount.ts,
 * with names from their own adapters, so neither the registry nor the dialog is in their bundles.
 */
import { siteName } from '@/components/labels';
import { buildPrompt, type PromptParts } from './chip';
import { createDialog } from './dialog';
import type { DialogSource } from './handoff';
import type { PromptEnvironment, PromptLook } from './types';
import type { Detection } from '@/utils/sites/types';

export { type PromptParts } from './chip';
export { NO_AIM, SNOOZES } from './dialog';

/** The dialog, already here: opening is synchronous, as it is in the extension after the first open. */
export const linkedDialog: DialogSource = { current: () => createDialog, load: async () => createDialog };

export function createPrompt(host: HTMLElement, detection: Detection, env: PromptEnvironment, dialogs: DialogSource = linkedDialog, look?: PromptLook): PromptParts {
  return buildPrompt(host, detection, { ...env, siteName: env.siteName ?? siteName }, dialogs, look);
}
