/**
 * X (Twitter). Counts are two links in the profile header and in user hovercards (portalled into
 * `#layers`): `/<handle>/following` and, since Sept 2023, `/<handle>/verified_followers`
 * (insin/control-panel-for-twitter#416). The number is the link's first span, the label the second.
 * No exact value is in the DOM. Atomic `css-…`/`r-…` classes change daily: only hrefs and
 * `data-testid` are used.
 */
import { metricOfLabel } from '../metric-words';
import { insideAny, langOf, makeFound, queryAll, readCount, readPhrase, segments, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, SiteAdapter } from './types';

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
/** Paths that look like /<handle> but are X's own pages. */
const RESERVED = new Set([
  'home', 'explore', 'notifications', 'messages', 'settings', 'i', 'search', 'compose', 'login',
  'logout', 'signup', 'tos', 'privacy', 'jobs', 'communities', 'lists', 'bookmarks', 'premium',
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
 * and in hovercards under `#layers`. Also the adapter's `quiet`: the live layer skips added timeline rows
 * with one selector match each.
 */
const EXCLUDED = `${USER_CONTENT}, [data-testid="tweet"], [data-testid="tweetText"], [data-testid="UserDescription"], [data-testid="card.wrapper"], [data-testid="cellInnerDiv"]`;

/**
 * The count links outside user content, in one selector: a timeline batch is dozens of posts, each with a
 * link to someone's followers in it, and the engine discards those without a single wrapper made in the
 * content script's world. (`insideAny(link, EXCLUDED)` stays the rule; engines without complex `:not()`
 * match more here, never less.)
 */
const COUNT_LINKS = LINK_SELECTOR.split(', ')
  .map((link) => `${link}:not(${EXCLUDED.split(', ').map((region) => `${region} *`).join(', ')})`)
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

/** The signed-in user's handle, from the side navigation's profile link. */
function signedInHandle(doc: Document): string | undefined {
  const link = doc.querySelector('[data-testid="AppTabBar_Profile_Link"]');
  const href = link?.getAttribute('href');
  if (!href) return undefined;
  // X writes it as a plain path ("/jane"): read directly, without a URL parse per detection (each hovercard).
  const plain = PLAIN_PROFILE.exec(href);
  if (plain) return plain[1];
  return new URL(href, 'https://x.com').pathname.split('/').filter(Boolean)[0];
}

/** `me`: the signed-in handle (signedInHandle), read once per detection rather than once per link. */
function isOwn(link: Element, handle: string, me: string | undefined): boolean {
  if (me) return me.toLowerCase() === handle.toLowerCase();
  // No side nav (narrow layouts): the "Edit profile" link only appears on your own header (CPFT L7840).
  const column = link.closest('[data-testid="primaryColumn"]');
  return column !== null && !link.closest('[data-testid="HoverCard"]') && column.querySelector('a[href="/settings/profile"]') !== null;
}

export const x: SiteAdapter = {
  id: 'x',
  name: 'X',
  // Only the number: each count link's first span (or, in the regrouped link of CPFT#249, the
  // wrapper's first span). The label and the prompt chip beside the link stay visible. Posts, bios and
  // link cards are never touched.
  hide: ['verified_followers', 'followers', 'following']
    .map((tail) => `a[href$="/${tail}"]:not(article *, [data-testid="tweet"] *, [data-testid="UserDescription"] *, [data-testid="card.wrapper"] *)`)
    .flatMap((link) => [`${link} > span:first-child`, `${link} > div > span:first-child`])
    .join(', '),
  hosts: ['x.com', 'twitter.com'],
  // The same regions, the most frequent first: a match stops at the first selector that matches.
  quiet: `[data-testid="cellInnerDiv"], ${EXCLUDED}`,
  pages: {
    followList: {
      test: (url) => profileHandle(url) !== undefined && /^\/[^/]+\/(verified_followers|followers|following|followers_you_follow)\/?$/.test(url.pathname),
      examples: ['https://x.com/jane/verified_followers', 'https://x.com/jane/following', 'https://twitter.com/jane/followers'],
    },
    profile: {
      test: (url) =>
        profileHandle(url) !== undefined &&
        /^\/[^/]+(\/(with_replies|media|likes|highlights|articles|affiliates|superfollows))?\/?$/.test(url.pathname),
      examples: ['https://x.com/jane', 'https://x.com/jane/media', 'https://twitter.com/Jane_Doe/with_replies'],
    },
    status: {
      test: (url) => profileHandle(url) !== undefined && /^\/[^/]+\/status\/\d+/.test(url.pathname),
      examples: ['https://x.com/jane/status/1790000000000000000'],
    },
    home: {
      test: (url) => /^\/(home|explore|notifications|search)?\/?$/.test(url.pathname),
      examples: ['https://x.com/home', 'https://x.com/', 'https://x.com/explore'],
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    let me: { handle: string | undefined } | undefined;
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
      // Fallback for a regrouped link (CPFT#249: X adds wrappers now and then): read "12.3K Followers" as a phrase.
      const phrase = count ? null : readPhrase(link, ctx);
      const value = count ?? (phrase?.metric === target.metric ? phrase.count : null);
      if (!value) continue;
      me ??= { handle: signedInHandle(ctx.doc) };
      found.push(makeFound(link, target.metric, value, isOwn(link, target.handle, me.handle), textOf(link)));
    }
    return found;
  },
};
