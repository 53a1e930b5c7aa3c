import { defineConfig, type UserManifest } from 'wxt';
import { PROMPT_HOST_CSS, PROMPT_HOST_CSS_PATH } from './utils/live/host-css';
import { hideStylesheets } from './utils/settings/hide-css';
import { languagePackFiles } from './utils/detection/lang/files';
import { localeFiles } from './utils/i18n/files';
import { adapters, HIDE, hostMatchPatterns } from './utils/sites';

/**
 * Firefox (AMO) settings. The id must never change: it is how Firefox recognises updates and keeps the
 * extension's storage. 140 (an ESR) is the first desktop release that reads data_collection_permissions;
 * everything else we use (MV3, scripting.registerContentScripts with persistAcrossSessions, module
 * background scripts, optional_host_permissions) is older. Android reads the key from 142.
 */
export const FIREFOX_SETTINGS: NonNullable<UserManifest['browser_specific_settings']> = {
  gecko: {
    id: 'running-for@running-for.app',
    strict_min_version: '140.0',
    // Everything stays on the device: no data leaves it, so nothing to consent to.
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: the same modules run in the extension, in Vitest and in the
  // `scan` command (plain Node via tsx), so nothing may rely on WXT's auto-import globals.
  imports: false,
  // Static files (the icons) live under assets/ with the rest of the project's assets.
  publicDir: 'assets/public',
  // A function of the target so the Firefox-only keys (add-on id, minimum version, data collection)
  // stay out of the Chrome/Edge manifest, where the Chrome Web Store would flag them as unknown.
  manifest: ({ browser }) => ({
    // In the browser's language, from assets/locales (utils/i18n/files.ts; tests/unit/locales.test.ts keeps every locale whole).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Every permission is justified in README "Permissions" and mirrored in tests/unit/manifest.test.ts.
    // scripting: hide-mode stylesheets and added sites' content scripts are registered at run time; a
    // language pack, and the diagnostic of a site that stopped showing counts, run in the asking frame.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Only the supported social sites; anything else is an optional permission asked at use.
    host_permissions: hostMatchPatterns(),
    optional_host_permissions: ['https://*/*'],
    // The prompt's dialog (entrypoints/prompt/) is an extension page the chip shows in a frame, so the site's
    // page sees nothing inside it. Frames are made only by the content scripts, on the supported sites and
    // the sites the user added (any https origin: added sites are not known here). Chrome serves it from a
    // per-session random origin (use_dynamic_url), so no page can learn its address and frame it itself;
    // Firefox's extension origin is already random per installation. Its scripts and styles load from the
    // same origin, so they are listed too.
    web_accessible_resources: [
      {
        resources: ['prompt.html', 'chunks/*', 'assets/*'],
        matches: ['https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Private windows are never recorded: the extension cannot be allowed there at all (README "Privacy").
    // With "spanning" (the default) and the user's "Allow in Incognito"/"Run in Private Windows", private
    // browsing would land in the one journal; "split" would still share storage.local with it.
    incognito: 'not_allowed',
    // The dashboard doubles as the options page.
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
  }),
  zip: {
    // The sources zip is what Mozilla's reviewers rebuild the Firefox package from (README "Install").
    // WXT already leaves out node_modules, the output folder, *.test.ts files and dot-folders. The
    // rest of tests/ is not needed to build (and is incomplete without the test files); the others
    // are local artefacts.
    excludeSources: ['tests/**', 'test-results/**', 'playwright-report/**', 'stats.html', '**/*.log'],
  },
  hooks: {
    // webextension-polyfill (the project's stack) for the background and the extension pages, where its
    // ~10 kB is free. Content scripts keep WXT's own `browser`: every build is MV3, where Chrome's `chrome.*`
    // returns promises and Firefox has `browser`, and there the polyfill would cost 2.8 kB gzipped of a 20 kB
    // budget per script. So do the unlisted scripts the background injects into their world (the prompt's
    // frame code, the diagnostic). (What @wxt-dev/webextension-polyfill does, minus those groups.)
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'content-script' || entrypoint.type === 'unlisted-script')) return;
      config.resolve ??= {};
      config.resolve.alias = {
        ...(config.resolve.alias as Record<string, string> | undefined),
        'wxt/browser': '@wxt-dev/webextension-polyfill/browser',
      };
    },
    // Each site's content script brings the chips' page sheet (utils/live/host-css.ts).
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.css = [...(script.css ?? []), PROMPT_HOST_CSS_PATH];
    },
    // One hide-mode stylesheet per site and metric (hide/<id>-<metric>.css), generated from each adapter file's
    // `hide` selectors (the registry's HIDE), so the selectors live next to each site's detection and the CSS cannot drift.
    'build:publicAssets': (_wxt, files) => {
      for (const sheet of hideStylesheets(adapters, HIDE)) files.push(sheet);
      // The sheet that turns the chips on, in every page a content script runs in (utils/live/host-css.ts).
      files.push({ relativeDest: PROMPT_HOST_CSS_PATH, contents: PROMPT_HOST_CSS });
      // One file per language besides English (utils/detection/lang/files.ts), injected into a page that needs it.
      for (const pack of languagePackFiles()) files.push(pack);
      // The UI's words: each locale's surfaces merged into the `_locales/<locale>/messages.json` the browser reads.
      for (const locale of localeFiles()) files.push(locale);
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // RUNNING_FOR_PROFILE=1 keeps names readable, for CPU profiles of the content script (README "Benchmark").
    ...(process.env.RUNNING_FOR_PROFILE ? { build: { minify: false } } : {}),
  }),
});
