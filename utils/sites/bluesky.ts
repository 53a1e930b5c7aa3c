/**
 * Bluesky (bsky.app). React Native Web turns `testID` into `data-testid`, and the profile header's two
 * metric links have kept theirs since 2023: `profileHeaderFollowersButton` and
 * `profileHeaderFollowsButton` (social-app `src/screens/Profile/Header/Metrics.tsx`; site-dom-notes §8).
 * Each link is `<a href="/profile/<handle>/followers" aria-label="12.3K followers">` holding a bold number
 * and a muted label. Newer builds add `title` with the full `Intl.NumberFormat()` value; some builds put
 * the raw integer in the label. The hover card (`ProfileHoverCard/index.web.tsx`, portalled to the end of
 * the body) renders the same links without test IDs, so it is matched by href plus that label/structure.
 *
 * The follow lists (`/profile/<handle>/followers`, `/follows`) show the same count once more, as the
 * screen header's subtitle: plain text "21 followers" / "151 following" (`Layout.Header.SubtitleText` with
 * Lingui's `<Plural one="# follower" other="# followers">`, so the full number), under
 * `[data-testid=profileFollowersScreen|profileFollowsScreen]`.
 *
 * Real pages this is checked against (tests/fixtures/bluesky): one signed-out session of April 2025
 * (SubstrateLabs/brocc `cli/src/brocc_li/tests/html_fixtures/_bsky-profile.html`, `_bsky-followers.html`,
 * `_bsky-follows.html`, `_bsky-feed.html`). No capture shows your own profile, a hover card, a signed-in
 * page or a language other than English: hand-written fixtures stand in for those.
 */
import { parseExactCount } from '../detection/count';
import { metricOfLabel } from '../detection/metric-words';
import {
  insideAny,
  isElement,
  langOf,
  makeFound,
  queryAll,
  readCount,
  readPhrase,
  resolveHref,
  segments,
  textOf,
  USER_CONTENT,
} from './dom';
import { around } from './layers';
import { hasEditProfileControl } from './own';
import type { Found, HideSelectors, Metric, PageType, Region, SiteAdapter, SiteContext } from './types';

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
 * Also the adapter's `quiet` (the most frequent first): the fallback layers never read a bio's "10K
 * followers" link when a header's own links are gone, and the live layer skips a growing feed's items.
 */
const QUIET = [
  '[data-testid^="feedItem-by-"]',
  '[data-testid^="postThreadItem-by-"]',
  '[data-testid="postText"]',
  '[data-testid="profileHeaderDescription"]',
  '[data-testid="contentHider-post"]',
].join(', ');
const EXCLUDED = `${USER_CONTENT}, ${QUIET}`;

const HANDLE = /^(did:[a-z]+:[A-Za-z0-9._:%-]+|[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z0-9-]+)$/;

/** `/profile/<handle>[/<tail>]` → handle and tail, or undefined. */
function profilePath(url: URL): { handle: string; tail: string[] } | undefined {
  const [first, handle, ...tail] = segments(url);
  return first === 'profile' && handle && HANDLE.test(handle) ? { handle, tail } : undefined;
}

