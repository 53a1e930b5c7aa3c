/**
 * LinkedIn. The site with the most markup churn (../shared/research/site-dom-notes.md §2): the
 * 2021–2024 "pv-top-card" list, 2025 `data-view-name` hooks, and since Feb–Mar 2026 hashed class
 * names with a "dual text" pattern (a visible `aria-hidden="true"` span beside a visually hidden
 * twin; vana-com/data-connectors PR #9, vertexcover-io/linkedin-spider PR #18). So no class name is
 * used. Counts are found by:
 * 1. hrefs that only count links have: your own connections / followers lists, and the
 *    `?connectionOf=` search behind someone else's "500+ connections";
 * 2. on profile pages, the text of the top card (the section holding the name heading) and of the
 *    other cards' headers (the Activity card's "1,234 followers" subtitle), read as "count + label"
 *    phrases in the page language (metric-words), never from user-written text.
 * No exact value is in the DOM; "500+" is a lower bound (approximate).
 */
import type { ParsedCount } from '../count';
import { metricOfLabel } from '../metric-words';
import { hostMatches, insideAny, isElement, langOf, makeFound, queryAll, readCount, readPhrase, resolveHref, segments, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, SiteAdapter, SiteContext } from './types';

type Shown = ParsedCount & { text: string };

function onLinkedIn(url: URL): boolean {
  return hostMatches(url.hostname, 'linkedin.com');
}

/** `/in/<slug>/`; `/in/me/` redirects to your own profile. */
function profileSlug(url: URL): string | undefined {
  const parts = segments(url);
  return parts[0] === 'in' && parts[1] ? parts[1] : undefined;
}

/**
 * Where a link leads, as a count: your own connections list, your own followers list (the 2024+
 * network manager and the older `/feed/followers/`), or someone else's connections search.
 */
function linkTarget(href: string, ctx: SiteContext): { metric: Metric; own: boolean } | undefined {
  const url = resolveHref(href, ctx.url);
  if (!url) return undefined;
  if (!onLinkedIn(url)) return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/mynetwork/invite-connect/connections') return { metric: 'connections', own: true };
  if (path === '/mynetwork/network-manager/people-follow/followers' || path === '/feed/followers') {
    return { metric: 'followers', own: true };
  }
  if (path === '/search/results/people' && url.searchParams.has('connectionOf')) return { metric: 'connections', own: false };
  return undefined;
}

const LINK_SELECTOR = [
  'a[href*="/mynetwork/invite-connect/connections"]',
  'a[href*="/people-follow/followers"]',
  'a[href*="/feed/followers"]',
  'a[href*="connectionOf="]',
].join(', ');

/**
 * Posts, comments and messages. `role="article"` marks feed updates (`feed-shared-update-v2`) and
 * `data-urn="urn:li:activity:…"` their wrappers; the company/author subtitle in a post header
 * ("12,345 followers") is skipped with the post. `expandable-text-box` is the 2026 hook for
 * user-written text (About, descriptions; linkedin-spider PR #18).
 */
const EXCLUDED = [
  USER_CONTENT,
  '[role="article"]',
  '[data-urn^="urn:li:activity"]',
  '[data-id^="urn:li:activity"]',
  '[data-testid="expandable-text-box"]',
].join(', ');

/**
 * The visible copy of an element's text. Since 2026 LinkedIn renders each string twice, a visible
 * `aria-hidden="true"` span and a screen-reader twin ("RTCKRTCK" duplication, data-connectors PR #9);
 * reading both would double the text.
 */
function visibleText(el: Element): string {
  const copies = Array.from(el.querySelectorAll('[aria-hidden="true"]'))
    .map((copy) => textOf(copy))
    .filter(Boolean);
  return copies.length > 0 ? copies.join(' ') : textOf(el);
}

/** The screen-reader twin of a visible `aria-hidden` copy: same text, next to it. */
function isHiddenTwin(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true') return false;
  const parent = el.parentElement;
  if (!parent) return false;
  const text = textOf(el);
  return Array.from(parent.children).some(
    (sibling) => sibling !== el && sibling.getAttribute('aria-hidden') === 'true' && textOf(sibling) === text,
  );
}

/** A count link: "500+ connections" as one phrase, or the feed rail's label row with a separate number. */
function readLink(link: Element, metric: Metric, ctx: SiteContext): Shown | null {
  const text = visibleText(link);
  const phrase = readPhrase(link, ctx, text);
  if (phrase) return phrase.metric === metric ? { ...phrase.count, text } : null;
  // Feed rail row (2022–2025, code ids 47835804992 / 22924025178): "Connections", "Grow your network"
  // and the number in its own element. Needs both the label and a bare number.
  const leaves = Array.from(link.querySelectorAll('*')).filter((el) => el.children.length === 0 && !isHiddenTwin(el));
  const labelled = leaves.some((el) => metricOfLabel(textOf(el), langOf(el, ctx)) === metric);
  const numberEl = leaves.find((el) => readCount(el, ctx) !== null);
  if (!labelled || !numberEl) return null;
  const count = readCount(numberEl, ctx);
  return count ? { ...count, text } : null;
}

