/**
 * X (Twitter). Counts are two links in the profile header and in user hovercards (portalled into
 * `#layers`): `/<handle>/following` and, since Sept 2023, `/<handle>/verified_followers`
 * (insin/control-panel-for-twitter#416). The number is the link's first span, the label the second.
 * No exact value is in the DOM. Atomic `css-…`/`r-…` classes change daily: only hrefs, roles and
 * `data-testid` are used.
 *
 * Real pages this is checked against (tests/fixtures/x, reduced from public captures): signed-in
 * profiles, own and someone else's (SubstrateLabs/brocc `cli/src/brocc_li/tests/html_fixtures/_x-*.html`,
 * April 2025), a signed-out en-GB profile (insin/control-panel-for-twitter PR #777
 * `examples/mario-zechner-twitter.html`, late 2025), a zh-Hant header link (vinta/pangu.js
 * `fixtures/whitespace.html`), the follow lists and the home timeline. No capture has a hovercard.
 */
import { metricOfLabel } from '../detection/metric-words';
import { insideAny, langOf, makeFound, queryAll, readCount, readPhrase, segments, textOf, USER_CONTENT } from './dom';
import { around } from './layers';
import { hasEditProfileControl } from './own';
import type { Found, HideSelectors, Metric, Region, SiteAdapter, SiteContext } from './types';

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
/** Paths that look like /<handle> but are X's own pages. */
const RESERVED = new Set([
  'home',
  'explore',
  'notifications',
  'messages',
  'settings',
  'i',
  'search',
  'compose',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
  'jobs',
  'communities',
  'lists',
  'bookmarks',
  'premium',
]);

function profileHandle(url: URL): string | undefined {
  const [first] = segments(url);
  return first && HANDLE.test(first) && !RESERVED.has(first.toLowerCase()) ? first : undefined;
}

/** Link suffix → metric. `/followers` is the pre-2023 spelling, still served to some accounts. */
const LINKS: ReadonlyArray<readonly [string, Metric]> = [
  ['verified_followers', 'followers'],
  ['followers', 'followers'],
  ['following', 'following'],
];
const LINK_SELECTOR = 'a[href$="/verified_followers"], a[href$="/followers"], a[href$="/following"]';

/**
 * Posts, bios and link cards: a link to someone's /followers inside them is user content. And list cells
 * (`cellInnerDiv`, the rows of X's virtualized lists: timelines, follower lists, search results), which
 * hold posts and user cells, never a profile's counts — those are in the profile header above the list
 * and in hovercards under `#layers`. And tab bars: the follow lists' tabs are
 * `a[role=tab][href="/<handle>/verified_followers"|"/followers"|"/following"]` inside
 * `[role=tablist]` ("Verified Followers", "Followers", "Following": brocc `_x-profile-followers.html`),
 * the count links' very hrefs without a number; the profile's own tabs (Posts, Likes) sit in one too.
 * Also the adapter's `quiet`: the live layer skips added timeline rows with one selector match each.
 */
const EXCLUDED =
  `${USER_CONTENT}, [data-testid="tweet"], [data-testid="tweetText"], [data-testid="UserDescription"], ` +
  `[data-testid="card.wrapper"], [data-testid="cellInnerDiv"], [role="tablist"], [role="tab"]`;

/**
 * The count links outside user content, in one selector: a timeline batch is dozens of posts, each with a
 * link to someone's followers in it, and the engine discards those without a single wrapper made in the
 * content script's world. (`insideAny(link, EXCLUDED)` stays the rule; engines without complex `:not()`
 * match more here, never less.)
 */
const COUNT_LINKS = LINK_SELECTOR.split(', ')
  .map(
    (link) =>
      `${link}:not([role="tab"], ${EXCLUDED.split(', ')
        .map((region) => `${region} *`)
        .join(', ')})`,
  )
  .join(', ');

const PLAIN_PATH = /^\/[A-Za-z0-9_]+\/[a-z_]+$/;

function linkTarget(href: string): { handle: string; metric: Metric } | undefined {
  let path: string;
  // X's own links are plain paths ("/jane/verified_followers"), which a URL parse would return unchanged.
  if (PLAIN_PATH.test(href)) {
    path = href;
  } else {
    try {
      path = new URL(href, 'https://x.com').pathname;
    } catch {
      return undefined;
    }
  }
  const parts = path.split('/').filter(Boolean);
  if (parts.length !== 2) return undefined;
  const [handle, tail] = parts as [string, string];
  if (!HANDLE.test(handle)) return undefined;
  const metric = LINKS.find(([suffix]) => suffix === tail)?.[1];
  return metric ? { handle, metric } : undefined;
}

const PLAIN_PROFILE = /^\/([A-Za-z0-9_]+)\/?$/;

