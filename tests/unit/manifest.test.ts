/**
 * The manifest asks for nothing the features do not need. Checked on the config object (no build):
 * the permission table below mirrors README "Permissions", and a permission added without a reason
 * there, or a host outside the adapter registry, fails here.
 */
import { readFileSync } from 'node:fs';
import type { ConfigEnv, UserManifest } from 'wxt';
import { describe, expect, it } from 'vitest';
import { adapters, hostMatchPatterns } from '../../utils/sites';
import config from '../../wxt.config';
import { CHIP_CSS } from '../../components/prompt/styles';
import { CHIP_ON, PROMPT_HOST_CSS, PROMPT_HOST_CSS_PATH } from '../../utils/live/host-css';

/** Each API permission and the feature that needs it (README "Permissions" says the same). */
const PERMISSION_REASONS: Record<string, string> = {
  storage: 'settings: per-site mode, added sites, snoozes, week start, weekly reminder (browser.storage.local)',
  alarms: 'the weekly reminder fires at the chosen day and time, even after the browser restarts',
  notifications: 'the weekly reminder itself: one notification a week that opens that week',
  scripting: 'hide mode registers each site’s stylesheet at document_start; sites you add get the content script registered for them',
};

/** Permissions no feature needs; asking for any of them would be broader than the product. */
const NEVER = [
  'tabs',
  'activeTab',
  'history',
  'cookies',
  'webRequest',
  'webRequestBlocking',
  'webNavigation',
  'downloads',
  'clipboardRead',
  'identity',
  'management',
  'unlimitedStorage',
];

function manifestFor(browser: string): UserManifest {
  const { manifest } = config;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest should be a function of the target browser');
  const env: ConfigEnv = { browser, manifestVersion: 3, mode: 'production', command: 'build' };
  const result = manifest(env);
  if (result instanceof Promise) throw new Error('wxt.config.ts: manifest should be computed synchronously');
  return result;
}

const chrome = manifestFor('chrome');
const firefox = manifestFor('firefox');
const edge = manifestFor('edge');

function versionMajor(version: string | undefined): number {
  return Number.parseInt(version ?? '0', 10);
}

describe('manifest permissions', () => {
  it.each([
    ['chrome', chrome],
    ['edge', edge],
    ['firefox', firefox],
  ])('%s: asks for exactly the permissions the features need', (_name, manifest) => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(Object.keys(PERMISSION_REASONS).sort());
    for (const never of NEVER) expect(manifest.permissions).not.toContain(never);
    expect(manifest).not.toHaveProperty('optional_permissions');
  });

  it('has a reason for every permission', () => {
    for (const reason of Object.values(PERMISSION_REASONS)) expect(reason.length).toBeGreaterThan(20);
  });

  it('grants hosts only for the supported sites, derived from the adapter registry', () => {
    const hosts = chrome.host_permissions ?? [];
    expect(hosts).toEqual(hostMatchPatterns());
    const owned = adapters.flatMap((adapter) => adapter.hosts);
    for (const pattern of hosts) {
      const match = /^https:\/\/(?:\*\.)?([a-z0-9.-]+)\/\*$/.exec(pattern);
      expect(match, `${pattern} is an https pattern for one host`).not.toBeNull();
      expect(owned).toContain(match?.[1]);
    }
    for (const host of owned) expect(hosts).toContain(`https://${host}/*`);
    for (const broad of ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*']) expect(hosts).not.toContain(broad);
    expect(firefox.host_permissions).toEqual(hosts);
  });

  it('asks for other sites only at use, per site: https://*/* is optional and nothing else is', () => {
    for (const manifest of [chrome, edge, firefox]) expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });
});

describe('private windows', () => {
  it.each([
    ['chrome', chrome],
    ['edge', edge],
    ['firefox', firefox],
  ])('%s: the extension cannot run in incognito or private windows, so private browsing is never recorded', (_name, manifest) => {
    expect(manifest.incognito).toBe('not_allowed');
  });

  it('the README says so', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const privacy = /^## Privacy\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
    expect(privacy).toContain('`"incognito": "not_allowed"`');
  });
});

