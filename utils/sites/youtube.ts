/**
 * YouTube. One metric, subscribers, shown as a phrase ("1.23M subscribers", "1,2 Mio. Abonnenten",
 * "チャンネル登録者数 123万人"), always abbreviated to ~3 significant figures and never exact in the DOM
 * (iv-org/invidious#753). Where it appears (site-dom-notes §5, and the saved pages in tests/fixtures/youtube):
 * - channel header, 2024+ view-model: a text span inside `yt-page-header-view-model
 *   yt-content-metadata-view-model`, beside "@handle" and "456 videos". Its class was spelled three
 *   ways in 18 months (`…-wiz__metadata-text`, `…__metadata-text`, `ytContentMetadataViewModelMetadataText`;
 *   CPFYT d12f139 / #249 / PR #118) and rows/spans move between A/B variants (Iridium#969; the 2025
 *   captures put a standalone "•" between the handle's row and the stats row, and one of them has no
 *   video count), so only the custom-element tag names are used and the span is picked by its text;
 * - channel header, pre-2024 `ytd-c4-tabbed-header-renderer`: `#subscriber-count`;
 * - watch page: `ytd-video-owner-renderer #owner-sub-count` (being removed in the July 2026 UI,
 *   code-charity/youtube#4172 — when it is gone there is simply nothing to find);
 * - search results: `ytd-channel-renderer`, where since handles (2022) `#subscribers` shows "@handle"
 *   and `#video-count` shows the subscriber phrase; both are read, the phrase decides.
 * Views, likes, video counts, member counts and titles are never read: every candidate must parse as
 * a subscriber phrase. YouTube's UI words for subscribers double as "followers" words in other
 * products (French "abonnés", German "Abonnenten", Russian "подписчиков"), so both map to subscribers.
 *
 * YouTube keeps the pages it navigated away from in the DOM, hidden: a watch page behind a channel
 * (`ytd-watch-flexy[hidden]` with its owner block, tortugaamarilla/youtube_researcher channel_page.html
 * a864100, 2025-04; behind the home feed, wonchoe/WonchoeYoutubeBot youtube_debug.html, 2025-12), and
 * `ytd-browse` pages of other kinds. Nothing under a `[hidden]` ancestor is read: it is not on screen,
 * and it may be the last page's count.
 */
import { parseCountPhrase, type CountPhrase } from '../detection/metric-words';
import { around } from './layers';
import { insideAny, langOf, makeFound, queryAll, segments, textOf, USER_CONTENT } from './dom';
import type { Found, HideSelectors, Metric, Region, SiteAdapter, SiteContext } from './types';

/** Channel headers: the 2024+ view-model (by tag), then its `#page-header` host, then the old c4 header. */
const HEADER = 'yt-page-header-view-model, #page-header, ytd-c4-tabbed-header-renderer, #channel-header';
/** The owner block beside a video: the renderer, and `#owner` around it. */
const OWNER = 'ytd-video-owner-renderer, #owner';

const CANDIDATES = [
  'yt-page-header-view-model yt-content-metadata-view-model span',
  '#page-header yt-content-metadata-view-model span',
  '#subscriber-count',
  '#owner-sub-count',
  'ytd-channel-renderer #subscribers',
  'ytd-channel-renderer #video-count',
].join(', ');

/**
 * Comments, descriptions and titles are user text, even where they say "10K subscribers". The
 * structured description repeats the owner's count in its channel card, twice on the watch capture
 * (collapsed under the description, and in a closed side panel): a copy, never read in its place.
 * Also the adapter's `quiet`: the live layer skips a comment section loading and growing.
 */
const QUIET = [
  'ytd-comments',
  'ytd-comment-thread-renderer',
  'ytd-comment-view-model',
  'yt-description-preview-view-model',
  'ytd-text-inline-expander',
  'ytd-structured-description-content-renderer',
  '#description',
  '#video-title',
].join(', ');
const EXCLUDED = `${USER_CONTENT}, ${QUIET}, [hidden]`;

