/** @vitest-environment happy-dom */
/**
 * The prompt's dialog (components/prompt/dialog.ts) in a document of its own, as it runs in the
 * extension's prompt page (entrypoints/prompt/): what it asks, what each answer stores, keyboard
 * behaviour, the own-profile card, hide mode, update and destroy. The environment is a fake of what the
 * page gives it (the background's answers, the settings, the chip's frame).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDialog, SNOOZES, type DialogEnvironment, type DialogView, type LoadedAim } from '../../components/prompt/dialog';
import { countOf, type PromptCount } from '../../components/prompt/protocol';
import { chooseQuestion } from '../../components/prompt/questions';
import { OUTCOME_KINDS, type OutcomeKind } from '../../utils/journal/records';
import type { Detection } from '../../utils/sites/types';
import { detectionOf } from './prompt-detection';

// Thursday 26 November 2026, 15:00 local time.
const NOW = new Date(2026, 10, 26, 15, 0, 0);

const countOfFields = (fields: Partial<Detection> = {}): PromptCount => countOf(detectionOf(fields));

type Answer = [PromptCount, 'outcome' | 'nothing-yet' | 'dismissed', { title: string; kind: OutcomeKind } | undefined];

interface Fake {
  env: DialogEnvironment;
  answers: Answer[];
  snoozes: [string, Date][];
  closes: boolean[];
  heights: number[];
  aimLoads: number;
  /** Times "Set your aim" asked for the first-run page. */
  aimPages: number;
  /** The next aim answer: the words, or a sentence to fail with. */
  aim: LoadedAim | { error: string };
  /** Opening the first-run page fails. */
  aimPageFails?: boolean;
  /** A sentence the next answers fail with, or nothing. */
  answerError?: string;
}

function fakeEnv(): Fake {
  const fake: Fake = {
    answers: [],
    snoozes: [],
    closes: [],
    heights: [],
    aimLoads: 0,
    aimPages: 0,
    aim: { aim: 'Three new clients by March', weekOutcomes: 2 },
    env: undefined as unknown as DialogEnvironment,
  };
  fake.env = {
    loadAim: async () => {
      fake.aimLoads += 1;
      if ('error' in fake.aim) throw new Error(fake.aim.error);
      return fake.aim;
    },
    answer: async (count, answer, outcome) => {
      if (fake.answerError) throw new Error(fake.answerError);
      fake.answers.push([count, answer, outcome]);
    },
    snooze: vi.fn(async (siteId: string, until: Date) => {
      fake.snoozes.push([siteId, until]);
    }),
    openAimPage: async () => {
      if (fake.aimPageFails) throw new Error('No tabs here');
      fake.aimPages += 1;
    },
    close: (returnFocus) => fake.closes.push(returnFocus),
    resized: (height) => fake.heights.push(height),
    now: () => NOW,
  };
  return fake;
}

interface Harness {
  view: DialogView;
  dialog: HTMLElement;
  isOpen(): boolean;
  settled(): Promise<void>;
}

