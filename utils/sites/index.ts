/**
 * The adapter registry: the single list that the content script, the manifest's host permissions
 * and the tests all derive from. Add a site by adding its file here (the meta-test checks that every
 * file in this folder is registered and has fixtures).
 */
import { examples as blueskyExamples, hide as blueskyHide, bluesky } from './bluesky';
import { adapterMatchPatterns, claimingAdapter } from './choose';
import { hostMatches } from './dom';
import { examples as facebookExamples, hide as facebookHide, facebook } from './facebook';
import { generic } from './generic';
import { examples as githubExamples, hide as githubHide, github } from './github';
import { examples as instagramExamples, hide as instagramHide, instagram } from './instagram';
import { examples as linkedinExamples, hide as linkedinHide, linkedin } from './linkedin';
import { examples as mastodonExamples, hide as mastodonHide, mastodon } from './mastodon';
import { examples as mediumExamples, hide as mediumHide, medium } from './medium';
import { examples as redditExamples, hide as redditHide, reddit } from './reddit';
import { examples as substackExamples, hide as substackHide, substack } from './substack';
import { examples as threadsExamples, hide as threadsHide, threads } from './threads';
import { examples as tiktokExamples, hide as tiktokHide, tiktok } from './tiktok';
import { METRICS, type HideSelectors, type Metric, type SiteAdapter } from './types';
import { examples as xExamples, hide as xHide, x } from './x';
import { examples as youtubeExamples, hide as youtubeHide, youtube } from './youtube';

/** Every site adapter, generic last (it is the fallback, never chosen by host). */
export const adapters: readonly SiteAdapter[] = [
  x,
  linkedin,
  facebook,
  instagram,
  youtube,
  github,
  mastodon,
  bluesky,
  threads,
  tiktok,
  reddit,
  medium,
  substack,
];

export { adapterMatchPatterns, generic, hostMatches };

/**
 * Hide mode's selectors per site and metric: the elements that show each metric's numbers (not their
 * labels), hidden at `document_start` where the user hides that metric, so the numbers never paint
 * (utils/settings/hide-css.ts writes one stylesheet per site and metric). Each lives in its adapter's file
 * beside the hooks it mirrors, as a function of its own: the content scripts never call it, so they do
 * not carry it. Its metrics are the ones the site shows (`siteMetrics`).
 */
export const HIDE: Readonly<Record<string, HideSelectors>> = {
  x: xHide(),
  linkedin: linkedinHide(),
  facebook: facebookHide(),
  instagram: instagramHide(),
  youtube: youtubeHide(),
  github: githubHide(),
  mastodon: mastodonHide(),
  bluesky: blueskyHide(),
  threads: threadsHide(),
  tiktok: tiktokHide(),
  reddit: redditHide(),
  medium: mediumHide(),
  substack: substackHide(),
};

/**
 * The metrics a supported site shows, in the product's order (METRICS): those its hide selectors cover,
 * which are every metric its adapter reports (tests/unit/registry.test.ts and hide-css.test.ts check both
 * ways on the fixtures). The Sites view offers a mode for each.
 */
export function siteMetrics(siteId: string, hide: Readonly<Record<string, HideSelectors>> = HIDE): Metric[] {
  const selectors = hide[siteId] ?? {};
  return METRICS.filter((metric) => (selectors[metric] ?? '').trim() !== '');
}

/** The adapter for a page: by host, then by markup (Mastodon on any instance), else the generic detector. */
export function adapterFor(url: URL, doc?: Document): SiteAdapter {
  return claimingAdapter(adapters, url, doc) ?? generic;
}

export function pageTypeOf(adapter: SiteAdapter, url: URL): string | undefined {
  return Object.entries(adapter.pages).find(([, page]) => page.test(url))?.[0];
}

/** Match patterns for every host a registered adapter owns (manifest host permissions, content script). */
export function hostMatchPatterns(): string[] {
  return adapters.flatMap(adapterMatchPatterns);
}

/** Each site's example URLs per page type (the adapter files' `examples`), for the tests. */
export const EXAMPLES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  x: xExamples,
  linkedin: linkedinExamples,
  facebook: facebookExamples,
  instagram: instagramExamples,
  youtube: youtubeExamples,
  github: githubExamples,
  mastodon: mastodonExamples,
  bluesky: blueskyExamples,
  threads: threadsExamples,
  tiktok: tiktokExamples,
  reddit: redditExamples,
  medium: mediumExamples,
  substack: substackExamples,
};
