import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPrompt } from '@/components/prompt/mount';
import { sendToBackground } from '@/utils/journal/client';
import { startLiveLayer } from '@/utils/live-detector';
import { loadSettings, siteModesItem, snoozesItem, snoozeSite } from '@/utils/settings';
import { hostMatchPatterns } from '@/utils/sites';

// One content script for every supported site; the adapter registry decides which hosts.
export default defineContentScript({
  matches: hostMatchPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    startLiveLayer(ctx, {
      mount: mountPrompt,
      send: sendToBackground,
      snooze: snoozeSite,
      now: () => new Date(),
      settings: loadSettings,
      watchSettings(onChange) {
        const unwatch = [siteModesItem.watch(onChange), snoozesItem.watch(onChange)];
        return () => unwatch.forEach((stop) => stop());
      },
    });
  },
});
