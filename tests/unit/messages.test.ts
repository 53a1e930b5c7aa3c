import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createMessageHandler,
  DIALOG_FAILED,
  hasHostPermission,
  isGrantedOrigin,
  lazyJournal,
  type DialogTarget,
  type MessageHandler,
  type MessageSenderLike,
} from '../../utils/journal/background-api';
import { CONTEXT_GONE, sendToBackground } from '../../utils/journal/client';
import { JournalError, MESSAGES } from '../../utils/journal/db';
import { Journal } from '../../utils/journal/journal';
import { exportBackup, parseBackup, serializeBackup } from '../../utils/journal/backup';
import { ACTIVITY_LIMITS, parseMessage } from '../../utils/journal/messages';
import { localDay } from '../../utils/journal/records';
import { extraOriginsItem, siteModesItem, snoozesItem, weekStartItem } from '../../utils/settings';

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

const reflection = (fields: Record<string, unknown> = {}) => ({
  type: 'reflection/add',
  reflection: { siteId: 'x', metric: 'followers', value: 12300, own: false, answer: 'nothing-yet', ...fields },
});
const snapshot = (fields: Record<string, unknown> = {}) => ({
  type: 'snapshot/add',
  snapshot: { siteId: 'x', metric: 'followers', value: 512, approximate: false, ...fields },
});
const activity = (fields: Record<string, unknown> = {}) => ({ type: 'activity/add', activity: { siteId: 'x', activeMs: 30_000, ...fields } });
const health = (fields: Record<string, unknown> = {}) => ({ type: 'health/add', health: { siteId: 'x', found: true, via: 'hook', ...fields } });

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  clock = new Date('2026-11-23T09:00:00.000Z');
  journal = await Journal.open({ now });
  handle = createMessageHandler({ journal: async () => journal, extensionId: EXTENSION_ID, isAllowedSender: isGrantedOrigin, hasHostAccess: () => true, now });
});

afterEach(() => {
  vi.restoreAllMocks();
  journal.close();
});

