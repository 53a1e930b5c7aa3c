// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const github: SiteAdapter = { id: 'github', name: 'GitHub', hosts: ['github.com'], pages: {}, detect: () => [] };
