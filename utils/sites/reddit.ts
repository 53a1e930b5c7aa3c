// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const reddit: SiteAdapter = { id: 'reddit', name: 'Reddit', hosts: ['reddit.com'], pages: {}, detect: () => [] };