/** The handle of a link to a bare profile (`/jane`, `https://twitter.com/Jane?s=20`), or undefined. */
function bareHandle(href: string | null): string | undefined {
  if (!href) return undefined;
  // X writes it as a plain path ("/jane"): read directly, without a URL parse per detection (each hovercard).
  const plain = PLAIN_PROFILE.exec(href);
  if (plain) return plain[1];
  try {
    const parts = new URL(href, 'https://x.com').pathname.split('/').filter(Boolean);
    return parts.length === 1 ? parts[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signed-in user's handle: the side navigation's profile link by its test id, else — a build without
 * test ids — the banner's only link to a bare `/<handle>` (the others are `/home`, `/explore`,
 * `/notifications`, `/messages`, `/i/grok`, `/<me>/communities`, `/compose/post`: brocc
 * `_x-profile.html`, `_x-likes.html`). Signed out, the banner holds only the logo's link.
 */
function signedInHandle(doc: Document): string | undefined {
  const link = doc.querySelector('[data-testid="AppTabBar_Profile_Link"]');
  if (link) return bareHandle(link.getAttribute('href'));
  for (const candidate of Array.from(doc.querySelectorAll('header[role="banner"] a[href]'))) {
    const handle = bareHandle(candidate.getAttribute('href'));
    if (handle && HANDLE.test(handle) && !RESERVED.has(handle.toLowerCase())) return handle;
  }
  return undefined;
}

/**
 * The profile header around a count link: three levels up is the header's body — avatar row (with "Edit
 * profile" on your own), `UserName`, bio, `UserProfileHeader_Items` and the counts row — in every
 * capture (brocc `_x-profile.html`, `_x-likes.html`; CPFT `mario-zechner-twitter.html`).
 */
const LINK_TO_HEADER = 3;

/**
 * Your own header shows "Edit profile": `a[data-testid="editProfileButton"][href="/settings/profile"]`
 * (brocc `_x-likes.html`, April 2025; CPFT L7840 keys on the href), else its label in any language.
 */
function hasEditProfile(header: Element): boolean {
  return header.querySelector('a[href="/settings/profile"], [data-testid="editProfileButton"]') !== null || hasEditProfileControl(header);
}

/**
 * `me`: the signed-in handle (signedInHandle), read once per detection rather than once per link;
 * `headers`: what each header said, for the other link in it.
 */
function isOwn(link: Element, handle: string, me: string | undefined, headers: Map<Element, boolean>): boolean {
  if (me) return me.toLowerCase() === handle.toLowerCase();
  // No signed-in handle (signed out, a narrow layout, a build without test ids): the header's "Edit
  // profile" says it. Hovercards have none.
  if (link.closest('#layers')) return false;
  const header = around(link, LINK_TO_HEADER);
  let own = headers.get(header);
  if (own === undefined) headers.set(header, (own = hasEditProfile(header)));
  return own;
}

/**
 * Where counts live, each found without the count links' test ids or hrefs alone:
 * - the profile header (profile pages): the wrapper that holds the banner link
 *   `a[href$="/header_photo"]` and the header's body (`UserName`'s grandparent); failing both, the
 *   header's body around a count link;
 * - hovercards (`#layers [data-testid="HoverCard"]`, site-dom-notes §1), or the stats row around a count
 *   link in `#layers` (CPFT L5960 climbs three parents from it). Not `#layers` itself: the DM drawer
 *   lives there too (brocc `_x-home.html`).
 */
const HEADER_ANCHORS = `[data-testid="UserName"], a[href$="/header_photo"], ${LINK_SELECTOR}`;
const CARD_ANCHORS = `[data-testid="HoverCard"], ${LINK_SELECTOR}`;
const METRICS: readonly Metric[] = ['following', 'followers'];

function headerOf(anchor: Element): Element {
  if (anchor.matches('[data-testid="UserName"]')) return around(anchor, 2);
  if (anchor.matches('a[href$="/header_photo"]')) return around(anchor, 1);
  return around(anchor, LINK_TO_HEADER);
}

/** `area` may hold a region that overlaps `within` (an ancestor, a descendant or the same element). */
const overlapping = (area: Element, within: Element | undefined) => !within || area.contains(within) || within.contains(area);

function regions(ctx: SiteContext, within?: Element): Region[] {
  const out: Region[] = [];
  const add = (element: Element, own: () => boolean, transient: boolean) => {
    // An anchor inside a region already found adds nothing; one around it replaces it.
    if (out.some((region) => region.element.contains(element))) return;
    for (let i = out.length - 1; i >= 0; i--) if (element.contains(out[i]!.element)) out.splice(i, 1);
    out.push({ element, metrics: METRICS, own, ...(transient ? { transient } : {}) });
  };
  let me: { handle: string | undefined } | undefined;
  const signedIn = () => (me ??= { handle: signedInHandle(ctx.doc) }).handle;
  const main = ctx.page === 'profile' ? ctx.doc.querySelector('main') : null;
  const profile = profileHandle(ctx.url);
  if (main && profile && overlapping(main, within)) {
    for (const anchor of Array.from(main.querySelectorAll(HEADER_ANCHORS))) {
      if (insideAny(anchor, EXCLUDED)) continue;
      const header = headerOf(anchor);
      add(
        header,
        () => {
          const handle = signedIn();
          return handle ? handle.toLowerCase() === profile.toLowerCase() : hasEditProfile(header);
        },
        false,
      );
    }
  }
  const layers = ctx.doc.getElementById('layers');
  if (layers && overlapping(layers, within)) {
    for (const anchor of Array.from(layers.querySelectorAll(CARD_ANCHORS))) {
      if (insideAny(anchor, EXCLUDED)) continue;
      const card = anchor.matches('[data-testid="HoverCard"]') ? anchor : around(anchor, 3);
      add(
        card,
        () => {
          const handle = signedIn()?.toLowerCase();
          return (
            handle !== undefined &&
            Array.from(card.querySelectorAll('a[href]')).some((link) => bareHandle(link.getAttribute('href'))?.toLowerCase() === handle)
          );
        },
        true,
      );
    }
  }
  return out;
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * Only the number: each count link's first span (or, in the regrouped link of CPFT#249, the
 * wrapper's first span). The label and the prompt chip beside the link stay visible. Posts, bios and
 * link cards are never touched. Followers are the `/verified_followers` (and pre-2023 `/followers`)
 * links, following the `/following` link.
 */
export function hide(): HideSelectors {
  const numbers = (tails: readonly string[]) =>
    tails
      .map(
        (tail) =>
          `a[href$="/${tail}"]:not([role="tab"], article *, [data-testid="tweet"] *, [data-testid="UserDescription"] ` +
          `*, [data-testid="card.wrapper"] *, [role="tablist"] *)`,
      )
      .flatMap((link) => [`${link} > span:first-child`, `${link} > div > span:first-child`])
      .join(', ');
  return { followers: numbers(['verified_followers', 'followers']), following: numbers(['following']) };
}

export const x: SiteAdapter = {
  id: 'x',
  name: 'X',
  hosts: ['x.com', 'twitter.com'],
  // The same regions, the most frequent first: a match stops at the first selector that matches.
  quiet: `[data-testid="cellInnerDiv"], ${EXCLUDED}`,
  pages: {
    followList: {
      test: (url) =>
        profileHandle(url) !== undefined &&
        /^\/[^/]+\/(verified_followers|followers|following|followers_you_follow)\/?$/.test(url.pathname),
    },
    profile: {
      test: (url) =>
        profileHandle(url) !== undefined &&
        /^\/[^/]+(\/(with_replies|media|likes|highlights|articles|affiliates|superfollows))?\/?$/.test(url.pathname),
    },
    status: {
      test: (url) => profileHandle(url) !== undefined && /^\/[^/]+\/status\/\d+/.test(url.pathname),
    },
    home: {
      test: (url) => /^\/(home|explore|notifications|search)?\/?$/.test(url.pathname),
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    let me: { handle: string | undefined } | undefined;
    const headers = new Map<Element, boolean>();
    for (const link of queryAll(root, COUNT_LINKS)) {
      if (insideAny(link, EXCLUDED)) continue;
      const target = linkTarget(link.getAttribute('href') ?? '');
      if (!target) continue;
      // The number is the first span; its sibling holds the label ("Followers", "Folge ich").
      const spans = Array.from(link.children).filter((child) => child.tagName === 'SPAN');
      const numberSpan = spans[0];
      const labelSpan = spans[1];
      let count = numberSpan ? readCount(numberSpan, ctx) : null;
      if (labelSpan && count) {
        const labelled = metricOfLabel(textOf(labelSpan), langOf(labelSpan, ctx));
        if (labelled && labelled !== target.metric && labelled !== 'subscribers') count = null;
      }
      // Fallback for a regrouped link (CPFT#249: X adds wrappers now and then): read "12.3K Followers" as a
      // phrase — the label layer's way, and said so (site health tells a moved markup from a healthy one).
      const phrase = count ? null : readPhrase(link, ctx);
      const value = count ?? (phrase?.metric === target.metric ? phrase.count : null);
      if (!value) continue;
      me ??= { handle: signedInHandle(ctx.doc) };
      const item = makeFound(link, target.metric, value, isOwn(link, target.handle, me.handle, headers), textOf(link));
      found.push(count ? item : { ...item, via: 'label' });
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
  followList: ['https://x.com/jane/verified_followers', 'https://x.com/jane/following', 'https://twitter.com/jane/followers'],
  profile: ['https://x.com/jane', 'https://x.com/jane/media', 'https://twitter.com/Jane_Doe/with_replies'],
  status: ['https://x.com/jane/status/1790000000000000000'],
  home: ['https://x.com/home', 'https://x.com/', 'https://x.com/explore'],
};
