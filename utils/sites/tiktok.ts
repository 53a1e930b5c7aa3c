/**
 * TikTok. The profile header marks its counts with TikTok's own test hooks, unchanged in every saved
 * profile from 2023 to 2026 (the captures in tests/fixtures/tiktok, site-dom-notes §10):
 * `strong[data-e2e="following-count"]` and `strong[data-e2e="followers-count"]`, each beside a label
 * span ("Following", "粉丝"). `likes-count` sits right next to them and is deliberately not read. The
 * `title` on each `<strong>` is the localized label, not a number: numbers are abbreviated text only
 * ("1.2M"; the zh-Hans UI too, 2024; Japanese "12.3万", code id 51969070857). The exact figures live in
 * the rehydration JSON script, which goes stale after a client-side navigation and is too big to parse
 * on every mutation, so it is not used. Class names are CSS-in-JS hashes whose prefix changed twice
 * (`tiktok-…-DivNumber` 2023, `css-…-DivNumber` 2024, `css-…-7937d88b--DivNumber` 2025): never used.
 *
 * Not read: the "Suggested accounts" row that the 2025 header can open below itself (microlinkhq/metascraper
 * packages/metascraper-tiktok/test/fixtures/profile.html, 2025-12): twenty strangers' "12.3M followers"
 * with no hook, in a carousel that is collapsed in that capture (`max-height: 0; opacity: 0`): a
 * recommendation that opens on some action (presumably Follow; no capture shows it open). A prompt on
 * each would bury the one count the page is about, and only a phrase match could find them. The header
 * region below stops short of it.
 */
import { around } from './layers';
import { hasEditProfileControl } from './own';
import { insideAny, makeFound, queryAll, readCount, segments, textOf, USER_CONTENT } from './dom';
import type { Found, HideSelectors, Metric, Region, SiteAdapter, SiteContext } from './types';

/** TikTok usernames: letters, digits, "_" and ".", up to 24 characters, shown after "@". */
const HANDLE = /^@([A-Za-z0-9_.]{1,24})$/;

function handleOf(part: string | undefined): string | undefined {
  return part ? HANDLE.exec(part)?.[1] : undefined;
}

const COUNT_HOOKS: ReadonlyArray<readonly [string, Metric]> = [
  ['following-count', 'following'],
  ['followers-count', 'followers'],
];
const COUNT_SELECTOR = COUNT_HOOKS.map(([hook]) => `[data-e2e="${hook}"]`).join(', ');

/**
 * Bios, captions, comments and the video grid: user text or cells of posts, never a count. Also the
 * adapter's `quiet`, so the live layer skips the grid growing under the header on scroll.
 */
const QUIET =
  '[data-e2e="user-bio"], [data-e2e="video-desc"], [data-e2e="browse-video-desc"], ' +
  '[data-e2e^="comment-"], [data-e2e="user-post-item-list"]';
const EXCLUDED = `${USER_CONTENT}, ${QUIET}`;

/**
 * The profile's title: `[data-e2e="user-title"]` (an `h2` in 2023, an `h1` since 2024), and the page's
 * only `h1` where test hooks are gone (the handle or the nickname: the two swap places between 2023
 * and 2026, and either is inside the header).
 */
const TITLE = '[data-e2e="user-title"], h1';

/** The count strip: an `<h3>` (H3CountInfos) in every capture 2023–2026, or the count hooks themselves. */
const STRIP = `h3, ${COUNT_SELECTOR}`;

/**
 * The page's main column (`div#main-content-others_homepage[data-e2e="user-page"]`, 2023–2026): the header is
 * inside, below it the grid.
 */
const PAGE = '[data-e2e="user-page"], #main-content-others_homepage';

/**
 * The profile header around its title: the title's lowest ancestor that also holds the count strip —
 * 3 levels up in 2023–24 (title container > info > header), 4 in 2025–26, where the strip moved beside
 * the name (CreatorPageHeader, DivPreviewUIWrapper). Never the main column itself, which holds the
 * video grid and the suggested accounts; a fixed `around` where no strip is found.
 */
function headerOf(title: Element): Element {
  let el = title;
  for (let level = 0; level < 6; level++) {
    const parent = el.parentElement;
    if (!parent || parent.tagName === 'BODY' || parent.tagName === 'MAIN' || parent.matches(PAGE)) break;
    el = parent;
    if (el.querySelector(STRIP)) return el;
  }
  return around(title, 3);
}

function profileHeaders(doc: Document): Element[] {
  const headers: Element[] = [];
  for (const title of Array.from(doc.querySelectorAll(TITLE))) {
    if (insideAny(title, EXCLUDED)) continue;
    const header = headerOf(title);
    if (!headers.some((other) => other.contains(header) || header.contains(other))) headers.push(header);
  }
  return headers;
}

/**
 * The stat item: the count's parent when it holds this one count and its label (`DivNumber`), so the
 * prompt sits beside "1.2M Followers"; the count itself when the parent also holds other counts.
 */
