/**
 * The generic detector, for sites the user opts into (a blog, a newsletter, a forum): it has no
 * markup hooks, so it recognises "12.3K subscribers"-style displays by the metric words beside the
 * number (utils/detection/metric-words.ts). It reports only elements whose whole text is a count and its
 * label, and never one that sits inside running prose ("I just passed <b>10K followers</b>!"),
 * quotes, editors or comment threads. It is also every adapter's last fallback layer, inside the
 * regions where that site's counts live (utils/sites/layers.ts), so what it accepts it accepts on
 * every site.
 *
 * Real pages it is checked against (tests/fixtures/generic): WordPress/Jetpack sign-up widgets
 * (wptavern 2017, kaieteurnewsonline 2022, en.blog.wordpress.com 2019), a German news site's social
 * stats box (express.de 2019), a German blog with a reader count in prose (blog.teufel.de 2020), and
 * Medium and Substack publications on their own domains (uxdesign.cc 2026, a Substack post 2024).
 */
import { registerGeneric } from './generic-slot';
import type { ParsedCount } from '../detection/count';
import { parseCountPhrase, type CountPhrase } from '../detection/metric-words';
import { isElement, langOf, makeFound, textOf, USER_CONTENT } from './dom';
import type { Found, SiteAdapter, SiteContext } from './types';

/** Longest text a count display can have ("1,234,567 paid subscribers" fits with room to spare). */
const MAX_DISPLAY = 80;

/** Never looked into at all. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'CODE',
  'PRE',
  'SVG',
  'IFRAME',
  'HEAD',
  'TITLE',
]);

/**
 * Where other people's words live on ordinary sites: quotes, editors, comment threads, article bodies
 * marked up with schema.org microdata.
 */
const PROSE_CONTAINERS =
  `${USER_CONTENT.replace(/\barticle, /, '')}, [itemprop="articleBody"], [itemprop="text"], [itemprop="comment"], ` +
  `[itemprop="reviewBody"], [role="comment"], [id*="comment"], [class*="comment"]`;

/**
 * Posts and articles: a count in bold inside a sentence there is the writer's news ("I just passed
 * <b>10K followers</b>!"), never the site's own audience. `article` itself is not a prose container
 * above (themes wrap whole pages and sign-up widgets in it: en.blog.wordpress.com's follow widget sits
 * in the post's `div.entrytext`), so it only bars the bold-sentence reading. The classes are the
 * post-body wrappers of WordPress (`entry-content`, `entrytext`), Ghost (`gh-content`,
 * `post-content`) and Substack (`markup`).
 */
const POSTS = `article, ${PROSE_CONTAINERS}, .entry-content, .entrytext, .post-content, .post-body, .gh-content, .markup`;

/** Inline elements: a count inside one of these is part of its block's text. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'KBD',
  'MARK',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'LABEL',
]);

/**
 * WordPress's stock sign-up strings: Jetpack's subscribe widget "Join 9,518 other subscribers"
 * (wptavern.com 2017, `section.jetpack_subscription_widget form p`; kaieteurnewsonline.com 2022,
 * `div.jetpack-subscribe-count > p`) and WordPress.com's follow widget "Join 66,707,982 other followers"
 * (en.blog.wordpress.com 2019, `div.blog-subscribe form p`): the site's own audience, with a verb before
 * the number and "other" after it.
 */
const JOIN_OTHERS = /^join\s+(\S+)\s+others?\s+(\S.*)$/iu;

function parseDisplay(text: string, lang: string | undefined): CountPhrase | null {
  const phrase = parseCountPhrase(text, lang);
  if (phrase) return phrase;
  const join = JOIN_OTHERS.exec(text);
  return join ? parseCountPhrase(`${join[1]} ${join[2]}`, lang) : null;
}

const sameCount = (a: ParsedCount, b: ParsedCount) => a.value === b.value && a.approximate === b.approximate;

/** Words (two letters or more) left in the block once the count display is taken out. */
function wordsAround(block: Element, display: string): number {
  const rest = textOf(block).replace(display, ' ');
  // Other count displays and separators in a stats row ("12 followers · 4 following") are not prose.
  const words = rest.match(/\p{L}{2,}/gu) ?? [];
  return words.length;
}

