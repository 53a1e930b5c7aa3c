/**
 * The prompt in real Chromium with the built extension, on fixture pages served under the sites' real
 * URLs: the chip, and its dialog in the extension's frame, driven like a user (prompt-probe.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './extension';
import { AIM, exportBackup, openByClick, PromptProbe, serveWith, setAim, setStorage, storageValue } from './prompt-probe';

const xLight =
  '<style>body{margin:0;background:#fff;color:#0f1419;font:15px/20px -apple-system,"Segoe ' +
  'UI",Roboto,Helvetica,Arial,sans-serif}a{color:inherit;' +
  'text-decoration:none}main{padding:16px}</style>';

/** What has the page's focus, as the page sees it: a prompt's host by its metric ("running-for-prompt[followers]"). */
const focusedHost = (page: Page) =>
  page.evaluate(() => `${document.activeElement?.localName}[${document.activeElement?.getAttribute('data-metric') ?? ''}]`);

test('answering each of the three ways stores the right reflection, and the aim shows in the dialog', async ({ context, extensionId }) => {
  await setAim(context, extensionId);
  await serveWith(context, 'https://x.com/jane', 'x', 'profile-other.html', xLight);
  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  const probe = await PromptProbe.on(page, 'followers');

  // 1. Log an outcome.
  await openByClick(page, probe, 'followers');
  await expect.poll(() => probe.text('.aim-text')).toBe(AIM);
  await probe.click('Log an outcome');
  expect(await probe.focused()).toBe('input');
  await page.keyboard.type('A client came through a reply');
  await page.keyboard.press('Tab');
  expect(await probe.focused()).toBe('select');
  // Type-ahead on a closed select picks "Learning".
  await page.keyboard.type('L');
  await probe.click('Save');
  await expect.poll(() => probe.text('[role="status"]')).toBe('Saved: “A client came through a reply”. That is what the number is for.');
  await page.keyboard.press('Escape');
  await expect.poll(() => probe.dialogOpen()).toBe(false);

  // 2. Nothing yet.
  await openByClick(page, probe, 'followers');
  await probe.click('Nothing yet');
  await expect.poll(() => probe.text('[role="status"]')).toMatch(/^Noted: nothing yet\./);
  await page.keyboard.press('Escape');

  // 3. Not now, for an hour: the site is snoozed and its prompts go away.
  const before = Date.now();
  await openByClick(page, probe, 'followers');
  await probe.click('Not now');
  await probe.click('An hour');
  await expect(page.locator('running-for-prompt')).toHaveCount(0);
  const snoozes = (await storageValue(context, extensionId, 'settings.snoozes')) as Record<string, string>;
  const until = Date.parse(snoozes.x!);
  expect(until - before).toBeGreaterThanOrEqual(60 * 60 * 1000 - 1000);
  expect(until - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);

  const backup = await exportBackup(context, extensionId);
  const reflections = [...backup.reflections!].sort((a, b) => String(a.at).localeCompare(String(b.at)));
  const count = { siteId: 'x', metric: 'followers', value: 12300, own: false };
  expect(reflections).toEqual([
    expect.objectContaining({ ...count, answer: 'outcome', outcomeId: expect.any(String) }),
    expect.objectContaining({ ...count, answer: 'nothing-yet', outcomeId: null }),
    expect.objectContaining({ ...count, answer: 'dismissed', outcomeId: null }),
  ]);
  const [aim] = backup.aims!;
  expect(backup.outcomes).toEqual([
    expect.objectContaining({
      id: reflections[0]!.outcomeId,
      title: 'A client came through a reply',
      kind: 'learning',
      siteId: 'x',
      aimId: aim!.id,
    }),
  ]);

  // The popup's week counts the outcome.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('region', { name: 'This week' }).locator('.stat', { hasText: 'Outcomes logged' }).locator('dd')).toHaveText(
    '1',
  );
});

