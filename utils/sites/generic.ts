// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const generic: SiteAdapter = { id: 'generic', name: 'Generic', hosts: [], pages: {}, detect: () => [] };
