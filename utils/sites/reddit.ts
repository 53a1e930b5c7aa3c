/**
 * Reddit. Two markup generations are live (notes §11, "Churn"):
 * - shreddit (www.reddit.com, 2023+): server-rendered web components. The profile sidebar
 *   (`[data-testid="profile-details-content-wrapper"]`, inside `#right-sidebar-contents`) and the
 *   user hovercards carry `[data-testid="karma-number"]` — post karma then comment karma, each
 *   followed by its label. Followers are plain text ("87 followers") with no hook, so they are read
 *   as a count phrase, only inside that sidebar.
 * - old.reddit.com: the profile sidebar's `.titlebox span.karma` / `span.karma.comment-karma`, each
 *   followed by its label as a bare text node ("306  link karma"), and the header's `span.userkarma`
 *   (always the signed-in user's own karma, `title="link karma"`). Saved own profile of 2015:
 *   siruguri/track_status test/fixtures/files/reddit-page-1.html — the markup old.reddit.com still serves.
 * The 2018 redesign (`#profile--id-card--highlight-tooltip--karma`, hashed `_1hNyZS…` classes) is
 * gone — www.reddit.com serves shreddit since 2023 — so it is not read.
 * Bios (`[data-testid="profile-description"]`), posts (`shreddit-post`), comments
 * (`shreddit-comment`, old `.usertext-body`) are user text and never read.
 */
import { metricOfLabel } from '../detection/metric-words';
import { hostMatches, langOf, makeFound, queryAll, readCount, readPhrase, segments, textOf, USER_CONTENT } from './dom';
import { around } from './layers';
import type { Found, HideSelectors, Region, SiteAdapter, SiteContext } from './types';

/** Reddit usernames: 3–20 letters, digits, "_" and "-". */
const USERNAME = /^[A-Za-z0-9_-]{3,20}$/;

function isRedditHost(url: URL): boolean {
  return hostMatches(url.hostname, 'reddit.com');
}

/** The user a `/user/<name>/…` or `/u/<name>/…` path is about. */
function userOfPath(path: string): string | undefined {
  const [kind, name] = path.split('/').filter(Boolean);
  if ((kind === 'user' || kind === 'u') && name && USERNAME.test(name) && name !== 'me') return name;
  return undefined;
}

function userOfHref(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    return userOfPath(new URL(href, 'https://www.reddit.com').pathname);
  } catch {
    return undefined;
  }
}

function profileUser(url: URL): string | undefined {
  if (!isRedditHost(url)) return undefined;
  const parts = segments(url);
  if (parts.length > 3) return undefined;
  return userOfPath(url.pathname);
}

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** Text other people (or the user) wrote: counts in it are never reported. */
const EXCLUDED = `${USER_CONTENT}, [data-testid="profile-description"], shreddit-post, shreddit-comment, .usertext-body, .md`;

/**
 * Shreddit user hovercards (shown over names in feeds and comments): the karma in them is that user's.
 * Real ones are `faceplate-hovercard[data-id="user-hover-card"][label="<name> details"]` around the
 * author link, their body a lazy `faceplate-partial` (oscarotero/Embed's 2024 cache of a post page).
 * The same element with `data-id="community-hover-card"` is a subreddit's card: its Members and Online
 * numbers are never a user's, so it is never a user card, whatever else it holds.
 */
const HOVERCARD = 'faceplate-hovercard:not([data-id="community-hover-card"]), [data-id="user-hover-card"]';
const COMMUNITY_CARD = '[data-id="community-hover-card"]';

/** Where shreddit's profile sidebar shows the followers line (notes §11: no test id for it). */
const SIDEBAR = '[data-testid="profile-details-content-wrapper"]';
/** The sidebar column itself: a fallback for when the followers line sits outside the details wrapper. */
const SIDEBAR_COLUMN = '#right-sidebar-contents';
const PHRASE_HOLDERS = ['p', 'span', 'div', 'a', 'li'];

