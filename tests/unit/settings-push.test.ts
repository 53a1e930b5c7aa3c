/**
 * The background's push of settings changes to open tabs (utils/settings/push.ts): which sites changed,
 * which tabs that concerns, and what they are sent — a bare "ask again", never a setting.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { changedSites, patternsFor, startBrowserSettingsPush, tellTabs, type TabsApi } from '../../utils/settings/push';
import { extraOriginsItem, metricModesItem, siteModesItem, snoozesItem } from '../../utils/settings/items';
import { adapters } from '../../utils/sites';

/** A fake `browser.tabs`: the tabs whose URL matches a query's patterns (simple `https://host/*` and `https://*.host/*`). */
function fakeTabs(open: Record<number, string>, refuse: number[] = []) {
  const queries: Array<{ url?: string[] }> = [];
  const sent: Array<[number, unknown]> = [];
  const matches = (pattern: string, url: URL) => {
    const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? '';
    return host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.host === host;
  };
  const tabs: TabsApi = {
    query: async (info) => {
      queries.push(info);
      return Object.entries(open)
        .filter(([, url]) => !info.url || info.url.some((pattern) => matches(pattern, new URL(url))))
        .map(([id]) => ({ id: Number(id) }));
    },
    sendMessage: async (id, message) => {
      sent.push([id, message]);
      if (refuse.includes(id)) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    },
  };
  return { tabs, queries, sent };
}

describe('which sites changed', () => {
  it('compares two repaired maps by site id', () => {
    expect(changedSites({ x: 'hide', linkedin: 'off' }, { x: 'hide', linkedin: 'reframe', youtube: 'off' })).toEqual([
      'linkedin',
      'youtube',
    ]);
    expect(changedSites({ x: '2026-11-23T10:00:00.000Z' }, {})).toEqual(['x']);
    expect(changedSites({}, {})).toEqual([]);
  });

  it('compares a site’s metric modes by value, whatever order their keys were written in', () => {
    const before = { x: { followers: 'hide', following: 'reframe' }, github: { stars: 'off' } };
    expect(changedSites(before, { x: { following: 'reframe', followers: 'hide' }, github: { stars: 'off' } })).toEqual([]);
    expect(changedSites(before, { x: { followers: 'hide' }, github: { stars: 'off' }, reddit: { karma: 'hide' } })).toEqual([
      'reddit',
      'x',
    ]);
  });
});

describe('which tabs a change concerns', () => {
  const origins = ['https://mastodon.social', 'https://blog.example:8443'];

  it('a supported site: its hosts and their subdomains', () => {
    expect(patternsFor(['x'], adapters, origins)).toEqual([
      'https://*.twitter.com/*',
      'https://*.x.com/*',
      'https://twitter.com/*',
      'https://x.com/*',
    ]);
  });

  it('a network found by markup (Mastodon): every added site; an added site: that site only', () => {
    expect(patternsFor(['mastodon'], adapters, origins)).toEqual(['https://blog.example:8443/*', 'https://mastodon.social/*']);
    expect(patternsFor(['blog.example'], adapters, origins)).toEqual(['https://blog.example:8443/*']);
    expect(patternsFor(['not-added.example'], adapters, origins)).toEqual([]);
  });
});

describe('telling the tabs', () => {
  it('sends a bare "ask again" to each tab the patterns match, and shrugs off tabs that do not listen', async () => {
    const { tabs, queries, sent } = fakeTabs(
      { 1: 'https://x.com/jane', 2: 'https://mobile.x.com/sam', 3: 'https://www.linkedin.com/feed/' },
      [2],
    );
    expect(await tellTabs(tabs, ['https://x.com/*', 'https://*.x.com/*'])).toEqual([1, 2]);
    expect(queries).toEqual([{ url: ['https://x.com/*', 'https://*.x.com/*'] }]);
    expect(sent).toEqual([
      [1, { type: 'settings/changed' }],
      [2, { type: 'settings/changed' }],
    ]);
  });

  it('asks nothing for no patterns; `all` tells every tab', async () => {
    const { tabs, queries, sent } = fakeTabs({ 1: 'https://x.com/jane', 4: 'https://news.example/' });
    expect(await tellTabs(tabs, [])).toEqual([]);
    expect(queries).toEqual([]);
    expect(await tellTabs(tabs, 'all')).toEqual([1, 4]);
    expect(queries).toEqual([{}]);
    expect(sent.map(([id]) => id)).toEqual([1, 4]);
  });
});

