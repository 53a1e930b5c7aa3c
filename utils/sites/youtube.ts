/**
 * YouTube. One metric, subscribers, shown as a phrase ("1.23M subscribers", "1,2 Mio. Abonnenten",
 * "チャンネル登録者数 123万人"), always abbreviated to ~3 significant figures and never exact in the DOM
 * (iv-org/invidious#753). Where it appears (site-dom-notes §5):
 * - channel header, 2024+ view-model: a text span inside `yt-page-header-view-model
 *   yt-content-metadata-view-model`, beside "@handle" and "456 videos". Its class was spelled three
 *   ways in 18 months (`…-wiz__metadata-text`, `…__metadata-text`, `ytContentMetadataViewModelMetadataText`;
 *   CPFYT d12f139 / #249 / PR #118) and rows/spans move between A/B variants (Iridium#969), so only the
 *   custom-element tag names are used and the span is picked by its text, not its position;
 * - channel header, pre-2024 `ytd-c4-tabbed-header-renderer`: `#subscriber-count`;
 * - watch page: `ytd-video-owner-renderer #owner-sub-count` (being removed in the July 2026 UI,
 *   code-charity/youtube#4172 — when it is gone there is simply nothing to find);
 * - search results: `ytd-channel-renderer`, where since handles (2022) `#subscribers` shows "@handle"
 *   and `#video-count` shows the subscriber phrase; both are read, the phrase decides.
 * Views, likes, video counts, member counts and titles are never read: every candidate must parse as
 * a subscriber phrase. YouTube's UI words for subscribers double as "followers" words in other
 * products (French "abonnés", German "Abonnenten", Russian "подписчиков"), so both map to subscribers.
 */
import { parseCountPhrase, type CountPhrase } from '../metric-words';
import { insideAny, langOf, makeFound, queryAll, segments, textOf, USER_CONTENT } from './dom';
import type { Found, SiteAdapter, SiteContext } from './types';

/** Channel headers: the 2024+ view-model (by tag), then its `#page-header` host, then the old c4 header. */
const HEADER = 'yt-page-header-view-model, #page-header, ytd-c4-tabbed-header-renderer, #channel-header';

const CANDIDATES = [
  'yt-page-header-view-model yt-content-metadata-view-model span',
  '#page-header yt-content-metadata-view-model span',
  '#subscriber-count',
  '#owner-sub-count',
  'ytd-channel-renderer #subscribers',
  'ytd-channel-renderer #video-count',
].join(', ');

/** Comments, descriptions and titles are user text, even where they say "10K subscribers". */
const EXCLUDED = [
  USER_CONTENT,
  'ytd-comments',
  'ytd-comment-thread-renderer',
  'ytd-comment-view-model',
  'yt-description-preview-view-model',
  'ytd-text-inline-expander',
  '#description',
  '#video-title',
].join(', ');

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
 * Own channel: where the viewer owns the channel, YouTube swaps Subscribe for buttons into YouTube
 * Studio — "Customize channel" / "Manage videos" in the channel header, "Analytics" / "Edit video"
 * beside the owner on the watch page. (The notes mark this unverified from live pages: §5 "Own
 * channel"; no better signal exists in the DOM, the guide's "Your channel" link has no stable hook.)
 * Search results are never "own".
 */
function isOwn(el: Element): boolean {
  const area = el.closest(HEADER) ?? el.closest('#owner');
  if (!area) return false;
  return Array.from(area.querySelectorAll('a[href*="studio.youtube.com"]')).some((link) => !insideAny(link, EXCLUDED));
}

function channelPath(url: URL): boolean {
  const [first, second] = segments(url);
  if (!first) return false;
  if (first.startsWith('@')) return first.length > 1;
  if (first === 'channel') return second !== undefined && /^UC[\w-]{22}$/.test(second);
  return (first === 'c' || first === 'user') && second !== undefined;
}

export const youtube: SiteAdapter = {
  id: 'youtube',
  name: 'YouTube',
  // The subscriber text's own span: in the channel header's metadata, the first item of the second
  // row, the one after the "@handle" row. By type, not by child position: the 2025 header puts a
  // standalone "•" span between the two rows (both saved 2025 channel pages), so the stats row is
  // the third child there and the second elsewhere (the 2024 scraper XPath `…/div[2]/span[1]`, code
  // id 7399518159). A channel that hides its count would show its video count there, which is then
  // hidden too (a number, never a label). And the legacy header, watch page and search result
  // counts. Descriptions, titles and comments are never touched.
  hide: [
    ...['yt-page-header-view-model', '#page-header'].map((header) => `${header} yt-content-metadata-view-model > div:nth-of-type(2) > span:first-child`),
    '#subscriber-count',
    '#owner-sub-count',
    // Since handles (2022) #subscribers holds "@handle" and #video-count the subscriber phrase.
    'ytd-channel-renderer #video-count',
  ]
    .map((selector) => `${selector}:not(ytd-comments *, ytd-comment-thread-renderer *, ytd-comment-view-model *, yt-description-preview-view-model *, ytd-text-inline-expander *, #description *, #video-title *)`)
    .join(', '),
  hosts: ['youtube.com'],
  pages: {
    watch: {
      test: (url) => url.pathname === '/watch' && url.searchParams.has('v'),
      examples: ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42s'],
    },
    channel: {
      test: channelPath,
      examples: [
        'https://www.youtube.com/@janemakes',
        'https://www.youtube.com/@samreads/videos',
        'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv',
        'https://www.youtube.com/c/JaneMakesThings/about',
      ],
    },
    search: {
      test: (url) => url.pathname === '/results',
      examples: ['https://www.youtube.com/results?search_query=woodworking', 'https://www.youtube.com/results?search_query=pottery&sp=EgIQAg%253D%253D'],
    },
    feed: {
      test: (url) => /^\/(feed\/[\w-]+)?\/?$/.test(url.pathname),
      examples: ['https://www.youtube.com/', 'https://www.youtube.com/feed/subscriptions', 'https://www.youtube.com/feed/history'],
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    for (const el of queryAll(root, CANDIDATES)) {
      if (insideAny(el, EXCLUDED)) continue;
      if (el.tagName === 'SPAN' && hasSameTextChild(el)) continue;
      const phrase = subscriberPhrase(el, ctx);
      if (!phrase) continue;
      found.push(makeFound(el, 'subscribers', phrase.count, isOwn(el), textOf(el)));
    }
    return found;
  },
};
