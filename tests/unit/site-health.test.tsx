// @vitest-environment happy-dom
/**
 * Site health in the dashboard: the states and sentences (utils/health/words.ts) from what page views
 * recorded, and the Sites view's rows — one per site, marked for the end-to-end tests — with Copy diagnostic.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RefusalNotice, summarizeRefusals } from '../../components/dashboard/RefusalNotice';
import { SiteHealthList } from '../../components/dashboard/SiteHealthList';
import { Journal } from '../../utils/journal/journal';
import type { HealthDay, SiteHealth } from '../../utils/journal/records';
import { MISSING_AFTER, summarizeSiteHealth } from '../../utils/health/words';
import { useLocale } from './i18n-fake';

const SITE = { id: 'linkedin', name: 'LinkedIn' };
const day = (fields: Partial<HealthDay>): HealthDay => ({
  day: '2026-11-26',
  siteId: 'linkedin',
  expected: 0,
  found: 0,
  hook: 0,
  label: 0,
  generic: 0,
  ...fields,
});
const standing = (fields: Partial<SiteHealth>): SiteHealth => ({
  siteId: 'linkedin',
  emptyStreak: 0,
  lastFoundVia: 'hook',
  lastViewAt: '2026-11-26T09:00:00.000Z',
  diagnostic: null,
  diagnosticAt: null,
  ...fields,
});

/**
 * A journal on a fresh fake IndexedDB and a root to render into, made before each test of the describe
 * that calls it and cleared after; Thursday 26 November 2026, 10:00 is now.
 */
function viewWithJournal(): { root: HTMLElement; journal: Journal; now: () => Date } {
  const view = {
    root: undefined as unknown as HTMLElement,
    journal: undefined as unknown as Journal,
    now: () => new Date(2026, 10, 26, 10, 0),
  };
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    view.journal = await Journal.open({ now: view.now });
    view.root = document.createElement('div');
    document.body.append(view.root);
  });
  afterEach(() => {
    render(null, view.root);
    view.root.remove();
  });
  return view;
}

describe('summarizeSiteHealth', () => {
  it('is unknown before any page that should show counts', () => {
    expect(summarizeSiteHealth(SITE, [], undefined)).toMatchObject({
      state: 'unknown',
      sentence: expect.stringContaining('Not checked yet'),
    });
  });

  it('is ok when the site’s markers found them, with this week’s figures in words', () => {
    const summary = summarizeSiteHealth(SITE, [day({ expected: 15, found: 14, hook: 14 })], standing({}));
    expect(summary).toMatchObject({ state: 'ok', expected: 15, found: 14 });
    expect(summary.sentence).toBe('Working: Running For found the counts on 14 of 15 pages that show them this week.');
  });

  it('is fallback when the last counts were read from labels', () => {
    const summary = summarizeSiteHealth(SITE, [day({ expected: 6, found: 6, hook: 2, label: 4 })], standing({ lastFoundVia: 'label' }));
    expect(summary.state).toBe('fallback');
    expect(summary.sentence).toMatch(
      /^LinkedIn may have changed its pages: .*by reading the labels beside the numbers instead of the site's usual markers \(4 of 6/,
    );
  });

  it(`is missing after ${MISSING_AFTER} empty page views in a row, and says how many`, () => {
    expect(summarizeSiteHealth(SITE, [], standing({ emptyStreak: MISSING_AFTER - 1 })).state).toBe('ok');
    expect(summarizeSiteHealth(SITE, [], standing({ emptyStreak: 2, lastFoundVia: null })).state).toBe('unknown');
    const summary = summarizeSiteHealth(SITE, [day({ expected: 5 })], standing({ emptyStreak: 5, diagnostic: 'main' }));
    expect(summary).toMatchObject({ state: 'missing', diagnostic: 'main' });
    expect(summary.sentence).toMatch(/^LinkedIn may have changed: no counts on your last 5 visits to pages that should show them\./);
  });
});

