/**
 * Facebook ("Comet" SPA). No `data-testid`, and the atomic classes (`x9f619 x1n2onr6 …`) change per
 * deploy (../shared/research/site-dom-notes.md §3), so only roles and hrefs are used. The profile
 * header's social line is a row of links: "12K followers" → `/<name>/followers/`, "310 following"
 * → `/<name>/following/`, "523 friends" → `/<name>/friends`, or the query-style
 * `profile.php?id=…&sk=followers` (Facebook scraper docstring, code id 60234491614). The count is
 * read from the link text as "number + label" in the page language. Facebook puts no exact value
 * in the DOM: followers are abbreviated, friends exact.
 *
 * Never reported: "12 mutual" (`/friends_mutual`), page likes, group members, and anything inside
 * posts, comments or the tab bar.
 */
import { hostMatches, insideAny, makeFound, queryAll, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, SiteAdapter, SiteContext } from './types';

function onFacebook(url: URL): boolean {
  return hostMatches(url.hostname, 'facebook.com');
}

/** First path segments that are Facebook's own pages, not profile names. */
const RESERVED = new Set([
  'home.php', 'watch', 'marketplace', 'groups', 'gaming', 'events', 'pages', 'messages', 'notifications',
  'friends', 'settings', 'reel', 'reels', 'stories', 'photo', 'photo.php', 'photos', 'permalink.php',
  'story.php', 'search', 'bookmarks', 'saved', 'login', 'login.php', 'help', 'privacy', 'policies',
  'memories', 'fundraisers', 'ads', 'business', 'live', 'hashtag', 'share', 'sharer.php', 'dialog', 'plugins',
]);

const TAB_METRICS: Readonly<Record<string, Metric>> = { followers: 'followers', following: 'following', friends: 'friends' };

/** The profile a URL belongs to: `/<name>…` or `profile.php?id=…`. */
function profileOf(url: URL): string | undefined {
  const [first] = segments(url);
  if (!first) return undefined;
  if (first === 'profile.php') return url.searchParams.get('id') ?? undefined;
  if (RESERVED.has(first.toLowerCase()) || !/^[\w.-]+$/.test(first)) return undefined;
  return first;
}

/** The list a URL shows: `/<name>/followers/` (path style) or `profile.php?id=…&sk=followers` (query style). */
function listOf(url: URL): string | undefined {
  const parts = segments(url);
  if (parts[0] === 'profile.php') return url.searchParams.get('sk') ?? undefined;
  return parts.length === 2 ? parts[1] : undefined;
}

function linkMetric(href: string, ctx: SiteContext): Metric | undefined {
  const url = resolveHref(href, ctx.url);
  if (!url) return undefined;
  if (!onFacebook(url) || !profileOf(url)) return undefined;
  const list = listOf(url);
  return list ? TAB_METRICS[list] : undefined;
}

const LINK_SELECTOR = [
  'a[href*="/followers"]',
  'a[href*="/following"]',
  'a[href*="/friends"]',
  'a[href*="sk=followers"]',
  'a[href*="sk=following"]',
  'a[href*="sk=friends"]',
].join(', ');

/**
 * Posts and comments are `role="article"`; the feed is `role="feed"`; the profile tabs
 * (`[role="tablist"]`, Maskbook `facebook.com/utils/selector.ts`) repeat "Friends" as navigation;
 * the Intro / Photos / Friends tiles (`data-pagelet="ProfileTilesFeed_…"`) repeat the friends count
 * under a heading, next to user-written bio text.
 */
const EXCLUDED = `${USER_CONTENT}, [role="article"], [role="feed"], [role="tablist"], [data-pagelet^="ProfileTilesFeed"]`;

/**
 * "Edit profile" in the languages the product supports best. Facebook gives the button no hook but
 * its label (notes §3: labels from memory, unverified in stored code), so this is a table.
 */
const EDIT_PROFILE_LABELS = new Set([
  'edit profile', 'profil bearbeiten', 'modifier le profil', 'editar perfil', 'modifica profilo',
  'profiel bewerken', 'edytuj profil', 'redigera profil', 'rediger profil', 'muokkaa profiilia',
  'редактировать профиль', 'редагувати профіль', 'profili düzenle', 'プロフィールを編集', '编辑个人主页',
  '編輯個人檔案', '프로필 편집', 'upravit profil', 'profil szerkesztése', 'editează profilul',
]);