const KARMA_NUMBER = '[data-testid="karma-number"]';
const OLD_SIDEBAR_KARMA = '.side .titlebox span.karma';
/** The header's karma: `span.userkarma`, or by its title where the class goes (the id is old Reddit's oldest hook). */
const OLD_HEADER_KARMA = '#header-bottom-right span.userkarma, #header-bottom-right span[title$=" karma"]';
/**
 * Old Reddit's profile box where its classes are renamed: the spans beside the `h1` that names the
 * profile, each followed by its label text ("306  link karma"). Read as label phrases (`isOldBoxKarma`).
 */
const OLD_BOX_SPAN = 'h1 ~ span';

/**
 * One query in document order: detections must come out in the order the page shows them, and
 * `compareDocumentPosition` cannot be relied on outside browsers (linkedom answers it backwards).
 */
const SELECTOR = [
  KARMA_NUMBER,
  OLD_SIDEBAR_KARMA,
  OLD_HEADER_KARMA,
  OLD_BOX_SPAN,
  ...PHRASE_HOLDERS.map((tag) => `${SIDEBAR} ${tag}`),
  ...PHRASE_HOLDERS.map((tag) => `${SIDEBAR_COLUMN} ${tag}`),
  `${HOVERCARD} [slot="content"] span`,
].join(', ');

/**
 * The signed-in user's name. Shreddit: the "View Profile" link in the user drawer
 * (`#user-drawer-content`, code id 69509114612); old Reddit: `span.user > a` in the header (the
 * login check of many userscripts). Undefined when signed out or when the drawer is not loaded yet.
 */
function signedInUser(doc: Document): string | undefined {
  // Old Reddit: the first user link of the header (`span.user > a`; by the id alone where classes go).
  for (const link of Array.from(
    doc.querySelectorAll(
      '#user-drawer-content a[href*="/user/"], #header-bottom-right span.user > a, #header-bottom-right a[href*="/user/"]',
    ),
  )) {
    const name = userOfHref(link.getAttribute('href'));
    if (name) return name;
  }
  return undefined;
}

/**
 * Fallback own-profile signal for when the user drawer has not been fetched yet (it is a lazy
 * `faceplate-partial`): only your own sidebar links to the profile settings. Notes §11 mark the
 * edit/settings actions as unverified — drop this if it ever fires on someone else's profile.
 */
function sidebarHasSettingsLink(el: Element): boolean {
  const sidebar = el.closest(`${SIDEBAR}, ${SIDEBAR_COLUMN}`);
  return sidebar?.querySelector('a[href^="/settings/profile"], a[href^="https://www.reddit.com/settings/profile"]') != null;
}

/** Whose count an element shows: the hovercard's user, else the profile the URL names. */
function ownerOf(el: Element, ctx: SiteContext): string | undefined {
  if (el.closest(COMMUNITY_CARD)) return undefined;
  const card = el.closest(HOVERCARD);
  if (card) {
    for (const link of Array.from(card.querySelectorAll('a[href*="/user/"], a[href*="/u/"]'))) {
      const name = userOfHref(link.getAttribute('href'));
      if (name) return name;
    }
    return undefined;
  }
  return profileUser(ctx.url);
}

function isOwn(el: Element, ctx: SiteContext): boolean {
  const owner = ownerOf(el, ctx);
  if (!owner) return false;
  const me = signedInUser(ctx.doc);
  if (me) return same(me, owner);
  return !el.closest(HOVERCARD) && sidebarHasSettingsLink(el);
}

/** The stat item around a karma number: number plus its label, when the parent holds just those two. */
function statItem(number: Element): Element {
  const parent = number.parentElement;
  if (parent && parent.children.length <= 2 && !parent.matches(`${SIDEBAR}, ${SIDEBAR_COLUMN}, ${HOVERCARD}`)) return parent;
  return number;
}

