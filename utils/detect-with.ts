/**
 * Detection with one given adapter: the body of `detect` (utils/detect.ts), which first picks the adapter
 * from the whole registry. Kept apart from the registry on purpose: each content script bundles only the
 * adapters of the sites it runs on (entrypoints/*.content.ts), and importing utils/sites/index.ts would
 * bring every adapter along.
 */
import type { Detection, SiteAdapter, SiteContext } from './sites/types';

export function detectWith(adapter: SiteAdapter, root: ParentNode, url: string | URL, lang?: string | null): Detection[] {
  const doc: Document = (root as Node).ownerDocument ?? (root as Document);
  const location = typeof url === 'string' ? new URL(url) : url;
  const pageLang = lang || doc.documentElement?.getAttribute('lang') || undefined;
  const page = Object.entries(adapter.pages).find(([, type]) => type.test(location))?.[0];
  const ctx: SiteContext = { url: location, doc, lang: pageLang, page };
  let found;
  try {
    found = adapter.detect(root, ctx);
  } catch (error) {
    // A page shaped in a way no adapter expected is skipped, never a crash of the host page.
    console.warn(`Running For: ${adapter.id} detection failed`, error);
    return [];
  }
  const seen = new Set<Element>();
  const detections: Detection[] = [];
  for (const item of found) {
    if (seen.has(item.element)) continue;
    if (!Number.isSafeInteger(item.value) || item.value < 0) continue;
    seen.add(item.element);
    detections.push({ ...item, site: adapter.id });
  }
  return detections;
}
