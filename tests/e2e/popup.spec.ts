/**
 * The popup in real Chromium, opened as a page (`chrome-extension://<id>/popup.html`): the founding
 * question, the quick log, reopening, keyboard-only use, readiness and light/dark screenshots.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './extension';

const POPUP_SIZE = { width: 360, height: 640 };

async function openPopup(page: Page, extensionId: string): Promise<void> {
  await page.setViewportSize(POPUP_SIZE);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('main[aria-busy]')).toHaveCount(0);
}

async function setAim(page: Page, purpose: string, aim: string): Promise<void> {
  await page.getByLabel('Purpose', { exact: true }).fill(purpose);
  await page.getByLabel('Aim', { exact: true }).fill(aim);
  await page.getByRole('button', { name: 'Save aim' }).click();
  await expect(page.locator('.aim-aim')).toHaveText(aim);
}

async function logOutcome(page: Page, title: string, kind: string, site?: string): Promise<void> {
  await page.getByLabel('Outcome', { exact: true }).fill(title);
  await page.getByLabel('Kind').selectOption({ label: kind });
  if (site) await page.getByLabel('Site').selectOption({ label: site });
  await page.getByRole('button', { name: 'Log outcome' }).click();
  await expect(page.getByRole('list', { name: 'Outcomes this week' })).toContainText(title);
}

test('sets a purpose and an aim, logs an outcome, and sees both after reopening', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openPopup(page, extensionId);
  await expect(page.getByRole('heading', { name: 'What are you running for?' })).toBeVisible();
  await setAim(page, 'Independent design studio', 'Three new clients by March');
  await logOutcome(page, 'Intro call with a studio from a LinkedIn post', 'Client', 'LinkedIn');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.close();

  const again = await context.newPage();
  await openPopup(again, extensionId);
  await expect(again.locator('.aim-purpose')).toHaveText('Independent design studio');
  await expect(again.locator('.aim-aim')).toHaveText('Three new clients by March');
  const week = again.getByRole('region', { name: 'This week' });
  await expect(week.getByRole('list', { name: 'Outcomes this week' })).toContainText('Intro call with a studio from a LinkedIn post');
  await expect(week.getByRole('list', { name: 'Outcomes this week' })).toContainText('Client · LinkedIn');
  await expect(week.locator('.stat', { hasText: 'Outcomes logged' }).locator('dd')).toHaveText('1');
  await expect(week.locator('.stat', { hasText: 'Time on social sites' }).locator('dd')).toHaveText('0 min');
  // The undo belonged to the moment of logging; a reopened popup offers none.
  await expect(again.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(week.getByRole('link', { name: 'Open dashboard' })).toHaveAttribute('href', 'dashboard.html');
});

test('keyboard only: the founding question is answered and saved without a pointer', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openPopup(page, extensionId);
  // First run starts in Purpose.
  await expect(page.getByLabel('Purpose', { exact: true })).toBeFocused();
  await page.keyboard.type('Open-source maintainer');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Aim', { exact: true })).toBeFocused();
  // Enter with an empty aim explains what is missing, and stays in the field.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Write your aim');
  await expect(page.getByLabel('Aim', { exact: true })).toBeFocused();
  await page.keyboard.type('Two paid sponsors this year');
  await page.keyboard.press('Tab');
  const save = page.getByRole('button', { name: 'Save aim' });
  await expect(save).toBeFocused();
  // The focus ring is visible.
  expect(await save.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.locator('.aim-aim')).toHaveText('Two paid sponsors this year');
  // Focus lands on Edit; Enter opens the form again with the saved words; Escape goes back.
  const edit = page.getByRole('button', { name: 'Edit' });
  await expect(edit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Purpose', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Aim', { exact: true })).toHaveValue('Two paid sponsors this year');
  await page.keyboard.press('Escape');
  await expect(edit).toBeFocused();

  // Tab from Edit reaches the quick log; Enter in the Outcome field logs.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Outcome', { exact: true })).toBeFocused();
  await page.keyboard.type('A sponsor wrote after a Mastodon thread');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Outcomes this week' })).toContainText('A sponsor wrote after a Mastodon thread');
  await expect(page.getByLabel('Outcome', { exact: true })).toHaveValue('');
});

/** Note what the popup shows at the moment it marks `popup-ready` (the mark must mean "ready, with data"). */
async function watchReady(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { busy: boolean; text: string }[] = [];
    (window as unknown as { readyMarks: typeof seen }).readyMarks = seen;
    const mark = performance.mark.bind(performance);
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      if (name === 'popup-ready') seen.push({ busy: document.querySelector('[aria-busy="true"]') !== null, text: document.body.innerText });
      return mark(name, options);
    };
  });
}
const readyMarks = (page: Page) => page.evaluate(() => (window as unknown as { readyMarks: { busy: boolean; text: string }[] }).readyMarks);

/** Milliseconds from navigation start to `performance.mark('popup-ready')`. */
async function readyTime(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('popup-ready', 'mark').length > 0);
  return page.evaluate(() => performance.getEntriesByName('popup-ready', 'mark')[0]!.startTime);
}

