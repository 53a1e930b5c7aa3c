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
    // An oracle independent of the detector and of expected.json: what Chromium renders beside each
    // prompt. The nearest text around its host (as the browser lays it out: innerText) shows the count's
    // digits — all of them for an exact count, the leading ones for an abbreviated one ("12.3K": 123).
    const beside = await prompts.evaluateAll((hosts) =>
      hosts.map((host) => {
        let around: HTMLElement | null = host.parentElement;
        for (let up = 0; around && up < 4 && !/\p{Nd}/u.test(around.innerText); up++) around = around.parentElement;
        return { value: Number((host as HTMLElement).dataset.value), text: around?.innerText ?? '' };
      }),
    );
    for (const { value, text } of beside) {
      const digits = text.normalize('NFKC').replace(/(?<=\d)[ .,'’\u00a0\u202f\u066b\u066c]+(?=\d)/gu, '');
      // Shown in full, or abbreviated to its leading one to four digits, cut or rounded (2,569 as "2.5k" or
      // "2.6k"; 783,400 as "783.4K"), as a number of its own (not inside a longer one).
      const full = String(value);
      const shown = new Set([full]);
      for (let lead = 1; lead <= Math.min(4, full.length); lead++) {
        shown.add(full.slice(0, lead));
        shown.add(String(Math.round(value / 10 ** (full.length - lead))));
      }
      expect(
        [...shown].some((candidate) => new RegExp(`(?<!\\d)${candidate}(?!\\d)`).test(digits)),
        `the text beside the prompt for ${value} ("${text}") shows ${[...shown].join(' or ')}`,
      ).toBe(true);
    }
    await page.close();
  });
}