/**
 * Is the display alone on its line? A `<br>` ends a line: "YouTube hier abonnieren<br><strong>über 8300
 * Abonnenten</strong>" (express.de's social stats box, 2019) is a label line and a count line, not a
 * sentence, however many words the label has.
 */
function aloneOnLine(el: Element, block: Element): boolean {
  if (!block.querySelector('br')) return false;
  let line = '';
  let own = '';
  let inside = false;
  let done = false;
  let mine = false;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child && !done; child = child.nextSibling) {
      if (child === el) {
        inside = true;
        mine = true;
        walk(child);
        inside = false;
        continue;
      }
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        line += text;
        if (inside) own += text;
      } else if (child.nodeType === 1) {
        if ((child as Element).tagName.toUpperCase() === 'BR') {
          if (mine) done = true;
          else line = '';
        } else if (!SKIP_TAGS.has((child as Element).tagName.toUpperCase())) {
          walk(child);
        }
      }
    }
  };
  walk(block);
  const squash = (text: string) => text.replace(/\s+/g, '');
  return mine && squash(line) === squash(own);
}

/**
 * A count in bold that opens its sentence is what the sentence is about: a site saying who reads it
 * ("<strong>2,345 subscribers</strong> read it every Sunday", issue 12). In a post or an article, and
 * anywhere the count comes after other words ("I just passed <b>10K followers</b>!"), it is news, and
 * stays prose.
 */
function boldSubject(el: Element, block: Element, display: string): boolean {
  let bold: Element | null = null;
  for (let node: Element | null = el; node && node !== block; node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if ((tag === 'STRONG' || tag === 'B') && textOf(node) === display) bold = node;
  }
  if (!bold || bold.closest(POSTS)) return false;
  return textOf(block).startsWith(display);
}

/** Is the display part of a sentence? Climb through inline ancestors to the enclosing block and look around. */
function inProse(el: Element, display: string): boolean {
  let block: Element | null = el;
  while (block && INLINE_TAGS.has(block.tagName.toUpperCase()) && block.parentElement) block = block.parentElement;
  if (!block || block === el) return false;
  if (aloneOnLine(el, block) || boldSubject(el, block, display)) return false;
  if (block.tagName.toUpperCase() === 'P' && textOf(block) !== display) return true;
  const around = wordsAround(block, display);
  if (around === 0) return false;
  const blockText = textOf(block);
  // A label row ("Followers" / "Following" pairs) has few words; a sentence has several and punctuation.
  return around >= 3 && (blockText.length > display.length * 2 || /[.!?…。！？]/u.test(blockText.replace(display, '')));
}

/**
 * The child that shows the same count while its siblings are only separators: Medium's "· 7 following"
 * row is `<span aria-hidden>·</span><a>7 following</a>` (uxdesign.cc, 2026), and the reader sees the
 * link's "7 following", not the dot.
 */
function countChild(el: Element, text: string, phrase: CountPhrase, ctx: SiteContext): Element | undefined {
  for (const child of Array.from(el.children)) {
    const inner = textOf(child);
    if (!inner || !text.includes(inner)) continue;
    const found = parseDisplay(inner, langOf(child, ctx));
    if (!found || found.metric !== phrase.metric || !sameCount(found.count, phrase.count)) continue;
    return /[\p{L}\p{Nd}]/u.test(text.replace(inner, '')) ? undefined : child;
  }
  return undefined;
}

function visit(el: Element, ctx: SiteContext, out: Found[]): void {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return;
  const tag = el.tagName.toUpperCase();
  if (tag !== 'BODY' && tag !== 'HTML' && el.matches(PROSE_CONTAINERS)) return;
  const text = textOf(el);
  if (!/\p{Nd}/u.test(text)) return;
  if (text.length <= MAX_DISPLAY) {
    const phrase = parseDisplay(text, langOf(el, ctx));
    if (phrase) {
      // Prefer the smallest element that still shows the whole display.
      const child = Array.from(el.children).find((c) => textOf(c) === text) ?? countChild(el, text, phrase, ctx);
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

// Whatever bundles this file has the generic layer at once; a supported site's script asks for it (./generic-slot.ts).
registerGeneric(generic.detect);
