/**
 * What people read for sites and metrics. The supported sites' ids and names, in registry order, for
 * extension pages (popup, dashboard) that only need to name sites: importing the registry would load
 * every adapter and the label tables into the popup. The registry stays the source;
 * tests/unit/registry.test.ts checks this list against it. And each metric's word, one table for the
 * prompt, the weekly review and its report.
 */
import type { Metric } from './types';

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

const METRIC_WORDS: Record<Metric, [one: string, many: string]> = {
  followers: ['follower', 'followers'],
  following: ['followed account', 'followed accounts'],
  connections: ['connection', 'connections'],
  friends: ['friend', 'friends'],
  subscribers: ['subscriber', 'subscribers'],
  karma: ['karma point', 'karma'],
  stars: ['star', 'stars'],
};

/** The metric's word for `count` of it ("1 follower", "2 followed accounts"). */
export function metricWord(metric: Metric, count: number): string {
  const [one, many] = METRIC_WORDS[metric];
  return Math.abs(count) === 1 ? one : many;
}
