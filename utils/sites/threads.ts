// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const threads: SiteAdapter = { id: 'threads', name: 'Threads', hosts: ['threads.com'], pages: {}, detect: () => [] };
