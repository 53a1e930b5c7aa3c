/**
 * `npm run --silent reduce -- --url URL [options] PAGE.html > FIXTURE.html`
 *
 * Turns a real saved page of a site into a test fixture: the path from `<body>` to each count, with the
 * real tags, attributes, hooks and nesting kept and everything else dropped; personal text replaced. The
 * next redesign becomes a new fixture in minutes: save the page, reduce it, read its counts into
 * `expected.json` (tests/fixtures/README.md says how).
 *
 * What is kept: each target (every element whose text is a count and its label, in any language the parser
 * reads, every titled number and every "Edit profile" control, unless `--no-auto`; and `--keep SELECTOR`), the whole
 * subtree `--around` levels above it (the stat row with its neighbours — the likes and posts counts that
 * must not be read), and the chain of ancestors up to `<html>` with their attributes. Scripts, styles,
 * images' addresses, SVG paths and comments go.
 *
 * What is replaced: words in text and in text-bearing attributes (`aria-label`, `title`, `alt`, …) other
 * than the label words, units, "more than" and "Edit profile" words and a short list of interface words
 * become placeholder words; path segments and query values of links that are not a known route word
 * become `user1`, `user2`… (the same everywhere in the page, and in the URL printed on stderr).
 * Numbers stay: they are what the fixture tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { parseCount } from '../detection/count';
import '../detection/lang/all';
import { registeredPacks } from '../detection/lang/pack';
import { metricWords, parseCountPhrase } from '../detection/metric-words';
import { textOf } from '../sites/dom';
import { elementsBelow } from '../sites/layers';
import { isEditProfileLabel } from '../sites/own';

export interface ReduceOptions {
  url: string;
  keep?: readonly string[];
  /** Also keep every count display, titled number and "Edit profile" control (default); false keeps only `keep`. */
  auto?: boolean;
  around?: number;
  maxContext?: number;
  rename?: ReadonlyMap<string, string>;
  keepWords?: readonly string[];
  lang?: string;
  source?: string;
  captured?: string;
}

export interface Reduced {
  html: string;
  /** The page's address with its handles replaced as in the fixture. */
  url: string;
  /** The text of each target kept, as a reader sees it (to check against the page when writing expected.json). */
  targets: string[];
}

class UsageError extends Error {}

const USAGE =
  'usage: reduce --url URL [--keep SELECTOR]... [--no-auto] [--around N] [--max-context N] ' +
  '[--rename FROM=TO]... [--keep-word WORD]... [--lang TAG] [--source REPO:PATH@COMMIT] ' +
  '[--captured YYYY-MM-DD] PAGE.html';

/** Interface words that are not personal and make a fixture readable: buttons, tabs, the traps beside counts. */
const UI_WORDS =
  'like likes views view posts post videos video repositories repository repos contributions contribution reposts repost replies reply ' +
  'follow follows message connect subscribe subscribed unfollow joined more about home edit profile settings verified cake day members ' +
  'online shorts playlists community channel tweets tweet threads photos reels tagged saved articles media highlights live streams ' +
  'sponsor sponsors star starred fork forks watch watching issues pull requests projects packages overview stories publications ' +
  'notifications search explore lists bookmarks premium jobs messaging network company companies employees open to add section ' +
  'resources mutual and others you your the of in at on · k m b';

const ROUTE_WORDS = new Set(
  (
    'followers following verified_followers followers_you_follow settings profile in company school mynetwork invite-connect connections ' +
    'people-follow network-manager search results people all feed edit intro forms overlay contact-info detail recent-activity user u r ' +
    'channel c watch shorts videos about community featured playlists streams tab repositories ' +
    'stars stargazers sponsors accounts explore ' +
    'home notifications messages i status post posts p reel reels tv tagged saved lists communities media likes with_replies highlights ' +
    'articles affiliates photos friends friends_all about_overview profile.php sk id publish subscribers follows hashtag tag tags topic ' +
    'topics latest top publication me story stories discover notes archive recommendations podcast comments submitted overview upvoted ' +
    'downvoted hidden gilded old www new login signup logout followers-you-know tab followers_list following_list list members ' +
    'video link upload photo history live shorts music gaming news sports learning fashion podcasts playlist results feed trending ' +
    'foryou discover friends inbox messages coin business legal privacy terms help about blog support header_photo analytics flow ' +
    'compose lists communities premium_sign_up verified-choose jobs grok activity profile-views inbox chat publish dashboard'
  ).split(' '),
);