test('keyboard: the chip is a named button, the dialog keeps Tab inside, Escape closes and returns focus', async ({
  context,
  serveFixture,
}) => {
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  const probe = await PromptProbe.on(page, 'followers');
  // The chip's accessible name, as the browser's accessibility tree reports it: the count's number as the
  // page writes it (utils/detection/metric-words.ts countAsShown).
  const cdp = await context.newCDPSession(page);
  const names = async () =>
    (await cdp.send('Accessibility.getFullAXTree')).nodes.filter((node) => node.role?.value === 'button').map((node) => node.name?.value);
  await expect.poll(names).toContain('Running For: what have these 12.3K followers produced?');
  expect(await names()).toContain('Running For: what has following these 75 accounts produced?');

  await openByClick(page, probe, 'followers');
  expect(await probe.focused()).toBe('Log an outcome');
  const labelledBy = await (
    await probe.dialog()
  ).evaluate(() => {
    const dialog = document.querySelector('[role="dialog"]')!;
    return document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent!;
  });
  expect(labelledBy.length).toBeGreaterThan(10);
  // Ten Tabs later focus is still inside this prompt (the page's activeElement is its host), not another's.
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('Tab');
  expect(await focusedHost(page)).toBe('running-for-prompt[followers]');
  expect(await probe.dialogOpen()).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedHost(page)).toBe('running-for-prompt[followers]');

  await page.keyboard.press('Escape');
  await expect.poll(() => probe.dialogOpen()).toBe(false);
  expect(await probe.chipFocused()).toBe('Running For: what have these 12.3K followers produced?');
  // Enter on the focused chip opens it again; a click outside closes it.
  await page.keyboard.press('Enter');
  await expect.poll(() => probe.dialogOpen()).toBe(true);
  await page.mouse.click(5, 5);
  await expect.poll(() => probe.dialogOpen()).toBe(false);
  // Space too, once focus is back on the chip.
  await openByClick(page, probe, 'followers');
  await page.keyboard.press('Escape');
  await expect.poll(() => probe.dialogOpen()).toBe(false);
  await page.keyboard.press('Space');
  await expect.poll(() => probe.dialogOpen()).toBe(true);
});

test('keyboard only, from the page: Tab to the chip, open, answer, close, open again, snooze — focus is never lost', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  await setAim(context, extensionId);
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  const probe = await PromptProbe.on(page, 'followers');
  /** Tab (forwards) until `reached` says so, at most `most` times: a user's way through a page or a dialog. */
  const tabUntil = async (reached: () => Promise<boolean>, most: number, what: string) => {
    for (let i = 0; i < most && !(await reached()); i++) await page.keyboard.press('Tab');
    expect(await reached(), what).toBe(true);
  };

  // From the top of the page, Tab reaches the chip beside the followers count, in the page's own order.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await tabUntil(async () => (await focusedHost(page)) === 'running-for-prompt[followers]', 40, 'Tab reaches the followers chip');
  expect(await probe.chipFocused()).toBe('Running For: what have these 12.3K followers produced?');
  await page.keyboard.press('Enter');
  await expect.poll(() => probe.dialogOpen()).toBe(true);

  // Answer: "Log an outcome", type it, pick the kind, save — keys only.
  await tabUntil(async () => (await probe.focused()) === 'Log an outcome', 12, 'Tab reaches "Log an outcome"');
  await page.keyboard.press('Enter');
  expect(await probe.focused()).toBe('input');
  await page.keyboard.type('Asked to speak at a meetup');
  await page.keyboard.press('Tab');
  await page.keyboard.type('L');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => probe.text('[role="status"]')).toBe('Saved: “Asked to speak at a meetup”. That is what the number is for.');
  expect(await probe.focused()).toBe('Done');
  // Done closes, and the focus is back on the chip it came from.
  await page.keyboard.press('Enter');
  await expect.poll(() => probe.dialogOpen()).toBe(false);
  expect(await focusedHost(page)).toBe('running-for-prompt[followers]');
  expect(await probe.chipFocused()).toBe('Running For: what have these 12.3K followers produced?');

  // Open again with Space; "Not now" shows the snoozes; "An hour" snoozes X.
  await page.keyboard.press('Space');
  await expect.poll(() => probe.dialogOpen()).toBe(true);
  await tabUntil(async () => (await probe.focused()) === 'Not now', 12, 'Tab reaches "Not now"');
  await page.keyboard.press('Enter');
  await tabUntil(async () => (await probe.focused()) === 'An hour', 6, 'Tab reaches "An hour"');
  await page.keyboard.press('Enter');
  await expect.poll(() => storageValue(context, extensionId, 'settings.snoozes')).toMatchObject({ x: expect.any(String) });
  // The snoozed page's prompts go; the focus goes to the count the chip stood beside, not to nowhere.
  await expect(page.locator('running-for-prompt')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/jane/verified_followers');

  const backup = await exportBackup(context, extensionId);
  expect(backup.outcomes).toEqual([expect.objectContaining({ title: 'Asked to speak at a meetup', kind: 'learning', siteId: 'x' })]);
});

