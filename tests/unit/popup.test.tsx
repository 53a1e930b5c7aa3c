/** @vitest-environment happy-dom */
import { uiLanguage } from '../../utils/i18n/t';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PopupSource } from '../../components/popup/data';
import { formatDuration, formatWeek } from '../../components/popup/labels';
import { Popup, READY_MARK } from '../../components/popup/Popup';
import { weekBounds, weekStart } from '../../utils/week/calendar';
import { JournalError, ERROR_TEXTS } from '../../utils/journal/db';
import { diskFullOnce } from './disk-full';
import { Journal } from '../../utils/journal/journal';
import { loadSettings, weekStartItem } from '../../utils/settings/items';
import { localeMessages } from '../../utils/i18n/files';
import { SITE_LIST } from '../../utils/sites/names';

// Thursday 26 November 2026, 10:00 local time; the week (Monday start) is 23–29 November.
const NOW = new Date(2026, 10, 26, 10, 0);
const now = () => NOW;

let container: HTMLElement;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

/** A source over fake-indexeddb with the pinned clock; `journal` wraps each opened journal (spies). */
function testSource(journal: (opened: Journal) => Journal = (opened) => opened): PopupSource {
  return { openJournal: async () => journal(await Journal.open({ now })), loadSettings, now };
}

/** A second connection to the same database, to check what the popup stored. */
function storedJournal(): Promise<Journal> {
  return Journal.open({ now });
}

async function mount(source: PopupSource = testSource(), undoMs?: number): Promise<void> {
  await act(() => {
    render(<Popup source={source} undoMs={undoMs} />, container);
  });
  await waitFor(() => expect(container.querySelector('main[aria-busy]')).toBeNull());
}

/** Retry an assertion until it holds (IndexedDB and Preact both answer asynchronously). */
async function waitFor(assertion: () => void, timeout = 2000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() - started > timeout) throw error;
      await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
    }
  }
}

/** The form control whose <label> reads `name` (a trailing "(optional)" aside). */
function field<T extends HTMLElement = HTMLInputElement>(name: string): T {
  const label = [...container.querySelectorAll('label')].find((candidate) => candidate.firstChild?.textContent?.trim() === name);
  if (!label) throw new Error(`no field labelled ${name}`);
  const control = container.querySelector<T>(`#${CSS.escape(label.htmlFor)}`);
  if (!control) throw new Error(`label ${name} points at nothing`);
  return control;
}