describe('accepted messages are stored through the journal', () => {
  it('a "nothing yet" reflection, stamped by the background', async () => {
    expect(await handle(reflection(), page())).toEqual({ ok: true });
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
      reflection({ own: true, answer: 'outcome', outcome: { title: '  A client via a reply  ', kind: 'client', note: ' Logo job ' } }),
      page('https://x.com/me'),
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
    await handle(reflection({ answer: 'outcome', outcome: { title: 'Learned a trick', kind: 'learning' } }), page());
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
    const response = await handle(reflection({ answer: 'outcome', outcome: { title: 'A sale', kind: 'sale' } }), page());
    expect(response).toEqual({ ok: false, error: MESSAGES['write-failed'] });
    expect(await everything()).toEqual(before);
  });

  it('a snapshot of an own count, once per hour unless the value changes', async () => {
    expect(await handle(snapshot({ approximate: true }), page())).toEqual({ ok: true, recorded: true });
    clock = new Date('2026-11-23T09:20:00.000Z');
    expect(await handle(snapshot({ approximate: true }), page())).toEqual({ ok: true, recorded: false });
    expect(await handle(snapshot({ value: 513 }), page())).toEqual({ ok: true, recorded: true });
    expect(await journal.snapshots()).toEqual([
      { id: expect.any(String), at: '2026-11-23T09:00:00.000Z', siteId: 'x', metric: 'followers', value: 512, approximate: true },
      { id: expect.any(String), at: '2026-11-23T09:20:00.000Z', siteId: 'x', metric: 'followers', value: 513, approximate: false },
    ]);
  });

  it('activity deltas add up in today\'s row for the site', async () => {
    expect(await handle(activity(), page())).toEqual({ ok: true });
    expect(await handle(activity({ activeMs: ACTIVITY_LIMITS.activeMs, metricsSeen: 3, promptsShown: 2 }), page())).toEqual({ ok: true });
    expect(await handle(activity({ activeMs: undefined, promptsShown: 1 }), page())).toEqual({ ok: true });
    expect(await journal.activity()).toEqual([
      { day: localDay(clock), siteId: 'x', activeMs: 30_000 + ACTIVITY_LIMITS.activeMs, metricsSeen: 3, promptsShown: 3 },
    ]);
  });

  it('a page view\'s site health: counted by day and layer', async () => {
    expect(await handle(health({ found: false, via: undefined }), page())).toEqual({ ok: true });
    expect(await handle(health({ via: 'label' }), page())).toEqual({ ok: true });
    expect(await journal.health()).toEqual([{ day: localDay(clock), siteId: 'x', expected: 2, found: 1, hook: 0, label: 1, generic: 0 }]);
    expect(await journal.siteHealth()).toMatchObject([{ siteId: 'x', emptyStreak: 0, lastFoundVia: 'label', diagnostic: null }]);
  });

  it('a view that asks for a diagnosis has its regions read in its own frame, redacted again here, at most hourly', async () => {
    const asked: DialogTarget[] = [];
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

  it('the current aim, for display: its words only, never ids or dates', async () => {
    expect(await handle({ type: 'aim/current' }, page())).toEqual({ ok: true, aim: null, weekOutcomes: 0 });
    await journal.setAim({ purpose: 'Independent design studio', aim: 'Three clients by March' });
    await journal.setAim({ purpose: 'Independent design studio', aim: 'Five clients by June' });
    expect(await handle({ type: 'aim/current' }, page())).toEqual({
      ok: true,
      aim: { purpose: 'Independent design studio', aim: 'Five clients by June' },
      weekOutcomes: 0,
    });
  });

  it('with the number of outcomes logged this week (settings.weekStartsOn, local time), never the outcomes', async () => {
    // Local dates: the week is the user's, whatever the zone the tests run in.
    const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).toISOString();
    clock = new Date(2026, 10, 26, 15); // Thursday 26 November 2026, local afternoon
    await journal.addOutcome({ title: 'Last Sunday evening', kind: 'help', at: at(2026, 11, 22, 23) });
    await journal.addOutcome({ title: 'Monday, first thing', kind: 'client', at: at(2026, 11, 23, 0) });
    await journal.addOutcome({ title: 'Wednesday', kind: 'learning', at: at(2026, 11, 25) });
    await journal.addOutcome({ title: 'Next Monday', kind: 'sale', at: at(2026, 11, 30, 9) });

    const reply = await handle({ type: 'aim/current' }, page());
    // Monday-start week (the default): Monday 00:00 and Wednesday count, last Sunday and next Monday do not.
    expect(reply).toEqual({ ok: true, aim: null, weekOutcomes: 2 });
    expect(JSON.stringify(reply)).not.toMatch(/Monday|Wednesday|client/);

    // A Sunday-start week takes in Sunday evening too.
    await weekStartItem.setValue(0);
    expect(await handle({ type: 'aim/current' }, page())).toEqual({ ok: true, aim: null, weekOutcomes: 3 });

    // The handler can be given the week start directly (the clock and settings are parameters).
    const saturdayWeeks = createMessageHandler({
      journal: async () => journal,
      extensionId: EXTENSION_ID,
      isAllowedSender: isGrantedOrigin,
      hasHostAccess: () => true,
      now,
      weekStartsOn: async () => 6,
    });
    expect(await saturdayWeeks({ type: 'aim/current' }, page())).toEqual({ ok: true, aim: null, weekOutcomes: 3 });
  });

  it('accepts every host a supported site owns, subdomains included', async () => {
    expect(await handle(snapshot(), page('https://twitter.com/jane'))).toMatchObject({ ok: true });
    expect(await handle(snapshot({ siteId: 'linkedin', metric: 'connections' }), page('https://www.linkedin.com/in/jane/'))).toMatchObject({ ok: true });
    expect(await handle(activity({ siteId: 'youtube' }), page('https://m.youtube.com/@jane'))).toEqual({ ok: true });
    // Both at the same pinned time: the time index orders ties by random id, so compare as sets.
    expect((await journal.snapshots()).map((s) => s.siteId).sort()).toEqual(['linkedin', 'x']);
  });

  it('accepts an origin the user granted, for its own host or a network found by markup (Mastodon)', async () => {
    await extraOriginsItem.setValue(['https://mastodon.social']);
    const instance = page('https://mastodon.social/@jane');
    expect(await handle(snapshot({ siteId: 'mastodon.social' }), instance)).toMatchObject({ ok: true });
    expect(await handle(activity({ siteId: 'mastodon' }), instance)).toEqual({ ok: true });
    expect(await handle({ type: 'aim/current' }, instance)).toEqual({ ok: true, aim: null, weekOutcomes: 0 });
    // Not for another network, and not from an instance the user did not grant.
    expect(await handle(snapshot({ siteId: 'x' }), instance)).toMatchObject({ ok: false });
    expect(await handle(snapshot({ siteId: 'fosstodon.org' }), page('https://fosstodon.org/@jane'))).toMatchObject({ ok: false });
    expect((await journal.snapshots()).map((s) => s.siteId)).toEqual(['mastodon.social']);
  });
});

describe('an added site with a long host (up to 253 characters, the DNS maximum)', () => {
  const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;

  it('is saved like any other: snapshots, answers with an outcome, activity, health, its settings and a snooze', async () => {
    expect(host).toHaveLength(253);
    await extraOriginsItem.setValue([`https://${host}`]);
    const tab = page(`https://${host}/blog`);
    expect(await handle(snapshot({ siteId: host }), tab)).toEqual({ ok: true, recorded: true });
    expect(await handle(reflection({ siteId: host, answer: 'outcome', outcome: { title: 'A reader wrote', kind: 'help' } }), tab)).toEqual({ ok: true });
    expect(await handle(activity({ siteId: host }), tab)).toEqual({ ok: true });
    expect(await handle(health({ siteId: host }), tab)).toEqual({ ok: true });
    expect(await handle({ type: 'settings/snooze', siteId: host, until: '2026-11-24T09:00:00.000Z' }, tab)).toEqual({ ok: true });
    expect(await handle({ type: 'settings/site', siteId: host }, tab)).toEqual({ ok: true, mode: 'reframe', snoozedUntil: '2026-11-24T09:00:00.000Z' });
    const stored = await everything();
    for (const store of ['outcomes', 'reflections', 'snapshots', 'activity', 'health', 'siteHealth'] as const) {
      expect(stored[store].map((record) => record.siteId), store).toEqual([host]);
    }
    // And it survives a backup: exported, checked and imported again.
    const parsed = parseBackup(serializeBackup(await exportBackup(journal, now())));
    expect(parsed).toMatchObject({ ok: true });
  });

  it('one character longer is no site id', () => {
    expect(parseMessage(snapshot({ siteId: `x${host}` }))).toMatchObject({ ok: false, error: expect.stringContaining('snapshot.siteId') });
  });
});

describe('refused messages change nothing', () => {
  const long = (n: number) => 'a'.repeat(n);

  // [what, message, sender, the error says]
  const refusals: [string, unknown, MessageSenderLike, RegExp][] = [
    // Not a message at all.
    ['null', null, page(), /must be an object/],
    ['a string', 'reflection/add', page(), /must be an object/],
    ['an array', [reflection()], page(), /must be an object/],
    ['no type', { reflection: reflection().reflection }, page(), /is not a message/],
    // Reading or deleting: no such message exists.
    ['read outcomes', { type: 'outcomes/list' }, page(), /"outcomes\/list" is not a message/],
    ['read reflections', { type: 'reflections/list' }, page(), /is not a message/],
    ['read snapshots', { type: 'snapshots/list', from: '2026-01-01' }, page(), /is not a message/],
    ['read activity', { type: 'activity/list' }, page(), /is not a message/],
    ['read all aims', { type: 'aims/list' }, page(), /is not a message/],
    ['delete an outcome', { type: 'outcome/delete', id: 'x' }, page(), /is not a message/],
    ['delete everything', { type: 'journal/deleteAll' }, page(), /is not a message/],
    ['set the aim', { type: 'aim/set', purpose: 'p', aim: 'a' }, page(), /is not a message/],
    ['add an outcome alone', { type: 'outcome/add', outcome: { title: 't', kind: 'client' } }, page(), /is not a message/],
    ['a prototype key as type', { type: '__proto__' }, page(), /is not a message/],
    ['an inherited key as type', { type: 'toString' }, page(), /is not a message/],
    ['a huge type, not echoed whole', { type: long(100_000) }, page(), /^Refused: "a{40}…" is not a message/],
    // Malformed shapes.
    ['no reflection', { type: 'reflection/add' }, page(), /^Refused reflection\/add: reflection: is missing\.$/],
    ['a page-sized metric, not echoed whole', reflection({ metric: long(100_000) }), page(), /^Refused reflection\/add: reflection\.metric: .{1,300}…$/],
    ['an extra top-level key', { type: 'aim/current', all: true }, page(), /Refused aim\/current: all: is not a field/],
    ['a chosen id', reflection({ id: 'mine' }), page(), /reflection\.id: is not a field of this message/],
    ['a chosen time (backdating)', reflection({ at: '2020-01-01T00:00:00.000Z' }), page(), /reflection\.at: is not a field/],
    ['a chosen outcome link', reflection({ outcomeId: 'someone-else' }), page(), /reflection\.outcomeId: is not a field/],
    ['a negative value', reflection({ value: -1 }), page(), /reflection\.value/],
    ['a fractional value', reflection({ value: 1.5 }), page(), /reflection\.value/],
    ['a value as text', reflection({ value: '12300' }), page(), /reflection\.value/],
    ['an unsafe value', reflection({ value: 2 ** 53 }), page(), /reflection\.value/],
    ['a metric that is not an audience', reflection({ metric: 'likes' }), page(), /reflection\.metric/],
    ['an unknown answer', reflection({ answer: 'maybe' }), page(), /reflection\.answer/],
    ['own as text', reflection({ own: 'yes' }), page(), /reflection\.own/],
    ['a malformed site id', reflection({ siteId: 'X!' }), page(), /reflection\.siteId/],
    ['an oversized site id', reflection({ siteId: long(254) }), page(), /reflection\.siteId/],
    ['"outcome" without one', reflection({ answer: 'outcome' }), page(), /an outcome is required/],
    ['an outcome with another answer', reflection({ outcome: { title: 't', kind: 'client' } }), page(), /an outcome is required/],
    ['an empty outcome title', reflection({ answer: 'outcome', outcome: { title: '  ', kind: 'client' } }), page(), /outcome\.title/],
    ['an oversized outcome title', reflection({ answer: 'outcome', outcome: { title: long(201), kind: 'client' } }), page(), /outcome\.title/],
    ['an oversized note', reflection({ answer: 'outcome', outcome: { title: 't', kind: 'client', note: long(2001) } }), page(), /outcome\.note/],
    ['an unknown kind', reflection({ answer: 'outcome', outcome: { title: 't', kind: 'bribe' } }), page(), /outcome\.kind/],
    ['an outcome naming its aim', reflection({ answer: 'outcome', outcome: { title: 't', kind: 'client', aimId: 'a' } }), page(), /outcome\.aimId: is not a field/],
    ['a snapshot without approximate', { type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'followers', value: 1 } }, page(), /snapshot\.approximate/],
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
    ['a diagnostic sent by the page', health({ found: false, via: undefined, diagnostic: 'main' }), page(), /health\.diagnostic: is not a field/],
    ['a diagnosis of a view its hooks read', health({ diagnose: true }), page(), /only a view that was empty or fell back/],
    ['health with page text fields', health({ text: '12,345 followers' }), page(), /health\.text: is not a field/],
    ['another site\'s health', health({ siteId: 'linkedin' }), page(), /cannot report for site "linkedin"/],
    // Senders that are not this extension's content script on a supported page.
    ['another extension', reflection(), { ...page(), id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }, /did not come from Running For/],
    ['no extension id', reflection(), { url: 'https://x.com/jane', tab: { id: 7 } }, /did not come from Running For/],
    ['no tab', reflection(), { id: EXTENSION_ID, url: 'https://x.com/jane' }, /not come from a page in a tab/],
    ['the popup', { type: 'aim/current' }, page(`chrome-extension://${EXTENSION_ID}/popup.html`), /extension pages use the journal directly/],
    ['a Firefox extension page', reflection(), page('moz-extension://4b1c1b5e-0000-4000-8000-000000000000/dashboard.html'), /extension pages/],
    ['no sender URL', reflection(), { id: EXTENSION_ID, tab: { id: 7 } }, /no address/],
    ['plain http', reflection(), page('http://x.com/jane'), /only works on https/],
    ['an unsupported host', { type: 'aim/current' }, page('https://example.com/'), /example\.com is not a supported site/],
    ['a look-alike host', reflection(), page('https://notx.com/jane'), /notx\.com is not a supported site/],
    ['a supported name inside another host', reflection(), page('https://x.com.evil.example/jane'), /is not a supported site/],
    ['another site\'s numbers', reflection({ siteId: 'linkedin' }), page(), /a page on x cannot report for site "linkedin"/],
    ['a granted-looking host from a supported site', snapshot({ siteId: 'mastodon.social' }), page(), /cannot report/],
  ];

  it.each(refusals)('%s', async (_what, message, sender, says) => {
    await journal.setAim({ purpose: 'p', aim: 'a' });
    await handle(reflection({ answer: 'outcome', outcome: { title: 'Earlier', kind: 'help' } }), page());
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

describe('prompt/dialog: the prompt\'s dialog script, into the asking frame', () => {
  /** A content script's sender with its frame, as Chrome reports it (documentId since Chrome 106; Firefox has none). */
  const frame = (fields: Partial<MessageSenderLike> = {}): MessageSenderLike => ({ ...page(), frameId: 0, documentId: 'DOC-1', ...fields });
  let injected: DialogTarget[];
  let inject: (target: DialogTarget) => Promise<void>;
  let withDialog: MessageHandler;

  beforeEach(() => {
    injected = [];
    inject = async (target) => void injected.push(target);
    withDialog = createMessageHandler({
      journal: async () => journal,
      extensionId: EXTENSION_ID,
      isAllowedSender: isGrantedOrigin,
      hasHostAccess: () => true,
      now,
      injectDialog: (target) => inject(target),
    });
  });

  it('injects into the sender\'s own tab and frame, and touches no record', async () => {
    const before = await everything();
    expect(await withDialog({ type: 'prompt/dialog' }, frame({ frameId: 3 }))).toEqual({ ok: true });
    expect(injected).toEqual([{ tabId: 7, frameId: 3 }]);
    expect(await everything()).toEqual(before);
  });

  it('injects once per document: later opens reuse it; another frame or a new document gets its own', async () => {
    expect(await withDialog({ type: 'prompt/dialog' }, frame())).toEqual({ ok: true });
    expect(await withDialog({ type: 'prompt/dialog' }, frame())).toEqual({ ok: true });
    expect(injected).toHaveLength(1);
    await withDialog({ type: 'prompt/dialog' }, frame({ frameId: 2, documentId: 'DOC-2' }));
    await withDialog({ type: 'prompt/dialog' }, frame({ documentId: 'DOC-3' }));
    expect(injected).toEqual([
      { tabId: 7, frameId: 0 },
      { tabId: 7, frameId: 2 },
      { tabId: 7, frameId: 0 },
    ]);
  });

  it('without a documentId (Firefox), shares a request in flight and injects again later (the script runs once per world)', async () => {
    let finish = () => {};
    inject = (target) => {
      injected.push(target);
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const firefox = frame({ documentId: undefined });
    const both = Promise.all([withDialog({ type: 'prompt/dialog' }, firefox), withDialog({ type: 'prompt/dialog' }, firefox)]);
    await vi.waitFor(() => expect(injected).toHaveLength(1));
    finish();
    expect(await both).toEqual([{ ok: true }, { ok: true }]);
    inject = async (target) => void injected.push(target);
    expect(await withDialog({ type: 'prompt/dialog' }, firefox)).toEqual({ ok: true });
    expect(injected).toHaveLength(2);
  });

  it('a failed injection says so, and the next open tries again', async () => {
    inject = async () => {
      throw new Error('Cannot access contents of the page.');
    };
    expect(await withDialog({ type: 'prompt/dialog' }, frame())).toEqual({ ok: false, error: DIALOG_FAILED });
    inject = async (target) => void injected.push(target);
    expect(await withDialog({ type: 'prompt/dialog' }, frame())).toEqual({ ok: true });
    expect(injected).toHaveLength(1);
  });

  it('from a granted origin too (its host permission was granted with it)', async () => {
    await extraOriginsItem.setValue(['https://mastodon.social']);
    expect(await withDialog({ type: 'prompt/dialog' }, frame({ url: 'https://mastodon.social/@jane' }))).toEqual({ ok: true });
    expect(injected).toEqual([{ tabId: 7, frameId: 0 }]);
  });

  const refusals: [string, unknown, MessageSenderLike, RegExp][] = [
    ['a chosen file', { type: 'prompt/dialog', file: '/background.js' }, frame(), /^Refused prompt\/dialog: file: is not a field of this message\.$/],
    ['a chosen frame', { type: 'prompt/dialog', frameId: 0 }, frame(), /frameId: is not a field/],
    ['a chosen world', { type: 'prompt/dialog', world: 'MAIN' }, frame(), /world: is not a field/],
    ['an unsupported host', { type: 'prompt/dialog' }, frame({ url: 'https://example.com/' }), /example\.com is not a supported site/],
    ['plain http', { type: 'prompt/dialog' }, frame({ url: 'http://x.com/jane' }), /only works on https/],
    ['another extension', { type: 'prompt/dialog' }, frame({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }), /did not come from Running For/],
    ['an extension page', { type: 'prompt/dialog' }, frame({ url: `chrome-extension://${EXTENSION_ID}/popup.html` }), /extension pages/],
    ['no tab', { type: 'prompt/dialog' }, { id: EXTENSION_ID, url: 'https://x.com/jane', frameId: 0 }, /not come from a page in a tab/],
    ['a tab without an id', { type: 'prompt/dialog' }, frame({ tab: {} }), /which tab and frame/],
    ['no frame', { type: 'prompt/dialog' }, frame({ frameId: undefined }), /which tab and frame/],
    ['a negative frame', { type: 'prompt/dialog' }, frame({ frameId: -1 }), /which tab and frame/],
  ];

  it.each(refusals)('refuses %s, injecting nothing', async (_what, message, sender, says) => {
    expect(await withDialog(message, sender)).toEqual({ ok: false, error: expect.stringMatching(says) });
    expect(injected).toEqual([]);
  });

  it('is refused by a background that cannot inject', async () => {
    expect(await handle({ type: 'prompt/dialog' }, frame())).toEqual({ ok: false, error: DIALOG_FAILED });
  });
});

describe('settings/site: the sender’s own site’s mode and snooze, nothing else', () => {
  const ask = (siteId: string) => ({ type: 'settings/site', siteId });

  beforeEach(async () => {
    await siteModesItem.setValue({ x: 'hide', linkedin: 'off', mastodon: 'hide' });
    await snoozesItem.setValue({ x: '2026-11-23T10:00:00.000Z', youtube: '2026-11-23T08:00:00.000Z', 'mastodon.social': '2026-11-24T09:00:00.000Z' });
  });

  it('answers with the mode and the end of a snooze still running; a site not listed is in reframe mode', async () => {
    expect(await handle(ask('x'), page())).toEqual({ ok: true, mode: 'hide', snoozedUntil: '2026-11-23T10:00:00.000Z' });
    expect(await handle(ask('linkedin'), page('https://www.linkedin.com/in/jane'))).toEqual({ ok: true, mode: 'off', snoozedUntil: null });
    // A snooze that ended an hour ago is no snooze.
    expect(await handle(ask('youtube'), page('https://www.youtube.com/@jane'))).toEqual({ ok: true, mode: 'reframe', snoozedUntil: null });
  });

  it('refuses another site’s settings, and never lists sites', async () => {
    expect(await handle(ask('linkedin'), page())).toEqual({ ok: false, error: 'Refused: a page on x cannot report for site "linkedin".' });
    expect(await handle({ type: 'settings/site' }, page())).toMatchObject({ ok: false, error: expect.stringContaining('siteId') });
    expect(await handle({ type: 'settings/site', siteId: 'x', all: true }, page())).toMatchObject({ ok: false, error: expect.stringContaining('is not a field') });
    for (const forbidden of [{ type: 'settings/all' }, { type: 'settings/sites' }, { type: 'settings/set', siteModes: {} }]) {
      expect(await handle(forbidden, page())).toMatchObject({ ok: false, error: expect.stringContaining('is not a message Running For accepts') });
    }
  });

  it('on an added site: its host’s snooze and the mode of a network found by markup, nothing of another site', async () => {
    await extraOriginsItem.setValue(['https://mastodon.social']);
    const instance = page('https://mastodon.social/@jane');
    expect(await handle(ask('mastodon.social'), instance)).toEqual({ ok: true, mode: 'reframe', snoozedUntil: '2026-11-24T09:00:00.000Z' });
    expect(await handle(ask('mastodon'), instance)).toEqual({ ok: true, mode: 'hide', snoozedUntil: null });
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
    expect(await noJournal(ask('x'), page())).toEqual({ ok: true, mode: 'hide', snoozedUntil: '2026-11-23T10:00:00.000Z' });
  });

  it('repairs what it reads: a broken setting is the default', async () => {
    await fakeBrowser.storage.local.set({ 'settings.siteModes': { x: 'explode' }, 'settings.snoozes': { x: 'soon' } });
    expect(await handle(ask('x'), page())).toEqual({ ok: true, mode: 'reframe', snoozedUntil: null });
  });
});

describe('settings/snooze (interim, while the dialog runs in the page): the sender’s own site, for a while', () => {
  const snooze = (siteId: string, until: string) => ({ type: 'settings/snooze', siteId, until });

  it('snoozes the sender’s site until the time asked, keeping other snoozes', async () => {
    await snoozesItem.setValue({ linkedin: '2026-11-24T09:00:00.000Z' });
    expect(await handle(snooze('x', '2026-11-30T09:00:00.000Z'), page())).toEqual({ ok: true });
    expect(await snoozesItem.getValue()).toEqual({ linkedin: '2026-11-24T09:00:00.000Z', x: '2026-11-30T09:00:00.000Z' });
    expect(await handle({ type: 'settings/site', siteId: 'x' }, page())).toEqual({ ok: true, mode: 'reframe', snoozedUntil: '2026-11-30T09:00:00.000Z' });
  });

  it.each([
    ['another site', snooze('linkedin', '2026-11-23T10:00:00.000Z'), /cannot report for site "linkedin"/],
    ['a time past', snooze('x', '2026-11-23T08:59:59.000Z'), /must be in the future/],
    ['more than eight days ahead', snooze('x', '2026-12-01T09:00:01.000Z'), /at most eight days/],
    ['no date', snooze('x', 'tomorrow'), /until/],
    ['a mode', { type: 'settings/snooze', siteId: 'x', until: '2026-11-23T10:00:00.000Z', mode: 'off' }, /is not a field/],
  ])('refuses %s, writing nothing', async (_what, message, says) => {
    expect(await handle(message, page())).toEqual({ ok: false, error: expect.stringMatching(says) });
    expect(await snoozesItem.getValue()).toEqual({});
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
    reflection({ siteId: 'mastodon.social' }),
    { type: 'aim/current' },
    { type: 'settings/site', siteId: 'mastodon.social' },
  ];

  it('an added site whose permission was withdrawn (still listed) gets nothing, and writes nothing', async () => {
    const instance = page('https://mastodon.social/@jane');
    expect(await withAccess(messages[0], instance)).toMatchObject({ ok: true });
    access['https://mastodon.social'] = false;
    for (const message of messages) {
      expect(await withAccess(message, instance)).toEqual({ ok: false, error: 'Refused: Running For no longer has access to mastodon.social.' });
    }
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
      journal: () => Promise.reject(new JournalError('unavailable', MESSAGES.unavailable)),
      extensionId: EXTENSION_ID,
      isAllowedSender: () => false,
      hasHostAccess: () => true,
      now,
    });
    expect(await unavailable(reflection(), page())).toEqual({ ok: false, error: MESSAGES.unavailable });
    expect(await unavailable({ type: 'aim/current' }, page())).toEqual({ ok: false, error: MESSAGES.unavailable });
  });

  it('an unexpected error becomes the journal\'s "not saved" sentence', async () => {
    const broken = createMessageHandler({ journal: () => Promise.reject(new TypeError('boom')), extensionId: EXTENSION_ID, isAllowedSender: () => false, hasHostAccess: () => true });
    expect(await broken(snapshot(), page())).toEqual({ ok: false, error: MESSAGES['write-failed'] });
  });

  it('a granted-origin check that fails refuses instead of throwing', async () => {
    const failing = createMessageHandler({
      journal: async () => journal,
      extensionId: EXTENSION_ID,
      isAllowedSender: () => Promise.reject(new Error('storage gone')),
      hasHostAccess: () => true,
    });
    await expect(failing({ type: 'aim/current' }, page('https://mastodon.social/@jane'))).resolves.toMatchObject({ ok: false });
  });

  it('a sender that is not an object refuses instead of throwing', async () => {
    await expect(handle({ type: 'aim/current' }, undefined as unknown as MessageSenderLike)).resolves.toMatchObject({ ok: false });
  });
});

describe('lazyJournal', () => {
  it('opens on first use, keeps the journal, and tries again after a failed open', async () => {
    let attempts = 0;
    const open = vi.fn(async () => {
      attempts += 1;
      if (attempts === 1) throw new JournalError('blocked', MESSAGES.blocked);
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
    await journal.setAim({ purpose: 'Studio', aim: 'Three clients' });
    const aim = await sendToBackground({ type: 'aim/current' });
    expect(aim).toEqual({ ok: true, aim: { purpose: 'Studio', aim: 'Three clients' }, weekOutcomes: 0 });
    expect(await sendToBackground({ type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'followers', value: 9, approximate: false } })).toEqual({
      ok: true,
      recorded: true,
    });
    expect(await journal.snapshots()).toHaveLength(1);
  });

  it('says the extension is gone instead of throwing when nothing answers', async () => {
    expect(await sendToBackground({ type: 'aim/current' })).toEqual({ ok: false, error: CONTEXT_GONE });
  });

  it('says the extension is gone after an update invalidated this content script', async () => {
    fakeBrowser.runtime.id = undefined as unknown as string;
    expect(await sendToBackground({ type: 'aim/current' })).toEqual({ ok: false, error: CONTEXT_GONE });
  });

  it('says the extension is gone when sending throws', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await sendToBackground({ type: 'activity/add', activity: { siteId: 'x', activeMs: 1000 } })).toEqual({ ok: false, error: CONTEXT_GONE });
  });
});
