import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler, isGrantedOrigin, lazyJournal } from '@/utils/journal/background-api';

// The background owns every write content scripts ask for: it validates each message and its sender
// (utils/journal/background-api.ts) and opens the journal on first use.
export default defineBackground({
  type: 'module',
  main() {
    const handle = createMessageHandler({
      journal: lazyJournal(),
      extensionId: browser.runtime.id,
      isAllowedSender: isGrantedOrigin,
    });
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Since WXT 0.20 a listener answers through sendResponse and returns true to keep the channel
      // open; a returned promise would not reach Chrome's content scripts. The handler never rejects.
      void handle(message, sender).then(sendResponse);
      return true;
    });
  },
});
