// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const substack: SiteAdapter = { id: 'substack', name: 'Substack', hosts: ['substack.com'], pages: {}, detect: () => [] };
