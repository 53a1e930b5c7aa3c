/**
 * GitHub. Two kinds of counts (site-dom-notes §6):
 * - a user's followers / following: the `?tab=followers` / `?tab=following` links in the profile
 *   sidebar (`.js-profile-editable-area`, the hook Refined GitHub's follower badge relies on), number
 *   in the link's `span.text-bold`, text only ("1.2k", no exact value anywhere);
 * - a repository's stars: the Star button's `#repo-stars-counter-star` (or `-unstar` once you starred
 *   it), exact value in `title="96,979"` / `aria-label="96979 users starred this repository"`, and
 *   the About sidebar's `/<owner>/<repo>/stargazers` link ("97k stars").
 * GitHub's UI is English-only and prints every number en-US, whatever `<html lang>` says (Chrome's
 * page translator rewrites `lang` and the labels but leaves "1.2k" and "96,979"), so numbers are
 * always read as English. Forks, watchers, the "Stars" tab counter (repos the user starred),
 * contributions and pinned repositories' star counts are not audience counts of this page: not read.
 */
import { insideAny, makeFound, queryAll, readCount, readPhrase, segments, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, SiteAdapter, SiteContext } from './types';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** First path segments that are GitHub's own pages, not a user or an owner. */
const RESERVED = new Set([
  'about', 'account', 'apps', 'codespaces', 'collections', 'contact', 'copilot', 'customer-stories',
  'dashboard', 'discussions', 'enterprise', 'events', 'explore', 'features', 'issues', 'join', 'login',
  'logout', 'marketplace', 'new', 'notifications', 'organizations', 'orgs', 'pricing', 'pulls', 'readme',
  'search', 'security', 'sessions', 'settings', 'signup', 'site', 'sponsors', 'stars', 'team', 'topics',
  'trending', 'users', 'watching',
]);

function isLogin(part: string | undefined): part is string {
  return part !== undefined && LOGIN.test(part) && !RESERVED.has(part.toLowerCase());
}

function profileLogin(url: URL): string | undefined {
  const parts = segments(url);
  return parts.length === 1 && isLogin(parts[0]) ? parts[0] : undefined;
}

function repoOf(url: URL): { owner: string; repo: string } | undefined {
  const [owner, repo] = segments(url);
  return isLogin(owner) && repo !== undefined && /^[\w.-]+$/.test(repo) ? { owner, repo } : undefined;
}

/** The signed-in user (github-url-detection `getLoggedInUser`, index.ts L1011); empty when logged out. */
function signedInLogin(doc: Document): string | undefined {
  return doc.querySelector('meta[name="user-login"]')?.getAttribute('content')?.trim() || undefined;
}

