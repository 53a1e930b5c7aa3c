/**
 * GitHub. Two kinds of counts (site-dom-notes §6):
 * - a user's followers / following: the `?tab=followers` / `?tab=following` links of the profile,
 *   number in the link's `span.text-bold` (2020+ sidebar, `.js-profile-editable-area`, the hook Refined
 *   GitHub's follower badge relies on) or `span.Counter` (≤ 2019 tab row "Followers 1", outside the
 *   h-card: lhbasura/forum home.blade.php, a saved own profile), text only ("1.2k", no exact value);
 * - a repository's stars: the Star button's counter — `#repo-stars-counter-star` (or `-unstar` once you
 *   starred it) since 2022, exact value in `title="96,979"` / `aria-label="96979 users starred this
 *   repository"` (saved pages of 2023 and 2025: pimpaoz15/pimpaoz15, w3b5h3ll/astro-blog-dev,
 *   kepano/defuddle); before that `a.social-count.js-social-count[href$="/stargazers"]` with the same
 *   aria-label and a bare number (2021: microlinkhq/metascraper's github input.html) — and the About
 *   sidebar's `/<owner>/<repo>/stargazers` link ("97k stars", 2022+).
 * GitHub's UI is English-only and prints every number en-US, whatever `<html lang>` says (Chrome's
 * page translator rewrites `lang` and the labels but leaves "1.2k" and "96,979"), so numbers are
 * always read as English. Forks, watchers, the "Stars" tab counter (repos the user starred),
 * contributions and pinned repositories' star counts are not audience counts of this page: not read.
 */
