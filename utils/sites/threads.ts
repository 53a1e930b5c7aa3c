/**
 * Threads (threads.com, and threads.net which still serves the same app). The profile header shows one
 * audience count, followers (no following count). The abbreviated number sits in a `span` whose `title`
 * holds the exact value, inside the element that opens the followers list:
 * `<span dir="auto"><span title="517,904">517K</span> followers</span>`. Classes are Instagram-style atomic
 * hashes, so the only hooks are `span[title]`, roles, hrefs and the localized label (read with
 * metric-words, either order: "12.3K followers", "フォロワー1.2万人").
 *
 * Real pages (tests/fixtures/threads): logged out, the count is a link to the
 * login page, `a[role="link"][href="/login"] > div > span[dir="auto"] > span[title]`, unchanged from
 * threads.net in 2024-11 (arjchad/CryptoBot `threads_debug.html`) to threads.com in 2026-02
 * (assistant4ed/aithread `debug_threads.html`). Logged in it is said to be a `div[role="button"]` that
 * opens a dialog (site-dom-notes §9, XActions; no capture), so nothing here depends on the element that
 * holds the count.
 */
import { hostMatches, insideAny, makeFound, queryAll, readCount, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import { around } from './layers';
import { hasEditProfileControl } from './own';
import type { Found, HideSelectors, PageType, Region, SiteAdapter, SiteContext } from './types';

const USERNAME = /^@[A-Za-z0-9._]{1,30}$/;

function profileUser(url: URL): { user: string; tail: string[] } | undefined {
  const [first, ...tail] = segments(url);
  return first && USERNAME.test(first) ? { user: first.slice(1), tail } : undefined;
}

function onThreads(url: URL): boolean {
  return hostMatches(url.hostname, 'threads.com') || hostMatches(url.hostname, 'threads.net');
}

const pages: Record<string, PageType> = {
  post: {
    test: (url) => /^post\/[A-Za-z0-9_-]+(\/(media|likes|reposts|quotes))?$/.test(profileUser(url)?.tail.join('/') ?? '-'),
  },
  profile: {
    test: (url) => /^(replies|media|reposts)?$/.test(profileUser(url)?.tail.join('/') ?? '-'),
  },
  home: {
    test: (url) => /^\/(search|activity|for_you|following|saved|liked)?\/?$/.test(url.pathname),
  },
};

/** Posts and replies: every one is a `data-pressable-container` block (all three captures). */
const POSTS = '[data-pressable-container="true"]';

/**
 * Posts and the usual user-content containers: a post reading "<span title="10,000">10K</span> followers"
 * is someone's text.
 */
const EXCLUDED = `${USER_CONTENT}, ${POSTS}, [role="article"]`;

/** The visible text of a number, for comparing a phrase's numeral with the titled span. */
function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, '');
}

/**
 * The stat item around a titled number: the nearest ancestor (at most three levels up) whose whole text
 * is exactly this number plus a followers label. Anything longer (a bio, a post) is not a stat.
 */
function statItem(span: Element, ctx: SiteContext): Element | null {
  const shown = squash(textOf(span));
  let el = span.parentElement;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    const phrase = readPhrase(el, ctx);
    if (phrase) return phrase.metric === 'followers' && squash(phrase.numberText) === shown ? el : null;
  }
  return null;
}

/**
 * Instagram's header has the same markup (a titled number and a followers label inside a link), but its
 * link goes to the followers list, `/<user>/followers/`, a path Threads does not have (its users are
 * `/@user`). Threads' own links are `/login` (logged out) or none. The host check in `detect` already
 * keeps Instagram pages out; this keeps an Instagram header embedded anywhere out too.
 */
function inInstagramListLink(item: Element, ctx: SiteContext): boolean {
  const link = item.closest('a[href]');
  if (!link) return false;
  const url = resolveHref(link.getAttribute('href'), ctx.url);
  if (!url) return false;
  const parts = segments(url);
  return parts.length === 2 && !parts[0]!.startsWith('@') && /^follow(ers|ing)$/.test(parts[1]!);
}

/**
 * The signed-in username: the navigation's profile link is the one icon-only link to a bare `/@user`
 * (`svg[aria-label="Profile"]`, label localized; notes §9 — href target unverified: logged out, the nav's
 * Profile is a `div[role="button"]` with no href, stanleyoho/post-tracker `debug_threads.html`). Author
 * links in posts are excluded.
 */
function signedInUser(doc: Document): string | undefined {
  for (const svg of Array.from(doc.querySelectorAll('a[href^="/@"] svg[aria-label]'))) {
    const link = svg.closest('a');
    // Icon-only: a verified badge inside a "/@user" name link is not the nav's profile link.
    if (!link || textOf(link) !== '' || insideAny(link, EXCLUDED)) continue;
    const target = profileUser(new URL(link.getAttribute('href') ?? '', 'https://www.threads.com'));
    if (target && target.tail.length === 0) return target.user;
  }
  return undefined;
}

/**
 * The profile header around the count: the nearest ancestor (up to six levels) that also holds the
 * profile's `h1` — the block with the name, the bio and the count — else six levels up.
 */
function headerAround(item: Element): Element {
  let el = item;
  for (let depth = 0; depth < 6 && el.parentElement && el.parentElement.tagName !== 'BODY'; depth++) {
    el = el.parentElement;
    if (el.querySelector('h1')) break;
  }
  return el;
}

