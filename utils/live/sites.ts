/**
 * The adapters a content script carries, and what the live layer asks of them: which one reads the page
 * (the registry's rule, utils/sites/choose.ts, over these adapters only), detection with it, the page's
 * count regions for site health, its hints for the observer, and the site id the page reports under.
 * Free of the adapter registry, so each content script bundles only its own site's adapter
 * (entrypoints/*.content.ts); tests/unit/live-registry.ts binds it to the whole registry.
 */
import { contextFor, detectInContext } from '../detection/detect-with';
import { claimingAdapter, hostSiteId } from '../sites/choose';
import type { SiteAdapter, SiteContext } from '../sites/types';
import type { Detect, LiveDetectorOptions } from './observer';

/**
 * The adapters a content script carries. The page's adapter is chosen by the registry's rule
 * (utils/sites/choose.ts): by host, then by markup, else `generic`.
 */
export interface SiteSet {
  adapters: readonly SiteAdapter[];
  /** For pages none of `adapters` claims. Without it the first adapter reads the page: a script injected only on its hosts. */
  generic?: SiteAdapter;
}

export function adapterIn(sites: SiteSet, url: URL, doc?: Document): SiteAdapter {
  return chooseAdapter(sites, url, doc).adapter;
}

/** `adapterIn`, and whether the choice is settled (by host or by markup) rather than the fallback. */
function chooseAdapter(sites: SiteSet, url: URL, doc?: Document): { adapter: SiteAdapter; settled: boolean } {
  const claiming = claimingAdapter(sites.adapters, url, doc);
  if (claiming) return { adapter: claiming, settled: true };
  const fallback = sites.generic ?? sites.adapters[0];
  if (!fallback) throw new Error('Running For: a content script needs at least one site adapter');
  return { adapter: fallback, settled: false };
}

/**
 * Detection over a site set: `detect` with the set's choice of adapter instead of the registry's.
 * The adapter and its page context are worked out once per URL, language and document, not once per
 * root: a pass over a timeline batch detects in dozens of roots, and parsing the URL and testing every
 * page type for each of them was most of the cost of a root with no count in it. An adapter chosen
 * only as the fallback is chosen again on the next call, since the page's markup may yet show whose
 * it is (a Mastodon instance still loading).
 */
export function detectIn(sites: SiteSet): Detect {
  let memo: { key: string; doc: Document; adapter: SiteAdapter; ctx: SiteContext; settled: boolean } | undefined;
  return (root, url, lang) => {
    const doc: Document = (root as Node).ownerDocument ?? (root as Document);
    const href = typeof url === 'string' ? url : url.href;
    // The language is part of the key: a single-page app may switch <html lang> without a navigation.
    const key = `${lang || doc.documentElement?.getAttribute('lang') || ''} ${href}`;
    if (!memo || memo.key !== key || memo.doc !== doc || !memo.settled) {
      const location = typeof url === 'string' ? new URL(url) : url;
      const { adapter, settled } = chooseAdapter(sites, location, doc);
      memo = { key, doc, adapter, ctx: contextFor(adapter, doc, location, lang), settled };
    }
    return detectInContext(memo.adapter, root, memo.ctx);
  };
}

/**
 * The page's count regions where a page view should show counts (site health): the adapter's regions,
 * hovercards excluded, when the adapter is the page's by host or markup; none for the generic detector.
 */
export function expectedRegions(sites: SiteSet, url: URL, doc: Document): { elements: Element[]; page?: string } {
  const { adapter, settled } = chooseAdapter(sites, url, doc);
  if (!settled || !adapter.regions) return { elements: [] };
  const ctx = contextFor(adapter, doc, url);
  return {
    elements: adapter
      .regions(ctx)
      .filter((region) => !region.transient)
      .map((region) => region.element),
    page: ctx.page,
  };
}

/**
 * What the page's adapter tells the live layer (quiet containers, stand-ins), when the adapter is the page's
 * by host or markup (not a fallback).
 */
export function liveHintsOf(sites: SiteSet, url: URL, doc: Document): Pick<LiveDetectorOptions, 'quiet' | 'standIns'> {
  const { adapter, settled } = chooseAdapter(sites, url, doc);
  return settled ? { quiet: adapter.quiet, standIns: adapter.standIns } : {};
}

/**
 * The site id a page reports under: its adapter's id, or for a page only the generic detector reads
 * (a blog the user turned Running For on for) its host — the id the background accepts from it.
 */
export function siteIdOf(sites: SiteSet, url: URL, doc: Document): string {
  const adapter = adapterIn(sites, url, doc);
  return adapter === sites.generic ? hostSiteId(url.hostname) : adapter.id;
}
