import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createMessageHandler,
  FRAME_FAILED,
  GENERIC_FAILED,
  LANGUAGE_FAILED,
  hasHostPermission,
  isGrantedOrigin,
  lazyJournal,
  type FrameTarget,
  type MessageHandler,
  type MessageHandlerDeps,
  type MessageSenderLike,
} from '../../utils/messaging/background';
import { CONTEXT_GONE, sendToBackground } from '../../utils/messaging/client';
import { diskFullOnce } from './disk-full';
import { JournalError, ERROR_TEXTS } from '../../utils/journal/db';
import { Journal } from '../../utils/journal/journal';
import { exportBackup, serializeBackup } from '../../utils/journal/backup/export';
import { parseBackup } from '../../utils/journal/backup/validate';
import { ACTIVITY_LIMITS } from '../../utils/messaging/limits';
import { parseMessage } from '../../utils/messaging/protocol';
import { localDay } from '../../utils/journal/records';
import { extraOriginsItem, metricModesItem, siteModesItem, snoozesItem, weekStartItem } from '../../utils/settings/items';
import { readContentWords } from '../../utils/i18n/content-words';
import { CONTENT_WORD_MARKERS } from '../../utils/i18n/t';
import { getMessage } from './i18n-fake';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
let clock = new Date('2026-11-23T09:00:00.000Z');
const now = () => clock;

let journal: Journal;
let handle: MessageHandler;

/** A content script's sender as Chrome reports it: this extension, a tab, the page's URL. */
const page = (url = 'https://x.com/jane'): MessageSenderLike => ({ id: EXTENSION_ID, url, tab: { id: 7 } });

async function everything() {
  return {
    aims: await journal.aims(),
    outcomes: await journal.outcomes(),
    reflections: await journal.reflections(),
    snapshots: await journal.snapshots(),
    activity: await journal.activity(),
    health: await journal.health(),
    siteHealth: await journal.siteHealth(),
  };
}

/** The prompt's dialog page (entrypoints/prompt/), framed in x.com: the only sender of prompt answers. */
/** The handler as the background builds it, with the optional dependencies a test gives. */
const handlerWith = (extra: Partial<MessageHandlerDeps>): MessageHandler =>
  createMessageHandler({
    journal: async () => journal,
    extensionId: EXTENSION_ID,
    isAllowedSender: isGrantedOrigin,
    hasHostAccess: () => true,
    now,
    ...extra,
  });
