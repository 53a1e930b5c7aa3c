/**
 * Hostile pages (README "Architecture": "treat every page as hostile"), in real Chromium with the built extension.
 * Each page carries a spy that runs before anything of ours: it listens in the capture phase on `window`
 * and `document` for every key, input, clipboard, composition, focus and selection event, polls the
 * focus and `getSelection()`, patches `attachShadow` and `attachInternals`, and (in some tests) defines
 * `running-for-prompt` itself, before or after the prompts are there. A user then reads the aim and types
 * an outcome in the dialog — keys, an IME composition, copy, cut and paste, selections — and the page
 * tries to read or press the dialog. What the page recorded must hold none of it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, liveLayerSettled, test } from './extension';
import { AIM, exportBackup, openByClick, PromptProbe, serveWith, setAim } from './prompt-probe';

/** Words the user types, composes and pastes: none may reach the page. */
const TYPED = 'Quartzlemon client';
const COMPOSED = '秘密の顧客';
const PASTED = 'Zephyrine';

const EVENT_TYPES = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'textInput',
  'change',
  'paste',
  'copy',
  'cut',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'select',
  'selectstart',
  'selectionchange',
  'focus',
  'blur',
  'focusin',
  'focusout',
];

/**
 * The page's spy, first in <head>. `define`: "before" defines our tag right away; "after" defines it once
 * the test asks (window.__claim()), when the prompts are already on the page.
 */
function spyScript(define: 'none' | 'before' | 'after'): string {
  return `<script>
(() => {
  const spy = (window.__spy = { events: [], internals: [], roots: [], focus: new Set(), selections: new Set(), constructed: 0 });
  const describe = (node) => (node && (node.localName || node.nodeName)) || String(node);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, { ...init, mode: 'open' });
    spy.roots.push(root);
    return root;
  };
  const attachInternals = HTMLElement.prototype.attachInternals;
  HTMLElement.prototype.attachInternals = function () {
    const internals = attachInternals.call(this);
    spy.internals.push(internals);
    return internals;
  };
  for (const target of [window, document]) {
    for (const type of ${JSON.stringify(EVENT_TYPES)}) {
      target.addEventListener(type, (event) => {
        spy.events.push({
          on: target === window ? 'window' : 'document',
          type,
          key: event.key, code: event.code, data: event.data, inputType: event.inputType,
          clipboard: event.clipboardData ? [...event.clipboardData.types].map((t) => event.clipboardData.getData(t)).join('|') : undefined,
          target: describe(event.target),
          path: event.composedPath().map(describe).join('>'),
          value: event.target && 'value' in event.target ? String(event.target.value) : undefined,
          selection: String(getSelection()),
        });
      }, true);
    }
  }
  const watch = () => {
    spy.focus.add(describe(document.activeElement));
    spy.selections.add(String(getSelection()));
  };
  setInterval(watch, 10);
  const claim = () => customElements.define('running-for-prompt', class extends HTMLElement {
    constructor() {
      super();
      spy.constructed += 1;
      try { this.attachInternals(); } catch (error) { spy.internalsError = String(error); }
    }
  });
  window.__claim = claim;
  ${define === 'before' ? 'claim();' : ''}
})();
</script>`;
}

interface Seen {
  json: string;
  keyAndTextEvents: { type: string; on: string; target: string }[];
  focus: string[];
  selections: string[];
  roots: number;
  internalsRoots: (string | null)[];
  hostRoots: (string | null)[];
  markup: boolean;
  /** What the page could read of the frames in window.frames: its own frames only, since an iframe in a
   * shadow tree is not listed there (the dialog's never is; the last test checks that list is empty). */
  frameAccess: string[];
}

/** Everything the page's spy gathered, and what the page can read of the prompts and their frames. */
function seenByPage(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    type Spy = {
      events: { type: string; on: string; target: string }[];
      internals: ElementInternals[];
      roots: ShadowRoot[];
      focus: Set<string>;
      selections: Set<string>;
    };
    const spy = (window as unknown as { __spy: Spy }).__spy;
    const frameAccess: string[] = [];
    for (let i = 0; i < window.frames.length; i++) {
      const frame = window.frames[i]!;
      for (const [what, read] of [
        ['document', () => frame.document.body.textContent],
        ['location', () => frame.location.href],
        ['name', () => frame.name],
      ] as const) {
        try {
          frameAccess.push(`${what}: ${String(read())}`);
        } catch (error) {
          frameAccess.push(`${what}: ${(error as Error).name}`);
        }
      }
    }
    const hosts = [...document.querySelectorAll('running-for-prompt')];
    return {
      json: JSON.stringify({ events: spy.events, focus: [...spy.focus], selections: [...spy.selections], frameAccess }),
      keyAndTextEvents: spy.events.filter((event) => !['focus', 'blur', 'focusin', 'focusout', 'selectionchange'].includes(event.type)),
      focus: [...spy.focus].sort(),
      selections: [...spy.selections],
      roots: spy.roots.length,
      internalsRoots: spy.internals.map((internals) => (internals.shadowRoot ? internals.shadowRoot.mode : null)),
      hostRoots: hosts.map((host) => (host.shadowRoot ? host.shadowRoot.mode : null)),
      // Reading the page's markup as a page script would (the lint rule is about writing markup).
      // eslint-disable-next-line no-restricted-properties
      markup: document.documentElement.outerHTML.includes('Three new clients'),
      frameAccess,
    };
  });
}

