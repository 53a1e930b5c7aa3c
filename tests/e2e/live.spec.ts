/**
 * The live layer in real Chromium, on pages served under x.com's real URLs: counts re-rendered by the
 * page's own script, twenty single-page navigations, a 2,000-item timeline inserted at once, a
 * framework that removes our host, and not one network request of the extension's own.
 */
import type { BrowserContext, Page, Request } from '@playwright/test';
import { expect, fixtureHtml, test } from './extension';

interface Profile {
  handle: string;
  following?: string;
  followers?: string;
}

/** X's profile header markup (as in tests/fixtures/x): a link per count, number span then label span. */
function header({ handle, following, followers }: Profile): string {
  const count = (suffix: string, number: string, label: string) =>
    `<div><a href="/${handle}/${suffix}" role="link"><span><span>${number}</span></span> <span><span>${label}</span></span></a></div>`;
  const counts = [
    following && count('following', following, 'Following'),
    followers && count('verified_followers', followers, 'Followers'),
  ];
  return `<div data-testid="UserName"><span>@${handle}</span></div><div id="counts">${counts.filter(Boolean).join('')}</div>`;
}

function page(body: string, script = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>X</title></head><body>
<div id="react-root"><main role="main"><div data-testid="primaryColumn" id="column">${body}</div></main></div>
<div id="layers"></div>
<script>${script}</script></body></html>`;
}

async function serve(context: BrowserContext, url: string, html: string) {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

/** Every host, with the href of the count it sits beside. */
async function prompts(tab: Page) {
  return tab
    .locator('running-for-prompt')
    .evaluateAll((hosts) =>
      hosts.map(
        (host) =>
          ({ ...(host as HTMLElement).dataset, after: host.previousElementSibling?.getAttribute('href') ?? null }) as Record<
            string,
            string | null
          >,
      ),
    );
}

test('a count the page re-renders in place ("12.3K" → "12.4K") updates its prompt', async ({ context }) => {
  // The site's own script re-renders the number once the prompt is there, as X does when a count changes.
  const script = `
    const timer = setInterval(() => {
      if (!document.querySelector('running-for-prompt[data-metric="followers"]')) return;
      clearInterval(timer);
      document.querySelector('a[href="/jane/verified_followers"] span span').textContent = '12.4K';
    }, 20);`;
  await serve(context, 'https://x.com/jane', page(header({ handle: 'jane', following: '75', followers: '12.3K' }), script));
  const tab = await context.newPage();
  await tab.goto('https://x.com/jane');
  await expect(tab.locator('running-for-prompt[data-metric="followers"]')).toHaveAttribute('data-value', '12400');
  expect(await prompts(tab)).toEqual([
    { site: 'x', metric: 'following', value: '75', own: 'false', after: '/jane/following' },
    { site: 'x', metric: 'followers', value: '12400', own: 'false', after: '/jane/verified_followers' },
  ]);
});

test('a count of a shape seen before is placed from memory, then moved where the page’s styles want it', async ({ context }) => {
  // The header's count rows are column flex boxes (React Native Web), so their hosts go inside the count;
  // the same markup in #layers is ordinary flow, where a host belongs beside the count. The hovercard's
  // counts arrive after the header's: placed from memory (inside), then corrected when the page is idle.
  const style = `<style>#column .row { display: flex; flex-direction: column; }</style>`;
  const row = (handle: string, number: string) =>
    `<div class="row"><a class="count" href="/${handle}/verified_followers" role="link"><span>` +
    `<span>${number}</span></span> <span><span>Followers</span></span></a></div>`;
  const script = `
    // Where the hovercard's host first appeared (the page sees our light-DOM host like any node).
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) {
        if (node.localName === 'running-for-prompt' && node.closest('#layers') && !window.firstPlacement) {
          window.firstPlacement = node.parentElement.matches('a.count') ? 'inside' : 'beside';
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
    window.showCard = () => {
      const card = document.createElement('div');
      card.setAttribute('data-testid', 'HoverCard');
      card.innerHTML = ${JSON.stringify(row('sam', '2.1K'))};
      document.getElementById('layers').append(card);
    };`;
  await serve(context, 'https://x.com/jane', page(`${style}${row('jane', '12.3K')}`, script));
  const tab = await context.newPage();
  await tab.goto('https://x.com/jane');
  const host = (handle: string) => tab.locator(`a[href="/${handle}/verified_followers"]`).locator('xpath=..').locator('running-for-prompt');
  await expect(tab.locator('#column a.count > running-for-prompt')).toHaveCount(1);
  await tab.evaluate(() => (window as unknown as { showCard(): void }).showCard());
  await expect(host('sam')).toHaveCount(1);
  expect(await tab.evaluate(() => (window as unknown as { firstPlacement?: string }).firstPlacement)).toBe('inside');
  // Beside the hovercard's count once checked: the count's next sibling, not its last child.
  await expect(tab.locator('#layers a.count + running-for-prompt')).toHaveCount(1);
  await expect(tab.locator('#layers a.count > running-for-prompt')).toHaveCount(0);
  // The header's host stayed inside its count.
  await expect(tab.locator('#column a.count > running-for-prompt')).toHaveCount(1);
});