function sameLogin(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Numbers on GitHub are en-US whatever the page language claims (see the file comment). */
function englishContext(ctx: SiteContext): SiteContext {
  return { ...ctx, lang: 'en' };
}

/** The profile sidebar. `[itemtype$="schema.org/Person"]` is the h-card around it: a fallback for the
 * year `.js-profile-editable-area` gets renamed (it broke Refined GitHub's badge 5 times, notes §6 Churn). */
const PROFILE_AREA = '.js-profile-editable-area, [itemtype$="schema.org/Person"]';
const FOLLOW_LINK = 'a[href*="tab=followers"], a[href*="tab=following"]';
/** READMEs, issue comments and markdown bodies link to `?tab=followers` with badges ("Followers 10k"). */
const EXCLUDED = `${USER_CONTENT}, .markdown-body, .comment-body, .user-profile-bio`;

function followTarget(href: string): { login: string; metric: Metric } | undefined {
  let url: URL;
  try {
    url = new URL(href, 'https://github.com');
  } catch {
    return undefined;
  }
  const login = profileLogin(url);
  const tab = url.searchParams.get('tab');
  if (!login || (tab !== 'followers' && tab !== 'following')) return undefined;
  return { login, metric: tab };
}

function profileCounts(root: ParentNode, ctx: SiteContext, found: Found[]): void {
  const me = signedInLogin(ctx.doc);
  const en = englishContext(ctx);
  const seen = new Set<Element>();
  for (const area of queryAll(root, PROFILE_AREA)) {
    for (const link of queryAll(area, FOLLOW_LINK)) {
      if (seen.has(link) || insideAny(link, EXCLUDED)) continue;
      seen.add(link);
      const target = followTarget(link.getAttribute('href') ?? '');
      if (!target) continue;
      // The number is `span.text-bold`; the first span covers a restyled link.
      const numberEl = link.querySelector('span.text-bold') ?? link.querySelector('span');
      const count = numberEl ? readCount(numberEl, en) : null;
      if (!count) continue;
      // Own: the path is the signed-in login (github-url-detection `isOwnUserProfile`, L282). The
      // "Edit profile" button only exists on your own sidebar: the signal when the meta is missing.
      const own = me
        ? sameLogin(me, target.login)
        : area.querySelector('.js-profile-editable-edit-button') !== null;
      found.push(makeFound(link, target.metric, count, own, textOf(link)));
    }
  }
}

const STAR_COUNTER = '#repo-stars-counter-star, #repo-stars-counter-unstar';
/** The narrow-screen copy of the repo meta (`d-md-none`): the same counts again, hidden on desktop. */
const RESPONSIVE_COPY = '#responsive-meta-container';

function hasClass(el: Element, name: string): boolean {
  return (el.getAttribute('class') ?? '').split(/\s+/).includes(name);
}

/**
 * The Star button ships both states, each with its counter (`starred` form → `-unstar`, `unstarred`
 * form → `-star`); the toggler container's `on` class says which one shows. Report that one only.
 */
function isShownStarCounter(counter: Element): boolean {
  const toggler = counter.closest('.js-toggler-container');
  if (!toggler) return true;
  const shownId = hasClass(toggler, 'on') ? 'repo-stars-counter-unstar' : 'repo-stars-counter-star';
  if (counter.id === shownId) return true;
  return toggler.querySelector(`#${shownId}`) === null;
}

function repoCounts(root: ParentNode, ctx: SiteContext, found: Found[]): void {
  const repo = repoOf(ctx.url);
  if (!repo) return;
  const own = sameLogin(signedInLogin(ctx.doc), repo.owner);
  const en = englishContext(ctx);
  const stargazersPath = `/${repo.owner}/${repo.repo}/stargazers`.toLowerCase();
  for (const el of queryAll(root, `${STAR_COUNTER}, a[href$="/stargazers"]`)) {
    if (insideAny(el, EXCLUDED) || insideAny(el, RESPONSIVE_COPY)) continue;
    if (el.tagName === 'A') {
      // Only this repository's own stargazers link (About sidebar), not other repos' in lists.
      let path: string;
      try {
        path = new URL(el.getAttribute('href') ?? '', 'https://github.com').pathname.toLowerCase();
      } catch {
        continue;
      }
      if (path !== stargazersPath) continue;
      const phrase = readPhrase(el, en);
      if (phrase?.metric !== 'stars') continue;
      found.push(makeFound(el, 'stars', phrase.count, own, textOf(el)));
      continue;
    }
    if (!isShownStarCounter(el)) continue;
    const exact = el.getAttribute('title') || el.getAttribute('aria-label');
    const count = readCount(el, en, { exact });
    if (count) found.push(makeFound(el, 'stars', count, own, textOf(el)));
  }
}

export const github: SiteAdapter = {
  id: 'github',
  name: 'GitHub',
  // The bold numbers of the profile's followers/following links, the repository's star counter (both
  // of the star/unstar toggle's copies: the hidden one shows after a click) and the About sidebar's
  // stars, including the narrow layout's copy. READMEs, bios and comments are never touched.
  hide: [
    ':is(.js-profile-editable-area, [itemtype$="schema.org/Person"]) :is(a[href*="tab=followers"], a[href*="tab=following"]):not(.user-profile-bio *, .markdown-body *, .comment-body *) span.text-bold',
    '#repo-stars-counter-star',
    '#repo-stars-counter-unstar',
    'a[href$="/stargazers"]:not(.markdown-body *, .comment-body *, article *) > strong',
    '#responsive-meta-container a[href$="/stargazers"] span.text-bold',
  ].join(', '),
  hosts: ['github.com'],
  // The Star button ships two counters, one shown (isShownStarCounter): if it goes, the other stands in.
  standIns: true,
  pages: {
    profile: {
      test: (url) => profileLogin(url) !== undefined,
      examples: ['https://github.com/octo-jane', 'https://github.com/octo-jane?tab=followers', 'https://github.com/sam-dev?tab=stars'],
    },
    stargazers: {
      test: (url) => repoOf(url) !== undefined && /^\/[^/]+\/[^/]+\/stargazers\/?$/.test(url.pathname),
      examples: ['https://github.com/octo-jane/lumen/stargazers', 'https://github.com/sam-dev/tiny-lib/stargazers'],
    },
    repo: {
      test: (url) => repoOf(url) !== undefined,
      examples: ['https://github.com/octo-jane/lumen', 'https://github.com/sam-dev/tiny-lib/issues/3', 'https://github.com/octo-jane/lumen/tree/main/src'],
    },
    dashboard: {
      test: (url) => /^\/(dashboard|notifications)?\/?$/.test(url.pathname),
      examples: ['https://github.com/', 'https://github.com/dashboard', 'https://github.com/notifications'],
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    if (profileLogin(ctx.url)) profileCounts(root, ctx, found);
    else repoCounts(root, ctx, found);
    return found;
  },
};
