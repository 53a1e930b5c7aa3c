// The least a prompt layer can do for a hovercard (npm run bench:hovercards): find the count links in
// what was added, read the number, put a host with a chip in a closed shadow root beside each — reusing
// the hosts of counts that went — and let go of those whose count went. No exclusions, no label or
// own-profile checks, no placement by layout, no theme, no activity, no settings: not a product, a
// lower bound for what Running For's live layer spends per prompted count.
const spares = [];
const shown = new Map();

function makePrompt() {
  const host = document.createElement('running-for-prompt');
  const chip = document.createElement('button');
  chip.textContent = 'What for?';
  host.attachShadow({ mode: 'closed' }).append(chip);
  return { host, chip };
}

const UNITS = { K: 1e3, M: 1e6, B: 1e9 };
function read(text) {
  const match = /^([\d.,]+)([KMB]?)$/.exec(text.trim());
  return match ? Math.round(parseFloat(match[1].replace(/,/g, '')) * (UNITS[match[2]] ?? 1)) : null;
}

new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== 1 || node.localName === 'running-for-prompt') continue;
      for (const link of node.querySelectorAll('a[href$="/following"], a[href$="/verified_followers"]')) {
        const value = read(link.firstElementChild?.textContent ?? '');
        if (value === null) continue;
        const prompt = spares.pop() ?? makePrompt();
        prompt.host.setAttribute('data-metric', link.getAttribute('href').endsWith('/following') ? 'following' : 'followers');
        prompt.host.setAttribute('data-value', String(value));
        prompt.chip.setAttribute('aria-label', `${value}: what for?`);
        link.after(prompt.host);
        shown.set(link, prompt);
      }
    }
    if (record.removedNodes.length === 0) continue;
    for (const [link, prompt] of shown) {
      if (link.isConnected) continue;
      shown.delete(link);
      prompt.host.remove();
      spares.push(prompt);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