test('twenty single-page navigations leave exactly one prompt per visible count', async ({ context }) => {
  const profiles: Profile[] = Array.from({ length: 21 }, (_, i) => ({
    handle: `user${i}`,
    // Some profiles show both counts, some one; every fifth page is a post with no header at all.
    following: i % 3 === 1 ? undefined : String(100 + i),
    followers: i % 5 === 4 ? undefined : `${i + 1}.${i % 10}K`,
  }));
  const pageFor = (i: number) => (i % 5 === 4 && i % 3 === 1 ? `/user${i}/status/17900000000000000${i}` : `/user${i}`);
  // A small single-page app: pushState, then either replace the header (a new render) or rewrite the
  // numbers and links of the existing one in place (a framework reusing its nodes).
  const script = `
    const profiles = ${JSON.stringify(profiles)};
    const header = ${header.toString()};
    window.go = (i, path) => {
      history.pushState({}, '', path);
      const column = document.getElementById('column');
      const profile = profiles[i];
      const reuse = i % 2 === 1 && column.querySelectorAll('a').length === 2 && profile.following && profile.followers;
      if (reuse) {
        const [following, followers] = column.querySelectorAll('a');
        following.setAttribute('href', '/' + profile.handle + '/following');
        following.querySelector('span span').textContent = profile.following;
        followers.setAttribute('href', '/' + profile.handle + '/verified_followers');
        followers.querySelector('span span').textContent = profile.followers;
        column.querySelector('[data-testid="UserName"] span').textContent = '@' + profile.handle;
      } else {
        const next = document.createElement('div');
        next.setAttribute('data-testid', 'primaryColumn');
        next.id = 'column';
        next.insertAdjacentHTML('afterbegin', path.includes('/status/') ? '<p>A post</p>' : header(profile));
        column.replaceWith(next);
      }
    };`;
  await context.route('https://x.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page(header(profiles[0]!), script) }),
  );
  const tab = await context.newPage();
  await tab.goto('https://x.com/user0');
  await expect(tab.locator('running-for-prompt')).toHaveCount(2);

  for (let i = 1; i <= 20; i++) {
    const path = pageFor(i);
    await tab.evaluate(
      ([index, to]) => (window as unknown as { go(i: number, p: string): void }).go(index as number, to as string),
      [i, path],
    );
    const profile = profiles[i]!;
    const expected = path.includes('/status/')
      ? []
      : [
          ...(profile.following ? [{ metric: 'following', after: `/${profile.handle}/following` }] : []),
          ...(profile.followers ? [{ metric: 'followers', after: `/${profile.handle}/verified_followers` }] : []),
        ];
    await expect
      .poll(async () => (await prompts(tab)).map(({ metric, after }) => ({ metric, after })), {
        message: `after navigation ${i} to ${path}`,
      })
      .toEqual(expected);
    // The prompt shows this profile's number, not the previous one's.
    if (profile.followers) {
      const value = String(Math.round(parseFloat(profile.followers) * 1000));
      await expect(tab.locator('running-for-prompt[data-metric="followers"]')).toHaveAttribute('data-value', value);
    }
  }
  const counts = await tab.locator('#column a[href$="/following"], #column a[href$="/verified_followers"]').count();
  await expect(tab.locator('running-for-prompt')).toHaveCount(counts);
});

