/**
 * Bluesky (bsky.app). React Native Web turns `testID` into `data-testid`, and the profile header's two
 * metric links have kept theirs since 2023: `profileHeaderFollowersButton` and
 * `profileHeaderFollowsButton` (social-app `src/screens/Profile/Header/Metrics.tsx`; site-dom-notes §8).
 * Each link is `<a href="/profile/<handle>/followers" aria-label="12.3K followers">` holding a bold number
 * and a muted label. Newer builds add `title` with the full `Intl.NumberFormat()` value; some builds put
 * the raw integer in the label. The hover card (`ProfileHoverCard/index.web.tsx`, portalled to the end of
 * the body) renders the same links without test IDs, so it is matched by href plus that label/structure.
 */
import { parseExactCount } from '../count';
import { metricOfLabel } from '../metric-words';
import { insideAny, langOf, makeFound, queryAll, readCount, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, PageType, SiteAdapter, SiteContext } from './types';

const HEADER_TEST_IDS: Readonly<Record<string, Metric>> = {
  profileHeaderFollowersButton: 'followers',
  profileHeaderFollowsButton: 'following',
};
/** `/profile/<handle>/follows` is the following list (`src/lib/routes/links.ts` makeProfileLink). */
const LIST_METRICS: Readonly<Record<string, Metric>> = { followers: 'followers', follows: 'following' };

const LINK_SELECTOR = [
  '[data-testid="profileHeaderFollowersButton"]',
  '[data-testid="profileHeaderFollowsButton"]',
  'a[href$="/followers"]',
  'a[href$="/follows"]',
].join(', ');

/**
 * Posts, quoted posts, the bio and rich-text links: a "/profile/x/followers" link in there is someone's
 * text, whatever it says. Feed and thread items carry `feedItem-by-<handle>` / `postThreadItem-by-<handle>`.
 */
const EXCLUDED = [
  USER_CONTENT,
  '[data-testid^="feedItem-by-"]',
  '[data-testid^="postThreadItem-by-"]',
  '[data-testid="postText"]',
  '[data-testid="profileHeaderDescription"]',
  '[data-testid="contentHider-post"]',
].join(', ');

const HANDLE = /^(did:[a-z]+:[A-Za-z0-9._:%-]+|[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z0-9-]+)$/;

/** `/profile/<handle>[/<tail>]` → handle and tail, or undefined. */
function profilePath(url: URL): { handle: string; tail: string[] } | undefined {
  const [first, handle, ...tail] = segments(url);
  return first === 'profile' && handle && HANDLE.test(handle) ? { handle, tail } : undefined;
}

const pages: Record<string, PageType> = {
  followList: {
    test: (url) => /^(followers|follows|known-followers)$/.test(profilePath(url)?.tail.join('/') ?? '-'),
    examples: ['https://bsky.app/profile/jane.bsky.social/followers', 'https://bsky.app/profile/jane.bsky.social/follows', 'https://bsky.app/profile/did:plc:abc123xyz/known-followers'],
  },
  post: {
    test: (url) => /^post\/[A-Za-z0-9]+(\/(liked-by|reposted-by|quotes))?$/.test(profilePath(url)?.tail.join('/') ?? '-'),
    examples: ['https://bsky.app/profile/jane.bsky.social/post/3lbq2x7yz4k2a', 'https://bsky.app/profile/did:plc:abc123xyz/post/3kxyz/liked-by'],
  },
  profile: {
    test: (url) => profilePath(url)?.tail.length === 0,
    examples: ['https://bsky.app/profile/jane.bsky.social', 'https://bsky.app/profile/did:plc:abc123xyz', 'https://bsky.app/profile/example.com/'],
  },
  home: {
    test: (url) => /^\/(notifications|search|feeds|messages|lists)?\/?$/.test(url.pathname),
    examples: ['https://bsky.app/', 'https://bsky.app/notifications', 'https://bsky.app/search'],
  },
};

/** Handle and metric of a link to `/profile/<handle>/followers|follows` on this site. */
function linkTarget(link: Element, ctx: SiteContext): { handle: string; metric: Metric } | undefined {
  const url = resolveHref(link.getAttribute('href'), ctx.url);
  if (!url || url.host !== ctx.url.host) return undefined;
  const path = profilePath(url);
  const metric = path && path.tail.length === 1 ? LIST_METRICS[path.tail[0] ?? ''] : undefined;
  return path && metric ? { handle: path.handle, metric } : undefined;
}

