import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createDialog } from '@/components/prompt/dialog';
import { registerDialog } from '@/components/prompt/handoff';

/**
 * The prompt's dialog, out of the content scripts (which stay under 20 kB gzipped): the background
 * injects this into a frame, in the content script's isolated world, the first time a prompt there is
 * opened (message `prompt/dialog`). It only leaves its factory where the chip looks for it
 * (components/prompt/handoff.ts); running it twice in a frame changes nothing.
 */
export default defineUnlistedScript(() => {
  registerDialog(createDialog);
});
