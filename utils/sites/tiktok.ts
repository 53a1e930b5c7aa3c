// PLACEHOLDER — being written; replaced by the real adapter.
import type { SiteAdapter } from './types';

export const tiktok: SiteAdapter = { id: 'tiktok', name: 'TikTok', hosts: ['tiktok.com'], pages: {}, detect: () => [] };
