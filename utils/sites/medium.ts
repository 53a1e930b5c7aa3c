/**
 * Medium. The follower count is `span.pw-follower-count > a` ("14K followers"), on profiles
 * (`medium.com/@user`, `user.medium.com`: sidebar, plus a narrow-layout copy in the header) and in
 * the author block of stories (notes §12). The `pw-*` hooks have been stable for years; every other
 * class is an atomic hash ("be b fx ga dn") and is never used here. Medium prints no exact value.
 * The UI is English-only; stories can be in any language, and their text is never read.
 */
import { hostMatches, insideAny, makeFound, queryAll, readCount, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, SiteAdapter, SiteContext } from './types';

/** Hosts that are Medium itself, not a user's `<user>.medium.com` subdomain. */
const NOT_USER_SUBDOMAINS = new Set(['www', 'help', 'policy', 'blog', 'api', 'cdn-images-1', 'miro', 'glyph', 'link', 'email']);
const HANDLE = /^@[A-Za-z0-9_.-]{1,50}$/;
/** Story slugs end in a 12-hex-digit post id ("why-i-left-3f2a9c1d7b4e"). */
const STORY = /-?[0-9a-f]{10,12}$/;

function isMediumHost(url: URL): boolean {
  return hostMatches(url.hostname, 'medium.com');
}

/** `jane` for `jane.medium.com`, undefined for medium.com and Medium's own subdomains. */
function subdomainUser(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  if (!host.endsWith('.medium.com')) return undefined;
  const sub = host.slice(0, -'.medium.com'.length);
  return sub && !sub.includes('.') && !NOT_USER_SUBDOMAINS.has(sub) ? sub : undefined;
}

/** The path of a profile's own pages: ["@jane", …] on medium.com, […] on jane.medium.com. */
function profileRest(url: URL): string[] | undefined {
  if (!isMediumHost(url)) return undefined;
  const parts = segments(url);
  if (subdomainUser(url)) return parts;
  const [first, ...rest] = parts;
  return first && HANDLE.test(first) ? rest : undefined;
}

/** Story text, quotes, code and responses: user text. `article` itself is not here — see EXCLUDED_NEAR_HOOK. */
const STORY_TEXT = '[data-selectable-paragraph], .pw-post-body-paragraph, blockquote, q, pre, code, [contenteditable], textarea, input, script, style, noscript, template';
/**
 * The `pw-follower-count` hook may sit inside the story's `<article>` (the author block is part of
 * it), and writers cannot give their text Medium's classes, so only story text is excluded there.
 */
const EXCLUDED_NEAR_HOOK = STORY_TEXT;

const FOLLOWER_HOOK = '.pw-follower-count';
const AUTHOR_NAME = '.pw-author-name, [data-testid="authorName"]';
/**
 * Fallback when the `pw-` hook is missing (code id 67555215609 keeps `a[href*="followers"]` for
 * that): a link to a profile's followers page whose whole text is a followers phrase, outside every
 * article. It can go if the `pw-follower-count` hook is still there in 2027.
 */
const LINKS = 'a[href*="/followers"], a[href*="/following"]';

/** What a link's href points at: followers or following of a profile, or nothing we track. */
function linkMetric(href: string | null, ctx: SiteContext): Metric | undefined {
  const target = resolveHref(href, ctx.url);
  if (!target) return undefined;
  const rest = profileRest(target);
  if (!rest || rest.length !== 1) return undefined;
  if (rest[0] === 'followers') return 'followers';
  if (rest[0] === 'following') return 'following';
  return undefined;
}

/**
 * The block a count belongs to: the nearest ancestor (a few levels up at most) that also holds the
 * author's name — the profile sidebar or a story's author block.
 */
function authorBlock(el: Element): Element | null {
  let node = el.parentElement;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    if (node.querySelector(AUTHOR_NAME)) return node;
  }
  return null;
}

/** A following link ("75 following") counts only beside the follower hook, in the same author block (unverified, notes §12). */
function besideFollowerHook(link: Element): boolean {
  const block = authorBlock(link);
  return block !== null && block.querySelector(FOLLOWER_HOOK) !== null;
}

