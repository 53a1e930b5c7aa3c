/* global chrome */
// The least a prompt layer can do when a page loads (npm run bench, section startup): ask its settings of
// the background (one message, as any layer that obeys the user's choices must), find the counts with one
// selector per site, read each number, put a host with a chip in a closed shadow root beside it, and keep
// watching the page for counts added later. No exclusions, no label or own-profile checks, no language,
// placement, theme, activity or health: not a product, a lower bound for Running For's start-up.
const SELECTORS = {
  'bsky.app': 'a[href$="/followers"], a[href$="/follows"]',
  'facebook.com': 'a[href*="/followers"], a[href*="/following"], a[href*="/friends"], a[href*="sk=followers"]',
  'github.com': 'a[href*="tab=followers"] .text-bold, a[href*="tab=following"] .text-bold, #repo-stars-counter-star',
  'instagram.com': 'a[href$="/followers/"], a[href$="/following/"], a[href="#"] span[title]',
  'linkedin.com':
    'a[href*="/mynetwork/invite-connect/connections"], a[href*="/people-follow/followers"], .not-first-middot > span, ' +
    '.pvs-header__optional-link > span, .org-top-card-summary-info-list__info-item',
  'medium.com': 'a[href*="/followers"], a[href*="/following"]',
  'reddit.com': '.karma, [slot="karma"]',
  'substack.com': 'a[href*="/subscribers"], a[href*="/followers"]',
  'threads.com': 'a[href*="/followers"], span[title]',
  'threads.net': 'a[href*="/followers"], span[title]',
  'tiktok.com': '[data-e2e="followers-count"], [data-e2e="following-count"], [data-e2e="likes-count"]',
  'x.com': 'a[href$="/following"], a[href$="/verified_followers"], a[href$="/followers"]',
  'twitter.com': 'a[href$="/following"], a[href$="/verified_followers"], a[href$="/followers"]',
  'youtube.com': '#page-header yt-content-metadata-view-model span, #subscriber-count, #owner-sub-count',
};
const host = location.hostname.split('.').slice(-2).join('.');
const selector = SELECTORS[host];
const UNITS = { k: 1e3, m: 1e6, b: 1e9 };
const shown = new Map();

function read(text) {
  const match = /(\d[\d.,\s]*)\s*([kmb])?/i.exec(text);
  if (!match) return null;
  return Math.round(parseFloat(match[1].replace(/[,\s]/g, '')) * (UNITS[(match[2] ?? '').toLowerCase()] ?? 1));
}

function prompt(count) {
  if (shown.has(count)) return;
  const value = read(count.textContent ?? '');
  if (value === null || Number.isNaN(value)) return;
  const el = document.createElement('running-for-prompt');
  const chip = document.createElement('button');
  chip.textContent = 'What for?';
  chip.setAttribute('aria-label', `${value}: what for?`);
  el.attachShadow({ mode: 'closed' }).append(chip);
  el.setAttribute('data-value', String(value));
  count.after(el);
  shown.set(count, el);
}

function scan(root) {
  if (root.nodeType !== 1 && root.nodeType !== 9) return;
  if (root.nodeType === 1 && root.matches(selector)) prompt(root);
  for (const count of root.querySelectorAll(selector)) prompt(count);
}

if (selector) {
  chrome.runtime.sendMessage({ type: 'settings' }, (reply) => {
    if (!reply || reply.mode === 'off') return;
    scan(document);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node.localName !== 'running-for-prompt') scan(node);
        if (record.removedNodes.length === 0) continue;
        for (const [count, el] of shown) {
          if (count.isConnected) continue;
          shown.delete(count);
          el.remove();
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
}
