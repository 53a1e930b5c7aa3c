/**
 * The prompt in real Chromium with the built extension, on fixture pages served under the sites' real
 * URLs. The chip lives in a CLOSED shadow root, which Playwright's locators cannot enter (that is the
 * point): the tests read it through the DevTools protocol (DOM.describeNode with pierce reaches closed
 * roots), never through a hook in production code. The dialog is the extension's own page in a frame
 * there (entrypoints/prompt/): the tests find that frame (Playwright sees every frame of the tab) and
 * drive it like a user — the mouse, the keyboard.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Frame, Page } from '@playwright/test';
import { expect, fixtureHtml, test } from './extension';

/** The extension page's storage API, as the tests below use it inside extension pages. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

const PURPOSE = 'Independent design studio';
const AIM = 'Three new clients by March';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The prompt beside one count (by its data-metric): its closed shadow root through the DevTools protocol
 * (`run` calls a function with `this` = the root, in the page, returning by value), and its dialog frame.
 */
class PromptProbe {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly metric: string,
  ) {}

  private get selector(): string {
    return `running-for-prompt[data-metric="${this.metric}"]`;
  }

  static async on(page: Page, metric: string): Promise<PromptProbe> {
    const probe = new PromptProbe(page, await page.context().newCDPSession(page), metric);
    await expect.poll(() => probe.hasRoot(), { message: `a prompt is mounted beside the ${metric} count` }).toBe(true);
    return probe;
  }

  private async rootObject(): Promise<string | undefined> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: this.selector });
    if (!nodeId) return undefined;
    const { node } = await this.cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    return object.objectId;
  }

  async hasRoot(): Promise<boolean> {
    const id = await this.rootObject();
    if (!id) return false;
    return (await this.run<number>('function () { return this.childElementCount; }')) > 0;
  }

  async shadowRootType(): Promise<string | undefined> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: this.selector });
    const { node } = await this.cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    return node.shadowRoots?.[0]?.shadowRootType;
  }

  async run<T>(fn: string, ...args: unknown[]): Promise<T> {
    const objectId = await this.rootObject();
    if (!objectId) throw new Error(`no prompt at ${this.selector}`);
    const { result, exceptionDetails } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in the prompt: ${JSON.stringify(exceptionDetails)}`);
    return result.value as T;
  }

  /** Text of the chip's element matching `selector` (in the shadow root), or null. */
  chipText(selector: string): Promise<string | null> {
    return this.run(`function (selector) { const node = this.querySelector(selector); return node ? node.textContent : null; }`, selector);
  }

  /** The dialog's frame, once this prompt has made it: the prompt page in an iframe in this prompt's root. */
  async frame(): Promise<Frame | undefined> {
    for (const frame of this.page.frames()) {
      if (!frame.url().includes('/prompt.html')) continue;
      const owner = await frame
        .frameElement()
        .then((element) => element.evaluate((iframe) => ((iframe.getRootNode() as ShadowRoot).host as HTMLElement | undefined)?.dataset.metric))
        .catch(() => undefined);
      if (owner === this.metric) return frame;
    }
    return undefined;
  }

  async dialog(): Promise<Frame> {
    let found: Frame | undefined;
    await expect.poll(async () => (found = await this.frame()) !== undefined, { message: `the ${this.metric} prompt's dialog frame` }).toBe(true);
    return found!;
  }

  /** The frame shows (in the page) and the dialog in it is open. */
  async dialogOpen(): Promise<boolean> {
    const shown = await this.run<boolean>(`function () { const f = this.querySelector('iframe'); return !!f && !f.hidden && f.getBoundingClientRect().height > 0; }`);
    if (!shown) return false;
    const frame = await this.frame();
    return (frame?.evaluate(() => {
      const dialog = document.querySelector('[role="dialog"]');
      return !!dialog && !dialog.closest('[hidden]') && dialog.getBoundingClientRect().height > 0;
    }) ?? Promise.resolve(false)).catch(() => false);
  }

  /** Text of the first visible element matching `selector` in the dialog, or null. */
  async text(selector: string): Promise<string | null> {
    const frame = await this.dialog();
    return frame.evaluate((selector) => {
      const node = [...document.querySelectorAll(selector)].find((n) => !n.closest('[hidden]'));
      return node ? node.textContent : null;
    }, selector);
  }

  /** The on-screen box (in the page's viewport) of `selector` in the dialog, or null. */
  async box(selector: string): Promise<Box | null> {
    return (await this.dialog()).locator(selector).first().boundingBox();
  }

  /** Click like a user: the mouse, on a visible button of the dialog (by its accessible name). */
  async click(button: string): Promise<void> {
    await (await this.dialog()).getByRole('button', { name: button, exact: true }).click();
  }

  /** The focused element in the dialog: its accessible name or text, or its tag. */
  async focused(): Promise<string | null> {
    return (await this.dialog()).evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      return a.getAttribute('aria-label') || (a.localName === 'input' ? 'input' : a.localName === 'select' ? 'select' : a.textContent);
    });
  }

  /** The focused element in the chip's root (the chip's name), when focus is back in the page. */
  chipFocused(): Promise<string | null> {
    return this.run(`function () { const a = this.activeElement; return a ? a.getAttribute('aria-label') || a.textContent : null; }`);
  }
}

/** Open the prompt like a user: a click on the chip, where the host shows it. */
async function openByClick(page: Page, probe: PromptProbe, metric: string): Promise<void> {
  await page.locator(`running-for-prompt[data-metric="${metric}"]`).first().click();
  await expect.poll(() => probe.dialogOpen()).toBe(true);
}

