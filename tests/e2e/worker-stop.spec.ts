/**
 * The background's service worker stopped in the middle of writes (Chrome stops idle workers, and kills
 * busy ones after five minutes; DevTools' ServiceWorker.stopWorker does it at once): every answer is
 * stored whole — its outcome and its reflection — or not at all, and the next message starts the worker
 * again, which opens the journal again and stores it. The stop lands mid-write for sure: an extension
 * page holds the stores, so the answers' transactions are made and waiting when the worker goes.
 */
import { expect, readStore, test } from './extension';
import { openPromptFrame } from './prompt-probe';

const ANSWERS = 12;

test('a service worker stopped while it writes leaves each answer whole or absent, and the next message reopens the journal', async ({
  context,
  extensionId,
  serveFixture,
}) => {
  // DevTools' stop, from an extension page of the same storage partition as the worker (opened first: the
  // dialog closes when its tab is left).
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
  const cdp = await context.newCDPSession(extensionPage);
  const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: typeof versions }) => versions.push(...event.versions));
  await cdp.send('ServiceWorker.enable');
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const site = await context.newPage();
  await site.goto('https://x.com/jane');
  const frame = await openPromptFrame(site);
  const answer = (n: number) => ({
    siteId: 'x',
    metric: 'followers',
    value: 12300,
    own: false,
    answer: 'outcome',
    outcome: { title: `Answer ${n}`, kind: 'client' },
  });
  const ask = (message: unknown) =>
    frame.evaluate(
      (m) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
      message,
    );
  // The journal is open in the worker before the burst.
  expect(await ask({ type: 'prompt/aim' })).toMatchObject({ ok: true });

  // The worker's writes are held in the middle: an extension page keeps a write transaction on the same
  // stores open, so the answers' transactions are made and wait (IndexedDB runs them in order).
  await extensionPage.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('running-for');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['outcomes', 'reflections'], 'readwrite');
          const store = tx.objectStore('outcomes');
          const state = { release: false };
          (globalThis as unknown as { lock: typeof state }).lock = state;
          // A transaction stays open while it has requests: ask again until released.
          const spin = () => {
            if (!state.release) store.count().onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => db.close();
          resolve();
        };
      }),
  );
  // A burst of answers, each one's fate noted where it was sent.
  await frame.evaluate(
    ({ count, make }) => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const fates: string[] = [];
      (globalThis as unknown as { fates: string[] }).fates = fates;
      for (let n = 0; n < count; n++) {
        runtime.sendMessage({ type: 'prompt/answer', answer: { ...make, outcome: { ...make.outcome, title: `Answer ${n}` } } }).then(
          (response) => fates.push(JSON.stringify(response)),
          (error: unknown) => fates.push(`failed: ${String(error)}`),
        );
      }
    },
    { count: ANSWERS, make: answer(0) },
  );
  // The answers reach the worker and wait on the held stores; then the worker is stopped under them.
  await expect.poll(() => versions.at(-1)?.runningStatus).toBe('running');
  await site.waitForTimeout(300);
  const running = versions.findLast((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'running');
  expect(running, 'the background worker is running').toBeDefined();
  await cdp.send('ServiceWorker.stopWorker', { versionId: running!.versionId });
  // DevTools reports the version's status as it changes: running → stopping → stopped.
  await expect.poll(() => versions.at(-1)?.runningStatus, { message: 'the worker stopped' }).toBe('stopped');
  await extensionPage.evaluate(() => ((globalThis as unknown as { lock: { release: boolean } }).lock.release = true));
  // Every answer in flight was cut off: none was confirmed stored.
  const fates = () => frame.evaluate(() => (globalThis as unknown as { fates: string[] }).fates);
  await expect.poll(async () => (await fates()).length).toBe(ANSWERS);
  expect((await fates()).filter((fate) => fate.includes('"ok":true'))).toEqual([]);

  // The next message starts the worker again; its journal opens again and stores the answer.
  await expect
    .poll(() => ask({ type: 'prompt/answer', answer: answer(ANSWERS) }), { message: 'the worker answers again' })
    .toEqual({ ok: true });
  const outcomes = await readStore(extensionPage, 'outcomes');
  const reflections = await readStore(extensionPage, 'reflections');
  test.info().annotations.push({ type: 'stored before the stop', description: `${outcomes.length - 1} of ${ANSWERS}` });
  expect(outcomes.map((outcome) => outcome.title)).toContain(`Answer ${ANSWERS}`);
  // Whole or absent: every outcome has its one reflection, and every reflection its outcome.
  expect(reflections).toHaveLength(outcomes.length);
  const byOutcome = new Map(reflections.map((reflection) => [reflection.outcomeId, reflection]));
  for (const outcome of outcomes)
    expect(byOutcome.get(outcome.id), `the reflection of "${String(outcome.title)}"`).toMatchObject({ answer: 'outcome', siteId: 'x' });
  // Nothing written twice by a retry.
  expect(new Set(outcomes.map((outcome) => outcome.title)).size).toBe(outcomes.length);
});
