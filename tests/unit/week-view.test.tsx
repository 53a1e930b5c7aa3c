// @vitest-environment happy-dom
/**
 * The weekly review page against a real (fake-indexeddb) journal with a pinned clock: the figures and
 * their hooks, the verdict, previous/next/this week URLs, the trends, the Markdown download, the
 * performance measure the benchmark reads, and the reminder's settings.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { WEEK_MEASURE } from '../../utils/week/review';
import { Journal } from '../../utils/journal/journal';
import { reminderItem, type Weekday } from '../../utils/settings/items';
import { useLocale } from './i18n-fake';

/** Thursday 26 November 2026, 10:00 local time. */
const clock = new Date(2026, 10, 26, 10, 0);
const now = () => clock;
const at = (day: number, hours = 12, minutes = 0, seconds = 0, ms = 0) =>
  new Date(2026, 10, day, hours, minutes, seconds, ms).toISOString();
let root: HTMLElement;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

async function waitFor<T>(probe: () => T | null | undefined | false, what = 'condition'): Promise<T> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Page: ${root.textContent}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function mount(journal: Journal, hash: string, weekStartsOn: Weekday = 1) {
  window.location.hash = hash;
  render(
    <Dashboard
      openJournal={async () => journal}
      readWeekStart={async () => weekStartsOn}
      watchWeekStart={() => () => undefined}
      now={now}
    />,
    root,
  );
}