function readShredditKarma(number: Element, ctx: SiteContext): Found | null {
  // Label next to the number ("Post karma", "Beitrags-Karma"): if Reddit ever reuses the test id for
  // another stat, a label naming a different metric vetoes it. Unknown labels pass: the hook decides.
  const label = number.nextElementSibling;
  if (label) {
    const labelled = metricOfLabel(textOf(label), langOf(label, ctx));
    if (labelled && labelled !== 'karma') return null;
  }
  // Where shreddit wraps a count in <faceplate-number number="12345">, the attribute is exact.
  const exactHolder = number.matches('faceplate-number[number]') ? number : number.querySelector('faceplate-number[number]');
  const count = readCount(number, ctx, { exact: exactHolder?.getAttribute('number') });
  if (!count) return null;
  const item = statItem(number);
  return makeFound(item, 'karma', count, isOwn(number, ctx), textOf(item));
}

/**
 * A karma number found by its label where the `karma-number` test id is gone (a build that strips test
 * ids): a bare count whose next sibling says "Post karma" / "Comment karma", as the sidebar card and the
 * hovercard lay them out.
 */
function isLabelledKarma(el: Element, ctx: SiteContext): boolean {
  const label = el.nextElementSibling;
  if (!label || el.children.length > 1 || metricOfLabel(textOf(label), langOf(label, ctx)) !== 'karma') return false;
  return readCount(el, ctx) !== null;
}

function readOldKarma(span: Element, ctx: SiteContext, own: boolean): Found | null {
  const count = readCount(span, ctx);
  return count ? makeFound(span, 'karma', count, own, count.text) : null;
}

/** The label right after an old Reddit sidebar number: the bare text node "  link karma". */
function oldLabelAfter(span: Element): string {
  let text = '';
  for (let node = span.nextSibling; node && node.nodeType === 3; node = node.nextSibling) text += node.nodeValue ?? '';
  return text.trim();
}

/**
 * Old Reddit's profile box (`.side .titlebox`), found without its classes: the parent of the `h1` that
 * names the profile's user.
 */
function isOldProfileBox(box: Element | null, ctx: SiteContext): box is Element {
  const user = profileUser(ctx.url);
  if (!box || !user) return false;
  return Array.from(box.children).some((child) => child.tagName === 'H1' && same(textOf(child), user));
}

/** A number of the old profile box by its label ("link karma", "post karma", "comment karma"). */
function isOldBoxKarma(span: Element, ctx: SiteContext): boolean {
  if (ctx.page !== 'profile' || !isOldProfileBox(span.parentElement, ctx)) return false;
  return metricOfLabel(oldLabelAfter(span), langOf(span, ctx)) === 'karma' && readCount(span, ctx) !== null;
}

/**
 * On your own old Reddit profile the header's karma ("user (306)") is the sidebar's link karma
 * ("306 link karma") again: one count, shown twice (the saved own profile of 2015). It is reported
 * once, in the profile's box; the header's copy is left alone there.
 */
function headerRepeatsSidebar(header: Element, ctx: SiteContext): boolean {
  const user = profileUser(ctx.url);
  if (ctx.page !== 'profile' || !user) return false;
  // Someone else's profile: both are counts, yours and theirs. (The header karma is always the signed-in
  // user's, so where the name beside it is missing, the number itself is the test.)
  const me = signedInUser(ctx.doc);
  if (me && !same(user, me)) return false;
  const value = readCount(header, ctx)?.value;
  if (value === undefined) return false;
  for (const span of Array.from(ctx.doc.querySelectorAll(`${OLD_SIDEBAR_KARMA}, ${OLD_BOX_SPAN}`))) {
    if (span.matches('.comment-karma') || !(span.matches(OLD_SIDEBAR_KARMA) || isOldBoxKarma(span, ctx))) continue;
    if (/comment/i.test(oldLabelAfter(span))) continue;
    if (readCount(span, ctx)?.value === value) return true;
  }
  return false;
}

function hasAncestor(el: Element, ancestor: Element): boolean {
  for (let node = el.parentElement; node; node = node.parentElement) if (node === ancestor) return true;
  return false;
}

/**
 * User text around an element. A hovercard is Reddit's own chrome even where it opens inside a post
 * or comment (the author name's `faceplate-hovercard`), so only user text inside the card counts there.
 */
