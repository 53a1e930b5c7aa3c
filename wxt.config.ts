import { defineConfig } from 'wxt';
import { hideStylesheets } from './utils/hide-css';
import { adapters, hostMatchPatterns } from './utils/sites';

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
    // scripting: hide-mode stylesheets and added sites' content scripts are registered at run time.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Only the supported social sites; anything else is an optional permission asked at use.
    host_permissions: hostMatchPatterns(),
    optional_host_permissions: ['https://*/*'],
    // The dashboard doubles as the options page.
    options_ui: { page: 'dashboard.html', open_in_tab: true },
  },
  hooks: {
    // One hide-mode stylesheet per site (hide/<id>.css), generated from the adapters' `hide` selectors so
    // the selectors live next to each site's detection and the CSS can never drift from them.
    'build:publicAssets': (_wxt, files) => {
      for (const sheet of hideStylesheets(adapters)) files.push(sheet);
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
