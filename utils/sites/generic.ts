/**
 * The generic detector, for sites the user opts into (a blog, a newsletter, a forum): it has no
 * markup hooks, so it recognises "12.3K subscribers"-style displays by the metric words beside the
 * number (utils/metric-words.ts). It reports only elements whose whole text is a count and its
 * label, and never one that sits inside running prose ("I just passed <b>10K followers</b>!"),
 * quotes, editors or comment threads.
 */
import { parseCountPhrase } from '../metric-words';
import { isElement, langOf, makeFound, textOf, USER_CONTENT } from './dom';
import type { Found, SiteAdapter, SiteContext } from './types';

/** Longest text a count display can have ("1,234,567 paid subscribers" fits with room to spare). */
const MAX_DISPLAY = 80;

/** Never looked into at all. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'CODE', 'PRE', 'SVG', 'IFRAME', 'HEAD', 'TITLE']);

/**
 * Where other people's words live on ordinary sites: quotes, editors, comment threads, article bodies
 * marked up with schema.org microdata.
 */
const PROSE_CONTAINERS = `${USER_CONTENT.replace(/\barticle, /, '')}, [itemprop="articleBody"], [itemprop="text"], [itemprop="comment"], [itemprop="reviewBody"], [role="comment"], [id*="comment"], [class*="comment"]`;

/** Inline elements: a count inside one of these is part of its block's text. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'S', 'SAMP',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'LABEL',
]);

/** Words (two letters or more) left in the block once the count display is taken out. */
function wordsAround(block: Element, display: string): number {
  const rest = textOf(block).replace(display, ' ');
  // Other count displays and separators in a stats row ("12 followers · 4 following") are not prose.
  const words = rest.match(/\p{L}{2,}/gu) ?? [];
  return words.length;
}

/** Is the display part of a sentence? Climb through inline ancestors to the enclosing block and look around. */
function inProse(el: Element, display: string): boolean {
  let block: Element | null = el;
  while (block && INLINE_TAGS.has(block.tagName.toUpperCase()) && block.parentElement) block = block.parentElement;
  if (!block || block === el) return false;
  if (block.tagName.toUpperCase() === 'P' && textOf(block) !== display) return true;
  const around = wordsAround(block, display);
  if (around === 0) return false;
  const blockText = textOf(block);
  // A label row ("Followers" / "Following" pairs) has few words; a sentence has several and punctuation.
  return around >= 3 && (blockText.length > display.length * 2 || /[.!?…。！？]/u.test(blockText.replace(display, '')));
}

function visit(el: Element, ctx: SiteContext, out: Found[]): void {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return;
  const tag = el.tagName.toUpperCase();
  if (tag !== 'BODY' && tag !== 'HTML' && el.matches(PROSE_CONTAINERS)) return;
  const text = textOf(el);
  if (!/\p{Nd}/u.test(text)) return;
  if (text.length <= MAX_DISPLAY) {
    const phrase = parseCountPhrase(text, langOf(el, ctx));
    if (phrase) {
      // Prefer the smallest element that still shows the whole display.
      const child = Array.from(el.children).find((c) => textOf(c) === text);
      if (child) return visit(child, ctx, out);
      if (!inProse(el, text)) out.push({ ...makeFound(el, phrase.metric, phrase.count, false, text), via: 'generic' });
      return;
    }
  }
  for (const child of Array.from(el.children)) visit(child, ctx, out);
}

export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Other sites',
  hosts: [],
  pages: {},
  detect(root, ctx) {
    const out: Found[] = [];
    const start = isElement(root) ? root : ((root as Document).body ?? (root as Document).documentElement);
    if (!start) return out;
    if (isElement(root) && root.closest(PROSE_CONTAINERS)) return out;
    visit(start, ctx, out);
    return out;
  },
};
