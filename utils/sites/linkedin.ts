/**
 * LinkedIn. The site with the most markup churn: the
 * 2021–2024 "pv-top-card" list, 2024–2025 hashed classes beside a few surviving semantic ones, and since
 * Feb–Mar 2026 hashed class names with a "dual text" pattern (a visible `aria-hidden="true"` span beside
 * a visually hidden twin; vana-com/data-connectors PR #9, vertexcover-io/linkedin-spider PR #18). The
 * layouts below are those of real saved pages (fixtures in
 * tests/fixtures/linkedin, each citing its capture). Counts are found in layers:
 * 1. hooks: hrefs that only count links have (your own connections / followers lists, the `?connectionOf=`
 *    search behind someone else's "500+ connections"), and the semantic classes LinkedIn kept around its
 *    count lines — `li.text-body-small` in the logged-in top card (2021–2025), the guest pages'
 *    `.top-card-layout__first-subline` (profiles 2023–2024, companies 2024), the company top card's
 *    `.org-top-card-summary-info-list` (2021), the Activity card's `.pvs-header__optional-link`
 *    (2024–2025) and its 2021 subtitle; the metric is the label's;
 * 2. labels (`via: 'label'`): where a redesign took those classes, the same count phrases read in the
 *    page language (metric-words) in the top card (the section holding the name `h1`) and in the Activity
 *    card's header, never in user-written text;
 * 3. regions (`regions`): the top card, the Activity card's header and the feed's own-profile rail, for
 *    the shared label and generic layers (utils/sites/layers.ts).
 * It is the largest adapter in a content script held to 20 kB gzipped: what it reads is what a capture
 * shows.
 * No exact value is in the DOM; "500+" and its translations ("+ de 500", "Más de 500") are lower bounds.
 */
import type { ParsedCount } from '../detection/count';
import { metricOfLabel } from '../detection/metric-words';
import { around } from './layers';
import {
  hostMatches,
  insideAny,
  isElement,
  langOf,
  makeFound,
  queryAll,
  readCount,
  readPhrase,
  resolveHref,
  segments,
  textOf,
  USER_CONTENT,
} from './dom';
import type { Found, HideSelectors, Metric, Region, SiteAdapter, SiteContext } from './types';

type Shown = ParsedCount & { text: string };
type Via = NonNullable<Found['via']>;

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
  // Not the mutual-connections link beside it, `?facetNetwork=…&facetConnectionOf=…` (a 2024 capture,
  // elalienx/scoutr …/test-websites/profile4.ts).
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
 * Posts, comments and messages. `data-urn="urn:li:activity:…"` marks feed updates (`feed-shared-update-v2`,
 * the 2022 feed capture) and `role="article"` their later markup; since 2026 a post is a
 * `div[role="listitem"][componentkey^="expanded…"]` in `[data-testid="mainFeed"]` (the 2026 feed capture,
 * sravanpusuluri02/portfolio "Feed _ LinkedIn.html"). The company/author subtitle in a post header
 * ("12,345 followers") is skipped with the post. `expandable-text-box` is the 2026 hook for user-written
 * text (About, descriptions; linkedin-spider PR #18).
 */
const EXCLUDED = [
  USER_CONTENT,
  '[role="article"]',
  '[role="listitem"][componentkey^="expanded"]',
  '[data-testid="mainFeed"]',
  '[data-urn^="urn:li:activity"]',
  '[data-id^="urn:li:activity"]',
  '[data-testid="expandable-text-box"]',
].join(', ');

/**
 * The visible copy of an element's text. Since 2024 LinkedIn renders card texts twice, a visible
 * `aria-hidden="true"` span and a screen-reader twin (the 2024–2025 captures' card headers; "RTCKRTCK"
 * duplication, data-connectors PR #9); reading both would double the text.
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

/** Inside a screen-reader twin, up to `container`: a count wrapped in a new element is still the twin's. */
function inHiddenTwin(el: Element, container: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isHiddenTwin(node)) return true;
    if (node === container) break;
  }
  return false;
}

