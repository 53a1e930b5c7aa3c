/**
 * The adapter registry: the single list that the content script, the manifest's host permissions
 * and the tests all derive from. Add a site by adding its file here (the meta-test checks that every
 * file in this folder is registered and has fixtures).
 */
import { bluesky } from './bluesky';
import { hostMatches } from './dom';
import { facebook } from './facebook';
import { generic } from './generic';
import { github } from './github';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { medium } from './medium';
import { reddit } from './reddit';
import { substack } from './substack';
import { threads } from './threads';
import { tiktok } from './tiktok';
import type { SiteAdapter } from './types';
import { x } from './x';
import { youtube } from './youtube';

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
