/**
 * Facebook ("Comet" SPA). No `data-testid`, and the atomic classes (`x9f619 x1n2onr6 …`) change per
 * deploy (tusarimrananik/social-hacker relies on them and breaks; DimensionDev/Maskbook keys on roles and
 * `data-pagelet`), so only roles and hrefs are used. The profile
 * header's social line is a row of links: "12K followers" → `/<name>/followers/`, "310 following"
 * → `/<name>/following/`, "523 friends" → `/<name>/friends`, or the query-style
 * `profile.php?id=…&sk=followers` (Facebook scraper docstring, code id 60234491614). The count is
 * read from the link text as "number + label" in the page language. Facebook puts no exact value
 * in the DOM: followers are abbreviated, friends exact.
 *
 * Never reported: "12 mutual" (`/friends_mutual`), page likes, group members, and anything inside
 * posts, comments or the tab bar.
 *
 * No real profile has been saved anywhere we could find (issue 12's search of public repositories): the
 * profile markup here is the research's (site-dom-notes §3) and the hand-written fixtures'. What real pages show —
 * logged-in group pages in English and Vietnamese, an m.facebook.com group — is checked as pages where
 * nothing may be found (tests/fixtures/facebook), and it gave the conventions the fixtures follow
 * (`[role="main"]`, `h1.html-h1`, `a[role="link"][tabindex="0"]`, numbers in `<strong>`, the nav's
 * `div[role="button"][aria-label="Your profile"]`, which is a button and reveals no profile URL).
 */