/** Sum the page's layout shifts from its start (Chromium's Layout Instability API). */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) throw new Error('no Layout Instability API');
    const state = { sum: 0 };
    (window as unknown as { shifts: typeof state }).shifts = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.sum += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/**
 * The sum of layout shifts so far. Then a control: a shift made on purpose must be seen, or a 0 here would
 * prove nothing (an observer that never reported would read as a page that never moved).
 */
async function layoutShift(page: Page): Promise<number> {
  const sum = () => page.evaluate(() => (window as unknown as { shifts: { sum: number } }).shifts.sum);
  // Entries come after the frame they belong to: two frames on, every shift so far is in.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const before = await sum();
  await page.evaluate(() => {
    const pad = document.createElement('div');
    pad.id = 'shift-control';
    pad.style.height = '120px';
    document.body.prepend(pad);
  });
  await expect.poll(sum, { message: 'the control shift was observed' }).toBeGreaterThan(before);
  await page.evaluate(() => document.getElementById('shift-control')?.remove());
  return before;
}

/**
 * Hold back the settings read so the loading state is painted first; without it the data often
 * arrives before the first paint and a layout jump could not be seen.
 */
async function slowSettings(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Get = (...args: unknown[]) => unknown;
    const area = (globalThis as unknown as { chrome: { storage: { local: { get: Get } } } }).chrome.storage.local;
    const get = area.get.bind(area);
    const later = (work: () => unknown) => new Promise((resolve) => setTimeout(() => resolve(work()), 400));
    area.get = (...args) => {
      // Callback or promise style, whichever the caller used.
      if (args.some((arg) => typeof arg === 'function')) return void later(() => get(...args));
      return later(() => get(...args));
    };
  });
}

// The 100 ms readiness target is a benchmark figure (`npm run bench`), never a timed assertion: these
// machines are noisy. Here the mark must be set on every opening (with the data on screen) and reported.
test('marks popup-ready after its first render with data', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openPopup(page, extensionId);
  await setAim(page, 'Freelance writing', 'Ten paid pieces this quarter');
  await logOutcome(page, 'Commission from an editor on Bluesky', 'Job', 'Bluesky');
  await page.close();

  // Reopen, as a returning user does dozens of times a week.
  const timings: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const again = await context.newPage();
    await watchReady(again);
    await openPopup(again, extensionId);
    timings.push(await readyTime(again));
    // Marked once, when the aim was on screen and nothing was loading any more.
    const marks = await readyMarks(again);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.busy).toBe(false);
    expect(marks[0]!.text).toContain('Ten paid pieces this quarter');
    // A returning user lands in the Outcome field, ready to log.
    await expect(again.getByLabel('Outcome', { exact: true })).toBeFocused();
    await again.close();
  }
  test.info().annotations.push({ type: 'popup-ready (ms)', description: timings.map((time) => time.toFixed(1)).join(', ') });
});

/**
 * Note, from the page's first script on, whether the loading state (`main[aria-busy="true"]`) was in the
 * document: reading it after `goto` returns races the load on a busy machine.
 */
async function watchBusy(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { sawBusy: false };
    Object.assign(window, { busyState: state });
    const look = () => (state.sawBusy ||= document.querySelector('main[aria-busy="true"]') !== null);
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
}
const sawBusy = (page: Page) => page.evaluate(() => (window as unknown as { busyState: { sawBusy: boolean } }).busyState.sawBusy);

test('nothing moves while it loads, on first run and after', async ({ context, extensionId }) => {
  const first = await context.newPage();
  await slowSettings(first);
  await watchBusy(first);
  await watchShifts(first);
  await first.setViewportSize(POPUP_SIZE);
  await first.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(first.getByLabel('Purpose', { exact: true })).toBeVisible();
  expect(await sawBusy(first)).toBe(true);
  expect(await layoutShift(first)).toBe(0);
  await setAim(first, 'Freelance writing', 'Ten paid pieces this quarter');
  await first.close();

  const later = await context.newPage();
  await slowSettings(later);
  await watchBusy(later);
  await watchShifts(later);
  await later.setViewportSize(POPUP_SIZE);
  await later.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(later.locator('.aim-aim')).toHaveText('Ten paid pieces this quarter');
  expect(await sawBusy(later)).toBe(true);
  expect(await layoutShift(later)).toBe(0);
});

test('light and dark, for the eye (screenshots in test-results/)', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openPopup(page, extensionId);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: test.info().outputPath('popup-first-run-light.png'), fullPage: true, animations: 'disabled' });
  await setAim(page, 'Independent design studio', 'Three new clients by March, each through people I already know');
  await logOutcome(page, 'Intro call with a studio from a LinkedIn post', 'Client', 'LinkedIn');
  await logOutcome(page, 'Learned pricing from a designer on Threads', 'Learning', 'Threads');
  await page.getByLabel('Outcome', { exact: true }).fill('A referral from an old colleague');
  await page.getByLabel('Outcome', { exact: true }).blur();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: test.info().outputPath(`popup-${colorScheme}.png`), fullPage: true, animations: 'disabled' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(23, 23, 22)' : 'rgb(251, 250, 247)');
  }
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.screenshot({ path: test.info().outputPath('popup-editing-dark.png'), fullPage: true, animations: 'disabled' });
});
