// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const youtube: SiteAdapter = { id: 'youtube', name: 'YouTube', hosts: ['youtube.com'], pages: {}, detect: () => [] };
