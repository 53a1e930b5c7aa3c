/**
 * The contract every site adapter fulfils. One adapter per file in `utils/sites/`, registered in
 * `utils/sites/index.ts` — the single list the content script, the manifest's host permissions and
 * the tests derive from.
 */

/** The audience metrics the product reframes. Likes, views, posts, videos and forks are not here on purpose. */
export const METRICS = ['followers', 'following', 'connections', 'friends', 'subscribers', 'karma', 'stars'] as const;
export type Metric = (typeof METRICS)[number];

export function isMetric(value: unknown): value is Metric {
  return typeof value === 'string' && (METRICS as readonly string[]).includes(value);
}

/**
 * Hide mode's selectors of one site, per metric: a CSS selector list of the elements that show that
 * metric's numbers (an adapter file's `hide()`, the registry's `HIDE`). The build writes one stylesheet per
 * site and metric (utils/settings/hide-css.ts), so each metric can be hidden on its own.
 */
export type HideSelectors = Partial<Record<Metric, string>>;

/** A count an adapter found, before the registry adds the site id. */
export interface Found {
  /** The element that shows the count (number and, where it is inside, its label). Prompts go beside it. */
  element: Element;
  metric: Metric;
  /** Non-negative safe integer. */
  value: number;
  /** True for abbreviated ("12.3K") or lower-bound ("500+") values. */
  approximate: boolean;
  /** True when the count belongs to the signed-in user's own profile. */
  own: boolean;
  /** The text the page shows for this count, whitespace collapsed. */
  text: string;
  /** Which layer found it (utils/sites/layers.ts); an adapter's own `detect` reads hooks unless it says otherwise. */
  via?: Layer;
}

/**
 * The layers of detection, most trusted first: the site's stable hooks (test ids, hrefs, titles), then
 * label phrases ("12.3K followers") within the region where counts live, then the generic detector
 * restricted to that region. A count found below `hook` means the site's markup moved.
 */
export const LAYERS = ['hook', 'label', 'generic'] as const;
export type Layer = (typeof LAYERS)[number];

export interface Detection extends Found {
  site: string;
  via: Layer;
}

/**
 * A part of the page where counts live — a profile header, a hovercard, a company's top card — and the
 * metrics it shows. Where an adapter's hooks find fewer of them than the region shows, the fallback
 * layers read the region (never posts, bios or comments: those are excluded everywhere).
 */
export interface Region {
  element: Element;
  /** The metrics this region shows when the site renders it as expected. */
  metrics: readonly Metric[];
  /** Is it the signed-in user's own profile? Asked only when a fallback layer found a count here. */
  own(): boolean;
  /**
   * A popup that comes and goes (a hovercard): read like any region, but its presence does not make a
   * page view one that should show counts (site health).
   */
  transient?: boolean;
}

export interface SiteContext {
  url: URL;
  doc: Document;
  /** The page language: `<html lang>`, or what the caller passed; element-level `lang` wins where set. */
  lang: string | undefined;
  /** The page type from the URL, or undefined when the URL matches none of the adapter's pages. */
  page: string | undefined;
}

export interface PageType {
  /** A pure function of the URL (github-url-detection style); its example URLs are the adapter file's `examples`. */
  test(url: URL): boolean;
}

export interface SiteAdapter {
  /** Stable id, used in `data-site`, storage and settings: lowercase, no spaces. */
  readonly id: string;
  /** Human name for UI. */
  readonly name: string;
  /**
   * Hosts this adapter owns: the host itself and every subdomain match. Empty for adapters
   * recognised by markup on any host (Mastodon).
   */
  readonly hosts: readonly string[];
  /** Page types this site has, in the order they are tried. */
  readonly pages: Readonly<Record<string, PageType>>;
  /** For adapters without hosts: does this document look like the site? Must be cheap. */
  recognize?(doc: Document): boolean;
  /**
   * Containers that never hold one of this site's counts: posts, comments, list cells of posts. Nothing
   * inside them is ever reported (detectInContext drops it, whatever `detect` found), and the live layer
   * does not look at changes inside them — a growing timeline costs one selector match per added post.
   * A CSS selector list; leave it out when unsure, since a count inside is then never found.
   */
  readonly quiet?: string;
  /**
   * Set when a count can stand in for one that goes: LinkedIn takes the first section of <main> as the top
   * card and a phrase from the first of its copies; GitHub's Star button ships two counters and reports
   * the one shown. Then a removal that takes a prompted count with it makes the live layer read around
   * it again. For other sites a removal is looked at only near a count that keeps its prompt
   * (utils/live/roots.ts `nearPrompt`): a hovercard closing beside another costs no detection.
   */
  readonly standIns?: boolean;
  /** Find counts under `root` by the site's stable hooks. Pure: reads the DOM, never changes it. */
  detect(root: ParentNode, ctx: SiteContext): Found[];
  /**
   * The regions of the page where counts live (utils/sites/layers.ts), found with fallbacks of their own
   * (a region must survive the redesign its hooks do not). An adapter without regions has no fallback
   * layers, and its pages never count as expected for site health. `within`, when given, is the root a
   * live pass detects in: regions that neither hold it nor lie inside it may be left out (detection skips
   * them anyway), so a hovercard's pass need not search the whole page for the profile header.
   */
  regions?(ctx: SiteContext, within?: Element): Region[];
}
