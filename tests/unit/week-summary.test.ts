import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../utils/journal/journal';
import type { Snapshot } from '../../utils/journal/records';
import { loadWeek, summarizeWeek } from '../../utils/week/summary';
import { escapeMarkdown, reminderLine, verdict, weekMarkdown } from '../../utils/week/report';

const originalTz = process.env.TZ;
let clock = new Date('2026-11-20T12:00:00.000Z');
const names = {
  site: (id: string) => ({ x: 'X', linkedin: 'LinkedIn', youtube: 'YouTube' })[id] ?? id,
  kind: (k: string) => k[0]!.toUpperCase() + k.slice(1),
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  process.env.TZ = 'UTC';
});
afterEach(() => {
  process.env.TZ = originalTz;
});

async function journalWith(seed: (j: Journal, at: (iso: string) => void) => Promise<void>): Promise<Journal> {
  const journal = await Journal.open({ now: () => clock });
  await seed(journal, (iso) => (clock = new Date(iso)));
  return journal;
}

const snap = (siteId: string, metric: Snapshot['metric'], value: number, approximate = false) => ({ siteId, metric, value, approximate });

describe('the week’s figures', () => {
  it('counts audience change from the last value before the week to the last within it, per site and in total', async () => {
    const journal = await journalWith(async (j, at) => {
      at('2026-11-20T09:00:00.000Z'); // the week before
      await j.addSnapshot(snap('x', 'followers', 1000));
      at('2026-11-22T23:59:59.000Z'); // Sunday night: still the week before (Monday start)
      await j.addSnapshot(snap('x', 'followers', 1010));
      at('2026-11-23T00:00:00.000Z'); // Monday 00:00: the week starts
      await j.addSnapshot(snap('x', 'followers', 1015));
      at('2026-11-26T10:00:00.000Z');
      await j.addSnapshot(snap('x', 'followers', 1055));
      await j.addSnapshot(snap('x', 'following', 300)); // shown apart
      await j.addSnapshot(snap('linkedin', 'connections', 500, true)); // no earlier value: counts from here
      at('2026-11-28T10:00:00.000Z');
      await j.addSnapshot(snap('linkedin', 'connections', 512, true));
      at('2026-11-30T00:00:00.000Z'); // next Monday: not in the week
      await j.addSnapshot(snap('x', 'followers', 2000));
    });
    const summary = summarizeWeek(await loadWeek(journal, new Date('2026-11-25T12:00:00.000Z'), 1));
    expect(summary.bounds.firstDay).toBe('2026-11-23');
    expect(summary.feelingBig.audience).toEqual([
      { siteId: 'linkedin', metric: 'connections', from: 500, to: 512, change: 12, fromFirstInWeek: true, approximate: true },
      { siteId: 'x', metric: 'followers', from: 1010, to: 1055, change: 45, fromFirstInWeek: false, approximate: false },
    ]);
    expect(summary.feelingBig.audienceChange).toBe(57);
    expect(summary.feelingBig.audienceApproximate).toBe(true);
    expect(summary.feelingBig.other).toEqual([
      { siteId: 'x', metric: 'following', from: 300, to: 300, change: 0, fromFirstInWeek: true, approximate: false },
    ]);
  });

  it('weeks start on the chosen day: Sunday start moves the boundary', async () => {
    const journal = await journalWith(async (j, at) => {
      at('2026-11-21T10:00:00.000Z'); // Saturday
      await j.addOutcome({ title: 'Saturday outcome', kind: 'job' });
      at('2026-11-22T10:00:00.000Z'); // Sunday
      await j.addOutcome({ title: 'Sunday outcome', kind: 'job' });
    });
    const monday = summarizeWeek(await loadWeek(journal, new Date('2026-11-22T12:00:00.000Z'), 1));
    const sunday = summarizeWeek(await loadWeek(journal, new Date('2026-11-22T12:00:00.000Z'), 0));
    expect(monday.beingBig.outcomes.map((o) => o.title)).toEqual(['Saturday outcome', 'Sunday outcome']);
    expect(sunday.beingBig.outcomes.map((o) => o.title)).toEqual(['Sunday outcome']);
    expect(sunday.bounds.firstDay).toBe('2026-11-22');
  });

  it('keeps local midnights across a daylight-saving change (Europe/Berlin, 25 Oct 2026)', async () => {
    process.env.TZ = 'Europe/Berlin';
    const journal = await journalWith(async (j, at) => {
      at('2026-10-18T22:30:00.000Z'); // Monday 19 Oct 00:30 CEST: in the week
      await j.addOutcome({ title: 'first hour of the week', kind: 'help' });
      at('2026-10-25T23:30:00.000Z'); // Monday 26 Oct 00:30 CET: the next week
      await j.addOutcome({ title: 'next week', kind: 'help' });
      await j.addActivity({ siteId: 'x', day: '2026-10-25', activeMs: 90 * 60_000 + 59_000 });
    });
    const summary = summarizeWeek(await loadWeek(journal, new Date('2026-10-21T12:00:00.000Z'), 1));
    expect(summary.bounds.from).toBe('2026-10-18T22:00:00.000Z');
    expect(summary.bounds.to).toBe('2026-10-25T23:00:00.000Z'); // 169 hours later
    expect(summary.beingBig.outcomes.map((o) => o.title)).toEqual(['first hour of the week']);
    expect(summary.feelingBig.activeMinutes).toBe(90); // rounded down
  });

  it('an empty week is all zeros and says so', async () => {
    const journal = await journalWith(async () => {});
    const summary = summarizeWeek(await loadWeek(journal, clock, 1));
    expect(summary.feelingBig).toMatchObject({
      audienceChange: 0,
      activeMinutes: 0,
      metricsSeen: 0,
      promptsShown: 0,
      audience: [],
      sites: [],
    });
    expect(summary.beingBig.outcomes).toEqual([]);
    expect(verdict(summary, names).answer).toMatch(/quiet week/);
    expect(verdict(summary, names).suggestion).toMatch(/Set an aim/);
  });

  it('adds up activity, answers and outcomes by kind and site; names the aims current in the week', async () => {
    const journal = await journalWith(async (j, at) => {
      at('2026-11-01T10:00:00.000Z');
      await j.setAim({ purpose: 'Studio', aim: 'Old aim' });
      at('2026-11-24T10:00:00.000Z');
      await j.setAim({ purpose: 'Studio', aim: 'Three clients by March' });
      await j.addOutcome({ title: 'Intro call', kind: 'client', siteId: 'linkedin' });
      await j.addOutcome({ title: 'Learned pricing', kind: 'learning' });
      await j.addReflection({ siteId: 'x', metric: 'followers', value: 10, own: false, answer: 'nothing-yet', outcomeId: null });
      await j.addReflection({ siteId: 'x', metric: 'followers', value: 10, own: false, answer: 'nothing-yet', outcomeId: null });
      await j.addReflection({ siteId: 'x', metric: 'followers', value: 10, own: false, answer: 'dismissed', outcomeId: null });
      await j.addActivity({ siteId: 'x', day: '2026-11-24', activeMs: 45 * 60_000, metricsSeen: 30, promptsShown: 4 });
      await j.addActivity({ siteId: 'x', day: '2026-11-29', activeMs: 45 * 60_000, metricsSeen: 10, promptsShown: 1 });
      await j.addActivity({ siteId: 'linkedin', day: '2026-11-25', activeMs: 10 * 60_000, metricsSeen: 2, promptsShown: 1 });
      await j.addActivity({ siteId: 'x', day: '2026-11-30', activeMs: 999 * 60_000 }); // next week
    });
    const summary = summarizeWeek(await loadWeek(journal, new Date('2026-11-26T12:00:00.000Z'), 1));
    expect(summary.feelingBig).toMatchObject({ activeMinutes: 100, metricsSeen: 42, promptsShown: 6 });
    expect(summary.feelingBig.sites.map((s) => [s.siteId, s.activeMs / 60_000, s.outcomes])).toEqual([
      ['x', 90, 0],
      ['linkedin', 10, 1],
    ]);
    expect(summary.beingBig.byKind).toEqual({ client: 1, learning: 1 });
    expect(summary.beingBig.bySite).toEqual({ linkedin: 1, '': 1 });
    expect(summary.beingBig.answers).toEqual({ outcome: 0, 'nothing-yet': 2, dismissed: 1 });
    expect(summary.beingBig.aims.map((a) => a.aim)).toEqual(['Old aim', 'Three clients by March']);
    const words = verdict(summary, names);
    expect(words.answer).toContain('you spent 1 h 40 min on social sites');
    expect(words.answer).toContain('2 outcomes (Client: 1 and Learning: 1) toward «Three clients by March»');
    expect(words.suggestion).toContain('1 h 30 min on X produced nothing you logged');
    expect(reminderLine(summary)).toBe(
      'This week: no audience change recorded, 1 h 40 min on social sites, 2 outcomes toward «Three clients by March»',
    );
    const markdown = weekMarkdown(summary, names, 'Week of 23 – 29 Nov 2026');
    expect(markdown).toContain('# Week of 23 – 29 Nov 2026');
    expect(markdown).toContain('- Outcomes: 2');
    expect(markdown).toContain('  - 2026-11-24 — Intro call (Client, via LinkedIn)');
    expect(markdown).toContain('- Time on social sites: 1 h 40 min');
  });

  it('reads the last value before the week through one bounded index cursor, not the history', async () => {
    const journal = await journalWith(async (j, at) => {
      for (let day = 1; day <= 20; day++) {
        at(`2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`);
        await j.addSnapshot(snap('x', 'followers', 1000 + day));
      }
      at('2026-11-24T10:00:00.000Z');
      await j.addSnapshot(snap('x', 'followers', 1100));
    });
    expect((await journal.lastSnapshotBefore('x', 'followers', '2026-11-23T00:00:00.000Z'))?.value).toBe(1020);
    const data = await loadWeek(journal, new Date('2026-11-24T12:00:00.000Z'), 1);
    expect(data.snapshots).toHaveLength(1);
    expect(data.before.map((s) => s.value)).toEqual([1020]);
    expect(summarizeWeek(data).feelingBig.audienceChange).toBe(80);
  });
});

