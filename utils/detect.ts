/**
 * `detect(root, url, lang)`: the one entry point to detection. Pure — reads any DOM (browser,
 * happy-dom, linkedom) and returns every audience count found with its site, metric, value,
 * approximate and own flags, and source text. Used by the content script, the tests and `scan`.
 */
import { adapterFor, pageTypeOf } from './sites';
import type { Detection, SiteContext } from './sites/types';

export function detect(root: ParentNode, url: string | URL, lang?: string | null): Detection[] {
  const doc: Document = (root as Node).ownerDocument ?? (root as Document);
  const location = typeof url === 'string' ? new URL(url) : url;
  const pageLang = lang || doc.documentElement?.getAttribute('lang') || undefined;
  const adapter = adapterFor(location, doc);
  const ctx: SiteContext = { url: location, doc, lang: pageLang, page: pageTypeOf(adapter, location) };
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