const promptPage = (fields: Partial<MessageSenderLike> = {}): MessageSenderLike => ({
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/prompt.html`,
  // The tab it is framed in: the background reads the site from it.
  tab: { id: 7, url: 'https://x.com/jane' },
  frameId: 4,
  ...fields,
});
const answer = (fields: Record<string, unknown> = {}) => ({
  type: 'prompt/answer',
  answer: { siteId: 'x', metric: 'followers', value: 12300, own: false, answer: 'nothing-yet', ...fields },
});
const snapshot = (fields: Record<string, unknown> = {}) => ({
  type: 'snapshot/add',
  snapshot: { siteId: 'x', metric: 'followers', value: 512, approximate: false, ...fields },
});
const activity = (fields: Record<string, unknown> = {}) => ({
  type: 'activity/add',
  activity: { siteId: 'x', activeMs: 30_000, ...fields },
});
const health = (fields: Record<string, unknown> = {}) => ({
  type: 'health/add',
  health: { siteId: 'x', found: true, via: 'hook', ...fields },
});

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  clock = new Date('2026-11-23T09:00:00.000Z');
  journal = await Journal.open({ now });
  handle = createMessageHandler({
    journal: async () => journal,
    extensionId: EXTENSION_ID,
    isAllowedSender: isGrantedOrigin,
    hasHostAccess: () => true,
    now,
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  journal.close();
});

describe('accepted messages are stored through the journal', () => {
  it('a "nothing yet" answer from the prompt page, stamped by the background', async () => {
    expect(await handle(answer(), promptPage())).toEqual({ ok: true });
    const [stored] = await journal.reflections();
    expect(stored).toEqual({
      id: expect.any(String),
      at: '2026-11-23T09:00:00.000Z',
      siteId: 'x',
      metric: 'followers',
      value: 12300,
      own: false,
      answer: 'nothing-yet',
      outcomeId: null,
    });
    expect(await journal.outcomes()).toEqual([]);
  });

  it('an "outcome" answer adds the outcome, under the current aim, and links the reflection to it', async () => {
    const aim = await journal.setAim({ purpose: 'Independent design studio', aim: 'Three clients by March' });
    const response = await handle(
      answer({ own: true, answer: 'outcome', outcome: { title: '  A client via a reply  ', kind: 'client', note: ' Logo job ' } }),
      promptPage(),
    );
    expect(response).toEqual({ ok: true });
    const [outcome] = await journal.outcomes();
    expect(outcome).toEqual({
      id: expect.any(String),
      at: '2026-11-23T09:00:00.000Z',
      title: 'A client via a reply',
      kind: 'client',
      note: 'Logo job',
      siteId: 'x',
      aimId: aim.id,
    });
    const [stored] = await journal.reflections();
    expect(stored).toMatchObject({ answer: 'outcome', own: true, outcomeId: outcome!.id });
  });

  it('an outcome without a note or an aim is stored with an empty note and no aim', async () => {
    await handle(answer({ answer: 'outcome', outcome: { title: 'Learned a trick', kind: 'learning' } }), promptPage());
    expect(await journal.outcomes()).toMatchObject([{ title: 'Learned a trick', note: '', aimId: null }]);
  });

  it('stores the outcome and its reflection together or not at all', async () => {
    // The reflection's id collides with one already stored, so its write fails after the outcome's.
    await journal.addReflection({ siteId: 'x', metric: 'followers', value: 1, own: false, answer: 'dismissed', outcomeId: null });
    const before = await everything();
    const [existing] = before.reflections;
    vi.spyOn(crypto, 'randomUUID')
      .mockReturnValueOnce('11111111-1111-4111-8111-111111111111')
      .mockReturnValueOnce(existing!.id as `${string}-${string}-${string}-${string}-${string}`);
    const response = await handle(answer({ answer: 'outcome', outcome: { title: 'A sale', kind: 'sale' } }), promptPage());
    expect(response).toEqual({ ok: false, error: ERROR_TEXTS['write-failed'] });
    expect(await everything()).toEqual(before);
  });

  it(
    'a snapshot of an own count: within the hour a change replaces the last one (the latest ' +
      'wins); the same value is not written again',
    async () => {
      expect(await handle(snapshot({ approximate: true }), page())).toEqual({ ok: true, recorded: true });
      clock = new Date('2026-11-23T09:20:00.000Z');
      expect(await handle(snapshot({ approximate: true }), page())).toEqual({ ok: true, recorded: false });
      expect(await handle(snapshot({ value: 513 }), page())).toEqual({ ok: true, recorded: true });
      expect(await journal.snapshots()).toEqual([
        { id: expect.any(String), at: '2026-11-23T09:20:00.000Z', siteId: 'x', metric: 'followers', value: 513, approximate: false },
      ]);
    },
  );

  it("activity deltas add up in today's row for the site", async () => {
    expect(await handle(activity(), page())).toEqual({ ok: true });
    // Half a minute later: the tab's allowance has room for the longest message again.
    clock = new Date(clock.getTime() + 30_000);
    expect(await handle(activity({ activeMs: ACTIVITY_LIMITS.activeMs, metricsSeen: 3, promptsShown: 2 }), page())).toEqual({ ok: true });
    expect(await handle(activity({ activeMs: undefined, promptsShown: 1 }), page())).toEqual({ ok: true });
    expect(await journal.activity()).toEqual([
      { day: localDay(clock), siteId: 'x', activeMs: 30_000 + ACTIVITY_LIMITS.activeMs, metricsSeen: 3, promptsShown: 3 },
    ]);
  });

  it("a page view's site health: counted by day and layer", async () => {
    expect(await handle(health({ found: false, via: undefined }), page())).toEqual({ ok: true });
    expect(await handle(health({ via: 'label' }), page())).toEqual({ ok: true });
    expect(await journal.health()).toEqual([{ day: localDay(clock), siteId: 'x', expected: 2, found: 1, hook: 0, label: 1, generic: 0 }]);
    expect(await journal.siteHealth()).toMatchObject([{ siteId: 'x', emptyStreak: 0, lastFoundVia: 'label', diagnostic: null }]);
  });

  it('a view that asks for a diagnosis has its regions read in its own frame, redacted again here, at most hourly', async () => {
    const asked: FrameTarget[] = [];
    let returned: unknown = 'main\n  h1 "Jane Doe 12,345"';
    handle = createMessageHandler({
      journal: async () => journal,
      extensionId: EXTENSION_ID,
      isAllowedSender: isGrantedOrigin,
      hasHostAccess: () => true,
      now,
      diagnose: async (target) => {
        asked.push(target);
        return returned;
      },
    });
    const sender = { ...page(), frameId: 2 };
    expect(await handle(health({ found: false, via: undefined, diagnose: true }), sender)).toEqual({ ok: true });
    expect(asked).toEqual([{ tabId: 7, frameId: 2 }]);
    expect((await journal.siteHealth())[0]).toMatchObject({ diagnostic: 'main\n  h1 "* * ##,###"', diagnosticAt: clock.toISOString() });
    // Within the hour: recorded, not read again.
    returned = 'main';
    await handle(health({ found: false, via: undefined, diagnose: true }), sender);
    expect(asked).toHaveLength(1);
    clock = new Date(clock.getTime() + 61 * 60 * 1000);
    await handle(health({ via: 'generic', diagnose: true }), sender);
    expect(asked).toHaveLength(2);
    expect((await journal.siteHealth())[0]).toMatchObject({ emptyStreak: 0, diagnostic: 'main' });
    // A script that returns nothing usable, or fails, leaves the view recorded.
    clock = new Date(clock.getTime() + 61 * 60 * 1000);
    returned = { html: '<b>x</b>' };
    expect(await handle(health({ found: false, via: undefined, diagnose: true }), sender)).toEqual({ ok: true });
    expect((await journal.siteHealth())[0]).toMatchObject({ emptyStreak: 1, diagnostic: 'main' });
  });

  it('the current aim, for the prompt page: its words and plan only, never the purpose, ids or dates', async () => {
    expect(await handle({ type: 'prompt/aim' }, promptPage())).toEqual({ ok: true, aim: null, weekOutcomes: 0 });
    await journal.setAim({ purpose: 'Independent design studio', aim: 'Three clients by March', plan: 'An old plan' });
    const current = await journal.setAim({ purpose: 'Independent design studio', aim: 'Five clients by June' });
    expect(await handle({ type: 'prompt/aim' }, promptPage())).toEqual({ ok: true, aim: 'Five clients by June', weekOutcomes: 0 });
    await journal.setPlan(current.id, 'When I see my follower count, I will write to one client');
    expect(await handle({ type: 'prompt/aim' }, promptPage())).toEqual({
      ok: true,
      aim: 'Five clients by June',
      plan: 'When I see my follower count, I will write to one client',
      weekOutcomes: 0,
    });
    // From Firefox's extension origin too.
    expect(
      await handle({ type: 'prompt/aim' }, promptPage({ url: 'moz-extension://4b1c1b5e-0000-4000-8000-000000000000/prompt.html' })),
    ).toMatchObject({ ok: true });
  });

  it('with the number of outcomes logged this week (settings.weekStartsOn, local time), never the outcomes', async () => {
    // Local dates: the week is the user's, whatever the zone the tests run in.
    const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).toISOString();
    clock = new Date(2026, 10, 26, 15); // Thursday 26 November 2026, local afternoon
    await journal.addOutcome({ title: 'Last Sunday evening', kind: 'help', at: at(2026, 11, 22, 23) });
    await journal.addOutcome({ title: 'Monday, first thing', kind: 'client', at: at(2026, 11, 23, 0) });
    await journal.addOutcome({ title: 'Wednesday', kind: 'learning', at: at(2026, 11, 25) });
    await journal.addOutcome({ title: 'Next Monday', kind: 'sale', at: at(2026, 11, 30, 9) });

    const reply = await handle({ type: 'prompt/aim' }, promptPage());
    // Monday-start week (the default): Monday 00:00 and Wednesday count, last Sunday and next Monday do not.
    expect(reply).toEqual({ ok: true, aim: null, weekOutcomes: 2 });
    expect(JSON.stringify(reply)).not.toMatch(/Monday|Wednesday|client/);

    // A Sunday-start week takes in Sunday evening too.
    await weekStartItem.setValue(0);
    expect(await handle({ type: 'prompt/aim' }, promptPage())).toEqual({ ok: true, aim: null, weekOutcomes: 3 });

    // The handler can be given the week start directly (the clock and settings are parameters).
    const saturdayWeeks = createMessageHandler({
      journal: async () => journal,
      extensionId: EXTENSION_ID,
      isAllowedSender: isGrantedOrigin,
      hasHostAccess: () => true,
      now,
      weekStartsOn: async () => 6,
    });
    expect(await saturdayWeeks({ type: 'prompt/aim' }, promptPage())).toEqual({ ok: true, aim: null, weekOutcomes: 3 });
  });

  it('accepts every host a supported site owns, subdomains included', async () => {
    expect(await handle(snapshot(), page('https://twitter.com/jane'))).toMatchObject({ ok: true });
    expect(await handle(snapshot({ siteId: 'linkedin', metric: 'connections' }), page('https://www.linkedin.com/in/jane/'))).toMatchObject({
      ok: true,
    });
    expect(await handle(activity({ siteId: 'youtube' }), page('https://m.youtube.com/@jane'))).toEqual({ ok: true });
    // Both at the same pinned time: the time index orders ties by random id, so compare as sets.
    expect((await journal.snapshots()).map((s) => s.siteId).sort()).toEqual(['linkedin', 'x']);
  });

  it('accepts an origin the user granted, for its own host or a network found by markup (Mastodon)', async () => {
    await extraOriginsItem.setValue(['https://mastodon.social']);
    const instance = page('https://mastodon.social/@jane');
    expect(await handle(snapshot({ siteId: 'mastodon.social' }), instance)).toMatchObject({ ok: true });
    expect(await handle(activity({ siteId: 'mastodon' }), instance)).toEqual({ ok: true });
    // Not for another network, and not from an instance the user did not grant.
    expect(await handle(snapshot({ siteId: 'x' }), instance)).toMatchObject({ ok: false });
    expect(await handle(snapshot({ siteId: 'fosstodon.org' }), page('https://fosstodon.org/@jane'))).toMatchObject({ ok: false });
    expect((await journal.snapshots()).map((s) => s.siteId)).toEqual(['mastodon.social']);
  });
});

describe('an added site with a long host (up to 253 characters, the DNS maximum)', () => {
  const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;

  it('is saved like any other: snapshots, answers with an outcome, activity, health and its settings', async () => {
    expect(host).toHaveLength(253);
    await extraOriginsItem.setValue([`https://${host}`]);
    const tab = page(`https://${host}/blog`);
    expect(await handle(snapshot({ siteId: host }), tab)).toEqual({ ok: true, recorded: true });
    const prompt = promptPage({ tab: { id: 7, url: `https://${host}/blog` } });
    expect(await handle(answer({ siteId: host, answer: 'outcome', outcome: { title: 'A reader wrote', kind: 'help' } }), prompt)).toEqual({
      ok: true,
    });
    expect(await handle(activity({ siteId: host }), tab)).toEqual({ ok: true });
    expect(await handle(health({ siteId: host }), tab)).toEqual({ ok: true });
    await snoozesItem.setValue({ [host]: '2026-11-24T09:00:00.000Z' });
    expect(await handle({ type: 'settings/site', siteId: host }, tab)).toEqual({
      ok: true,
      mode: 'reframe',
      metrics: {},
      words: expect.any(Object),
      snoozedUntil: '2026-11-24T09:00:00.000Z',
    });
    const stored = await everything();
    for (const store of ['outcomes', 'reflections', 'snapshots', 'activity', 'health', 'siteHealth'] as const) {
      expect(
        stored[store].map((record) => record.siteId),
        store,
      ).toEqual([host]);
    }
    // And it survives a backup: exported, checked and imported again.
    const parsed = parseBackup(serializeBackup(await exportBackup(journal, now())));
    expect(parsed).toMatchObject({ ok: true });
  });

  it('one character longer is no site id', () => {
    expect(parseMessage(snapshot({ siteId: `x${host}` }))).toMatchObject({ ok: false, error: expect.stringContaining('snapshot.siteId') });
  });
});