function button(name: string): HTMLButtonElement {
  const found = queryButton(name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function queryButton(name: string): HTMLButtonElement | undefined {
  return [...container.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
}

async function type(control: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function choose(control: HTMLSelectElement, value: string): Promise<void> {
  await act(() => {
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function click(target: HTMLElement): Promise<void> {
  await act(() => target.click());
}

const text = (selector: string) => container.querySelector(selector)?.textContent ?? '';
const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent);
const stat = (label: string) =>
  [...container.querySelectorAll('.stat')].find((candidate) => candidate.querySelector('dt')?.textContent === label)?.querySelector('dd')
    ?.textContent;
const listedTitles = () => [...container.querySelectorAll('.outcome-title')].map((title) => title.textContent);

async function saveAim(purpose: string, aim: string): Promise<void> {
  await type(field('Purpose'), purpose);
  await type(field('Aim'), aim);
  await click(button('Save aim'));
  await waitFor(() => expect(text('.aim-aim')).toBe(aim));
}

describe('the founding question (first run)', () => {
  it('asks what you are running for, with Purpose, Aim and Save aim, and starts in Purpose', async () => {
    await mount();
    expect(text('h1')).toBe('What are you running for?');
    expect(field('Purpose').value).toBe('');
    expect(field('Aim').value).toBe('');
    expect(button('Save aim').type).toBe('submit');
    expect(queryButton('Edit')).toBeUndefined();
    expect(queryButton('Cancel')).toBeUndefined();
    expect(document.activeElement).toBe(field('Purpose'));
  });

  it('saves the purpose and aim, shows them, and shows them again when reopened', async () => {
    await mount();
    await saveAim('  Independent design studio ', 'Three new clients by March');
    expect(text('.aim-purpose')).toBe('Independent design studio');
    expect(document.activeElement).toBe(button('Edit'));
    const [stored] = await (await storedJournal()).aims();
    expect(stored).toMatchObject({ purpose: 'Independent design studio', aim: 'Three new clients by March', archivedAt: null });

    render(null, container);
    await mount();
    expect(text('.aim-aim')).toBe('Three new clients by March');
    expect(text('.aim-purpose')).toBe('Independent design studio');
  });

  it('accepts an empty purpose but explains an empty aim, and saves nothing', async () => {
    await mount();
    await type(field('Purpose'), 'Open-source maintainer');
    await type(field('Aim'), '   ');
    await click(button('Save aim'));
    expect(alerts()).toEqual([expect.stringContaining('Write your aim')]);
    expect(field('Aim').getAttribute('aria-invalid')).toBe('true');
    expect(field('Aim').getAttribute('aria-describedby')).toBe(container.querySelector('[role="alert"]')?.id);
    expect(document.activeElement).toBe(field('Aim'));
    expect(await (await storedJournal()).aims()).toEqual([]);

    // Typing clears the message; an empty purpose is fine.
    await type(field('Purpose'), '');
    await type(field('Aim'), 'Two paid sponsors this year');
    expect(alerts()).toEqual([]);
    await click(button('Save aim'));
    await waitFor(() => expect(text('.aim-aim')).toBe('Two paid sponsors this year'));
    expect(text('.aim-purpose')).toContain('No purpose written down yet');
  });

  it('keeps what was typed and says why when the aim cannot be saved', async () => {
    await mount(
      testSource((journal) => {
        vi.spyOn(journal, 'setAim').mockRejectedValue(new JournalError('quota', ERROR_TEXTS.quota));
        return journal;
      }),
    );
    await type(field('Purpose'), 'Design studio');
    await type(field('Aim'), 'Three clients');
    await click(button('Save aim'));
    await waitFor(() => expect(alerts()).toEqual([ERROR_TEXTS.quota]));
    expect(field('Purpose').value).toBe('Design studio');
    expect(field('Aim').value).toBe('Three clients');
  });
});

describe('the current aim', () => {
  beforeEach(async () => {
    const journal = await storedJournal();
    await journal.setAim({ purpose: 'Independent design studio', aim: 'Three new clients by March' });
    journal.close();
  });

  it('is shown, and a returning user starts in the Outcome field', async () => {
    await mount();
    expect(text('.aim-purpose')).toBe('Independent design studio');
    expect(text('.aim-aim')).toBe('Three new clients by March');
    expect(document.activeElement).toBe(field('Outcome'));
  });

  it('is edited in place; saving archives the old aim instead of overwriting it', async () => {
    await mount();
    await click(button('Edit'));
    expect(field('Purpose').value).toBe('Independent design studio');
    expect(field('Aim').value).toBe('Three new clients by March');
    expect(document.activeElement).toBe(field('Purpose'));
    await type(field('Aim'), 'Five new clients by June');
    await click(button('Save aim'));
    await waitFor(() => expect(text('.aim-aim')).toBe('Five new clients by June'));

    const aims = await (await storedJournal()).aims();
    expect(aims).toHaveLength(2);
    expect(aims.find((aim) => aim.aim === 'Three new clients by March')?.archivedAt).toBe(NOW.toISOString());
    expect(aims.find((aim) => aim.aim === 'Five new clients by June')?.archivedAt).toBeNull();
  });

  it('Cancel restores the saved aim and changes nothing', async () => {
    await mount();
    await click(button('Edit'));
    await type(field('Aim'), 'Something else entirely');
    await click(button('Cancel'));
    expect(text('.aim-aim')).toBe('Three new clients by March');
    expect(document.activeElement).toBe(button('Edit'));
    // Editing again starts from what is saved, not from the abandoned draft.
    await click(button('Edit'));
    expect(field('Aim').value).toBe('Three new clients by March');
    expect(await (await storedJournal()).aims()).toHaveLength(1);
  });
});

describe('quick log and this week', () => {
  it('logs an outcome into This week at once, and Undo deletes it', async () => {
    await mount();
    await saveAim('Design studio', 'Three clients');
    expect(stat('Outcomes logged')).toBe('0');
    expect(text('.empty')).toContain('Nothing logged yet this week');

    await type(field('Outcome'), 'Intro call from a LinkedIn post');
    await choose(field<HTMLSelectElement>('Kind'), 'client');
    await choose(field<HTMLSelectElement>('Site'), 'linkedin');
    await click(button('Log outcome'));
    await waitFor(() => expect(listedTitles()).toEqual(['Intro call from a LinkedIn post']));
    expect(text('.outcome-meta')).toMatch(/^Client · LinkedIn · /);
    expect(stat('Outcomes logged')).toBe('1');
    expect(text('[role="status"]')).toContain('Logged');
    // The form is ready for the next one.
    expect(field('Outcome').value).toBe('');
    expect(field<HTMLSelectElement>('Kind').value).toBe('other');
    expect(field<HTMLSelectElement>('Site').value).toBe('');

    const journal = await storedJournal();
    const [aim] = await journal.aims();
    const [stored] = await journal.outcomes();
    expect(stored).toMatchObject({ title: 'Intro call from a LinkedIn post', kind: 'client', siteId: 'linkedin', aimId: aim?.id });

    await click(button('Undo'));
    await waitFor(() => expect(listedTitles()).toEqual([]));
    expect(stat('Outcomes logged')).toBe('0');
    expect(await journal.outcomes()).toEqual([]);
    expect(document.activeElement).toBe(field('Outcome'));
  });

  it('offers Undo only for a few seconds, and not while the user is on it', async () => {
    await mount(testSource(), 40);
    await type(field('Outcome'), 'Pricing advice from a designer');
    await click(button('Log outcome'));
    await waitFor(() => expect(queryButton('Undo')).toBeDefined());
    const undo = button('Undo');
    await act(() => undo.focus());
    await act(() => new Promise((resolve) => setTimeout(resolve, 80)));
    expect(queryButton('Undo')).toBeDefined();
    await act(() => undo.blur());
    await waitFor(() => expect(queryButton('Undo')).toBeUndefined());
    // The outcome itself stays.
    expect(listedTitles()).toEqual(['Pricing advice from a designer']);
    expect(await (await storedJournal()).outcomes()).toHaveLength(1);
  });

  it('explains an empty outcome and logs nothing', async () => {
    await mount();
    await type(field('Outcome'), '  ');
    await click(button('Log outcome'));
    expect(alerts()).toEqual([expect.stringContaining('Write what happened')]);
    expect(field('Outcome').getAttribute('aria-invalid')).toBe('true');
    expect(await (await storedJournal()).outcomes()).toEqual([]);
  });

  it('keeps the typed text and shows the error when the disk is full, and logs it on the next try', async () => {
    await mount();
    // The real journal's write fails as a browser's does on a full disk.
    diskFullOnce('outcomes');
    await type(field('Outcome'), 'A referral from an old colleague');
    await choose(field<HTMLSelectElement>('Kind'), 'job');
    await click(button('Log outcome'));
    await waitFor(() => expect(alerts()).toEqual([ERROR_TEXTS.quota]));
    expect(field('Outcome').value).toBe('A referral from an old colleague');
    expect(field<HTMLSelectElement>('Kind').value).toBe('job');
    expect(listedTitles()).toEqual([]);
    expect(queryButton('Undo')).toBeUndefined();
    expect(await (await storedJournal()).outcomes()).toEqual([]);
    // Space freed: the same press logs it.
    await click(button('Log outcome'));
    await waitFor(() => expect(listedTitles()).toEqual(['A referral from an old colleague']));
    expect(alerts()).toEqual([]);
    expect(await (await storedJournal()).outcomes()).toMatchObject([{ title: 'A referral from an old colleague', kind: 'job' }]);
  });

  it('counts only this week: outcomes, prompts answered (not dismissals) and time on social sites', async () => {
    const journal = await storedJournal();
    const at = (date: Date) => date.toISOString();
    const thisWeek = new Date(2026, 10, 24, 12);
    const lastWeek = new Date(2026, 10, 22, 23, 30);
    await journal.addOutcome({ title: 'This week', kind: 'sale', at: at(thisWeek) });
    await journal.addOutcome({ title: 'Last Sunday night', kind: 'sale', at: at(lastWeek) });
    const prompt = { siteId: 'x', metric: 'followers', value: 1200, own: true, outcomeId: null } as const;
    await journal.addReflection({ ...prompt, answer: 'outcome', at: at(thisWeek) });
    await journal.addReflection({ ...prompt, answer: 'nothing-yet', at: at(thisWeek) });
    await journal.addReflection({ ...prompt, answer: 'dismissed', at: at(thisWeek) });
    await journal.addReflection({ ...prompt, answer: 'nothing-yet', at: at(lastWeek) });
    await journal.addActivity({ siteId: 'x', day: '2026-11-23', activeMs: 45 * 60_000 });
    await journal.addActivity({ siteId: 'linkedin', day: '2026-11-29', activeMs: 20 * 60_000 + 10_000 });
    await journal.addActivity({ siteId: 'x', day: '2026-11-22', activeMs: 99 * 60_000 });
    journal.close();

    await mount();
    expect(stat('Outcomes logged')).toBe('1');
    expect(stat('Prompts answered')).toBe('2');
    expect(stat('Time on social sites')).toBe('1 h 5 min');
    expect(listedTitles()).toEqual(['This week']);
    const link = container.querySelector<HTMLAnchorElement>('a.dashboard-link');
    expect(link?.textContent).toBe('Open dashboard');
    expect(link?.getAttribute('href')).toBe('dashboard.html');
    expect(link?.target).toBe('_blank');
  });

  it('follows the week start setting (Sunday)', async () => {
    await weekStartItem.setValue(0);
    const journal = await storedJournal();
    // Sunday 22 November: last week for a Monday start, this week for a Sunday start.
    await journal.addOutcome({ title: 'Sunday', kind: 'help', at: new Date(2026, 10, 22, 9).toISOString() });
    journal.close();
    await mount();
    expect(listedTitles()).toEqual(['Sunday']);
  });
});

describe('opening', () => {
  it('shows the journal’s message and Try again instead of the forms when it cannot open', async () => {
    let attempts = 0;
    const source: PopupSource = {
      ...testSource(),
      openJournal: async () => {
        attempts += 1;
        if (attempts === 1) throw new JournalError('unavailable', ERROR_TEXTS.unavailable);
        return Journal.open({ now });
      },
    };
    await act(() => {
      render(<Popup source={source} />, container);
    });
    await waitFor(() => expect(alerts()).toEqual([ERROR_TEXTS.unavailable]));
    expect(container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button('Try again'));

    await click(button('Try again'));
    await waitFor(() => expect(field('Aim')).toBeDefined());
    expect(alerts()).toEqual([]);
    expect(attempts).toBe(2);
  });

  it('draws the same boxes while loading, then marks popup-ready once after the data is shown', async () => {
    const mark = vi.spyOn(performance, 'mark');
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const source: PopupSource = { ...testSource(), openJournal: async () => (await opened, Journal.open({ now })) };
    await act(() => {
      render(<Popup source={source} />, container);
    });
    expect(container.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    expect(text('h1')).toBe('What are you running for?');
    expect(field('Outcome').closest('fieldset')?.disabled).toBe(true);
    expect(container.querySelectorAll('.stat .placeholder')).toHaveLength(3);
    expect(mark).not.toHaveBeenCalledWith(READY_MARK);

    open();
    await waitFor(() => expect(mark).toHaveBeenCalledWith(READY_MARK));
    expect(field('Purpose')).toBeDefined();
    expect(stat('Outcomes logged')).toBe('0');
    await saveAim('p', 'a');
    expect(mark.mock.calls.filter(([name]) => name === READY_MARK)).toHaveLength(1);
    mark.mockRestore();
  });
});

describe('its words', () => {
  /** Every string a person meets in the popup: text nodes, and the names and hints read aloud or shown on hover. */
  const shown = (): string[] => {
    const found: string[] = [];
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node.textContent ?? '');
    for (const element of container.querySelectorAll('*'))
      for (const name of ['aria-label', 'title', 'placeholder']) if (element.hasAttribute(name)) found.push(element.getAttribute(name)!);
    return found.map((value) => value.trim()).filter(Boolean);
  };

  it('all come through messages: none written in the components, no raw key, no unfilled placeholder', async () => {
    // Each message comes back marked ⟦…⟧, so a word written in a component stands out even where English
    // says the same (the locale and direction stay plain: they choose the plural rules).
    const getMessage = fakeBrowser.i18n.getMessage.bind(fakeBrowser.i18n);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) => {
      const message = getMessage(key as never, substitutions);
      return message && key !== 'locale' && key !== 'dir' ? `⟦${message}⟧` : message;
    }) as typeof fakeBrowser.i18n.getMessage);

    const en = localeMessages('en');
    const keyNames = new Set(Object.keys(en).flatMap((key) => [key, key.replace(/_(zero|one|two|few|many|other)$/, '')]));
    // Not messages: what the user typed, the sites' own names, and what Intl writes for dates and numbers.
    const typed = new Set(['Design studio', 'Three clients', 'Pricing advice', ...[1, 2, 3, 4, 5, 6].map((n) => `Earlier outcome ${n}`)]);
    const week = weekBounds(NOW, 1);
    const weekdays = [23, 24, 25, 26].map((day) =>
      new Intl.DateTimeFormat(uiLanguage(), { weekday: 'short' }).format(new Date(2026, 10, day)),
    );
    const plain = new Set([...typed, ...SITE_LIST.map((site) => site.name), formatWeek(week.start, week.end, uiLanguage()), ...weekdays]);
    const seen = new Set<string>();
    const look = () => {
      for (const value of shown()) {
        const unmarked = value.replace(/[⟦⟧]/g, '');
        seen.add(unmarked);
        expect(unmarked, 'an unfilled placeholder').not.toMatch(/\$|__MSG_/);
        // An outcome's line joins its kind, site and weekday.
        for (const part of value.split(' · ')) {
          expect(keyNames.has(part.replace(/[⟦⟧]/g, '')), `"${part}" is a key's name`).toBe(false);
          expect(/^⟦.*⟧$/.test(part) || plain.has(part) || /^\d+$/.test(part), `"${part}" came through no message`).toBe(true);
        }
      }
    };

    // First run: the form, both "write something first" errors, an empty week.
    await mount();
    await click(button('⟦Save aim⟧'));
    await click(button('⟦Log outcome⟧'));
    look();
    // The card (no purpose), then editing it again.
    await type(field('⟦Aim⟧'), 'Three clients');
    await click(button('⟦Save aim⟧'));
    await waitFor(() => expect(text('.aim-aim')).toBe('Three clients'));
    look();
    await click(button('⟦Edit⟧'));
    look();
    await click(button('⟦Cancel⟧'));
    // A full week: more outcomes than the popup lists, time on social sites, one just logged (Undo, its confirmation).
    const journal = await storedJournal();
    for (const n of [1, 2, 3, 4, 5, 6])
      await journal.addOutcome({
        title: `Earlier outcome ${n}`,
        kind: 'learning',
        siteId: 'x',
        at: new Date(2026, 10, 23 + (n % 3), 9).toISOString(),
      });
    await journal.addActivity({ siteId: 'x', day: '2026-11-23', activeMs: 65 * 60_000 });
    journal.close();
    render(null, container);
    await mount();
    await type(field('⟦Outcome⟧'), 'Pricing advice');
    await click(button('⟦Log outcome⟧'));
    await waitFor(() => expect(queryButton('⟦Undo⟧')).toBeDefined());
    look();
    // A journal that cannot be read.
    render(null, container);
    await act(() => {
      render(<Popup source={{ ...testSource(), openJournal: () => Promise.reject(new Error('disk gone')) }} />, container);
    });
    await waitFor(() => expect(queryButton('⟦Try again⟧')).toBeDefined());
    look();

    // The states above met every popup message without a variable part as written…
    const whole = Object.keys(en).filter((key) => key.startsWith('popup') && !en[key]!.placeholders);
    expect(whole.filter((key) => !seen.has(en[key]!.message))).toEqual([]);
    // …and those with one, filled.
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'Aim set 26 Nov',
        'Logged “Pricing advice”.',
        'and 2 more in the dashboard',
        '1 h 5 min',
        'Learning · X · Wed',
      ]),
    );
  });
});