/** Clear what the spy has recorded so far (the page's own load, the chip's click). */
const resetSpy = (page: Page) =>
  page.evaluate(() => {
    const spy = (window as unknown as { __spy: { events: unknown[]; focus: Set<string>; selections: Set<string> } }).__spy;
    spy.events.length = 0;
    spy.focus.clear();
    spy.selections.clear();
  });

/** What none of the page's records may hold: the aim, and every word the user typed, composed or pasted. */
function expectNothingLeaked(seen: Seen): void {
  for (const secret of [AIM, 'Three new clients', 'Quartzlemon', 'lemon', COMPOSED, '秘密', '顧客', PASTED, 'Zephyr']) {
    expect(seen.json, `the page saw "${secret}"`).not.toContain(secret);
  }
  expect(seen.markup).toBe(false);
  // No root of ours was made through the page's patched prototypes, and none is reachable from the page.
  expect(seen.roots).toBe(0);
  expect(seen.internalsRoots.every((root) => root === null)).toBe(true);
  expect(seen.hostRoots.every((root) => root === null)).toBe(true);
  // The dialog's frame is another origin: its document and address are closed to the page.
  for (const access of seen.frameAccess.filter((line) => !line.startsWith('name:'))) expect(access).toMatch(/: SecurityError$/);
}

async function hostilePage(context: BrowserContext, extensionId: string, define: 'none' | 'before' | 'after'): Promise<Page> {
  await setAim(context, extensionId);
  await serveWith(context, 'https://x.com/jane', 'x', 'profile-other.html', spyScript(define));
  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  return page;
}

/**
 * A user writes an outcome in the open dialog: typed keys, an IME composition, a cut and a paste, a
 * select-all; then reads and selects the aim; then saves. Returns the title the journal should hold.
 */
