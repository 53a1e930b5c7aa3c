/**
 * The adapter registry: the single list that the content script, the manifest's host permissions
 * and the tests all derive from. Add a site by adding its file here (the meta-test checks that every
 * file in this folder is registered and has fixtures).
 */
import { hide as blueskyHide, bluesky } from './bluesky';
import { hostMatches } from './dom';
import { hide as facebookHide, facebook } from './facebook';
import { generic } from './generic';
import { hide as githubHide, github } from './github';
import { hide as instagramHide, instagram } from './instagram';
import { hide as linkedinHide, linkedin } from './linkedin';
import { hide as mastodonHide, mastodon } from './mastodon';
import { hide as mediumHide, medium } from './medium';
import { hide as redditHide, reddit } from './reddit';
import { hide as substackHide, substack } from './substack';
import { hide as threadsHide, threads } from './threads';
import { hide as tiktokHide, tiktok } from './tiktok';
import type { SiteAdapter } from './types';
import { hide as xHide, x } from './x';
import { hide as youtubeHide, youtube } from './youtube';

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

export { generic, hostMatches };

/**
 * Hide mode's selectors per site: the elements that show the site's numbers (not their labels), hidden
 * at `document_start` for a site the user hides, so the numbers never paint (utils/hide-css.ts writes one
 * stylesheet each). Each lives in its adapter's file beside the hooks it mirrors, as a function of its
 * own: the content scripts never call it, so they do not carry it.
 */
export const HIDE: Readonly<Record<string, string>> = {
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

/** The adapter for a page: by host, then by markup (Mastodon on any instance), else the generic detector. */
export function adapterFor(url: URL, doc?: Document): SiteAdapter {
  const byHost = adapters.find((adapter) => adapter.hosts.some((owned) => hostMatches(url.hostname, owned)));
  if (byHost) return byHost;
  if (doc) {
    const byMarkup = adapters.find((adapter) => adapter.recognize?.(doc));
    if (byMarkup) return byMarkup;
  }
  return generic;
}

export function pageTypeOf(adapter: SiteAdapter, url: URL): string | undefined {
  return Object.entries(adapter.pages).find(([, page]) => page.test(url))?.[0];
}

/** Match patterns of one adapter's hosts: each host and its subdomains, HTTPS only. */
export function adapterMatchPatterns(adapter: SiteAdapter): string[] {
  return adapter.hosts.flatMap((host) => [`https://${host}/*`, `https://*.${host}/*`]);
}

/** Match patterns for every host a registered adapter owns (manifest host permissions, content script). */
export function hostMatchPatterns(): string[] {
  return adapters.flatMap(adapterMatchPatterns);
}
