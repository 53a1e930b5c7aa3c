import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from './i18n-fake';
import {
  deleteAllSettings,
  effectiveMetricMode,
  extraOriginsItem,
  hasStoredSettings,
  isSnoozed,
  loadSettings,
  localeWeekStart,
  metricMode,
  metricModesItem,
  readSiteSettings,
  reminderItem,
  repairMetricModes,
  repairReminder,
  SETTINGS_KEYS,
  siteMode,
  siteModesItem,
  siteStateOf,
  snoozeSite,
  weekStartItem,
} from '../../utils/settings/items';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it("has defaults: every site reframed, weeks start on the language's first day (British: Monday), reminder Sunday 18:00", async () => {
    const settings = await loadSettings();
    expect(settings).toEqual({
      siteModes: {},
      metricModes: {},
      snoozes: {},
      extraOrigins: [],
      weekStartsOn: 1,
      weeklyReminder: { enabled: true, day: 0, time: '18:00' },
    });
    expect(siteMode(settings, 'x')).toBe('reframe');
  });

  it('starts the week where the browser lives until the user picks a day, then keeps their day', async () => {
    const firstDay = async (language: string) => {
      useLocale('en', language);
      return (await loadSettings()).weekStartsOn;
    };
    // Sunday in the US and Brazil, Saturday in Egypt, Monday in France and Germany (Intl.Locale week info).
    expect(await firstDay('en-US')).toBe(0);
    expect(await firstDay('pt-BR')).toBe(0);
    expect(await firstDay('ar-EG')).toBe(6);
    expect(await firstDay('fr-FR')).toBe(1);
    expect(localeWeekStart('de')).toBe(1);
    // A tag Intl cannot read falls back to Monday.
    expect(localeWeekStart('not a language')).toBe(1);
    await weekStartItem.setValue(3);
    expect(await firstDay('en-US')).toBe(3);
  });

  it('round-trips values through browser.storage', async () => {
    await siteModesItem.setValue({ x: 'hide', linkedin: 'off' });
    await weekStartItem.setValue(0);
    const settings = await loadSettings();
    expect(siteMode(settings, 'x')).toBe('hide');
    expect(settings.weekStartsOn).toBe(0);
  });

  it('repairs corrupted values field by field', async () => {
    await fakeBrowser.storage.local.set({
      'settings.siteModes': { x: 'hide', y: 'explode', 'Bad Site': 'off' },
      'settings.extraOrigins': ['https://mastodon.social', 'http://insecure.example', 'https://a.example/path', 42],
      'settings.weekStartsOn': 9,
      'settings.weeklyReminder': { enabled: 'yes', day: 3, time: '25:00' },
    });
    expect(await loadSettings()).toEqual({
      siteModes: { x: 'hide' },
      metricModes: {},
      snoozes: {},
      extraOrigins: ['https://mastodon.social'],
      weekStartsOn: 1,
      weeklyReminder: { enabled: true, day: 3, time: '18:00' },
    });
    expect(repairReminder(null)).toEqual({ enabled: true, day: 0, time: '18:00' });
  });

  it('keeps a mode per site and metric, repaired entry by entry: a site left with none is dropped', async () => {
    await fakeBrowser.storage.local.set({
      'settings.metricModes': {
        x: { followers: 'hide', following: 'reframe', likes: 'hide', views: 'off' },
        github: { stars: 'explode', followers: 42 },
        linkedin: { connections: 'off' },
        'Bad Site': { followers: 'hide' },
        reddit: ['hide'],
        tiktok: null,
      },
    });
    expect((await loadSettings()).metricModes).toEqual({
      x: { followers: 'hide', following: 'reframe' },
      linkedin: { connections: 'off' },
    });
    for (const broken of [null, 'hide', ['x'], 7]) expect(repairMetricModes(broken)).toEqual({});
    // Keys that would reach an object's prototype are no site and no metric.
    expect(repairMetricModes(JSON.parse('{"__proto__": {"followers": "hide"}, "x": {"__proto__": "hide", "followers": "off"}}'))).toEqual({
      x: { followers: 'off' },
    });
    await metricModesItem.setValue({ youtube: { subscribers: 'off' } });
    expect((await readSiteSettings()).metricModes).toEqual({ youtube: { subscribers: 'off' } });
  });

  it('gives each metric its own mode, else its site’s: existing settings keep working', () => {
    const settings = { siteModes: { x: 'hide', linkedin: 'off' } as const, metricModes: { x: { following: 'reframe' as const } } };
    expect(effectiveMetricMode(settings, 'x', 'followers')).toBe('hide');
    expect(effectiveMetricMode(settings, 'x', 'following')).toBe('reframe');
    expect(effectiveMetricMode(settings, 'linkedin', 'connections')).toBe('off');
    expect(effectiveMetricMode(settings, 'github', 'stars')).toBe('reframe');
    expect(effectiveMetricMode({ siteModes: {}, metricModes: { github: { stars: 'off' } } }, 'github', 'stars')).toBe('off');
    expect(metricMode('off', { followers: 'hide' }, 'followers')).toBe('hide');
    expect(metricMode('off', undefined, 'followers')).toBe('off');
  });

  it('tells a site only its own modes: its metrics’ choices, never another site’s', () => {
    const now = new Date('2026-11-26T09:00:00.000Z');
    const settings = {
      siteModes: { x: 'hide' as const },
      metricModes: { x: { following: 'off' as const }, linkedin: { followers: 'hide' as const } },
      snoozes: {},
    };
    expect(siteStateOf(settings, 'x', now)).toEqual({ mode: 'hide', metrics: { following: 'off' }, snoozedUntil: null });
    expect(siteStateOf(settings, 'youtube', now)).toEqual({ mode: 'reframe', metrics: {}, snoozedUntil: null });
    // A copy: the answer cannot change the settings it was read from.
    siteStateOf(settings, 'x', now).metrics.following = 'hide';
    expect(settings.metricModes.x.following).toBe('off');
  });

  it('snoozes a site until a time, then not', async () => {
    await snoozeSite('x', new Date('2026-11-26T10:00:00.000Z'));
    const { snoozes } = await loadSettings();
    expect(isSnoozed(snoozes, 'x', new Date('2026-11-26T09:59:00.000Z'))).toBe(true);
    expect(isSnoozed(snoozes, 'x', new Date('2026-11-26T10:00:00.000Z'))).toBe(false);
    expect(isSnoozed(snoozes, 'linkedin', new Date('2026-11-26T09:00:00.000Z'))).toBe(false);
  });

  it('keeps the mode and snooze of a site whose host is as long as DNS allows, and no longer', async () => {
    const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    await fakeBrowser.storage.local.set({
      'settings.snoozes': { [host]: '2026-11-26T10:00:00.000Z', [`x${host}`]: '2026-11-26T10:00:00.000Z' },
    });
    expect((await loadSettings()).snoozes).toEqual({ [host]: '2026-11-26T10:00:00.000Z' });
  });
});

