/**
 * Mastodon (any instance, and forks sharing its web UI such as glitch-soc). Recognised by markup, never
 * by host: the web app mounts into `#mastodon[data-props]` on a `body.app-body` page
 * (site-dom-notes §7; every instance since 4.0 serves this React app, logged in or out — mastodon#20742).
 *
 * Counts live in two places:
 * - the account header (`.account__header`, both layouts): links to `/@acct/following` and
 *   `/@acct/followers`. Classic layout: the link carries the exact localized number in `title` and
 *   reads `<strong>12K</strong> Followers` (`account_timeline/components/number_fields.tsx`). The
 *   2025–26 `profile_redesign` layout: `<li title="12,345">Followers<a href="/@acct/followers">12K</a></li>`
 * with CSS-module class hashes (Mastodon's `app/javascript/mastodon/components/number_fields/index.tsx`), so
 * only hrefs and `title` are used.
 * - the hover card (`#hover-card`, 4.3+): `<strong>5.9K</strong> Followers` as the first counter of
 *   `.hover-card__numbers`, without an exact value (Mastodon's `app/javascript/mastodon/components/hover_card_account.tsx`).
 *
 * Whose profile it is: the signed-in account from the web app's initial state (`<script
 * id="initial-state" type="application/json">`: `meta.me` is the account id, `accounts[me]` its record,
 * as `app/javascript/mastodon/initial_state.js` reads it) against the account the count links to; where
 * that is missing, the header's own-profile control — the follow button becomes "Edit profile" for
 * yourself (Mastodon's `app/javascript/mastodon/components/follow_button.tsx`: `a[href="/settings/profile"]`; the 2025–26 app also has
 * an in-app editor at `/profile/edit`, `features/account_edit`) — by its href, then by its label.
 * No saved page of a Mastodon instance exists (the server sends an empty shell since 4.0): the
 * fixtures are written from these components.
 */
