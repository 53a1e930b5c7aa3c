import { defineConfig } from 'wxt';
import { hostMatchPatterns } from './utils/sites';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: the same modules run in the extension, in Vitest and in the
  // `scan` command (plain Node via tsx), so nothing may rely on WXT's auto-import globals.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Running For',
    description:
      'What are you running for? Puts a question beside follower counts: what have those connections produced?',
    permissions: ['storage'],
    // Only the supported social sites; anything else is an optional permission asked at use.
    host_permissions: hostMatchPatterns(),
    optional_host_permissions: ['https://*/*'],
    // The dashboard doubles as the options page.
    options_ui: { page: 'dashboard.html', open_in_tab: true },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
