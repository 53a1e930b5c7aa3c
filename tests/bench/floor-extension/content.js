// The floor of a live detector (npm run bench): one MutationObserver over the whole document, as
// Running For's content script has, whose callback only walks the records it is given. Everything
// Running For adds above this (batching, detection, prompts) is what the benchmark compares.
let seen = 0;
new MutationObserver((records) => {
  // Reading each record is the least any detector does; the count keeps the loop from being dead code.
  for (let i = 0; i < records.length; i++) seen += records[i].addedNodes.length;
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
globalThis.runningForFloorSeen = () => seen;