describe('a full disk on ordinary writes: a clear message, nothing half-written, and the next write works', () => {
  it('a prompt answer with an outcome: neither the outcome nor its reflection is kept', async () => {
    await journal.setAim({ purpose: 'p', aim: 'a' });
    const before = await everything();
    // The reflection is written after its outcome, in the same transaction.
    diskFullOnce('reflections');
    const response = await handle(answer({ answer: 'outcome', outcome: { title: 'A sale', kind: 'sale' } }), promptPage());
    expect(response).toEqual({ ok: false, error: ERROR_TEXTS.quota });
    expect(await everything()).toEqual(before);
    expect(await handle(answer({ answer: 'outcome', outcome: { title: 'A sale', kind: 'sale' } }), promptPage())).toEqual({ ok: true });
    expect(await journal.outcomes()).toMatchObject([{ title: 'A sale' }]);
    expect(await journal.reflections()).toMatchObject([{ answer: 'outcome' }]);
  });

  it('a snapshot from a page: not stored, and the next one is', async () => {
    const before = await everything();
    diskFullOnce('snapshots');
    expect(await handle(snapshot(), page())).toEqual({ ok: false, error: ERROR_TEXTS.quota });
    expect(await everything()).toEqual(before);
    expect(await handle(snapshot(), page())).toEqual({ ok: true, recorded: true });
    expect(await journal.snapshots()).toMatchObject([{ siteId: 'x', value: 512 }]);
  });

  it('activity: not added, and the next delta is', async () => {
    diskFullOnce('activity');
    expect(await handle(activity(), page())).toEqual({ ok: false, error: ERROR_TEXTS.quota });
    expect(await journal.activity()).toEqual([]);
    expect(await handle(activity(), page())).toEqual({ ok: true });
    expect(await journal.activity()).toMatchObject([{ siteId: 'x', activeMs: 30_000 }]);
  });
});

describe('refused messages change nothing', () => {
  const long = (n: number) => 'a'.repeat(n);

  // [what, message, sender, the error says]
  const refusals: [string, unknown, MessageSenderLike, RegExp][] = [
    // Not a message at all.
    ['null', null, page(), /must be an object/],
    ['a string', 'snapshot/add', page(), /must be an object/],
    ['an array', [snapshot()], page(), /must be an object/],
    ['no type', { snapshot: snapshot().snapshot }, page(), /is not a message/],
    // Reading or deleting: no such message exists.
    ['read outcomes', { type: 'outcomes/list' }, page(), /"outcomes\/list" is not a message/],
    ['read reflections', { type: 'reflections/list' }, page(), /is not a message/],
    ['read snapshots', { type: 'snapshots/list', from: '2026-01-01' }, page(), /is not a message/],
    ['read activity', { type: 'activity/list' }, page(), /is not a message/],
    ['read all aims', { type: 'aims/list' }, page(), /is not a message/],
    ['delete an outcome', { type: 'outcome/delete', id: 'x' }, page(), /is not a message/],
    ['delete everything', { type: 'journal/deleteAll' }, page(), /is not a message/],
    ['set the aim', { type: 'aim/set', purpose: 'p', aim: 'a' }, page(), /is not a message/],
    // The aim and the answers belong to the prompt page, never to a content script.
    ['read the aim', { type: 'aim/current' }, page(), /"aim\/current" is not a message/],
    ['read the aim as the prompt page does', { type: 'prompt/aim' }, page(), /"prompt\/aim" is not a message/],
    ['answer a prompt', answer(), page(), /"prompt\/answer" is not a message/],
    ['add a reflection', { type: 'reflection/add', reflection: answer().answer }, page(), /"reflection\/add" is not a message/],
    ['load the old dialog script', { type: 'prompt/dialog' }, page(), /"prompt\/dialog" is not a message/],
    ['a prompt page on a web origin', answer(), page('https://x.com/prompt.html'), /is not a message/],
    ["another extension's prompt page", answer(), promptPage({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }), /did not come from Running For/],
    [
      'another page of this extension',
      answer(),
      promptPage({ url: `chrome-extension://${EXTENSION_ID}/dashboard.html` }),
      /extension pages use the journal directly/,
    ],
    ['the prompt page asking for activity', activity(), promptPage(), /not a message of the prompt page/],
    ['add an outcome alone', { type: 'outcome/add', outcome: { title: 't', kind: 'client' } }, page(), /is not a message/],
    ['a prototype key as type', { type: '__proto__' }, page(), /is not a message/],
    ['an inherited key as type', { type: 'toString' }, page(), /is not a message/],
    ['a huge type, not echoed whole', { type: long(100_000) }, page(), /^Refused: "a{40}…" is not a message/],
    // Malformed shapes.
    ['no answer', { type: 'prompt/answer' }, promptPage(), /^Refused prompt\/answer: answer: /],
    ['a page-sized metric, not echoed whole', answer({ metric: long(100_000) }), promptPage(), /^Refused prompt\/answer: answer\.metric: /],
    ['an extra top-level key', { type: 'prompt/aim', all: true }, promptPage(), /Refused prompt\/aim: all: /],
    ['a chosen id', answer({ id: 'mine' }), promptPage(), /answer\.id: is not a field of this message/],
    ['a chosen time (backdating)', answer({ at: '2020-01-01T00:00:00.000Z' }), promptPage(), /answer\.at: is not a field/],
    ['a chosen outcome link', answer({ outcomeId: 'someone-else' }), promptPage(), /answer\.outcomeId: is not a field/],
    ['a negative value', answer({ value: -1 }), promptPage(), /answer\.value/],
    ['a fractional value', answer({ value: 1.5 }), promptPage(), /answer\.value/],
    ['a value as text', answer({ value: '12300' }), promptPage(), /answer\.value/],
    ['an unsafe value', answer({ value: 2 ** 53 }), promptPage(), /answer\.value/],
    ['a metric that is not an audience', answer({ metric: 'likes' }), promptPage(), /answer\.metric/],
    ['an unknown answer', answer({ answer: 'maybe' }), promptPage(), /answer\.answer/],
    ['own as text', answer({ own: 'yes' }), promptPage(), /answer\.own/],
    ['a malformed site id', answer({ siteId: 'X!' }), promptPage(), /answer\.siteId/],
    ['an oversized site id', answer({ siteId: long(254) }), promptPage(), /answer\.siteId/],
    ['"outcome" without one', answer({ answer: 'outcome' }), promptPage(), /an outcome is required/],
    ['an outcome with another answer', answer({ outcome: { title: 't', kind: 'client' } }), promptPage(), /an outcome is required/],
    ['an empty outcome title', answer({ answer: 'outcome', outcome: { title: '  ', kind: 'client' } }), promptPage(), /outcome\.title/],
    [
      'an oversized outcome title',
      answer({ answer: 'outcome', outcome: { title: long(201), kind: 'client' } }),
      promptPage(),
      /outcome\.title/,
    ],
    [
      'an oversized note',
      answer({ answer: 'outcome', outcome: { title: 't', kind: 'client', note: long(2001) } }),
      promptPage(),
      /outcome\.note/,
    ],
    ['an unknown kind', answer({ answer: 'outcome', outcome: { title: 't', kind: 'bribe' } }), promptPage(), /outcome\.kind/],
    [
      'an outcome naming its aim',
      answer({ answer: 'outcome', outcome: { title: 't', kind: 'client', aimId: 'a' } }),
      promptPage(),
      /outcome\.aimId: is not a field/,
    ],
    [
      'a snapshot without approximate',
      { type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'followers', value: 1 } },
      page(),
      /snapshot\.approximate/,
    ],
    ['a snapshot with a time', snapshot({ at: '2020-01-01T00:00:00.000Z' }), page(), /snapshot\.at: is not a field/],
    ['over ten minutes of activity', activity({ activeMs: ACTIVITY_LIMITS.activeMs + 1 }), page(), /activity\.activeMs/],
    ['too many metrics seen', activity({ metricsSeen: 10_001 }), page(), /activity\.metricsSeen/],
    ['too many prompts shown', activity({ promptsShown: 10_001 }), page(), /activity\.promptsShown/],
    ['negative activity', activity({ activeMs: -5 }), page(), /activity\.activeMs/],
    ['an empty activity delta', { type: 'activity/add', activity: { siteId: 'x' } }, page(), /at least one/],
    ['an activity day (backdating)', activity({ day: '2020-01-01' }), page(), /activity\.day: is not a field/],
    ['health found without its layer', health({ via: undefined }), page(), /says which layer/],
    ['health empty with a layer', health({ found: false }), page(), /says which layer/],
    ['health with an unknown layer', health({ via: 'guess' }), page(), /health\.via/],
    ['an empty view correcting one', health({ found: false, via: undefined, corrects: true }), page(), /only a view with counts corrects/],
    [
      'a diagnostic sent by the page',
      health({ found: false, via: undefined, diagnostic: 'main' }),
      page(),
      /health\.diagnostic: is not a field/,
    ],
    ['a diagnosis of a view its hooks read', health({ diagnose: true }), page(), /only a view that was empty or fell back/],
    ['health with page text fields', health({ text: '12,345 followers' }), page(), /health\.text: is not a field/],
    ["another site's health", health({ siteId: 'linkedin' }), page(), /cannot report for site "linkedin"/],
    // Senders that are not this extension's content script on a supported page.
    ['another extension', snapshot(), { ...page(), id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }, /did not come from Running For/],
    ['no extension id', snapshot(), { url: 'https://x.com/jane', tab: { id: 7 } }, /did not come from Running For/],
    ['no tab', snapshot(), { id: EXTENSION_ID, url: 'https://x.com/jane' }, /not come from a page in a tab/],
    ['the popup', snapshot(), page(`chrome-extension://${EXTENSION_ID}/popup.html`), /extension pages use the journal directly/],
    [
      'a Firefox extension page',
      snapshot(),
      page('moz-extension://4b1c1b5e-0000-4000-8000-000000000000/dashboard.html'),
      /extension pages/,
    ],
    ['no sender URL', snapshot(), { id: EXTENSION_ID, tab: { id: 7 } }, /no address/],
    ['plain http', snapshot(), page('http://x.com/jane'), /only works on https/],
    ['an unsupported host', snapshot(), page('https://example.com/'), /example\.com is not a supported site/],
    ['a look-alike host', snapshot(), page('https://notx.com/jane'), /notx\.com is not a supported site/],
    ['a supported name inside another host', snapshot(), page('https://x.com.evil.example/jane'), /is not a supported site/],
    ["another site's numbers", answer({ siteId: 'linkedin' }), promptPage(), /a page on x cannot report for site "linkedin"/],
    [
      'a prompt page framed where Running For cannot see the tab',
      answer(),
      promptPage({ tab: { id: 7 } }),
      /not in a page of a tab Running For can see/,
    ],
    [
      'a prompt page framed in an unsupported page',
      answer(),
      promptPage({ tab: { id: 7, url: 'https://example.com/' } }),
      /example\.com is not a supported site/,
    ],
    [
      'a prompt page framed in a plain-http page',
      answer(),
      promptPage({ tab: { id: 7, url: 'http://x.com/jane' } }),
      /only works on https/,
    ],
    ['a prompt page in no tab', answer(), promptPage({ tab: undefined }), /not in a page of a tab/],
    ['a granted-looking host from a supported site', snapshot({ siteId: 'mastodon.social' }), page(), /cannot report/],
  ];

  it.each(refusals)('%s', async (_what, message, sender, says) => {
    await journal.setAim({ purpose: 'p', aim: 'a' });
    await handle(answer({ answer: 'outcome', outcome: { title: 'Earlier', kind: 'help' } }), promptPage());
    await handle(snapshot(), page());
    await handle(activity(), page());
    const before = await everything();
    const response = await handle(message, sender);
    expect(response.ok).toBe(false);
    expect(response).toEqual({ ok: false, error: expect.stringMatching(says) });
    expect(await everything()).toEqual(before);
  });

  it('checks the sender before reading the message', async () => {
    const response = await handle({ type: 'outcomes/list' }, { id: 'someone-else', url: 'https://x.com/', tab: {} });
    expect(response).toEqual({ ok: false, error: 'Refused: the message did not come from Running For.' });
  });
});

