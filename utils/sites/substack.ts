/**
 * Substack. Three places show an audience:
 * - profiles (`substack.com/@handle`) link their counts to the lists they open: `/@handle/subscribers`
 *   ("276K+ subscribers", notes §13) and `/@handle/followers`. The two are different metrics —
 *   subscribers get the newsletter, and also become followers — so the link's path decides which one a
 *   count is. No capture of a profile exists; the link is known from a scraper that read real profiles
 *   (Adityaraizada1/substack-profile-scraping), so it stays the hook there, unverified;
 * - a post's end call to action, `p.end-cta-author-subs`: "By NAME · Over 2,000 subscribers", or the
 *   bestseller tier words "By NAME · Hundreds of paid subscribers", which are no number and never a
 *   count (microlinkhq/metascraper `test/integration/substack/input.html`, 2024);
 * - the publication hovercard's meta line, the same ranking string upper-cased and unlinked: "OVER
 *   18,000 SUBSCRIBERS" (Substack's own bundle renders `rankingDetail ?? rankingDetailFreeSubscriberCount`
 *   as `T.Meta`, code id 2116644718; the profile hovercard renders no count).
 * There is no exact value in the DOM and no stable test id; Substack's `pencraft pc-…` utility classes
 * are layout only. Publications on their own domains are not owned by this adapter (the generic
 * detector reads them, tier words and all: nothing).
 *
 * Real pages checked (tests/fixtures/substack, none with a count): the signed-in home feed with a note
 * saying "Almost at 5,000 subscribers!!" and a paywalled post in the reader (SubstrateLabs/brocc, 2025).
 */
import { hostMatches, insideAny, makeFound, queryAll, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import { around } from './layers';
import { hasEditProfileControl } from './own';
import type { Found, HideSelectors, Metric, Region, SiteAdapter, SiteContext } from './types';

const HANDLE = /^@[A-Za-z0-9_]{1,64}$/;
/** Subdomains that are Substack itself, not a publication. */
const NOT_PUBLICATIONS = new Set(['www', 'on', 'support', 'api', 'cdn', 'open', 'read']);

function isSubstackHost(url: URL): boolean {
  return hostMatches(url.hostname, 'substack.com');
}

/** substack.com or www.substack.com: the app with profiles, notes and the home feed. */
function isAppHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === 'substack.com' || host === 'www.substack.com';
}

function isPublicationHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (!host.endsWith('.substack.com')) return false;
  const sub = host.slice(0, -'.substack.com'.length);
  return !sub.includes('.') && !NOT_PUBLICATIONS.has(sub);
}

/** The segments after `/@handle` on a profile URL, or undefined when the URL is not a profile's. */
function profileRest(url: URL): string[] | undefined {
  if (!isSubstackHost(url)) return undefined;
  const [first, ...rest] = segments(url);
  return first && HANDLE.test(first) ? rest : undefined;
}

/**
 * Posts, notes, comments and their editors are user text. `.markup` is the rendered post body (its
 * subscribe widgets too: "Thanks for reading … Subscribe for free", 12gramsofcarbon 2025) and
 * `.ProseMirror` the notes/comments renderer ("Almost at 5,000 subscribers!!" is a note in a feed,
 * brocc `_substack-home-2.html`); `article` (in USER_CONTENT) wraps posts and notes.
 */
const TEXT = '.markup, .ProseMirror, .comment-body';
const EXCLUDED = `${USER_CONTENT}, ${TEXT}`;

const LINK_SELECTOR = 'a[href*="/subscribers"], a[href*="/followers"]';

function linkMetric(href: string | null, ctx: SiteContext): Metric | undefined {
  const target = resolveHref(href, ctx.url);
  if (!target) return undefined;
  const rest = profileRest(target);
  if (!rest || rest.length !== 1) return undefined;
  if (rest[0] === 'subscribers') return 'subscribers';
  if (rest[0] === 'followers') return 'followers';
  return undefined;
}

/**
 * The post's end call to action: `div.post-end-cta-full > h3 "Subscribe to …", p.end-cta-author-subs,
 * p.end-cta-hero-text, div.subscribe-widget[data-component-name="SubscribeWidget"]`. Without its class,
 * the line after the title in the block that holds the subscribe widget by its component name (a
 * React attribute, not a style class). It sits inside the post's `<article>`, outside its `.markup`.
 */
