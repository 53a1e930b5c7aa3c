// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const instagram: SiteAdapter = { id: 'instagram', name: 'Instagram', hosts: ['instagram.com'], pages: {}, detect: () => [] };