/** The profile's top card: the section around the name heading (`h1` since Feb 2026 and before 2025; `h2` in between). */
function topCardOf(main: Element): Element | null {
  const heading = main.querySelector('h1');
  if (heading) return heading.closest('section') ?? heading.parentElement;
  return main.querySelector('section');
}

/** Card bodies: 2024 `ul.pvs-list`, 2025 `profile-component-entity`, 2026 `div[role="listitem"]` (linkedin-spider PR #18). */
const CARD_BODY = 'ul, ol, [role="list"], [role="listitem"], [data-view-name="profile-component-entity"]';

/** The header block of a profile card: the `h2` and its ancestors up to, not including, the card's body. */
function cardHeaderOf(section: Element): Element | null {
  const heading = section.querySelector('h2');
  const list = heading?.closest(CARD_BODY);
  if (!heading || (list && section.contains(list))) return null;
  let block: Element = heading;
  while (block.parentElement && block.parentElement !== section && !block.parentElement.querySelector(CARD_BODY)) {
    block = block.parentElement;
  }
  return block;
}

/**
 * Elements in `container` whose visible text is exactly a count phrase of one of `metrics`, the
 * smallest one per phrase. A headline or About text that merely mentions "10K followers" is prose,
 * not a phrase, and never matches.
 */
function phraseElements(container: Element, metrics: readonly Metric[], ctx: SiteContext): { el: Element; metric: Metric; count: Shown }[] {
  const out: { el: Element; metric: Metric; count: Shown }[] = [];
  for (const el of queryAll(container, 'li, p, span, div')) {
    if (insideAny(el, EXCLUDED) || isHiddenTwin(el)) continue;
    const text = textOf(el);
    if (text.length > 48 || !/\p{Nd}/u.test(text)) continue;
    // The smallest element: a child showing the very same text is taken instead.
    if (Array.from(el.children).some((child) => textOf(child) === text)) continue;
    const phrase = readPhrase(el, ctx, text);
    if (!phrase || !metrics.includes(phrase.metric)) continue;
    out.push({ el, metric: phrase.metric, count: { ...phrase.count, text } });
  }
  return out;
}

/**
 * Is this profile page the signed-in user's own? `/in/me/`, or the "Edit intro" pencil
 * (`/edit/intro/`, `/edit/forms/intro/`; test mocks in code id 53755542629), or a connections link
 * to your own list rather than a `connectionOf=` search.
 */
function isOwnProfile(main: Element, topCard: Element | null, ctx: SiteContext): boolean {
  if (profileSlug(ctx.url) === 'me') return true;
  if (main.querySelector('a[href*="/edit/intro/"], a[href*="/edit/forms/intro/"]')) return true;
  return topCard?.querySelector('a[href*="/mynetwork/invite-connect/connections"]') != null;
}

/** The part of `container` that a (possibly partial) scan of `root` covers. */
function scopeWithin(container: Element, root: ParentNode): Element | null {
  if ((root as Node).contains(container)) return container;
  return isElement(root) && container.contains(root) ? root : null;
}

/** The element and its ancestors, outermost first. */
function ancestry(el: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) chain.unshift(node);
  return chain;
}

/**
 * Sort by document order. Not `compareDocumentPosition`: linkedom answers PRECEDING for both
 * directions when the nodes are not siblings (linkedom 0.18), so compare sibling positions where
 * the two ancestor chains part.
 */