describe('web-accessible resources', () => {
  const PROMPT_PAGE = ['prompt.html', 'chunks/*', 'assets/*'];

  it.each([
    ['chrome', chrome],
    ['edge', edge],
  ])('%s: only the prompt page and what it loads, for https pages, at a per-session address', (_name, manifest) => {
    expect(manifest.web_accessible_resources).toEqual([{ resources: PROMPT_PAGE, matches: ['https://*/*'], use_dynamic_url: true }]);
  });

  it('firefox: the same, without use_dynamic_url (its extension origin is already random per installation)', () => {
    expect(firefox.web_accessible_resources).toEqual([{ resources: PROMPT_PAGE, matches: ['https://*/*'] }]);
  });

  it('the README says so', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const permissions = /^## Permissions\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
    expect(permissions).toContain(
      '**Web-accessible resources**: `prompt.html` with its `chunks/*` and `assets/*`, for `https://*/*` pages',
    );
    expect(permissions).toContain('`use_dynamic_url`');
  });
});

describe("the chips' page sheet", () => {
  it('is built as a file and brought by every content script of the manifest', async () => {
    const hooks = config.hooks as unknown as {
      'build:publicAssets': (wxt: unknown, files: { relativeDest: string; contents?: string }[]) => void;
      'build:manifestGenerated': (
        wxt: unknown,
        manifest: { content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[] },
      ) => void;
    };
    const files: { relativeDest: string; contents?: string }[] = [];
    hooks['build:publicAssets'](undefined, files);
    expect(files.find((file) => file.relativeDest === PROMPT_HOST_CSS_PATH)?.contents).toBe(PROMPT_HOST_CSS);
    const manifest = {
      content_scripts: [
        { matches: ['https://x.com/*'], js: ['content-scripts/x.js'] },
        { matches: ['https://github.com/*'], js: ['content-scripts/github.js'], css: ['other.css'] },
      ],
    };
    hooks['build:manifestGenerated'](undefined, manifest);
    expect(manifest.content_scripts.map((script) => script.css)).toEqual([[PROMPT_HOST_CSS_PATH], ['other.css', PROMPT_HOST_CSS_PATH]]);
  });

  it('sets what the chip needs to show, and nothing else', () => {
    expect(PROMPT_HOST_CSS).toContain(`running-for-prompt { ${CHIP_ON.display}: inline-flex; ${CHIP_ON.gap}: 6px; }`);
    expect(CHIP_CSS).toContain(`display: var(${CHIP_ON.display}, none);`);
    expect(CHIP_CSS).toContain(`var(${CHIP_ON.gap}, 0)`);
  });
});

describe('Firefox settings', () => {
  const gecko = firefox.browser_specific_settings?.gecko;

  it('has a stable add-on id', () => {
    // Changing it makes AMO treat the extension as a new add-on, and Firefox loses the user's storage.
    expect(gecko?.id).toBe('running-for@running-for.app');
  });

  it('declares that no data is collected', () => {
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('requires a Firefox that reads every key it uses', () => {
    // data_collection_permissions: desktop 140, Android 142 (addons-linter warns below either).
    expect(versionMajor(gecko?.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(versionMajor(firefox.browser_specific_settings?.gecko_android?.strict_min_version)).toBeGreaterThanOrEqual(142);
  });

  it('keeps Firefox-only keys out of the Chrome and Edge manifests', () => {
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(edge).not.toHaveProperty('browser_specific_settings');
  });
});

describe('README permissions review', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = /^## Permissions\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';

  it('exists', () => {
    expect(section.length).toBeGreaterThan(0);
  });

  it('explains every permission and names every supported host', () => {
    for (const permission of Object.keys(PERMISSION_REASONS)) expect(section).toContain(`\`${permission}\``);
    for (const host of adapters.flatMap((adapter) => adapter.hosts)) expect(section).toContain(host);
    expect(section).toContain('`https://*/*`');
  });
});