async function setAim(context: BrowserContext, extensionId: string): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('main[aria-busy]')).toHaveCount(0);
  await popup.getByLabel('Purpose', { exact: true }).fill(PURPOSE);
  await popup.getByLabel('Aim', { exact: true }).fill(AIM);
  await popup.getByRole('button', { name: 'Save aim' }).click();
  await expect(popup.locator('.aim-aim')).toHaveText(AIM);
  await popup.close();
}

async function exportBackup(context: BrowserContext, extensionId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, Record<string, unknown>[]>;
  await page.close();
  return backup;
}

async function storageValue(context: BrowserContext, extensionId: string, key: string): Promise<unknown> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const value = await page.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key);
  await page.close();
  return value;
}

async function setStorage(context: BrowserContext, extensionId: string, items: Record<string, unknown>): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate((values) => chrome.storage.local.set(values), items);
  await page.close();
}

/** Serve a fixture with extra markup before </head> (a site-like theme, or a page script). */
async function serveWith(context: BrowserContext, url: string, site: string, file: string, head: string): Promise<void> {
  // Real-page fixtures break their tags across lines (`</head\n>`, utils/cli/reduce.ts).
  const body = fixtureHtml(site, file).replace(/<\/head\s*>/, `${head}</head>`);
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

const xLight = '<style>body{margin:0;background:#fff;color:#0f1419;font:15px/20px -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}a{color:inherit;text-decoration:none}main{padding:16px}</style>';

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
    expect.objectContaining({ id: reflections[0]!.outcomeId, title: 'A client came through a reply', kind: 'learning', siteId: 'x', aimId: aim!.id }),
  ]);

  // The popup's week counts the outcome.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('region', { name: 'This week' }).locator('.stat', { hasText: 'Outcomes logged' }).locator('dd')).toHaveText('1');
});

test('keyboard: the chip is a named button, the dialog keeps Tab inside, Escape closes and returns focus', async ({ context, serveFixture }) => {
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  const probe = await PromptProbe.on(page, 'followers');
  // The chip's accessible name, as the browser's accessibility tree reports it.
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const names = nodes.filter((node) => node.role?.value === 'button').map((node) => node.name?.value);
  expect(names).toContain('Running For: what have these 12.3K followers produced?');
  expect(names).toContain('Running For: what has following these 75 accounts produced?');

  await openByClick(page, probe, 'followers');
  expect(await probe.focused()).toBe('Log an outcome');
  const labelledBy = await (await probe.dialog()).evaluate(() => {
    const dialog = document.querySelector('[role="dialog"]')!;
    return document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent!;
  });
  expect(labelledBy.length).toBeGreaterThan(10);
  // Ten Tabs later focus is still inside the prompt (the page's activeElement is the host).
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.localName)).toBe('running-for-prompt');
  expect(await probe.dialogOpen()).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-metric'))).toBe('followers');

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

test('own profile: the stronger card with the count, this week\'s outcomes and the same answers', async ({ context, extensionId, serveFixture }) => {
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
  expect(backup.reflections).toEqual([expect.objectContaining({ siteId: 'x', metric: 'followers', value: 1_200_000, own: true, answer: 'outcome' })]);
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

const THEMES: { name: string; url: string; site: string; file: string; metric: string; scheme: 'light' | 'dark'; css: string; expect: string }[] = [
  { name: 'x-light', url: 'https://x.com/jane', site: 'x', file: 'profile-other.html', metric: 'followers', scheme: 'light', css: xLight, expect: 'light' },
  {
    name: 'x-dark-own',
    url: 'https://x.com/sam_reader',
    site: 'x',
    file: 'profile-own.html',
    metric: 'followers',
    scheme: 'dark',
    css: '<style>body{margin:0;background:#000;color:#e7e9ea;font:15px/20px -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}a{color:inherit;text-decoration:none}main{padding:16px}</style>',
    expect: 'dark',
  },
  {
    name: 'youtube-dark',
    url: 'https://www.youtube.com/@janemakes',
    site: 'youtube',
    file: 'channel-2026.html',
    metric: 'subscribers',
    scheme: 'dark',
    css: '<style>html{background:#0f0f0f;color:#f1f1f1;font:14px/20px Roboto,Arial,sans-serif}body{margin:0;padding:16px}a{color:#3ea6ff}</style>',
    expect: 'dark',
  },
  {
    name: 'github-light',
    url: 'https://github.com/octo-jane',
    site: 'github',
    file: 'profile-other.html',
    metric: 'followers',
    scheme: 'light',
    css: '<style>body{margin:0;padding:16px;background:#fff;color:#1f2328;font:14px/21px -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}a{color:#0969da;text-decoration:none}</style>',
    expect: 'light',
  },
  {
    name: 'github-dark',
    url: 'https://github.com/octo-jane',
    site: 'github',
    file: 'profile-other.html',
    metric: 'followers',
    scheme: 'dark',
    css: '<style>body{margin:0;padding:16px;background:#0d1117;color:#e6edf3;font:14px/21px -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}a{color:#4493f8;text-decoration:none}</style>',
    expect: 'dark',
  },
  {
    name: 'linkedin-light',
    url: 'https://www.linkedin.com/in/user1/',
    site: 'linkedin',
    file: 'profile-other-2024.html',
    metric: 'connections',
    scheme: 'light',
    css: '<style>body{margin:0;background:#f4f2ee;color:rgba(0,0,0,.9);font:14px/20px -apple-system,system-ui,"Segoe UI",Roboto,sans-serif}.artdeco-card{background:#fff;border-radius:8px;margin:16px;padding:16px}a{color:#0a66c2}</style>',
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