/** A count link: "500+ connections" as one phrase, or the feed rail's label row with a separate number. */
function readLink(link: Element, metric: Metric, ctx: SiteContext): Shown | null {
  const text = visibleText(link);
  const phrase = readPhrase(link, ctx, text);
  if (phrase) return phrase.metric === metric ? { ...phrase.count, text } : null;
  // The feed rail's connections row (code ids 47835804992 / 22924025178): "Connections", "Grow your
  // network" and the number in its own element. Needs both the label and a bare number. The 2022 and 2026
  // rails (the feed captures) no longer have the row.
  const leaves = Array.from(link.querySelectorAll('*')).filter((el) => el.children.length === 0 && !isHiddenTwin(el));
  const labelled = leaves.some((el) => metricOfLabel(textOf(el), langOf(el, ctx)) === metric);
  const numberEl = leaves.find((el) => readCount(el, ctx) !== null);
  if (!labelled || !numberEl) return null;
  const count = readCount(numberEl, ctx);
  return count ? { ...count, text } : null;
}

/** The page's main column: the first `main` (guest pages nest a `main.modal__main` in their dialogs). */
function mainOf(doc: Document): Element | null {
  return doc.querySelector('main');
}

/**
 * The top card of a profile or company page: the section around the name heading (`h1` in every capture,
 * 2021–2025, logged in and out, and again since Feb 2026; `h2` for a while before, PR #9), else the
 * heading's surroundings, else the first section of `main`.
 */
function topCardOf(main: Element): Element | null {
  const heading = main.querySelector('h1');
  if (heading) return heading.closest('section') ?? around(heading, 4);
  return main.querySelector('section');
}

/** Card bodies: 2024 `ul.pvs-list`, 2025 `profile-component-entity`, 2026 `div[role="listitem"]` (linkedin-spider PR #18). */
const CARD_BODY = 'ul, ol, [role="list"], [role="listitem"], [data-view-name="profile-component-entity"]';

/**
 * The header block of a profile card: the `h2` and its ancestors up to, not including, the card's body;
 * with the short line after it where the card keeps its subtitle there (2021: `header` + `span` "948
 * отслеживающих", markovcy/analitic src/index.tsx).
 */
function cardHeaderOf(section: Element): Element[] {
  const heading = section.querySelector('h2');
  if (!heading) return [];
  const bodies = Array.from(section.querySelectorAll(CARD_BODY));
  if (bodies.some((body) => body.contains(heading))) return [];
  let block: Element = heading;
  while (block.parentElement && block.parentElement !== section && !bodies.some((body) => block.parentElement!.contains(body))) {
    block = block.parentElement;
  }
  const next = block.nextElementSibling;
  // A `span`, never a body (`div`, `p`, a list): the About card's text follows its header too.
  if (next && next.tagName.toUpperCase() === 'SPAN' && textOf(next).length <= 48) return [block, next];
  return [block];
}

/**
 * The Activity card, the one whose header shows the followers: by its anchor (`#content_collections`,
 * 2024–2025), its 2026 component key (code only: LinkedinLeadOS notes), or the href of its "Show all"
 * link, which every logged-in capture has (`/in/<slug>/recent-activity/all/`, 2021 `/detail/recent-activity/`).
 */
const ACTIVITY_MARKS = '#content_collections, section[componentkey$="Activity"], a[href*="/recent-activity/"]';

function activityCards(main: Element, topCard: Element | null): Element[] {
  const out: Element[] = [];
  for (const mark of Array.from(main.querySelectorAll(ACTIVITY_MARKS))) {
    const section = mark.closest('section');
    if (!section || out.includes(section) || !main.contains(section)) continue;
    if (topCard && (section.contains(topCard) || topCard.contains(section))) continue;
    out.push(section);
  }
  return out;
}

/** Elements that can hold a count phrase (a guest company's subline is an `h3`). */
const PHRASE_HOLDERS = 'li, p, span, div, h3';

/**
 * A separator between the parts of a line: an element that shows nothing but a middot or bullet
 * (`span.before:middot` is empty, its middot is CSS).
 */
const SEPARATOR_ONLY = /^[\s·•|]*$/u;

interface PhraseAt {
  el: Element;
  metric: Metric;
  count: Shown;
}

/**
 * The counts in `container`: the elements whose visible text is exactly a count phrase of one of
 * `metrics`, the smallest one per phrase (a headline or About text that merely mentions "10K followers" is
 * prose, not a phrase, and never matches); and the counts that are a part of a line rather than a whole
 * element (lineParts). Cheap tests first: this runs on every change to a card.
 */
