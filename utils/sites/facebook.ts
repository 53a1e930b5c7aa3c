// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const facebook: SiteAdapter = { id: 'facebook', name: 'Facebook', hosts: ['facebook.com'], pages: {}, detect: () => [] };
