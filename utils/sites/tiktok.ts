/**
 * TikTok. The profile header marks its counts with TikTok's own test hooks, unchanged across years of
 * scrapers (site-dom-notes §10): `[data-e2e="following-count"]` and `[data-e2e="followers-count"]`,
 * each a `strong` beside a label span ("Following", "フォロー中"). `likes-count` sits right next to
 * them and is deliberately not read. Numbers are abbreviated text only ("1.2M", Japanese "12.3万");
 * the exact figures live in the rehydration JSON script, which goes stale after a client-side
 * navigation and is too big to parse on every mutation, so it is not used. Class names are CSS-in-JS
 * hashes (`css-1x2y3z-DivNumber`): never used.
 */
import { insideAny, makeFound, queryAll, readCount, segments, textOf, USER_CONTENT } from './dom';
import type { Found, Metric, SiteAdapter, SiteContext } from './types';

/** TikTok usernames: letters, digits, "_" and ".", up to 24 characters, shown after "@". */
const HANDLE = /^@([A-Za-z0-9_.]{1,24})$/;

function handleOf(part: string | undefined): string | undefined {
  return part ? HANDLE.exec(part)?.[1] : undefined;
}

const COUNT_HOOKS: ReadonlyArray<readonly [string, Metric]> = [
  ['following-count', 'following'],
  ['followers-count', 'followers'],
];
const COUNT_SELECTOR = COUNT_HOOKS.map(([hook]) => `[data-e2e="${hook}"]`).join(', ');

/** Bios, captions and comments are user text; the hooks never sit inside them, this keeps it so. */
const EXCLUDED = `${USER_CONTENT}, [data-e2e="user-bio"], [data-e2e="video-desc"], [data-e2e="browse-video-desc"], [data-e2e^="comment-"]`;

/**
 * The stat item: the count's parent when it holds this one count and its label (`DivNumber`), so the
 * prompt sits beside "1.2M Followers"; the count itself when the parent also holds other counts.
 */
function statItem(count: Element): Element {
  const parent = count.parentElement;
  if (!parent || parent.querySelectorAll('[data-e2e$="-count"]').length !== 1) return count;
  return textOf(parent).length <= 48 ? parent : count;
}

/** The signed-in user's handle, from the navigation's profile link (`/@handle`). */
function signedInHandle(doc: Document): string | undefined {
  const href = doc.querySelector('a[data-e2e="nav-profile"]')?.getAttribute('href');
  if (!href) return undefined;
  try {
    return handleOf(segments(new URL(href, 'https://www.tiktok.com'))[0]);
  } catch {
    return undefined;
  }
}

function isOwn(ctx: SiteContext): boolean {
  const shown = handleOf(segments(ctx.url)[0]);
  const me = signedInHandle(ctx.doc);
  if (me && shown) return me.toLowerCase() === shown.toLowerCase();
  // No nav link (narrow layout, nav collapsed): only your own header has the "Edit profile"
  // button (`edit-profile-entrance`, used by several automation scripts — notes §10).
  return ctx.doc.querySelector('[data-e2e="edit-profile-entrance"]') !== null;
}

export const tiktok: SiteAdapter = {
  id: 'tiktok',
  name: 'TikTok',
  // The `<strong>` numbers TikTok marks with `data-e2e`; the unit label beside them stays.
  hide: ['[data-e2e="following-count"]', '[data-e2e="followers-count"]']
    .map((hook) => `${hook}:not([data-e2e="user-bio"] *, [data-e2e="video-desc"] *, [data-e2e="browse-video-desc"] *, [data-e2e^="comment-"] *)`)
    .join(', '),
  hosts: ['tiktok.com'],
  pages: {
    video: {
      test: (url) => handleOf(segments(url)[0]) !== undefined && /^\/[^/]+\/(video|photo)\/\d+/.test(url.pathname),
      examples: ['https://www.tiktok.com/@jane.makes/video/7312345678901234567', 'https://www.tiktok.com/@sam_reader/photo/7312345678901234999'],
    },
    profile: {
      test: (url) => handleOf(segments(url)[0]) !== undefined && /^\/[^/]+\/?$/.test(url.pathname),
      examples: ['https://www.tiktok.com/@jane.makes', 'https://www.tiktok.com/@sam_reader?lang=ja-JP', 'https://m.tiktok.com/@Jane.Makes/'],
    },
    search: {
      test: (url) => /^\/search(\/(user|video|live|photo))?\/?$/.test(url.pathname),
      examples: ['https://www.tiktok.com/search?q=pottery', 'https://www.tiktok.com/search/user?q=jane'],
    },
    feed: {
      test: (url) => /^\/(foryou|following|explore|friends)?\/?$/.test(url.pathname),
      examples: ['https://www.tiktok.com/', 'https://www.tiktok.com/foryou', 'https://www.tiktok.com/explore'],
    },
  },
  detect(root, ctx) {
    const found: Found[] = [];
    let own: boolean | undefined;
    for (const count of queryAll(root, COUNT_SELECTOR)) {
      if (insideAny(count, EXCLUDED)) continue;
      const metric = COUNT_HOOKS.find(([hook]) => hook === count.getAttribute('data-e2e'))?.[1];
      if (!metric) continue;
      const value = readCount(count, ctx);
      if (!value) continue;
      // The hook alone names the metric: label words are ambiguous in some UIs (Danish "Følger" is
      // TikTok's "Following" but reads as followers elsewhere), so the label is not second-guessed.
      const item = statItem(count);
      own ??= isOwn(ctx);
      found.push(makeFound(item, metric, value, own, textOf(item)));
    }
    return found;
  },
};
