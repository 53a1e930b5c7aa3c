/**
 * Run-time content script registrations: which scripts the settings call for, and an idempotent sync
 * against a hand-made fake of `browser.scripting` / `browser.permissions` (WXT's fake browser does not
 * implement them) that behaves like Chrome's: duplicate ids are refused.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  desiredScripts,
  hiddenMetrics,
  MAX_HOST_LENGTH,
  startBrowserRegistrationSync,
  mainContentScript,
  normaliseOrigin,
  planSync,
  readRegistrationSettings,
  serializedSync,
  startRegistrationSync,
  syncRegistrations,
  type ContentScript,
  type SyncDeps,
} from '../../utils/settings/registrations';
import type { MetricModes, SiteMode } from '../../utils/settings/items';
import { extraOriginsItem, metricModesItem, siteModesItem } from '../../utils/settings/items';
import { adapters } from '../../utils/sites';

const MAIN = { js: ['content-scripts/content.js'], css: [] };

class FakeScripting {
  scripts = new Map<string, ContentScript>();
  calls: string[] = [];
  async getRegisteredContentScripts() {
    return [...this.scripts.values()].map((script) => structuredClone(script));
  }
  async registerContentScripts(scripts: ContentScript[]) {
    this.calls.push(`register ${scripts.map((s) => s.id).join(' ')}`);
    for (const script of scripts) if (this.scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
    for (const script of scripts) this.scripts.set(script.id, structuredClone(script));
  }
  async unregisterContentScripts(filter?: { ids?: string[] }) {
    this.calls.push(`unregister ${(filter?.ids ?? []).join(' ')}`);
    for (const id of filter?.ids ?? [...this.scripts.keys()]) {
      if (!this.scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    }
  }
}

class FakePermissions {
  granted = new Set<string>();
  async contains({ origins = [] }: { origins?: string[] }) {
    return origins.every((origin) => this.granted.has(origin));
  }
}

function setup(
  settings: { siteModes?: Record<string, SiteMode>; metricModes?: Record<string, MetricModes>; extraOrigins?: string[] } = {},
) {
  const scripting = new FakeScripting();
  const permissions = new FakePermissions();
  const state = { siteModes: settings.siteModes ?? {}, metricModes: settings.metricModes ?? {}, extraOrigins: settings.extraOrigins ?? [] };
  const deps: SyncDeps = { scripting, permissions, adapters, main: MAIN, readSettings: async () => structuredClone(state) };
  return { scripting, permissions, state, deps };
}

describe('desiredScripts', () => {
  it('registers the document_start stylesheets of every metric of the sites in hide mode, on their hosts', () => {
    const scripts = desiredScripts({
      siteModes: { x: 'hide', linkedin: 'off', github: 'reframe', reddit: 'hide' },
      grantedOrigins: [],
      adapters,
      main: MAIN,
    });
    expect(scripts).toEqual([
      {
        id: 'hide-reddit',
        matches: ['https://reddit.com/*', 'https://*.reddit.com/*'],
        css: ['hide/reddit-followers.css', 'hide/reddit-karma.css'],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
      {
        id: 'hide-x',
        matches: ['https://x.com/*', 'https://*.x.com/*', 'https://twitter.com/*', 'https://*.twitter.com/*'],
        css: ['hide/x-followers.css', 'hide/x-following.css'],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('registers exactly the stylesheets of the metrics whose mode is hide: their own, else their site’s', () => {
    const css = (siteModes: Record<string, SiteMode>, metricModes: Record<string, MetricModes>) =>
      Object.fromEntries(desiredScripts({ siteModes, metricModes, grantedOrigins: [], adapters, main: MAIN }).map((s) => [s.id, s.css]));
    // Hide followers, reframe following (the site reframed).
    expect(css({}, { x: { followers: 'hide' } })).toEqual({ 'hide-x': ['hide/x-followers.css'] });
    // The site hidden, one metric taken out of it (reframed or off): the others stay hidden.
    expect(css({ x: 'hide', github: 'hide' }, { x: { following: 'reframe' }, github: { stars: 'off' } })).toEqual({
      'hide-github': ['hide/github-followers.css', 'hide/github-following.css'],
      'hide-x': ['hide/x-followers.css'],
    });
    // Every metric taken out: no registration at all.
    expect(css({ x: 'hide' }, { x: { followers: 'reframe', following: 'off' } })).toEqual({});
    // A site that is off can still hide one metric.
    expect(css({ linkedin: 'off' }, { linkedin: { connections: 'hide' } })).toEqual({ 'hide-linkedin': ['hide/linkedin-connections.css'] });
    // A choice for a metric the site does not show changes nothing.
    expect(css({}, { x: { karma: 'hide' }, reddit: { stars: 'hide' } })).toEqual({});
    // Without metric modes (settings from before them) the site's mode decides alone.
    expect(desiredScripts({ siteModes: { tiktok: 'hide' }, grantedOrigins: [], adapters, main: MAIN })[0]?.css).toEqual([
      'hide/tiktok-followers.css',
      'hide/tiktok-following.css',
    ]);
  });

  it('names the hidden metrics of a site in the product’s order', () => {
    expect(hiddenMetrics({ siteModes: { github: 'hide' }, metricModes: {} }, 'github')).toEqual(['followers', 'following', 'stars']);
    expect(hiddenMetrics({ siteModes: {}, metricModes: { github: { stars: 'hide', followers: 'hide' } } }, 'github')).toEqual([
      'followers',
      'stars',
    ]);
    expect(hiddenMetrics({ siteModes: { github: 'hide' }, metricModes: {} }, 'example.com')).toEqual([]);
  });

  it('registers the main content script on each granted added site', () => {
    const scripts = desiredScripts({
      siteModes: {},
      grantedOrigins: ['https://mastodon.social', 'https://blog.example:8443'],
      adapters,
      main: MAIN,
    });
    expect(scripts).toEqual([
      {
        id: 'site-blog.example:8443',
        matches: ['https://blog.example:8443/*'],
        js: MAIN.js,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
      {
        id: 'site-mastodon.social',
        matches: ['https://mastodon.social/*'],
        js: MAIN.js,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('hides Mastodon (recognised by markup, no hosts of its own) on the added sites, or nowhere without one', () => {
    expect(desiredScripts({ siteModes: { mastodon: 'hide' }, grantedOrigins: [], adapters, main: MAIN })).toEqual([]);
    const [hide] = desiredScripts({ siteModes: { mastodon: 'hide' }, grantedOrigins: ['https://mastodon.social'], adapters, main: MAIN });
    expect(hide).toMatchObject({
      id: 'hide-mastodon',
      matches: ['https://mastodon.social/*'],
      css: ['hide/mastodon-followers.css', 'hide/mastodon-following.css'],
      runAt: 'document_start',
    });
  });

  it('loads the same files as the manifest’s content script, css included', () => {
    const main = mainContentScript({ content_scripts: [{ js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] }] });
    const [script] = desiredScripts({ siteModes: {}, grantedOrigins: ['https://a.example'], adapters, main });
    expect(script).toMatchObject({ js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] });
    expect(mainContentScript({})).toEqual({ js: [], css: [] });
  });
});

describe('planSync', () => {
  const hideX: ContentScript = { id: 'hide-x', matches: ['https://x.com/*'], css: ['hide/x-followers.css'], runAt: 'document_start' };

  it('leaves scripts it did not register alone, and unchanged ones in place', () => {
    const foreign: ContentScript = { id: 'something-else', matches: ['https://a.example/*'], js: ['a.js'] };
    expect(planSync([foreign, hideX], [hideX])).toEqual({ unregister: [], register: [] });
  });

  it('treats a path Chrome reports with a leading slash as the same registration', () => {
    expect(planSync([{ ...hideX, css: ['/hide/x-followers.css'] }], [hideX])).toEqual({ unregister: [], register: [] });
  });

  it('replaces a registration whose matches or files changed', () => {
    const changed = { ...hideX, matches: ['https://x.com/*', 'https://twitter.com/*'] };
    expect(planSync([hideX], [changed])).toEqual({ unregister: ['hide-x'], register: [changed] });
    const more = { ...hideX, css: ['hide/x-followers.css', 'hide/x-following.css'] };
    expect(planSync([hideX], [more])).toEqual({ unregister: ['hide-x'], register: [more] });
  });

  it('replaces the one stylesheet a release before per-metric modes registered for a site', () => {
    const before: ContentScript = { ...hideX, css: ['hide/x.css'] };
    expect(planSync([before], [hideX])).toEqual({ unregister: ['hide-x'], register: [hideX] });
  });
});

describe('syncRegistrations', () => {
  it('registers, then does nothing when nothing changed (idempotent)', async () => {
    const { scripting, deps } = setup({ siteModes: { x: 'hide' } });
    expect((await syncRegistrations(deps)).register.map((s) => s.id)).toEqual(['hide-x']);
    expect(await syncRegistrations(deps)).toEqual({ unregister: [], register: [] });
    expect(scripting.calls).toEqual(['register hide-x']);
  });

  it('unregisters a site’s stylesheet when it leaves hide mode', async () => {
    const { scripting, state, deps } = setup({ siteModes: { x: 'hide', youtube: 'hide' } });
    await syncRegistrations(deps);
    state.siteModes = { x: 'reframe', youtube: 'hide' };
    await syncRegistrations(deps);
    expect([...scripting.scripts.keys()]).toEqual(['hide-youtube']);
    state.siteModes = { youtube: 'off' };
    await syncRegistrations(deps);
    expect(scripting.scripts.size).toBe(0);
  });

  it('follows a metric’s own mode: its stylesheet joins or leaves the site’s registration', async () => {
    const { scripting, state, deps } = setup({ siteModes: { x: 'hide' } });
    await syncRegistrations(deps);
    expect(scripting.scripts.get('hide-x')?.css).toEqual(['hide/x-followers.css', 'hide/x-following.css']);
    state.metricModes = { x: { following: 'reframe' } };
    expect(await syncRegistrations(deps)).toMatchObject({
      unregister: ['hide-x'],
      register: [{ id: 'hide-x', css: ['hide/x-followers.css'] }],
    });
    state.siteModes = {};
    state.metricModes = { x: { following: 'hide' } };
    await syncRegistrations(deps);
    expect(scripting.scripts.get('hide-x')?.css).toEqual(['hide/x-following.css']);
    state.metricModes = {};
    await syncRegistrations(deps);
    expect(scripting.scripts.size).toBe(0);
  });

  it('registers an added site only while its permission is granted', async () => {
    const { scripting, permissions, deps } = setup({ extraOrigins: ['https://mastodon.social', 'https://blog.example'] });
    permissions.granted.add('https://mastodon.social/*');
    await syncRegistrations(deps);
    expect([...scripting.scripts.keys()]).toEqual(['site-mastodon.social']);
    // The user revokes it (Remove in the dashboard, or chrome://extensions).
    permissions.granted.clear();
    await syncRegistrations(deps);
    expect(scripting.scripts.size).toBe(0);
  });

  it('unregisters an added site removed from the settings, and moves Mastodon’s stylesheet with the added sites', async () => {
    const { scripting, permissions, state, deps } = setup({
      siteModes: { mastodon: 'hide' },
      extraOrigins: ['https://a.example', 'https://b.example'],
    });
    permissions.granted.add('https://a.example/*').add('https://b.example/*');
    await syncRegistrations(deps);
    expect(scripting.scripts.get('hide-mastodon')?.matches).toEqual(['https://a.example/*', 'https://b.example/*']);
    state.extraOrigins = ['https://b.example'];
    await syncRegistrations(deps);
    expect([...scripting.scripts.keys()].sort()).toEqual(['hide-mastodon', 'site-b.example']);
    expect(scripting.scripts.get('hide-mastodon')?.matches).toEqual(['https://b.example/*']);
  });
});

describe('serializedSync', () => {
  it('never runs two syncs at once, and folds requests made meanwhile into one more run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const release: Array<() => void> = [];
    const sync = serializedSync(
      async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        await new Promise<void>((resolve) => release.push(resolve));
        active--;
      },
      () => {},
    );
    const first = sync();
    void sync();
    void sync();
    release.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release.shift()!();
    await first;
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
  });

  it('reports a failed sync and keeps serving later requests', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const sync = serializedSync(
      async () => {
        if (fail) throw new Error('boom');
      },
      (error) => errors.push(error),
    );
    await sync();
    fail = false;
    await sync();
    expect(errors).toHaveLength(1);
  });
});

describe('startRegistrationSync with the settings items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('syncs at start and again, by itself, when the site modes change', async () => {
    const scripting = new FakeScripting();
    const permissions = new FakePermissions();
    await siteModesItem.setValue({ github: 'hide' });
    const { stop } = startRegistrationSync({
      scripting,
      permissions,
      adapters,
      main: MAIN,
      readSettings: readRegistrationSettings,
      watch: (resync) => [siteModesItem.watch(resync), extraOriginsItem.watch(resync)],
    });
    await vi.waitFor(() => expect([...scripting.scripts.keys()]).toEqual(['hide-github']));
    await siteModesItem.setValue({ github: 'reframe', tiktok: 'hide' });
    await vi.waitFor(() => expect([...scripting.scripts.keys()]).toEqual(['hide-tiktok']));
    stop();
    await siteModesItem.setValue({ x: 'hide' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...scripting.scripts.keys()]).toEqual(['hide-tiktok']);
  });

  it('reads the metric modes, repaired, and the browser’s wiring syncs again when they change', async () => {
    await fakeBrowser.storage.local.set({
      'settings.metricModes': { x: { followers: 'hide', likes: 'hide' }, Bad: { followers: 'hide' } },
    });
    expect(await readRegistrationSettings()).toEqual({ siteModes: {}, metricModes: { x: { followers: 'hide' } }, extraOrigins: [] });
    const scripting = new FakeScripting();
    const event = { addListener: () => {}, removeListener: () => {} };
    const permissions = Object.assign(new FakePermissions(), { onAdded: event, onRemoved: event });
    const stop = startBrowserRegistrationSync({ scripting, permissions } as never, adapters);
    await vi.waitFor(() => expect(scripting.scripts.get('hide-x')?.css).toEqual(['hide/x-followers.css']));
    await metricModesItem.setValue({ x: { following: 'hide' }, youtube: { subscribers: 'hide' } });
    await vi.waitFor(() => expect([...scripting.scripts.keys()].sort()).toEqual(['hide-x', 'hide-youtube']));
    expect(scripting.scripts.get('hide-x')?.css).toEqual(['hide/x-following.css']);
    stop();
  });
});

describe('a withdrawn permission, in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('unregisters the site but keeps it listed; granted again (permissions.onAdded), its script comes back', async () => {
    const scripting = new FakeScripting();
    const permissions = new FakePermissions();
    permissions.granted.add('https://mastodon.social/*').add('https://blog.example/*');
    const added: Array<() => void> = [];
    const removed: Array<() => void> = [];
    const event = (list: Array<() => void>) => ({ addListener: (listener: () => void) => list.push(listener), removeListener: () => {} });
    const browserApi = { scripting, permissions: Object.assign(permissions, { onAdded: event(added), onRemoved: event(removed) }) };
    await extraOriginsItem.setValue(['https://mastodon.social', 'https://blog.example']);
    const stop = startBrowserRegistrationSync(browserApi as never, adapters);
    await vi.waitFor(() => expect([...scripting.scripts.keys()].sort()).toEqual(['site-blog.example', 'site-mastodon.social']));

    // The user withdraws blog.example's access in the browser's extension settings.
    permissions.granted.delete('https://blog.example/*');
    removed.forEach((listener) => listener());
    await vi.waitFor(() => expect([...scripting.scripts.keys()]).toEqual(['site-mastodon.social']));
    expect(await extraOriginsItem.getValue()).toEqual(['https://mastodon.social', 'https://blog.example']);

    // …and allows it again.
    permissions.granted.add('https://blog.example/*');
    added.forEach((listener) => listener());
    await vi.waitFor(() => expect([...scripting.scripts.keys()].sort()).toEqual(['site-blog.example', 'site-mastodon.social']));
    stop();
  });
});

describe('normaliseOrigin', () => {
  it('accepts a bare host or any URL on it, and keeps only the https origin', () => {
    expect(normaliseOrigin('mastodon.social')).toEqual({ ok: true, origin: 'https://mastodon.social' });
    expect(normaliseOrigin('  https://Blog.Example:8443/posts/1?x#y ')).toEqual({ ok: true, origin: 'https://blog.example:8443' });
    expect(normaliseOrigin('social.example.org/@sam')).toEqual({ ok: true, origin: 'https://social.example.org' });
  });

  it('refuses what the optional permission cannot cover, with a sentence saying why', () => {
    for (const input of [
      '',
      '   ',
      'http://blog.example',
      'ftp://blog.example',
      'localhost',
      'https://user:pw@blog.example',
      '192.168.0.1',
      'not a site',
      'https://',
    ]) {
      const result = normaliseOrigin(input);
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^[A-Z“].*\.$/);
    }
  });

  it('accepts a host up to the longest DNS allows (253 characters), which is also the longest site id', () => {
    const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(host).toHaveLength(MAX_HOST_LENGTH);
    expect(MAX_HOST_LENGTH).toBe(253);
    expect(normaliseOrigin(`${host}/@jane`)).toEqual({ ok: true, origin: `https://${host}` });
    expect(normaliseOrigin(`x${host}`)).toEqual({
      ok: false,
      message: 'That site’s name is longer than any can be: 253 characters at most.',
    });
  });

  it('refuses a host with characters a site id cannot hold; an international name is kept in its xn-- form', () => {
    expect(normaliseOrigin('my_blog.example')).toMatchObject({ ok: false, message: expect.stringContaining('is not a site’s address') });
    expect(normaliseOrigin('[::1]')).toMatchObject({ ok: false });
    expect(normaliseOrigin('bücher.example')).toEqual({ ok: true, origin: 'https://xn--bcher-kva.example' });
  });

  it('points supported sites to their mode instead of adding them twice', () => {
    expect(normaliseOrigin('www.youtube.com')).toEqual({ ok: false, message: 'YouTube is already supported: choose its mode above.' });
  });
});
