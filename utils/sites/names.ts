/**
 * What people read for sites. The supported sites' ids and names, in registry order, for
 * extension pages (popup, dashboard) that only need to name sites: importing the registry would load
 * every adapter and the label tables into the popup. The registry stays the source;
 * tests/unit/registry.test.ts checks this list against it. (The metrics' words, in the UI's language, are
 * utils/i18n/metrics.ts.)
 */

export const SITE_LIST: readonly { id: string; name: string }[] = [
  { id: 'x', name: 'X' },
  { id: 'linkedin', name: 'LinkedIn' },
  { id: 'facebook', name: 'Facebook' },
  { id: 'instagram', name: 'Instagram' },
  { id: 'youtube', name: 'YouTube' },
  { id: 'github', name: 'GitHub' },
  { id: 'mastodon', name: 'Mastodon' },
  { id: 'bluesky', name: 'Bluesky' },
  { id: 'threads', name: 'Threads' },
  { id: 'tiktok', name: 'TikTok' },
  { id: 'reddit', name: 'Reddit' },
  { id: 'medium', name: 'Medium' },
  { id: 'substack', name: 'Substack' },
];
