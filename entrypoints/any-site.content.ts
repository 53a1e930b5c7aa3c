import { defineContentScript } from 'wxt/utils/define-content-script';
import { NO_STARTED_MESSAGE, startContentScript } from '@/components/content-script';
import { generic } from '@/utils/sites/generic';
import { mastodon } from '@/utils/sites/mastodon';

/**
 * The content script for sites the user adds (a Mastodon instance, a blog): Mastodon where its markup is
 * recognised, the generic detector elsewhere. Registered at run time per added origin, once its optional
 * host permission is granted (utils/settings/registrations.ts), so it has no matches of its own.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  noScriptStartedPostMessage: NO_STARTED_MESSAGE,
  main(ctx) {
    startContentScript(ctx, { adapters: [mastodon], generic });
  },
});
