/**
 * Instagram. The profile header (`header section ul`) lists posts, followers and following
 * (../shared/research/site-dom-notes.md §4). Classes are atomic and change per deploy, so only
 * hrefs, `title` and the header/list structure are used:
 * - desktop: `<a href="/<user>/followers/">` and `/following/` links, the number in a span, the
 *   label as the link's last text node (frabcus/instalamb `modify-metrics.js`); the followers
 *   number carries the exact count in `span[title]` (code id 8022881108);
 * - mobile and logged-out pages: the same items as plain spans, no link (instalamb's second XPath),
 *   recognised by their label in the page language.
 * The posts count beside them is not an audience metric and is never reported.
 */
import type { ParsedCount } from '../count';
import { metricOfLabel } from '../metric-words';
import { hostMatches, insideAny, langOf, makeFound, queryAll, readCount, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, SiteAdapter, SiteContext } from './types';

/** Instagram usernames: letters, digits, "." and "_", up to 30 characters. */
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
/** First path segments that are Instagram's own pages, not usernames. */
const RESERVED = new Set([
  'accounts', 'explore', 'p', 'reel', 'reels', 'tv', 'stories', 'direct', 'about', 'legal', 'developer',
  'web', 'api', 'challenge', 'emails', 'session', 'privacy', 'terms', 'topics', 'locations', 'ar', 'lite',
  'business', 'creators', 'download', 'press', 'blog', 'help',
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
/** The stat items without links (mobile web, logged-out views). */
const STAT_ITEM_SELECTOR = 'header section ul > li';

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
  const label = textOf(item).replace(textOf(numberEl), ' ').replace(/(人|名)$/u, '').trim();
  return metricOfLabel(label, langOf(item, ctx));
}

/**
 * Own profile: Instagram shows an "Edit profile" link to `/accounts/edit/` in the header instead of
 * Follow / Message (DimensionDev/Maskbook `instagram.com/utils/selector.ts`; also code id 34776733551).
 * Looked for in the header only: the "Settings" entry of the More menu links to the same page.
 */
function isOwn(el: Element): boolean {
  const header = el.closest('header') ?? el.closest('main');
  return header?.querySelector('a[href="/accounts/edit/"], a[href$="instagram.com/accounts/edit/"]') != null;
}

/** The innermost element of a stat item whose text is "<count> followers" / "<count> following" (either order). */
function smallestPhraseElement(item: Element, ctx: SiteContext): { el: Element; metric: Metric; count: ParsedCount } | null {
  let best: { el: Element; metric: Metric; count: ParsedCount } | null = null;
  for (const el of queryAll(item, '*')) {
    const text = textOf(el);
    if (best && textOf(best.el) !== text) continue; // only descend while the text stays the whole phrase
    const phrase = readPhrase(el, ctx, text);
    if (phrase && (phrase.metric === 'followers' || phrase.metric === 'following')) {
      best = { el, metric: phrase.metric, count: phrase.count };
    } else if (!best) return null;
  }
  return best;
}

export const instagram: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram',
  // The number span (`span._ac2a` wraps it and carries the exact `title`): in the desktop header's count
  // links, in the mobile header's stat items (the first item is posts, always first, so it stays), and
  // in the logged-out header's buttons, where the label is text around the number ("フォロワー1.2万人").
  hide: [
    ...['followers/', 'followers', 'following/', 'following'].map((tail) => `ul > li a[href$="/${tail}"]:not(article *, [role="article"] *) > span:first-child`),
    'header section ul > li:not(:first-child) > span:first-child',
    'header section ul > li > button > span > span',
  ].join(', '),
  hosts: ['instagram.com'],
  pages: {
    followList: {
      test: (url) => username(segments(url)[0]) !== undefined && /^\/[^/]+\/(followers|following)(\/mutualOnly)?\/?$/.test(url.pathname),
      examples: ['https://www.instagram.com/jane/followers/', 'https://www.instagram.com/jane.doe_/following/', 'https://www.instagram.com/jane/followers/mutualOnly/'],
    },
    profile: {
      test: (url) => username(segments(url)[0]) !== undefined && /^\/[^/]+(\/(reels|tagged|saved|feed))?\/?$/.test(url.pathname),
      examples: ['https://www.instagram.com/jane/', 'https://www.instagram.com/jane.doe_/reels/', 'https://instagram.com/nasa'],
    },
    post: {
      test: (url) => /^\/(p|reel|tv)\/[\w-]+\/?$/.test(url.pathname) || /^\/[^/]+\/(p|reel)\/[\w-]+\/?$/.test(url.pathname),
      examples: ['https://www.instagram.com/p/C9xYz12AbCd/', 'https://www.instagram.com/reel/C8aBcDeFgHi/'],
    },
    editProfile: {
      test: (url) => /^\/accounts\/edit\/?$/.test(url.pathname),
      examples: ['https://www.instagram.com/accounts/edit/'],
    },
    home: {
      test: (url) => /^\/(explore\/?)?$/.test(url.pathname),
      examples: ['https://www.instagram.com/', 'https://www.instagram.com/explore/'],
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    // One query for both shapes keeps the results in document order.
    for (const el of queryAll(root, `${LINK_SELECTOR}, ${STAT_ITEM_SELECTOR}`)) {
      if (insideAny(el, EXCLUDED)) continue;
      if (el.tagName === 'A') {
        const metric = linkMetric(el.getAttribute('href') ?? '', ctx);
        if (!metric) continue;
        // The desktop shape: the number in its own span. A link whose text is just words ("Followed by …") has none.
        const number = numberOf(el, ctx);
        if (!number) continue;
        const labelled = labelMetric(el, number.el, ctx);
        if (labelled && labelled !== metric) continue;
        found.push(makeFound(el, metric, number.count, isOwn(el), textOf(el)));
        continue;
      }
      // A stat item without a link (the linked items were handled above).
      if (el.querySelector('a[href]')) continue;
      const item = smallestPhraseElement(el, ctx);
      if (!item) continue;
      const number = numberOf(item.el, ctx);
      const count = number && !number.count.approximate ? number.count : item.count;
      found.push(makeFound(item.el, item.metric, count, isOwn(el), textOf(item.el)));
    }
    return found;
  },
};
