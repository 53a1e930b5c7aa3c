// @vitest-environment happy-dom
/**
 * The dashboard against a real (fake-indexeddb) journal: the outcomes list, its filters, editing in
 * place, delete with undo, the journal failing to open, and the Data section's import messages.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dashboard, type DashboardProps } from '../../components/dashboard/Dashboard';
import { deletedMessage, describeImport } from '../../components/dashboard/DataView';
import { addWeeks, moveToDay, weekRange, weekStart as startOfWeek } from '../../utils/week/calendar';
import { JournalError, ERROR_TEXTS } from '../../utils/journal/db';
import { Journal } from '../../utils/journal/journal';
import type { Weekday } from '../../utils/settings/items';
import { useLocale } from './i18n-fake';

/** Thursday 26 November 2026, 10:00 local time. */
let clock = new Date(2026, 10, 26, 10, 0);
const now = () => clock;
let root: HTMLElement;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  clock = new Date(2026, 10, 26, 10, 0);
  root = document.createElement('div');
  document.body.append(root);
  window.location.hash = '#/outcomes';
});

afterEach(() => {
  render(null, root);
  root.remove();
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

function mount(journal: Journal | (() => Promise<Journal>), props: Partial<DashboardProps> & { weekStartsOn?: Weekday } = {}) {
  const weekStartsOn = props.weekStartsOn ?? 1;
  render(
    <Dashboard
      openJournal={typeof journal === 'function' ? journal : async () => journal}
      readWeekStart={async () => weekStartsOn}
      watchWeekStart={() => () => undefined}
      now={now}
      {...props}
    />,
    root,
  );
}

const titles = () => [...root.querySelectorAll('[data-testid="outcome"] .outcome-title')].map((node) => node.textContent);

function button(name: string | RegExp, scope: ParentNode = root): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`No button ${String(name)} in: ${root.textContent}`);
  return found;
}

function byLabel<T extends HTMLElement>(text: string, scope: ParentNode = root): T {
  const label = [...scope.querySelectorAll('label')].find((l) => l.textContent === text);
  const control = label && root.ownerDocument.getElementById(label.htmlFor);
  if (!control) throw new Error(`No control labelled ${text}`);
  return control as T;
}