function countsIn(container: Element, metrics: readonly Metric[], ctx: SiteContext): PhraseAt[] {
  const out: PhraseAt[] = [];
  const kept = (el: Element) => !insideAny(el, EXCLUDED) && !inHiddenTwin(el, container);
  for (const el of queryAll(container, PHRASE_HOLDERS)) {
    const text = textOf(el);
    if (text.length > 80 || !/\p{Nd}/u.test(text)) continue;
    // The smallest element: a child showing the very same text is taken instead.
    if (Array.from(el.children).some((child) => textOf(child) === text)) continue;
    const phrase = readPhrase(el, ctx, text);
    if (phrase) {
      if (text.length <= 48 && metrics.includes(phrase.metric) && kept(el))
        out.push({ el, metric: phrase.metric, count: { ...phrase.count, text } });
    } else if (el.childNodes.length > 1) {
      for (const part of lineParts(el, metrics, ctx)) if (kept(el)) out.push(part);
    }
  }
  return out;
}

/**
 * The counts in a part of `el`'s line: the guest company's `<h3>London, London <span
 * class="before:middot"></span> 5,750 followers</h3>` (a bare text node; microlinkhq/metascraper
 * …/linkedin-company/input.html, 2024), or "29,777 followers · 500+ · connections" in leaves of their own
 * (2026, code id 63359761301). The line is split at its separator elements only, never inside its text (a
 * headline such as "Coach | 10K followers" is the member's words); the count's element is the one holding
 * its number, else the line itself.
 */
function lineParts(el: Element, metrics: readonly Metric[], ctx: SiteContext): PhraseAt[] {
  const out: PhraseAt[] = [];
  let part: Node[] = [];
  const end = () => {
    const text = part
      .map((node) => textOf(node))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const phrase = part.length < el.childNodes.length && /\p{Nd}/u.test(text) ? readPhrase(el, ctx, text) : null;
    const holder = part.find((node) => /\p{Nd}/u.test(node.textContent ?? ''));
    if (phrase && metrics.includes(phrase.metric))
      out.push({ el: isElement(holder) ? holder : el, metric: phrase.metric, count: { ...phrase.count, text } });
    part = [];
  };
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 1 && SEPARATOR_ONLY.test(textOf(node))) end();
    else if (node.nodeType === 1 || node.nodeType === 3) part.push(node);
  }
  end();
  return out;
}

/**
 * LinkedIn's own classes around the top card's counts, each read as phrases: the logged-in list item
 * (`ul.pv-top-card--list > li.text-body-small`, 2021; the same `li` in a hashed `ul`, 2024–2025), the guest
 * pages' subline (`h3.top-card-layout__first-subline`: `span.top-card__subline-item` 2023, `div.not-first-middot
 * > span` 2024, the company's bare text node 2024) and the logged-in company's info list (2021).
 */
const TOP_CARD_HOOKS = 'li.text-body-small, .top-card-layout__first-subline, .org-top-card-summary-info-list';

/** Inside the Activity card, its follower subtitle: `p.pvs-header__optional-link` (2024–2025), `header + span` (2021). */
const ACTIVITY_HOOKS = '.pvs-header__optional-link, header + span';

/**
 * Is this profile page the signed-in user's own? `/in/me/`, or an edit link by its href (the "Edit intro"
 * pencil, `/edit/intro/`, `/edit/forms/intro/`; test mocks in code id 53755542629), or a connections link
 * to your own list rather than a `connectionOf=` search. No capture carries the signed-in handle on a
 * profile page: the 2021–2024 nav shows only the name (`img.global-nav__me-photo[alt]`), and its menu's
 * profile link loads when opened. Nor does LinkedIn label a control "Edit profile" (its pencil is "Edit
 * intro", caught by its href), so the shared label check (utils/sites/own.ts) is left out: it would cost
 * the content script about 80 bytes gzipped for nothing. Someone else's profile shows "Connect", "Follow
 * <name>", "Message" and a degree badge instead (every capture).
 */
