/**
 * Every fixture page with counts, of every site with declared hosts, served under its real URL in real
 * Firefox with the built Firefox package — the counterpart of tests/e2e/sites.spec.ts in Chromium: the
 * content script marks exactly the counts the in-DOM tests expect (tests/fixtures/<site>/expected.json),
 * with the right data attributes. Pages that expect no prompt are left out here: with nothing to wait for,
 * their check would pass before the content script had run.
 *
 * Run by `npm run test:firefox`, or `tsx tests/firefox/sites.ts [BUILD_DIR]`. Prints a line per page that
 * fails and a summary; exits non-zero on a failure.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTTPRequest } from 'puppeteer-core';
import { fixtureCases, fixtureSites, onDeclaredHost, type FixtureCase } from '../unit/fixture-dom';
import { firefoxSetup, launch, until } from './lib';

export function firefoxSiteCases(): FixtureCase[] {
  return fixtureSites()
    .flatMap((site) => fixtureCases(site))
    .filter((fixture) => onDeclaredHost(fixture) && !fixture.lang && fixture.expect.length > 0);
}

type Marked = Record<string, string | undefined>;

async function main(argv: string[]): Promise<number> {
  const setup = firefoxSetup(argv);
  if (!setup) return 1;
  // RUNNING_FOR_ONLY=<site>[/<file>] narrows the run, to look at one page.
  const only = process.env.RUNNING_FOR_ONLY;
  const cases = firefoxSiteCases().filter((fixture) => !only || `${fixture.site}/${fixture.file}`.startsWith(only));
  const browser = await launch(setup.firefox);
  const failures: string[] = [];
  try {
    await browser.installExtension(setup.build);
    for (const fixture of cases) {
      const name = `${fixture.site}/${fixture.file} under ${fixture.url}`;
      // A tab per page, as a person opens them: the background's budgets are per tab and minute
      // (settings/site: 60), which eighty loads in one tab within a minute would pass.
      const page = await browser.newPage();
      try {
        await page.setRequestInterception(true);
        page.on('request', (request: HTTPRequest) => {
          // The page itself, under its real address; nothing else reaches the network.
          if (request.isNavigationRequest() && request.url() === new URL(fixture.url).href) {
            void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture.html });
          } else void request.abort();
        });
        await page.goto(fixture.url);
        const want = fixture.expect.map((item) => ({
          site: fixture.site,
          metric: item.metric,
          value: String(item.value),
          own: String(item.own),
        }));
        const read = () =>
          page.evaluate(() =>
            Array.from(document.querySelectorAll('running-for-prompt'), (host) => ({ ...(host as HTMLElement).dataset }) as Marked),
          );
        const got = await until(read, (marked) => marked.length >= want.length);
        if (JSON.stringify(got) !== JSON.stringify(want))
          failures.push(`✘ ${name}\n  expected ${JSON.stringify(want)}\n  got      ${JSON.stringify(got)}`);
      } catch (error) {
        failures.push(`✘ ${name}\n  ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  for (const failure of failures) console.log(failure);
  console.log(`\nsites in Firefox: ${cases.length - failures.length} of ${cases.length} pages marked as expected`);
  return failures.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