/** Let Preact render what the last event changed (it renders after a microtask, as between real events). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

async function seeded(): Promise<Journal> {
  const journal = await Journal.open({ now });
  await journal.setAim({ purpose: 'An independent design studio', aim: 'Three new clients by March' });
  // This week (weeks start on Monday 23 November) …
  await journal.addOutcome({
    title: 'Client via LinkedIn',
    kind: 'client',
    siteId: 'linkedin',
    at: new Date(2026, 10, 25, 9).toISOString(),
  });
  await journal.addOutcome({ title: 'Learned to price a retainer', kind: 'learning', at: new Date(2026, 10, 24, 18).toISOString() });
  // … Sunday 22 November: last week when weeks start on Monday, this week when they start on Sunday …
  await journal.addOutcome({
    title: 'Talk with a Mastodon friend',
    kind: 'collaboration',
    siteId: 'mastodon.social',
    at: new Date(2026, 10, 22, 12).toISOString(),
  });
  // … and October.
  await journal.addOutcome({
    title: 'Sold a template',
    kind: 'sale',
    siteId: 'x',
    note: 'via a reply',
    at: new Date(2026, 9, 5, 15).toISOString(),
  });
  return journal;
}

describe('outcomes list', () => {
  it('shows the current aim and the outcomes newest first, grouped by day', async () => {
    mount(await seeded());
    await waitFor(() => titles().length === 4, 'the list');
    expect(titles()).toEqual(['Client via LinkedIn', 'Learned to price a retainer', 'Talk with a Mastodon friend', 'Sold a template']);
    expect(root.querySelector('[data-testid="current-aim"]')?.textContent).toContain('Three new clients by March');
    const days = [...root.querySelectorAll('.day-heading time')].map((node) => node.getAttribute('datetime'));
    expect(days).toEqual(['2026-11-25', '2026-11-24', '2026-11-22', '2026-10-05']);
    const sold = root.querySelectorAll('[data-testid="outcome"]')[3]!;
    expect(sold.textContent).toContain('Sale');
    expect(sold.textContent).toContain('via X');
    expect(sold.textContent).toContain('via a reply');
    expect(root.querySelectorAll('[data-testid="outcome"]')[1]!.textContent).toContain('No site');
    expect(document.title).toBe('Outcomes — Running For');
    expect(root.querySelector('[data-testid="outcome-summary"]')?.textContent).toBe('4 outcomes');
  });

  it('writes days, times and week ranges in the browser’s language', async () => {
    useLocale('en', 'de-DE');
    mount(await seeded());
    await waitFor(() => titles().length === 4, 'the list');
    expect(root.querySelector('.day-heading time')?.textContent).toBe('Mittwoch, 25. November 2026');
    expect(root.querySelector('[data-testid="outcome"] .outcome-meta time')?.textContent).toBe('9:00');
    button('This week').click();
    await waitFor(() => titles().length === 2, 'this week');
    expect(root.querySelector('[data-testid="week-label"]')?.textContent).toBe('This week: 23.–29. Nov. 2026');
  });

  it('says what to do when nothing is logged, and when a filter matches nothing', async () => {
    const journal = await Journal.open({ now });
    mount(journal);
    const empty = await waitFor(() => root.querySelector('[data-testid="empty-state"]'), 'the empty state');
    expect(empty.textContent).toContain('Nothing logged yet.');
    expect(empty.textContent).toContain('log it from the Running For button in the browser toolbar');
    expect(root.querySelector('[data-testid="current-aim"]')?.textContent).toContain('No aim yet');

    await journal.addOutcome({ title: 'A sale', kind: 'sale' });
    render(null, root);
    mount(journal);
    await waitFor(() => titles().length === 1, 'the list');
    await choose(byLabel('Kind'), 'job');
    const none = await waitFor(() => root.querySelector('[data-testid="empty-state"]'), 'the filtered empty state');
    expect(none.textContent).toContain('No outcomes of kind Job.');
    button('Show all outcomes').click();
    await waitFor(() => titles().length === 1, 'everything again');
  });

  it('filters by kind, by site (including no site) and together', async () => {
    mount(await seeded());
    await waitFor(() => titles().length === 4, 'the list');
    await choose(byLabel('Kind'), 'client');
    await waitFor(() => titles().length === 1, 'kind filter');
    expect(titles()).toEqual(['Client via LinkedIn']);
    expect(root.querySelector('[data-testid="outcome-summary"]')?.textContent).toBe('1 of 4 outcomes');
    await choose(byLabel('Kind'), '');
    await choose(byLabel('Site'), '-');
    await waitFor(() => titles().length === 1 && titles()[0] === 'Learned to price a retainer', 'no-site filter');
    // A site the user added (not a supported site) is offered once an outcome uses it.
    const siteOptions = [...byLabel<HTMLSelectElement>('Site').options].map((option) => option.textContent);
    expect(siteOptions).toContain('mastodon.social');
    expect(siteOptions.slice(0, 4)).toEqual(['All sites', 'No site', 'X', 'LinkedIn']);
    await choose(byLabel('Site'), 'mastodon.social');
    await waitFor(() => titles()[0] === 'Talk with a Mastodon friend' && titles().length === 1, 'added-site filter');
    await choose(byLabel('Kind'), 'client');
    const none = await waitFor(() => root.querySelector('[data-testid="empty-state"]'), 'kind and site together');
    expect(none.querySelector('.empty-title')?.textContent).toBe('No outcomes of kind Client via mastodon.social.');
    await choose(byLabel('Site'), '-');
    await waitFor(
      () => root.querySelector('.empty-title')?.textContent === 'No outcomes of kind Client without a site.',
      'kind and no site',
    );
    button('Clear filters').click();
    await waitFor(() => titles().length === 4, 'filters cleared');
  });

  it('filters by week in local time, from the week start setting, with previous, next and all', async () => {
    mount(await seeded(), { weekStartsOn: 1 });
    await waitFor(() => titles().length === 4, 'the list');
    const label = () => root.querySelector('[data-testid="week-label"]')?.textContent;
    expect(label()).toBe('All weeks');
    button('This week').click();
    await waitFor(() => titles().length === 2, 'this week');
    expect(titles()).toEqual(['Client via LinkedIn', 'Learned to price a retainer']);
    expect(label()).toMatch(/^This week: /);
    button(/Previous week/).click();
    await waitFor(() => titles().length === 1 && titles()[0] === 'Talk with a Mastodon friend', 'last week');
    expect(label()).toMatch(/^Week of /);
    button(/Previous week/).click();
    const none = await waitFor(() => root.querySelector('[data-testid="empty-state"]'), 'two weeks ago');
    expect(none.querySelector('.empty-title')?.textContent).toMatch(/^No outcomes in the week of 9\s–\s15 Nov 2026\.$/);
    button(/Next week/).click();
    button(/Next week/).click();
    await waitFor(() => titles().length === 2, 'back to this week');
    button('All weeks').click();
    await waitFor(() => titles().length === 4, 'all weeks');
  });

  it('starts weeks on Sunday when the setting says so', async () => {
    mount(await seeded(), { weekStartsOn: 0 });
    await waitFor(() => titles().length === 4, 'the list');
    button('This week').click();
    await waitFor(() => titles().length === 3, 'this week from Sunday');
    expect(titles()).toContain('Talk with a Mastodon friend');
  });
});

/** An outcome row's Edit or Delete button, by the name it gives screen readers (its visible word names no outcome). */
function rowButton(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name);
  if (!found) throw new Error(`No button named ${name} in: ${root.textContent}`);
  return found;
}