async function writeOutcome(page: Page, probe: PromptProbe): Promise<string> {
  await expect.poll(() => probe.text('.aim-text')).toBe(AIM);
  const frame = await probe.dialog();
  // Select the aim as a user would, by a triple click on it.
  await frame.locator('.aim-text').click({ clickCount: 3 });
  await probe.click('Log an outcome');
  await page.keyboard.type(TYPED);
  // An IME composition, committed (the DevTools protocol's input domain, as an input method does).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'ひみつ', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: COMPOSED });
  // Cut the composed words and paste them back; then paste more, copied from the dialog itself.
  for (let i = 0; i < COMPOSED.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+X');
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.type(` ${PASTED}`);
  for (let i = 0; i < PASTED.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+C');
  await page.keyboard.press('End');
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('ControlOrMeta+A');
  const title = `${TYPED}${COMPOSED} ${PASTED}${PASTED}`;
  expect(await frame.locator('input').first().inputValue()).toBe(title);
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await probe.click('Save');
  await expect.poll(() => probe.text('[role="status"]')).toContain('Saved');
  return title;
}

test('a page listening to everything in the capture phase, with prototypes patched, learns nothing of the aim or of what is typed', async ({
  context,
  extensionId,
}) => {
  const page = await hostilePage(context, extensionId, 'none');
  const probe = await PromptProbe.on(page, 'followers');
  expect(await probe.shadowRootType()).toBe('closed');
  await openByClick(page, probe, 'followers');
  await resetSpy(page);
  const title = await writeOutcome(page, probe);
  // Read before the dialog closes: after, the focus is back on the chip, in the page, whose keys it sees.
  const seen = await seenByPage(page);
  expectNothingLeaked(seen);
  // Not one key, input, clipboard, composition or selection event reached the page while the user typed.
  expect(seen.keyAndTextEvents).toEqual([]);
  // Focus, as the page sees it: on the prompt's host (retargeted), or its own body — never what inside.
  expect(seen.focus.filter((name) => !['body', 'running-for-prompt'].includes(name))).toEqual([]);
  // The user's words did arrive where they were meant to.
  const backup = await exportBackup(context, extensionId);
  expect(backup.outcomes).toEqual([expect.objectContaining({ title, siteId: 'x' })]);
});

test('a page that defines running-for-prompt first gets no prompt, no root and nothing to read', async ({ context, extensionId }) => {
  const page = await hostilePage(context, extensionId, 'before');
  // The page's counts are read (the page is the x fixture): the content script has read the page, and
  // placed no prompt in a host the page claimed.
  expect((await liveLayerSettled(context, page, extensionId)).passes).toBeGreaterThan(0);
  await expect(page.locator('running-for-prompt')).toHaveCount(0);
  const seen = await seenByPage(page);
  expectNothingLeaked(seen);
  // The page's constructor ran for the element the content script made to check, and got no root.
  expect(await page.evaluate(() => (window as unknown as { __spy: { constructed: number } }).__spy.constructed)).toBeGreaterThan(0);
  expect(seen.internalsRoots).not.toEqual([]);
  expect(page.frames().filter((frame) => frame.url().includes('/prompt.html'))).toEqual([]);
});

test('a page that defines running-for-prompt once the prompts are there gets no root, and the dialog still works sealed', async ({
  context,
  extensionId,
}) => {
  const page = await hostilePage(context, extensionId, 'after');
  const probe = await PromptProbe.on(page, 'followers');
  await page.evaluate(() => (window as unknown as { __claim(): void }).__claim());
  // The existing hosts were upgraded to the page's class: its constructor ran on each, with internals.
  expect(await page.evaluate(() => (window as unknown as { __spy: { constructed: number } }).__spy.constructed)).toBe(2);
  await openByClick(page, probe, 'followers');
  await resetSpy(page);
  await writeOutcome(page, probe);
  const seen = await seenByPage(page);
  expectNothingLeaked(seen);
  expect(seen.internalsRoots).toEqual([null, null]);
  expect(seen.keyAndTextEvents).toEqual([]);
});

test("the page cannot reach the dialog's frame, press its buttons, forge its messages or frame the dialog itself", async ({
  context,
  extensionId,
}) => {
  const page = await hostilePage(context, extensionId, 'none');
  const probe = await PromptProbe.on(page, 'followers');
  await openByClick(page, probe, 'followers');
  await expect.poll(() => probe.text('.aim-text')).toBe(AIM);
  const box = (await probe.box('button.primary'))!;
  const attempts = await page.evaluate(
    async ({ x, y, extensionId }) => {
      const results: string[] = [];
      // The dialog's frame is in the chip's shadow tree: not one of window.frames, so the page holds no
      // reference to its window at all (nothing to post to, navigate or read).
      results.push(`frames: ${window.frames.length}`);
      // Nor does its timeline name it: no resource, navigation or script entry with the frame's address.
      const timeline = JSON.stringify(performance.getEntries());
      results.push(`timeline: ${/extension:|prompt\.html/.test(timeline) ? 'names the frame' : 'silent'}`);
      // What is under the dialog's "Log an outcome" button, to the page: the host, never the button.
      const under = document.elementFromPoint(x, y);
      results.push(`elementFromPoint: ${under?.localName}`);
      // Synthetic presses on it and a click on the host: the page's events never enter the other document.
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click'])
        under?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
      (under as HTMLElement | null)?.click();
      // Keys at the focused element: Enter and Space, as a page script can dispatch them.
      for (const key of ['Enter', ' '])
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      // Messages shaped like the chip's, with and without a port, to every window the page can reach.
      for (const target of [window, ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i]!)]) {
        const channel = new MessageChannel();
        target.postMessage({ rf: 'connect', token: '0'.repeat(32) }, '*', [channel.port2]);
        target.postMessage(
          {
            rf: 'open',
            count: { site: 'x', metric: 'followers', value: 1, approximate: false, own: false, text: 'forged' },
            theme: 'dark',
          },
          '*',
        );
      }
      // Framing the prompt page itself, at the extension's own address (no per-session address known).
      const own = document.createElement('iframe');
      own.src = `chrome-extension://${extensionId}/prompt.html`;
      document.body.append(own);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      try {
        results.push(`own frame: ${own.contentDocument ? 'readable' : 'closed'}`);
      } catch (error) {
        results.push(`own frame: ${(error as Error).name}`);
      }
      return results;
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2, extensionId },
  );
  expect(attempts).toEqual(['frames: 0', 'timeline: silent', 'elementFromPoint: running-for-prompt', 'own frame: closed']);
  // Nothing the page did pressed anything: the answers are still there, no form opened, nothing stored.
  expect(await probe.dialogOpen()).toBe(true);
  expect(await probe.text('#rf-heading')).not.toContain('forged');
  expect(await (await probe.dialog()).locator('form, .form').first().isVisible()).toBe(false);
  // The page's own frame of the prompt page was refused by the browser (use_dynamic_url): the one prompt
  // page in the tab is the chip's.
  const framed = page.frames().filter((frame) => frame.url().includes('/prompt.html'));
  expect(framed).toEqual([await probe.dialog()]);
  const backup = await exportBackup(context, extensionId);
  expect(backup.reflections).toEqual([]);
  expect(backup.outcomes).toEqual([]);
  expectNothingLeaked(await seenByPage(page));
});
