/**
 * Run `callback` when the page is idle, and within `timeoutMs` at worst; returns a canceller. Where
 * there is no requestIdleCallback (Safari), after `fallbackMs`.
 */
export function whenIdle(callback: () => void, timeoutMs: number, fallbackMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, fallbackMs);
  return () => clearTimeout(id);
}
