/**
 * Meta-tests for the per-site content scripts: one entrypoint per adapter with hosts, on exactly the
 * registry's match patterns; one run-time script for added sites (Mastodon and the generic detector);
 * and a page's adapter chosen among a script's own adapters exactly as the registry would choose it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import anySite from '../../entrypoints/any-site.content';
import { siteSettings } from '../../components/content-script';
import { onSettingsChanged } from '../../utils/messaging/client';
import { adapterIn, REGISTRY_SITES } from './live-registry';
import { ANY_SITE_SCRIPT } from '../../utils/settings/registrations';
import { adapterFor, adapterMatchPatterns, adapters, generic } from '../../utils/sites';
import { mastodon } from '../../utils/sites/mastodon';
import { fixtureCases, fixtureSites, parseWith } from './fixture-dom';

const ENTRYPOINTS = new URL('../../entrypoints/', import.meta.url);
const contentEntrypoints = readdirSync(ENTRYPOINTS).filter((file) => file.endsWith('.content.ts'));
const withHosts = adapters.filter((adapter) => adapter.hosts.length > 0);

describe('content script entrypoints', () => {
  it('has one per adapter with hosts, and the one for added sites', () => {
    expect([...contentEntrypoints].sort()).toEqual(
      [...withHosts.map((adapter) => `${adapter.id}.content.ts`), 'any-site.content.ts'].sort(),
    );
  });

  it.each(withHosts.map((adapter) => [adapter.id, adapter] as const))('%s runs on its hosts with its adapter only', async (id, adapter) => {
    const { default: script } = (await import(`../../entrypoints/${id}.content.ts`)) as {
      default: { matches?: string[]; runAt?: string; registration?: string };
    };
    expect(script.matches).toEqual(adapterMatchPatterns(adapter));
    expect(script.runAt).toBe('document_idle');
    expect(script.registration).toBeUndefined();
    // Its bundle carries its own adapter, never the registry (utils/sites/index.ts imports every adapter).
    const source = readFileSync(new URL(`${id}.content.ts`, ENTRYPOINTS), 'utf8');
    expect(source).toContain(`from '@/utils/sites/${id}'`);
    expect(source).not.toMatch(/from '@\/utils\/sites'/);
  });

  it('registers the script for added sites at run time, under the path registrations load', () => {
    expect(anySite.registration).toBe('runtime');
    expect(anySite.matches).toBeUndefined();
    // With the chips' page sheet, as every site's script has it (utils/live/host-css.ts).
    expect(ANY_SITE_SCRIPT).toEqual({ js: ['content-scripts/any-site.js'], css: ['prompt-host.css'] });
    // Adapters recognised by markup on any host (Mastodon) can only run on added sites: that script carries them.
    const source = readFileSync(new URL('any-site.content.ts', ENTRYPOINTS), 'utf8');
    for (const adapter of adapters.filter((candidate) => candidate.hosts.length === 0))
      expect(source).toContain(`from '@/utils/sites/${adapter.id}'`);
  });
});

describe('choosing the adapter among a script’s own', () => {
  const pages = [...adapters, generic]
    .filter((adapter) => fixtureSites().includes(adapter.id))
    .flatMap((adapter) => fixtureCases(adapter.id).map((page) => ({ adapter, page })));

  it.each(pages.map(({ adapter, page }) => [adapter.id, page.file, page] as const))(
    '%s %s: the same adapter as the registry',
    (id, _name, page) => {
      const doc = parseWith('happy-dom', page.html, page.url);
      const url = new URL(page.url);
      const expected = adapterFor(url, doc);
      expect(adapterIn(REGISTRY_SITES, url, doc)).toBe(expected);
      if (expected.hosts.length > 0) expect(adapterIn({ adapters: [expected] }, url, doc)).toBe(expected);
      else expect(adapterIn({ adapters: [mastodon], generic }, url, doc)).toBe(expected);
    },
  );
});

describe('a content script’s settings come from the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for its own site’s modes and snooze, and takes a refusal as off', async () => {
    const asked: unknown[] = [];
    const answer = (reply: unknown) =>
      (async (message: unknown) => {
        asked.push(message);
        return reply;
      }) as never;
    expect(
      await siteSettings(
        'x',
        answer({ ok: true, mode: 'hide', metrics: { following: 'reframe' }, snoozedUntil: '2026-11-26T10:00:00.000Z' }),
      ),
    ).toEqual({
      mode: 'hide',
      metrics: { following: 'reframe' },
      snoozedUntil: '2026-11-26T10:00:00.000Z',
    });
    expect(asked).toEqual([{ type: 'settings/site', siteId: 'x' }]);
    // Withdrawn permission, or an extension that was updated or turned off: nothing runs on the page.
    expect(await siteSettings('x', answer({ ok: false, error: 'Refused: Running For no longer has access to x.com.' }))).toEqual({
      mode: 'off',
      metrics: {},
      snoozedUntil: null,
    });
  });

  it('is told by the background when its settings changed, and by nothing else', async () => {
    const onChange = vi.fn();
    const stop = onSettingsChanged(onChange);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'settings/changed' }, {}, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'settings/changed', mode: 'off' }, {}, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'something/else' }, {}, () => {});
    await fakeBrowser.runtime.onMessage.trigger(null, {}, () => {});
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'settings/changed' }, {}, () => {});
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('no module a content script loads reads or writes storage', () => {
    // The content script's own modules (components/content-script.ts and what it imports for settings): the
    // built bundles are checked too, in tests/e2e/settings.spec.ts.
    for (const file of [
      '../../components/content-script.ts',
      '../../utils/live/layer.ts',
      '../../utils/live/observer.ts',
      '../../utils/live/sites.ts',
      '../../utils/messaging/client.ts',
    ]) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/\b(browser|chrome)\.storage\b|wxt\/utils\/storage|from '[^']*site-settings'/);
    }
  });
});