test("own profile: the stronger card with the count, this week's outcomes and the same answers", async ({
  context,
  extensionId,
  serveFixture,
}) => {
  await setAim(context, extensionId);
  await serveFixture('https://x.com/sam_reader', 'x', 'profile-own.html');
  const page = await context.newPage();
  await page.goto('https://x.com/sam_reader');
  const probe = await PromptProbe.on(page, 'followers');
  await openByClick(page, probe, 'followers');
  expect(await probe.text('#rf-heading')).toBe('1.2M followers — what will you do with them?');
  await expect.poll(() => probe.text('.week')).toBe('No outcomes logged yet this week.');
  await probe.click('Log an outcome');
  await page.keyboard.type('Booked a talk from a DM');
  await page.keyboard.press('Enter');
  await expect.poll(() => probe.text('.week')).toBe('This week: 1 outcome logged.');
  await page.keyboard.press('Escape');
  // Reopened, the count comes from the background.
  await openByClick(page, probe, 'followers');
  await expect.poll(() => probe.text('.week')).toBe('This week: 1 outcome logged.');
  const backup = await exportBackup(context, extensionId);
  expect(backup.reflections).toEqual([
    expect.objectContaining({ siteId: 'x', metric: 'followers', value: 1_200_000, own: true, answer: 'outcome' }),
  ]);
});

test('hide mode: a neutral chip, and the number only on purpose, inside the dialog', async ({ context, extensionId, serveFixture }) => {
  await setStorage(context, extensionId, { 'settings.siteModes': { x: 'hide' } });
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  const probe = await PromptProbe.on(page, 'followers');
  expect(await probe.chipText('.chip')).toBe('Hidden');
  await openByClick(page, probe, 'followers');
  expect(await probe.text('#rf-heading')).toBe('What are these followers for?');
  expect(await probe.text('.shown')).toBeNull();
  await probe.click('Show the number');
  await expect.poll(() => probe.text('.shown')).toBe('12.3K Followers');
});

// ── Screenshots for the eye: the open dialog on a few sites, light and dark ──────────────────────

