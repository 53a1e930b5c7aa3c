// Injected into every benchmark page before the page's own scripts (context.addInitScript), in the
// page's world — what a site's own performance monitoring could see:
// - long tasks (≥ 50 ms) from the start of the page;
// - for each block of counts the page inserts (a hovercard, a profile header, LinkedIn's own card),
//   the time from its insertion to each `<running-for-prompt>` host appearing in it. The host is a
//   light-DOM element, so a MutationObserver here sees it the moment the content script inserts it.
(() => {
  const bench = {
    longTasks: [],
    /** One per prompted count: { kind, latency, sameFrame }. */
    samples: [],
    /** For each inserted block: the time to the next frame's first callback, { kind, wait }. */
    frameWaits: [],
    /** Counts the page inserted, by kind: how many prompts were due. */
    due: {},
    /** Hosts that appeared outside any block the page marked (posts, bios: trap text). */
    stray: 0,
    blocks: new Map(),
    nextId: 1,
  };
  window.__bench = bench;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the report shows none rather than failing the page.
  }

  /** The page calls this right after inserting `element`, which holds `counts` counts. */
  bench.inserted = (element, counts, kind) => {
    const id = String(bench.nextId++);
    element.setAttribute('data-bench-id', id);
    const block = { at: performance.now(), kind, seen: new Set(), frameDone: false };
    bench.blocks.set(id, block);
    bench.due[kind] = (bench.due[kind] || 0) + counts;
    // This callback runs first in the next frame (it was registered before the content script could
    // react); a task queued from it runs once that frame is rendered. A host that appears before then
    // was painted in the same frame as the count.
    // The wait for that frame is the page's and the browser's, extension or not: it is recorded too.
    requestAnimationFrame(() => {
      bench.frameWaits.push({ kind, wait: performance.now() - block.at });
      setTimeout(() => (block.frameDone = true), 0);
    });
  };

  const observer = new MutationObserver((records) => {
    for (let r = 0; r < records.length; r++) {
      const added = records[r].addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i];
        if (node.localName !== 'running-for-prompt') continue;
        const holder = node.closest('[data-bench-id]');
        const block = holder && bench.blocks.get(holder.getAttribute('data-bench-id'));
        if (!block) {
          bench.stray++;
          continue;
        }
        // One sample per count; each block holds at most one count of each metric.
        const key = node.getAttribute('data-metric');
        if (block.seen.has(key)) continue;
        block.seen.add(key);
        bench.samples.push({ kind: block.kind, latency: performance.now() - block.at, sameFrame: !block.frameDone });
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });

  /** What the benchmark reads back (plain data). */
  bench.report = () => ({
    longTasks: bench.longTasks,
    samples: bench.samples,
    frameWaits: bench.frameWaits,
    due: bench.due,
    stray: bench.stray,
    nodes: document.getElementsByTagName('*').length,
  });
})();
