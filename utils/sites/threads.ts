/**
 * Threads (threads.com, and threads.net which still serves the same app). The profile header shows one
 * audience count, followers, as a button that opens a dialog (no link to a followers URL, no following
 * count). The abbreviated number sits in a `span` whose `title` holds the exact value:
 * `<div role="button"><span title="12,345">12.3K</span> followers</div>` (site-dom-notes §9, after
 * XActions' scraper, code id 54054885135). Classes are Instagram-style atomic hashes, so the only hooks
 * are `span[title]`, roles, hrefs and the localized label (read with metric-words, either order:
 * "12.3K followers", "フォロワー1.2万人").
 */
import { insideAny, makeFound, queryAll, readCount, readPhrase, segments, textOf, USER_CONTENT } from './dom';
import type { Found, PageType, SiteAdapter, SiteContext } from './types';

const USERNAME = /^@[A-Za-z0-9._]{1,30}$/;

function profileUser(url: URL): { user: string; tail: string[] } | undefined {
  const [first, ...tail] = segments(url);
  return first && USERNAME.test(first) ? { user: first.slice(1), tail } : undefined;
}

const pages: Record<string, PageType> = {
  post: {
    test: (url) => /^post\/[A-Za-z0-9_-]+(\/(media|likes|reposts|quotes))?$/.test(profileUser(url)?.tail.join('/') ?? '-'),
    examples: ['https://www.threads.com/@jane/post/C8xYz12AbCd', 'https://www.threads.net/@jane.doe/post/DAbc_9-xYz'],
  },
  profile: {
    test: (url) => /^(replies|media|reposts)?$/.test(profileUser(url)?.tail.join('/') ?? '-'),
    examples: ['https://www.threads.com/@jane', 'https://www.threads.net/@jane.doe', 'https://www.threads.com/@jane/replies'],
  },
  home: {
    test: (url) => /^\/(search|activity|for_you|following|saved|liked)?\/?$/.test(url.pathname),
    examples: ['https://www.threads.com/', 'https://www.threads.com/search', 'https://www.threads.net/activity'],
  },
};

/**
 * Posts (every post and reply is a `data-pressable-container` block) and the usual user-content
 * containers: a post reading "<span title="10,000">10K</span> followers" is someone's text.
 */
const EXCLUDED = `${USER_CONTENT}, [data-pressable-container="true"], [role="article"]`;

/** The visible text of a number, for comparing a phrase's numeral with the titled span. */
function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, '');
}

/**
 * The stat item around a titled number: the nearest ancestor (at most three levels up) whose whole text
 * is exactly this number plus a followers label. Anything longer (a bio, a post) is not a stat.
 */
function statItem(span: Element, ctx: SiteContext): Element | null {
  const shown = squash(textOf(span));
  let el = span.parentElement;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    const phrase = readPhrase(el, ctx);
    if (phrase) return phrase.metric === 'followers' && squash(phrase.numberText) === shown ? el : null;
  }
  return null;
}

/** "Edit profile" on your own header (notes §9, unverified): a localized button label, so a small table. */
const EDIT_PROFILE_LABELS = new Set([
  'edit profile', 'profil bearbeiten', 'modifier le profil', 'editar perfil', 'modifica profilo',
  'profiel bewerken', 'プロフィールを編集', '프로필 편집', 'редактировать профиль', 'profili düzenle',
]);

function hasEditProfileButton(item: Element): boolean {
  let el = item.parentElement;
  for (let depth = 0; el && depth < 6; depth++, el = el.parentElement) {
    for (const button of Array.from(el.querySelectorAll('[role="button"], button, a'))) {
      if (EDIT_PROFILE_LABELS.has(textOf(button).toLocaleLowerCase())) return true;
    }
  }
  return false;
}

/**
 * The signed-in username: the navigation's profile link is the one icon-only link to a bare `/@user`
 * (`svg[aria-label="Profile"]`, label localized; notes §9 — href target unverified). Author links in
 * posts are excluded.
 */
function signedInUser(doc: Document): string | undefined {
  for (const svg of Array.from(doc.querySelectorAll('a[href^="/@"] svg[aria-label]'))) {
    const link = svg.closest('a');
    // Icon-only: a verified badge inside a "/@user" name link is not the nav's profile link.
    if (!link || textOf(link) !== '' || insideAny(link, EXCLUDED)) continue;
    const target = profileUser(new URL(link.getAttribute('href') ?? '', 'https://www.threads.com'));
    if (target && target.tail.length === 0) return target.user;
  }
  return undefined;
}

function isOwn(item: Element, ctx: SiteContext): boolean {
  // Only the profile page's header count belongs to the user in the URL.
  if (ctx.page !== 'profile') return false;
  const me = signedInUser(ctx.doc);
  const user = profileUser(ctx.url)?.user;
  if (me && user) return me.toLowerCase() === user.toLowerCase();
  return hasEditProfileButton(item);
}

/**
 * Fallback for a header button without the titled span (the `title` hook rests on one third-party
 * scraper, notes §9): a `role="button"` whose whole text is a followers phrase, on profile pages only.
 * Remove if it never fires while the titled span is present.
 */
function untitledFollowers(root: ParentNode, ctx: SiteContext, seen: Set<Element>): Found[] {
  if (ctx.page !== 'profile') return [];
  const found: Found[] = [];
  for (const button of queryAll(root, '[role="button"]')) {
    if (seen.has(button) || button.querySelector('span[title]') || insideAny(button, EXCLUDED)) continue;
    const phrase = readPhrase(button, ctx);
    if (phrase?.metric !== 'followers') continue;
    found.push(makeFound(button, 'followers', phrase.count, isOwn(button, ctx), textOf(button)));
  }
  return found;
}

export const threads: SiteAdapter = {
  id: 'threads',
  name: 'Threads',
  // The number of the profile header's follower button (the span carrying the exact count in `title`):
  // the button beside the name's block, or the one holding the followers' avatar stack. Views buttons
  // (identical markup, no avatars) and posts stay.
  hide: [
    'div:is(:has(> h1), :has(> * > h1), :has(> * > * > h1)) > * > [role="button"] > span > span[title]',
    '[role="button"]:has(img) > span > span[title]',
  ]
    .map((selector) => `${selector}:not([data-pressable-container="true"] *, [role="article"] *, article *)`)
    .join(', '),
  hosts: ['threads.com', 'threads.net'],
  pages,
  detect(root, ctx) {
    // Threads shares Instagram's markup (titled number spans, buttons, atomic classes): only a URL that
    // is a Threads page (`/@user`, posts, home) says the markup is Threads'.
    if (ctx.page === undefined) return [];
    const found: Found[] = [];
    const seen = new Set<Element>();
    for (const span of queryAll(root, 'span[title]')) {
      if (insideAny(span, EXCLUDED)) continue;
      const item = statItem(span, ctx);
      // Threads' count is a button that opens a dialog, never a link. A titled number inside a link to
      // `/<user>/followers/` is Instagram's header: the two apps share their markup.
      if (!item || seen.has(item) || item.closest('a[href]')) continue;
      const count = readCount(span, ctx, { exact: span.getAttribute('title') });
      if (!count) continue;
      seen.add(item);
      found.push(makeFound(item, 'followers', count, isOwn(item, ctx), textOf(item)));
    }
    return found.concat(untitledFollowers(root, ctx, seen));
  },
};