const THEMES: {
  name: string;
  url: string;
  site: string;
  file: string;
  metric: string;
  scheme: 'light' | 'dark';
  css: string;
  expect: string;
}[] = [
  {
    name: 'x-light',
    url: 'https://x.com/jane',
    site: 'x',
    file: 'profile-other.html',
    metric: 'followers',
    scheme: 'light',
    css: xLight,
    expect: 'light',
  },
  {
    name: 'x-dark-own',
    url: 'https://x.com/sam_reader',
    site: 'x',
    file: 'profile-own.html',
    metric: 'followers',
    scheme: 'dark',
    css:
      '<style>body{margin:0;background:#000;color:#e7e9ea;font:15px/20px -apple-system,"Segoe ' +
      'UI",Roboto,Helvetica,Arial,sans-serif}a{color:inherit;' +
      'text-decoration:none}main{padding:16px}</style>',
    expect: 'dark',
  },
  {
    name: 'youtube-dark',
    url: 'https://www.youtube.com/@janemakes',
    site: 'youtube',
    file: 'channel-2026.html',
    metric: 'subscribers',
    scheme: 'dark',
    css:
      '<style>html{background:#0f0f0f;color:#f1f1f1;font:14px/20px ' +
      'Roboto,Arial,sans-serif}body{margin:0;padding:16px}a{color:#3ea6ff}</style>',
    expect: 'dark',
  },
  {
    name: 'github-light',
    url: 'https://github.com/octo-jane',
    site: 'github',
    file: 'profile-other.html',
    metric: 'followers',
    scheme: 'light',
    css:
      '<style>body{margin:0;padding:16px;background:#fff;color:#1f2328;font:14px/21px ' +
      '-apple-system,"Segoe UI","Noto ' +
      'Sans",Helvetica,Arial,sans-serif}a{color:#0969da;text-decoration:none}</style>',
    expect: 'light',
  },
  {
    name: 'github-dark',
    url: 'https://github.com/octo-jane',
    site: 'github',
    file: 'profile-other.html',
    metric: 'followers',
    scheme: 'dark',
    css:
      '<style>body{margin:0;padding:16px;background:#0d1117;color:#e6edf3;font:14px/21px ' +
      '-apple-system,"Segoe UI","Noto ' +
      'Sans",Helvetica,Arial,sans-serif}a{color:#4493f8;text-decoration:none}</style>',
    expect: 'dark',
  },
  {
    name: 'linkedin-light',
    url: 'https://www.linkedin.com/in/user1/',
    site: 'linkedin',
    file: 'profile-other-2024.html',
    metric: 'connections',
    scheme: 'light',
    css:
      '<style>body{margin:0;background:#f4f2ee;color:rgba(0,0,0,.9);font:14px/20px ' +
      '-apple-system,system-ui,"Segoe ' +
      'UI",Roboto,sans-serif}.artdeco-card{background:#fff;border-radius:8px;margin:16px;' +
      'padding:16px}a{color:#0a66c2}</style>',
    expect: 'light',
  },
];

for (const theme of THEMES) {
  test(`screenshot: the open dialog on ${theme.name}`, async ({ context, extensionId }, testInfo) => {
    await setAim(context, extensionId);
    await serveWith(context, theme.url, theme.site, theme.file, theme.css);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: theme.scheme });
    await page.setViewportSize({ width: 1000, height: 640 });
    await page.goto(theme.url);
    const probe = await PromptProbe.on(page, theme.metric);
    expect(await probe.run<string>(`function () { return this.querySelector('.rf').className; }`)).toBe(`rf ${theme.expect}`);
    await page.locator(`running-for-prompt[data-metric="${theme.metric}"]`).first().scrollIntoViewIfNeeded();
    await openByClick(page, probe, theme.metric);
    await expect.poll(() => probe.text('.aim-text')).toBe(AIM);
    // The dialog's page takes the chip's theme.
    expect(await (await probe.dialog()).evaluate(() => document.getElementById('prompt')!.className)).toBe(`rf ${theme.expect}`);
    // The dialog is wholly inside the viewport, below or above the chip.
    const dialog = (await probe.box('[role="dialog"]'))!;
    expect(dialog.x).toBeGreaterThanOrEqual(0);
    expect(dialog.y).toBeGreaterThanOrEqual(0);
    expect(dialog.x + dialog.width).toBeLessThanOrEqual(1000);
    expect(dialog.y + dialog.height).toBeLessThanOrEqual(640);
    const dir = process.env.PROMPT_SHOTS ?? testInfo.outputPath();
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${theme.name}.png`) });
    // And with the outcome form open: still inside the viewport.
    await probe.click('Log an outcome');
    const withForm = (await probe.box('[role="dialog"]'))!;
    expect(withForm.y + withForm.height).toBeLessThanOrEqual(640);
    await page.screenshot({ path: join(dir, `${theme.name}-form.png`) });
  });
}