function inUserText(el: Element): boolean {
  const excluded = el.closest(EXCLUDED);
  if (!excluded) return false;
  const card = el.closest(HOVERCARD);
  return !card || card.closest(EXCLUDED) !== excluded;
}

/**
 * Where counts live. The profile's sidebar card (shreddit: the details wrapper, else the sidebar column
 * by its id, else the card around the display name) and old Reddit's profile box (by its classes, else
 * by the `h1` naming the profile); and the user hovercards once loaded (a card still showing its
 * `faceplate-progress` spinner holds nothing yet). Community hovercards are never one.
 */
function regionsOf(ctx: SiteContext): Region[] {
  const doc = ctx.doc;
  const regions: Region[] = [];
  const user = profileUser(ctx.url);
  if (ctx.page === 'profile' && user) {
    const name = doc.querySelector('[data-testid="profile-display-name"]');
    const card = doc.querySelector(SIDEBAR) ?? doc.querySelector(SIDEBAR_COLUMN) ?? (name ? around(name, 2) : null);
    if (card) {
      // As `isOwn`: the signed-in user, else (drawer not loaded) the settings link only your own card has.
      const own = () => {
        const me = signedInUser(doc);
        return me ? same(user, me) : sidebarHasSettingsLink(card);
      };
      regions.push({ element: card, metrics: ['followers', 'karma'], own });
    }
    const box =
      doc.querySelector('.side .titlebox') ??
      Array.from(doc.querySelectorAll('h1'))
        .map((h1) => h1.parentElement)
        .find((parent) => isOldProfileBox(parent, ctx)) ??
      null;
    if (box && box !== card) regions.push({ element: box, metrics: ['karma'], own: () => same(user, signedInUser(doc)) });
  }
  for (const hovercard of Array.from(doc.querySelectorAll(HOVERCARD))) {
    if (hovercard.closest(COMMUNITY_CARD) || hovercard.querySelector('faceplate-progress') || !hovercard.querySelector('[slot="content"]'))
      continue;
    if (regions.some((region) => region.element.contains(hovercard))) continue;
    regions.push({ element: hovercard, metrics: ['karma'], own: () => same(ownerOf(hovercard, ctx), signedInUser(doc)), transient: true });
  }
  return regions;
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * Karma numbers (new Reddit's `karma-number` hook, old Reddit's header and sidebar) and the profile
 * sidebar's followers line (one text node with its label). Posts and comments stay.
 */
export function hide(): HideSelectors {
  return {
    karma: [
      '[data-testid="karma-number"]:not([slot="comment"] *, [slot="text-body"] *, .md *, .usertext-body *)',
      '#header-bottom-right span.userkarma',
      '.side .titlebox span.karma',
    ].join(', '),
    followers: [
      '[data-testid="profile-details-content-wrapper"] > p.text-12:not([data-testid], :has(*))',
      '[data-testid="profile-details-content-wrapper"] > p.text-12:not([data-testid]) > span',
    ].join(', '),
  };
}

export const reddit: SiteAdapter = {
  id: 'reddit',
  name: 'Reddit',
  hosts: ['reddit.com'],
  // Old Reddit's header karma is not reported on your own profile while the sidebar shows the same link
  // karma (headerRepeatsSidebar): if the sidebar's count goes, the header's stands in for it.
  standIns: true,
  pages: {
    profile: {
      test: (url) =>
        profileUser(url) !== undefined &&
        /^\/(user|u)\/[^/]+(\/(overview|submitted|comments|gilded|saved|upvoted|downvoted|hidden))?\/?$/.test(url.pathname),
    },
    post: {
      test: (url) => isRedditHost(url) && /^\/r\/[^/]+\/comments\/[a-z0-9]+/i.test(url.pathname),
    },
    subreddit: {
      test: (url) => isRedditHost(url) && /^\/r\/[^/]+(\/(hot|new|top|rising|about|wiki(\/.*)?))?\/?$/i.test(url.pathname),
    },
    home: {
      test: (url) => isRedditHost(url) && /^\/(best|hot|new|top|rising)?\/?$/.test(url.pathname),
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    const followerLines: Element[] = [];
    for (const el of queryAll(root, SELECTOR)) {
      if (inUserText(el)) continue;
      if (el.matches(KARMA_NUMBER)) {
        const item = readShredditKarma(el, ctx);
        if (item) found.push(item);
      } else if (el.matches(OLD_HEADER_KARMA)) {
        // The header shows the signed-in user's own karma on every page.
        if (headerRepeatsSidebar(el, ctx)) continue;
        const item = readOldKarma(el, ctx, true);
        if (item) found.push(item);
      } else if (el.matches(OLD_SIDEBAR_KARMA) || (el.matches(OLD_BOX_SPAN) && isOldBoxKarma(el, ctx))) {
        const owner = profileUser(ctx.url);
        const item = readOldKarma(el, ctx, same(owner, signedInUser(ctx.doc)));
        // Without the `karma` class, the number was found by the label after it.
        if (item) found.push(el.matches(OLD_SIDEBAR_KARMA) ? item : { ...item, via: 'label' });
      } else if (isLabelledKarma(el, ctx) && !el.querySelector(KARMA_NUMBER) && !el.closest(KARMA_NUMBER)) {
        if (!el.closest(HOVERCARD) && !el.closest(SIDEBAR) && ctx.page !== 'profile') continue;
        const item = readShredditKarma(el, ctx);
        if (item) found.push({ ...item, via: 'label' });
      } else if (el.matches(OLD_BOX_SPAN) && !el.matches(`${SIDEBAR} span, ${SIDEBAR_COLUMN} span`)) {
        continue;
      } else if (el.closest(HOVERCARD) && !el.closest(`${SIDEBAR}, ${SIDEBAR_COLUMN}`)) {
        continue;
      } else if (!el.closest(SIDEBAR) && ctx.page !== 'profile') {
        continue; // the bare sidebar column is only read on profile pages
      } else if (!el.querySelector(KARMA_NUMBER)) {
        // "87 followers": no hook (notes §11), so the whole text of a small element must be exactly
        // a followers phrase — bios and sentences never are, and the bio is excluded anyway.
        const phrase = readPhrase(el, ctx);
        if (phrase?.metric === 'followers') {
          followerLines.push(el);
          found.push({ ...makeFound(el, 'followers', phrase.count, isOwn(el, ctx), textOf(el)), via: 'label' });
        }
      }
    }
    // Keep the smallest element showing the followers line ("<div><span>87</span> <p>followers</p></div>"
    // matches at the div only, "<p><span>87 followers</span></p>" at the p and the span).
    const lines = found.filter((item) => item.metric !== 'followers' || !followerLines.some((other) => hasAncestor(other, item.element)));
    // One followers line per card. The bio sits above the card's line (site-dom-notes §11): where its
    // test id is gone and it reads "10K followers", the card's own line is the last one.
    const last = new Map<Element, Found>();
    for (const item of lines) {
      const card = item.metric === 'followers' ? item.element.closest(`${SIDEBAR}, ${SIDEBAR_COLUMN}`) : null;
      if (card) last.set(card, item);
    }
    return lines.filter((item) => {
      const card = item.metric === 'followers' ? item.element.closest(`${SIDEBAR}, ${SIDEBAR_COLUMN}`) : null;
      return !card || last.get(card) === item;
    });
  },
  regions: regionsOf,
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  profile: ['https://www.reddit.com/user/jane_doe/', 'https://old.reddit.com/user/jane_doe/comments/', 'https://www.reddit.com/u/Spez'],
  post: ['https://www.reddit.com/r/AskReddit/comments/1abc2d/what_is/', 'https://old.reddit.com/r/rust/comments/xyz9/'],
  subreddit: ['https://www.reddit.com/r/rust/', 'https://old.reddit.com/r/AskReddit/top/'],
  home: ['https://www.reddit.com/', 'https://old.reddit.com/new/'],
};