function subscriberPhrase(el: Element, ctx: SiteContext): CountPhrase | null {
  const text = textOf(el);
  if (!text || !/\p{Nd}/u.test(text)) return null;
  const lang = langOf(el, ctx);
  const phrase = parseCountPhrase(text, lang);
  return phrase && (phrase.metric === 'subscribers' || phrase.metric === 'followers') ? phrase : null;
}

/** A metadata span wrapping a smaller element with the same text: the inner one is reported. */
function hasSameTextChild(el: Element): boolean {
  const text = textOf(el);
  return Array.from(el.children).some((child) => textOf(child) === text);
}

/**
 * The signed-in viewer's channel id, from the guide's YouTube Studio links ("Your videos":
 * `studio.youtube.com/channel/UC…/videos`). Studio only ever opens your own channel; the link is in the
 * guide on every page, someone else's channel included (capture a864100), so it says who is viewing.
 */
const GUIDE_STUDIO =
  'ytd-guide-renderer a[href^="https://studio.youtube.com/channel/UC"], #guide a[href^="https://studio.youtube.com/channel/UC"]';

function channelIdOf(href: string | null | undefined): string | undefined {
  return href ? /\/channel\/(UC[\w-]{22})(?:[/?#]|$)/.exec(href)?.[1] : undefined;
}

/**
 * Own channel, in layers. First the viewer's channel id (GUIDE_STUDIO) against the page's, where the
 * address carries it (`/channel/UC…`). Then the header or owner block itself: where the viewer owns
 * the channel, YouTube swaps Subscribe for buttons into YouTube Studio — "Customize channel" /
 * "Manage videos" in the channel header, "Analytics" / "Edit video" beside the owner on the watch page
 * (unverified from a saved page: notes §5 "Own channel"; the watch capture's `#analytics-button` is
 * empty for someone else's video). Search results are never "own".
 */
function isOwn(el: Element, ctx: SiteContext): boolean {
  const [first, second] = segments(ctx.url);
  if (first === 'channel' && second) {
    const me = channelIdOf(ctx.doc.querySelector(GUIDE_STUDIO)?.getAttribute('href'));
    if (me) return second === me;
  }
  // The header or owner block around a count; a region found by a landmark is its own area.
  const area = el.closest(HEADER) ?? el.closest(OWNER) ?? el;
  return Array.from(area.querySelectorAll('a[href*="studio.youtube.com"]')).some((link) => !insideAny(link, EXCLUDED));
}

function channelPath(url: URL): boolean {
  const [first, second] = segments(url);
  if (!first) return false;
  if (first.startsWith('@')) return first.length > 1;
  if (first === 'channel') return second !== undefined && /^UC[\w-]{22}$/.test(second);
  return (first === 'c' || first === 'user') && second !== undefined;
}

const METRICS: readonly Metric[] = ['subscribers'];

/** Where subscriber counts live, by tag: channel headers, the owner block, search results' channels. */
const REGIONS = `${HEADER}, ytd-video-owner-renderer, ytd-channel-renderer`;

/**
 * Where those tags are gone (a redesign renames custom elements now and then: the 2024 header replaced
 * c4's), a landmark of the active page and its container two levels up: on a channel page its title,
 * the `h1` (→ `…-headline-info`, with the metadata and the buttons); on a watch page the owner's
 * channel link, the first `/@handle` link outside the description and comments (→ `#owner`). Not the
 * video's `h1` there: two levels above it is `#above-the-fold`, some 500 elements with the whole
 * description, more than `around` takes.
 */
const LANDMARKS: Readonly<Record<string, string>> = {
  channel: '[role="main"] h1:not([hidden] *)',
  watch: `[role="main"] a[href^="/@"]:not(${QUIET.split(', ')
    .map((selector) => `${selector} *`)
    .join(', ')}, [hidden] *)`,
};

/**
 * Hide mode's selectors (`HIDE` in utils/sites/index.ts): subscribers, the one count YouTube shows.
 * The subscriber text's own span: in the channel header's metadata, the first item of the second
 * row, the one after the "@handle" row. By type, not by child position: the 2025 header puts a
 * standalone "•" span between the two rows (both saved 2025 channel pages), so the stats row is
 * the third child there and the second elsewhere (the 2024 scraper XPath `…/div[2]/span[1]`, code
 * id 7399518159). A channel that hides its count would show its video count there, which is then
 * hidden too (a number, never a label). And the legacy header, watch page and search result
 * counts. Descriptions, titles and comments are never touched.
 */
export function hide(): HideSelectors {
  return {
    subscribers: [
      ...['yt-page-header-view-model', '#page-header'].map(
        (header) => `${header} yt-content-metadata-view-model > div:nth-of-type(2) > span:first-child`,
      ),
      '#subscriber-count',
      '#owner-sub-count',
      // Since handles (2022) #subscribers holds "@handle" and #video-count the subscriber phrase.
      'ytd-channel-renderer #video-count',
    ]
      .map(
        (selector) =>
          `${selector}:not(ytd-comments *, ytd-comment-thread-renderer *, ytd-comment-view-model *, ` +
          `yt-description-preview-view-model *, ytd-text-inline-expander *, #description *, ` +
          `#video-title *)`,
      )
      .join(', '),
  };
}

export const youtube: SiteAdapter = {
  id: 'youtube',
  name: 'YouTube',
  hosts: ['youtube.com'],
  quiet: QUIET,
  pages: {
    watch: {
      test: (url) => url.pathname === '/watch' && url.searchParams.has('v'),
    },
    channel: {
      test: channelPath,
    },
    search: {
      test: (url) => url.pathname === '/results',
    },
    feed: {
      test: (url) => /^\/(feed\/[\w-]+)?\/?$/.test(url.pathname),
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    for (const el of queryAll(root, CANDIDATES)) {
      if (insideAny(el, EXCLUDED)) continue;
      if (el.tagName === 'SPAN' && hasSameTextChild(el)) continue;
      const phrase = subscriberPhrase(el, ctx);
      if (!phrase) continue;
      found.push(makeFound(el, 'subscribers', phrase.count, isOwn(el, ctx), textOf(el)));
    }
    return found;
  },
  regions(ctx) {
    const regions: Region[] = [];
    for (const element of Array.from(ctx.doc.querySelectorAll(REGIONS))) {
      if (insideAny(element, EXCLUDED)) continue;
      // A region inside another adds nothing: the outer one is read whole.
      if (regions.some((region) => region.element.contains(element))) continue;
      const searchResult = element.tagName === 'YTD-CHANNEL-RENDERER';
      regions.push({ element, metrics: METRICS, own: () => !searchResult && isOwn(element, ctx) });
    }
    const landmark = regions.length === 0 && ctx.page ? LANDMARKS[ctx.page] : undefined;
    const anchor = landmark ? ctx.doc.querySelector(landmark) : null;
    if (anchor && !insideAny(anchor, EXCLUDED)) {
      const element = around(anchor, 2);
      regions.push({ element, metrics: METRICS, own: () => isOwn(element, ctx) });
    }
    return regions;
  },
};

/**
 * Example URLs of each page type above (github-url-detection style), exported apart from the adapter so content
 * scripts do not carry them; tests/unit/registry.test.ts classifies each against every site's page types.
 */
export const examples: Readonly<Record<string, readonly string[]>> = {
  watch: ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42s'],
  channel: [
    'https://www.youtube.com/@janemakes',
    'https://www.youtube.com/@samreads/videos',
    'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv',
    'https://www.youtube.com/c/JaneMakesThings/about',
  ],
  search: [
    'https://www.youtube.com/results?search_query=woodworking',
    'https://www.youtube.com/results?search_query=pottery&sp=EgIQAg%253D%253D',
  ],
  feed: ['https://www.youtube.com/', 'https://www.youtube.com/feed/subscriptions', 'https://www.youtube.com/feed/history'],
};