describe('the Markdown export keeps what the user wrote literal', () => {
  const hostile = '# Win *big* with [this](https://evil.example) <img src=x> `code` ~~gone~~ _it_ \\ | R&D &amp; &#35;\nnext line';

  it('escapes every character that could start Markdown, keeps the text on one line, and leaves plain words alone', () => {
    expect(escapeMarkdown(hostile)).toBe(
      '\\# Win \\*big\\* with \\[this\\](https://evil.example) \\<img src=x\\> \\`code\\` ' +
        '\\~\\~gone\\~\\~ \\_it\\_ \\\\ \\| R&D \\&amp; \\&\\#35; next line',
    );
    expect(escapeMarkdown('Three clients by March, 2027 (at 5k each)')).toBe('Three clients by March, 2027 (at 5k each)');
  });

  it('in the verdict and the suggestion too, while the dashboard’s verdict shows the aim as written', async () => {
    const journal = await journalWith(async (j, at) => {
      at('2026-11-24T10:00:00.000Z');
      await j.setAim({ purpose: 'Studio <b>', aim: hostile });
      await j.addActivity({ siteId: 'x', day: '2026-11-24', activeMs: 45 * 60_000, metricsSeen: 3, promptsShown: 1 });
    });
    const summary = summarizeWeek(await loadWeek(journal, new Date('2026-11-26T12:00:00.000Z'), 1));
    const written = hostile.replace('\n', ' ').replace(/\s+/g, ' ');
    const shown = verdict(summary, names);
    expect(shown.answer).toContain(`toward «${hostile}»`);
    expect(shown.suggestion).toContain(`«${hostile}»`);

    const markdown = weekMarkdown(summary, names, 'Week of 23 – 29 Nov 2026');
    const escaped = `«${escapeMarkdown(hostile)}»`;
    const verdictLines = markdown.split('## Verdict')[1]!.split('## Feeling big')[0]!;
    expect(verdictLines).toContain(`Being big: nothing was logged as produced toward ${escaped}.`);
    expect(verdictLines.match(/«/g)).toHaveLength(2);
    expect(verdictLines.split(escaped)).toHaveLength(3);
    expect(markdown).toContain(`**Aim:** ${escapeMarkdown(hostile)} — Studio \\<b\\>`);
    // Nothing of the aim is left unescaped anywhere in the file.
    expect(markdown).not.toContain('*big*');
    expect(markdown).not.toContain('[this]');
    expect(markdown).not.toMatch(/(?<!\\)<img/);
    expect(markdown).not.toContain(written);
  });
});
