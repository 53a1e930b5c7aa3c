/**
 * Layered detection. Sites redesign; when they do, the stable hooks an adapter reads (test ids, hrefs,
 * titles) are what breaks first (News Feed Eradicator's "Facebook broke" issues, Control Panel for
 * Twitter's `twitter-change` ones). So every adapter's hooks are only the first layer:
 *
 * 1. `hook`: the adapter's own `detect`.
 * 2. `label`: within a region where counts live (a profile header, a hovercard: `SiteAdapter.regions`),
 *    the controls and stat items whose whole text is a count and its label ("12.3K followers",
 *    "Abonnenten: 1.234"), for the metrics the region shows and the hooks did not find.
 * 3. `generic`: the generic detector (utils/sites/generic.ts), restricted to that region, for what is
 *    still missing. A site's content script does not carry it: the first region that needs it asks for it
 *    (./generic-slot.ts), and the page is read again once it is in.
 *
 * Never outside a region, so never in posts, bios or comments; and the user-content containers and the
 * adapter's quiet ones stay excluded inside it. A fallback count is marked (`via`), which is how site
 * health tells "the site changed" from "all is well".
 */
import { parseExactCount, type ParsedCount } from '../detection/count';
import { genericNeeded, registeredGeneric } from './generic-slot';
import { insideAny, langOf, makeFound, readPhrase, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, Region, SiteAdapter, SiteContext } from './types';

/** What the label layer reads: controls and stat items, the places sites put a count and its label. */
const LABELLED = 'a, button, [role="button"], [role="link"], [role="listitem"], li, dd, dt, [title], [aria-label]';

/**
 * Hooks, then the fallback layers in each region that overlaps `root`. The result is what a full scan
 * finds inside `root`: a region around a small root (a live pass on one re-rendered number) is judged
 * whole — which metrics its hooks find — and only the fallback counts inside `root` are kept.
 */
export function detectLayered(adapter: SiteAdapter, root: ParentNode, ctx: SiteContext): Found[] {
  const hooks = adapter.detect(root, ctx);
  if (!adapter.regions) return hooks;
  const top = rootElement(root);
  if (!top) return hooks;
  const regions = adapter.regions(ctx, top);
  if (regions.length === 0) return hooks;
  let out = hooks;
  for (const region of regions) {
    const element = region.element;
    const inside = top.contains(element);
    if (!inside && !element.contains(top)) continue;
    let seen: readonly Found[];
    if (inside) {
      seen = out.filter((found) => element.contains(found.element));
    } else {
      // The root is a piece of the region. Where it already shows every metric, nothing can be missing.
      if (region.metrics.every((metric) => out.some((found) => found.metric === metric))) continue;
      seen = adapter.detect(element, ctx);
    }
    const missing = region.metrics.filter((metric) => !seen.some((found) => found.metric === metric));
    if (missing.length === 0) continue;
    const taken = seen.map((found) => found.element).concat(out.map((found) => found.element));
    const extra = fallbacks(element, ctx, missing, taken, adapter.quiet).filter((found) => inside || top.contains(found.element));
    if (extra.length === 0) continue;
    const own = region.own();
    if (out === hooks) out = hooks.slice();
    for (const found of extra) out.push({ ...found, own });
  }
  return out;
}

function rootElement(root: ParentNode): Element | null {
  if ((root as Node).nodeType === 1) return root as Element;
  return (root as Document).documentElement ?? null;
}

/** Elements already reported, or holding or held by one, are not counted again. */
function overlaps(el: Element, taken: readonly Element[]): boolean {
  return taken.some((other) => other === el || other.contains(el) || el.contains(other));
}