const q = <T extends Element = HTMLElement>(_parts: Harness, selector: string) => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the dialog`);
  return found;
};
const buttonNamed = (_parts: Harness, name: string) => {
  const found = Array.from(document.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const active = (_parts: Harness) => document.activeElement;
const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
const visible = (node: Element) => !node.closest('[hidden]');
const alertText = (parts: Harness) => q(parts, '[role="alert"]').textContent;
const doneText = (parts: Harness) => q(parts, '[role="status"]').textContent;

let parts: Harness;
let fake: Fake;

function makeDialog(fields: Partial<Detection> = {}, mode: 'reframe' | 'hide' = 'reframe', configure?: (fake: Fake) => void): Harness {
  fake = fakeEnv();
  configure?.(fake);
  const mount = document.body.appendChild(document.createElement('div'));
  const lang = document.documentElement.getAttribute('lang') ?? undefined;
  const view = createDialog(document, mount, fake.env, { count: countOfFields(fields), mode, lang, theme: 'light', siteName: 'X' });
  return { view, dialog: view.element, isOpen: () => view.isOpen(), settled: () => view.settled() };
}

async function openPrompt(
  fields: Partial<Detection> = {},
  mode: 'reframe' | 'hide' = 'reframe',
  configure?: (fake: Fake) => void,
): Promise<Harness> {
  parts = makeDialog(fields, mode, configure);
  parts.view.open();
  await parts.settled();
  return parts;
}

beforeEach(() => {
  document.documentElement.setAttribute('lang', 'en');
  document.body.replaceChildren();
});

afterEach(() => {
  parts?.view.destroy();
  vi.restoreAllMocks();
});

describe('the dialog', () => {
  it('opens as a labelled dialog, moves focus in, shows the question and the aim, and says how tall it is', async () => {
    await openPrompt();
    expect(parts.isOpen()).toBe(true);
    expect(parts.dialog.hidden).toBe(false);
    expect(parts.dialog.getAttribute('role')).toBe('dialog');
    const heading = document.getElementById(parts.dialog.getAttribute('aria-labelledby')!);
    expect(heading?.textContent).toBe(chooseQuestion(detectionOf(), NOW, 'en'));
    expect(active(parts)).toBe(buttonNamed(parts, 'Log an outcome'));
    expect(q(parts, '.aim-text').textContent).toBe('Three new clients by March');
    expect(fake.aimLoads).toBe(1);
    expect(['Log an outcome', 'Nothing yet', 'Not now'].map((name) => visible(buttonNamed(parts, name)))).toEqual([true, true, true]);
    expect(fake.heights.length).toBeGreaterThan(0);
  });

  it('with no aim, says so and offers "Set your aim", which opens the first-run page; the dialog stays', async () => {
    await openPrompt({}, 'reframe', (f) => (f.aim = { aim: null, weekOutcomes: 0 }));
    expect(q(parts, '.aim-text').textContent).toBe('No aim yet.');
    expect(visible(q(parts, '.plan'))).toBe(false);
    const setAim = buttonNamed(parts, 'Set your aim');
    expect(visible(setAim)).toBe(true);
    setAim.click();
    await parts.settled();
    expect(fake.aimPages).toBe(1);
    expect(parts.isOpen()).toBe(true);
    expect(visible(q(parts, '.alert'))).toBe(false);
  });

  it('"Set your aim" is a native button in the dialog\'s Tab round (Enter and Space press it)', async () => {
    await openPrompt({}, 'reframe', (f) => (f.aim = { aim: null, weekOutcomes: 0 }));
    const setAim = buttonNamed(parts, 'Set your aim');
    expect(setAim.getAttribute('type')).toBe('button');
    expect(setAim.tabIndex).toBe(0);
    expect(setAim.disabled).toBe(false);
    // Under the words it is about, right before the answers in the Tab order.
    const order = Array.from(parts.dialog.querySelectorAll('button')).filter(visible);
    expect(order.indexOf(setAim)).toBe(order.indexOf(buttonNamed(parts, 'Log an outcome')) - 1);
  });

  it('says so when the first-run page cannot be opened', async () => {
    await openPrompt({}, 'reframe', (f) => {
      f.aim = { aim: null, weekOutcomes: 0 };
      f.aimPageFails = true;
    });
    buttonNamed(parts, 'Set your aim').click();
    await parts.settled();
    expect(alertText(parts)).toBe("The page could not be opened. Open Running For from the browser's toolbar to set your aim.");
  });

  it('back from the tab where the aim was set, reads the aim again and shows it with its plan', async () => {
    await openPrompt({}, 'reframe', (f) => (f.aim = { aim: null, weekOutcomes: 0 }));
    buttonNamed(parts, 'Set your aim').click();
    await parts.settled();
    fake.aim = { aim: 'Three new clients by March', plan: 'write to one person who could become a client', weekOutcomes: 0 };
    document.dispatchEvent(new Event('visibilitychange'));
    await parts.settled();
    expect(fake.aimLoads).toBe(2);
    expect(q(parts, '.aim-text').textContent).toBe('Three new clients by March');
    expect(q(parts, '.plan').textContent).toBe('Your plan: write to one person who could become a client');
    expect(visible(q(parts, '.plan'))).toBe(true);
    expect(visible(buttonNamed(parts, 'Set your aim'))).toBe(false);
    // With an aim shown, coming back reads nothing again.
    document.dispatchEvent(new Event('visibilitychange'));
    await parts.settled();
    expect(fake.aimLoads).toBe(2);
  });

  it('shows the plan under the aim, and no "Set your aim"', async () => {
    await openPrompt(
      {},
      'reframe',
      (f) => (f.aim = { aim: 'Three new clients by March', plan: 'close the tab and call Ana', weekOutcomes: 0 }),
    );
    expect(q(parts, '.plan').textContent).toBe('Your plan: close the tab and call Ana');
    expect(visible(q(parts, '.plan'))).toBe(true);
    expect(visible(buttonNamed(parts, 'Set your aim'))).toBe(false);
  });

  it('shows a refused aim request in the alert', async () => {
    await openPrompt({}, 'reframe', (f) => (f.aim = { error: 'Running For was updated. Reload the page.' }));
    expect(alertText(parts)).toBe('Running For was updated. Reload the page.');
    expect(q(parts, '.aim-text').textContent).toBe('Your aim could not be loaded.');
  });

  it('Escape closes and asks for the focus back on the chip; the close button and Done close too', async () => {
    await openPrompt();
    press(active(parts)!, 'Escape');
    expect(parts.isOpen()).toBe(false);
    expect(parts.dialog.hidden).toBe(true);
    expect(fake.closes).toEqual([true]);
    parts.view.open();
    buttonNamed(parts, 'Close').click();
    expect(fake.closes).toEqual([true, true]);
    // Closed, a key does nothing.
    press(document.body, 'Escape');
    expect(fake.closes).toEqual([true, true]);
  });

  it('keeps Tab inside the dialog', async () => {
    await openPrompt();
    const close = buttonNamed(parts, 'Close');
    const notNow = buttonNamed(parts, 'Not now');
    // Visible controls in order: Close (×), Log an outcome, Nothing yet, Not now.
    notNow.focus();
    press(notNow, 'Tab');
    expect(active(parts)).toBe(close);
    press(close, 'Tab', { shiftKey: true });
    expect(active(parts)).toBe(notNow);
  });

  it('focus() gives the focus to the first answer when nothing in the dialog has it, and leaves it where it is otherwise', async () => {
    await openPrompt();
    (document.activeElement as HTMLElement).blur();
    parts.view.focus();
    expect(active(parts)).toBe(buttonNamed(parts, 'Log an outcome'));
    const notNow = buttonNamed(parts, 'Not now');
    notNow.focus();
    parts.view.focus();
    expect(active(parts)).toBe(notNow);
    // After an answer, the first control left (Close, then Done).
    buttonNamed(parts, 'Nothing yet').click();
    await parts.settled();
    (document.activeElement as HTMLElement).blur();
    parts.view.focus();
    expect(active(parts)).toBe(buttonNamed(parts, 'Close'));
    // Closed, it takes nothing.
    parts.view.close();
    (document.activeElement as HTMLElement).blur();
    parts.view.focus();
    expect(active(parts)).toBe(document.body);
  });

  it('a new opening is a new question: the answers come back and the aim is read again', async () => {
    await openPrompt();
    buttonNamed(parts, 'Nothing yet').click();
    await parts.settled();
    expect(visible(buttonNamed(parts, 'Nothing yet'))).toBe(false);
    parts.view.close();
    parts.view.open(countOfFields({ value: 500, text: '500 Followers', approximate: false }), 'dark');
    await parts.settled();
    expect(visible(buttonNamed(parts, 'Nothing yet'))).toBe(true);
    expect(fake.aimLoads).toBe(2);
    expect(parts.dialog.parentElement?.className).toBe('rf dark');
    expect(q(parts, '#rf-heading').textContent).toContain('500');
  });
});

describe('the three answers', () => {
  it('Log an outcome: a titled form over every kind; Save stores the reflection with its outcome', async () => {
    await openPrompt();
    const log = buttonNamed(parts, 'Log an outcome');
    log.click();
    expect(log.getAttribute('aria-expanded')).toBe('true');
    const title = q<HTMLInputElement>(parts, 'input');
    expect(active(parts)).toBe(title);
    expect(document.querySelector(`label[for="${title.id}"]`)?.textContent).toBe('What did it produce?');
    const kind = q<HTMLSelectElement>(parts, 'select');
    expect(document.querySelector(`label[for="${kind.id}"]`)?.textContent).toBe('Kind');
    expect(Array.from(kind.options, (option) => option.value)).toEqual([...OUTCOME_KINDS]);

    title.value = '  A client came through a reply  ';
    kind.value = 'client';
    buttonNamed(parts, 'Save').click();
    await parts.settled();
    expect(fake.answers).toEqual([[countOfFields(), 'outcome', { title: 'A client came through a reply', kind: 'client' }]]);
    expect(doneText(parts)).toBe('Saved: “A client came through a reply”. That is what the number is for.');
    expect(visible(buttonNamed(parts, 'Nothing yet'))).toBe(false);
    expect(active(parts)).toBe(buttonNamed(parts, 'Done'));
    expect(title.value).toBe('');
  });

  it('Enter in the title saves; an empty title is not sent', async () => {
    await openPrompt();
    buttonNamed(parts, 'Log an outcome').click();
    const title = q<HTMLInputElement>(parts, 'input');
    title.value = '   ';
    press(title, 'Enter');
    await parts.settled();
    expect(alertText(parts)).toBe('Write what it produced, in a few words.');
    expect(fake.answers).toEqual([]);
    title.value = 'Learned to price a retainer';
    q<HTMLSelectElement>(parts, 'select').value = 'learning';
    press(title, 'Enter');
    await parts.settled();
    expect(fake.answers.at(-1)?.slice(1)).toEqual(['outcome', { title: 'Learned to price a retainer', kind: 'learning' }]);
    expect(alertText(parts)).toBe('');
  });

  it('an input method composing a word owns Enter and Escape: nothing is saved or closed until it commits', async () => {
    await openPrompt();
    buttonNamed(parts, 'Log an outcome').click();
    const title = q<HTMLInputElement>(parts, 'input');
    title.value = 'クライアント';
    // Enter commits the candidate; Escape cancels it (Chromium sends both with isComposing, key code 229).
    press(title, 'Enter', { isComposing: true, keyCode: 229 });
    press(title, 'Escape', { isComposing: true, keyCode: 229 });
    await parts.settled();
    expect(fake.answers).toEqual([]);
    expect(parts.isOpen()).toBe(true);
    expect(visible(title)).toBe(true);
    // Committed: the next Enter is the user's.
    title.value = 'クライアントの紹介';
    press(title, 'Enter');
    await parts.settled();
    expect(fake.answers.at(-1)?.slice(1)).toEqual(['outcome', { title: 'クライアントの紹介', kind: expect.any(String) }]);
  });

  it('a refused save shows the sentence in the alert and keeps what was typed', async () => {
    await openPrompt();
    fake.answerError = 'Nothing was saved: the journal is busy. Try again.';
    buttonNamed(parts, 'Log an outcome').click();
    const title = q<HTMLInputElement>(parts, 'input');
    title.value = 'Intro to a studio';
    buttonNamed(parts, 'Save').click();
    await parts.settled();
    expect(alertText(parts)).toBe('Nothing was saved: the journal is busy. Try again.');
    expect(visible(q(parts, '[role="alert"]'))).toBe(true);
    expect(title.value).toBe('Intro to a studio');
    expect(visible(title)).toBe(true);
    expect(buttonNamed(parts, 'Save').disabled).toBe(false);
    expect(doneText(parts)).toBe('');
    // A second try that works clears the alert.
    fake.answerError = undefined;
    buttonNamed(parts, 'Save').click();
    await parts.settled();
    expect(alertText(parts)).toBe('');
    expect(doneText(parts)).toContain('Intro to a studio');
  });

  it('Nothing yet stores a "nothing-yet" reflection', async () => {
    await openPrompt({ site: 'linkedin', metric: 'connections', value: 500, approximate: true, text: '500+ connections' });
    buttonNamed(parts, 'Nothing yet').click();
    await parts.settled();
    expect(fake.answers).toEqual([
      [countOfFields({ site: 'linkedin', metric: 'connections', value: 500, text: '500+ connections' }), 'nothing-yet', undefined],
    ]);
    expect(doneText(parts)).toMatch(/^Noted: nothing yet\./);
  });

  it.each([
    ['An hour', new Date(2026, 10, 26, 16, 0, 0)],
    ['A day', new Date(2026, 10, 27, 15, 0, 0)],
    ['A week', new Date(2026, 11, 3, 15, 0, 0)],
  ])('Not now, %s: snoozes the site until then and stores a "dismissed" reflection', async (choice, until) => {
    await openPrompt();
    const notNow = buttonNamed(parts, 'Not now');
    notNow.click();
    expect(notNow.getAttribute('aria-expanded')).toBe('true');
    expect(active(parts)).toBe(buttonNamed(parts, 'An hour'));
    expect(q(parts, '#rf-snooze').getAttribute('aria-labelledby')).toBe('rf-snooze-legend');
    expect(q(parts, '#rf-snooze-legend').textContent).toBe('Quiet on X for');
    buttonNamed(parts, choice).click();
    await parts.settled();
    expect(fake.answers).toEqual([[countOfFields(), 'dismissed', undefined]]);
    expect(fake.snoozes).toEqual([['x', until]]);
    expect(doneText(parts)).toMatch(/^Quiet on X until /);
  });

  it('snooze lengths are calendar-based for days and weeks', () => {
    const base = new Date(2026, 2, 28, 12);
    expect(SNOOZES.map((choice) => choice.until(base))).toEqual([
      new Date(2026, 2, 28, 13),
      new Date(2026, 2, 29, 12),
      new Date(2026, 3, 4, 12),
    ]);
  });

  it('a refused "dismissed" reflection does not snooze; a failed snooze says so', async () => {
    await openPrompt();
    fake.answerError = 'Running For did not answer. Reload the page and try again.';
    buttonNamed(parts, 'Not now').click();
    buttonNamed(parts, 'A day').click();
    await parts.settled();
    expect(alertText(parts)).toBe('Running For did not answer. Reload the page and try again.');
    expect(fake.snoozes).toEqual([]);

    fake.answerError = undefined;
    vi.mocked(fake.env.snooze).mockRejectedValueOnce(new Error('storage quota'));
    buttonNamed(parts, 'A day').click();
    await parts.settled();
    expect(alertText(parts)).toBe('The snooze was not saved. Reload the page and try again.');
  });
});

describe('the own profile', () => {
  it("is a stronger card: the exact count in the page language, this week's outcomes, the same answers", async () => {
    document.documentElement.setAttribute('lang', 'en-US');
    await openPrompt({ value: 12345, approximate: false, own: true, text: '12,345 Followers' });
    expect(parts.dialog.classList.contains('own')).toBe(true);
    expect(q(parts, '#rf-heading').textContent).toBe('12,345 followers — what will you do with them?');
    expect(q(parts, '.sub').textContent).toBe(chooseQuestion(detectionOf({ value: 12345, approximate: false, own: true }), NOW, 'en-US'));
    expect(q(parts, '.week').textContent).toBe('This week: 2 outcomes logged.');
    expect(['Log an outcome', 'Nothing yet', 'Not now'].every((name) => visible(buttonNamed(parts, name)))).toBe(true);

    buttonNamed(parts, 'Log an outcome').click();
    q<HTMLInputElement>(parts, 'input').value = 'Shipped the portfolio';
    buttonNamed(parts, 'Save').click();
    await parts.settled();
    expect(fake.answers.at(-1)?.[0]).toMatchObject({ own: true, value: 12345 });
    expect(q(parts, '.week').textContent).toBe('This week: 3 outcomes logged.');
  });

  it('uses the page language for the number', async () => {
    document.documentElement.setAttribute('lang', 'de');
    await openPrompt({ value: 12345, approximate: false, own: true });
    expect(q(parts, '#rf-heading').textContent).toBe('12.345 followers — what will you do with them?');
  });

  it('a week without outcomes says so', async () => {
    await openPrompt({ own: true }, 'reframe', (f) => (f.aim = { aim: null, weekOutcomes: 0 }));
    expect(q(parts, '.week').textContent).toBe('No outcomes logged yet this week.');
  });

  it("others' profiles show no week line", async () => {
    await openPrompt();
    expect(visible(q(parts, '.week'))).toBe(false);
  });
});

describe('hide mode', () => {
  it("shows no number until the user asks, then the count's text inside the dialog", async () => {
    await openPrompt({}, 'hide');
    const visibleText = () =>
      Array.from(parts.dialog.querySelectorAll('*'))
        .filter((node) => visible(node) && node.children.length === 0)
        .map((node) => node.textContent)
        .join(' ');
    expect(visibleText()).not.toMatch(/12[.,]?3/);
    expect(q(parts, '#rf-heading').textContent).toBe('What are these followers for?');
    buttonNamed(parts, 'Show the number').click();
    const shown = q(parts, '.shown');
    expect(visible(shown)).toBe(true);
    expect(shown.textContent).toBe('12.3K Followers');
    expect(active(parts)).toBe(shown);
    expect(visible(buttonNamed(parts, 'Show the number'))).toBe(false);
    // The answers are the same.
    buttonNamed(parts, 'Nothing yet').click();
    await parts.settled();
    expect(fake.answers.at(-1)?.[1]).toBe('nothing-yet');
  });

  it('hides the number again when reopened', async () => {
    await openPrompt({}, 'hide');
    buttonNamed(parts, 'Show the number').click();
    press(active(parts)!, 'Escape');
    parts.view.open();
    expect(visible(q(parts, '.shown'))).toBe(false);
  });
});

describe('update and destroy', () => {
  it('update refreshes the number in place, keeping the dialog open and what was typed', async () => {
    await openPrompt();
    const heading = q(parts, '#rf-heading');
    const before = heading.textContent!;
    buttonNamed(parts, 'Log an outcome').click();
    const title = q<HTMLInputElement>(parts, 'input');
    title.value = 'Half-typed';
    parts.view.update(countOfFields({ value: 12400, text: '12.4K Followers' }));
    expect(parts.isOpen()).toBe(true);
    expect(q(parts, '#rf-heading')).toBe(heading);
    expect(heading.textContent).toBe(before.replace('12.3K', '12.4K'));
    expect(title.value).toBe('Half-typed');
    expect(visible(title)).toBe(true);
    buttonNamed(parts, 'Save').click();
    await parts.settled();
    expect(fake.answers.at(-1)?.[0]).toMatchObject({ value: 12400 });
  });

  it('destroy removes the dialog and its listeners, and ignores a late aim', async () => {
    let answerAim: (aim: { aim: string; weekOutcomes: number }) => void = () => {};
    parts = makeDialog();
    fake.env.loadAim = () => new Promise((resolve) => (answerAim = resolve));
    const removed = vi.spyOn(document, 'removeEventListener');
    parts.view.open();
    parts.view.destroy();
    expect(parts.isOpen()).toBe(false);
    expect(removed).toHaveBeenCalledWith('keydown', expect.any(Function));
    expect(parts.dialog.isConnected).toBe(false);
    answerAim({ aim: 'Late aim', weekOutcomes: 1 });
    await parts.settled();
    expect(document.body.textContent).not.toContain('Late aim');
    parts.view.update(countOfFields({ value: 1 }));
    parts.view.open();
    expect(parts.isOpen()).toBe(false);
  });
});