test('a timeline that inserts 2,000 items at once keeps working and prompts only the real counts', async ({ context }) => {
  // Each post links to someone's followers (trap content); the header holds the only real counts.
  const script =
    `
    window.addPosts = (n) => {
      const list = document.getElementById('timeline');
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < n; i++) {
        const cell = document.createElement('div');
        cell.setAttribute('data-testid', 'cellInnerDiv');
        cell.innerHTML = '<article data-testid="tweet"><div data-testid="tweetText"><span>Post ' + i + '</span></div>' +
          '<a href="/someone' + i + '/verified_followers"><span><span>' + (i + 1) + 'K</span>` +
    `</span> <span><span>Followers</span></span></a></article>';
        fragment.append(cell);
      }
      // Appended one by one, as a framework committing a long list does: 2,000 records in one batch.
      for (const cell of Array.from(fragment.children)) list.append(cell);
    };`;
  await serve(
    context,
    'https://x.com/jane',
    page(`${header({ handle: 'jane', following: '75', followers: '12.3K' })}<section id="timeline"></section>`, script),
  );
  const tab = await context.newPage();
  await tab.goto('https://x.com/jane');
  await expect(tab.locator('running-for-prompt')).toHaveCount(2);
  await tab.evaluate(() => (window as unknown as { addPosts(n: number): void }).addPosts(2000));
  await expect(tab.locator('#timeline [data-testid="cellInnerDiv"]')).toHaveCount(2000);

  // Still working: a count changed in place and a hovercard that appears both get their prompts.
  await tab.evaluate(() => {
    document.querySelector('a[href="/jane/verified_followers"] span span')!.textContent = '12.5K';
    const card = document.createElement('div');
    card.dataset.testid = 'HoverCard';
    const link = document.createElement('a');
    link.setAttribute('href', '/bob/following');
    const number = document.createElement('span');
    number.append(Object.assign(document.createElement('span'), { textContent: '310' }));
    const label = document.createElement('span');
    label.append(Object.assign(document.createElement('span'), { textContent: 'Following' }));
    link.append(number, ' ', label);
    card.append(document.createElement('div'));
    card.firstElementChild!.append(link);
    document.getElementById('layers')!.append(card);
  });
  await expect(tab.locator('running-for-prompt[data-metric="followers"]')).toHaveAttribute('data-value', '12500');
  await expect(tab.locator('#layers running-for-prompt')).toHaveCount(1);
  await expect(tab.locator('running-for-prompt')).toHaveCount(3);
  await expect(tab.locator('#timeline running-for-prompt')).toHaveCount(0);
});