/**
 * Own profile, in layers: the signed-in handle from the nav's profile link, compared with the page's;
 * else an "Edit profile" control (utils/sites/own.ts: the label in 40 languages) in the header or the
 * row after it, where the captures have Follow / Mention (`[role="region"] > div > div:nth-child(2)`).
 */
function isOwn(header: Element, ctx: SiteContext): boolean {
  // Only the profile page's header count belongs to the user in the URL.
  if (ctx.page !== 'profile') return false;
  const me = signedInUser(ctx.doc);
  const user = profileUser(ctx.url)?.user;
  if (me && user) return me.toLowerCase() === user.toLowerCase();
  const scope = header.parentElement && header.parentElement.tagName !== 'BODY' ? header.parentElement : header;
  return hasEditProfileControl(scope);
}

/** What a click on the count can be: a link (logged out, to `/login`) or a button (logged in, notes §9). */
const CLICKABLE = 'a[href], [role="button"], button';

/**
 * Fallback for a count without the titled span (the `title` is the hook; a redesign may drop it): a
 * clickable element whose whole text is a followers phrase, on profile pages only. The metric comes from
 * the label, so it is reported as such.
 */
function untitledFollowers(root: ParentNode, ctx: SiteContext, seen: Set<Element>): Found[] {
  if (ctx.page !== 'profile') return [];
  const found: Found[] = [];
  for (const el of queryAll(root, CLICKABLE)) {
    if (seen.has(el) || el.querySelector('span[title]') || insideAny(el, EXCLUDED) || inInstagramListLink(el, ctx)) continue;
    const text = textOf(el);
    if (text.length > 80 || !/\p{Nd}/u.test(text)) continue;
    const phrase = readPhrase(el, ctx, text);
    if (phrase?.metric !== 'followers') continue;
    found.push({ ...makeFound(el, 'followers', phrase.count, isOwn(headerAround(el), ctx), text), via: 'label' });
  }
  // A link inside a button (or the reverse) with the same phrase is one count: the innermost.
  return found.filter((item) => !found.some((other) => other !== item && item.element.contains(other.element)));
}

/**
 * The profile header: around the profile's `h1` (the page has a second `h1`, the column title, inside the
 * `a[aria-label="Column title"]` link above the column: skipped) and around the titled followers number.
 * Three levels up from the `h1` is the block with the name, the bio and the count in every capture.
 */
function profileRegions(ctx: SiteContext): Region[] {
  if (ctx.page !== 'profile' || !onThreads(ctx.url)) return [];
  const anchors: Element[] = [];
  for (const h1 of Array.from(ctx.doc.querySelectorAll('h1'))) {
    if (!h1.closest('a') && !insideAny(h1, EXCLUDED)) anchors.push(around(h1, 3));
  }
  for (const span of Array.from(ctx.doc.querySelectorAll('span[title]'))) {
    if (insideAny(span, EXCLUDED)) continue;
    const item = statItem(span, ctx);
    if (item) anchors.push(headerAround(item));
  }
  const regions: Region[] = [];
  for (const element of anchors) {
    if (anchors.some((other) => other !== element && other.contains(element))) continue;
    if (regions.some((region) => region.element === element)) continue;
    regions.push({ element, metrics: ['followers'], own: () => isOwn(element, ctx) });
  }
  return regions;
}

/**
 * Hide mode's selectors (`HIDE` in utils/sites/index.ts): followers, the one count Threads shows.
 * The titled number of the header's followers count, whatever holds it: the `/login` link logged out
 * (`a[role="link"] > div > span[dir="auto"] > span[title]`, all three captures), a button logged in.
 * Post counters carry no `title` and sit in `data-pressable-container` blocks.
 */
export function hide(): HideSelectors {
  return {
    followers:
      ':is(a[href], [role="button"]) span[dir="auto"] > ' +
      'span[title]:not([data-pressable-container="true"] *, [role="article"] *, article *)',
  };
}

export const threads: SiteAdapter = {
  id: 'threads',
  name: 'Threads',
  hosts: ['threads.com', 'threads.net'],
  pages,
  quiet: POSTS,
  detect(root, ctx) {
    // Threads shares Instagram's markup (titled number spans, atomic classes): only a Threads page — by
    // host and by URL (`/@user`, posts, home) — says the markup is Threads'.
    if (ctx.page === undefined || !onThreads(ctx.url)) return [];
    const found: Found[] = [];
    const seen = new Set<Element>();
    for (const span of queryAll(root, 'span[title]')) {
      if (insideAny(span, EXCLUDED)) continue;
      const item = statItem(span, ctx);
      if (!item || seen.has(item) || inInstagramListLink(item, ctx)) continue;
      const count = readCount(span, ctx, { exact: span.getAttribute('title') });
      if (!count) continue;
      seen.add(item);
      found.push(makeFound(item, 'followers', count, isOwn(headerAround(item), ctx), textOf(item)));
    }
    return found.concat(untitledFollowers(root, ctx, seen));
  },
  regions: profileRegions,
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  post: ['https://www.threads.com/@jane/post/C8xYz12AbCd', 'https://www.threads.net/@jane.doe/post/DAbc_9-xYz'],
  profile: ['https://www.threads.com/@jane', 'https://www.threads.net/@jane.doe', 'https://www.threads.com/@jane/replies'],
  home: ['https://www.threads.com/', 'https://www.threads.com/search', 'https://www.threads.net/activity'],
};
