// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const mastodon: SiteAdapter = { id: 'mastodon', name: 'Mastodon', hosts: [], pages: {}, detect: () => [] };
