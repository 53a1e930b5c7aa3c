/**
 * Live detection in a page: scans once, then again after DOM changes, at most once per animation
 * frame, and after single-page navigations (the URL is checked on every batch: WXT's own
 * `wxt:locationchange` polls only once a second, wxt#1567). Stops cleanly when the content-script
 * context is invalidated (extension updated or disabled).
 */
import { detect } from './detect';
import { PROMPT_TAG, PromptHosts } from './prompt-hosts';
import type { Detection } from './sites/types';

export interface LiveDetectorContext {
  onInvalidated(callback: () => void): unknown;
}

export interface LiveDetector {
  /** Run a scan now (tests, and the first scan). */
  scan(): Detection[];
  stop(): void;
}

export function startLiveDetector(
  ctx: LiveDetectorContext,
  doc: Document = document,
  location: () => string = () => doc.location.href,
): LiveDetector {
  const hosts = new PromptHosts();
  let frame = 0;
  let stopped = false;

  const scan = (): Detection[] => {
    const detections = detect(doc, location());
    hosts.sync(detections);
    return detections;
  };

  const schedule = () => {
    if (frame || stopped) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      scan();
    });
  };

  const observer = new MutationObserver((records) => {
    // Our own host elements changing is not a reason to rescan.
    const relevant = records.some((record) => {
      const target = record.target as Element;
      if (target.nodeType === 1 && target.localName === PROMPT_TAG) return false;
      if (record.type === 'childList') {
        const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
        return nodes.length === 0 || nodes.some((node) => !(node.nodeType === 1 && (node as Element).localName === PROMPT_TAG));
      }
      return true;
    });
    if (relevant) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    hosts.clear();
  };
  ctx.onInvalidated(stop);
  scan();
  return { scan, stop };
}