import { around } from './layers';
import { insideAny, makeFound, queryAll, readCount, readPhrase, segments, textOf, USER_CONTENT } from './dom';
import { hasEditProfileControl } from './own';
import type { Found, HideSelectors, Metric, Region, SiteAdapter, SiteContext } from './types';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** First path segments that are GitHub's own pages, not a user or an owner. */
const RESERVED = new Set([
  'about',
  'account',
  'apps',
  'codespaces',
  'collections',
  'contact',
  'copilot',
  'customer-stories',
  'dashboard',
  'discussions',
  'enterprise',
  'events',
  'explore',
  'features',
  'issues',
  'join',
  'login',
  'logout',
  'marketplace',
  'new',
  'notifications',
  'organizations',
  'orgs',
  'pricing',
  'pulls',
  'readme',
  'search',
  'security',
  'sessions',
  'settings',
  'signup',
  'site',
  'sponsors',
  'stars',
  'team',
  'topics',
  'trending',
  'users',
  'watching',
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

/**
 * The profile's h-card (2019 to today): by its microdata, else by the `h1.vcard-names` landmark
 * (`.vcard-names-container`), else the login in an `h1` (`[itemprop="additionalName"]`).
 */
function profileCard(doc: Document): Element | null {
  const card = doc.querySelector('[itemtype$="schema.org/Person"]');
  if (card) return card;
  const name = doc.querySelector('h1 [itemprop="additionalName"], h1.vcard-names, [itemprop="additionalName"]');
  return name ? around(name, 4) : null;
}

/**
 * Is the profile the signed-in user's? The signed-in login (`meta[name="user-login"]`) against the
 * path, else the h-card's edit control: `.js-profile-editable-edit-button`, labelled "Edit" in 2019
 * (lhbasura/forum's saved own profile) and "Edit profile" since, and only on your own h-card.
 */
function isOwnProfile(ctx: SiteContext, login: string | undefined): boolean {
  const me = signedInLogin(ctx.doc);
  if (me) return sameLogin(me, login ?? profileLogin(ctx.url));
  if (ctx.doc.querySelector('.js-profile-editable-edit-button') !== null) return true;
  const card = profileCard(ctx.doc);
  if (!card) return false;
  if (hasEditProfileControl(card)) return true;
  // GitHub's UI is English only: the 2019 button said just "Edit".
  return Array.from(card.querySelectorAll('button, a')).some((control) => textOf(control) === 'Edit');
}

function profileCounts(root: ParentNode, ctx: SiteContext, found: Found[]): void {
  const page = profileLogin(ctx.url);
  const en = englishContext(ctx);
  let own: boolean | undefined;
  for (const link of queryAll(root, FOLLOW_LINK)) {
    if (insideAny(link, EXCLUDED)) continue;
    const target = followTarget(link.getAttribute('href') ?? '');
    if (!target) continue;
    // The profile's own links: in the sidebar (2020+), or the tab row above the repositories (≤ 2019,
    // outside the h-card). A link to someone else's followers is not this page's count.
    if (!sameLogin(target.login, page) && !link.closest(PROFILE_AREA)) continue;
    // The number: `span.text-bold` (sidebar), `span.Counter` (tab row); the first span covers a restyled link.
    const numberEl = link.querySelector('span.text-bold, span.Counter') ?? link.querySelector('span');
    const count = numberEl ? readCount(numberEl, en) : null;
    if (!count) continue;
    own ??= isOwnProfile(ctx, target.login);
    found.push(makeFound(link, target.metric, count, own, textOf(link)));
  }
}

/**
 * The Star button's counters. 2022+: `#repo-stars-counter-star/-unstar` spans. Before: the
 * `a.social-count.js-social-count` links to the stargazers. Both carry "N users starred this
 * repository" in `aria-label`, the hook that outlives a class rename.
 */
const STAR_COUNTER =
  '#repo-stars-counter-star, #repo-stars-counter-unstar, .js-social-count[href$="/stargazers"], [aria-label$=" starred this repository"]';
/** The narrow-screen copy of the repo meta (`d-md-none`): the same counts again, hidden on desktop. */
const RESPONSIVE_COPY = '#responsive-meta-container';

function hasClass(el: Element, name: string): boolean {
  return (el.getAttribute('class') ?? '').split(/\s+/).includes(name);
}

type StarState = 'starred' | 'unstarred';

/**
 * Which state of the Star button a counter belongs to: by its id (2022+), by its form's action
 * (`/unstar` for the starred state, `/star` for the other; 2021) or by the state's class.
 */
function starState(counter: Element): StarState | undefined {
  if (counter.id === 'repo-stars-counter-unstar') return 'starred';
  if (counter.id === 'repo-stars-counter-star') return 'unstarred';
  const action = counter.closest('form[action]')?.getAttribute('action') ?? '';
  if (/\/unstar\/?$/.test(action)) return 'starred';
  if (/\/star\/?$/.test(action)) return 'unstarred';
  const state = counter.closest('.starred, .unstarred');
  if (state) return hasClass(state, 'starred') ? 'starred' : 'unstarred';
  return undefined;
}

/**
 * The Star button ships both states, each with its counter; the toggler container's `on` class says
 * which one shows. Report that one only. Logged out, there is no toggler: a `/login` link holds the one
 * counter. Where the toggler's classes are renamed, the counter of the unstarred state is taken when
 * its twin is near (the state of a repository you have not starred, the common case).
 */
function isShownStarCounter(counter: Element): boolean {
  const state = starState(counter);
  if (!state) return true;
  const toggler = counter.closest('.js-toggler-container, .starring-container');
  if (toggler) {
    const shown: StarState = hasClass(toggler, 'on') ? 'starred' : 'unstarred';
    if (state === shown) return true;
    return !Array.from(toggler.querySelectorAll(STAR_COUNTER)).some((other) => starState(other) === shown);
  }
  if (state === 'unstarred') return true;
  let scope: Element | null = counter;
  for (let level = 0; level < 5 && scope; level++) {
    scope = scope.parentElement;
    if (scope && Array.from(scope.querySelectorAll(STAR_COUNTER)).some((other) => starState(other) === 'unstarred')) return false;
  }
  return true;
}

/** The exact count in "2569 users starred this repository" (the `title` is en-US: "2,569"). */
function exactStars(el: Element): string | null {
  return el.getAttribute('title') || el.getAttribute('aria-label');
}

/**
 * GitHub's own stat links wrap the number (`<strong>97k</strong> stars`, `<span class="text-bold">37</span>
 * stars`) and stand in a `div`; a link in prose (a comment's "1 star", a README's list) does neither.
 * Where a redesign renames `.markdown-body` and `.comment-body`, this keeps their links out.
 */
function isStatLink(link: Element): boolean {
  if (link.closest('p, li, td, th, dd, blockquote')) return false;
  return Array.from(link.querySelectorAll('*')).some((child) => /\d/.test(child.textContent ?? '') && !child.closest('svg'));
}

function repoCounts(root: ParentNode, ctx: SiteContext, found: Found[]): void {
  const repo = repoOf(ctx.url);
  if (!repo) return;
  const own = sameLogin(signedInLogin(ctx.doc), repo.owner);
  const en = englishContext(ctx);
  const stargazersPath = `/${repo.owner}/${repo.repo}/stargazers`.toLowerCase();
  const isThisRepo = (el: Element) => {
    try {
      return new URL(el.getAttribute('href') ?? '', 'https://github.com').pathname.toLowerCase() === stargazersPath;
    } catch {
      return false;
    }
  };
  for (const el of queryAll(root, `${STAR_COUNTER}, a[href$="/stargazers"]`)) {
    if (insideAny(el, EXCLUDED) || insideAny(el, RESPONSIVE_COPY)) continue;
    if (el.matches(STAR_COUNTER)) {
      // A counter that links somewhere links to this repository's stargazers, never another repo's.
      if (el.hasAttribute('href') && !isThisRepo(el)) continue;
      if (!isShownStarCounter(el)) continue;
      const count = readCount(el, en, { exact: exactStars(el) });
      if (count) found.push(makeFound(el, 'stars', count, own, textOf(el)));
      continue;
    }
    // Only this repository's own stargazers link (About sidebar), not other repos' in lists; its number
    // is read from the phrase ("97k stars"), so it counts as found by label.
    if (!isThisRepo(el) || !isStatLink(el)) continue;
    const phrase = readPhrase(el, en);
    if (phrase?.metric !== 'stars') continue;
    found.push({ ...makeFound(el, 'stars', phrase.count, own, textOf(el)), via: 'label' });
  }
}

/**
 * Where a repository's stars live: the header with the Star button (`#repository-container-header`,
 * else the `ul.pagehead-actions` around a star form, found by its action) and the About sidebar
 * (`.about-margin`, else the cell under the "About" heading).
 */
function repoRegions(ctx: SiteContext): Region[] {
  const repo = repoOf(ctx.url);
  if (!repo) return [];
  const own = () => sameLogin(signedInLogin(ctx.doc), repo.owner);
  const doc = ctx.doc;
  const header =
    doc.querySelector('#repository-container-header') ??
    doc.querySelector('ul.pagehead-actions') ??
    (() => {
      const form = doc.querySelector('form[action$="/star"], form[action$="/unstar"], a[href^="/login?return_to="][aria-label*="star"]');
      return form ? around(form, 4, 200) : null;
    })();
  const regions: Region[] = [];
  if (header) regions.push({ element: header, metrics: ['stars'], own });
  const about =
    doc.querySelector('.about-margin') ??
    (() => {
      const heading = Array.from(doc.querySelectorAll('h2')).find((h2) => textOf(h2) === 'About');
      return heading ? around(heading, 2, 120) : null;
    })();
  if (about && !insideAny(about, EXCLUDED) && about.querySelector('a[href$="/stargazers"]'))
    regions.push({ element: about, metrics: ['stars'], own });
  return regions;
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * The bold numbers of the profile's followers/following links (2020+ sidebar) and the counters of the
 * 2019 tab row, each by its `tab=`; the repository's star counter (both of the star/unstar toggle's
 * copies: the hidden one shows after a click; 2021's `a.social-count` links too) and the About sidebar's
 * stars, including the narrow layout's copy. READMEs, bios and comments are never touched.
 */
export function hide(): HideSelectors {
  const profile = (tab: 'followers' | 'following') =>
    [
      ':is(.js-profile-editable-area, [itemtype$="schema.org/Person"]) ' +
        `a[href*="tab=${tab}"]:not(.user-profile-bio *, .markdown-body *, .comment-body *) span.text-bold`,
      `nav.UnderlineNav-body a[href$="?tab=${tab}"] > span.Counter`,
    ].join(', ');
  return {
    followers: profile('followers'),
    following: profile('following'),
    stars: [
      '#repo-stars-counter-star',
      '#repo-stars-counter-unstar',
      // 2021: the counter of the state shown (the toggler's `on` flips it, and the rule follows).
      '.starring-container:not(.on) .unstarred a.js-social-count[href$="/stargazers"]',
      '.starring-container.on .starred a.js-social-count[href$="/stargazers"]',
      'a[href$="/stargazers"]:not(.markdown-body *, .comment-body *, article *) > strong',
      '#responsive-meta-container a[href$="/stargazers"] span.text-bold',
    ].join(', '),
  };
}

export const github: SiteAdapter = {
  id: 'github',
  name: 'GitHub',
  hosts: ['github.com'],
  // READMEs (a profile README, a repository's), issue comments and bios: badges and boasts
  // ("Followers 10k", "97k stars"), and the sanitized copies of GitHub's own markup a README can hold.
  quiet: '.markdown-body, .comment-body, .user-profile-bio',
  // The Star button ships two counters, one shown (isShownStarCounter): if it goes, the other stands in.
  standIns: true,
  pages: {
    profile: {
      test: (url) => profileLogin(url) !== undefined,
    },
    stargazers: {
      test: (url) => repoOf(url) !== undefined && /^\/[^/]+\/[^/]+\/stargazers\/?$/.test(url.pathname),
    },
    repo: {
      test: (url) => repoOf(url) !== undefined,
    },
    dashboard: {
      test: (url) => /^\/(dashboard|notifications)?\/?$/.test(url.pathname),
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    if (profileLogin(ctx.url)) profileCounts(root, ctx, found);
    else repoCounts(root, ctx, found);
    return found;
  },
  regions(ctx) {
    if (!profileLogin(ctx.url)) return repoRegions(ctx);
    // The profile's h-card (the sidebar with the followers line), by microdata or its h1 landmark.
    const card = profileCard(ctx.doc);
    return card ? [{ element: card, metrics: ['followers', 'following'], own: () => isOwnProfile(ctx, undefined) }] : [];
  },
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  profile: ['https://github.com/octo-jane', 'https://github.com/octo-jane?tab=followers', 'https://github.com/sam-dev?tab=stars'],
  stargazers: ['https://github.com/octo-jane/lumen/stargazers', 'https://github.com/sam-dev/tiny-lib/stargazers'],
  repo: [
    'https://github.com/octo-jane/lumen',
    'https://github.com/sam-dev/tiny-lib/issues/3',
    'https://github.com/octo-jane/lumen/tree/main/src',
  ],
  dashboard: ['https://github.com/', 'https://github.com/dashboard', 'https://github.com/notifications'],
};
