// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const bluesky: SiteAdapter = { id: 'bluesky', name: 'Bluesky', hosts: ['bsky.app'], pages: {}, detect: () => [] };