describe('budgets: a scripted flood of each message type stops at its cap, and what is refused is counted', () => {
  /** The refusals counted, as `type: count` per site and day. */
  const refused = async () => (await journal.refusals()).map(({ day, siteId, type, count }) => ({ day, siteId, type, count }));
  const tab = (id: number, url = 'https://x.com/jane'): MessageSenderLike => ({ id: EXTENSION_ID, url, tab: { id }, frameId: 0 });
  const overBudget = {
    ok: false,
    error: expect.stringMatching(/^Refused [a-z]+\/[a-z]+: more .* from x\. Not stored; Running For keeps a count of refusals\.$/),
  };

  /** Send `count` messages `every` ms apart on the clock, one after another; the replies. */
  async function flood(count: number, message: (i: number) => unknown, sender: (i: number) => MessageSenderLike, every = 0) {
    const replies = [];
    for (let i = 0; i < count; i++) {
      replies.push(await handle(message(i), sender(i)));
      clock = new Date(clock.getTime() + every);
    }
    return replies;
  }
  const accepted = (replies: { ok: boolean }[]) => replies.filter((reply) => reply.ok).length;

  it('snapshot/add: 200 changes of an own count in 4 seconds store one row — the latest accepted value — and 80 refusals', async () => {
    const replies = await flood(
      200,
      (i) => snapshot({ value: 1000 + i }),
      () => page(),
      20,
    );
    expect(accepted(replies)).toBe(120);
    expect(replies.slice(120)).toEqual(Array(80).fill(overBudget));
    expect(replies[120]).toEqual({
      ok: false,
      error: 'Refused snapshot/add: more than 120 snapshots a minute from x. Not stored; Running For keeps a count of refusals.',
    });
    expect(await journal.snapshots()).toMatchObject([{ siteId: 'x', metric: 'followers', value: 1119 }]);
    expect(await refused()).toEqual([{ day: localDay(clock), siteId: 'x', type: 'snapshot/add', count: 80 }]);
    // The next minute has room again, and still one row: the latest wins.
    clock = new Date('2026-11-23T09:01:00.000Z');
    expect(await handle(snapshot({ value: 2000 }), page())).toEqual({ ok: true, recorded: true });
    expect(await journal.snapshots()).toMatchObject([{ value: 2000, at: '2026-11-23T09:01:00.000Z' }]);
  });

  it('snapshot/add: every metric changed every 61 minutes for a day adds 72 rows at most; the rest are refused', async () => {
    clock = new Date(2026, 10, 23, 0, 0);
    const metrics = ['followers', 'following', 'connections', 'friends', 'subscribers', 'karma', 'stars'];
    const replies = [];
    for (let step = 0; step < 23; step++) {
      clock = new Date(2026, 10, 23, 0, step * 61);
      for (const metric of metrics) replies.push(await handle(snapshot({ metric, value: step }), page()));
    }
    expect(accepted(replies)).toBe(72);
    expect(replies.filter((reply) => !reply.ok)).toEqual(
      Array(23 * 7 - 72).fill({ ok: false, error: expect.stringContaining('more than 72 new snapshots a day from x') }),
    );
    expect(await journal.snapshots()).toHaveLength(72);
    expect(await refused()).toEqual([{ day: '2026-11-23', siteId: 'x', type: 'snapshot/add', count: 23 * 7 - 72 }]);
    // Another site has its own budget.
    expect(await handle(snapshot({ siteId: 'github', value: 1 }), page('https://github.com/jane'))).toMatchObject({ ok: true });
  });

  it('activity/add: 60 messages a minute from one tab; another tab has its own', async () => {
    const replies = await flood(
      100,
      () => activity({ activeMs: undefined, metricsSeen: 1 }),
      () => tab(7),
      100,
    );
    expect(accepted(replies)).toBe(60);
    expect(replies[60]).toEqual({ ok: false, error: expect.stringContaining('more than 60 activity messages a minute from one tab') });
    expect(await handle(activity({ activeMs: undefined, metricsSeen: 1 }), tab(8))).toEqual({ ok: true });
    expect(await journal.activity()).toMatchObject([{ siteId: 'x', metricsSeen: 61 }]);
    expect(await refused()).toEqual([{ day: localDay(clock), siteId: 'x', type: 'activity/add', count: 40 }]);
  });

  it("activity/add: a tab adds no more active time than has passed, plus one message's worth", async () => {
    // Twenty half-minute messages at once take the whole allowance (ten minutes); the next is refused.
    const replies = await flood(
      21,
      () => activity({ activeMs: 30_000 }),
      () => tab(7),
    );
    expect(accepted(replies)).toBe(20);
    expect(replies[20]).toEqual({ ok: false, error: expect.stringContaining('more active time than has passed in one tab') });
    // Then a minute a minute: half a minute later, half a minute more; a whole minute is too much.
    clock = new Date(clock.getTime() + 30_000);
    expect(await handle(activity({ activeMs: 60_000 }), tab(7))).toMatchObject({ ok: false });
    expect(await handle(activity({ activeMs: 30_000 }), tab(7))).toEqual({ ok: true });
    // A sustained flood from one tab: a message a second for ten minutes adds at most the time that passed.
    const sustained = await flood(
      600,
      () => activity({ activeMs: 5_000 }),
      () => tab(9),
      1_000,
    );
    const added = sustained.filter((reply) => reply.ok).length * 5_000;
    expect(added).toBeLessThanOrEqual(600_000 + ACTIVITY_LIMITS.activeMs);
    expect((await journal.activity())[0]!.activeMs).toBe(20 * 30_000 + 30_000 + added);
  });

  it('activity/add: a day holds no more active time than a day, however many tabs send it', async () => {
    // 150 tabs, ten minutes each: 144 fill the day.
    const replies = await flood(
      150,
      () => activity({ activeMs: ACTIVITY_LIMITS.activeMs }),
      (i) => tab(100 + i),
    );
    expect(accepted(replies)).toBe(144);
    expect(replies[144]).toEqual({ ok: false, error: expect.stringContaining('more activity than a day can hold from x') });
    // Counts seen and prompts shown: 100,000 a day.
    const seen = await flood(
      11,
      () => activity({ activeMs: undefined, metricsSeen: 10_000, promptsShown: 10_000 }),
      (i) => tab(300 + i),
    );
    expect(accepted(seen)).toBe(10);
    expect(await journal.activity()).toEqual([
      { day: localDay(clock), siteId: 'x', activeMs: 24 * 60 * 60 * 1000, metricsSeen: 100_000, promptsShown: 100_000 },
    ]);
    expect(await refused()).toEqual([{ day: localDay(clock), siteId: 'x', type: 'activity/add', count: 7 }]);
  });

  it('health/add: 60 page views a minute per site, and 2,000 a day', async () => {
    const replies = await flood(
      100,
      (i) => health({ via: i % 2 ? 'hook' : 'label' }),
      (i) => tab(i),
      100,
    );
    expect(accepted(replies)).toBe(60);
    expect(replies[60]).toEqual({ ok: false, error: expect.stringContaining('more than 60 page views a minute from x') });
    expect(await journal.health()).toMatchObject([{ siteId: 'x', expected: 60, found: 60 }]);
    // The day's row is the counter: a day at 1,995 views takes five more, then refuses.
    const db = await journal.database();
    await db.put('health', { day: localDay(clock), siteId: 'x', expected: 1995, found: 1995, hook: 1995, label: 0, generic: 0 });
    clock = new Date(clock.getTime() + 60_000);
    const day = await flood(
      10,
      () => health(),
      (i) => tab(i),
    );
    expect(accepted(day)).toBe(5);
    expect(day[5]).toEqual({ ok: false, error: expect.stringContaining('more than 2000 page views a day from x') });
    expect(await journal.health()).toMatchObject([{ expected: 2000, found: 2000 }]);
    expect(await refused()).toEqual([{ day: localDay(clock), siteId: 'x', type: 'health/add', count: 45 }]);
  });

  it('lang/load: 60 a minute from one tab, injecting nothing past it; another tab has its own', async () => {
    const injected: string[] = [];
    handle = handlerWith({ injectLanguage: async (_target, code) => void injected.push(code) });
    // A new document each time, so none is answered from an earlier injection.
    const replies = await flood(
      100,
      () => ({ type: 'lang/load', lang: 'de' }),
      (i) => ({ ...tab(7), documentId: `DOC-${i}` }),
      100,
    );
    expect(accepted(replies)).toBe(60);
    expect(replies[60]).toEqual({
      ok: false,
      error:
        'Refused lang/load: more than 60 language loads a minute from one tab from x. Not stored; Running For keeps a count of refusals.',
    });
    expect(injected).toHaveLength(60);
    expect(await handle({ type: 'lang/load', lang: 'de' }, { ...tab(8), documentId: 'OTHER' })).toEqual({ ok: true });
    // Counted under the sender's site: an added origin by its host.
    await extraOriginsItem.setValue(['https://mastodon.social']);
    await flood(
      61,
      () => ({ type: 'lang/load', lang: 'fr' }),
      (i) => ({ ...tab(9, 'https://mastodon.social/@jane'), documentId: `M-${i}` }),
    );
    expect(await refused()).toEqual([
      { day: localDay(clock), siteId: 'mastodon.social', type: 'lang/load', count: 1 },
      { day: localDay(clock), siteId: 'x', type: 'lang/load', count: 40 },
    ]);
  });

  it.each([
    ['prompt/frame', 'injectFrame', 'prompt frame loads'],
    ['sites/generic', 'injectGeneric', 'generic layer loads'],
  ] as const)('%s: 60 a minute from one tab, injecting nothing past it; another tab has its own', async (type, hook, what) => {
    const injected: FrameTarget[] = [];
    handle = handlerWith({ [hook]: async (target: FrameTarget) => void injected.push(target) });
    const replies = await flood(
      100,
      () => ({ type }),
      (i) => ({ ...tab(7), documentId: `DOC-${i}` }),
      100,
    );
    expect(accepted(replies)).toBe(60);
    expect(replies[60]).toEqual({
      ok: false,
      error: `Refused ${type}: more than 60 ${what} a minute from one tab from x. Not stored; Running For keeps a count of refusals.`,
    });
    expect(injected).toHaveLength(60);
    expect(await handle({ type }, { ...tab(8), documentId: 'OTHER' })).toEqual({ ok: true });
    expect(await refused()).toEqual([{ day: localDay(clock), siteId: 'x', type, count: 40 }]);
  });

  it('settings/site: 60 a minute from one tab; another tab has its own', async () => {
    const replies = await flood(
      100,
      () => ({ type: 'settings/site', siteId: 'x' }),
      () => tab(7),
      100,
    );
    expect(accepted(replies)).toBe(60);
    expect(replies[60]).toEqual({
      ok: false,
      error:
        'Refused settings/site: more than 60 settings reads a minute from one tab from x. Not ' +
        'stored; Running For keeps a count of refusals.',
    });
    expect(await handle({ type: 'settings/site', siteId: 'x' }, tab(8))).toEqual({
      ok: true,
      mode: 'reframe',
      metrics: {},
      words: expect.any(Object),
      snoozedUntil: null,
    });
    expect(await refused()).toEqual([{ day: localDay(clock), siteId: 'x', type: 'settings/site', count: 40 }]);
  });

  it('prompt/answer: 20 answers a minute per site; 300 answers and 100 outcomes a day', async () => {
    // Local times: a day is the user's, whatever the zone the tests run in.
    clock = new Date(2026, 10, 23, 9, 0);
    const replies = await flood(
      30,
      () => answer(),
      () => promptPage(),
      1_000,
    );
    expect(accepted(replies)).toBe(20);
    expect(replies[20]).toEqual({
      ok: false,
      error: 'Refused prompt/answer: more than 20 answers a minute from x. Not stored; Running For keeps a count of refusals.',
    });
    expect(await journal.reflections()).toHaveLength(20);
    // Answers with outcomes, a minute apart so no minute is over: the 101st outcome of the day is refused,
    // and its answer with it (never one without the other).
    clock = new Date(2026, 10, 23, 0, 0);
    const logged = await flood(
      110,
      (i) => answer({ answer: 'outcome', outcome: { title: `Result ${i}`, kind: 'help' } }),
      () => promptPage(),
      60_000,
    );
    expect(accepted(logged)).toBe(100);
    expect(logged[100]).toEqual({ ok: false, error: expect.stringContaining('more answers or outcomes than a day holds from x') });
    expect(await journal.outcomes({ from: new Date(2026, 10, 23).toISOString() })).toHaveLength(100);
    // Plain answers go on to 300 that day (20 + 100 + 180), then stop; the next day starts again.
    const more = await flood(
      190,
      () => answer(),
      () => promptPage(),
      60_000,
    );
    expect(accepted(more)).toBe(180);
    expect((await journal.reflections(new Date(2026, 10, 23).toISOString(), new Date(2026, 10, 24).toISOString())).length).toBe(300);
    clock = new Date(2026, 10, 24, 9, 0);
    expect(await handle(answer(), promptPage())).toEqual({ ok: true });
    // Another site's answers have their own budget.
    expect(await handle(answer({ siteId: 'github' }), promptPage({ tab: { id: 8, url: 'https://github.com/jane' } }))).toEqual({
      ok: true,
    });
    // Every refusal counted, under x: 10 over the minute, 10 over the outcomes, 10 over the answers.
    const counted = await refused();
    expect(counted.every((row) => row.siteId === 'x' && row.type === 'prompt/answer')).toBe(true);
    expect(counted.reduce((sum, row) => sum + row.count, 0)).toBe(30);
  });

  it('counts a flood of refusals in a few writes, each one transaction', async () => {
    const writes = vi.spyOn(journal, 'countRefusals');
    clock = new Date('2026-11-23T09:00:30.000Z');
    // All at once, as a page's burst arrives: 120 accepted, 880 refused.
    const replies = await Promise.all(Array.from({ length: 1000 }, (_, i) => handle(snapshot({ value: i }), page())));
    expect(accepted(replies)).toBe(120);
    expect(await refused()).toEqual([{ day: localDay(clock), siteId: 'x', type: 'snapshot/add', count: 880 }]);
    expect(writes.mock.calls.length).toBeLessThanOrEqual(10);
    expect(await journal.snapshots()).toHaveLength(1);
  });

  it('a refusal that cannot be counted is still a refusal, never an exception', async () => {
    vi.spyOn(journal, 'countRefusals').mockRejectedValue(new JournalError('quota', ERROR_TEXTS.quota));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const replies = await flood(
      130,
      (i) => snapshot({ value: i }),
      () => page(),
    );
    expect(replies.slice(120)).toEqual(Array(10).fill(overBudget));
    expect(await journal.snapshots()).toHaveLength(1);
  });

  it("a message refused for its shape or sender takes nothing from the site's budget", async () => {
    await flood(
      200,
      () => snapshot({ siteId: 'linkedin' }),
      () => page(),
    );
    await flood(
      200,
      () => snapshot({ value: -1 }),
      () => page(),
    );
    expect(await handle(snapshot(), page())).toEqual({ ok: true, recorded: true });
    expect(await refused()).toEqual([]);
  });
});