import { parseExactCount } from '../detection/count';
import { metricOfLabel } from '../detection/metric-words';
import { insideAny, langOf, makeFound, queryAll, readCount, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import { hasEditProfileControl } from './own';
import type { Found, HideSelectors, Metric, PageType, Region, SiteAdapter, SiteContext } from './types';

/** `@user` (local) or `@user@remote.host`. */
const ACCT = /^@[A-Za-z0-9_]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?$/;

/** Path segments without the `/web` and `/deck` prefixes older and advanced UIs put in front (notes §7). */
function appPath(url: URL): string[] {
  const parts = segments(url);
  return parts[0] === 'web' || parts[0] === 'deck' ? parts.slice(1) : parts;
}

function accountPath(url: URL, rest: RegExp): boolean {
  const [acct, ...tail] = appPath(url);
  return acct !== undefined && ACCT.test(acct) && rest.test(tail.join('/'));
}

const FOLLOW_LISTS: Readonly<Record<string, Metric>> = { followers: 'followers', following: 'following' };

const pages: Record<string, PageType> = {
  followList: {
    test: (url) => accountPath(url, /^(followers|following)$/),
  },
  status: {
    test: (url) => accountPath(url, /^\d+$/),
  },
  profile: {
    test: (url) => accountPath(url, /^((with_replies|media|featured|tagged\/[^/]+))?$/),
  },
  home: {
    test: (url) => /^(home|explore(\/.*)?|notifications|public(\/local|\/remote)?|bookmarks|favourites)?$/.test(appPath(url).join('/')),
  },
};

/**
 * Text people wrote, inside or beside the header: posts, the bio, profile fields ("Followers: 10K"),
 * the private note, "Followed by alice, bob and 12 others you know", hover-card bios.
 */
const WRITTEN = [
  '.status__content',
  '.status',
  '.account__header__bio',
  '.account__header__content',
  '.account__header__fields',
  '.account__header__familiar-followers',
  '.account-note',
  '.hover-card__text-row',
].join(', ');
const EXCLUDED = `${USER_CONTENT}, ${WRITTEN}`;

/**
 * The header's count links. `.account__header` wraps both layouts in the app; the classic links'
 * own container and the redesign's titled `li` are matched too, for pages (saved, embedded, forks) that
 * keep the counters without that wrapper.
 */
const HEADER_LINKS = [
  '.account__header a[href$="/followers"]',
  '.account__header a[href$="/following"]',
  '.account__header__extra__links a[href$="/followers"]',
  '.account__header__extra__links a[href$="/following"]',
  'li[title] > a[href*="/@"][href$="/followers"]',
  'li[title] > a[href*="/@"][href$="/following"]',
  // The classic counter without its classes: a titled NavLink (`title={intl.formatNumber(count)}`)
  // around a `<strong>`. Bios and fields are sanitized HTML and carry no such title.
  'a[title][href*="/@"][href$="/followers"]:has(> strong)',
  'a[title][href*="/@"][href$="/following"]:has(> strong)',
].join(', ');
/** The hover card's counters row; by the card's id alone where the row's class goes. */
const HOVER_CARD_NUMBERS = '#hover-card .hover-card__numbers, .hover-card .hover-card__numbers, #hover-card > div:has(> strong)';

/**
 * The follow button turns into `<a href="/settings/profile">Edit profile</a>` for yourself
 * (`follow_button.tsx`); the 2025–26 web app edits the profile in-app, at `/profile/edit`.
 */
const EDIT_PROFILE = 'a[href$="/settings/profile"], a[href$="/profile/edit"]';

/** Parsed once per document: the initial state does not change while the app runs. */
const signedIn = new WeakMap<Document, string | null>();

/**
 * The signed-in account's acct (its username: your own account is always local), from the initial
 * state the server puts in every page of the web app. Null when logged out or when the page has none.
 */
function signedInAcct(doc: Document): string | null {
  const known = signedIn.get(doc);
  if (known !== undefined) return known;
  let acct: string | null = null;
  try {
    const state = JSON.parse(doc.getElementById('initial-state')?.textContent ?? 'null') as {
      meta?: { me?: unknown };
      accounts?: Record<string, { acct?: unknown; username?: unknown }>;
    } | null;
    const me = state?.meta?.me;
    const account = typeof me === 'string' ? state?.accounts?.[me] : undefined;
    const name = account?.acct ?? account?.username;
    if (typeof name === 'string' && name) acct = name.toLowerCase();
  } catch {
    acct = null;
  }
  signedIn.set(doc, acct);
  return acct;
}

/** The local acct (`jane`) a link to `/@jane/…` or `/@jane@this.host/…` names; undefined for other hosts' accounts. */
function localAcctOf(href: string | null, ctx: SiteContext): string | undefined {
  const url = resolveHref(href, ctx.url);
  const acct = url ? appPath(url)[0] : undefined;
  if (!acct || !ACCT.test(acct)) return undefined;
  const [name, host] = acct.slice(1).toLowerCase().split('@');
  if (host && host !== ctx.url.hostname.toLowerCase()) return undefined;
  return name;
}

/**
 * The account header around a count: `.account__header` (both layouts), else — a fork, a future build
 * without that class — the nearest ancestor that holds the profile's `h1`, within the page's column.
 */
function headerOf(el: Element): Element | null {
  const header = el.closest('.account__header');
  if (header) return header;
  let node: Element | null = el.parentElement;
  for (let level = 0; node && level < 8; level++, node = node.parentElement) {
    if (node.tagName === 'BODY' || node.tagName === 'MAIN' || node.matches('[role="region"], [role="feed"], article')) return null;
    if (node.querySelector('h1')) return node;
  }
  return null;
}

/**
 * Is the account whose count `el` shows the signed-in user? The signed-in account against the
 * account the count links to (`acct`), else an own-profile control in `scope` (the header or the hover
 * card): the edit link by its href, then "Edit profile" in any language the app ships.
 */
function isOwnAccount(ctx: SiteContext, acct: string | undefined, scope: Element | null): boolean {
  const me = signedInAcct(ctx.doc);
  if (me && acct) return me === acct;
  if (!scope) return false;
  return scope.querySelector(EDIT_PROFILE) !== null || hasEditProfileControl(scope);
}

/** Which list a header link opens; only the app's own `/@acct/followers` shape on this instance counts. */
function linkMetric(link: Element, ctx: SiteContext): Metric | undefined {
  const url = resolveHref(link.getAttribute('href'), ctx.url);
  if (!url || url.host !== ctx.url.host) return undefined;
  const [acct, list, ...more] = appPath(url);
  if (!acct || !ACCT.test(acct) || !list || more.length > 0) return undefined;
  return FOLLOW_LISTS[list];
}

/** True when the label beside the number names another metric (a changed layout put a different count here). */
function labelContradicts(label: string, metric: Metric, el: Element, ctx: SiteContext): boolean {
  const named = metricOfLabel(label, langOf(el, ctx));
  return named !== undefined && named !== metric;
}

function readHeaderLink(link: Element, metric: Metric, ctx: SiteContext): Found | null {
  // Matched by its title alone (no header class): the title must be the exact count.
  if (
    !link.closest('.account__header, .account__header__extra__links, li[title]') &&
    parseExactCount(link.getAttribute('title'), langOf(link, ctx)) === null
  )
    return null;
  const own = isOwnAccount(ctx, localAcctOf(link.getAttribute('href'), ctx), headerOf(link));
  const item = link.parentElement;
  if (item && item.tagName === 'LI' && item.hasAttribute('title')) {
    // profile_redesign: the `li` holds the exact value and the label; the link shows only "12K".
    const label = textOf(item).replace(textOf(link), '');
    if (labelContradicts(label, metric, item, ctx)) return null;
    const count = readCount(link, ctx, { exact: item.getAttribute('title') });
    return count ? makeFound(link, metric, count, own, count.text) : null;
  }
  // Classic: `<a title="12,345"><strong>12K</strong> Followers</a>`.
  const strong = link.querySelector('strong');
  const text = textOf(link);
  if (strong) {
    // The label may come before or after the number, depending on the language's message.
    if (labelContradicts(text.replace(textOf(strong), ''), metric, link, ctx)) return null;
    const count = readCount(strong, ctx, { exact: link.getAttribute('title') });
    return count ? makeFound(link, metric, count, own, text) : null;
  }
  // No `strong` (a fork or a future layout): read "12K Followers" as a phrase.
  const phrase = readPhrase(link, ctx);
  return phrase?.metric === metric ? { ...makeFound(link, metric, phrase.count, own, text), via: 'label' } : null;
}

/**
 * The hover card's first counter is always followers; "3 followers you know" and "Follows you" come
 * after a "·". The number is the row's first `strong`; the prompt goes beside it.
 */
function readHoverCard(row: Element, ctx: SiteContext): Found | null {
  const strong = row.querySelector('strong');
  if (!strong || strong.parentElement !== row || insideAny(row, EXCLUDED)) return null;
  const lead = textOf(row).split('·')[0] ?? '';
  const phrase = readPhrase(row, ctx, lead.trim());
  if (phrase && phrase.metric !== 'followers') return null;
  const count = readCount(strong, ctx);
  if (!count) return null;
  const card = row.closest('#hover-card, .hover-card');
  const own = isOwnAccount(ctx, localAcctOf(card?.querySelector('a[href*="/@"]')?.getAttribute('href') ?? null, ctx), card);
  return makeFound(strong, 'followers', count, own, count.text);
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * The header's numbers (classic: the link's `<strong>`; 2025 redesign: the whole link in its titled
 * item, the label sits outside it), each by its link's `/followers` or `/following`, and the hover
 * card's, which shows followers only (its first counter, above). Posts, bios, fields and notes stay.
 */
export function hide(): HideSelectors {
  const header = (tail: 'followers' | 'following') =>
    [
      `:is(.account__header, .account__header__extra__links) a[href$="/${tail}"]:not(.status *, ` +
        `.account__header__bio *, .account__header__content *, ` +
        `.account__header__fields *, .account-note *) > strong`,
      `:is(.account__header, .account__header__bar) li[title] > a[href*="/@"][href$="/${tail}"]:not(:has(strong), .status *)`,
    ].join(', ');
  return {
    followers: `${header('followers')}, :is(#hover-card, .hover-card) .hover-card__numbers > strong`,
    following: header('following'),
  };
}

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  name: 'Mastodon',
  hosts: [],
  // Posts, bios, profile fields and notes: never a count of the header's, and a timeline's statuses
  // come and go without a detection pass.
  quiet: WRITTEN,
  pages,
  recognize(doc) {
    // The app root and body class of every instance since 4.0; failing those (a saved fragment, a fork
    // with its own shell), the account header's class names or the redesign's titled counters linking to
    // `/@acct/followers` — markup no other supported site uses.
    return (
      doc.querySelector(
        '#mastodon[data-props], body.app-body, .account__header, .account__header__extra__links, ' +
          'li[title] > a[href*="/@"][href$="/followers"]',
      ) !== null
    );
  },
  detect(root, ctx) {
    const found: Found[] = [];
    for (const link of queryAll(root, HEADER_LINKS)) {
      if (insideAny(link, EXCLUDED)) continue;
      const metric = linkMetric(link, ctx);
      if (!metric) continue;
      const item = readHeaderLink(link, metric, ctx);
      if (item) found.push(item);
    }
    for (const row of queryAll(root, HOVER_CARD_NUMBERS)) {
      const item = readHoverCard(row, ctx);
      if (item) found.push(item);
    }
    return found;
  },
  regions(ctx) {
    const doc = ctx.doc;
    const regions: Region[] = [];
    // The account header: by its class, else around the counts' links (found by their href shape).
    const headers = new Set<Element>(Array.from(doc.querySelectorAll('.account__header')));
    if (headers.size === 0) {
      for (const link of Array.from(doc.querySelectorAll('a[href*="/@"][href$="/followers"], a[href*="/@"][href$="/following"]'))) {
        if (insideAny(link, EXCLUDED) || !linkMetric(link, ctx)) continue;
        const header = headerOf(link);
        if (header) headers.add(header);
      }
    }
    for (const header of headers) {
      if (insideAny(header, EXCLUDED) || regions.some((region) => region.element.contains(header))) continue;
      const acct = () =>
        localAcctOf(
          header.querySelector('a[href*="/@"][href$="/followers"], a[href*="/@"][href$="/following"]')?.getAttribute('href') ?? null,
          ctx,
        );
      regions.push({ element: header, metrics: ['followers', 'following'], own: () => isOwnAccount(ctx, acct(), header) });
    }
    // The hover card (4.3+): one at a time, by its id.
    for (const card of Array.from(doc.querySelectorAll('#hover-card'))) {
      const acct = () => localAcctOf(card.querySelector('a[href*="/@"]')?.getAttribute('href') ?? null, ctx);
      regions.push({ element: card, metrics: ['followers'], own: () => isOwnAccount(ctx, acct(), card), transient: true });
    }
    return regions;
  },
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  followList: [
    'https://mastodon.social/@jane/followers',
    'https://chaos.social/@jana@fosstodon.org/following',
    'https://mastodon.social/deck/@jane/followers',
  ],
  status: ['https://mastodon.social/@jane/113245678901234567', 'https://social.example.org/@lee@fosstodon.org/112000000000000001'],
  profile: ['https://mastodon.social/@jane', 'https://social.example.org/@lee@fosstodon.org', 'https://mastodon.social/@jane/with_replies'],
  home: ['https://mastodon.social/home', 'https://mastodon.social/explore', 'https://mastodon.social/'],
};