describe('editing', () => {
  it('edits title, kind, site, note and date in place through the journal', async () => {
    const journal = await seeded();
    mount(journal);
    await waitFor(() => titles().length === 4, 'the list');
    const [target] = await journal.outcomes({ kind: 'learning' });
    rowButton('Edit “Learned to price a retainer”').click();
    const form = await waitFor(() => root.querySelector<HTMLFormElement>('form.editor'), 'the editor');
    await waitFor(() => document.activeElement === byLabel('Title', form), 'focus in the title');
    await type(byLabel('Title', form), '  Learned to price a monthly retainer ');
    await choose(byLabel('Kind', form), 'help');
    await choose(byLabel('Site', form), 'reddit');
    await type(byLabel('Note', form), 'From r/freelance');
    await type(byLabel('Date', form), '2026-11-20');
    button('Save', form).click();

    await waitFor(() => !root.querySelector('form.editor'), 'the editor to close');
    const saved = await journal.getOutcome(target!.id);
    // Same local time of day (18:00), another day.
    expect(saved).toEqual({
      ...target,
      title: 'Learned to price a monthly retainer',
      kind: 'help',
      siteId: 'reddit',
      note: 'From r/freelance',
      at: new Date(2026, 10, 20, 18).toISOString(),
    });
    await waitFor(() => titles().includes('Learned to price a monthly retainer'), 'the edited row');
    expect(root.querySelector('[role="status"].toast-message')?.textContent).toBe('Saved “Learned to price a monthly retainer”.');
    // Focus returns to the row's Edit button.
    await waitFor(() => document.activeElement?.getAttribute('data-action') === 'edit', 'focus on Edit');
    expect(document.activeElement?.closest('[data-outcome-id]')?.getAttribute('data-outcome-id')).toBe(target!.id);
  });

  it('keeps the outcome unchanged on Escape, and refuses an empty title with an alert', async () => {
    const journal = await seeded();
    mount(journal);
    await waitFor(() => titles().length === 4, 'the list');
    const before = await journal.outcomes();

    rowButton('Edit “Client via LinkedIn”').click();
    let form = await waitFor(() => root.querySelector<HTMLFormElement>('form.editor'), 'the editor');
    await type(byLabel('Title', form), 'Changed my mind');
    byLabel('Title', form).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => !root.querySelector('form.editor'), 'the editor to close');
    expect(titles()[0]).toBe('Client via LinkedIn');

    rowButton('Edit “Client via LinkedIn”').click();
    form = await waitFor(() => root.querySelector<HTMLFormElement>('form.editor'), 'the editor');
    await type(byLabel('Title', form), '   ');
    button('Save', form).click();
    const alert = await waitFor(() => form.querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).toBe('Give the outcome a title.');
    expect(await journal.outcomes()).toEqual(before);
  });
});