test('a host the site’s framework removes comes back once, then that count is left alone', async ({ context }) => {
  // A framework that owns the followers row and removes anything it did not render, every time.
  const script = `
    window.removals = 0;
    new MutationObserver(() => {
      const row = document.querySelector('a[href="/jane/verified_followers"]').parentElement;
      for (const node of Array.from(row.children)) {
        if (node.localName === 'running-for-prompt') { node.remove(); window.removals++; }
      }
    }).observe(document.body, { childList: true, subtree: true });`;
  await serve(context, 'https://x.com/jane', page(header({ handle: 'jane', following: '75', followers: '12.3K' }), script));
  const tab = await context.newPage();
  await tab.goto('https://x.com/jane');
  await expect(tab.locator('running-for-prompt[data-metric="following"]')).toHaveCount(1);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { removals: number }).removals)).toBe(2);
  // More changes around that count give the framework nothing more to remove.
  await tab.evaluate(() => {
    document.querySelector('a[href="/jane/verified_followers"] span span')!.textContent = '12.4K';
    document.querySelector('a[href="/jane/following"] span span')!.textContent = '76';
  });
  await expect(tab.locator('running-for-prompt[data-metric="following"]')).toHaveAttribute('data-value', '76');
  expect(await tab.evaluate(() => (window as unknown as { removals: number }).removals)).toBe(2);
  await expect(tab.locator('running-for-prompt[data-metric="followers"]')).toHaveCount(0);
  // The site's own nodes are where they were.
  expect(await tab.locator('a[href="/jane/verified_followers"]').evaluate((link) => link.parentElement?.children.length)).toBe(1);
});

test('the extension makes no network request of its own', async ({ context, extensionId }) => {
  const requests: Request[] = [];
  context.on('request', (request) => requests.push(request));
  const url = 'https://x.com/sam_reader';
  await serve(context, url, fixtureHtml('x', 'profile-own.html'));
  const tab = await context.newPage();
  await tab.goto(url);
  await expect(tab.locator('running-for-prompt')).toHaveCount(4);
  // Use the page: input, scrolling, a count changing (snapshots and activity are messages, not requests).
  await tab.mouse.move(10, 10);
  await tab.keyboard.press('j');
  await tab.mouse.wheel(0, 200);
  await tab.evaluate(() => {
    document.querySelector('a[href="/sam_reader/verified_followers"] span span')!.textContent = '1.3M';
  });
  await expect(tab.locator('running-for-prompt[data-metric="followers"]').first()).toHaveAttribute('data-value', '1300000');
  // Leaving the page flushes the activity (pagehide).
  await tab.close({ runBeforeUnload: true });

  // What was recorded reached the journal: the own counts as snapshots (read from an extension page).
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/popup.html`);
  const journal = () =>
    dashboard.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('running-for');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = (store: string) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const result = { snapshots: await all('snapshots'), activity: await all('activity') };
      db.close();
      return result;
    });
  // Within the hour a change replaces the last row of its metric (journal.ts SNAPSHOT_INTERVAL_MS): the
  // 1.3M read seconds after 1.2M leaves one followers row, holding the latest value.
  await expect
    .poll(async () =>
      (await journal()).snapshots
        .map(({ siteId, metric, value }) => ({ siteId, metric: String(metric), value }))
        .sort((a, b) => a.metric.localeCompare(b.metric)),
    )
    .toEqual([
      { siteId: 'x', metric: 'followers', value: 1300000 },
      { siteId: 'x', metric: 'following', value: 2181 },
    ]);
  // Bob's counts in the hovercard are someone else's: never recorded.
  expect((await journal()).snapshots.some(({ value }) => value === 310 || value === 4024)).toBe(false);
  // Activity arrives with the flush when the page is left: four counts seen, four prompts on screen.
  await expect
    .poll(async () => (await journal()).activity)
    .toEqual([expect.objectContaining({ siteId: 'x', metricsSeen: 4, promptsShown: 4 })]);
  await dashboard.close();

  const pageRequests = requests.filter((request) => !request.url().startsWith(`chrome-extension://${extensionId}/`));
  expect(pageRequests.map((request) => request.url())).toEqual([url]);
  expect(requests.filter((request) => request.serviceWorker())).toEqual([]);

  // The check can see a service-worker request: one made on purpose shows up.
  const [worker] = context.serviceWorkers();
  await worker!.evaluate(() => fetch('https://example.org/probe').catch(() => undefined));
  await expect
    .poll(() => requests.filter((request) => request.serviceWorker()).map((request) => request.url()))
    .toEqual(['https://example.org/probe']);
});
