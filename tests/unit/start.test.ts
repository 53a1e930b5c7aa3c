/**
 * `npm start`: its arguments, the Chromium lookup, the offline router, and the demo gallery's promise
 * that every site with declared hosts has a demo page on which detection finds counts.
 * (Launching the browser itself is exercised by running `npm start`.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChromiumNotFound, findChromium, NO_CHROMIUM, type ChromiumLookup } from '../../utils/cli/chromium';
import { DEMO_DIR, DEMO_PAGES, GALLERY_URL, demoHtml, galleryHtml, notInDemoHtml, routeFor } from '../../utils/cli/demo-gallery';
import { DEFAULT_OUT, chromiumArgs, hasDisplay, main, parseArgs, UsageError } from '../../utils/cli/start';
import { detect } from '../../utils/detection/detect';
import { adapterFor, adapters, hostMatches } from '../../utils/sites';
import { parseWith } from './fixture-dom';

describe('npm start arguments', () => {
  it('defaults to choosing by display, screenshots in .output/demo-screenshots, light scheme', () => {
    expect(parseArgs([])).toEqual({ mode: 'auto', out: DEFAULT_OUT, dark: false, help: false });
  });

  it('accepts --headless, --headed, --dark and --out in both spellings', () => {
    expect(parseArgs(['--headless', '--out', 'shots'])).toMatchObject({ mode: 'headless', out: 'shots' });
    expect(parseArgs(['--out=/tmp/x', '--dark'])).toMatchObject({ mode: 'auto', out: '/tmp/x', dark: true });
    expect(parseArgs(['--headed'])).toMatchObject({ mode: 'headed' });
    expect(parseArgs(['--headless', '--headless'])).toMatchObject({ mode: 'headless' });
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--verbose'], 'unknown option --verbose'],
    [['x.com'], 'unexpected argument x.com'],
    [['--out'], '--out needs a folder'],
    [['--out='], '--out needs a folder'],
    [['--out', 'a', '--out', 'b'], '--out given twice'],
    [['--headed', '--headless'], 'give --headed or --headless, not both'],
    [['--headed', '--out', 'a'], '--out is for headless runs (screenshots)'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });

  it('prints the usage and exits 2 on a bad argument, before looking for a build or a browser', async () => {
    let out = '';
    let err = '';
    const io = { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } };
    expect(await main(['--nope'], io)).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('start: unknown option --nope\nusage: npm start [-- --headed | --headless] [--out DIR] [--dark]\n');
    expect(await main(['--help'], io)).toBe(0);
    expect(out).toContain('usage: npm start');
  });

  it('needs a display on Linux, never on macOS or Windows', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'freebsd')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });

  it('loads only the built extension, quietly, and drops the sandbox only as root', () => {
    const args = chromiumArgs('/ext', false);
    expect(args).toEqual(
      expect.arrayContaining([
        '--disable-extensions-except=/ext',
        '--load-extension=/ext',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ]),
    );
    expect(args).not.toContain('--no-sandbox');
    expect(chromiumArgs('/ext', true)).toContain('--no-sandbox');
  });
});

describe('finding Chromium', () => {
  const lookup = (files: string[], env: Record<string, string> = {}, bundled?: string): ChromiumLookup => ({
    env,
    exists: (path) => files.includes(path),
    bundled: () => bundled,
  });

  it('prefers $CHROMIUM_PATH, then $CHROME_PATH', () => {
    const files = ['/opt/a/chrome', '/opt/b/chrome', '/usr/bin/chromium'];
    expect(findChromium(lookup(files, { CHROMIUM_PATH: '/opt/a/chrome', CHROME_PATH: '/opt/b/chrome' }))).toBe('/opt/a/chrome');
    expect(findChromium(lookup(files, { CHROME_PATH: '/opt/b/chrome' }))).toBe('/opt/b/chrome');
  });

  it('says so when a variable points nowhere, instead of quietly using another browser', () => {
    expect(() => findChromium(lookup(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope' }))).toThrow(
      new ChromiumNotFound('CHROMIUM_PATH is set to /nope, but there is no file there.'),
    );
  });

  it('then tries system installs in order, then Playwright’s own browser', () => {
    expect(findChromium(lookup(['/usr/bin/google-chrome', '/usr/bin/chromium']))).toBe('/usr/bin/chromium');
    expect(findChromium(lookup(['/usr/bin/google-chrome']))).toBe('/usr/bin/google-chrome');
    expect(findChromium(lookup(['/pw/chrome'], {}, '/pw/chrome'))).toBe('/pw/chrome');
  });

  it('explains how to get one when there is none (or Playwright names a browser it never downloaded)', () => {
    expect(() => findChromium(lookup([], {}, '/pw/missing'))).toThrow(new ChromiumNotFound(NO_CHROMIUM));
    expect(NO_CHROMIUM).toMatch(/CHROMIUM_PATH/);
  });
});

describe('the offline router', () => {
  const demo = DEMO_PAGES[0];

  it('serves the gallery, the demo pages under their real URLs, and lets the extension load', () => {
    expect(routeFor(GALLERY_URL, true)).toEqual({ kind: 'gallery' });
    expect(routeFor(demo?.url ?? '', true)).toEqual({ kind: 'demo', page: demo });
    expect(routeFor(`${demo?.url}#top`, true)).toEqual({ kind: 'demo', page: demo });
    expect(routeFor('chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', false)).toEqual({ kind: 'continue' });
  });

  it('answers other pages with "not part of the demo" and refuses every other request', () => {
    expect(routeFor('https://x.com/sam_reader/following', true)).toEqual({ kind: 'not-in-demo' });
    expect(routeFor('https://example.com/', true)).toEqual({ kind: 'not-in-demo' });
    expect(routeFor('https://x.com/favicon.ico', false)).toEqual({ kind: 'abort' });
    expect(routeFor(`${GALLERY_URL}favicon.ico`, false)).toEqual({ kind: 'abort' });
    expect(routeFor(demo?.url ?? '', false)).toEqual({ kind: 'abort' });
  });

  it('names the missing page’s host as text', () => {
    const html = notInDemoHtml('https://x.com/<b>/following');
    expect(html).toContain('on x.com is not here');
    expect(html).toContain(`href="${GALLERY_URL}"`);
  });
});

describe('the demo gallery', () => {
  const declared = adapters.filter((adapter) => adapter.hosts.length > 0);

  it('has exactly one demo page for every adapter with declared hosts, served under that site’s URL', () => {
    expect(DEMO_PAGES.map((page) => page.site).sort()).toEqual(declared.map((adapter) => adapter.id).sort());
    for (const page of DEMO_PAGES) {
      expect(adapterFor(new URL(page.url)).id).toBe(page.site);
      expect(existsSync(`${DEMO_DIR}${page.site}.html`)).toBe(true);
    }
  });

  it('links every demo page from the gallery, once, and explains Mastodon there', () => {
    const gallery = galleryHtml();
    const links = [...gallery.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]);
    expect(links.sort()).toEqual(DEMO_PAGES.map((page) => page.url).sort());
    expect(gallery).toMatch(/Mastodon/);
    // The gallery's own host belongs to no adapter, so the extension stays out of it.
    const galleryHost = new URL(GALLERY_URL).hostname;
    expect(adapters.some((adapter) => adapter.hosts.some((host) => hostMatches(galleryHost, host)))).toBe(false);
  });

  for (const page of DEMO_PAGES) {
    it(`${page.site}: the served page has the demo banner and counts the adapter detects`, () => {
      const html = demoHtml(page);
      expect(html).toContain('Running For demo</strong> — a sample page, not the real site.');
      // Demo pages are static: a script could behave differently offline, and pages must never need one.
      expect(readFileSync(`${DEMO_DIR}${page.site}.html`, 'utf8')).not.toMatch(/<script|\son[a-z]+=/i);
      const detections = detect(parseWith('happy-dom', html, page.url), page.url);
      expect(detections.length).toBeGreaterThan(0);
      expect(new Set(detections.map((detection) => detection.site))).toEqual(new Set([page.site]));
    });
  }

  it('shows both kinds of prompt: some pages are the visitor’s own profile, some someone else’s', () => {
    const owns = DEMO_PAGES.map((page) => detect(parseWith('linkedom', demoHtml(page), page.url), page.url).some((d) => d.own));
    expect(owns).toContain(true);
    expect(owns).toContain(false);
  });
});