describe('weekStart', () => {
  const zone = process.env.TZ;
  const useZone = (name: string) => {
    process.env.TZ = name;
  };
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  beforeAll(() => useZone('Europe/Berlin'));

  it('starts on Monday by default settings, at local midnight', () => {
    // Thursday 26 November 2026, 15:20.
    expect(weekStart(new Date(2026, 10, 26, 15, 20), 1)).toEqual(new Date(2026, 10, 23));
    // Monday at midnight is the first instant of its own week; Sunday night is the last of the previous one.
    expect(weekStart(new Date(2026, 10, 23, 0, 0), 1)).toEqual(new Date(2026, 10, 23));
    expect(weekStart(new Date(2026, 10, 22, 23, 59, 59, 999), 1)).toEqual(new Date(2026, 10, 16));
  });

  it('starts on Sunday when settings say so, and on any other day', () => {
    expect(weekStart(new Date(2026, 10, 26, 15), 0)).toEqual(new Date(2026, 10, 22));
    expect(weekStart(new Date(2026, 10, 22, 0, 0), 0)).toEqual(new Date(2026, 10, 22));
    expect(weekStart(new Date(2026, 10, 21, 23, 0), 0)).toEqual(new Date(2026, 10, 15));
    expect(weekStart(new Date(2026, 10, 26, 15), 6)).toEqual(new Date(2026, 10, 21));
    // Across a month and a year boundary.
    expect(weekStart(new Date(2027, 0, 2, 8), 1)).toEqual(new Date(2026, 11, 28));
  });

  it('keeps local midnight across daylight-saving changes (a week of 167 or 169 hours)', () => {
    // Berlin springs forward on Sunday 29 March 2026 (02:00 → 03:00).
    const spring = weekBounds(new Date(2026, 2, 29, 12), 1);
    expect(spring.from).toBe('2026-03-22T23:00:00.000Z'); // Monday 23 March, 00:00 CET
    expect(spring.to).toBe('2026-03-29T22:00:00.000Z'); // Monday 30 March, 00:00 CEST
    expect(spring.end.getTime() - spring.start.getTime()).toBe(167 * 3_600_000);
    expect([spring.firstDay, spring.lastDay]).toEqual(['2026-03-23', '2026-03-29']);
    expect(weekStart(new Date(2026, 2, 29, 12), 0).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // …and falls back on Sunday 25 October 2026.
    const autumn = weekBounds(new Date(2026, 9, 27, 9), 1);
    expect(autumn.from).toBe('2026-10-25T23:00:00.000Z'); // Monday 26 October, 00:00 CET
    const before = weekBounds(new Date(2026, 9, 25, 9), 1);
    expect(before.end.getTime() - before.start.getTime()).toBe(169 * 3_600_000);
    expect(before.to).toBe(autumn.from);
  });

  it('starts at the first instant of the day where the clock skips midnight itself (Chile)', () => {
    useZone('America/Santiago');
    try {
      // Chile springs forward at 00:00 on Sunday 6 September 2026: that day begins at 01:00.
      const start = weekStart(new Date(2026, 8, 9, 12), 0);
      expect([start.getDate(), start.getHours()]).toEqual([6, 1]);
      expect(start.toISOString()).toBe('2026-09-06T04:00:00.000Z');
      expect(weekStart(new Date(start.getTime() - 1), 0).getDate()).toBe(30);
    } finally {
      useZone('Europe/Berlin');
    }
  });
});

describe('formatDuration', () => {
  it('reads as minutes, then hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(29_999)).toBe('0 min');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 5 min');
    expect(formatDuration(120 * 60_000)).toBe('2 h');
  });
});