describe('delete with undo', () => {
  it('deletes from the journal, and Undo restores the very same record', async () => {
    const journal = await seeded();
    mount(journal);
    await waitFor(() => titles().length === 4, 'the list');
    const before = await journal.outcomes();
    const target = before.find((o) => o.title === 'Sold a template')!;

    rowButton('Delete “Sold a template”').click();
    await waitFor(() => titles().length === 3, 'the row to go');
    expect(await journal.getOutcome(target.id)).toBeUndefined();
    expect(root.querySelector('.toast-message')?.textContent).toBe('Deleted “Sold a template”.');
    const undo = button('Undo');
    await waitFor(() => document.activeElement === undo, 'focus on Undo');

    undo.click();
    await waitFor(() => titles().length === 4, 'the row to return');
    expect(await journal.getOutcome(target.id)).toEqual(target);
    expect(await journal.outcomes()).toEqual(before);
    expect(root.querySelector('.toast-message')?.textContent).toBe('Restored “Sold a template”.');
    expect(() => button('Undo')).toThrow();
  });
});

describe('when the journal cannot open', () => {
  it('shows the reason in an alert, and Try again opens it', async () => {
    const journal = await seeded();
    let attempts = 0;
    mount(async () => {
      attempts++;
      if (attempts === 1) throw new JournalError('unavailable', ERROR_TEXTS.unavailable);
      return journal;
    });
    const alert = await waitFor(() => root.querySelector('[role="alert"]'), 'the alert');
    expect(alert.textContent).toContain(ERROR_TEXTS.unavailable);
    button('Try again', alert).click();
    await waitFor(() => titles().length === 4, 'the list after retrying');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('routes', () => {
  it('shows the data view with counts at #/data, and sends unknown hashes to outcomes', async () => {
    window.location.hash = '#/data';
    mount(await seeded());
    const outcomes = await waitFor(() => root.querySelector('[data-testid="count-outcomes"]'), 'the counts');
    expect(outcomes.textContent).toBe('4');
    expect(root.querySelector('[data-testid="count-aims"]')?.textContent).toBe('1');
    expect(root.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Your data');

    window.location.hash = '#/nowhere';
    await waitFor(() => window.location.hash === '#/outcomes', 'the redirect');
    await waitFor(() => titles().length === 4, 'the outcomes view');
  });
});

describe('import messages', () => {
  it('say what was added, what was already there and what was merged', () => {
    const zero = { aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 };
    expect(describeImport('b.json', { added: { ...zero, aims: 1, outcomes: 3 }, skipped: zero, merged: 0 })).toBe(
      'Imported b.json: added 1 aim and 3 outcomes.',
    );
    expect(describeImport('b.json', { added: zero, skipped: { ...zero, outcomes: 3, activity: 1 }, merged: 2 })).toBe(
      'Imported b.json: nothing new to add; already here: 3 outcomes and 1 day of activity; 2 ' +
        'days of activity brought up to the larger totals in the file.',
    );
  });

  it('are one whole sentence for each combination, the raised days by their number', () => {
    const zero = { aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 };
    const report = (added: Partial<typeof zero>, skipped: Partial<typeof zero>, merged: number) =>
      describeImport('b.json', { added: { ...zero, ...added }, skipped: { ...zero, ...skipped }, merged });
    expect(report({}, {}, 0)).toBe('Imported b.json: nothing new to add.');
    expect(report({ reflections: 1 }, { aims: 1 }, 0)).toBe('Imported b.json: added 1 answer to a prompt; already here: 1 aim.');
    expect(report({}, {}, 1)).toBe('Imported b.json: nothing new to add; 1 day of activity brought up to the larger totals in the file.');
    expect(report({ snapshots: 2 }, {}, 1)).toBe(
      'Imported b.json: added 2 count snapshots; 1 day of activity brought up to the larger totals in the file.',
    );
    expect(report({ outcomes: 1 }, { outcomes: 2 }, 3)).toBe(
      'Imported b.json: added 1 outcome; already here: 2 outcomes; 3 days of activity brought up to the larger totals in the file.',
    );
  });

  it('write numbers as the browser’s language does', () => {
    useLocale('en', 'de-DE');
    const zero = { aims: 0, outcomes: 0, reflections: 0, snapshots: 0, activity: 0 };
    expect(describeImport('b.json', { added: { ...zero, outcomes: 1234 }, skipped: zero, merged: 1500 })).toBe(
      'Imported b.json: added 1.234 outcomes; 1.500 days of activity brought up to the larger totals in the file.',
    );
  });
});

describe('the delete confirmation', () => {
  it('says what goes, offers a backup first, and waits for the word', async () => {
    window.location.hash = '#/data';
    const journal = await seeded();
    mount(journal);
    await waitFor(() => root.querySelector('[data-testid="count-outcomes"]')?.textContent === '4', 'the counts');
    button('Delete all data…').click();
    const dialog = await waitFor(() => root.querySelector<HTMLDialogElement>('dialog.confirm'), 'the dialog');
    expect(dialog.querySelector('h2')?.textContent).toBe('Delete all data?');
    expect(dialog.querySelector('#confirm-delete-what')?.textContent).toBe(
      'This deletes 1 aim and 4 outcomes from this browser, and every setting: the sites you added (and the access you gave ' +
        'Running For to them), each site’s mode, snoozes, the first day of your week and the weekly reminder. It cannot be undone.',
    );
    const backupFirst = button('Export a backup first', dialog);
    expect(backupFirst.parentElement?.textContent).toBe('Might you want it back? Export a backup first.');
    const word = byLabel<HTMLInputElement>('To confirm, type delete', dialog);
    expect(dialog.querySelector('label strong')?.textContent).toBe('delete');
    const confirm = button('Delete everything', dialog);
    await type(word, 'delet');
    expect(confirm.disabled).toBe(true);
    await type(word, ' DELETE ');
    expect(confirm.disabled).toBe(false);
    button('Cancel', dialog).click();
    await waitFor(() => !root.querySelector('dialog.confirm'), 'the dialog to close');
    expect(await journal.counts()).toMatchObject({ aims: 1, outcomes: 4 });
  });
});

describe('weeks', () => {
  it('start at local midnight on the chosen weekday', () => {
    const thursday = new Date(2026, 10, 26, 10);
    expect(startOfWeek(thursday, 1)).toEqual(new Date(2026, 10, 23));
    expect(startOfWeek(thursday, 0)).toEqual(new Date(2026, 10, 22));
    expect(startOfWeek(thursday, 4)).toEqual(new Date(2026, 10, 26));
    expect(startOfWeek(thursday, 5)).toEqual(new Date(2026, 10, 20));
    expect(addWeeks(new Date(2026, 10, 23), -1)).toEqual(new Date(2026, 10, 16));
    expect(weekRange(new Date(2026, 10, 23))).toEqual({
      from: new Date(2026, 10, 23).toISOString(),
      to: new Date(2026, 10, 30).toISOString(),
    });
  });

  it('stay midnight to midnight across a daylight-saving change, and an edited date keeps its time of day', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      // Summer time ends on Sunday 25 October 2026: that week is 7 days and 1 hour long.
      const start = startOfWeek(new Date(2026, 9, 22, 12), 1);
      expect(start).toEqual(new Date(2026, 9, 19));
      expect(start.getTimezoneOffset()).toBe(-120);
      const next = addWeeks(start, 1);
      expect(next.getHours()).toBe(0);
      expect(next.getTime() - start.getTime()).toBe((7 * 24 + 1) * 3600 * 1000);
      expect(moveToDay('2026-10-20T16:30:00.000Z', '2026-10-27')).toBe('2026-10-27T17:30:00.000Z');
      expect(moveToDay('2026-10-20T16:30:00.000Z', '2026-02-30')).toBeUndefined();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('"Delete all data" says what went', () => {
  it('names the added sites whose access was given back', () => {
    expect(deletedMessage([])).toBe('All data deleted. Your journal is empty and your settings are back to a fresh install’s.');
    expect(deletedMessage(['https://mastodon.social', 'https://blog.example:8443'])).toBe(
      'All data deleted. Your journal is empty and your settings are back to a fresh install’s; ' +
        'mastodon.social and blog.example:8443 are no longer added, and Running For has no access ' +
        'to them.',
    );
    expect(deletedMessage(['https://mastodon.social'])).toBe(
      'All data deleted. Your journal is empty and your settings are back to a fresh install’s; ' +
        'mastodon.social is no longer added, and Running For has no access to it.',
    );
  });
});
