import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler, isGrantedOrigin, lazyJournal } from '@/utils/journal/background-api';
import { startBrowserRegistrationSync } from '@/utils/registrations';
import { startWeeklyReminder } from '@/utils/reminder';

// The background owns every write content scripts ask for: it validates each message and its sender
// (utils/journal/background-api.ts) and opens the journal on first use.
export default defineBackground({
  type: 'module',
  main() {
    startWeeklyReminder();
    const handle = createMessageHandler({
      journal: lazyJournal(),
      extensionId: browser.runtime.id,
      isAllowedSender: isGrantedOrigin,
      // The prompt's dialog, into the asking frame on its first open (entrypoints/prompt-dialog.ts): the
      // content script's isolated world by default, allowed by the host permission its site already has.
      injectDialog: async ({ tabId, frameId }) => {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/prompt-dialog.js'] });
      },
    });
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Since WXT 0.20 a listener answers through sendResponse and returns true to keep the channel
      // open; a returned promise would not reach Chrome's content scripts. The handler never rejects.
      void handle(message, sender).then(sendResponse);
      return true;
    });
    // Hide-mode stylesheets and added sites' content scripts, registered at run time: synced now (every
    // service worker start, install and browser start included) and on every settings or permission change.
    startBrowserRegistrationSync();
  },
});