/**
 * Own profile: the sidebar of your own profile has "Edit profile", a link to `/me/settings`, where
 * others' have a Follow button (notes §12, unverified). Story author blocks are never "own".
 */
function isOwn(el: Element, ctx: SiteContext): boolean {
  if (ctx.page !== 'profile') return false;
  const block = authorBlock(el);
  return block?.querySelector('a[href*="/me/settings"]') != null;
}

function readFollowerHook(hook: Element, ctx: SiteContext): Found | null {
  const element = Array.from(hook.children).find((child) => child.tagName === 'A') ?? hook;
  // "14K followers" (old design: "14K Followers"); a bare number is read on the hook's word.
  const phrase = readPhrase(element, ctx);
  if (phrase && phrase.metric !== 'followers') return null;
  const count = phrase?.count ?? readCount(element, ctx);
  if (!count) return null;
  return makeFound(element, 'followers', count, isOwn(element, ctx), textOf(element));
}

function readLink(link: Element, ctx: SiteContext): Found | null {
  const metric = linkMetric(link.getAttribute('href'), ctx);
  if (!metric) return null;
  if (metric === 'following' && !besideFollowerHook(link)) return null;
  if (metric === 'followers' && insideAny(link, USER_CONTENT)) return null;
  const phrase = readPhrase(link, ctx);
  if (!phrase || phrase.metric !== metric) return null;
  return makeFound(link, metric, phrase.count, isOwn(link, ctx), textOf(link));
}

export const medium: SiteAdapter = {
  id: 'medium',
  name: 'Medium',
  // The author's follower link inside Medium's `pw-follower-count` hook and the following link beside
  // it (number and label are one text node, so the link hides). Story text and responses stay.
  hide: [
    '.pw-follower-count:not([data-selectable-paragraph] *, .pw-post-body-paragraph *, blockquote *, pre *) > a',
    '.pw-follower-count ~ a[href*="/following"]:not(pre *, blockquote *)',
  ].join(', '),
  hosts: ['medium.com'],
  pages: {
    followList: {
      test: (url) => {
        const rest = profileRest(url);
        return rest !== undefined && rest.length === 1 && (rest[0] === 'followers' || rest[0] === 'following');
      },
      examples: ['https://medium.com/@jane/followers', 'https://jane.medium.com/following', 'https://medium.com/@jane.doe/following'],
    },
    profile: {
      test: (url) => {
        const rest = profileRest(url);
        return rest !== undefined && (rest.length === 0 || (rest.length === 1 && /^(about|lists|has-recommended|highlights)$/.test(rest[0] ?? '')));
      },
      examples: ['https://medium.com/@jane', 'https://jane.medium.com/', 'https://medium.com/@jane/about'],
    },
    story: {
      test: (url) => {
        if (!isMediumHost(url)) return false;
        const parts = segments(url);
        const last = parts[parts.length - 1] ?? '';
        return (parts.length === 2 && parts[0] === 'p' && /^[0-9a-f]{10,12}$/.test(last)) || (parts.length >= 1 && parts.length <= 2 && STORY.test(last));
      },
      examples: [
        'https://medium.com/@jane/why-i-stopped-counting-followers-3f2a9c1d7b4e',
        'https://jane.medium.com/why-i-stopped-counting-followers-3f2a9c1d7b4e',
        'https://medium.com/p/3f2a9c1d7b4e',
      ],
    },
    home: {
      test: (url) => /^(www\.)?medium\.com$/i.test(url.hostname) && /^\/(tag\/[^/]+)?\/?$/.test(url.pathname),
      examples: ['https://medium.com/', 'https://medium.com/tag/freelancing'],
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    // One query keeps document order (the page's order is the detection order).
    for (const el of queryAll(root, `${FOLLOWER_HOOK}, ${LINKS}`)) {
      if (insideAny(el, EXCLUDED_NEAR_HOOK)) continue;
      if (el.matches(FOLLOWER_HOOK)) {
        const item = readFollowerHook(el, ctx);
        if (item) found.push(item);
      } else if (!el.closest(FOLLOWER_HOOK)) {
        const item = readLink(el, ctx);
        if (item) found.push(item);
      }
    }
    return found;
  },
};
