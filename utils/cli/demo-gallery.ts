/**
 * The demo gallery behind `npm start`: one sample profile page per site with declared hosts, each
 * served under the site's real URL so the content script injects exactly as it does on the real
 * site — with no network at all. The pages live in `assets/demo/<site>.html`; the gallery index in
 * `assets/demo/index.html` (a host no adapter owns, so no content script runs there).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `.invalid` is reserved (RFC 2606): this host can never be a real site, so nothing can leak to one. */
export const GALLERY_URL = 'https://running-for.invalid/';

export const DEMO_DIR = fileURLToPath(new URL('../../assets/demo/', import.meta.url));

export interface DemoPage {
  /** The adapter id the page demonstrates. */
  site: string;
  /** The real URL the page is served under. */
  url: string;
}

/**
 * One page per site with declared hosts, half of them the visitor's own profile (the stronger card)
 * and half someone else's (the chip). Mastodon is not here: its instances are optional permissions a
 * user grants from the dashboard, so the gallery explains that instead.
 */
export const DEMO_PAGES: readonly DemoPage[] = [
  { site: 'x', url: 'https://x.com/sam_reader' },
  { site: 'linkedin', url: 'https://www.linkedin.com/in/jane-doe/' },
  { site: 'facebook', url: 'https://www.facebook.com/jane.doe' },
  { site: 'instagram', url: 'https://www.instagram.com/jane.rivera/' },
  { site: 'youtube', url: 'https://www.youtube.com/@samreads/videos' },
  { site: 'github', url: 'https://github.com/octo-jane' },
  { site: 'bluesky', url: 'https://bsky.app/profile/sam.bsky.social' },
  { site: 'threads', url: 'https://www.threads.com/@jane' },
  { site: 'tiktok', url: 'https://www.tiktok.com/@sam_reader' },
  { site: 'reddit', url: 'https://www.reddit.com/user/jane_doe/' },
  { site: 'medium', url: 'https://medium.com/@jane' },
  { site: 'substack', url: 'https://substack.com/@sam' },
];

const BANNER_STYLE = `<style>
.running-for-demo-banner { all: initial; display: block; box-sizing: border-box; width: 100%; padding: 8px 16px;
  background: #1f3b2d; color: #f4f1e8; font: 14px/1.4 system-ui, sans-serif; text-align: center; }
.running-for-demo-banner a { color: #b8e0c6; font: inherit; text-decoration: underline; }
</style>`;

const BANNER =
  `<div class="running-for-demo-banner" role="note"><strong>Running For demo</strong> — a ` +
  `sample page, not the real site. <a href="${GALLERY_URL}">Back to the gallery</a></div>`;

/** The demo page for `page`, with the demo banner at the top of its body. */
export function demoHtml(page: DemoPage, dir: string = DEMO_DIR): string {
  const html = readFileSync(`${dir}${page.site}.html`, 'utf8');
  const body = /<body[^>]*>/i.exec(html);
  if (!body) throw new Error(`assets/demo/${page.site}.html has no <body>`);
  const at = body.index + body[0].length;
  return html.slice(0, at).replace(/<\/head>/i, `${BANNER_STYLE}</head>`) + BANNER + html.slice(at);
}

export function galleryHtml(dir: string = DEMO_DIR): string {
  return readFileSync(`${dir}index.html`, 'utf8');
}

/** What the offline router does with a request. */
export type Route =
  { kind: 'continue' } | { kind: 'gallery' } | { kind: 'demo'; page: DemoPage } | { kind: 'not-in-demo' } | { kind: 'abort' };

/**
 * Decide a request's fate. The extension's own files load normally; the gallery and the demo pages
 * are served from the project; any other page the visitor navigates to gets a short "not part of the
 * demo" page; everything else (images, scripts, favicons) is refused, so no real site is contacted.
 */
export function routeFor(rawUrl: string, isNavigation: boolean): Route {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'abort' };
  }
  if (url.protocol === 'chrome-extension:') return { kind: 'continue' };
  url.hash = '';
  if (url.origin === new URL(GALLERY_URL).origin)
    return url.pathname === '/' ? { kind: 'gallery' } : isNavigation ? { kind: 'not-in-demo' } : { kind: 'abort' };
  const page = DEMO_PAGES.find((candidate) => candidate.url === url.href);
  if (page && isNavigation) return { kind: 'demo', page };
  return isNavigation ? { kind: 'not-in-demo' } : { kind: 'abort' };
}

/** The page shown for a link the demo does not have (it names only the URL's host, as text). */
export function notInDemoHtml(rawUrl: string): string {
  const host = escapeText(new URL(rawUrl).host);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not part of the demo</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d2a22}a{color:#2f6b4a}</style></head>
<body><h1>Not part of the demo</h1><p>The demo runs offline: only one sample page per site exists, so this page on ${host} is not here.</p>
<p><a href="${GALLERY_URL}">Back to the gallery</a></p></body></html>`;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
