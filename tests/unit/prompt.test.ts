/** @vitest-environment happy-dom */
/**
 * The prompt UI in a DOM: what it asks, what each answer sends, keyboard behaviour, privacy of the
 * closed shadow root, hide mode, update and destroy. The closed root is reached through the handle
 * `createPrompt` returns (the module's own reference); `mountPrompt` hands out only the controller.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPrompt } from '../../components/prompt/mount';
import { createPrompt, NO_AIM, SNOOZES, type PromptParts } from '../../components/prompt/prompt';
import {
  chipName,
  chooseQuestion,
  formatCount,
  METRIC_GROUPS,
  ownHeading,
  QUESTIONS,
  safeLocale,
} from '../../components/prompt/questions';
import { DIALOG_CSS } from '../../components/prompt/dialog-styles';
import { CHIP_CSS } from '../../components/prompt/styles';
import { pickTheme, readColor, themeAround, type Theme } from '../../components/prompt/theme';
import type { PromptEnvironment } from '../../components/prompt/types';
import { OUTCOME_KINDS } from '../../utils/journal/records';
import type { Message, Response } from '../../utils/journal/messages';
import { METRICS, type Detection } from '../../utils/sites/types';

// Thursday 26 November 2026, 15:00 local time.
const NOW = new Date(2026, 10, 26, 15, 0, 0);

function countElement(): HTMLElement {
  const link = document.createElement('a');
  link.textContent = '12.3K Followers';
  document.body.append(link);
  return link;
}

function detectionOf(fields: Partial<Detection> = {}): Detection {
  return {
    element: document.body,
    site: 'x',
    metric: 'followers',
    value: 12300,
    approximate: true,
    own: false,
    text: '12.3K Followers',
    via: 'hook',
    ...fields,
  };
}

interface Fake {
  env: PromptEnvironment;
  sent: Message[];
  snoozes: [string, Date][];
  /** What the background answers next, by message type (default: ok). */
  reply: Partial<Record<Message['type'], Response>>;
}

function fakeEnv(mode: PromptEnvironment['mode'] = 'reframe'): Fake {
  const fake: Fake = {
    sent: [],
    snoozes: [],
    reply: {},
    env: undefined as unknown as PromptEnvironment,
  };
  const send = async (message: Message): Promise<Response> => {
    fake.sent.push(message);
    const preset = fake.reply[message.type];
    if (preset) return preset;
    if (message.type === 'aim/current') return { ok: true, aim: { purpose: 'Independent design studio', aim: 'Three new clients by March' }, weekOutcomes: 2 };
    return { ok: true };
  };
  fake.env = {
    mode,
    send: send as PromptEnvironment['send'],
    snooze: vi.fn(async (siteId: string, until: Date) => {
      fake.snoozes.push([siteId, until]);
    }),
    now: () => NOW,
  };
  return fake;
}

/** A host beside a count, as the live layer places it. */
function makeHost(): HTMLElement {
  const count = countElement();
  const host = document.createElement('running-for-prompt');
  host.dataset.site = 'x';
  host.dataset.metric = 'followers';
  host.dataset.value = '12300';
  host.dataset.own = 'false';
  count.after(host);
  return host;
}

