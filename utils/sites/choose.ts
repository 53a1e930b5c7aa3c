/**
 * Which adapter reads a page: one rule for the registry (./index.ts `adapterFor`), for the content scripts,
 * which carry only their own adapters (utils/live/sites.ts), and for the background, which checks who sent
 * a message (utils/messaging/background.ts). By host — an adapter's hosts and their subdomains — then by
 * markup (Mastodon on any instance). A page none claims is read by the generic detector and reports under
 * its host (`hostSiteId`), which is also the id of a site the user added. And the pages an adapter's
 * content script runs on: the same hosts as match patterns (`adapterMatchPatterns`), for the manifest,
 * the site's content script and the background's registrations alike.
 */
import { hostMatches } from './dom';
import type { SiteAdapter } from './types';

/** The adapter whose hosts include `hostname` or a domain above it. */
export function adapterByHost(adapters: readonly SiteAdapter[], hostname: string): SiteAdapter | undefined {
  return adapters.find((adapter) => adapter.hosts.some((owned) => hostMatches(hostname, owned)));
}

/** The adapter that claims the page: by host, then (with the document) by markup; none for the generic detector. */
export function claimingAdapter(adapters: readonly SiteAdapter[], url: URL, doc?: Document): SiteAdapter | undefined {
  return adapterByHost(adapters, url.hostname) ?? (doc ? adapters.find((adapter) => adapter.recognize?.(doc)) : undefined);
}

/** The site id of a page no adapter claims: its host name, lower case, without a trailing dot. */
export function hostSiteId(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** Match patterns of one adapter's hosts: each host and its subdomains, HTTPS only. */
export function adapterMatchPatterns(adapter: SiteAdapter): string[] {
  return adapter.hosts.flatMap((host) => [`https://${host}/*`, `https://*.${host}/*`]);
}
