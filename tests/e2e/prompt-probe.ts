/**
 * Driving the prompt in real Chromium (prompt.spec.ts, hostile.spec.ts). The chip lives in a CLOSED
 * shadow root, which Playwright's locators cannot enter (that is the point): the probe reads it through
 * the DevTools protocol (DOM.describeNode with pierce reaches closed roots), never through a hook in
 * production code. The dialog is the extension's own page in a frame there (entrypoints/prompt/): the
 * probe finds that frame (Playwright sees every frame of the tab) and drives it like a user — the mouse,
 * the keyboard. And the helpers around it: the aim, a backup, settings, a fixture with extra markup.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Frame, Page } from '@playwright/test';
import { expect, fixtureHtml } from './extension';

/** The extension page's storage API, as the tests below use it inside extension pages. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

export const PURPOSE = 'Independent design studio';
export const AIM = 'Three new clients by March';

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
export class PromptProbe {
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
        .then((element) =>
          element.evaluate((iframe) => ((iframe.getRootNode() as ShadowRoot).host as HTMLElement | undefined)?.dataset.metric),
        )
        .catch(() => undefined);
      if (owner === this.metric) return frame;
    }
    return undefined;
  }

  async dialog(): Promise<Frame> {
    let found: Frame | undefined;
    await expect
      .poll(async () => (found = await this.frame()) !== undefined, { message: `the ${this.metric} prompt's dialog frame` })
      .toBe(true);
    return found!;
  }

  /** The frame shows (in the page) and the dialog in it is open. */
  async dialogOpen(): Promise<boolean> {
    const shown = await this.run<boolean>(
      `function () { const f = this.querySelector('iframe'); return !!f && !f.hidden && f.getBoundingClientRect().height > 0; }`,
    );
    if (!shown) return false;
    const frame = await this.frame();
    return (
      frame?.evaluate(() => {
        const dialog = document.querySelector('[role="dialog"]');
        return !!dialog && !dialog.closest('[hidden]') && dialog.getBoundingClientRect().height > 0;
      }) ?? Promise.resolve(false)
    ).catch(() => false);
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
export async function openByClick(page: Page, probe: PromptProbe, metric: string): Promise<void> {
  await page.locator(`running-for-prompt[data-metric="${metric}"]`).first().click();
  await expect.poll(() => probe.dialogOpen()).toBe(true);
}

export async function setAim(context: BrowserContext, extensionId: string): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('main[aria-busy]')).toHaveCount(0);
  await popup.getByLabel('Purpose', { exact: true }).fill(PURPOSE);
  await popup.getByLabel('Aim', { exact: true }).fill(AIM);
  await popup.getByRole('button', { name: 'Save aim' }).click();
  await expect(popup.locator('.aim-aim')).toHaveText(AIM);
  await popup.close();
}

export async function exportBackup(context: BrowserContext, extensionId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, Record<string, unknown>[]>;
  await page.close();
  return backup;
}

export async function storageValue(context: BrowserContext, extensionId: string, key: string): Promise<unknown> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const value = await page.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key);
  await page.close();
  return value;
}

export async function setStorage(context: BrowserContext, extensionId: string, items: Record<string, unknown>): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate((values) => chrome.storage.local.set(values), items);
  await page.close();
}

/** Serve a fixture with extra markup before </head> (a site-like theme, or a page script). */
export async function serveWith(context: BrowserContext, url: string, site: string, file: string, head: string): Promise<void> {
  // Real-page fixtures break their tags across lines (`</head\n>`, utils/cli/reduce.ts).
  const body = fixtureHtml(site, file).replace(/<\/head\s*>/, `${head}</head>`);
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/** The prompt page framed beside the followers count, once a click on the chip has opened it. */
export async function openPromptFrame(site: Page): Promise<Frame> {
  await site.locator('running-for-prompt[data-metric="followers"]').click();
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = site.frames().find((f) => /^chrome-extension:\/\/[^/]+\/prompt\.html/.test(f.url()))) !== undefined)
    .toBe(true);
  return frame!;
}
