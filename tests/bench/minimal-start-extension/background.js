/* global chrome */
// Answers the content script's one question: the site's mode (always "reframe" here).
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message?.type === 'settings') reply({ mode: 'reframe' });
});