/**
 * The signed-in handle: the desktop left nav's only link to a bare `/profile/<handle>` is "Profile"
 * (`src/view/shell/desktop/LeftNav.tsx`); the mobile bottom bar has `bottomBarProfileBtn`.
 */
function signedInHandle(doc: Document): string | undefined {
  const links = doc.querySelectorAll('[role="navigation"] a[href^="/profile/"], nav a[href^="/profile/"], a[data-testid="bottomBarProfileBtn"]');
  for (const link of Array.from(links)) {
    const path = profilePath(new URL(link.getAttribute('href') ?? '', 'https://bsky.app'));
    if (path && path.tail.length === 0) return path.handle;
  }
  return undefined;
}

/** Steps up from a header link to the profile header (the element that also holds the display name). */
function headerOf(link: Element): Element | null {
  let el = link.parentElement;
  for (let depth = 0; el && depth < 8; depth++, el = el.parentElement) {
    if (el.querySelector('[data-testid="profileHeaderDisplayName"]')) return el;
  }
  return null;
}

function isOwn(link: Element, handle: string, inHeader: boolean, ctx: SiteContext): boolean {
  // `isMe` swaps Follow for this button (ProfileHeaderStandard.tsx). Scoped to this header because
  // React Navigation keeps earlier profile screens mounted (hidden) on web.
  if (inHeader && headerOf(link)?.querySelector('[data-testid="profileHeaderEditProfileButton"]')) return true;
  const me = signedInHandle(ctx.doc);
  return me !== undefined && me.toLowerCase() === handle.toLowerCase();
}

/** `title` (full number, newer builds) first, then `aria-label` when a build puts the raw integer there. */
function exactSource(link: Element, ctx: SiteContext): string | null {
  const lang = langOf(link, ctx);
  for (const attr of ['title', 'aria-label']) {
    const value = link.getAttribute(attr);
    if (parseExactCount(value, lang) !== null) return value;
  }
  return null;
}

function readLink(link: Element, ctx: SiteContext): Found | null {
  const testId = link.getAttribute('data-testid') ?? '';
  const headerMetric = HEADER_TEST_IDS[testId];
  const target = linkTarget(link, ctx);
  if (!target) return null;
  if (headerMetric && headerMetric !== target.metric) return null;
  // Without a test ID (the hover card), insist on what InlineLinkText renders: an aria-label that is
  // this very count phrase. Rich-text links in posts carry their link text instead.
  if (!headerMetric) {
    const labelled = readPhrase(link, ctx, link.getAttribute('aria-label') ?? '');
    if (labelled?.metric !== target.metric) return null;
  }
  const [numberEl, labelEl] = Array.from(link.children);
  const text = textOf(link);
  if (labelEl) {
    const named = metricOfLabel(textOf(labelEl), langOf(labelEl, ctx));
    if (named !== undefined && named !== target.metric) return null;
  }
  const exact = exactSource(link, ctx);
  const count = numberEl ? readCount(numberEl, ctx, { exact }) : null;
  // A regrouped link (text nodes instead of two children): read "12.3K followers" whole.
  const phrase = count ? null : readPhrase(link, ctx);
  const value = count ?? (phrase?.metric === target.metric ? phrase.count : null);
  if (!value) return null;
  return makeFound(link, target.metric, value, isOwn(link, target.handle, Boolean(headerMetric), ctx), text);
}

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  name: 'Bluesky',
  // The number span of the header's two buttons and of the hover card's links (no test ID there, but
  // the aria-label InlineLinkText gives them); never links inside posts, quotes or the bio.
  hide: [
    '[data-testid="profileHeaderFollowersButton"] > :first-child',
    '[data-testid="profileHeaderFollowsButton"] > :first-child',
    ...['followers', 'follows'].map(
      (tail) =>
        `a[href$="/${tail}"][aria-label]:not(article *, blockquote *, [data-testid^="feedItem-by-"] *, [data-testid^="postThreadItem-by-"] *, [data-testid="postText"] *, [data-testid="profileHeaderDescription"] *, [data-testid="contentHider-post"] *, [aria-label="Quoted post"] *) > span:first-child`,
    ),
  ].join(', '),
  hosts: ['bsky.app'],
  pages,
  detect(root, ctx) {
    const found: Found[] = [];
    for (const link of queryAll(root, LINK_SELECTOR)) {
      if (insideAny(link, EXCLUDED)) continue;
      const item = readLink(link, ctx);
      if (item) found.push(item);
    }
    return found;
  },
};