describe('SiteHealthList', () => {
  const view = viewWithJournal();
  const { now } = view;

  async function rows(): Promise<HTMLElement[]> {
    for (let i = 0; i < 200; i++) {
      const found = [...view.root.querySelectorAll<HTMLElement>('[data-testid="site-health"]')];
      if (found.length) return found;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no health rows: ${view.root.textContent}`);
  }

  it('shows one marked row per site, and copies a diagnostic that holds only structure', async () => {
    for (let i = 0; i < 3; i++) await view.journal.recordPageView({ siteId: 'linkedin', found: false });
    await view.journal.saveDiagnostic('linkedin', 'main\n  section "#,### followers"');
    await view.journal.recordPageView({ siteId: 'x', found: true, via: 'hook' });
    const copied: string[] = [];
    const said: string[] = [];
    render(
      <SiteHealthList
        journal={view.journal}
        now={now}
        weekStartsOn={1}
        revision={0}
        sites={[{ id: 'x', name: 'X' }, SITE, { id: 'github', name: 'GitHub' }]}
        copy={async (text) => void copied.push(text)}
        announce={(message) => said.push(message)}
        fail={(title, detail) => said.push(`${title} ${detail}`)}
      />,
      view.root,
    );
    const list = await rows();
    expect(list.map((row) => [row.dataset.site, row.dataset.state])).toEqual([
      ['x', 'ok'],
      ['linkedin', 'missing'],
      ['github', 'unknown'],
    ]);
    expect(list[0]!.querySelector('button')).toBeNull();
    list[1]!.querySelector('button')!.click();
    for (let i = 0; i < 100 && copied.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(copied[0]).toContain('state: missing; this week: counts on 0 of 3 pages');
    expect(copied[0]).toContain('main\n  section "#,### followers"');
    for (let i = 0; i < 100 && said.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(said).toEqual([expect.stringMatching(/^Copied LinkedIn's diagnostic/)]);
  });
});

describe('refused updates (Sites view)', () => {
  it("sums a week's refusals per site, most first, in one sentence each", () => {
    const rows = [
      { day: '2026-11-23', siteId: 'x', type: 'snapshot/add' as const, count: 1000 },
      { day: '2026-11-24', siteId: 'x', type: 'activity/add' as const, count: 234 },
      { day: '2026-11-24', siteId: 'mastodon.social', type: 'health/add' as const, count: 1 },
    ];
    expect(summarizeRefusals(rows)).toEqual([
      {
        siteId: 'x',
        count: 1234,
        sentence:
          `Running For refused 1,234 updates from X this week (more than any tab ` +
          `can send): a page may be trying to fill your ` +
          `journal.`,
      },
      {
        siteId: 'mastodon.social',
        count: 1,
        sentence:
          'Running For refused 1 update from mastodon.social this week (more than any tab can send): ' +
          'a page may be trying to fill your journal.',
      },
    ]);
    expect(summarizeRefusals([])).toEqual([]);
  });

  it("writes the count as the browser's language does", () => {
    useLocale('en', 'de-DE');
    const [site] = summarizeRefusals([{ day: '2026-11-23', siteId: 'x', type: 'snapshot/add' as const, count: 1234 }]);
    expect(site?.sentence).toMatch(/^Running For refused 1\.234 updates from X this week/);
  });

  describe('RefusalNotice', () => {
    const view = viewWithJournal();
    const { now } = view;

    const settle = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    };

    it("says nothing in a week without refusals (last week's are not this week's)", async () => {
      await view.journal.countRefusals([{ day: '2026-11-22', siteId: 'x', type: 'snapshot/add', count: 50 }]);
      render(<RefusalNotice journal={view.journal} now={now} weekStartsOn={1} revision={0} />, view.root);
      await settle();
      expect(view.root.childElementCount).toBe(0);
    });

    it('names each site this week with its count, marked for the end-to-end tests', async () => {
      await view.journal.countRefusals([
        { day: '2026-11-23', siteId: 'x', type: 'snapshot/add', count: 80 },
        { day: '2026-11-26', siteId: 'x', type: 'lang/load', count: 2 },
      ]);
      render(<RefusalNotice journal={view.journal} now={now} weekStartsOn={1} revision={0} />, view.root);
      await settle();
      const notice = view.root.querySelector<HTMLElement>('[data-testid="refusals"] [data-site="x"]');
      expect(notice?.dataset.count).toBe('82');
      expect(notice?.textContent).toBe(
        'Running For refused 82 updates from X this week (more than any tab can send): a page may be trying to fill your journal.',
      );
    });
  });
});
