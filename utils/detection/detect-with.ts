/**
 * Detection with one given adapter: the body of `detect` (utils/detection/detect.ts), which first picks the adapter
 * from the whole registry. Kept apart from the registry on purpose: each content script bundles only the
 * adapters of the sites it runs on (entrypoints/*.content.ts), and importing utils/sites/index.ts would
 * bring every adapter along.
 */
import { detectLayered } from '../sites/layers';
import type { Detection, SiteAdapter, SiteContext } from '../sites/types';

/**
 * What an adapter knows about the page while it detects: the URL, the document, the page language and
 * the page type. A pure function of its inputs, so the live layer builds it once per URL and language
 * and reuses it for every changed subtree of every pass (a timeline batch has dozens).
 */
export function contextFor(adapter: SiteAdapter, doc: Document, url: URL, lang?: string | null): SiteContext {
  const pageLang = lang || doc.documentElement?.getAttribute('lang') || undefined;
  let page: string | undefined;
  for (const name in adapter.pages) {
    if (adapter.pages[name]!.test(url)) {
      page = name;
      break;
    }
  }
  return { url, doc, lang: pageLang, page };
}

/**
 * Detection under `root` in every layer (utils/sites/layers.ts: the adapter's hooks, then labels and the
 * generic detector in its regions), made safe: a throwing adapter finds nothing, one element is reported
 * once, values are safe integers, and each count says which layer found it.
 */
export function detectInContext(adapter: SiteAdapter, root: ParentNode, ctx: SiteContext): Detection[] {
  let found;
  try {
    found = detectLayered(adapter, root, ctx);
  } catch (error) {
    // A page shaped in a way no adapter expected is skipped, never a crash of the host page.
    console.warn(`Running For: ${adapter.id} detection failed`, error);
    return [];
  }
  const detections: Detection[] = [];
  if (found.length === 0) return detections;
  const seen = new Set<Element>();
  for (const item of found) {
    if (seen.has(item.element)) continue;
    if (adapter.quiet && item.element.closest(adapter.quiet)) continue;
    if (!Number.isSafeInteger(item.value) || item.value < 0) continue;
    seen.add(item.element);
    detections.push({ ...item, site: adapter.id, via: item.via ?? 'hook' });
  }
  return detections;
}

export function detectWith(adapter: SiteAdapter, root: ParentNode, url: string | URL, lang?: string | null): Detection[] {
  const doc: Document = (root as Node).ownerDocument ?? (root as Document);
  const location = typeof url === 'string' ? new URL(url) : url;
  return detectInContext(adapter, root, contextFor(adapter, doc, location, lang));
}
