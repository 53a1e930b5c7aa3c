/**
 * The pages the page benchmark serves under the sites' real URLs (context.route), so content scripts
 * inject exactly as on the live site. The shells are static; the page's own scripts
 * (tests/bench/pages/*.js) build and change the content, and tests/bench/pages/probe.js (an init
 * script) measures what a page can see of the extension.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';

const PAGES = resolve('tests/bench/pages');
const script = (name: string) => readFileSync(`${PAGES}/${name}`, 'utf8');

type Tree = [string, Record<string, string>, (Tree | string)[]];
/** X's timeline cell and hovercard body, derived from a real saved page (pages/derive-x-cell.ts). */
const X_CELL = script('x-cell.json');
const elementsOf = (tree: Tree): number => 1 + tree[2].reduce((sum, child) => sum + (typeof child === 'string' ? 0 : elementsOf(child)), 0);
const derived = JSON.parse(X_CELL) as { cell: Tree };

/** Elements of the X shell around the timeline, and of one timeline post (x-app.js `post`). */
export const X_SHELL_ELEMENTS = 40;
export const X_POST_ELEMENTS = elementsOf(derived.cell);

export interface XConfig {
  handle: string;
  /** Posts rendered at load. */
  initialPosts: number;
  /** Posts rendered with each profile on a single-page navigation. */
  postsPerProfile: number;
  /** Cells the timeline keeps as it grows (X's is virtualised); all when left out. */
  keepPosts?: number;
}

export function xPage(config: XConfig): string {
  return (
    `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>(@${config.handle}) / X</title></head><body>
<div id="react-root"><div>
  <header role="banner"><nav aria-label="Primary navigation" role="navigation">
    <a href="/home" aria-label="Home" role="link" data-testid="AppTabBar_Home_Link"><span>Home</span></a>
    <a href="/sam_reader" aria-label="Profile" role="link" data-testid="AppTabBar_Profile_Link"><span>Profile</span></a>
  </nav></header>
  <main role="main"><div data-testid="primaryColumn" id="column"></div>
  <div data-testid="sidebarColumn"><aside aria-label="Who to follow"><div data-testid="UserCell">` +
    `<a href="/bob" role="link"><span>Bob</span></a><span>2.1M followers</span></div></aside></div>
  </main>
</div></div>
<div id="layers"></div>
<script>window.BENCH_X = ${JSON.stringify(config)}; window.BENCH_X_CELL = ${X_CELL.trim()};</script>
<script>${script('x-app.js')}</script>
</body></html>`
  );
}

export interface LinkedInConfig {
  initialPosts: number;
}

export function linkedinPage(config: LinkedInConfig): string {
  return (
    `<!DOCTYPE html><html lang="en" class="theme theme--mercado"><head><meta charset="utf-8"><title>Feed | LinkedIn</title></head>
<body class="render-mode-BIGPIPE nav-v2 ember-application"><div class="application-outlet">
  <header id="global-nav" class="global-nav"><nav aria-label="Primary Navigation"><ul>
    <li><a href="https://www.linkedin.com/feed/" aria-current="page"><span>Home</span></a></li>
    <li><a href="https://www.linkedin.com/mynetwork/"><span class="notification-badge__count">3</span><span>My Network</span></a></li>
  </ul></nav></header>
  <div class="scaffold-layout scaffold-layout--sidebar-main-aside">
    <aside class="scaffold-layout__sidebar" aria-label="Side Bar" id="rail"></aside>
    <main id="main" class="scaffold-layout__main" aria-label="Main Feed"><div class="scaffold-finite-scroll__content" ` +
    `id="feed"></div></main>
  </div>
</div>
<script>window.BENCH_LINKEDIN = ${JSON.stringify(config)};</script>
<script>${script('linkedin-app.js')}</script>
</body></html>`
  );
}

/** Serve `html(url)` for every page under `pattern`; the probe runs first in every page of the context. */
export async function servePages(
  context: BrowserContext,
  routes: ReadonlyArray<readonly [pattern: string, html: (url: URL) => string]>,
): Promise<void> {
  await context.addInitScript({ content: script('probe.js') });
  for (const [pattern, html] of routes) {
    await context.route(pattern, (route) => {
      const url = new URL(route.request().url());
      // Only documents: anything else a page asks for (a favicon) stays refused.
      if (route.request().resourceType() !== 'document') return route.abort('blockedbyclient');
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html(url) });
    });
  }
}