function statItem(count: Element): Element {
  const parent = count.parentElement;
  if (!parent || parent.querySelectorAll('[data-e2e$="-count"]').length !== 1) return count;
  return textOf(parent).length <= 48 ? parent : count;
}

/**
 * The signed-in user's handle, from the navigation's profile link (`/@handle`). Logged out, the 2025
 * layout still renders that link with an empty handle (`href="/@"`, metascraper's capture): no handle.
 */
function signedInHandle(doc: Document): string | undefined {
  const href = doc.querySelector('a[data-e2e="nav-profile"]')?.getAttribute('href');
  if (!href) return undefined;
  try {
    return handleOf(segments(new URL(href, 'https://www.tiktok.com'))[0]);
  } catch {
    return undefined;
  }
}

/**
 * Own profile, in layers: the signed-in handle against the page's (the zh-Hans capture, 2024, has both);
 * without one (logged out, or the nav collapsed in the narrow layout), the "Edit profile" button only
 * your own header has — by its hook (`edit-profile-entrance`, used by several automation scripts, notes
 * §10), then by its label in the header. Not the page's id: `#main-content-others_homepage` wraps your
 * own profile too (an uploader's script finds its own latest video under it, code id 18101066239).
 */
function isOwn(ctx: SiteContext, header: () => Element | undefined): boolean {
  const shown = handleOf(segments(ctx.url)[0]);
  const me = signedInHandle(ctx.doc);
  if (me && shown) return me.toLowerCase() === shown.toLowerCase();
  if (ctx.doc.querySelector('[data-e2e="edit-profile-entrance"]')) return true;
  const found = header();
  if (!found) return false;
  // The header and what sits beside it: the 2026 header keeps its buttons in a sibling of the title
  // and counts (DivButtonPanelWrapper beside DivPreviewUIWrapper), not around them.
  const parent = found.parentElement;
  const scope = parent && parent.tagName !== 'BODY' && parent.tagName !== 'MAIN' && !parent.matches(PAGE) ? parent : found;
  return hasEditProfileControl(scope);
}

const METRICS: readonly Metric[] = ['following', 'followers'];

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * The `<strong>` numbers TikTok marks with `data-e2e`; the unit label beside them stays.
 */
export function hide(): HideSelectors {
  const hook = (id: string) =>
    `[data-e2e="${id}"]:not([data-e2e="user-bio"] *, [data-e2e="video-desc"] *, ` +
    `[data-e2e="browse-video-desc"] *, [data-e2e^="comment-"] *)`;
  return { followers: hook('followers-count'), following: hook('following-count') };
}

export const tiktok: SiteAdapter = {
  id: 'tiktok',
  name: 'TikTok',
  hosts: ['tiktok.com'],
  quiet: QUIET,
  pages: {
    video: {
      test: (url) => handleOf(segments(url)[0]) !== undefined && /^\/[^/]+\/(video|photo)\/\d+/.test(url.pathname),
    },
    profile: {
      test: (url) => handleOf(segments(url)[0]) !== undefined && /^\/[^/]+\/?$/.test(url.pathname),
    },
    search: {
      test: (url) => /^\/search(\/(user|video|live|photo))?\/?$/.test(url.pathname),
    },
    feed: {
      test: (url) => /^\/(foryou|following|explore|friends)?\/?$/.test(url.pathname),
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    let own: boolean | undefined;
    for (const count of queryAll(root, COUNT_SELECTOR)) {
      if (insideAny(count, EXCLUDED)) continue;
      const metric = COUNT_HOOKS.find(([hook]) => hook === count.getAttribute('data-e2e'))?.[1];
      if (!metric) continue;
      const value = readCount(count, ctx);
      if (!value) continue;
      // The hook alone names the metric: label words are ambiguous in some UIs (Danish "Følger" is
      // TikTok's "Following" but reads as followers elsewhere), so the label is not second-guessed.
      const item = statItem(count);
      own ??= isOwn(ctx, () => profileHeaders(ctx.doc).find((header) => header.contains(count)));
      found.push(makeFound(item, metric, value, own, textOf(item)));
    }
    return found;
  },
  // Only on a profile: the header around the title, where following and followers live.
  regions(ctx) {
    if (ctx.page !== 'profile') return [];
    return profileHeaders(ctx.doc).map((element): Region => ({ element, metrics: METRICS, own: () => isOwn(ctx, () => element) }));
  },
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  video: ['https://www.tiktok.com/@jane.makes/video/7312345678901234567', 'https://www.tiktok.com/@sam_reader/photo/7312345678901234999'],
  profile: ['https://www.tiktok.com/@jane.makes', 'https://www.tiktok.com/@sam_reader?lang=ja-JP', 'https://m.tiktok.com/@Jane.Makes/'],
  search: ['https://www.tiktok.com/search?q=pottery', 'https://www.tiktok.com/search/user?q=jane'],
  feed: ['https://www.tiktok.com/', 'https://www.tiktok.com/foryou', 'https://www.tiktok.com/explore'],
};
