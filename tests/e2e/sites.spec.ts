/**
 * Every fixture page of every site with declared hosts, served under its real URL in real Chromium:
 * the content script marks exactly the counts the in-DOM tests expect, with the right data attributes.
 * (Mastodon instances and generic sites are optional permissions granted at use, so they have no
 * declared content script to test here.)
 */
import { fixtureCases, fixtureSites, onDeclaredHost } from '../unit/fixture-dom';
import { expect, liveLayerSettled, test } from './extension';

const cases = fixtureSites()
  .flatMap((site) => fixtureCases(site))
  .filter((fixture) => onDeclaredHost(fixture) && !fixture.lang);

for (const fixture of cases) {
  test(`${fixture.site}/${fixture.file} under ${fixture.url}`, async ({ context, extensionId }) => {
    await context.route(fixture.url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture.html }),
    );
    const page = await context.newPage();
    await page.goto(fixture.url);
    // Counted once the page was read: a page expected to get no prompt has none because it was read so.
    expect(await liveLayerSettled(context, page, extensionId)).toMatchObject({ state: 'reframe' });
    const prompts = page.locator('running-for-prompt');
    await expect(prompts).toHaveCount(fixture.expect.length);
    const data = await prompts.evaluateAll((hosts) => hosts.map((host) => ({ ...(host as HTMLElement).dataset })));
    expect(data).toEqual(
      fixture.expect.map((item) => ({ site: fixture.site, metric: item.metric, value: String(item.value), own: String(item.own) })),
    );
    await page.close();
  });
}
