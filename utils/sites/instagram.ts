/**
 * Instagram. The profile header lists posts, followers and following (the real headers in
 * tests/fixtures/instagram). Classes are atomic and change per deploy, so only
 * hrefs, `title`, roles and the header landmark are used. The header's markup changed twice in the captures:
 * - 2025-02 (Jayesh1512/node-scrapper `instagram_profile.html`): `header section ul > li > div >
 *   a[href="/<user>/followers/"] > span[title] > span` + " followers";
 * - 2025-12 (anurraggg/instascraper `debug_profile.html`): no `ul` any more, the stats are `div`s:
 *   `a[href="/<user>/followers/"] > span[dir="auto"] > span[title] > span` + " followers";
 * - 2026-06, Korean (a54321zx-web/influmatch `debug_profile.html`): the same `div`s, but the links are
 *   `href="#"` and the label comes first ("팔로워 944").
 * A private profile's counts are buttons, not links (`li > div > button > span[title]`). The followers
 * number carries the exact count in `span[title]`; following never does.
 *
 * Layers: the `/followers/` and `/following/` links are the hook. Where the page has none (private
 * profiles, `href="#"`, logged-out and mobile views) the header region's label layer reads the stat
 * items by their label in the page language (utils/sites/layers.ts), and says so (`via: 'label'`). The
 * posts count beside them is not an audience metric and is never reported.
 */