/** Metas kept: the page's address, and the signed-in user's login that adapters read (GitHub's `user-login`). */
const KEPT_METAS = '[charset], [property="og:url"], [name="user-login"]';
/** Domains under which sites hand out handles (Bluesky's default): kept on a replaced handle. */
const HANDLE_DOMAINS = ['.bsky.social'];
const DROP_TAGS = `script, style, noscript, template, iframe, object, embed, link:not([rel="canonical"]), meta:not(${KEPT_METAS})`;
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'alt',
  'placeholder',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'value',
  'content',
  'label',
]);
const URL_ATTRIBUTES = new Set(['href', 'action', 'data-href', 'data-url']);
const DROP_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data-src', 'data-srcset', 'background', 'integrity', 'nonce', 'sizes']);
const NO_SPACE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}]/u;
const LOREM = (
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ' +
  'ut labore et dolore magna aliqua enim minim veniam quis nostrud'
).split(' ');

/** Words a fixture may keep: label words of every language, units, "more than", "Edit profile", interface words. */
function vocabulary(extra: readonly string[]): Set<string> {
  const words = new Set<string>();
  const add = (phrase: string) => {
    for (const word of phrase.toLocaleLowerCase().split(/[\s:：·•]+/u)) if (word) words.add(word);
  };
  for (const table of Object.values(metricWords())) for (const list of Object.values(table)) for (const phrase of list ?? []) add(phrase);
  // "More than" ("über 8300", "Más de 500") and "Edit profile" in every language: what adapters read.
  for (const pack of registeredPacks().values()) {
    add(pack.moreThan.replace(/[…|]/g, ' '));
    add(pack.editProfile.replace(/\|/g, ' '));
  }
  add(UI_WORDS);
  for (const word of extra) add(word);
  return words;
}

