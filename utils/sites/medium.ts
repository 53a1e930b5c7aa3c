// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const medium: SiteAdapter = { id: 'medium', name: 'Medium', hosts: ['medium.com'], pages: {}, detect: () => [] };
