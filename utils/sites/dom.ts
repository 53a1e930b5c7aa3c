/**
 * Small DOM readers shared by the site adapters. They only read; they run on any DOM
 * (browser, happy-dom, linkedom), so they use nothing beyond querySelector, attributes and textContent.
 */
import { parseCount, parseExactCount, type ParsedCount } from '../detection/count';
import { parseCountPhrase, type CountPhrase } from '../detection/metric-words';
import type { Found, Metric, SiteContext } from './types';

/**
 * The text of a node as a reader sees it: textContent with whitespace collapsed, and a space where two
 * elements meet with none between them ("<strong>1.2M</strong><span>Followers</span>" reads "1.2M
 * Followers": the site's CSS puts the gap there). Not between digits ("<b>1</b>2" is 12), nor in
 * scripts written without spaces ("フォロワー<b>1.2万</b>"), nor inside brackets and before punctuation.
 */
export function textOf(node: Node | null | undefined): string {
  const raw = node?.textContent ?? '';
  // One text run (most count elements): nothing can meet. The walk costs a wrapper per node in a content script.
  if (!node || node.nodeType !== 1 || !(node as Element).firstElementChild || !MAY_JOIN.test(raw)) return raw.replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  let last = '';
  let boundary = false;
  const walk = (at: Node) => {
    for (let child = at.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        if (!text) continue;
        if (boundary && joins(last, text[0]!)) parts.push(' ');
        parts.push(text);
        last = text[text.length - 1]!;
        boundary = false;
      } else if (child.nodeType === 1 && !UNREAD.has((child as Element).localName)) {
        boundary = true;
        walk(child);
        boundary = true;
      }
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Elements whose text no reader sees. Server-rendered CSS-in-JS puts `<style>` inside the markup it
 * styles (emotion's SSR: TikTok's served profile has one between a count's `<strong>` and its label,
 * aladynjr/tiktok-stats-backend tiktok_profile.html, 2023) until the page's script moves it to `<head>`.
 */
const UNREAD = new Set(['style', 'script', 'noscript', 'template']);

/** Text in which a letter meets a digit, or two letters of a numeral and a label, could need a space. */
const MAY_JOIN = /[\p{L}\d+][\p{L}\d]/u;
const NO_SPACE_SCRIPT = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}]/u;

function joins(before: string, after: string): boolean {
  if (/\s/.test(before) || /\s/.test(after)) return false;
  if (/[\d.,]/.test(before) && /[\d.,]/.test(after)) return false;
  if (/[([{«"'“‘]/u.test(before) || /[)\]}»"'”’.,:;!?%·•]/u.test(after)) return false;
  return !NO_SPACE_SCRIPT.test(before) && !NO_SPACE_SCRIPT.test(after);
}

/** The language that applies to an element: its nearest `lang` below `<html>`, else the page's. */
export function langOf(el: Element, ctx: SiteContext): string | undefined {
  const holder = el.closest('[lang]');
  if (holder && holder !== ctx.doc.documentElement) return holder.getAttribute('lang') || ctx.lang;
  return ctx.lang;
}

/** `querySelectorAll` as an array, including `root` itself when it matches. */
export function queryAll(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  if (isElement(root) && root.matches(selector)) found.unshift(root);
  return found;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/**
 * Containers of text other people (or the user) wrote: posts, comments, bios, quotes, link cards,
 * editors. Counts inside them are never reported, whatever their markup looks like.
 */
export const USER_CONTENT = 'article, blockquote, q, [contenteditable], textarea, input, code, pre, script, style, noscript, template';

export function insideAny(el: Element, selector: string): boolean {
  return el.closest(selector) !== null;
}

/**
 * Read a count from an element: the exact value from an attribute (`title`, `aria-label`) when the
 * page carries one, else the element's text. Returns null when neither is a count.
 */
export function readCount(
  el: Element,
  ctx: SiteContext,
  options: { exact?: string | null; text?: string } = {},
): (ParsedCount & { text: string }) | null {
  const lang = langOf(el, ctx);
  const text = options.text ?? textOf(el);
  const exact = parseExactCount(options.exact, lang);
  if (exact !== null) return { value: exact, approximate: false, text };
  const shown = parseCount(text, lang);
  if (!shown) return null;
  return { ...shown, text };
}

/** Read "12.3K followers"-style text of an element (number and label together). */
export function readPhrase(el: Element, ctx: SiteContext, text = textOf(el)): CountPhrase | null {
  return parseCountPhrase(text, langOf(el, ctx));
}

export function makeFound(element: Element, metric: Metric, count: ParsedCount, own: boolean, text: string): Found {
  return { element, metric, value: count.value, approximate: count.approximate, own, text };
}

/** Is `host` the domain `owned` or one of its subdomains? (`old.reddit.com` is reddit.com; `box.com` is not x.com.) */
export function hostMatches(host: string, owned: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === owned || h.endsWith(`.${owned}`);
}

/** A link's target resolved against the page, or undefined for a missing or malformed href. */
export function resolveHref(href: string | null | undefined, base: URL | string): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** Path segments of a URL, decoded, without empty ones. */
export function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}