const pages: Record<string, PageType> = {
  followList: {
    test: (url) => /^(followers|follows|known-followers)$/.test(profilePath(url)?.tail.join('/') ?? '-'),
  },
  post: {
    test: (url) => /^post\/[A-Za-z0-9]+(\/(liked-by|reposted-by|quotes))?$/.test(profilePath(url)?.tail.join('/') ?? '-'),
  },
  profile: {
    test: (url) => profilePath(url)?.tail.length === 0,
  },
  home: {
    test: (url) => /^\/(notifications|search|feeds|messages|lists)?\/?$/.test(url.pathname),
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
  const links = doc.querySelectorAll(
    '[role="navigation"] a[href^="/profile/"], nav a[href^="/profile/"], a[data-testid="bottomBarProfileBtn"]',
  );
  for (const link of Array.from(links)) {
    const path = profilePath(new URL(link.getAttribute('href') ?? '', 'https://bsky.app'));
    if (path && path.tail.length === 0) return path.handle;
  }
  return undefined;
}

/**
 * A header link's profile header: three levels up holds the button row (Follow, or "Edit profile" on your
 * own), the name and handle, the metrics row and the bio (brocc `_bsky-profile.html`). Scoped to it
 * because React Navigation keeps earlier profile screens mounted (hidden) on web.
 */
const LINK_TO_HEADER = 3;

/**
 * `isMe` swaps Follow for `profileHeaderEditProfileButton`, labelled "Edit profile"
 * (ProfileHeaderStandard.tsx): by its test id, else by that label in any language.
 */
function hasEditProfile(header: Element): boolean {
  return header.querySelector('[data-testid="profileHeaderEditProfileButton"]') !== null || hasEditProfileControl(header);
}

/** `me`: the signed-in handle where the page carries it (signedInHandle), read once per detection. */
function isOwn(link: Element, handle: string, me: string | undefined): boolean {
  if (me) return me.toLowerCase() === handle.toLowerCase();
  return hasEditProfile(around(link, LINK_TO_HEADER));
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

function readLink(link: Element, ctx: SiteContext, signedIn: () => string | undefined): Found | null {
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
  // A regrouped link (text nodes instead of two children): read "12.3K followers" whole — the label
  // layer's way, and said so.
  const phrase = count ? null : readPhrase(link, ctx);
  const value = count ?? (phrase?.metric === target.metric ? phrase.count : null);
  if (!value) return null;
  const found = makeFound(link, target.metric, value, isOwn(link, target.handle, signedIn()), text);
  return count ? found : { ...found, via: 'label' };
}

/** The follow lists' screens, by test id, and the metric each one's subtitle counts. */
const LIST_SCREENS: Readonly<Record<string, Metric>> = { profileFollowersScreen: 'followers', profileFollowsScreen: 'following' };
const SCREENS = Object.keys(LIST_SCREENS)
  .map((id) => `[data-testid="${id}"]`)
  .join(', ');

/** The list a follow-list URL shows: `followers` or `follows` (not `known-followers`, which has no count). */
function listOf(url: URL): { handle: string; metric: Metric } | undefined {
  const path = profilePath(url);
  const metric = path && path.tail.length === 1 ? LIST_METRICS[path.tail[0] ?? ''] : undefined;
  return path && metric ? { handle: path.handle, metric } : undefined;
}

/**
 * The subtitle of a follow list's header, "21 followers": the text whose whole is a count phrase of the
 * screen's metric (the name above it never is). One per screen, the last: the subtitle follows the name.
 */
function readSubtitles(root: ParentNode, ctx: SiteContext, signedIn: () => string | undefined): Found[] {
  const list = listOf(ctx.url);
  if (!list) return [];
  // The screens around or under the root: a live pass on the subtitle's own text has the subtitle as root.
  const inside = isElement(root) ? root.closest(SCREENS) : null;
  const screens = inside ? [inside] : queryAll(root, SCREENS);
  const found: Found[] = [];
  for (const screen of screens) {
    const metric = LIST_SCREENS[screen.getAttribute('data-testid') ?? ''];
    const header = screen.firstElementChild;
    if (metric !== list.metric || !header) continue;
    let subtitle: Found | undefined;
    for (const el of Array.from(header.querySelectorAll('div[dir="auto"]'))) {
      if (el.querySelector('div[dir="auto"]')) continue;
      const text = textOf(el);
      if (text.length > 80 || !/\p{Nd}/u.test(text)) continue;
      const phrase = readPhrase(el, ctx, text);
      if (phrase?.metric !== metric) continue;
      const me = signedIn();
      subtitle = makeFound(el, metric, phrase.count, me !== undefined && me.toLowerCase() === list.handle.toLowerCase(), text);
    }
    if (subtitle && ((root as Node).contains(subtitle.element) || subtitle.element.contains(root as Node))) found.push(subtitle);
  }
  return found;
}

/**
 * Where counts live, each found without relying on test ids alone:
 * - profile pages: the header around its name (`profileHeaderDisplayName`), or around a count link in
 *   `main` (by href and aria-label: a build without test ids keeps its links);
 * - follow lists: the screen's header row, or — without test ids — the row around the screen's first
 *   button, "Go back" (brocc `_bsky-followers.html`);
 * - hover cards: a count link outside `main` (the card is portalled) and the card around it.
 */
const REGION_ANCHORS = '[data-testid="profileHeaderDisplayName"], a[href$="/followers"][aria-label], a[href$="/follows"][aria-label]';
const BOTH: readonly Metric[] = ['followers', 'following'];

function regions(ctx: SiteContext): Region[] {
  const out: Region[] = [];
  const add = (element: Element, metrics: readonly Metric[], own: () => boolean, transient = false) => {
    // An anchor inside a region already found adds nothing; one around it replaces it.
    if (out.some((region) => region.element.contains(element))) return;
    for (let i = out.length - 1; i >= 0; i--) if (element.contains(out[i]!.element)) out.splice(i, 1);
    out.push({ element, metrics, own, ...(transient ? { transient } : {}) });
  };
  let me: { handle: string | undefined } | undefined;
  const signedIn = () => (me ??= { handle: signedInHandle(ctx.doc) }).handle;
  const isMe = (handle: string | undefined) => {
    const mine = signedIn();
    return mine !== undefined && handle !== undefined && mine.toLowerCase() === handle.toLowerCase();
  };
  const profile = ctx.page === 'profile' ? profilePath(ctx.url)?.handle : undefined;
  const list = ctx.page === 'followList' ? listOf(ctx.url) : undefined;
  if (list) {
    let header: Element | null = null;
    for (const screen of Array.from(ctx.doc.querySelectorAll(SCREENS))) {
      if (LIST_SCREENS[screen.getAttribute('data-testid') ?? ''] === list.metric) header = screen.firstElementChild ?? header;
    }
    // Without test ids: the row around the screen's first button, "Go back".
    const back = header ? null : ctx.doc.querySelector('main button, main [role="button"]');
    header ??= back ? around(back, 2) : null;
    if (header) add(header, [list.metric], () => isMe(list.handle));
  }
  for (const anchor of Array.from(ctx.doc.querySelectorAll(REGION_ANCHORS))) {
    if (insideAny(anchor, EXCLUDED)) continue;
    if (anchor.tagName !== 'A') {
      if (profile === undefined) continue;
      const header = around(anchor, LINK_TO_HEADER);
      add(header, BOTH, () => (signedIn() ? isMe(profile) : hasEditProfile(header)));
      continue;
    }
    const target = linkTarget(anchor, ctx);
    // Only a link InlineLinkText rendered (its aria-label this very count) stands for a header or a card:
    // a count-shaped link anywhere else is someone's text.
    if (!target || readPhrase(anchor, ctx, anchor.getAttribute('aria-label') ?? '')?.metric !== target.metric) continue;
    if (!anchor.closest('main')) {
      add(around(anchor, 2), BOTH, () => isMe(target.handle), true);
    } else if (profile !== undefined && target.handle.toLowerCase() === profile.toLowerCase()) {
      const header = around(anchor, LINK_TO_HEADER);
      add(header, BOTH, () => (signedIn() ? isMe(profile) : hasEditProfile(header)));
    }
  }
  return out;
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * The number span of the header's two buttons and of the hover card's links (no test ID there, but
 * the aria-label InlineLinkText gives them); never links inside posts, quotes or the bio. A follow
 * list's subtitle counts its screen's metric (`LIST_SCREENS`).
 */
export function hide(): HideSelectors {
  const link = (tail: string) =>
    `a[href$="/${tail}"][aria-label]:not(article *, blockquote *, [data-testid^="feedItem-by-"] *, ` +
    `[data-testid^="postThreadItem-by-"] *, [data-testid="postText"] *, ` +
    `[data-testid="profileHeaderDescription"] *, [data-testid="contentHider-post"] *, ` +
    `[aria-label="Quoted post"] *) > span:first-child`;
  // The screen's header row is its first child: the back button, then the name and the subtitle (brocc
  // `_bsky-followers.html`). The subtitle is one text, "21 followers": the whole of it goes (the name before it stays).
  const subtitle = (metric: Metric) =>
    Object.keys(LIST_SCREENS)
      .filter((id) => LIST_SCREENS[id] === metric)
      .map((id) => `[data-testid="${id}"] > :first-child div[dir="auto"] + div[dir="auto"]`);
  return {
    followers: ['[data-testid="profileHeaderFollowersButton"] > :first-child', ...subtitle('followers'), link('followers')].join(', '),
    following: ['[data-testid="profileHeaderFollowsButton"] > :first-child', ...subtitle('following'), link('follows')].join(', '),
  };
}

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  name: 'Bluesky',
  hosts: ['bsky.app'],
  quiet: QUIET,
  pages,
  detect(root, ctx) {
    let me: { handle: string | undefined } | undefined;
    const signedIn = () => (me ??= { handle: signedInHandle(ctx.doc) }).handle;
    const found: Found[] = ctx.page === 'followList' ? readSubtitles(root, ctx, signedIn) : [];
    for (const link of queryAll(root, LINK_SELECTOR)) {
      if (insideAny(link, EXCLUDED)) continue;
      const item = readLink(link, ctx, signedIn);
      if (item) found.push(item);
    }
    return found;
  },
  regions,
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  followList: [
    'https://bsky.app/profile/jane.bsky.social/followers',
    'https://bsky.app/profile/jane.bsky.social/follows',
    'https://bsky.app/profile/did:plc:abc123xyz/known-followers',
  ],
  post: ['https://bsky.app/profile/jane.bsky.social/post/3lbq2x7yz4k2a', 'https://bsky.app/profile/did:plc:abc123xyz/post/3kxyz/liked-by'],
  profile: [
    'https://bsky.app/profile/jane.bsky.social',
    'https://bsky.app/profile/did:plc:abc123xyz',
    'https://bsky.app/profile/example.com/',
  ],
  home: ['https://bsky.app/', 'https://bsky.app/notifications', 'https://bsky.app/search'],
};