describe('"Delete all data": every setting, and the added sites’ permissions', () => {
  const permissions = () => {
    const removed: string[][] = [];
    return {
      removed,
      api: {
        remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
          removed.push(origins);
          if (origins[0] === 'https://stuck.example/*') throw new Error('You cannot remove required permissions.');
          return true;
        }),
      },
    };
  };

  it('says whether anything was changed from the defaults', async () => {
    expect(await hasStoredSettings()).toBe(false);
    await reminderItem.setValue({ enabled: false, day: 0, time: '18:00' });
    expect(await hasStoredSettings()).toBe(true);
  });

  it('counts a metric’s own mode as a changed setting', async () => {
    expect(SETTINGS_KEYS).toContain('settings.metricModes');
    await metricModesItem.setValue({ x: { followers: 'hide' } });
    expect(await hasStoredSettings()).toBe(true);
  });

  it('gives back each added site’s permission, one at a time, and clears every setting to its default', async () => {
    await siteModesItem.setValue({ x: 'hide', linkedin: 'off' });
    await metricModesItem.setValue({ x: { following: 'reframe' }, github: { stars: 'off' } });
    await snoozeSite('youtube', new Date('2026-11-26T10:00:00.000Z'));
    await extraOriginsItem.setValue(['https://mastodon.social', 'https://stuck.example', 'https://blog.example:8443']);
    await weekStartItem.setValue(0);
    await reminderItem.setValue({ enabled: true, day: 5, time: '08:30' });
    const { removed, api } = permissions();

    const givenBack = await deleteAllSettings({ local: fakeBrowser.storage.local, permissions: api as never });
    expect(removed).toEqual([['https://mastodon.social/*'], ['https://stuck.example/*'], ['https://blog.example:8443/*']]);
    // One the browser would not give back does not keep the others, nor the settings.
    expect(givenBack).toEqual(['https://mastodon.social', 'https://blog.example:8443']);
    expect(await loadSettings()).toEqual({
      siteModes: {},
      metricModes: {},
      snoozes: {},
      extraOrigins: [],
      weekStartsOn: 1,
      weeklyReminder: { enabled: true, day: 0, time: '18:00' },
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await hasStoredSettings()).toBe(false);
  });
});
