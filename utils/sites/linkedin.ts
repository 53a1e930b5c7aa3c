// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const linkedin: SiteAdapter = { id: 'linkedin', name: 'LinkedIn', hosts: ['linkedin.com'], pages: {}, detect: () => [] };