describe('the push in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells the tabs of each site whose mode or snooze changed, and only them', async () => {
    await extraOriginsItem.setValue(['https://mastodon.social']);
    const { tabs, sent } = fakeTabs({ 1: 'https://x.com/jane', 2: 'https://www.linkedin.com/feed/', 3: 'https://mastodon.social/@jane' });
    const revoked: Array<() => void> = [];
    const granted: Array<() => void> = [];
    const event = (list: Array<() => void>) => ({
      addListener: (listener: () => void) => list.push(listener),
      removeListener: () => list.pop(),
    });
    const permissions = { onAdded: event(granted), onRemoved: event(revoked) };
    const stop = startBrowserSettingsPush(tabs, adapters, permissions as never);

    await siteModesItem.setValue({ linkedin: 'off' });
    await vi.waitFor(() => expect(sent.map(([id]) => id)).toEqual([2]));
    await snoozesItem.setValue({ 'mastodon.social': '2026-11-24T09:00:00.000Z' });
    await vi.waitFor(() => expect(sent.map(([id]) => id)).toEqual([2, 3]));
    // The same value written again changes nothing, so nobody is told.
    await siteModesItem.setValue({ linkedin: 'off' });
    await snoozesItem.setValue({ 'mastodon.social': '2026-11-24T09:00:00.000Z', x: '2026-11-24T09:00:00.000Z' });
    await vi.waitFor(() => expect(sent.map(([id]) => id)).toEqual([2, 3, 1]));
    expect(sent.every(([, message]) => JSON.stringify(message) === '{"type":"settings/changed"}')).toBe(true);

    // A withdrawn permission: that site's tabs are no longer visible by URL, so every tab is told.
    (revoked.at(-1) as () => void)();
    await vi.waitFor(() => expect(sent.map(([id]) => id)).toEqual([2, 3, 1, 1, 2, 3]));
    // Granted again: every tab is told too, so the site's open pages come back without a reload.
    (granted.at(-1) as () => void)();
    await vi.waitFor(() => expect(sent.map(([id]) => id)).toEqual([2, 3, 1, 1, 2, 3, 1, 2, 3]));

    stop();
    await siteModesItem.setValue({ x: 'off' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toHaveLength(9);
    expect(revoked).toHaveLength(0);
    expect(granted).toHaveLength(0);
  });

  it('tells the tabs of a site one of whose metrics changed mode, and only them', async () => {
    const { tabs, sent } = fakeTabs({ 1: 'https://x.com/jane', 2: 'https://github.com/jane' });
    const event = { addListener: () => {}, removeListener: () => {} };
    const stop = startBrowserSettingsPush(tabs, adapters, { onAdded: event, onRemoved: event } as never);
    await metricModesItem.setValue({ x: { followers: 'hide' } });
    await vi.waitFor(() => expect(sent.map(([id]) => id)).toEqual([1]));
    await metricModesItem.setValue({ x: { followers: 'hide' }, github: { stars: 'off' } });
    await vi.waitFor(() => expect(sent.map(([id]) => id)).toEqual([1, 2]));
    await metricModesItem.setValue({ github: { stars: 'off' } });
    await vi.waitFor(() => expect(sent.map(([id]) => id)).toEqual([1, 2, 1]));
    stop();
  });
});