function isOwnProfile(main: Element, topCard: Element | null, ctx: SiteContext): boolean {
  return (
    profileSlug(ctx.url) === 'me' ||
    main.querySelector('a[href*="/edit/intro/"], a[href*="/edit/forms/intro/"]') !== null ||
    topCard?.querySelector('a[href*="/mynetwork/invite-connect/connections"]') != null
  );
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

/** The page's count cards: its top card and, on a profile, its card headers (the Activity card's among them). */
interface Cards {
  main: Element;
  topCard: Element | null;
  company: boolean;
  own(): boolean;
}

function cardsOf(ctx: SiteContext): Cards | null {
  if (ctx.page !== 'profile' && ctx.page !== 'company') return null;
  const main = mainOf(ctx.doc);
  if (!main) return null;
  const topCard = topCardOf(main);
  const company = ctx.page === 'company';
  let own: boolean | undefined;
  // Company pages: an admin's own page has no known signal (no capture), so never own.
  return { main, topCard, company, own: () => (own ??= !company && isOwnProfile(main, topCard, ctx)) };
}

/** The metrics a top card shows: a person's followers and connections (either may be elsewhere), a company's followers. */
const topMetrics = (cards: Cards): readonly Metric[] => (cards.company ? ['followers'] : ['followers', 'connections']);

/**
 * The own-profile card in the feed's left rail (2022 `.feed-identity-module`; 2026 the card around its
 * "Profile viewers" link), where it has a connections row. The 2022 and 2026 rails show no audience count
 * at all (the feed captures): a region there would make every feed view one that should show a count.
 */
function railOf(doc: Document): Element | null {
  const views = doc.querySelector('a[href*="/me/profile-views"]');
  const rail = doc.querySelector('.feed-identity-module') ?? (views ? around(views, 4) : null);
  return rail?.querySelector('a[href*="/mynetwork/invite-connect/connections"]') ? rail : null;
}

/**
 * Hide mode's selectors per metric (`HIDE` in utils/sites/index.ts).
 * Each rule checked on the real captures (tests/fixtures/linkedin): the count links' bold number (the
 * 1st-degree "500+ connections", the feed rail's `<strong>`), by the link's target; the logged-in top
 * card's bold number (2021–2025); the guest profile's count items (2023: `span`s, the location is a `div`;
 * 2024: the last `div.not-first-middot`, the first holds the location); the guest company's whole subline,
 * since its count is a bare text node ("London, London · 5,750 followers": the location goes too); the
 * logged-in company's last info item (2021); the Activity card's follower subtitle (2024–2025 beside
 * `#content_collections`, 2021 after the card's `header`). Posts, messages and About text stay.
 * Where a top card lists both counts as bare text (the guest subline's items, the logged-in card's
 * items), connections come last ("6K followers · 500+ connections", every capture): the last item is
 * connections, any before it followers.
 */
export function hide(): HideSelectors {
  const link = (targets: string) =>
    `a:is(${targets}):not(article *, [role="article"] *, [data-urn^="urn:li:activity"] *, ` +
    '[componentkey^="expanded"] *, [data-testid="expandable-text-box"] *) :is(.t-bold, strong)';
  return {
    followers: [
      link('[href*="/people-follow/followers"], [href*="/feed/followers"]'),
      'main section li.text-body-small:not(:last-child) .t-black--light > .t-bold',
      '.top-card-layout__first-subline > span.top-card__subline-item:not(:last-child)',
      '.profile-info-subheader > .not-first-middot:last-child > span:not(:last-child)',
      '.top-card-layout__first-subline:has(> .before\\:middot)',
      '.org-top-card-summary-info-list .inline-block > :last-child',
      '#content_collections ~ * .pvs-header__optional-link > span',
      '.pv-recent-activity-section-v2 > header + span',
    ].join(', '),
    connections: [
      link('[href*="/invite-connect/connections"], [href*="?connectionOf="], [href*="&connectionOf="]'),
      'main section li.text-body-small:last-child .t-black--light > .t-bold',
      '.top-card-layout__first-subline > span.top-card__subline-item:last-child',
      '.profile-info-subheader > .not-first-middot:last-child > span:last-child',
    ].join(', '),
  };
}

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  hosts: ['linkedin.com'],
  // The top card is the section around the name, a phrase is read from the first of its copies: if one goes, the next stands in.
  standIns: true,
  // Posts and their wrappers, comments, user-written text: nothing there is ever reported (EXCLUDED); the
  // most frequent first, since a match stops at the first selector that matches.
  quiet: `[role="article"], ${EXCLUDED}`,
  pages: {
    profile: {
      test: (url) => /^\/in\/[^/]+\/?$/.test(url.pathname),
    },
    profileDetails: {
      test: (url) => /^\/in\/[^/]+\/(details|recent-activity|overlay)\//.test(url.pathname),
    },
    // A company's pages share its top card (logged in 2021, guest 2024); schools and showcase pages use
    // the same one (unverified: no capture).
    company: {
      test: (url) => /^\/(company|school|showcase)\/[^/]+\/?([a-z-]+\/?)?$/.test(url.pathname),
    },
    connections: {
      test: (url) => /^\/mynetwork\/invite-connect\/connections\/?$/.test(url.pathname),
    },
    followers: {
      test: (url) => /^\/(mynetwork\/network-manager\/people-follow\/followers|feed\/followers)\/?$/.test(url.pathname),
    },
    peopleSearch: {
      test: (url) => /^\/search\/results\/people\/?$/.test(url.pathname),
    },
    myNetwork: {
      test: (url) => /^\/mynetwork(\/grow)?\/?$/.test(url.pathname),
    },
    feed: {
      test: (url) => /^\/(feed)?\/?$/.test(url.pathname),
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

    // Card text: only on /in/<slug>/ and /company/<slug>/, where the top card holds the name heading.
    const cards = cardsOf(ctx);
    if (!cards || !scopeWithin(cards.main, root)) return found.sort(documentOrder);
    // A card: its hooks, then the label phrases in `labelled` for the metrics its hooks did not find.
    const read = (card: Element, hooks: string, metrics: readonly Metric[], labelled: readonly Element[]) => {
      const scope = scopeWithin(card, root);
      if (!scope) return;
      const add = (items: readonly PhraseAt[], via?: Via) => {
        for (const { el, metric, count } of items)
          if (!taken(el)) found.push({ ...makeFound(el, metric, count, cards.own(), count.text), ...(via ? { via } : {}) });
      };
      for (const hook of queryAll(scope, hooks)) add(countsIn(hook, metrics, ctx));
      const left = metrics.filter((metric) => !found.some((item) => item.metric === metric && card.contains(item.element)));
      if (left.length === 0) return;
      for (const part of labelled) {
        const within = scopeWithin(part, root);
        if (within) add(countsIn(within, left, ctx), 'label');
      }
    };
    const { main, topCard } = cards;
    if (topCard) read(topCard, TOP_CARD_HOOKS, topMetrics(cards), [topCard]);
    // Of the other cards only the Activity card shows a count, the followers in its header; card bodies
    // are user content.
    if (!cards.company) for (const card of activityCards(main, topCard)) read(card, ACTIVITY_HOOKS, ['followers'], cardHeaderOf(card));
    return found.sort(documentOrder);
  },
  regions(ctx) {
    const cards = cardsOf(ctx);
    if (cards) {
      const regions: Region[] = [];
      const activity = cards.company ? [] : activityCards(cards.main, cards.topCard);
      // Where the page has an Activity card, its header shows the followers and the top card only the
      // connections (every signed-in capture, 2021–2025); guest pages and companies show them in the top card.
      const top: readonly Metric[] = activity.length > 0 ? ['connections'] : topMetrics(cards);
      if (cards.topCard) regions.push({ element: cards.topCard, metrics: top, own: cards.own });
      for (const section of activity) {
        // The header, or the card where its subtitle follows the header (2021).
        const header = cardHeaderOf(section);
        const element = header.length === 1 ? header[0]! : section;
        if (!regions.some((region) => region.element.contains(element))) regions.push({ element, metrics: ['followers'], own: cards.own });
      }
      return regions;
    }
    if (ctx.page === 'feed') {
      // The signed-in user's own card: the only count it ever showed is your connections.
      const rail = railOf(ctx.doc);
      return rail ? [{ element: rail, metrics: ['connections'], own: () => true }] : [];
    }
    return [];
  },
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  profile: ['https://www.linkedin.com/in/jane-doe/', 'https://www.linkedin.com/in/me/', 'https://se.linkedin.com/in/jane-doe-4a1b2c3'],
  profileDetails: ['https://www.linkedin.com/in/jane-doe/details/experience/', 'https://www.linkedin.com/in/jane-doe/recent-activity/all/'],
  company: ['https://www.linkedin.com/company/audiense/'],
  connections: ['https://www.linkedin.com/mynetwork/invite-connect/connections/'],
  followers: ['https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/', 'https://www.linkedin.com/feed/followers/'],
  peopleSearch: [
    'https://www.linkedin.com/search/results/people/?connectionOf=%5B%22ACoAAB%22%5D&network=%5B%22F%22%2C%22S%22%5D',
    'https://www.linkedin.com/search/results/people/?keywords=designer',
  ],
  myNetwork: ['https://www.linkedin.com/mynetwork/', 'https://www.linkedin.com/mynetwork/grow/'],
  feed: ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/'],
};
