/**
 * Keeps one `<running-for-prompt data-site data-metric data-value data-own>` host element beside each
 * detected count (the overlay contract in DESIGN.md): added as the count's next sibling, updated in
 * place when the number changes, removed when the count disappears. The site's own nodes are never
 * moved, wrapped or restyled. The host carries only what the page already shows.
 */
import type { Detection } from './sites/types';

export const PROMPT_TAG = 'running-for-prompt';

export interface PromptHostOptions {
  /** Called for a new host, so the UI layer can attach its shadow root. */
  onCreate?: (host: HTMLElement, detection: Detection) => void;
}

export class PromptHosts {
  private readonly hosts = new Map<Element, HTMLElement>();

  constructor(private readonly options: PromptHostOptions = {}) {}

  /** Reconcile hosts with the latest detections for `scope` (the whole document on a full scan). */
  sync(detections: readonly Detection[]): void {
    const current = new Set<Element>();
    for (const detection of detections) {
      current.add(detection.element);
      let host = this.hosts.get(detection.element);
      if (!host || !host.isConnected) {
        host = this.place(detection);
        if (!host) continue;
      }
      setData(host, detection);
    }
    for (const [element, host] of this.hosts) {
      if (!current.has(element) || !element.isConnected) {
        host.remove();
        this.hosts.delete(element);
      }
    }
  }

  /** Remove every host (extension disabled or updated). */
  clear(): void {
    for (const host of this.hosts.values()) host.remove();
    this.hosts.clear();
  }

  get size(): number {
    return this.hosts.size;
  }

  private place(detection: Detection): HTMLElement | undefined {
    const { element } = detection;
    const parent = element.parentNode;
    if (!parent) return undefined;
    const existing = element.nextElementSibling;
    const host =
      existing && existing.localName === PROMPT_TAG ? (existing as HTMLElement) : element.ownerDocument.createElement(PROMPT_TAG);
    if (host !== existing) parent.insertBefore(host, element.nextSibling);
    this.hosts.set(element, host);
    this.options.onCreate?.(host, detection);
    return host;
  }
}

function setData(host: HTMLElement, detection: Detection): void {
  const data: Record<string, string> = {
    site: detection.site,
    metric: detection.metric,
    value: String(detection.value),
    own: String(detection.own),
  };
  for (const [key, value] of Object.entries(data)) {
    if (host.dataset[key] !== value) host.dataset[key] = value;
  }
}
