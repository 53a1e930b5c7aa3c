import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLiveDetector } from '@/utils/live-detector';
import { hostMatchPatterns } from '@/utils/sites';

// One content script for every supported site; the adapter registry decides which hosts.
export default defineContentScript({
  matches: hostMatchPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    startLiveDetector(ctx);
  },
});