const q = <T extends Element = HTMLElement>(parts: PromptParts, selector: string) => {
  const found = parts.root.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the prompt`);
  return found;
};
const buttonNamed = (parts: PromptParts, name: string) => {
  const found = Array.from(parts.root.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const active = (parts: PromptParts) => parts.root.activeElement;
const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
const visible = (node: Element) => !node.closest('[hidden]');
const alertText = (parts: PromptParts) => q(parts, '[role="alert"]').textContent;
const doneText = (parts: PromptParts) => q(parts, '[role="status"]').textContent;

let parts: PromptParts;
let fake: Fake;

async function openPrompt(fields: Partial<Detection> = {}, mode: PromptEnvironment['mode'] = 'reframe'): Promise<PromptParts> {
  fake = fakeEnv(mode);
  parts = createPrompt(makeHost(), detectionOf(fields), fake.env);
  parts.chip.click();
  await parts.settled();
  return parts;
}

beforeEach(() => {
  document.documentElement.setAttribute('lang', 'en');
  document.body.replaceChildren();
});

afterEach(() => {
  parts?.controller.destroy();
  vi.restoreAllMocks();
});

describe('questions', () => {
  it('has at least six for each group of metrics, for others and for the own profile, and every metric has a group', () => {
    for (const metric of METRICS) expect(QUESTIONS[METRIC_GROUPS[metric]], metric).toBeDefined();
    for (const [group, bank] of Object.entries(QUESTIONS)) {
      expect(bank.others.length, `${group} others`).toBeGreaterThanOrEqual(6);
      expect(bank.own.length, `${group} own`).toBeGreaterThanOrEqual(6);
      expect(new Set([...bank.others, ...bank.own]).size).toBe(bank.others.length + bank.own.length);
    }
  });

  it('fills in the count as the page language writes it, and leaves no placeholder behind', () => {
    for (const metric of METRICS) {
      for (const own of [false, true]) {
        for (let day = 1; day <= 28; day += 1) {
          const text = chooseQuestion({ site: 'x', metric, value: 12300, approximate: true, own }, new Date(2026, 1, day), 'en');
          expect(text).not.toMatch(/[{}]/);
        }
      }
    }
    const all = Array.from({ length: 40 }, (_, day) =>
      chooseQuestion({ site: 'x', metric: 'followers', value: 12300, approximate: true, own: false }, new Date(2026, 0, day + 1), 'en'),
    );
    expect(all.filter((text) => text.includes('12.3K followers')).length).toBeGreaterThan(0);
  });

  it('is the same all day for the same count, even when its value changes in place, and rotates across days', () => {
    const count = { site: 'x', metric: 'followers' as const, value: 12300, approximate: true, own: false };
    const morning = chooseQuestion(count, new Date(2026, 10, 26, 8), 'en');
    expect(chooseQuestion(count, new Date(2026, 10, 26, 23, 59), 'en')).toBe(morning);
    expect(chooseQuestion({ ...count, value: 12400 }, new Date(2026, 10, 26, 8), 'en')).toBe(morning.replace('12.3K', '12.4K'));
    const month = new Set(
      Array.from({ length: 30 }, (_, day) => chooseQuestion({ ...count, value: 1 }, new Date(2026, 10, day + 1, 12), 'en')),
    );
    expect(month.size).toBeGreaterThanOrEqual(4);
  });

  it('asks others\' counts about comparison and the own profile about use', () => {
    const others = new Set(QUESTIONS.audience.others);
    const own = new Set(QUESTIONS.audience.own);
    const day = new Date(2026, 10, 26);
    const forOthers = chooseQuestion({ site: 'x', metric: 'followers', value: 5, approximate: false, own: false }, day, 'en');
    const forOwn = chooseQuestion({ site: 'x', metric: 'followers', value: 5, approximate: false, own: true }, day, 'en');
    expect([...others].some((template) => template.replaceAll('{n}', '5').replaceAll('{metric}', 'followers') === forOthers)).toBe(true);
    expect([...own].some((template) => template.replaceAll('{n}', '5').replaceAll('{metric}', 'followers') === forOwn)).toBe(true);
  });

  it('formats counts exactly or abbreviated, in the page language', () => {
    expect(formatCount({ value: 12300, approximate: true }, 'en')).toBe('12.3K');
    expect(formatCount({ value: 12345, approximate: false }, 'en')).toBe('12,345');
    expect(formatCount({ value: 12345, approximate: false }, 'de')).toBe('12.345');
    expect(formatCount({ value: 500, approximate: true, text: '500+ connections' }, 'en')).toBe('500+');
    expect(formatCount({ value: 1_230_000, approximate: true, text: '1,2 Mio. Abonnenten' }, 'de')).toBe('1,2\u00a0Mio.');
    expect(safeLocale('not a tag!')).toBeUndefined();
    expect(safeLocale('pt-br')).toBe('pt-BR');
  });

  it('words the own-profile heading and the chip name', () => {
    expect(ownHeading({ metric: 'followers', value: 12345, approximate: false }, 'en')).toBe('12,345 followers — what will you do with them?');
    expect(ownHeading({ metric: 'connections', value: 1, approximate: false }, 'en')).toBe('1 connection — what will you do with it?');
    expect(ownHeading({ metric: 'following', value: 2181, approximate: false }, 'en')).toBe('You follow 2,181 — what are they for?');
    expect(chipName({ metric: 'followers', value: 12300, approximate: true, own: false }, false, 'en')).toBe(
      'Running For: what have these 12.3K followers produced?',
    );
    expect(chipName({ metric: 'followers', value: 12300, approximate: true, own: false }, true, 'en')).not.toMatch(/\d/);
  });
});

describe('theme', () => {
  it('reads computed colours in the forms browsers give them', () => {
    expect(readColor('rgb(255, 255, 255)')).toEqual({ lightness: 1, alpha: 1 });
    expect(readColor('rgba(0, 0, 0, 0)')).toMatchObject({ alpha: 0 });
    expect(readColor('transparent')).toMatchObject({ alpha: 0 });
    expect(readColor('rgb(21 32 43 / 0.9)')!.lightness).toBeLessThan(0.2);
    expect(readColor('oklch(0.2 0.01 250)')).toEqual({ lightness: 0.2, alpha: 1 });
    expect(readColor('lab(95 0 0 / 50%)')).toEqual({ lightness: 0.95, alpha: 0.5 });
    expect(readColor('color(srgb 0.05 0.05 0.05)')!.lightness).toBeLessThan(0.1);
    expect(readColor('nonsense')).toBeUndefined();
  });

  it('follows the nearest opaque background around the host; a faint tint does not decide', () => {
    const page = document.createElement('div');
    page.style.backgroundColor = 'rgb(21, 32, 43)';
    const tint = document.createElement('div');
    tint.style.backgroundColor = 'rgba(255, 255, 255, 0.1)';
    const host = document.createElement('running-for-prompt');
    tint.append(host);
    page.append(tint);
    document.body.append(page);
    expect(pickTheme(host)).toBe('dark');
    page.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(pickTheme(host)).toBe('light');
  });

  it('falls back to the system preference when nothing paints a background', () => {
    const host = document.createElement('running-for-prompt');
    document.body.append(host);
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: query.includes('dark') }) as MediaQueryList);
    expect(pickTheme(host)).toBe('dark');
  });

  it('the prompt takes the theme of its surroundings (read in a microtask, for every chip of a pass at once)', async () => {
    document.body.style.backgroundColor = 'rgb(15, 15, 15)';
    fake = fakeEnv();
    parts = createPrompt(makeHost(), detectionOf(), fake.env);
    const second = createPrompt(makeHost(), detectionOf(), fake.env);
    await Promise.resolve();
    expect(q(parts, '.rf').className).toBe('rf dark');
    expect(q(second, '.rf').className).toBe('rf dark');
    document.body.style.backgroundColor = '';
  });

  it('takes the theme the live layer read before placing the host, without reading styles again', async () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    fake = fakeEnv();
    const reads = vi.spyOn(window, 'getComputedStyle');
    parts = createPrompt(makeHost(), detectionOf(), fake.env, undefined, { theme: 'dark' });
    expect(q(parts, '.rf').className).toBe('rf dark');
    await Promise.resolve();
    expect(q(parts, '.rf').className).toBe('rf dark');
    expect(reads).not.toHaveBeenCalled();
    document.body.style.backgroundColor = '';
  });

  it('reads each ancestor once for counts placed together (themeAround with a memo)', () => {
    const page = document.createElement('div');
    page.style.backgroundColor = 'rgb(21, 32, 43)';
    const row = document.createElement('div');
    const [a, b] = [document.createElement('span'), document.createElement('span')];
    row.append(a, b);
    page.append(row);
    document.body.append(page);
    const reads = vi.spyOn(window, 'getComputedStyle');
    const memo = new Map<Element, Theme>();
    expect(themeAround(a, window, memo)).toBe('dark');
    expect(themeAround(b, window, memo)).toBe('dark');
    expect(themeAround(row, window, memo)).toBe('dark');
    // a, row, page for the first; b for the second (row was remembered); nothing for the third.
    expect(reads).toHaveBeenCalledTimes(4);
  });
});

describe('the chip', () => {
  it('serves another count when recycled before it was ever opened, and refuses once opened', async () => {
    fake = fakeEnv();
    parts = createPrompt(makeHost(), detectionOf(), fake.env);
    expect(parts.controller.recycle!()).toBe(true);
    parts.controller.update(detectionOf({ value: 2000, approximate: false, text: '2,000 Followers' }));
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: what have these 2,000 followers produced?');
    parts.open();
    await parts.settled();
    expect(parts.controller.recycle!()).toBe(false);
  });

  it('is a labelled button in a closed shadow root, with shared constructed styles and nothing in the light DOM', () => {
    fake = fakeEnv();
    const host = makeHost();
    parts = createPrompt(host, detectionOf(), fake.env);
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes).toHaveLength(0);
    expect(parts.chip.localName).toBe('button');
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: what have these 12.3K followers produced?');
    expect(parts.chip.getAttribute('aria-expanded')).toBe('false');
    expect(parts.root.adoptedStyleSheets).toHaveLength(1);
    expect(parts.root.querySelector('style, link')).toBeNull();
    // The host carries what the live layer put there and nothing more.
    expect(host.getAttributeNames().sort()).toEqual(['data-metric', 'data-own', 'data-site', 'data-value']);
    const second = createPrompt(makeHost(), detectionOf(), fake.env);
    expect(second.root.adoptedStyleSheets[0]).toBe(parts.root.adoptedStyleSheets[0]);
    second.controller.destroy();
    // Nothing is asked of the background until the user opens a prompt.
    expect(fake.sent).toEqual([]);
  });

  it('its styles use px, not page-relative units, and no outside variables', () => {
    // The dialog's sheet is adopted after the chip's and uses the theme colours the chip's defines.
    const PROMPT_CSS = CHIP_CSS + DIALOG_CSS;
    expect(PROMPT_CSS).not.toMatch(/\drem\b/);
    for (const [, size] of PROMPT_CSS.matchAll(/font-size: ([^;]+);/g)) expect(size).toMatch(/^\d+px$/);
    const defined = new Set(Array.from(PROMPT_CSS.matchAll(/(--[a-z-]+):/g), (m) => m[1]));
    for (const [, used] of PROMPT_CSS.matchAll(/var\((--[a-z-]+)\)/g)) expect(defined).toContain(used);
    expect(PROMPT_CSS).toMatch(/:host\s*{\s*all: initial !important;/);
  });

  it('mountPrompt returns only the controller', () => {
    fake = fakeEnv();
    const host = makeHost();
    const controller = mountPrompt(host, detectionOf(), fake.env);
    expect(Object.keys(controller).sort()).toEqual(['destroy', 'recycle', 'restyle', 'update']);
    expect(host.shadowRoot).toBeNull();
    controller.destroy();
  });
});

describe('the dialog', () => {
  it('opens on click as a labelled dialog, moves focus in, and shows the question and the aim', async () => {
    await openPrompt();
    expect(parts.isOpen()).toBe(true);
    expect(parts.dialog.hidden).toBe(false);
    expect(parts.dialog.getAttribute('role')).toBe('dialog');
    const heading = parts.root.getElementById(parts.dialog.getAttribute('aria-labelledby')!);
    expect(heading?.textContent).toBe(chooseQuestion(detectionOf(), NOW, 'en'));
    expect(parts.chip.getAttribute('aria-expanded')).toBe('true');
    expect(active(parts)).toBe(buttonNamed(parts, 'Log an outcome'));
    expect(q(parts, '.aim-text').textContent).toBe('Three new clients by March');
    expect(fake.sent).toEqual([{ type: 'aim/current' }]);
    // The aim is in the closed root only: not in the page's markup (read, as a page script could).
    // eslint-disable-next-line no-restricted-properties
    expect(document.documentElement.outerHTML).not.toContain('Three new clients');
    expect(['Log an outcome', 'Nothing yet', 'Not now'].map((name) => visible(buttonNamed(parts, name)))).toEqual([true, true, true]);
  });

  it('says where to set an aim when there is none', async () => {
    fake = fakeEnv();
    fake.reply['aim/current'] = { ok: true, aim: null, weekOutcomes: 0 };
    parts = createPrompt(makeHost(), detectionOf(), fake.env);
    parts.chip.click();
    await parts.settled();
    expect(q(parts, '.aim-text').textContent).toBe(NO_AIM);
  });

  it('shows a refused aim request in the alert', async () => {
    fake = fakeEnv();
    fake.reply['aim/current'] = { ok: false, error: 'Running For was updated. Reload the page.' };
    parts = createPrompt(makeHost(), detectionOf(), fake.env);
    parts.chip.click();
    await parts.settled();
    expect(alertText(parts)).toBe('Running For was updated. Reload the page.');
  });

  it('opens from the keyboard (Enter and Space activate the chip button), Escape closes and returns focus to the chip', async () => {
    await openPrompt();
    press(active(parts)!, 'Escape');
    expect(parts.isOpen()).toBe(false);
    expect(parts.dialog.hidden).toBe(true);
    expect(active(parts)).toBe(parts.chip);
    expect(parts.chip.getAttribute('aria-expanded')).toBe('false');
    // A native <button>: Enter and Space fire its click.
    parts.chip.click();
    expect(parts.isOpen()).toBe(true);
    press(parts.chip, 'Escape');
    expect(parts.isOpen()).toBe(false);
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

  it('closes on a click outside, not on one inside', async () => {
    await openPrompt();
    parts.dialog.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(parts.isOpen()).toBe(true);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(parts.isOpen()).toBe(false);
  });

  it('keeps its clicks and typing from the site\'s own handlers', async () => {
    const clicks = vi.fn();
    const keys = vi.fn();
    document.addEventListener('click', clicks);
    document.addEventListener('keydown', keys);
    await openPrompt();
    buttonNamed(parts, 'Log an outcome').click();
    press(q(parts, 'input'), 'j');
    expect(clicks).not.toHaveBeenCalled();
    expect(keys).not.toHaveBeenCalled();
    document.removeEventListener('click', clicks);
    document.removeEventListener('keydown', keys);
  });

  it('inside a site\'s link, a click on the prompt does not follow the link', () => {
    const link = document.createElement('a');
    link.href = 'https://x.com/jane/followers';
    const host = document.createElement('running-for-prompt');
    link.append('12.3K Followers', host);
    document.body.append(link);
    fake = fakeEnv();
    parts = createPrompt(host, detectionOf(), fake.env);
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    parts.chip.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(parts.isOpen()).toBe(true);
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
    expect(parts.root.querySelector(`label[for="${title.id}"]`)?.textContent).toBe('What did it produce?');
    const kind = q<HTMLSelectElement>(parts, 'select');
    expect(parts.root.querySelector(`label[for="${kind.id}"]`)?.textContent).toBe('Kind');
    expect(Array.from(kind.options, (option) => option.value)).toEqual([...OUTCOME_KINDS]);

    title.value = '  A client came through a reply  ';
    kind.value = 'client';
    buttonNamed(parts, 'Save').click();
    await parts.settled();
    expect(fake.sent.at(-1)).toEqual({
      type: 'reflection/add',
      reflection: { siteId: 'x', metric: 'followers', value: 12300, own: false, answer: 'outcome', outcome: { title: 'A client came through a reply', kind: 'client' } },
    });
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
    expect(fake.sent.filter((m) => m.type === 'reflection/add')).toEqual([]);
    title.value = 'Learned to price a retainer';
    q<HTMLSelectElement>(parts, 'select').value = 'learning';
    press(title, 'Enter');
    await parts.settled();
    expect(fake.sent.at(-1)).toMatchObject({ reflection: { answer: 'outcome', outcome: { title: 'Learned to price a retainer', kind: 'learning' } } });
    expect(alertText(parts)).toBe('');
  });

  it('a refused save shows the background\'s sentence in the alert and keeps what was typed', async () => {
    await openPrompt();
    fake.reply['reflection/add'] = { ok: false, error: 'Nothing was saved: the journal is busy. Try again.' };
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
    delete fake.reply['reflection/add'];
    buttonNamed(parts, 'Save').click();
    await parts.settled();
    expect(alertText(parts)).toBe('');
    expect(doneText(parts)).toContain('Intro to a studio');
  });

  it('Nothing yet stores a "nothing-yet" reflection', async () => {
    await openPrompt({ site: 'linkedin', metric: 'connections', value: 500, approximate: true, text: '500+ connections' });
    buttonNamed(parts, 'Nothing yet').click();
    await parts.settled();
    expect(fake.sent.at(-1)).toEqual({
      type: 'reflection/add',
      reflection: { siteId: 'linkedin', metric: 'connections', value: 500, own: false, answer: 'nothing-yet' },
    });
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
    expect(fake.sent.at(-1)).toEqual({
      type: 'reflection/add',
      reflection: { siteId: 'x', metric: 'followers', value: 12300, own: false, answer: 'dismissed' },
    });
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
    fake.reply['reflection/add'] = { ok: false, error: 'Running For was updated or turned off since this page loaded.' };
    buttonNamed(parts, 'Not now').click();
    buttonNamed(parts, 'A day').click();
    await parts.settled();
    expect(alertText(parts)).toBe('Running For was updated or turned off since this page loaded.');
    expect(fake.snoozes).toEqual([]);

    delete fake.reply['reflection/add'];
    vi.mocked(fake.env.snooze).mockRejectedValueOnce(new Error('storage quota'));
    buttonNamed(parts, 'A day').click();
    await parts.settled();
    expect(alertText(parts)).toBe('The snooze was not saved. Reload the page and try again.');
  });
});

describe('the own profile', () => {
  it('is a stronger card: the exact count in the page language, this week\'s outcomes, the same answers', async () => {
    document.documentElement.setAttribute('lang', 'en-US');
    await openPrompt({ value: 12345, approximate: false, own: true, text: '12,345 Followers' });
    expect(parts.dialog.classList.contains('own')).toBe(true);
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: 12,345 followers — what will you do with them?');
    expect(q(parts, '#rf-heading').textContent).toBe('12,345 followers — what will you do with them?');
    expect(q(parts, '.sub').textContent).toBe(chooseQuestion(detectionOf({ value: 12345, approximate: false, own: true }), NOW, 'en-US'));
    expect(q(parts, '.week').textContent).toBe('This week: 2 outcomes logged.');
    expect(['Log an outcome', 'Nothing yet', 'Not now'].every((name) => visible(buttonNamed(parts, name)))).toBe(true);

    buttonNamed(parts, 'Log an outcome').click();
    q<HTMLInputElement>(parts, 'input').value = 'Shipped the portfolio';
    buttonNamed(parts, 'Save').click();
    await parts.settled();
    expect(fake.sent.at(-1)).toMatchObject({ reflection: { own: true, value: 12345, answer: 'outcome' } });
    expect(q(parts, '.week').textContent).toBe('This week: 3 outcomes logged.');
  });

  it('uses the page language for the number', async () => {
    document.documentElement.setAttribute('lang', 'de');
    await openPrompt({ value: 12345, approximate: false, own: true });
    expect(q(parts, '#rf-heading').textContent).toBe('12.345 followers — what will you do with them?');
  });

  it('a week without outcomes says so', async () => {
    fake = fakeEnv();
    fake.reply['aim/current'] = { ok: true, aim: null, weekOutcomes: 0 };
    parts = createPrompt(makeHost(), detectionOf({ own: true }), fake.env);
    parts.chip.click();
    await parts.settled();
    expect(q(parts, '.week').textContent).toBe('No outcomes logged yet this week.');
  });

  it('others\' profiles show no week line', async () => {
    await openPrompt();
    expect(visible(q(parts, '.week'))).toBe(false);
  });
});

describe('hide mode', () => {
  it('shows no number anywhere until the user asks, then the count\'s text inside the dialog', async () => {
    await openPrompt({}, 'hide');
    expect(parts.chip.textContent).toBe('Hidden');
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: a hidden followers count. What is it for?');
    const visibleText = () =>
      Array.from(parts.root.querySelectorAll('*'))
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
    expect(fake.sent.at(-1)).toMatchObject({ reflection: { answer: 'nothing-yet', value: 12300 } });
  });

  it('hides the number again when reopened', async () => {
    await openPrompt({}, 'hide');
    buttonNamed(parts, 'Show the number').click();
    press(active(parts)!, 'Escape');
    parts.chip.click();
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
    parts.controller.update(detectionOf({ value: 12400, text: '12.4K Followers' }));
    expect(parts.isOpen()).toBe(true);
    expect(q(parts, '#rf-heading')).toBe(heading);
    expect(heading.textContent).toBe(before.replace('12.3K', '12.4K'));
    expect(parts.chip.getAttribute('aria-label')).toBe('Running For: what have these 12.4K followers produced?');
    expect(title.value).toBe('Half-typed');
    expect(visible(title)).toBe(true);
    buttonNamed(parts, 'Save').click();
    await parts.settled();
    expect(fake.sent.at(-1)).toMatchObject({ reflection: { value: 12400 } });
  });

  it('destroy closes the dialog, removes every listener it added to the page, and ignores late answers', async () => {
    const added: [EventTarget, string, unknown][] = [];
    const removed: [EventTarget, string, unknown][] = [];
    for (const target of [document, window] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
        added.push([target, type, listener]);
        add(type, listener, options);
      });
      vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
        removed.push([target, type, listener]);
        remove(type, listener, options);
      });
    }
    fake = fakeEnv();
    let answerAim: (response: Response) => void = () => {};
    fake.env.send = ((message: Message) =>
      message.type === 'aim/current' ? new Promise<Response>((resolve) => (answerAim = resolve)) : Promise.resolve({ ok: true })) as PromptEnvironment['send'];
    parts = createPrompt(makeHost(), detectionOf(), fake.env);
    parts.chip.click();
    expect(added.length).toBeGreaterThan(0);
    parts.controller.destroy();
    expect(parts.isOpen()).toBe(false);
    for (const entry of added) expect(removed).toContainEqual(entry);
    expect(parts.root.childNodes).toHaveLength(0);
    answerAim({ ok: true, aim: { purpose: 'p', aim: 'Late aim' }, weekOutcomes: 1 });
    await parts.settled();
    expect(parts.root.textContent).not.toContain('Late aim');
    // A destroyed prompt stays inert.
    parts.controller.update(detectionOf({ value: 1 }));
    expect(parts.root.childNodes).toHaveLength(0);
  });
});
