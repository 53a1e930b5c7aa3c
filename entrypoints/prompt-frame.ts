import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { promptFrame } from '@/components/prompt/frame';
import { registerFrame } from '@/components/prompt/frame-slot';

/**
 * The dialog's frame code, out of the content scripts (components/prompt/frame-slot.ts): the background
 * injects this into the content script's world on a page's first open of a prompt (`prompt/frame`), and it
 * registers the frame factory there.
 */
export default defineUnlistedScript(() => {
  registerFrame(promptFrame);
});
