/**
 * Medium. The follower count is `span.pw-follower-count > a` ("14K followers"), on profiles
 * (`medium.com/@user`, `user.medium.com`: sidebar, plus a narrow-layout copy in the header) and in the
 * "Written by" author block and the "Published in" publication block of stories (notes §12). The `pw-*`
 * hooks have been stable for years; every other class is an atomic hash ("be b fx ga dn") and is never
 * used here. Medium prints no exact value. The UI is English-only; stories can be in any language, and
 * their text is never read.
 *
 * Real pages this is checked against (tests/fixtures/medium, reduced from public captures): stories'
 * author blocks signed in (hlgr360/medium-mcp-server's `tests/fixtures/article-content-public.html`,
 * 2025-12) and signed out on a user subdomain (ChrisTorng/TampermonkeyScripts, karpathy.medium.com,
 * 2026-03), a publication story with both blocks (the same repo, uxdesign.cc through medium.com's
 * identity hop, 2026-03) and the signed-in home feed with "Who to follow" (medium-mcp-server
 * `feed-featured.html`: no counts). No capture has a profile page, a tag page or a hovercard.
 */
import { around } from './layers';
import { hasEditProfileControl } from './own';
import { hostMatches, insideAny, makeFound, queryAll, readCount, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import type { Found, HideSelectors, Metric, Region, SiteAdapter, SiteContext } from './types';

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
const STORY_TEXT =
  '[data-selectable-paragraph], .pw-post-body-paragraph, blockquote, q, pre, code, ' +
  '[contenteditable], textarea, input, script, style, noscript, template';
/**
 * The `pw-follower-count` hook may sit inside the story's `<article>` (the author block is part of
 * it), and writers cannot give their text Medium's classes, so only story text is excluded there.
 */
const EXCLUDED_NEAR_HOOK = STORY_TEXT;

const FOLLOWER_HOOK = '.pw-follower-count';
/**
 * The links to a followers or following list. The author block's are relative to the host that serves
 * the story ("/followers?source=post_page---post_author_info--…": a user subdomain, blog.medium.com, a
 * publication's own domain) or absolute on either host style (`jane.medium.com/followers`,
 * `medium.com/@jane/following`: the uxdesign.cc capture has both), so inside a block their path's
 * last segment says what they count, whatever the host. `/me/following-feed/…` (the signed-in
 * sidebar) and `/me/following/suggestions` are the reader's own lists, never a count.
 */
const LINKS = 'a[href*="/followers"], a[href*="/following"]';

/** `followers`/`following` for a link to such a list (`/followers`, `/@jane/following`, `/pub/followers`), else undefined. */
function listOf(href: string | null, ctx: SiteContext): Metric | undefined {
  const target = resolveHref(href, ctx.url);
  if (!target) return undefined;
  const parts = segments(target);
  if (parts.length < 1 || parts.length > 2 || parts[0] === 'me') return undefined;
  const last = parts[parts.length - 1];
  return last === 'followers' || last === 'following' ? last : undefined;
}

/** What a lone link (outside every name block) points at: a profile's followers or following, or nothing we track. */
function profileListOf(href: string | null, ctx: SiteContext): Metric | undefined {
  const target = resolveHref(href, ctx.url);
  if (!target) return undefined;
  const rest = profileRest(target);
  if (!rest || rest.length !== 1) return undefined;
  if (rest[0] === 'followers') return 'followers';
  if (rest[0] === 'following') return 'following';
  return undefined;
}

/**
 * A block's name heading: `h2.pw-author-name` ("Written by NAME", "Published in NAME", or the name on a
 * profile), inside the link to the author or publication. Without its class (a rename), the same `h2`
 * inside a link: the story's other headings ("Responses (80)", "More from …") are not links.
 */
const NAME_HEADING = '.pw-author-name, a[href] > h2';

/**
 * The block a count belongs to: the nearest ancestor (a few levels up at most) that also holds a name
 * heading — the profile sidebar, a story's author block or its publication block. In the 2025–26
 * captures that is three levels above the followers link's hook (`div > [a > h2, div > [div > span >
 * a, div > span·, a], div > p]`).
 */
function nameBlock(el: Element): Element | null {
  let node = el.parentElement;
  for (let depth = 0; node && depth < 6 && node.tagName !== 'BODY' && node.tagName !== 'MAIN'; depth++, node = node.parentElement) {
    if (node.querySelector(NAME_HEADING)) return node;
  }
  return null;
}

/** The publication's block ("Published in UX Collective"), whose count is the publication's, not a person's. */
function isPublicationBlock(block: Element): boolean {
  if (block.querySelector('a[href*="post_publication_info"]')) return true;
  const heading = block.querySelector(NAME_HEADING);
  return heading !== null && /^published in\b/i.test(textOf(heading));
}

/** Does the block show a follower count: the hook, or a followers link reading as a count? */
function showsFollowers(block: Element, ctx: SiteContext): boolean {
  if (block.querySelector(FOLLOWER_HOOK)) return true;
  return Array.from(block.querySelectorAll('a[href*="/followers"]')).some(
    (link) => listOf(link.getAttribute('href'), ctx) === 'followers' && readPhrase(link, ctx)?.metric === 'followers',
  );
}

/**
 * Own profile: the sidebar of your own profile has "Edit profile", a link to `/me/settings`, where
 * others' have a Follow button (notes §12, unverified: no capture of one's own profile exists); failing
 * the link, the label in any language. Story author blocks and publication blocks are never "own".
 */
function isOwnBlock(block: Element | null, ctx: SiteContext): boolean {
  if (ctx.page !== 'profile' || !block || isPublicationBlock(block)) return false;
  return block.querySelector('a[href*="/me/settings"]') !== null || hasEditProfileControl(block);
}

function readFollowerHook(hook: Element, ctx: SiteContext): Found | null {
  const element = Array.from(hook.children).find((child) => child.tagName === 'A') ?? hook;
  // "14K followers" (old design: "14K Followers"); a bare number is read on the hook's word.
  const phrase = readPhrase(element, ctx);
  if (phrase && phrase.metric !== 'followers') return null;
  const count = phrase?.count ?? readCount(element, ctx);
  if (!count) return null;
  return makeFound(element, 'followers', count, isOwnBlock(nameBlock(element), ctx), textOf(element));
}

function readLink(link: Element, ctx: SiteContext): Found | null {
  const block = nameBlock(link);
  let metric: Metric | undefined;
  if (block) {
    // In a name block the path says it, on any host; "following" only where the block shows followers too.
    metric = listOf(link.getAttribute('href'), ctx);
    if (metric === 'following' && !showsFollowers(block, ctx)) metric = undefined;
  } else {
    // Outside every block (the hook and its heading gone): a profile's followers list only (code id
    // 67555215609 keeps `a[href*="followers"]` for that). It can go if the pw- hooks are still there in 2027.
    metric = profileListOf(link.getAttribute('href'), ctx);
    if (metric !== 'followers') metric = undefined;
  }
  if (!metric || insideAny(link, USER_CONTENT)) return null;
  const phrase = readPhrase(link, ctx);
  if (!phrase || phrase.metric !== metric) return null;
  return makeFound(link, metric, phrase.count, isOwnBlock(block, ctx), textOf(link));
}

/**
 * "Topic · 1M followers", "Publication · 105K followers": the kind line under a topic's or a
 * publication's name, on tag pages and in "who to follow" lists (issue 12; no capture shows one: the
 * 2025 home feed's list has the kind word alone, `a[href*="who_to_follow"] + div > p` "Publication").
 * The line is a kind word, a separator and the count; the count is its last part.
 */
const KIND_LINE = 'p:not([data-selectable-paragraph], .pw-post-body-paragraph)';
const SEPARATOR = /\s*[·•]\s*/u;

function readKindLine(line: Element, ctx: SiteContext): Found | null {
  // Most paragraphs have no separator: skip them before walking their text.
  const raw = line.textContent ?? '';
  if (raw.length > 200 || !/[·•]/u.test(raw) || !/\p{Nd}/u.test(raw)) return null;
  const text = textOf(line);
  if (text.length > 80) return null;
  const parts = text.split(SEPARATOR).filter(Boolean);
  const last = parts[parts.length - 1];
  // A kind word or two before it, no number ("Topic", "Publication"): not "3 min read · Jan 2, 2026".
  if (parts.length !== 2 || !last || /\p{Nd}/u.test(parts[0]!) || parts[0]!.split(' ').length > 2) return null;
  const phrase = readPhrase(line, ctx, last);
  if (!phrase || phrase.metric !== 'followers') return null;
  const element = Array.from(line.children).find((child) => textOf(child) === last) ?? line;
  return { ...makeFound(element, 'followers', phrase.count, false, last), via: 'label' };
}

const METRICS_AUTHOR: readonly Metric[] = ['followers', 'following'];
const METRICS_FOLLOWERS: readonly Metric[] = ['followers'];

/**
 * Where counts live: each name block that shows a follower count — found by the hook, or by its
 * followers and following links (hrefs outlive a rename of the `pw-` classes), up to the block around
 * the name heading, else three levels up from the count. A block with a following link shows both
 * metrics; a publication's block, followers only.
 */
function regions(ctx: SiteContext): Region[] {
  const out: Region[] = [];
  const seen = new Set<Element>();
  for (const anchor of Array.from(ctx.doc.querySelectorAll(`${FOLLOWER_HOOK}, ${LINKS}`))) {
    if (insideAny(anchor, EXCLUDED_NEAR_HOOK) || anchor.closest('article')) continue;
    const hook = anchor.matches(FOLLOWER_HOOK);
    const named = nameBlock(anchor);
    // A link outside every name block stands for a region only as a Medium profile's followers list.
    if (!hook && !(named ? listOf(anchor.getAttribute('href'), ctx) : profileListOf(anchor.getAttribute('href'), ctx) === 'followers'))
      continue;
    const block = named ?? around(anchor, 3, 60);
    // A following link alone is no block of counts: the follower count is what every block shows.
    if (!hook && !showsFollowers(block, ctx)) continue;
    if (seen.has(block) || out.some((region) => region.element.contains(block))) continue;
    seen.add(block);
    const following = Array.from(block.querySelectorAll('a[href*="/following"]')).some(
      (link) => listOf(link.getAttribute('href'), ctx) === 'following',
    );
    out.push({
      element: block,
      metrics: following && !isPublicationBlock(block) ? METRICS_AUTHOR : METRICS_FOLLOWERS,
      own: () => isOwnBlock(block, ctx),
    });
  }
  return out;
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * The follower link inside Medium's `pw-follower-count` hook and the following link in the next
 * `div` of the same row (`div > [div > span.pw-follower-count > a, div > span[aria-hidden]· + a]`: all
 * three 2025–26 captures; number and label are one text node, so the link hides). The kind lines'
 * count span (in "who to follow" rows and under a tag page's `h1`: followers): no capture has one, and
 * on the captures these match nothing (the 2025 row's kind line is a bare `p`). Story text and responses stay.
 */
export function hide(): HideSelectors {
  return {
    followers: [
      '.pw-follower-count:not([data-selectable-paragraph] *, .pw-post-body-paragraph *, blockquote *, pre *) > a',
      'a[href*="---who_to_follow-"] + div > p:has(> span[aria-hidden="true"]) > span:last-child',
      'div:has(> h1) > div > p:has(> span[aria-hidden="true"]) > span:last-child:not(article *)',
    ].join(', '),
    following: 'div:has(> div > .pw-follower-count) > div > a[href*="/following"]:not(pre *, blockquote *)',
  };
}

export const medium: SiteAdapter = {
  id: 'medium',
  name: 'Medium',
  hosts: ['medium.com'],
  pages: {
    followList: {
      test: (url) => {
        const rest = profileRest(url);
        return rest !== undefined && rest.length === 1 && (rest[0] === 'followers' || rest[0] === 'following');
      },
    },
    profile: {
      test: (url) => {
        const rest = profileRest(url);
        return (
          rest !== undefined &&
          (rest.length === 0 || (rest.length === 1 && /^(about|lists|has-recommended|highlights)$/.test(rest[0] ?? '')))
        );
      },
    },
    story: {
      test: (url) => {
        if (!isMediumHost(url)) return false;
        const parts = segments(url);
        const last = parts[parts.length - 1] ?? '';
        return (
          (parts.length === 2 && parts[0] === 'p' && /^[0-9a-f]{10,12}$/.test(last)) ||
          (parts.length >= 1 && parts.length <= 2 && STORY.test(last))
        );
      },
    },
    home: {
      test: (url) => /^(www\.)?medium\.com$/i.test(url.hostname) && /^\/(tag\/[^/]+)?\/?$/.test(url.pathname),
    },
  },
  detect(root, ctx) {
    // Medium's markup on a publication's own domain (uxdesign.cc) is read by the generic detector there:
    // this adapter owns medium.com's hosts only, and its links and own profile are read against them.
    if (!isMediumHost(ctx.url)) return [];
    const found: Found[] = [];
    // One query keeps document order (the page's order is the detection order).
    for (const el of queryAll(root, `${FOLLOWER_HOOK}, ${LINKS}, ${KIND_LINE}`)) {
      if (insideAny(el, EXCLUDED_NEAR_HOOK)) continue;
      let item: Found | null = null;
      if (el.matches(FOLLOWER_HOOK)) item = readFollowerHook(el, ctx);
      else if (el.tagName === 'P') item = el.closest('article') ? null : readKindLine(el, ctx);
      else if (!el.closest(FOLLOWER_HOOK)) item = readLink(el, ctx);
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
  followList: ['https://medium.com/@jane/followers', 'https://jane.medium.com/following', 'https://medium.com/@jane.doe/following'],
  profile: ['https://medium.com/@jane', 'https://jane.medium.com/', 'https://medium.com/@jane/about'],
  story: [
    'https://medium.com/@jane/why-i-stopped-counting-followers-3f2a9c1d7b4e',
    'https://jane.medium.com/why-i-stopped-counting-followers-3f2a9c1d7b4e',
    'https://medium.com/p/3f2a9c1d7b4e',
  ],
  home: ['https://medium.com/', 'https://medium.com/tag/freelancing'],
};
