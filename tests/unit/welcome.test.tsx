/** @vitest-environment happy-dom */
/**
 * The first-run page (components/welcome/, entrypoints/welcome/): the founding question and the five
 * questions, whose answers land in the journal as the purpose and the aim (the records the popup writes);
 * the if-then plan kept with the aim; the sites' modes and the weekly reminder in the settings the
 * dashboard writes. Every step skips; each step's heading takes the focus; Enter in a field (the form's
 * submission) continues. Real Chromium runs it with the keyboard in tests/e2e/welcome.spec.ts.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcomePage, WELCOME_OPENED_KEY, WELCOME_PATH, welcomeOnInstall } from '../../components/welcome/open';
import { pageSource, withMode, type WelcomeSource } from '../../components/welcome/source';
import { prepareDocument, Welcome } from '../../components/welcome/Welcome';
import { Journal } from '../../utils/journal/journal';
import { DEFAULT_REMINDER, reminderItem, siteModesItem } from '../../utils/settings/items';
import { SITE_LIST } from '../../utils/sites/names';
import { useLocale } from './i18n-fake';

// Thursday 26 November 2026, 10:00 local time.
const NOW = new Date(2026, 10, 26, 10, 0);
const now = () => NOW;

let container: HTMLElement;
let closed: number;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  closed = 0;
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

/** The page's source over fake-indexeddb and the fake browser's storage (the real settings items). */
function testSource(changes: Partial<WelcomeSource> = {}): WelcomeSource {
  return {
    ...pageSource,
    openJournal: () => Journal.open({ now }),
    closePage: async () => {
      closed += 1;
    },
    now,
    ...changes,
  };
}

async function mount(source: WelcomeSource = testSource()): Promise<void> {
  await act(() => {
    render(<Welcome source={source} />, container);
  });
  await settle();
}

/** Let IndexedDB, storage and Preact answer. */
async function settle(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
}

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

const heading = () => container.querySelector('h1')?.textContent ?? '';
const progress = () => container.querySelector('.progress')?.textContent ?? '';
const status = () => container.querySelector('[role="status"]')?.textContent ?? '';
const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent);

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}
const hasButton = (name: string) => [...container.querySelectorAll('button')].some((candidate) => candidate.textContent?.trim() === name);

/** The form control whose <label> reads `name`, found through the label's `for` (so the two are tied). */
function field<T extends HTMLElement = HTMLInputElement>(name: string): T {
  const label = [...container.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === name);
  if (!label) throw new Error(`no field labelled ${name}`);
  const control = label.htmlFor ? container.querySelector<T>(`#${CSS.escape(label.htmlFor)}`) : label.querySelector<T>('input');
  if (!control) throw new Error(`label ${name} points at nothing`);
  return control;
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
  await settle();
}

async function click(target: HTMLElement): Promise<void> {
  await act(() => target.click());
  await settle();
}

/** Enter in a field: the browser submits the step's form (implicit submission), which is Continue. */
async function enterIn(control: HTMLElement): Promise<void> {
  control.focus();
  await act(() => control.closest('form')!.requestSubmit());
  await settle();
}

function storedJournal(): Promise<Journal> {
  return Journal.open({ now });
}

