/**
 * The background's message API in real Chromium with the built extension. The content script's own
 * isolated world is reached through the DevTools protocol (Runtime.evaluate in its execution
 * context), so the round trip is the real one — Chrome's sender, the service worker, IndexedDB — and
 * production code has no test hook.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, inContentScript, readStore, test } from './extension';
import { openPromptFrame } from './prompt-probe';

/** X's profile fixture under its real URL, once the content script has prompted both counts. */
async function openXProfile(
  context: BrowserContext,
  serveFixture: (url: string, site: string, file: string) => Promise<void>,
): Promise<Page> {
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const site = await context.newPage();
  await site.goto('https://x.com/jane');
  await expect(site.locator('running-for-prompt')).toHaveCount(2);
  return site;
}

const send = (message: unknown) => `chrome.runtime.sendMessage(${JSON.stringify(message)})`;

test('a content script on x.com adds records through the background; reading, deleting and answering prompts are refused', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const site = await openXProfile(context, serveFixture);
  const evaluate = await inContentScript(context, site, extensionId);

  expect(
    await evaluate(send({ type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'followers', value: 12300, approximate: true } })),
  ).toEqual({
    ok: true,
    recorded: true,
  });
  expect(await evaluate(send({ type: 'activity/add', activity: { siteId: 'x', activeMs: 5000, promptsShown: 2 } }))).toEqual({ ok: true });

  // What a content script can never do, even with the real channel in hand: read, delete, or answer for
  // the user (answers and the aim belong to the prompt page, in the extension's own origin).
  const reflection = { siteId: 'x', metric: 'followers', value: 12300, own: false, answer: 'nothing-yet' };
  for (const forbidden of [
    { type: 'outcomes/list' },
    { type: 'reflections/list' },
    { type: 'journal/deleteAll' },
    { type: 'outcome/delete', id: 'a' },
    { type: 'aim/current' },
    { type: 'prompt/aim' },
    { type: 'prompt/answer', answer: reflection },
    { type: 'reflection/add', reflection },
  ]) {
    expect(await evaluate(send(forbidden))).toEqual({ ok: false, error: expect.stringContaining('is not a message Running For accepts') });
  }
  expect(
    await evaluate(send({ type: 'snapshot/add', snapshot: { siteId: 'linkedin', metric: 'connections', value: 5, approximate: false } })),
  ).toEqual({
    ok: false,
    error: 'Refused: a page on x cannot report for site "linkedin".',
  });
  expect(await evaluate(send({ type: 'activity/add', activity: { siteId: 'x', activeMs: 5000, day: '2020-01-01' } }))).toMatchObject({
    ok: false,
  });

  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
  expect(await readStore(extensionPage, 'reflections')).toEqual([]);
  const [snapshot] = await readStore(extensionPage, 'snapshots');
  expect(snapshot).toMatchObject({ siteId: 'x', metric: 'followers', value: 12300, approximate: true });
  expect(Date.now() - Date.parse(snapshot!.at as string)).toBeLessThan(60_000);
  expect(await readStore(extensionPage, 'activity')).toMatchObject([{ siteId: 'x', activeMs: 5000, promptsShown: 2 }]);
  expect(await readStore(extensionPage, 'outcomes')).toEqual([]);
});