import { metricOfLabel } from '../detection/metric-words';
import {
  hostMatches,
  insideAny,
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
import type { Found, HideSelectors, Metric, Region, SiteAdapter, SiteContext } from './types';

function onFacebook(url: URL): boolean {
  return hostMatches(url.hostname, 'facebook.com');
}

/** First path segments that are Facebook's own pages, not profile names. */
const RESERVED = new Set([
  'home.php',
  'watch',
  'marketplace',
  'groups',
  'gaming',
  'events',
  'pages',
  'messages',
  'notifications',
  'friends',
  'settings',
  'reel',
  'reels',
  'stories',
  'photo',
  'photo.php',
  'photos',
  'permalink.php',
  'story.php',
  'search',
  'bookmarks',
  'saved',
  'login',
  'login.php',
  'help',
  'privacy',
  'policies',
  'memories',
  'fundraisers',
  'ads',
  'business',
  'live',
  'hashtag',
  'share',
  'sharer.php',
  'dialog',
  'plugins',
]);

const TAB_METRICS: Readonly<Record<string, Metric>> = { followers: 'followers', following: 'following', friends: 'friends' };

/** The profile a URL belongs to: `/<name>…` or `profile.php?id=…`. */
function profileOf(url: URL): string | undefined {
  const [first] = segments(url);
  if (!first) return undefined;
  if (first === 'profile.php') return url.searchParams.get('id') ?? undefined;
  if (RESERVED.has(first.toLowerCase()) || !/^[\w.-]+$/.test(first)) return undefined;
  return first;
}

/** The list a URL shows: `/<name>/followers/` (path style) or `profile.php?id=…&sk=followers` (query style). */
function listOf(url: URL): string | undefined {
  const parts = segments(url);
  if (parts[0] === 'profile.php') return url.searchParams.get('sk') ?? undefined;
  return parts.length === 2 ? parts[1] : undefined;
}

function linkMetric(href: string, ctx: SiteContext): Metric | undefined {
  const url = resolveHref(href, ctx.url);
  if (!url) return undefined;
  if (!onFacebook(url) || !profileOf(url)) return undefined;
  const list = listOf(url);
  return list ? TAB_METRICS[list] : undefined;
}

const LINK_SELECTOR = [
  'a[href*="/followers"]',
  'a[href*="/following"]',
  'a[href*="/friends"]',
  'a[href*="sk=followers"]',
  'a[href*="sk=following"]',
  'a[href*="sk=friends"]',
].join(', ');

/**
 * Posts and comments are `role="article"`; the feed is `role="feed"`; the profile tabs
 * (`[role="tablist"]`, Maskbook `facebook.com/utils/selector.ts`; the real 2026 group page has the same
 * `a[role="tab"]` bar) repeat "Friends" as navigation; the Intro / Photos / Friends tiles
 * (`data-pagelet="ProfileTilesFeed_…"`) repeat the friends count under a heading, next to user-written
 * bio text; "12 mutual friends" links to `/friends_mutual`.
 */
const QUIET = '[role="article"], [role="feed"], [role="tablist"], [data-pagelet^="ProfileTilesFeed"], a[href*="friends_mutual"]';
const EXCLUDED = `${USER_CONTENT}, ${QUIET}`;
/** What a profile header shows (a page: followers; a person: friends and followers). */
const REGION_METRICS: readonly Metric[] = ['followers', 'friends'];

/** The profile header: the nearest block that holds both the name (`h1`) and the tab bar. */
function headerOf(main: Element): Element | null {
  const name = main.querySelector('h1');
  const tabs = main.querySelector('[role="tablist"]');
  if (!name) return null;
  if (!tabs) return name.parentElement;
  let block: Element | null = name.parentElement;
  while (block && !block.contains(tabs)) block = block.parentElement;
  return block;
}

/**
 * Own profile: its header offers "Edit profile" where others' offer "Add friend" / "Follow", as a
 * `div[role="button"]` with the label as text or `aria-label` (utils/sites/own.ts: 40 languages). The nav's
 * "Your profile" is a button without the viewer's URL (both real group captures), so there is no
 * signed-in handle to compare.
 */
function isOwnHeader(header: Element | null): boolean {
  return header !== null && hasEditProfileControl(header);
}

/** Pages that show a profile's header: the profile and its friends / followers lists. */
function onProfile(ctx: SiteContext): boolean {
  return ctx.page === 'profile' || ctx.page === 'friendsList' || ctx.page === 'followList';
}

/**
 * The profile header in `[role="main"]`: the block holding the name's `h1` and the tab bar, else the block
 * three levels around the `h1`. On profiles only: a group's header has the same `h1` and tab bar, with a
 * member count.
 */
function profileRegions(ctx: SiteContext): Region[] {
  if (!onProfile(ctx) || !onFacebook(ctx.url)) return [];
  const regions: Region[] = [];
  for (const main of Array.from(ctx.doc.querySelectorAll('[role="main"]'))) {
    const name = main.querySelector('h1');
    if (!name || insideAny(name, EXCLUDED)) continue;
    const header = headerOf(main) ?? around(name, 3);
    // "12 mutual friends" is no label in any language (utils/detection/lang), so it never stands in for the friends count.
    regions.push({ element: header, metrics: REGION_METRICS, own: () => isOwnHeader(header) });
  }
  return regions;
}

/**
 * m.facebook.com ("bloks"): no `[role="main"]`, no links; every text is its own absolutely positioned
 * `[data-mcomponent="ServerTextArea"]`, and a count's number and label are sibling components
 * (the real group header: `… > ServerTextArea "286K"` + `ServerTextArea "thành viên"`, thongtq69/newstatus
 * `facebook_page.html`). Read there as number + label (or label + number), in the block around the
 * page's `h1` — the name, as the group's title is — on profile pages only. No profile was saved in this
 * layout, so the metric rests on the label alone (`via: 'label'`).
 */
const MOBILE_TEXT = '[data-mcomponent="ServerTextArea"]';
const MOBILE_METRICS: ReadonlySet<Metric> = new Set(['followers', 'following', 'friends']);

function mobileHeader(doc: Document): Element | null {
  const name = doc.querySelector(`h1${MOBILE_TEXT}`);
  return name?.parentElement ?? null;
}

function mobileCounts(root: ParentNode, ctx: SiteContext): Found[] {
  if (!onProfile(ctx)) return [];
  const header = mobileHeader(ctx.doc);
  if (!header) return [];
  const found: Found[] = [];
  for (const el of queryAll(root, MOBILE_TEXT)) {
    if (!header.contains(el)) continue;
    const shown = textOf(el);
    if (shown.length > 20 || !/\p{Nd}/u.test(shown)) continue;
    const count = readCount(el, ctx, { text: shown });
    if (!count) continue;
    for (const [label, first] of [
      [el.nextElementSibling, false],
      [el.previousElementSibling, true],
    ] as const) {
      if (!label?.matches(MOBILE_TEXT)) continue;
      const words = textOf(label);
      const metric = metricOfLabel(words, langOf(label, ctx));
      // "12 mutual friends" is someone else's overlap, never the profile's own count.
      if (!metric || !MOBILE_METRICS.has(metric) || /mutual/i.test(words)) continue;
      found.push({ ...makeFound(el, metric, count, isOwnHeader(header), first ? `${words} ${shown}` : `${shown} ${words}`), via: 'label' });
      break;
    }
  }
  return found;
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * The header's count links in the main column, each metric by its link's target (`/followers`,
 * `/following`, `/friends`, or `profile.php?…&sk=…`). The number is a `<strong>` on some profiles;
 * elsewhere number and label are one text node ("1.2K friends"), so the whole link hides. Mutual
 * friends, tabs, posts, comments and the Intro/Friends tiles stay.
 */
export function hide(): HideSelectors {
  const numbers = (metric: 'followers' | 'following' | 'friends') =>
    ((link) => [`${link} > strong`, `${link}:not(:has(strong))`].join(', '))(
      `[role="main"] a:is([href*="/${metric}"], [href*="sk=${metric}"])` +
        ':not([href*="friends_"], [role="tab"], [role="article"] *, [role="feed"] *, ' +
        '[role="tablist"] *, [data-pagelet^="ProfileTilesFeed"] *, article *)',
    );
  return { followers: numbers('followers'), following: numbers('following'), friends: numbers('friends') };
}

export const facebook: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook',
  hosts: ['facebook.com'],
  pages: {
    friendsList: {
      test: (url) => profileOf(url) !== undefined && /^friends(_all|_mutual|_recent)?$/.test(listOf(url) ?? ''),
    },
    followList: {
      test: (url) => profileOf(url) !== undefined && /^(followers|following)$/.test(listOf(url) ?? ''),
    },
    profile: {
      test: (url) => profileOf(url) !== undefined && (segments(url).length === 1 || listOf(url) !== undefined),
    },
    home: {
      test: (url) => /^\/(home\.php)?$/.test(url.pathname),
    },
  },
  quiet: QUIET,
  detect(root, ctx) {
    const found: Found[] = [];
    const headers = new Map<Element, boolean>();
    for (const link of queryAll(root, LINK_SELECTOR)) {
      const main = link.closest('[role="main"]');
      if (!main || insideAny(link, EXCLUDED)) continue;
      const metric = linkMetric(link.getAttribute('href') ?? '', ctx);
      if (!metric) continue;
      // "12K followers", "1.234 Freunde", "Followers 12K" — the whole link text is the phrase.
      const text = textOf(link);
      const phrase = readPhrase(link, ctx, text);
      // The label must agree with the href: "12 mutual friends" next to a friends link is not the friends count.
      if (!phrase || phrase.metric !== metric) continue;
      if (!headers.has(main)) headers.set(main, isOwnHeader(headerOf(main)));
      found.push(makeFound(link, metric, phrase.count, headers.get(main) ?? false, text));
    }
    return found.length > 0 ? found : mobileCounts(root, ctx);
  },
  regions: profileRegions,
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  friendsList: [
    'https://www.facebook.com/jane.doe/friends',
    'https://www.facebook.com/profile.php?id=100012345678901&sk=friends',
    'https://www.facebook.com/jane.doe/friends_mutual',
  ],
  followList: [
    'https://www.facebook.com/jane.doe/followers/',
    'https://www.facebook.com/profile.php?id=100012345678901&sk=followers',
    'https://www.facebook.com/jane.doe/following',
  ],
  profile: [
    'https://www.facebook.com/jane.doe',
    'https://www.facebook.com/profile.php?id=100012345678901',
    'https://www.facebook.com/jane.doe/about',
  ],
  home: ['https://www.facebook.com/', 'https://www.facebook.com/home.php'],
};