const CTA_LINE = 'p.end-cta-author-subs';
const CTA_BLOCK = '.post-end-cta-full, div:has(> [data-component-name="SubscribeWidget"])';
const CTA_LINE_FALLBACK = 'div:has(> [data-component-name="SubscribeWidget"]) > h3 + p';

/** Radix's hover-card portal (Substack's menus and hover cards are Radix: `radix-P0-12` ids in every capture). */
const POPPER = '[data-radix-popper-content-wrapper]';

/** Labels that name followers in one language and subscribers in another ("Abonnenten", "abonnés"). */
const AUDIENCE: ReadonlySet<Metric> = new Set<Metric>(['followers', 'subscribers']);
const SEPARATOR = /\s*[·∙•]\s*/u;

/**
 * A ranking line's count: "By NAME · Over 2,000 subscribers" (its last part) or "OVER 18,000
 * SUBSCRIBERS" (all of it). Always the publication's subscribers, whatever word a language uses. The
 * tier words ("Hundreds of paid subscribers", "THOUSANDS OF PAID SUBSCRIBERS") have no number: null.
 */
function readRanking(line: Element, ctx: SiteContext, via: Found['via']): Found | null {
  const text = textOf(line);
  if (text.length > 120 || !/\p{Nd}/u.test(text)) return null;
  const last = text.split(SEPARATOR).filter(Boolean).pop();
  if (!last) return null;
  const phrase = readPhrase(line, ctx, last);
  if (!phrase || !AUDIENCE.has(phrase.metric)) return null;
  return { ...makeFound(line, 'subscribers', phrase.count, false, last), via };
}

/** The hovercard's meta line: an element of the card with no element inside, outside its links (the "@name" line is in one). */
function isMetaLine(el: Element): boolean {
  return el.children.length === 0 && el.closest('a') === null && el.closest(POPPER) !== null;
}

/**
 * Own profile: your own profile header offers "Edit profile" and your dashboard (`/publish/home`) where
 * others' offer Subscribe/Follow (notes §13, unverified: no capture of a profile exists). The dashboard
 * is a `button[data-href=".../publish/home?utm_source=menu"]` in the global navigation of every signed-in
 * page (brocc 2025), so only the header around the count is searched — the blocks above the link that
 * hold the profile's name (`h1`), never past `<main>`.
 */
function hasOwnControls(header: Element): boolean {
  return header.querySelector('a[href*="/publish/home"], [data-href*="/publish/home"]') !== null || hasEditProfileControl(header);
}

function isOwn(link: Element, ctx: SiteContext): boolean {
  if (ctx.page !== 'profile') return false;
  let node = link.parentElement;
  for (let depth = 0; node && depth < 5 && !node.matches('main, [role="main"], body'); depth++, node = node.parentElement) {
    if (!node.querySelector('h1')) continue;
    if (hasOwnControls(node)) return true;
  }
  return false;
}

const SUBSCRIBERS: readonly Metric[] = ['subscribers'];

/**
 * Where counts live: the profile header (the `h1` in `<main>` on a profile page, three levels up), a
 * post's end call to action and an open publication hovercard — the last two only when their ranking
 * line shows a number (tier words are no count, so such a page expects none).
 */