export function reduceHtml(html: string, options: ReduceOptions): Reduced {
  // A saved fragment (one header, one link) is read as the body of a page.
  const page = /<(html|body)[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  const doc = document as unknown as Document;
  const lang = options.lang ?? doc.documentElement.getAttribute('lang') ?? undefined;
  const around = options.around ?? 1;
  const maxContext = options.maxContext ?? 400;
  const words = vocabulary(options.keepWords ?? []);
  const handles = new Map<string, string>();
  for (const [from, to] of options.rename ?? []) handles.set(from.toLowerCase(), to);

  for (const el of Array.from(doc.querySelectorAll(DROP_TAGS))) el.remove();
  for (const svg of Array.from(doc.querySelectorAll('svg')))
    for (const child of Array.from(svg.children)) if (child.tagName.toLowerCase() !== 'title') child.remove();
  removeComments(doc);

  const targets = findTargets(doc, options.keep, lang, options.auto ?? true);
  const whole = new Set<Element>();
  for (const target of targets) {
    let context = target;
    for (let level = 0; level < around && context.parentElement && context.parentElement !== doc.body; level++) {
      if (elementsBelow(context.parentElement) > maxContext) break;
      context = context.parentElement;
    }
    whole.add(context);
  }
  const chain = new Set<Element>();
  for (const context of whole) for (let el = context.parentElement; el; el = el.parentElement) chain.add(el);
  prune(doc.documentElement, whole, chain);

  const redactor = new Redactor(words, handles, options.url, lang);
  redactor.redact(doc.documentElement);
  tidyWhitespace(doc.documentElement);

  const source = options.source ? `: ${options.source}` : '';
  const captured = options.captured ? `, captured ${options.captured}` : '';
  const header = [
    `Reduced by utils/cli/reduce.ts from a real page${source}${captured}.`,
    'Structure, hooks and numbers are the site’s; personal words and handles are replaced.',
  ].join('\n  ');
  const out = `<!DOCTYPE html>\n<!--\n  ${header}\n-->\n${serialize(doc.documentElement, 0)}\n`;
  return {
    html: out,
    url: redactor.mapUrl(options.url),
    targets: targets.filter((target) => target.isConnected).map((target) => textOf(target)),
  };
}

function removeComments(doc: Document): void {
  const walk = (node: Node) => {
    for (let child = node.firstChild; child;) {
      const next = child.nextSibling;
      if (child.nodeType === 8) child.parentNode?.removeChild(child);
      else walk(child);
      child = next;
    }
  };
  walk(doc);
}

/** The elements to keep: `--keep` selectors, or every count display, titled number and "Edit profile" control. */
function findTargets(doc: Document, keep: readonly string[] | undefined, lang: string | undefined, auto: boolean): Element[] {
  const body = doc.body ?? doc.documentElement;
  const found = new Set<Element>();
  if (keep && keep.length > 0) {
    for (const selector of keep) {
      let matches: Element[];
      try {
        matches = Array.from(doc.querySelectorAll(selector));
      } catch {
        throw new UsageError(`--keep is not a CSS selector: ${selector}`);
      }
      if (matches.length === 0) process.stderr.write(`reduce: --keep ${selector} matched nothing\n`);
      for (const el of matches) found.add(el);
    }
  }
  if (!auto) return [...found];
  const all = Array.from(body.querySelectorAll('*'));
  const phrases = all.filter((el) => {
    const text = textOf(el);
    return text.length <= 80 && /\p{Nd}/u.test(text) && parseCountPhrase(text, lang) !== null;
  });
  const innermost = phrases.filter((el) => !phrases.some((other) => other !== el && el.contains(other)));
  const titled = all.filter((el) => {
    const title = el.getAttribute('title');
    return title !== null && /^[\d\s.,'\u00a0\u202f]+$/u.test(title) && parseCount(textOf(el), lang) !== null;
  });
  const edit = all.filter(
    (el) =>
      el.matches('a, button, [role="button"]') && (isEditProfileLabel(textOf(el)) || isEditProfileLabel(el.getAttribute('aria-label'))),
  );
  return [...new Set([...found, ...innermost, ...titled, ...edit])];
}

/** Keep `whole` subtrees and the `chain` of their ancestors; drop everything else (text in the chain too). */
function prune(el: Element, whole: ReadonlySet<Element>, chain: ReadonlySet<Element>): void {
  if (whole.has(el)) return;
  for (let child = el.firstChild; child;) {
    const next = child.nextSibling;
    if (child.nodeType === 1) {
      const element = child as Element;
      const tag = element.tagName.toLowerCase();
      if (whole.has(element)) {
        // kept whole
      } else if (chain.has(element) || tag === 'head' || tag === 'body' || (el.tagName.toLowerCase() === 'head' && tag !== 'title')) {
        if (tag !== 'head' || el.tagName.toLowerCase() !== 'html') prune(element, whole, chain);
      } else {
        el.removeChild(element);
      }
    } else if (child.nodeType === 3 && (child.nodeValue ?? '').trim() !== '') {
      el.removeChild(child);
    }
    child = next;
  }
}

/** Whitespace-only text between elements goes: the fixture's own line breaks (serialize) take its place. */
function tidyWhitespace(root: Element): void {
  const walk = (el: Element) => {
    for (let child = el.firstChild; child;) {
      const next = child.nextSibling;
      const between = child.previousSibling?.nodeType === 1 || next?.nodeType === 1 || !child.previousSibling || !next;
      // A space between two inline elements is what a reader sees ("12.3K Followers"): only line breaks go.
      if (child.nodeType === 3 && /^\s*\n\s*$/.test(child.nodeValue ?? '') && between) el.removeChild(child);
      else if (child.nodeType === 1) walk(child as Element);
      child = next;
    }
  };
  walk(root);
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;');
}

/**
 * One element per line, without adding a single text node: the line breaks go inside the tags
 * (`<div\n  ><span>…</span\n></div>`), so the fixture's DOM — and every text a detector reads — is exactly
 * the reduced page's.
 */
function serialize(el: Element, depth: number): string {
  const tag = el.tagName.toLowerCase();
  const attributes = Array.from(el.attributes)
    .map(({ name, value }) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  if (VOID.has(tag)) return `<${tag}${attributes}>`;
  const indent = (level: number) => `\n${'  '.repeat(level)}`;
  const children = Array.from(el.childNodes);
  let out = `<${tag}${attributes}`;
  let previousElement = true;
  for (const child of children) {
    if (child.nodeType === 1) {
      // The line break before an element goes inside the tag that precedes it.
      out += previousElement ? `${indent(depth + 1)}>` : '';
      out += serialize(child as Element, depth + 1);
      previousElement = true;
      out = out.replace(/>$/, '');
      continue;
    }
    if (previousElement) out += '>';
    previousElement = false;
    const text = child.nodeValue ?? '';
    if (child.nodeType === 3) out += RAW_TEXT.has(tag) ? text : escapeText(text);
  }
  if (children.length === 0) return `${out}></${tag}>`;
  return previousElement ? `${out}${indent(depth)}></${tag}>` : `${out}</${tag}>`;
}

class Redactor {
  private readonly placeholders = new Map<string, string>();
  private readonly base: URL;

  constructor(
    private readonly words: ReadonlySet<string>,
    private readonly handles: Map<string, string>,
    url: string,
    private readonly lang: string | undefined,
  ) {
    this.base = new URL(url);
  }

  redact(root: Element): void {
    // Every address first, so a handle is known wherever it occurs before its first link (a test id
    // "UserAvatar-Container-jane" above the link to /jane).
    this.mapUrl(this.base.href);
    for (const el of Array.from(root.querySelectorAll('*'))) {
      for (const { name, value } of Array.from(el.attributes)) if (this.isUrl(el, name.toLowerCase())) this.mapUrl(value);
    }
    const walk = (node: Node) => {
      if (node.nodeType === 3) {
        node.nodeValue = this.text(node.nodeValue ?? '');
        return;
      }
      if (node.nodeType !== 1) return;
      const el = node as Element;
      for (const { name, value } of Array.from(el.attributes)) {
        const lower = name.toLowerCase();
        if (DROP_ATTRIBUTES.has(lower) || lower.startsWith('on')) el.removeAttribute(name);
        else if (this.isUrl(el, lower)) el.setAttribute(name, this.mapUrl(value));
        else if (el.tagName.toLowerCase() === 'meta' && lower === 'content' && el.getAttribute('name') === 'user-login')
          el.setAttribute(name, value ? this.fake(value) : value);
        else if (TEXT_ATTRIBUTES.has(lower)) el.setAttribute(name, this.text(value));
        else if (lower === 'style') el.setAttribute(name, value.replace(/url\([^)]*\)/g, 'url()'));
        else if (lower.startsWith('data-') && value.length > 200) el.removeAttribute(name);
        else if (value) el.setAttribute(name, this.renamed(value));
      }
      for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    };
    walk(root);
  }

  /** An address: a link's, a form's (`action` elsewhere is a custom element's, Reddit's `action="click"`), the page's own. */
  private isUrl(el: Element, attribute: string): boolean {
    const tag = el.tagName.toLowerCase();
    if (attribute === 'action') return tag === 'form';
    if (URL_ATTRIBUTES.has(attribute)) return true;
    return tag === 'meta' && attribute === 'content' && el.getAttribute('property') === 'og:url';
  }

  /** Text with every word that is not a count's, a label's or the interface's replaced. */
  text(value: string): string {
    // A handle in text ("@jane") is the same person as in the links: the same replacement.
    return value.replace(/@[\p{L}\p{N}_.]+|[\p{L}\p{M}][\p{L}\p{M}'’_-]*/gu, (word) =>
      word.startsWith('@') ? `@${this.fake(word.slice(1))}` : this.word(word),
    );
  }

  private word(word: string): string {
    const lower = word.toLocaleLowerCase();
    if (this.words.has(lower) || this.isUnit(word)) return word;
    if (this.handles.has(lower)) return this.handles.get(lower)!;
    if (NO_SPACE.test(word) && this.segments(lower)) return word;
    let placeholder = this.placeholders.get(lower);
    if (!placeholder) {
      placeholder = LOREM[this.placeholders.size % LOREM.length]!;
      if (this.placeholders.size >= LOREM.length) placeholder += String(Math.floor(this.placeholders.size / LOREM.length));
      this.placeholders.set(lower, placeholder);
    }
    return /^\p{Lu}/u.test(word) ? placeholder[0]!.toUpperCase() + placeholder.slice(1) : placeholder;
  }

  /** A compact unit ("K", "Mio", "тыс", "万"), read by the parser in the page's language or any. */
  private isUnit(word: string): boolean {
    return (
      word.length <= 5 &&
      (parseCount(`1 ${word}`, this.lang) !== null || parseCount(`1${word}`, this.lang) !== null || parseCount(`1 ${word}`) !== null)
    );
  }

  /** A run of a script written without spaces that is only label words, units and counters. */
  private segments(run: string): boolean {
    if (run === '') return true;
    for (let end = run.length; end > 0; end--) {
      const head = run.slice(0, end);
      if (
        (this.words.has(head) || /^(人|名|位|명|个|個|の|以上|超|多|이상)$/u.test(head) || this.isUnit(head)) &&
        this.segments(run.slice(end))
      )
        return true;
    }
    return false;
  }

  private readonly numbers = new Map<string, string>();

  /** A long id replaced by digits of the same length, the same each time it occurs. */
  private fakeNumber(digits: string): string {
    let fake = this.numbers.get(digits);
    if (!fake) {
      const seed = String(this.numbers.size + 1);
      fake = `9${'0'.repeat(Math.max(0, digits.length - 1 - seed.length))}${seed}`.slice(0, digits.length);
      this.numbers.set(digits, fake);
    }
    return fake;
  }

  fake(token: string): string {
    const lower = token.toLowerCase();
    let fake = this.handles.get(lower);
    if (!fake) {
      // A handle that is a domain keeps the site's own suffix, so it stays a valid handle there ("user3.bsky.social").
      const suffix = HANDLE_DOMAINS.find((domain) => lower.endsWith(domain) && lower.length > domain.length) ?? '';
      fake = `user${this.handles.size + 1}${suffix}`;
      this.handles.set(lower, fake);
    }
    return fake;
  }

  private segment(part: string): string {
    let decoded = part;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      // keep as is
    }
    const lower = decoded.toLowerCase();
    // Long numbers are ids (a user's, a video's): the same length, other digits.
    if (/^\d{9,}$/.test(decoded)) return this.fakeNumber(decoded);
    if (ROUTE_WORDS.has(lower) || /^\d*$/.test(decoded) || /^[\w-]+\.(php|html?)$/.test(lower) || decoded === '@') return part;
    if (decoded.startsWith('@')) return `@${this.fake(decoded.slice(1))}`;
    return this.fake(decoded);
  }

  mapUrl(value: string): string {
    if (!value || /^(#|javascript:|mailto:|tel:|data:)/i.test(value)) return value.startsWith('#') ? value : '';
    let url: URL;
    try {
      url = new URL(value, this.base);
    } catch {
      return '';
    }
    const sameSite = url.hostname === this.base.hostname || url.hostname.endsWith(`.${this.base.hostname.replace(/^www\./, '')}`);
    const path = url.pathname
      .split('/')
      .map((part) => (part ? this.segment(part) : part))
      .join('/');
    const query = Array.from(url.searchParams)
      .map(([key, val]) => {
        const kept = ROUTE_WORDS.has(val.toLowerCase()) || /^\d*$/.test(val);
        return `${encodeURIComponent(key)}=${kept ? encodeURIComponent(val) : this.fake(val)}`;
      })
      .join('&');
    const tail = `${path}${query ? `?${query}` : ''}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//'))
      return sameSite ? `${url.protocol}//${this.host(url.host)}${tail}` : `https://example.com${tail}`;
    return tail;
  }

  /**
   * A host of the page's site with a person's name in it — a publication's or a user's subdomain
   * ("jane.substack.com", "jane.medium.com") — gets the same replacement as the handle; the site's own
   * subdomains (www, old, m, app) stay.
   */
  private host(host: string): string {
    const site = this.base.hostname.replace(/^(www|old|m|mobile|app)\./, '');
    if (host === site || !host.endsWith(`.${site}`)) return host;
    const label = host.slice(0, -site.length - 1);
    return /^(www|old|m|mobile|app|open|api|studio|support|help|about|blog)$/.test(label) ? host : `${this.fake(label)}.${site}`;
  }

  /**
   * Other attribute values (ids, test ids, classes, data attributes): addresses inside them mapped, and
   * handles replaced elsewhere replaced here too — as whole tokens only, so a hook that merely contains a
   * handle's letters ("StyledLinkLogo") is left as the site wrote it.
   */
  private renamed(value: string): string {
    // Addresses of vocabularies (schema.org types, XML namespaces) name no one: they stay.
    let out = value.replace(/https?:\/\/[^\s"'<>\\]+/g, (url) =>
      /^https?:\/\/(www\.)?(schema\.org|w3\.org)\//.test(url) ? url : this.mapUrl(url),
    );
    for (const [from, to] of this.handles) {
      if (from.length < 3 || ROUTE_WORDS.has(from) || this.words.has(from)) continue;
      const token = new RegExp(`(?<![\\p{L}\\p{N}])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
      out = out.replace(token, to);
    }
    for (const [from, to] of this.numbers) out = out.split(from).join(to);
    // Long numbers in hooks are ids too (X's "1234567890-follow" test ids).
    return out.replace(/\d{9,}/g, (digits) => this.fakeNumber(digits));
  }
}

export function parseArgs(argv: readonly string[]): ReduceOptions & { file: string } {
  const keep: string[] = [];
  const keepWords: string[] = [];
  const rename = new Map<string, string>();
  let url: string | undefined;
  let file: string | undefined;
  const options: Partial<ReduceOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--url':
        url = value();
        break;
      case '--keep':
        keep.push(value());
        break;
      case '--no-auto':
        options.auto = false;
        break;
      case '--keep-word':
        keepWords.push(value());
        break;
      case '--rename': {
        const pair = value();
        const eq = pair.indexOf('=');
        if (eq < 1) throw new UsageError(`--rename takes FROM=TO, got ${pair}`);
        rename.set(pair.slice(0, eq), pair.slice(eq + 1));
        break;
      }
      case '--around':
      case '--max-context': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`${arg} takes a whole number`);
        if (arg === '--around') options.around = n;
        else options.maxContext = n;
        break;
      }
      case '--lang':
        options.lang = value();
        break;
      case '--source':
        options.source = value();
        break;
      case '--captured':
        options.captured = value();
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        if (file !== undefined) throw new UsageError('one page at a time');
        file = arg;
    }
  }
  if (!url) throw new UsageError('--url is required: the address the page was saved from');
  try {
    new URL(url);
  } catch {
    throw new UsageError(`--url is not an absolute URL: ${url}`);
  }
  if (!file) throw new UsageError('no page given');
  return { ...options, url, keep, keepWords, rename, file };
}

export function main(argv: readonly string[]): number {
  try {
    const { file, ...options } = parseArgs(argv);
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const reduced = reduceHtml(html, options);
    process.stdout.write(reduced.html);
    process.stderr.write(`url: ${reduced.url}\n${reduced.targets.map((text) => `kept: ${text}`).join('\n')}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`reduce: ${(error as Error).message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