describe('lang/load: a language pack, into the asking frame', () => {
  /** A content script's sender with its frame, as Chrome reports it (documentId since Chrome 106; Firefox has none). */
  const frame = (fields: Partial<MessageSenderLike> = {}): MessageSenderLike => ({ ...page(), frameId: 0, documentId: 'DOC-1', ...fields });
  let injected: [FrameTarget, string][];
  let inject: (target: FrameTarget, code: string) => Promise<void>;
  let withPacks: MessageHandler;
  const load = (lang = 'de') => ({ type: 'lang/load', lang });

  beforeEach(() => {
    injected = [];
    inject = async (target, code) => void injected.push([target, code]);
    withPacks = handlerWith({ injectLanguage: (target, code) => inject(target, code) });
  });

  it("injects into the sender's own tab and frame, and touches no record", async () => {
    const before = await everything();
    expect(await withPacks(load(), frame({ frameId: 3 }))).toEqual({ ok: true });
    expect(injected).toEqual([[{ tabId: 7, frameId: 3 }, 'de']]);
    expect(await everything()).toEqual(before);
  });

  it('injects once per document: later opens reuse it; another frame or a new document gets its own', async () => {
    expect(await withPacks(load(), frame())).toEqual({ ok: true });
    expect(await withPacks(load(), frame())).toEqual({ ok: true });
    expect(injected).toHaveLength(1);
    await withPacks(load(), frame({ frameId: 2, documentId: 'DOC-2' }));
    await withPacks(load(), frame({ documentId: 'DOC-3' }));
    expect(injected).toEqual([
      [{ tabId: 7, frameId: 0 }, 'de'],
      [{ tabId: 7, frameId: 2 }, 'de'],
      [{ tabId: 7, frameId: 0 }, 'de'],
    ]);
    // Another language in the same document is its own file.
    await withPacks(load('ja'), frame());
    expect(injected.at(-1)).toEqual([{ tabId: 7, frameId: 0 }, 'ja']);
  });

  it('without a documentId (Firefox), shares a request in flight and injects again later (the script runs once per world)', async () => {
    let finish = () => {};
    inject = (target, code) => {
      injected.push([target, code]);
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const firefox = frame({ documentId: undefined });
    const both = Promise.all([withPacks(load(), firefox), withPacks(load(), firefox)]);
    await vi.waitFor(() => expect(injected).toHaveLength(1));
    finish();
    expect(await both).toEqual([{ ok: true }, { ok: true }]);
    inject = async (target, code) => void injected.push([target, code]);
    expect(await withPacks(load(), firefox)).toEqual({ ok: true });
    expect(injected).toHaveLength(2);
  });

  it('a failed injection says so, and the next open tries again', async () => {
    inject = async () => {
      throw new Error('Cannot access contents of the page.');
    };
    expect(await withPacks(load(), frame())).toEqual({ ok: false, error: LANGUAGE_FAILED() });
    inject = async (target, code) => void injected.push([target, code]);
    expect(await withPacks(load(), frame())).toEqual({ ok: true });
    expect(injected).toHaveLength(1);
  });

  it('from a granted origin too (its host permission was granted with it)', async () => {
    await extraOriginsItem.setValue(['https://mastodon.social']);
    expect(await withPacks(load(), frame({ url: 'https://mastodon.social/@jane' }))).toEqual({ ok: true });
    expect(injected).toEqual([[{ tabId: 7, frameId: 0 }, 'de']]);
  });

  const refusals: [string, unknown, MessageSenderLike, RegExp][] = [
    ['a chosen file', { ...load(), file: '/background.js' }, frame(), /^Refused lang\/load: file: is not a field of this message\.$/],
    ['a chosen frame', { ...load(), frameId: 0 }, frame(), /frameId: is not a field/],
    ['a chosen world', { ...load(), world: 'MAIN' }, frame(), /world: is not a field/],
    ['a language without a pack', load('xx'), frame(), /^Refused lang\/load: lang: /],
    ['a path as the language', load('../background'), frame(), /^Refused lang\/load: lang: /],
    ['an unsupported host', load(), frame({ url: 'https://example.com/' }), /example\.com is not a supported site/],
    ['plain http', load(), frame({ url: 'http://x.com/jane' }), /only works on https/],
    ['another extension', load(), frame({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }), /did not come from Running For/],
    ['an extension page', load(), frame({ url: `chrome-extension://${EXTENSION_ID}/popup.html` }), /extension pages/],
    ['no tab', load(), { id: EXTENSION_ID, url: 'https://x.com/jane', frameId: 0 }, /not come from a page in a tab/],
    ['a tab without an id', load(), frame({ tab: {} }), /which tab and frame/],
    ['no frame', load(), frame({ frameId: undefined }), /which tab and frame/],
    ['a negative frame', load(), frame({ frameId: -1 }), /which tab and frame/],
  ];

  it.each(refusals)('refuses %s, injecting nothing', async (_what, message, sender, says) => {
    expect(await withPacks(message, sender)).toEqual({ ok: false, error: expect.stringMatching(says) });
    expect(injected).toEqual([]);
  });

  it('is refused by a background that cannot inject', async () => {
    expect(await handle(load(), frame())).toEqual({ ok: false, error: LANGUAGE_FAILED() });
  });
});

describe.each([
  ['prompt/frame', 'the prompt’s frame code, into the asking frame on its first open', 'injectFrame', FRAME_FAILED],
  ['sites/generic', 'the generic layer, into the asking frame the first time a region misses a count', 'injectGeneric', GENERIC_FAILED],
] as const)('%s: %s', (type, _what, hook, failed) => {
  const frame = (fields: Partial<MessageSenderLike> = {}): MessageSenderLike => ({ ...page(), frameId: 0, documentId: 'DOC-1', ...fields });
  const ask = { type };
  let injected: FrameTarget[];
  let inject: (target: FrameTarget) => Promise<void>;
  let withFrame: MessageHandler;

  beforeEach(() => {
    injected = [];
    inject = async (target) => void injected.push(target);
    withFrame = handlerWith({ [hook]: (target: FrameTarget) => inject(target) });
  });

  it("injects into the sender's own tab and frame once per document, touching no record", async () => {
    const before = await everything();
    expect(await withFrame(ask, frame({ frameId: 3 }))).toEqual({ ok: true });
    expect(await withFrame(ask, frame({ frameId: 3 }))).toEqual({ ok: true });
    expect(injected).toEqual([{ tabId: 7, frameId: 3 }]);
    expect(await withFrame(ask, frame({ documentId: 'DOC-2' }))).toEqual({ ok: true });
    expect(injected).toEqual([
      { tabId: 7, frameId: 3 },
      { tabId: 7, frameId: 0 },
    ]);
    expect(await everything()).toEqual(before);
  });

  it('a failed injection says so, and the next open tries again', async () => {
    inject = async () => {
      throw new Error('Cannot access contents of the page.');
    };
    expect(await withFrame(ask, frame())).toEqual({ ok: false, error: failed() });
    inject = async (target) => void injected.push(target);
    expect(await withFrame(ask, frame())).toEqual({ ok: true });
    expect(injected).toHaveLength(1);
  });

  it.each([
    [
      'a chosen file',
      { ...ask, file: '/background.js' },
      frame(),
      new RegExp(`^Refused ${type}: file: is not a field of this message\\.$`),
    ],
    ['a chosen world', { ...ask, world: 'MAIN' }, frame(), /world: is not a field/],
    ['an unsupported host', ask, frame({ url: 'https://example.com/' }), /example\.com is not a supported site/],
    ['an extension page', ask, frame({ url: `chrome-extension://${EXTENSION_ID}/popup.html` }), /extension pages/],
    ['no frame', ask, frame({ frameId: undefined }), /which tab and frame/],
  ] as [string, unknown, MessageSenderLike, RegExp][])('refuses %s, injecting nothing', async (_what, message, sender, says) => {
    expect(await withFrame(message, sender)).toEqual({ ok: false, error: expect.stringMatching(says) });
    expect(injected).toEqual([]);
  });

  it('is refused by a background that cannot inject', async () => {
    expect(await handle(ask, frame())).toEqual({ ok: false, error: failed() });
  });
});

describe('settings/site: the sender’s own site’s modes and snooze, nothing else', () => {
  const ask = (siteId: string) => ({ type: 'settings/site', siteId });

  beforeEach(async () => {
    await siteModesItem.setValue({ x: 'hide', linkedin: 'off', mastodon: 'hide' });
    await metricModesItem.setValue({ x: { following: 'reframe' }, linkedin: { connections: 'hide' }, mastodon: { following: 'off' } });
    await snoozesItem.setValue({
      x: '2026-11-23T10:00:00.000Z',
      youtube: '2026-11-23T08:00:00.000Z',
      'mastodon.social': '2026-11-24T09:00:00.000Z',
    });
  });

  it('answers with the mode, its metrics’ own and the end of a snooze still running; a site not listed is in reframe mode', async () => {
    expect(await handle(ask('x'), page())).toEqual({
      ok: true,
      mode: 'hide',
      metrics: { following: 'reframe' },
      words: expect.any(Object),
      snoozedUntil: '2026-11-23T10:00:00.000Z',
    });
    expect(await handle(ask('linkedin'), page('https://www.linkedin.com/in/jane'))).toEqual({
      ok: true,
      mode: 'off',
      metrics: { connections: 'hide' },
      words: expect.any(Object),
      snoozedUntil: null,
    });
    // A snooze that ended an hour ago is no snooze.
    expect(await handle(ask('youtube'), page('https://www.youtube.com/@jane'))).toEqual({
      ok: true,
      mode: 'reframe',
      metrics: {},
      words: expect.any(Object),
      snoozedUntil: null,
    });
  });

  it('takes a site id and nothing else: a metric or a mode in the request is refused', async () => {
    for (const extra of [{ metric: 'followers' }, { metrics: { followers: 'hide' } }, { mode: 'hide' }]) {
      expect(await handle({ ...ask('x'), ...extra }, page())).toMatchObject({
        ok: false,
        error: expect.stringContaining('is not a field'),
      });
    }
    expect(parseMessage({ type: 'settings/site', siteId: 'x' })).toEqual({ ok: true, message: { type: 'settings/site', siteId: 'x' } });
  });

  it('refuses another site’s settings, and never lists sites', async () => {
    expect(await handle(ask('linkedin'), page())).toEqual({ ok: false, error: 'Refused: a page on x cannot report for site "linkedin".' });
    expect(await handle({ type: 'settings/site' }, page())).toMatchObject({ ok: false, error: expect.stringContaining('siteId') });
    expect(await handle({ type: 'settings/site', siteId: 'x', all: true }, page())).toMatchObject({
      ok: false,
      error: expect.stringContaining('is not a field'),
    });
    for (const forbidden of [{ type: 'settings/all' }, { type: 'settings/sites' }, { type: 'settings/set', siteModes: {} }]) {
      expect(await handle(forbidden, page())).toMatchObject({
        ok: false,
        error: expect.stringContaining('is not a message Running For accepts'),
      });
    }
  });

  it('on an added site: its host’s snooze and the mode of a network found by markup, nothing of another site', async () => {
    await extraOriginsItem.setValue(['https://mastodon.social']);
    const instance = page('https://mastodon.social/@jane');
    expect(await handle(ask('mastodon.social'), instance)).toEqual({
      ok: true,
      mode: 'reframe',
      metrics: {},
      words: expect.any(Object),
      snoozedUntil: '2026-11-24T09:00:00.000Z',
    });
    expect(await handle(ask('mastodon'), instance)).toEqual({
      ok: true,
      mode: 'hide',
      metrics: { following: 'off' },
      snoozedUntil: null,
      words: expect.any(Object),
    });
    expect(await handle(ask('x'), instance)).toMatchObject({ ok: false });
    expect(await handle(ask('fosstodon.org'), page('https://fosstodon.org/@jane'))).toMatchObject({ ok: false });
  });

  it('reads the settings, never the journal', async () => {
    const noJournal = createMessageHandler({
      journal: () => Promise.reject(new Error('the journal must not be opened')),
      extensionId: EXTENSION_ID,
      isAllowedSender: isGrantedOrigin,
      hasHostAccess: () => true,
      now,
    });
    expect(await noJournal(ask('x'), page())).toEqual({
      ok: true,
      mode: 'hide',
      metrics: { following: 'reframe' },
      snoozedUntil: '2026-11-23T10:00:00.000Z',
      words: expect.any(Object),
    });
  });

  it('hands over the words the page’s chips say, in the browser’s language, substitutions marked', async () => {
    const reply = await handle(ask('x'), page());
    if (!reply.ok || !('words' in reply)) throw new Error('settings/site was refused');
    expect(reply.words).toEqual(readContentWords());
    expect(reply.words.chipLabel).toBe('What for?');
    expect(reply.words.chipName).toBe(getMessage('chipName', [...CONTENT_WORD_MARKERS]));
    expect(reply.words.chipName).toContain(CONTENT_WORD_MARKERS[0]);
  });

  it('repairs what it reads: a broken setting is the default', async () => {
    await fakeBrowser.storage.local.set({
      'settings.siteModes': { x: 'explode' },
      'settings.metricModes': { x: { followers: 'vanish', likes: 'hide', following: 'off' } },
      'settings.snoozes': { x: 'soon' },
    });
    expect(await handle(ask('x'), page())).toEqual({
      ok: true,
      mode: 'reframe',
      metrics: { following: 'off' },
      snoozedUntil: null,
      words: expect.any(Object),
    });
  });
});

describe('a withdrawn host permission: the page’s content script still runs, and is refused', () => {
  let access: Record<string, boolean>;
  let withAccess: MessageHandler;
  const asked: string[] = [];

  beforeEach(async () => {
    await extraOriginsItem.setValue(['https://mastodon.social']);
    access = { 'https://x.com': true, 'https://mastodon.social': true };
    asked.length = 0;
    withAccess = createMessageHandler({
      journal: async () => journal,
      extensionId: EXTENSION_ID,
      isAllowedSender: isGrantedOrigin,
      hasHostAccess: (url) => {
        asked.push(url.href);
        return access[url.origin] ?? false;
      },
      now,
    });
  });

  const messages = [
    snapshot({ siteId: 'mastodon.social' }),
    activity({ siteId: 'mastodon' }),
    health({ siteId: 'mastodon.social' }),
    { type: 'settings/site', siteId: 'mastodon.social' },
  ];

  it('an added site whose permission was withdrawn (still listed) gets nothing, and writes nothing', async () => {
    const instance = page('https://mastodon.social/@jane');
    expect(await withAccess(messages[0], instance)).toMatchObject({ ok: true });
    access['https://mastodon.social'] = false;
    for (const message of messages) {
      expect(await withAccess(message, instance)).toEqual({
        ok: false,
        error: 'Refused: Running For no longer has access to mastodon.social.',
      });
    }
    // The prompt page framed in that tab is refused too: its answers are for the tab's site.
    const framed = promptPage({ tab: { id: 7, url: 'https://mastodon.social/@jane' } });
    expect(await withAccess(answer({ siteId: 'mastodon.social' }), framed)).toEqual({
      ok: false,
      error: 'Refused: Running For no longer has access to mastodon.social.',
    });
    expect(await journal.snapshots()).toHaveLength(1);
    expect((await everything()).reflections).toEqual([]);
    expect(asked.every((href) => href === 'https://mastodon.social/@jane')).toBe(true);
  });

  it('so does a supported site whose access the user withheld in the browser', async () => {
    access['https://x.com'] = false;
    expect(await withAccess(snapshot(), page())).toEqual({ ok: false, error: 'Refused: Running For no longer has access to x.com.' });
    expect(await withAccess({ type: 'settings/site', siteId: 'x' }, page())).toMatchObject({ ok: false });
    expect(await journal.snapshots()).toEqual([]);
  });

  it('asks the browser for the page’s origin', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    expect(await hasHostPermission(new URL('https://mastodon.social/@jane?x=1'))).toBe(false);
    expect(await hasHostPermission(new URL('https://blog.example:8443/post'))).toBe(false);
    expect(contains.mock.calls).toEqual([[{ origins: ['https://mastodon.social/*'] }], [{ origins: ['https://blog.example:8443/*'] }]]);
  });
});

