/**
 * Substack. Profiles (`substack.com/@handle`) link their counts to the lists they open:
 * `/@handle/subscribers` ("276K+ subscribers", notes §13) and `/@handle/followers`. The two are
 * different metrics — subscribers get the newsletter, and also become followers — so the link's
 * path decides which one a count is. Publication pages (`<name>.substack.com`) and profile
 * hovercards link to the same lists. There is no exact value in the DOM and no stable test id;
 * Substack's `pencraft pc-…` utility classes are layout only, so hrefs are the hook.
 * Publications on custom domains are not owned by this adapter (the generic detector reads them).
 */
import { hostMatches, insideAny, makeFound, queryAll, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, SiteAdapter, SiteContext } from './types';

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
 * Posts, notes, comments and their editors are user text. `.markup` is the rendered post body and
 * `.ProseMirror` the notes/comments renderer; `article` (in USER_CONTENT) wraps posts and notes.
 */
const EXCLUDED = `${USER_CONTENT}, .markup, .ProseMirror, .comment-body`;

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
 * Own profile: your own profile header offers "Edit profile" and a link to your dashboard
 * (`/publish/home`) where others' offer Subscribe/Follow (notes §13, unverified). Only the header
 * around the count is searched — the blocks above the link that hold the profile's name (`h1`),
 * never past `<main>` — so the dashboard link in the side navigation does not count.
 */
function isOwn(link: Element, ctx: SiteContext): boolean {
  if (ctx.page !== 'profile') return false;
  let node = link.parentElement;
  for (let depth = 0; node && depth < 5 && !node.matches('main, [role="main"], body'); depth++, node = node.parentElement) {
    if (!node.querySelector('h1')) continue;
    if (node.querySelector('a[href*="/publish/home"]')) return true;
    if (Array.from(node.querySelectorAll('button, a')).some((el) => /^edit profile$/i.test(textOf(el)))) return true;
  }
  return false;
}

/** Labels that name followers in one language and subscribers in another ("Abonnenten", "abonnés"). */
const AUDIENCE: ReadonlySet<Metric> = new Set<Metric>(['followers', 'subscribers']);

export const substack: SiteAdapter = {
  id: 'substack',
  name: 'Substack',
  // Subscriber links (number and label are one text node, "4.8K+ subscribers") and the number span of
  // follower links ("See all followers" has none, so it stays). Posts, notes and comments stay.
  hide: [
    'a[href*="/subscribers"]:not(.markup *, .ProseMirror *, .comment-body *, .available-content *, article *)',
    'a[href*="/followers"]:not(.markup *, .ProseMirror *, .comment-body *, .available-content *, article *) > span:first-child',
  ].join(', '),
  hosts: ['substack.com'],
  pages: {
    followList: {
      test: (url) => {
        const rest = profileRest(url);
        return rest !== undefined && rest.length === 1 && /^(subscribers|followers|following)$/.test(rest[0] ?? '');
      },
      examples: ['https://substack.com/@jane/subscribers', 'https://substack.com/@jane/followers', 'https://substack.com/@jane/following'],
    },
    profile: {
      test: (url) => {
        const rest = profileRest(url);
        return isAppHost(url) && rest !== undefined && (rest.length === 0 || (rest.length === 1 && /^(posts|notes|likes|reads|activity)$/.test(rest[0] ?? '')));
      },
      examples: ['https://substack.com/@jane', 'https://substack.com/@jane/notes', 'https://www.substack.com/@jane_doe'],
    },
    post: {
      test: (url) =>
        (isPublicationHost(url) && /^\/p\/[^/]+\/?$/.test(url.pathname)) ||
        (isAppHost(url) && /^\/(@[^/]+|home\/post)\/p-\d+\/?$/.test(url.pathname)),
      examples: ['https://jane.substack.com/p/why-i-stopped-counting', 'https://substack.com/@jane/p-123456789', 'https://substack.com/home/post/p-123456789'],
    },
    publication: {
      test: (url) => isPublicationHost(url) && /^\/(about|archive|podcast|recommendations)?\/?$/.test(url.pathname),
      examples: ['https://jane.substack.com/', 'https://jane.substack.com/about', 'https://jane.substack.com/archive'],
    },
    home: {
      test: (url) => isAppHost(url) && /^\/(home|inbox|notes|activity|discover)?\/?$/.test(url.pathname),
      examples: ['https://substack.com/home', 'https://substack.com/', 'https://substack.com/notes'],
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    for (const link of queryAll(root, LINK_SELECTOR)) {
      if (insideAny(link, EXCLUDED)) continue;
      const metric = linkMetric(link.getAttribute('href'), ctx);
      if (!metric) continue;
      // The whole link must read as a count and its label ("276K+ subscribers", "1.234 Abonnenten"):
      // a link that only says "See all" or a name is not a count.
      const phrase = readPhrase(link, ctx);
      if (!phrase || !AUDIENCE.has(phrase.metric)) continue;
      found.push(makeFound(link, metric, phrase.count, isOwn(link, ctx), textOf(link)));
    }
    return found;
  },
};