import type { ParsedCount } from '../detection/count';
import { metricOfLabel } from '../detection/metric-words';
import { hostMatches, insideAny, langOf, makeFound, queryAll, readCount, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import { around } from './layers';
import { hasEditProfileControl } from './own';
import type { Found, HideSelectors, Metric, Region, SiteAdapter, SiteContext } from './types';

/** Instagram usernames: letters, digits, "." and "_", up to 30 characters. */
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
/** First path segments that are Instagram's own pages, not usernames. */
const RESERVED = new Set([
  'accounts',
  'explore',
  'p',
  'reel',
  'reels',
  'tv',
  'stories',
  'direct',
  'about',
  'legal',
  'developer',
  'web',
  'api',
  'challenge',
  'emails',
  'session',
  'privacy',
  'terms',
  'topics',
  'locations',
  'ar',
  'lite',
  'business',
  'creators',
  'download',
  'press',
  'blog',
  'help',
]);

function username(part: string | undefined): string | undefined {
  return part && USERNAME.test(part) && !RESERVED.has(part.toLowerCase()) ? part : undefined;
}

function onInstagram(url: URL): boolean {
  return hostMatches(url.hostname, 'instagram.com');
}

/** `/<user>/followers/` or `/<user>/following/` on instagram.com → the metric; "Followed by …" (`/followers/mutualOnly/`) is not. */
function linkMetric(href: string, ctx: SiteContext): Metric | undefined {
  const url = resolveHref(href, ctx.url);
  if (!url) return undefined;
  if (!onInstagram(url)) return undefined;
  const parts = segments(url);
  if (parts.length !== 2 || !username(parts[0])) return undefined;
  return parts[1] === 'followers' ? 'followers' : parts[1] === 'following' ? 'following' : undefined;
}

const LINK_SELECTOR = 'a[href$="/followers/"], a[href$="/followers"], a[href$="/following/"], a[href$="/following"]';

/** Captions and comments are `article`s / user content; a bio never holds the number-in-a-span link shape. */
const EXCLUDED = `${USER_CONTENT}, [role="article"]`;

/** The element that holds the number: the `span[title]` (exact value) or the innermost span whose text is a count. */
function numberOf(item: Element, ctx: SiteContext): { el: Element; count: ParsedCount } | null {
  const titled = item.querySelector('span[title]');
  if (titled) {
    const count = readCount(titled, ctx, { exact: titled.getAttribute('title') });
    if (count) return { el: titled, count };
  }
  for (const span of Array.from(item.querySelectorAll('span'))) {
    if (span.children.length > 0 && Array.from(span.children).some((child) => child.tagName === 'SPAN')) continue;
    const count = readCount(span, ctx);
    if (count) return { el: span, count };
  }
  return null;
}

/** The item's label: its text without the number ("followers", "seguidores", "フォロワー…人"). */
function labelMetric(item: Element, numberEl: Element, ctx: SiteContext): Metric | undefined {
  const label = textOf(item)
    .replace(textOf(numberEl), ' ')
    .replace(/(人|名)$/u, '')
    .trim();
  return metricOfLabel(label, langOf(item, ctx));
}

/** The user a profile page (or its followers / following list) belongs to. */
function pageUser(ctx: SiteContext): string | undefined {
  return ctx.page === 'profile' || ctx.page === 'followList' ? username(segments(ctx.url)[0]) : undefined;
}

/**
 * The signed-in username, from the navigation's "Profile" link: `a[role="link"][href="/<viewer>/"]` with
 * the viewer's avatar (`img`, or its `span[role="link"]` slot before the image loads) and the localized
 * word "Profile" / "프로필" as text — in all three logged-in captures, outside `main`. The profile's own
 * avatar link is inside `main`; a search result's link shows the handle itself as text.
 */
function signedInUser(doc: Document): string | undefined {
  for (const link of Array.from(doc.querySelectorAll('a[role="link"][href^="/"]'))) {
    if (insideAny(link, 'main, [role="main"], [role="dialog"], article')) continue;
    const parts = (link.getAttribute('href') ?? '').split('/');
    // "/<user>/" exactly: ["", user, ""].
    if (parts.length !== 3 || parts[2] !== '') continue;
    const user = username(parts[1]);
    if (!user || !link.querySelector('img, [role="link"]')) continue;
    const text = textOf(link);
    if (text === '' || text.toLowerCase().includes(user.toLowerCase())) continue;
    return user;
  }
  return undefined;
}

/** "Edit profile" links to `/accounts/edit/` (Maskbook `instagram.com/utils/selector.ts`; code id 34776733551). */
const EDIT_LINK = 'a[href="/accounts/edit/"], a[href$="instagram.com/accounts/edit/"]';

/**
 * Own profile, in layers: the signed-in handle from the nav's Profile link, compared with the page's user;
 * else the header's "Edit profile" link by its href; else an "Edit profile" control by its label
 * (utils/sites/own.ts, 40 languages). Looked for in the header only: the More menu's "Settings" entry
 * links to the same `/accounts/edit/`.
 */
function isOwn(el: Element, ctx: SiteContext): boolean {
  const user = pageUser(ctx);
  const me = signedInUser(ctx.doc);
  if (me && user) return me.toLowerCase() === user.toLowerCase();
  const header = el.closest('header') ?? el.closest('main');
  if (!header) return false;
  return header.querySelector(EDIT_LINK) !== null || hasEditProfileControl(header);
}

/** A number in a `title`: the followers count's exact value (never on posts or following). */
const NUMERIC_TITLE = /^[\d\s.,'\u00a0\u202f]+$/u;

/**
 * The profile header's region: the `section` of `main header` that holds the stat row (found by the titled
 * number or a list link; the whole header where neither is left), so the label layer reads the stat items
 * and not the highlights below or the Follow button — "팔로우" is both Follow and following in Korean, and
 * only the stat item has a number. Without a `header` element, the same anchors (or the profile name's
 * `h2`) and the block four levels around them.
 */
function profileRegions(ctx: SiteContext): Region[] {
  if (!pageUser(ctx) || !onInstagram(ctx.url)) return [];
  const main = ctx.doc.querySelector('main, [role="main"]') ?? ctx.doc.body;
  if (!main) return [];
  const anchorIn = (scope: Element): Element | undefined =>
    Array.from(scope.querySelectorAll('span[title]')).find(
      (span) => NUMERIC_TITLE.test(span.getAttribute('title') ?? '') && !insideAny(span, EXCLUDED),
    ) ??
    Array.from(scope.querySelectorAll(LINK_SELECTOR)).find(
      (link) => linkMetric(link.getAttribute('href') ?? '', ctx) && !insideAny(link, EXCLUDED),
    );
  const elements: Element[] = [];
  for (const header of Array.from(main.querySelectorAll('header'))) {
    if (insideAny(header, EXCLUDED)) continue;
    const anchor = anchorIn(header);
    elements.push(anchor?.closest('header section') ?? header);
  }
  if (elements.length === 0) {
    const anchor = anchorIn(main) ?? main.querySelector('h2');
    if (anchor && !insideAny(anchor, EXCLUDED)) elements.push(around(anchor, 4));
  }
  return elements.map((element) => ({ element, metrics: ['followers', 'following'], own: () => isOwn(element, ctx) }));
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * The number of each header count (class-free): the span holding the number's own span — the titled
 * span of followers, the plain wrapper of following — inside the count's link (`/followers/`,
 * `/following/`, or `#` as in the 2026 Korean capture) or its button (private profiles). On every real
 * header: 2025-02 `a > span[title] > span`, 2025-12 and 2026 `a > span[dir="auto"] > span[title] > span`
 * (the `span[dir]` holds the label too, so it stays), private `button > span[title] > span`. The posts
 * count is in neither, the name's `a[href="#"] > h2 > span` has no inner span. Where the link does not
 * say which count it is (`#`, a button), the title does: only followers carry one (the exact value).
 */
export function hide(): HideSelectors {
  const inHeader = (selectors: readonly string[]) =>
    selectors.map((selector) => `header ${selector}:not(article *, [role="article"] *)`).join(', ');
  return {
    followers: inHeader([
      ':is(a[href$="/followers/"], a[href$="/followers"]) span:not([dir]):has(> span)',
      ':is(a[href="#"], button) span[title]:not([dir]):has(> span)',
    ]),
    following: inHeader([
      ':is(a[href$="/following/"], a[href$="/following"]) span:not([dir]):has(> span)',
      ':is(a[href="#"], button) span:not([dir], [title]):has(> span)',
    ]),
  };
}

export const instagram: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram',
  hosts: ['instagram.com'],
  pages: {
    followList: {
      test: (url) => username(segments(url)[0]) !== undefined && /^\/[^/]+\/(followers|following)(\/mutualOnly)?\/?$/.test(url.pathname),
    },
    profile: {
      test: (url) => username(segments(url)[0]) !== undefined && /^\/[^/]+(\/(reels|tagged|saved|feed))?\/?$/.test(url.pathname),
    },
    post: {
      test: (url) => /^\/(p|reel|tv)\/[\w-]+\/?$/.test(url.pathname) || /^\/[^/]+\/(p|reel)\/[\w-]+\/?$/.test(url.pathname),
    },
    editProfile: {
      test: (url) => /^\/accounts\/edit\/?$/.test(url.pathname),
    },
    home: {
      test: (url) => /^\/(explore\/?)?$/.test(url.pathname),
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    let own: boolean | undefined;
    for (const el of queryAll(root, LINK_SELECTOR)) {
      if (insideAny(el, EXCLUDED)) continue;
      const metric = linkMetric(el.getAttribute('href') ?? '', ctx);
      if (!metric) continue;
      // The number in its own span. A link whose text is just words ("Followed by …") has none.
      const number = numberOf(el, ctx);
      if (!number) continue;
      const labelled = labelMetric(el, number.el, ctx);
      if (labelled && labelled !== metric) continue;
      own ??= isOwn(el, ctx);
      found.push(makeFound(el, metric, number.count, own, textOf(el)));
    }
    return found;
  },
  regions: profileRegions,
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  followList: [
    'https://www.instagram.com/jane/followers/',
    'https://www.instagram.com/jane.doe_/following/',
    'https://www.instagram.com/jane/followers/mutualOnly/',
  ],
  profile: ['https://www.instagram.com/jane/', 'https://www.instagram.com/jane.doe_/reels/', 'https://instagram.com/nasa'],
  post: ['https://www.instagram.com/p/C9xYz12AbCd/', 'https://www.instagram.com/reel/C8aBcDeFgHi/'],
  editProfile: ['https://www.instagram.com/accounts/edit/'],
  home: ['https://www.instagram.com/', 'https://www.instagram.com/explore/'],
};
