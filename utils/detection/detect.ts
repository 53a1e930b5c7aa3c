/**
 * `detect(root, url, lang)`: the one entry point to detection. Pure — reads any DOM (browser,
 * happy-dom, linkedom) and returns every audience count found with its site, metric, value,
 * approximate and own flags, and source text. Used by the tests, `scan` and the extension's pages; a
 * content script does the same with only its own adapters (./detect-with.ts, utils/live/sites.ts), so it
 * never loads the registry. The adapter is the registry's choice for the page (utils/sites/choose.ts: by
 * host, then markup, else generic) unless given.
 */
import { detectWith } from './detect-with';
// Every language: `detect` reads pages in any language (tests, `scan`); content scripts load theirs on demand.
import './lang/all';
import { adapterFor } from '../sites';
import type { Detection, SiteAdapter } from '../sites/types';

export function detect(root: ParentNode, url: string | URL, lang?: string | null, adapter?: SiteAdapter): Detection[] {
  const doc: Document = (root as Node).ownerDocument ?? (root as Document);
  const location = typeof url === 'string' ? new URL(url) : url;
  return detectWith(adapter ?? adapterFor(location, doc), root, location, lang);
}