describe('failures are answers, never exceptions', () => {
  it('a journal that cannot open says why', async () => {
    const unavailable = createMessageHandler({
      journal: () => Promise.reject(new JournalError('unavailable', ERROR_TEXTS.unavailable)),
      extensionId: EXTENSION_ID,
      isAllowedSender: () => false,
      hasHostAccess: () => true,
      now,
    });
    expect(await unavailable(snapshot(), page())).toEqual({ ok: false, error: ERROR_TEXTS.unavailable });
    expect(await unavailable(answer(), promptPage())).toEqual({ ok: false, error: ERROR_TEXTS.unavailable });
    expect(await unavailable({ type: 'prompt/aim' }, promptPage())).toEqual({ ok: false, error: ERROR_TEXTS.unavailable });
  });

  it('an unexpected error becomes the journal\'s "not saved" sentence', async () => {
    const broken = createMessageHandler({
      journal: () => Promise.reject(new TypeError('boom')),
      extensionId: EXTENSION_ID,
      isAllowedSender: () => false,
      hasHostAccess: () => true,
    });
    expect(await broken(snapshot(), page())).toEqual({ ok: false, error: ERROR_TEXTS['write-failed'] });
  });

  it('a granted-origin check that fails refuses instead of throwing', async () => {
    const failing = createMessageHandler({
      journal: async () => journal,
      extensionId: EXTENSION_ID,
      isAllowedSender: () => Promise.reject(new Error('storage gone')),
      hasHostAccess: () => true,
    });
    await expect(failing(snapshot({ siteId: 'mastodon.social' }), page('https://mastodon.social/@jane'))).resolves.toMatchObject({
      ok: false,
    });
    await expect(
      failing(answer({ siteId: 'mastodon.social' }), promptPage({ tab: { id: 7, url: 'https://mastodon.social/@jane' } })),
    ).resolves.toMatchObject({ ok: false });
  });

  it('a sender that is not an object refuses instead of throwing', async () => {
    await expect(handle(snapshot(), undefined as unknown as MessageSenderLike)).resolves.toMatchObject({ ok: false });
    await expect(handle(answer(), null as unknown as MessageSenderLike)).resolves.toMatchObject({ ok: false });
  });
});