const hook = (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const value = (testId: string) => hook(testId)?.getAttribute('data-value');
const heading = () => root.querySelector('h1')?.textContent ?? '';
const shownWeek = () => hook('week-heading')?.getAttribute('data-week');
const figuresFor = async (week: string) => waitFor(() => shownWeek() === week && hook('week-outcomes'), `the week of ${week}`);

/** The week of Monday 23 November (local time), with a value before it, edges on both sides and every kind of answer. */
async function seeded(): Promise<Journal> {
  const journal = await Journal.open({ now });
  await journal.setAim({ purpose: 'An independent design studio', aim: 'Three new clients by March' });
  const snap = (siteId: string, metric: 'followers' | 'connections' | 'following', value: number, iso: string, approximate = false) =>
    journal.addSnapshot({ siteId, metric, value, approximate, at: iso });
  await snap('x', 'followers', 1000, at(20));
  await snap('x', 'followers', 1010, at(22, 23, 59, 59, 999)); // the last value before the week
  await snap('x', 'followers', 1055, at(27));
  await snap('x', 'following', 300, at(25)); // not in the total
  await snap('linkedin', 'connections', 500, at(24), true); // first seen this week, approximate
  await snap('linkedin', 'connections', 512, at(28));
  await snap('x', 'followers', 5000, at(30, 0)); // next week
  await journal.addActivity({ siteId: 'x', day: '2026-11-23', activeMs: 45 * 60_000 + 59_000, metricsSeen: 30, promptsShown: 4 });
  await journal.addActivity({ siteId: 'x', day: '2026-11-29', activeMs: 45 * 60_000 + 59_000, metricsSeen: 10, promptsShown: 1 });
  await journal.addActivity({ siteId: 'linkedin', day: '2026-11-25', activeMs: 10 * 60_000, metricsSeen: 2, promptsShown: 1 });
  await journal.addActivity({ siteId: 'x', day: '2026-11-22', activeMs: 999 * 60_000, promptsShown: 50 }); // last week
  await journal.addOutcome({ title: 'Intro call', kind: 'client', siteId: 'linkedin', at: at(23, 0) });
  await journal.addOutcome({ title: 'Learned *pricing*', kind: 'learning', at: at(29, 23, 59, 59, 999) });
  await journal.addOutcome({ title: 'Sunday before', kind: 'job', at: at(22, 23, 59, 59, 999) });
  const reflect = (answer: 'outcome' | 'nothing-yet' | 'dismissed', iso: string) =>
    journal.addReflection({ siteId: 'x', metric: 'followers', value: 1010, own: true, answer, outcomeId: null, at: iso });
  await reflect('nothing-yet', at(23));
  await reflect('nothing-yet', at(24));
  await reflect('dismissed', at(25));
  await reflect('outcome', at(26));
  await reflect('nothing-yet', at(30, 0)); // next week
  return journal;
}

describe('the week view', () => {
  it('shows the week’s figures with stable hooks, and the verdict', async () => {
    mount(await seeded(), '#/week/2026-11-26');
    await figuresFor('2026-11-23');
    expect(heading()).toMatch(/^This week: /);
    expect(document.title).toBe('Weekly review — Running For');
    expect(value('week-outcomes')).toBe('2');
    expect(value('week-audience-change')).toBe('57'); // +45 (X) +12 (LinkedIn, from its first value)
    expect(hook('week-audience-change')?.textContent).toBe('≈+57');
    expect(value('week-active-minutes')).toBe('101'); // 45:59 + 45:59 + 10:00 = 101:58, rounded down
    expect(hook('week-active-minutes')?.textContent).toBe('1 h 41 min');
    expect(value('week-prompts-shown')).toBe('6');
    expect(value('week-nothing-yet')).toBe('2');
    expect(value('week-answered-outcome')).toBe('1');
    expect(value('week-dismissed')).toBe('1');

    const audience = hook('week-audience')!;
    expect(audience.querySelector('[data-site="linkedin"]')?.textContent).toContain('first seen this week');
    expect(audience.querySelector('[data-site="x"]')?.textContent).toContain('1,010 → 1,055');
    expect(hook('week-other-metrics')?.textContent).toContain('not in the total');
    expect(hook('week-other-metrics')?.textContent).toContain('followed accounts');
    expect(hook('week-by-kind')?.textContent).toContain('Client');
    expect(hook('week-by-site')?.textContent).toContain('No site');

    const verdict = hook('week-verdict')!.textContent ?? '';
    expect(verdict).toContain('What did the numbers produce?');
    expect(verdict).toContain('you spent 1 h 41 min on social sites');
    expect(verdict).toMatch(/2 outcomes .*toward «Three new clients by March»/);
    expect(verdict).toContain('1 h 31 min on X produced nothing you logged');
  });

  it('writes numbers, days and weeks as the browser’s language does', async () => {
    useLocale('en', 'de-DE');
    mount(await seeded(), '#/week/2026-11-26');
    await figuresFor('2026-11-23');
    expect(heading()).toBe('This week: 23.–29. Nov. 2026');
    expect(hook('week-audience')?.querySelector('[data-site="x"]')?.textContent).toContain('1.010 → 1.055');
    expect(root.querySelector('.week-outcomes time')?.textContent).toBe(
      new Date(2026, 10, 23).toLocaleDateString('de-DE', { weekday: 'short', day: 'numeric', month: 'short' }),
    );
    await waitFor(() => hook('week-trends')?.getAttribute('aria-busy') === 'false', 'the trends');
    expect(hook('trend-minutes')?.querySelector('.trend-bar.current .trend-value')?.textContent).toBe(
      new Intl.NumberFormat('de-DE', { style: 'unit', unit: 'hour', unitDisplay: 'narrow', maximumFractionDigits: 1 }).format(101 / 60),
    );
  });

  it('links to the previous, next and this week, and follows the URL', async () => {
    mount(await seeded(), '#/week/2026-11-26');
    await figuresFor('2026-11-23');
    expect(hook('week-previous')?.getAttribute('href')).toBe('#/week/2026-11-16');
    expect(hook('week-next')?.getAttribute('href')).toBe('#/week/2026-11-30');
    expect(hook('week-this')?.getAttribute('href')).toBe('#/week');
    expect(hook('week-this')?.getAttribute('aria-current')).toBe('date');

    window.location.hash = '#/week/2026-11-16';
    await figuresFor('2026-11-16');
    expect(heading()).toMatch(/^Week of /);
    expect(value('week-outcomes')).toBe('1'); // Sunday 23:59:59.999
    expect(value('week-prompts-shown')).toBe('50');
    expect(hook('week-this')?.hasAttribute('aria-current')).toBe(false);

    window.location.hash = '#/week/2026-11-30';
    await figuresFor('2026-11-30');
    expect(value('week-audience-change')).toBe('3945'); // 1,055 before → 5,000
    expect(value('week-nothing-yet')).toBe('1');
  });

  it('shows this week at #/week, and weeks that start on Sunday when the user chose it', async () => {
    const journal = await seeded();
    mount(journal, '#/week');
    await figuresFor('2026-11-23');
    render(null, root);
    mount(journal, '#/week', 0);
    await figuresFor('2026-11-22');
    // Sunday 22 – Saturday 28: the outcome at the end of Sunday 22 is in, the one on Sunday 29 is out.
    expect([...root.querySelectorAll('.week-outcome-title')].map((n) => n.textContent)).toEqual(['Sunday before', 'Intro call']);
    expect(value('week-prompts-shown')).toBe('55');
  });

  it('says so when the URL’s date is not a real day', async () => {
    mount(await Journal.open({ now }), '#/week/2026-02-30');
    const alert = await waitFor(() => root.querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).toContain('is not a day of the calendar');
    expect(alert.querySelector('a')?.getAttribute('href')).toBe('#/week');
  });

  it('an empty week is zeros, with a quiet verdict', async () => {
    mount(await Journal.open({ now }), '#/week/2026-11-26');
    await figuresFor('2026-11-23');
    for (const id of ['week-outcomes', 'week-audience-change', 'week-active-minutes', 'week-prompts-shown', 'week-nothing-yet'])
      expect(value(id)).toBe('0');
    expect(hook('week-verdict')?.textContent).toContain('A quiet week');
  });

  it('draws 12 weeks of trends ending with the shown week, each with a table', async () => {
    mount(await seeded(), '#/week/2026-11-26');
    await waitFor(() => hook('week-trends')?.getAttribute('aria-busy') === 'false', 'the trends');
    for (const id of ['trend-audience', 'trend-minutes', 'trend-outcomes']) {
      const chart = hook(id)!;
      expect(chart.querySelectorAll('.trend-bar')).toHaveLength(12);
      expect(chart.querySelectorAll('tbody tr')).toHaveLength(12);
      expect(chart.querySelectorAll('.trend-bar.current')).toHaveLength(1);
      expect(chart.querySelector('tbody tr:last-child')?.getAttribute('aria-current')).toBe('date');
    }
    const outcomes = hook('trend-outcomes')!;
    expect([...outcomes.querySelectorAll('.trend-value')].slice(-2).map((n) => n.textContent)).toEqual(['1', '2']);
    expect(outcomes.querySelector('svg')?.getAttribute('aria-label')).toMatch(/Outcomes, week by week: .*: 2\.$/);
    expect(hook('trend-minutes')?.querySelector('tbody tr:last-child td')?.textContent).toBe('1 h 41 min');
    expect(hook('trend-audience')?.querySelector('tbody tr:last-child td')?.textContent).toBe('+57');
  });

  it('records the performance measure the benchmark reads', async () => {
    performance.clearMeasures(WEEK_MEASURE);
    mount(await seeded(), '#/week/2026-11-26');
    await figuresFor('2026-11-23');
    const measures = performance.getEntriesByName(WEEK_MEASURE, 'measure') as PerformanceMeasure[];
    expect(measures.at(-1)?.detail).toEqual({ week: '2026-11-23' });
    expect(measures.at(-1)?.duration).toBeGreaterThanOrEqual(0);
  });

  it('exports the week as Markdown, named after its first day', async () => {
    const files: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:week-${blobs.size}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: blobs.get(this.href)! });
    });
    mount(await seeded(), '#/week/2026-11-26');
    await figuresFor('2026-11-23');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Export week as Markdown')!;
    button.click();
    expect(files.map((f) => f.name)).toEqual(['running-for-week-2026-11-23.md']);
    const markdown = await files[0]!.blob.text();
    expect(markdown).toMatch(/^# Running For — week of /);
    expect(markdown).toContain('**Aim:** Three new clients by March — An independent design studio');
    expect(markdown).toMatch(/- Audience change: ≈\+57 .*followers and connections\n/);
    expect(markdown).toContain('  - X followers: 1,010 → 1,055 (+45)');
    expect(markdown).toContain('  - LinkedIn connections: ≈500 → ≈512 (+12) (first seen this week)');
    expect(markdown).toContain('- X followed accounts: 300 → 300 (0) (first seen this week) (not in the total)');
    expect(markdown).toContain('- Time on social sites: 1 h 41 min');
    expect(markdown).toContain('- Prompts shown: 6');
    expect(markdown).toContain('- Outcomes: 2');
    expect(markdown).toContain('  - 2026-11-29 — Learned \\*pricing\\* (Learning)');
    expect(markdown).toMatch(/- Answers to prompts: 1 with an outcome, 2 .nothing yet., 1 .not now./);
  });
});

