import { expect, extensionWorlds, test } from './extension';

test('the extension loads with its service worker', async ({ extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
});

test('the content script runs on x.com and marks each count', async ({ context, serveFixture }) => {
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  const prompts = page.locator('running-for-prompt');
  await expect(prompts).toHaveCount(2);
  const data = await prompts.evaluateAll((hosts) =>
    hosts.map((host) => ({ ...(host as HTMLElement).dataset, after: host.previousElementSibling?.getAttribute('href') })),
  );
  expect(data).toEqual([
    { site: 'x', metric: 'following', value: '75', own: 'false', after: '/jane/following' },
    { site: 'x', metric: 'followers', value: '12300', own: 'false', after: '/jane/verified_followers' },
  ]);
  // Nothing from the posts: the tweet that links to /verified_followers got no prompt.
  await expect(page.locator('[data-testid="tweet"] running-for-prompt')).toHaveCount(0);
});

test('counts that change in place update their prompt; removed counts lose it', async ({ context, serveFixture }) => {
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const page = await context.newPage();
  await page.goto('https://x.com/jane');
  await expect(page.locator('running-for-prompt[data-metric="followers"]')).toHaveAttribute('data-value', '12300');
  // The site re-renders "12.3K" as "12.4K" in the same node.
  await page.evaluate(() => {
    const span = document.querySelector('a[href="/jane/verified_followers"] > span > span');
    if (span?.firstChild) span.firstChild.textContent = '12.4K';
  });
  await expect(page.locator('running-for-prompt[data-metric="followers"]')).toHaveAttribute('data-value', '12400');
  await page.evaluate(() => document.querySelector('a[href="/jane/following"]')?.remove());
  await expect(page.locator('running-for-prompt')).toHaveCount(1);
});

test('no content script on sites the extension does not support', async ({ context, extensionId, serveFixture }) => {
  await context.route('https://example.com/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<html lang="en"><body><a href="/jane/followers"><span>12K</span> Followers</a></body></html>',
    }),
  );
  await serveFixture('https://x.com/jane', 'x', 'profile-other.html');
  const worldsIn = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return { page, worlds: await extensionWorlds(context, page, extensionId) };
  };
  // The control: a supported page has the content script's world by then, and its prompts.
  const supported = await worldsIn('https://x.com/jane');
  expect(supported.worlds).toBe(1);
  await expect(supported.page.locator('running-for-prompt')).toHaveCount(2);
  const other = await worldsIn('https://example.com/');
  expect(other.worlds).toBe(0);
  await expect(other.page.locator('running-for-prompt')).toHaveCount(0);
});