test('the prompt page, framed in x.com, reads the aim as words only and stores answers for x alone', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const site = await openXProfile(context, serveFixture);
  const frame = await openPromptFrame(site);
  const ask = (message: unknown) =>
    frame.evaluate(
      (m) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
      message,
    );
  // The first message opens (and so creates) the journal in the service worker.
  expect(await ask({ type: 'prompt/aim' })).toEqual({ ok: true, aim: null, weekOutcomes: 0 });

  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
  await extensionPage.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('running-for');
        open.onsuccess = () => {
          const tx = open.result.transaction('aims', 'readwrite');
          tx.objectStore('aims').put({
            id: 'aim-1',
            purpose: 'Independent design studio',
            aim: 'Three clients by March',
            createdAt: new Date().toISOString(),
            archivedAt: null,
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );

  // The aim's words, never the purpose.
  expect(await ask({ type: 'prompt/aim' })).toEqual({ ok: true, aim: 'Three clients by March', weekOutcomes: 0 });
  const answer = {
    siteId: 'x',
    metric: 'followers',
    value: 12300,
    own: false,
    answer: 'outcome',
    outcome: { title: 'A client from a reply', kind: 'client' },
  };
  expect(await ask({ type: 'prompt/answer', answer })).toEqual({ ok: true });
  // Framed in x.com, it answers for x only; and it sends nothing a content script sends.
  expect(await ask({ type: 'prompt/answer', answer: { ...answer, siteId: 'linkedin' } })).toEqual({
    ok: false,
    error: 'Refused: a page on x cannot report for site "linkedin".',
  });
  expect(await ask({ type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'followers', value: 1, approximate: false } })).toEqual({
    ok: false,
    error: 'Refused: not a message of the prompt page.',
  });

  const [outcome] = await readStore(extensionPage, 'outcomes');
  expect(outcome).toMatchObject({ title: 'A client from a reply', kind: 'client', note: '', siteId: 'x', aimId: 'aim-1' });
  expect(await readStore(extensionPage, 'reflections')).toMatchObject([{ answer: 'outcome', outcomeId: outcome!.id }]);
  expect(await ask({ type: 'prompt/aim' })).toEqual({ ok: true, aim: 'Three clients by March', weekOutcomes: 1 });
});

test("lang/load runs a language pack in the content script's own world, out of the page's sight", async ({
  context,
  extensionId,
  serveFixture,
}) => {
  const site = await openXProfile(context, serveFixture);
  const evaluate = await inContentScript(context, site, extensionId);
  const registered = (code: string) => `globalThis.__runningForLanguages?.packs.has(${JSON.stringify(code)}) ?? false`;
  // The page is in English: German is not here until asked for.
  expect(await evaluate(registered('de'))).toBe(false);
  expect(await evaluate(send({ type: 'lang/load', lang: 'de' }))).toEqual({ ok: true });
  expect(await evaluate(registered('de'))).toBe(true);
  // The page's own world sees none of it.
  expect(await site.evaluate(() => typeof (globalThis as { __runningForLanguages?: unknown }).__runningForLanguages)).toBe('undefined');
  expect(await evaluate(send({ type: 'lang/load', lang: 'de', file: '/background.js' }))).toEqual({
    ok: false,
    error: 'Refused lang/load: file: is not a field of this message.',
  });
  expect(await evaluate(send({ type: 'lang/load', lang: '../background' }))).toMatchObject({
    ok: false,
    error: expect.stringMatching(/^Refused lang\/load: lang: /),
  });
});

test('extension pages are not content scripts: the popup is refused and nothing is written', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const responses = await popup.evaluate(async () => {
    // Chrome's own messaging, as any script of the page could call it (not the extension's wrapper).
    const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome;
    return [
      await runtime.sendMessage({ type: 'snapshot/add', snapshot: { siteId: 'x', metric: 'followers', value: 1, approximate: false } }),
      await runtime.sendMessage({
        type: 'prompt/answer',
        answer: { siteId: 'x', metric: 'followers', value: 1, own: false, answer: 'nothing-yet' },
      }),
    ];
  });
  const refused = { ok: false, error: 'Refused: extension pages use the journal directly; this API is for content scripts.' };
  expect(responses).toEqual([refused, refused]);
  // Nothing was opened or written on the popup's behalf (the popup may have created the empty journal itself).
  const stored = await popup.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('running-for');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('reflections')) return resolve(0);
          const count = db.transaction('reflections').objectStore('reflections').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(stored).toBe(0);
});

test("the site's own scripts cannot reach the background", async ({ context, serveFixture }) => {
  // The content script is running on this page …
  const site = await openXProfile(context, serveFixture);
  // … but the page's own world has no extension messaging at all (no externally_connectable).
  const reach = await site.evaluate(() => {
    const chromeGlobal = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
    return { runtime: typeof chromeGlobal?.runtime, sendMessage: typeof chromeGlobal?.runtime?.sendMessage };
  });
  expect(reach).toEqual({ runtime: 'undefined', sendMessage: 'undefined' });
});
