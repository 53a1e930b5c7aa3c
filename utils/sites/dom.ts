/**
 * Small DOM readers shared by the site adapters. They only read; they run on any DOM
 * (browser, happy-dom, linkedom), so they use nothing beyond querySelector, attributes and textContent.
 */
import { parseCount, parseExactCount, type ParsedCount } from '../count';
import { parseCountPhrase, type CountPhrase } from '../metric-words';
import type { Found, Metric, SiteContext } from './types';

/** Visible-ish text of an element: textContent with whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
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
export const USER_CONTENT =
  'article, blockquote, q, [contenteditable], textarea, input, code, pre, script, style, noscript, template';

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

export function makeFound(
  element: Element,
  metric: Metric,
  count: ParsedCount,
  own: boolean,
  text: string,
): Found {
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