describe('lazyJournal', () => {
  it('opens on first use, keeps the journal, and tries again after a failed open', async () => {
    let attempts = 0;
    const open = vi.fn(async () => {
      attempts += 1;
      if (attempts === 1) throw new JournalError('blocked', ERROR_TEXTS.blocked);
      return journal;
    });
    const get = lazyJournal(open);
    expect(open).not.toHaveBeenCalled();
    await expect(get()).rejects.toBeInstanceOf(JournalError);
    expect(await get()).toBe(journal);
    expect(await get()).toBe(journal);
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe('parseMessage', () => {
  it('returns the validated message', () => {
    expect(parseMessage(snapshot())).toEqual({ ok: true, message: snapshot() });
  });
});

describe('sendToBackground (content-script side)', () => {
  it('round-trips through runtime messaging to the handler, typed by message', async () => {
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      // The fake browser reports an empty sender; stand in Chrome's for a content script on x.com.
      void handle(message, page()).then(sendResponse);
      return true;
    });
    expect(
      await sendToBackground({ type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'followers', value: 9, approximate: false } }),
    ).toEqual({
      ok: true,
      recorded: true,
    });
    expect(await journal.snapshots()).toHaveLength(1);
  });

  it('says the extension is gone instead of throwing when nothing answers', async () => {
    expect(await sendToBackground({ type: 'activity/add', activity: { siteId: 'x', activeMs: 1000 } })).toEqual({
      ok: false,
      error: CONTEXT_GONE,
    });
  });

  it('says the extension is gone after an update invalidated this content script', async () => {
    fakeBrowser.runtime.id = undefined as unknown as string;
    expect(await sendToBackground({ type: 'activity/add', activity: { siteId: 'x', activeMs: 1000 } })).toEqual({
      ok: false,
      error: CONTEXT_GONE,
    });
  });

  it('says the extension is gone when sending throws', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await sendToBackground({ type: 'activity/add', activity: { siteId: 'x', activeMs: 1000 } })).toEqual({
      ok: false,
      error: CONTEXT_GONE,
    });
  });
});