describe('the reminder’s settings', () => {
  it('reads and saves on/off, the day and the time', async () => {
    mount(await Journal.open({ now }), '#/week');
    const checkbox = await waitFor(
      () => root.querySelector<HTMLInputElement>('.reminder-form input[type="checkbox"]'),
      'the reminder form',
    );
    expect(checkbox.checked).toBe(true);
    const day = root.querySelector<HTMLSelectElement>('#reminder-day')!;
    const time = root.querySelector<HTMLInputElement>('#reminder-time')!;
    expect(day.value).toBe('0');
    expect(time.value).toBe('18:00');

    day.value = '5';
    day.dispatchEvent(new Event('change', { bubbles: true }));
    await expect.poll(async () => (await reminderItem.getValue()).day).toBe(5);
    time.value = '07:30';
    time.dispatchEvent(new Event('change', { bubbles: true }));
    await expect.poll(() => reminderItem.getValue()).toEqual({ enabled: true, day: 5, time: '07:30' });
    expect(root.querySelector('.reminder-status')?.textContent).toMatch(/^Saved\. Next reminder: Friday 27 November/);

    checkbox.click();
    await expect.poll(() => reminderItem.getValue()).toEqual({ enabled: false, day: 5, time: '07:30' });
    expect(root.querySelector('.reminder-status')?.textContent).toBe('Saved. No weekly reminder will be shown.');
  });
});