/** The label layer, then the generic one, for the `missing` metrics of one region: at most one count each. */
export function fallbacks(
  region: Element,
  ctx: SiteContext,
  missing: readonly Metric[],
  taken: readonly Element[],
  quiet?: string,
): Found[] {
  const excluded = quiet ? `${USER_CONTENT}, ${quiet}` : USER_CONTENT;
  if (insideAny(region, excluded)) return [];
  const found: Found[] = [];
  const want = new Set(missing);
  const held = taken.slice();
  const take = (item: Found) => {
    want.delete(item.metric);
    held.push(item.element);
    found.push(item);
  };

  // Label layer: the innermost labelled element per metric, first in page order (LinkedIn's visible copy
  // comes before its screen-reader twin).
  const candidates: Found[] = [];
  for (const el of [region, ...Array.from(region.querySelectorAll(LABELLED))]) {
    if (!el.matches(LABELLED) || insideAny(el, excluded) || overlaps(el, held)) continue;
    const text = textOf(el);
    if (text.length > 80 || !/\p{Nd}/u.test(text)) continue;
    const phrase = readPhrase(el, ctx, text);
    if (!phrase || !want.has(phrase.metric)) continue;
    candidates.push(makeFound(el, phrase.metric, exactWithin(el, ctx, phrase.count), false, text));
  }
  for (const candidate of candidates) {
    if (!want.has(candidate.metric)) continue;
    if (candidates.some((other) => other !== candidate && candidate.element.contains(other.element) && other.metric === candidate.metric))
      continue;
    take({ ...candidate, via: 'label' });
  }
  if (want.size === 0) return found;

  // Generic layer: any element whose whole text is a count and its label, not in prose.
  const generic = registeredGeneric();
  if (!generic) {
    genericNeeded();
    return found;
  }
  for (const item of generic(region, ctx)) {
    if (!want.has(item.metric) || insideAny(item.element, excluded) || overlaps(item.element, held)) continue;
    take({ ...item, via: 'generic' });
  }
  return found;
}

/**
 * The exact value of an abbreviated count, where the page carries it beside the shown text: a `title`
 * or `aria-label` on the element or inside it that is a plain number within the abbreviation's rounding
 * (Instagram's and Threads' `<span title="517,904">517K</span>`).
 */
function exactWithin(el: Element, ctx: SiteContext, count: ParsedCount): ParsedCount {
  if (!count.approximate) return count;
  for (const holder of [el, ...Array.from(el.querySelectorAll('[title], [aria-label]'))]) {
    for (const name of ['title', 'aria-label']) {
      const exact = parseExactCount(holder.getAttribute(name), langOf(holder, ctx));
      if (exact !== null && Math.abs(exact - count.value) <= count.value * 0.1) return { value: exact, approximate: false };
    }
  }
  return count;
}

/**
 * A region for each element matching `selector`, in page order: the shape of most adapters' `regions`
 * (a profile header by its hook and its fallbacks, a hovercard by its portal).
 */
export function regionsMatching(
  doc: ParentNode,
  selector: string,
  metrics: readonly Metric[],
  own: (element: Element) => boolean,
  transient?: boolean,
): Region[] {
  const seen = new Set<Element>();
  const out: Region[] = [];
  for (const element of Array.from(doc.querySelectorAll(selector))) {
    // A region inside another adds nothing: the outer one is read whole.
    if (seen.has(element) || out.some((region) => region.element.contains(element))) continue;
    seen.add(element);
    out.push({ element, metrics, own: () => own(element), ...(transient ? { transient } : {}) });
  }
  return out;
}

/**
 * The container around a landmark that survives redesigns (the profile's `h1`, an avatar's `img[alt]`):
 * its ancestor `levels` up, or the highest one below that which stays within `maxElements` — a header,
 * never the page's main column.
 */
export function around(anchor: Element, levels: number, maxElements = 300): Element {
  let el = anchor;
  for (let level = 0; level < levels; level++) {
    const parent = el.parentElement;
    if (!parent || parent.tagName === 'BODY' || parent.tagName === 'MAIN' || elementsBelow(parent) > maxElements) break;
    el = parent;
  }
  return el;
}

/**
 * How many elements are below `element`: counted by the browser (a live collection's length, no walk in
 * script). linkedom's `getElementsByTagName('*')` finds nothing, so an element with children that counts
 * none is counted again by selector.
 */
export function elementsBelow(element: Element): number {
  const count = element.getElementsByTagName('*').length;
  return count === 0 && element.firstElementChild ? element.querySelectorAll('*').length : count;
}