function documentOrder(a: Found, b: Found): number {
  const left = ancestry(a.element);
  const right = ancestry(b.element);
  let depth = 0;
  while (depth < left.length && depth < right.length && left[depth] === right[depth]) depth++;
  const l = left[depth];
  const r = right[depth];
  if (!l || !r) return left.length - right.length; // one contains the other: the container first
  const siblings = Array.from(l.parentElement?.children ?? []);
  return siblings.indexOf(l) - siblings.indexOf(r);
}

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  // LinkedIn has few stable hooks (see above), so: the count links' bold number (2024–2025, the feed
  // rail's `<strong>`) or, where number and label are one text node (2026's visible copy and its
  // screen-reader twin), the link's text; the top card's follower line in its list (2024–2025) or
  // beside the connections link (2026); the Activity card's follower subtitle. Posts, messages and
  // About text stay.
  hide: ((link) =>
    [
      `${link} :is(.t-bold, strong)`,
      `${link} > span:has(> [aria-hidden="true"])`,
      'main section li.text-body-small .t-black--light > .t-bold',
      'section[componentkey$=".TopcardSection"] div:has(> a:is([href*="connectionOf="], [href*="/mynetwork/invite-connect/connections"])) > :not(a) > span',
      '#content_collections ~ .pvs-header__container .pvs-header__subtitle > span',
      'section[componentkey$=".Activity"] h2 + p > span',
    ].join(', '))(
    'a:is([href*="/mynetwork/invite-connect/connections"], [href*="/people-follow/followers"], [href*="/feed/followers"], [href*="connectionOf="])' +
      ':not([role="article"] *, [data-urn^="urn:li:activity"] *, [data-id^="urn:li:activity"] *, [data-testid="expandable-text-box"] *, article *)',
  ),
  hosts: ['linkedin.com'],
  // The top card is the first section of <main>, a phrase is read from the first of its copies: if one goes, the next stands in.
  standIns: true,
  // Posts and their wrappers, comments, user-written text: nothing there is ever reported (EXCLUDED); the
  // most frequent first, since a match stops at the first selector that matches.
  quiet: `[role="article"], ${EXCLUDED}`,
  pages: {
    profile: {
      test: (url) => /^\/in\/[^/]+\/?$/.test(url.pathname),
      examples: ['https://www.linkedin.com/in/jane-doe/', 'https://www.linkedin.com/in/me/', 'https://linkedin.com/in/jane-doe-4a1b2c3'],
    },
    profileDetails: {
      test: (url) => /^\/in\/[^/]+\/(details|recent-activity|overlay)\//.test(url.pathname),
      examples: [
        'https://www.linkedin.com/in/jane-doe/details/experience/',
        'https://www.linkedin.com/in/jane-doe/recent-activity/all/',
      ],
    },
    connections: {
      test: (url) => /^\/mynetwork\/invite-connect\/connections\/?$/.test(url.pathname),
      examples: ['https://www.linkedin.com/mynetwork/invite-connect/connections/'],
    },
    followers: {
      test: (url) => /^\/(mynetwork\/network-manager\/people-follow\/followers|feed\/followers)\/?$/.test(url.pathname),
      examples: [
        'https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/',
        'https://www.linkedin.com/feed/followers/',
      ],
    },
    peopleSearch: {
      test: (url) => /^\/search\/results\/people\/?$/.test(url.pathname),
      examples: [
        'https://www.linkedin.com/search/results/people/?connectionOf=%5B%22ACoAAB%22%5D&network=%5B%22F%22%2C%22S%22%5D',
        'https://www.linkedin.com/search/results/people/?keywords=designer',
      ],
    },
    myNetwork: {
      test: (url) => /^\/mynetwork(\/grow)?\/?$/.test(url.pathname),
      examples: ['https://www.linkedin.com/mynetwork/', 'https://www.linkedin.com/mynetwork/grow/'],
    },
    feed: {
      test: (url) => /^\/(feed)?\/?$/.test(url.pathname),
      examples: ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/'],
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    const taken = (el: Element) => found.some((item) => item.element.contains(el) || el.contains(item.element));

    for (const link of queryAll(root, LINK_SELECTOR)) {
      if (insideAny(link, EXCLUDED)) continue;
      const target = linkTarget(link.getAttribute('href') ?? '', ctx);
      if (!target) continue;
      const count = readLink(link, target.metric, ctx);
      if (!count) continue;
      found.push(makeFound(link, target.metric, count, target.own, count.text));
    }

    // Profile text: only on /in/<slug>/, where the top card is the first section of <main>.
    const main = ctx.page === 'profile' ? ctx.doc.querySelector('main') : null;
    if (main) {
      const topCard = topCardOf(main);
      const own = isOwnProfile(main, topCard, ctx);
      const topScope = topCard && scopeWithin(topCard, root);
      if (topScope) {
        for (const { el, metric, count } of phraseElements(topScope, ['connections', 'followers'], ctx)) {
          if (taken(el)) continue;
          found.push(makeFound(el, metric, count, own, count.text));
        }
      }
      // Other cards only ever show followers in their header (the Activity card's subtitle,
      // 2024 `p.pvs-header__subtitle`, code id 10471785508); their bodies are user content.
      for (const section of Array.from(main.querySelectorAll('section'))) {
        if (section === topCard || (topCard && (topCard.contains(section) || section.contains(topCard)))) continue;
        if (!scopeWithin(section, root)) continue; // a rescan of some other part of the page
        const header = cardHeaderOf(section);
        const headerScope = header && scopeWithin(header, root);
        if (!headerScope) continue;
        for (const { el, count } of phraseElements(headerScope, ['followers'], ctx)) {
          if (taken(el)) continue;
          found.push(makeFound(el, 'followers', count, own, count.text));
        }
      }
    }
    return found.sort(documentOrder);
  },
};