describe('the first-run page', () => {
  it('takes its language, direction and title from the messages the browser picked', () => {
    prepareDocument(document);
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.title).toBe('Welcome to Running For');
    useLocale('ar');
    prepareDocument(document);
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('begins with the founding question and three of the five questions, its heading focused, with Skip', async () => {
    await mount();
    expect(heading()).toBe('What are you running for?');
    expect(progress()).toBe('Step 1 of 5');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    expect([...container.querySelectorAll('.reflect li')].map((item) => item.textContent)).toEqual([
      'Do big conversational threads produce something?',
      'Does having lots of connections produce anything?',
      'Does having lots of readers produce something?',
    ]);
    expect(hasButton('Skip')).toBe(true);
    expect(hasButton('Back')).toBe(false);
  });

  it('answers land as the purpose, the aim and the plan; the sites and the reminder in the settings', async () => {
    await mount();
    await click(button('Continue'));
    expect(heading()).toBe('Your purpose and your aim');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    await type(field('What does big mean to you?'), '  An independent design studio  ');
    await type(field('When you get big, what will you accomplish?'), 'Three new clients by March');
    await click(button('Continue'));
    expect(status()).toBe('Saved as your purpose and aim.');

    expect(heading()).toBe('A plan for when you see the number');
    expect(progress()).toBe('Step 3 of 5');
    await type(field('When I see my follower count, I will …'), 'write to one person who could become a client');
    await click(button('Continue'));
    expect(status()).toBe('Your plan is saved.');

    const journal = await storedJournal();
    const aims = await journal.aims();
    expect(aims).toHaveLength(1);
    expect(aims[0]).toMatchObject({
      purpose: 'An independent design studio',
      aim: 'Three new clients by March',
      plan: 'write to one person who could become a client',
      archivedAt: null,
    });

    expect(heading()).toBe('Where should Running For ask?');
    // Every supported site, each select labelled by the site's name, at the saved mode (reframe by default).
    expect(SITE_LIST.map((site) => field<HTMLSelectElement>(site.name).value)).toEqual(SITE_LIST.map(() => 'reframe'));
    await choose(field<HTMLSelectElement>('LinkedIn'), 'hide');
    await choose(field<HTMLSelectElement>('X'), 'off');
    expect(await siteModesItem.getValue()).toEqual({ linkedin: 'hide', x: 'off' });
    expect(status()).toBe('X: saved.');
    await choose(field<HTMLSelectElement>('X'), 'reframe');
    expect(await siteModesItem.getValue()).toEqual({ linkedin: 'hide' });
    await click(button('Continue'));

    expect(heading()).toBe('A weekly look back');
    expect(field('Remind me every week').checked).toBe(true);
    await choose(field<HTMLSelectElement>('Day'), '5');
    expect(await reminderItem.getValue()).toEqual({ ...DEFAULT_REMINDER, day: 5 });
    const friday = new Intl.DateTimeFormat(fakeBrowser.i18n.getUILanguage(), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(2026, 10, 27, 18, 0));
    // Friday 27 November, 18:00: the next Friday at the default time, in the browser's language.
    expect(status()).toBe(`Saved. Next reminder: ${friday}.`);
    expect(friday).toMatch(/Friday/);
    await act(() => {
      const box = field('Remind me every week');
      box.checked = false;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect((await reminderItem.getValue()).enabled).toBe(false);
    expect(status()).toBe('Saved. No weekly reminder will be shown.');
    await click(button('Continue'));

    expect(heading()).toBe('You are set');
    expect(container.querySelector('.summary')?.textContent).toContain('Three new clients by March');
    expect(container.querySelector('.summary-plan')?.textContent).toBe('Your plan: write to one person who could become a client');
    await click(button('Close this page'));
    expect(closed).toBe(1);
  });

  it('every step can be skipped, and skipping writes nothing', async () => {
    await mount();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      seen.push(heading());
      expect(document.activeElement).toBe(container.querySelector('h1'));
      if (i === 1) await type(field('When you get big, what will you accomplish?'), 'Typed, then skipped');
      await click(button('Skip'));
    }
    expect(seen).toEqual([
      'What are you running for?',
      'Your purpose and your aim',
      'A plan for when you see the number',
      'Where should Running For ask?',
      'A weekly look back',
    ]);
    expect(heading()).toBe('You are set');
    expect(container.textContent).toContain('No aim yet.');
    expect(await (await storedJournal()).aims()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // What was typed is still there when the user goes back.
    await click(button('Back'));
    await click(button('Back'));
    await click(button('Back'));
    await click(button('Back'));
    expect(field('When you get big, what will you accomplish?').value).toBe('Typed, then skipped');
  });

  it('keyboard: Enter in a field continues, each step focuses its heading, every control is labelled and native', async () => {
    await mount();
    await enterIn(button('Continue'));
    await type(field('What does big mean to you?'), 'A studio');
    await type(field('When you get big, what will you accomplish?'), 'Three clients');
    await enterIn(field('When you get big, what will you accomplish?'));
    expect(heading()).toBe('A plan for when you see the number');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    await type(field('When I see my follower count, I will …'), 'call one of them');
    await enterIn(field('When I see my follower count, I will …'));
    expect((await (await storedJournal()).currentAim())?.plan).toBe('call one of them');
    for (const step of ['Where should Running For ask?', 'A weekly look back']) {
      expect(heading()).toBe(step);
      for (const control of container.querySelectorAll('input, select')) {
        // Tied to a label: by `for`, or by wrapping.
        const labelled = (control.id && container.querySelector(`label[for="${CSS.escape(control.id)}"]`)) || control.closest('label');
        expect(labelled, `${control.tagName} ${control.getAttribute('type') ?? ''}`).toBeTruthy();
      }
      await enterIn(container.querySelector('select')!);
    }
    expect(heading()).toBe('You are set');
    expect(document.activeElement).toBe(container.querySelector('h1'));
    for (const control of container.querySelectorAll('button')) expect(control.getAttribute('type')).toMatch(/^(button|submit)$/);
  });

  it('asks for the aim before saving, and says so on the field', async () => {
    await mount();
    await click(button('Continue'));
    await type(field('What does big mean to you?'), 'A studio');
    await click(button('Continue'));
    expect(heading()).toBe('Your purpose and your aim');
    expect(alerts()).toEqual(['Write what you will accomplish, or skip this step.']);
    const aim = field('When you get big, what will you accomplish?');
    expect(aim.getAttribute('aria-invalid')).toBe('true');
    expect(aim.getAttribute('aria-describedby')).toContain(container.querySelector('[role="alert"]')!.id);
    expect(document.activeElement).toBe(aim);
    await type(aim, 'Three clients');
    expect(alerts()).toEqual([]);
  });

  it('without an aim the plan step says why there is no plan, and offers Back and Skip', async () => {
    await mount();
    await click(button('Continue'));
    await click(button('Skip'));
    expect(heading()).toBe('A plan for when you see the number');
    expect(container.textContent).toContain('A plan is kept with your aim, and you have not set one.');
    expect(container.querySelector('input')).toBeNull();
    expect([hasButton('Continue'), hasButton('Back'), hasButton('Skip')]).toEqual([false, true, true]);
  });

  it('starts from what is saved: an unchanged aim writes nothing; a changed one is a new aim that keeps the plan', async () => {
    const journal = await storedJournal();
    await journal.setAim({ purpose: 'A studio', aim: 'Three clients', plan: 'call one of them' });
    await mount();
    await click(button('Continue'));
    expect(field('When you get big, what will you accomplish?').value).toBe('Three clients');
    await click(button('Continue'));
    expect(field('When I see my follower count, I will …').value).toBe('call one of them');
    await click(button('Continue'));
    expect(await journal.aims()).toHaveLength(1);

    await click(button('Back'));
    await click(button('Back'));
    await type(field('When you get big, what will you accomplish?'), 'Five clients');
    await click(button('Continue'));
    const aims = await journal.aims();
    // One clock for both: by which is current, not by time.
    const current = (aim: { archivedAt: string | null }) => (aim.archivedAt === null ? 1 : 0);
    aims.sort((a, b) => current(a) - current(b));
    expect(aims.map((aim) => [aim.aim, aim.plan, aim.archivedAt === null])).toEqual([
      ['Three clients', 'call one of them', false],
      ['Five clients', 'call one of them', true],
    ]);
    // Emptied, the plan goes.
    await type(field('When I see my follower count, I will …'), '');
    await click(button('Continue'));
    expect(status()).toBe('Your plan is removed.');
    expect('plan' in (await journal.currentAim())!).toBe(false);
  });

  it('a failed save keeps the step and what was typed, and says so', async () => {
    await mount(
      testSource({
        openJournal: async () => {
          const journal = await Journal.open({ now });
          vi.spyOn(journal, 'setAim').mockRejectedValue(new Error('disk full'));
          return journal;
        },
      }),
    );
    await click(button('Continue'));
    await type(field('When you get big, what will you accomplish?'), 'Three clients');
    await click(button('Continue'));
    expect(heading()).toBe('Your purpose and your aim');
    expect(alerts()).toEqual(['This was not saved. What you wrote is still here; try again.']);
    expect(field('When you get big, what will you accomplish?').value).toBe('Three clients');
    expect(button('Continue').disabled).toBe(false);
  });

  it('a setting that could not be written says so', async () => {
    await mount(testSource({ writeModes: () => Promise.reject(new Error('quota')) }));
    for (let i = 0; i < 3; i++) await click(button('Skip'));
    await choose(field<HTMLSelectElement>('Reddit'), 'off');
    await waitFor(() => expect(alerts()).toEqual(['This setting was not saved. Try again.']));
  });
});

describe('opening it', () => {
  it('on the first install only, in a new active tab; not on an update, nor on an install reported again', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update'])
      expect(await welcomeOnInstall({ reason })).toBe(false);
    expect(created).not.toHaveBeenCalled();
    expect(await welcomeOnInstall({ reason: 'install' })).toBe(true);
    expect(created).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL(WELCOME_PATH), active: true });
    expect(typeof (await fakeBrowser.storage.local.get(WELCOME_OPENED_KEY))[WELCOME_OPENED_KEY]).toBe('string');
    // Chromium reports an extension loaded from the command line as installed at every start, its storage kept.
    expect(await welcomeOnInstall({ reason: 'install' })).toBe(false);
    expect(created).toHaveBeenCalledTimes(1);
    // The prompt's "Set your aim" opens it whenever asked.
    await openWelcomePage();
    expect(created).toHaveBeenCalledTimes(2);
  });

  it('a refused tab is not remembered as opened', async () => {
    vi.spyOn(fakeBrowser.tabs, 'create').mockRejectedValue(new Error('No window'));
    await expect(welcomeOnInstall({ reason: 'install' })).rejects.toThrow('No window');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('withMode keeps reframe, the default, as no entry', () => {
    expect(withMode({ x: 'off' }, 'x', 'reframe')).toEqual({});
    expect(withMode({}, 'linkedin', 'hide')).toEqual({ linkedin: 'hide' });
  });
});