function regions(ctx: SiteContext): Region[] {
  const out: Region[] = [];
  if (!isSubstackHost(ctx.url)) return out;
  if (ctx.page === 'profile') {
    const h1 = ctx.doc.querySelector('main h1, [role="main"] h1');
    if (h1) {
      const header = around(h1, 3);
      out.push({ element: header, metrics: SUBSCRIBERS, own: () => hasOwnControls(header) });
    }
  }
  for (const block of Array.from(ctx.doc.querySelectorAll(CTA_BLOCK))) {
    if (insideAny(block, TEXT) || out.some((region) => region.element.contains(block))) continue;
    const line =
      block.querySelector(CTA_LINE) ??
      Array.from(block.children).find((child) => child.tagName === 'P' && child.previousElementSibling?.tagName === 'H3');
    if (line && /\p{Nd}/u.test(textOf(line))) out.push({ element: block, metrics: SUBSCRIBERS, own: () => false });
  }
  for (const card of Array.from(ctx.doc.querySelectorAll(POPPER))) {
    if (/\p{Nd}/u.test(textOf(card))) out.push({ element: card, metrics: SUBSCRIBERS, own: () => false, transient: true });
  }
  return out;
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * Subscriber links (number and label are one text node, "4.8K+ subscribers") and the number span of
 * follower links ("See all followers" has none, so it stays). The end call to action's line and the
 * hovercard's meta line are one text node each ("By NAME · Over 2,000 subscribers"): the whole line
 * hides, tier words included — Substack's audience signal too. Posts, notes and comments stay.
 */
export function hide(): HideSelectors {
  return {
    subscribers: [
      'a[href*="/subscribers"]:not(.markup *, .ProseMirror *, .comment-body *, .available-content *, article *)',
      'p.end-cta-author-subs:not(.markup *)',
      'div:has(> [data-component-name="SubscribeWidget"]) > h3 + p:not(.markup *)',
      `${POPPER} [class*="font-meta"][class*="ellipsis"]:not(a *)`,
    ].join(', '),
    followers: 'a[href*="/followers"]:not(.markup *, .ProseMirror *, .comment-body *, .available-content *, article *) > span:first-child',
  };
}

export const substack: SiteAdapter = {
  id: 'substack',
  name: 'Substack',
  hosts: ['substack.com'],
  pages: {
    followList: {
      test: (url) => {
        const rest = profileRest(url);
        return rest !== undefined && rest.length === 1 && /^(subscribers|followers|following)$/.test(rest[0] ?? '');
      },
    },
    profile: {
      test: (url) => {
        const rest = profileRest(url);
        return (
          isAppHost(url) &&
          rest !== undefined &&
          (rest.length === 0 || (rest.length === 1 && /^(posts|notes|likes|reads|activity)$/.test(rest[0] ?? '')))
        );
      },
    },
    post: {
      test: (url) =>
        (isPublicationHost(url) && /^\/p\/[^/]+\/?$/.test(url.pathname)) ||
        (isAppHost(url) && /^\/(@[^/]+|home\/post)\/p-\d+\/?$/.test(url.pathname)),
    },
    publication: {
      test: (url) => isPublicationHost(url) && /^\/(about|archive|podcast|recommendations)?\/?$/.test(url.pathname),
    },
    home: {
      test: (url) => isAppHost(url) && /^\/(home|inbox|notes|activity|discover)?\/?$/.test(url.pathname),
    },
  },
  detect(root, ctx) {
    // A publication on its own domain is the generic detector's (this adapter owns substack.com's hosts).
    if (!isSubstackHost(ctx.url)) return [];
    const found: Found[] = [];
    for (const el of queryAll(root, `${LINK_SELECTOR}, ${CTA_LINE}, ${CTA_LINE_FALLBACK}, ${POPPER} div, ${POPPER} span, ${POPPER} p`)) {
      if (el.matches(CTA_LINE) || el.matches(CTA_LINE_FALLBACK)) {
        // Inside the post's <article>, but never inside its text.
        if (insideAny(el, TEXT)) continue;
        const item = readRanking(el, ctx, el.matches(CTA_LINE) ? 'hook' : 'label');
        if (item) found.push(item);
        continue;
      }
      if (insideAny(el, EXCLUDED)) continue;
      if (el.tagName !== 'A') {
        if (!isMetaLine(el)) continue;
        const item = readRanking(el, ctx, 'label');
        if (item) found.push(item);
        continue;
      }
      const metric = linkMetric(el.getAttribute('href'), ctx);
      if (!metric) continue;
      // The whole link must read as a count and its label ("276K+ subscribers", "1.234 Abonnenten"):
      // a link that only says "See all" or a name is not a count.
      const phrase = readPhrase(el, ctx);
      if (!phrase || !AUDIENCE.has(phrase.metric)) continue;
      found.push(makeFound(el, metric, phrase.count, isOwn(el, ctx), textOf(el)));
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
  followList: ['https://substack.com/@jane/subscribers', 'https://substack.com/@jane/followers', 'https://substack.com/@jane/following'],
  profile: ['https://substack.com/@jane', 'https://substack.com/@jane/notes', 'https://www.substack.com/@jane_doe'],
  post: [
    'https://jane.substack.com/p/why-i-stopped-counting',
    'https://substack.com/@jane/p-123456789',
    'https://substack.com/home/post/p-123456789',
  ],
  publication: ['https://jane.substack.com/', 'https://jane.substack.com/about', 'https://jane.substack.com/archive'],
  home: ['https://substack.com/home', 'https://substack.com/', 'https://substack.com/notes'],
};