/** The profile header: the nearest block that holds both the name (`h1`) and the tab bar. */
function headerOf(main: Element): Element | null {
  const name = main.querySelector('h1');
  const tabs = main.querySelector('[role="tablist"]');
  if (!name) return null;
  if (!tabs) return name.parentElement;
  let block: Element | null = name.parentElement;
  while (block && !block.contains(tabs)) block = block.parentElement;
  return block;
}

/**
 * Own profile: its header offers "Edit profile" where others' offer "Add friend" / "Follow".
 * Buttons are `div[role="button"]` with the label as text or `aria-label`.
 */
function isOwnHeader(header: Element | null): boolean {
  if (!header) return false;
  for (const control of Array.from(header.querySelectorAll('[role="button"], a[role="link"], [aria-label]'))) {
    if (insideAny(control, '[role="tablist"]')) continue;
    const label = (control.getAttribute('aria-label') ?? textOf(control)).toLocaleLowerCase().trim();
    if (EDIT_PROFILE_LABELS.has(label)) return true;
  }
  return false;
}

export const facebook: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook',
  // The header's count links in the main column. The number is a `<strong>` on some profiles; elsewhere
  // number and label are one text node ("1.2K friends"), so the whole link hides. Mutual friends, tabs,
  // posts, comments and the Intro/Friends tiles stay.
  hide: ((link) => [`${link} > strong`, `${link}:not(:has(strong))`].join(', '))(
    '[role="main"] a:is([href*="/followers"], [href*="/following"], [href*="/friends"], [href*="sk=followers"], [href*="sk=following"], [href*="sk=friends"])' +
      ':not([href*="friends_"], [role="tab"], [role="article"] *, [role="feed"] *, [role="tablist"] *, [data-pagelet^="ProfileTilesFeed"] *, article *)',
  ),
  hosts: ['facebook.com'],
  pages: {
    friendsList: {
      test: (url) => profileOf(url) !== undefined && /^friends(_all|_mutual|_recent)?$/.test(listOf(url) ?? ''),
      examples: [
        'https://www.facebook.com/jane.doe/friends',
        'https://www.facebook.com/profile.php?id=100012345678901&sk=friends',
        'https://www.facebook.com/jane.doe/friends_mutual',
      ],
    },
    followList: {
      test: (url) => profileOf(url) !== undefined && /^(followers|following)$/.test(listOf(url) ?? ''),
      examples: [
        'https://www.facebook.com/jane.doe/followers/',
        'https://www.facebook.com/profile.php?id=100012345678901&sk=followers',
        'https://www.facebook.com/jane.doe/following',
      ],
    },
    profile: {
      test: (url) => profileOf(url) !== undefined && (segments(url).length === 1 || listOf(url) !== undefined),
      examples: [
        'https://www.facebook.com/jane.doe',
        'https://www.facebook.com/profile.php?id=100012345678901',
        'https://www.facebook.com/jane.doe/about',
      ],
    },
    home: {
      test: (url) => /^\/(home\.php)?$/.test(url.pathname),
      examples: ['https://www.facebook.com/', 'https://www.facebook.com/home.php'],
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    const headers = new Map<Element, boolean>();
    for (const link of queryAll(root, LINK_SELECTOR)) {
      const main = link.closest('[role="main"]');
      if (!main || insideAny(link, EXCLUDED)) continue;
      const metric = linkMetric(link.getAttribute('href') ?? '', ctx);
      if (!metric) continue;
      // "12K followers", "1.234 Freunde", "Followers 12K" — the whole link text is the phrase.
      const text = textOf(link);
      const phrase = readPhrase(link, ctx, text);
      // The label must agree with the href: "12 mutual friends" next to a friends link is not the friends count.
      if (!phrase || phrase.metric !== metric) continue;
      if (!headers.has(main)) headers.set(main, isOwnHeader(headerOf(main)));
      found.push(makeFound(link, metric, phrase.count, headers.get(main) ?? false, text));
    }
    return found;
  },
};
