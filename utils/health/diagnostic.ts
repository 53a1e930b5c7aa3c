/**
 * A diagnostic for a bug report when a site changed: the structure of the page's count regions — tags,
 * attribute names, hook values, label words — with every digit a `#` and every other word a `*`. Built by
 * the content script when a page view fell back or found nothing, kept by the background (which runs
 * `redactDiagnostic` over it again: a content script is not trusted to have done it), copied to the
 * clipboard from the dashboard. Nothing is ever sent anywhere.
 *
 *   running-for diagnostic · linkedin · profile
 *   main
 *     section class=~~ componentkey=*-*
 *       span aria-hidden=true "#,### followers"
 */
import { perPacks } from '../detection/lang/pack';
import { metricWords } from '../detection/metric-words';
import { editProfileWords } from '../sites/own';

/**
 * Words a diagnostic may keep besides the label words: HTML's own names, and the words sites build their
 * hooks from (test ids, custom elements, semantic classes). None of them is anyone's personal text.
 */
const STRUCTURE_WORDS =
  'a abbr article aside b bdi bdo blockquote body br button caption cite code data dd del ' +
  'details dfn dialog div dl dt em figcaption figure ' +
  'footer form h1 h2 h3 h4 h5 h6 head header hr html i img input ins kbd label legend li ' +
  'main mark menu meter nav ol output p picture pre ' +
  'progress q s samp section select slot small source span strong sub summary sup svg table ' +
  'tbody td template textarea tfoot th thead time ' +
  'title tr u ul var video wbr path g use circle rect ' +
  'id class role lang dir href title alt type rel name tabindex hidden style src target value for aria data hidden expanded haspopup ' +
  'label labelledby describedby live atomic current controls selected checked pressed disabled level owns testid test e2e view urn ' +
  'componentkey key ref track tracking control pressable container' +
  ' true false none ' +
  'profile header headline heading count counts counter stat stats statistic followers follower following follows follow ' +
  'subscribers subscriber subscribe subs connections connection friends friend karma stars star stargazers number numbers user users ' +
  'username name handle display primary column avatar hover card hovercard cards layers layer nav navigation link links button buttons ' +
  'tab tabs edit settings verified channel owner meta metadata model page top list item items section info entity entities description ' +
  'bold text small body subtitle subline first second own vcard person people member members mynetwork network invite connect in ' +
  'company school feed rail identity module widget top actor content collections activity artdeco pv pvs t css r js yt ytd tp ' +
  'shreddit faceplate partial sidebar right left details wrapper cake day contribution contributions post posts comment comments ' +
  'icon image picture photo banner cover background overlay modal popup popover portal root app react mount status account accounts ' +
  'extra bar tool tooltip inline flex grid row col break words editable area repo repos repository social counter unstar starred ' +
  'pw author story publication medium substack bluesky mastodon github linkedin tiktok reddit threads instagram facebook youtube x ' +
  'about more less home main mobile desktop me view viewer visible visually sr only screen reader label labels ' +
  // Page types, compact units (12.3K, 1,2 Mio.) and the diagnostic's own header.
  'watch repo search list status feed hashtag topic running diagnostic k m b mio mrd tsd mil ' +
  'mi mn bn md lakh cr тыс млн млрд 万 萬 億 亿 만 천 억';

/** The structure words and the registered languages' label and "Edit profile" words, with their codes. */
const words = perPacks((packs) => {
  const vocabulary = new Set(STRUCTURE_WORDS.split(' '));
  const add = (phrase: string) => {
    for (const piece of phrase.toLocaleLowerCase().split(/[^\p{L}\p{M}]+/u)) if (piece) vocabulary.add(piece);
  };
  for (const table of Object.values(metricWords())) for (const list of Object.values(table)) for (const phrase of list ?? []) add(phrase);
  for (const phrase of editProfileWords()) add(phrase);
  // Language codes (lang="de"): the languages the label words are written in.
  for (const code of packs.keys()) vocabulary.add(code);
  return vocabulary;
});

/** A word, a camelCase part ("profileHeaderFollowersButton"), a run of digits, or anything else. */
const PIECES = /\bh[1-6]\b|\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|[\p{L}\p{M}]+|\p{Nd}+|[^\p{L}\p{M}\p{Nd}]+/gu;

function redactPieces(text: string, strict: boolean): string {
  const known = words();
  return text.replace(PIECES, (piece) => {
    if (/^\p{Nd}+$/u.test(piece)) return '#'.repeat(Math.min(piece.length, 4));
    if (!strict && /^h[1-6]$/.test(piece)) return piece;
    if (!/[\p{L}\p{M}]/u.test(piece)) return piece;
    if (known.has(piece.toLocaleLowerCase())) return piece;
    // One letter outside text: a class or id fragment ("r-1awozwy", "t-bold"), not a name.
    return !strict && piece.length === 1 ? piece : '*';
  });
}

/**
 * Redact a diagnostic line by line: text (in quotes) keeps only label words, `#` and `*`; the structure
 * outside quotes also keeps single letters. Run on whatever a content script sends.
 */
export function redactDiagnostic(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .split('"')
        .map((part, index) => redactPieces(part, index % 2 === 1))
        .join('"'),
    )
    .join('\n');
}

const MAX_LINES = 300;
const MAX_DEPTH = 24;
/** Attributes whose value is text a person wrote or a page generated for a person: redacted strictly. */
const TEXT_ATTRIBUTES = new Set(['title', 'aria-label', 'alt', 'placeholder', 'aria-description', 'value', 'content']);
/** Attributes that say nothing about structure, or carry addresses of images and styles. */
const SKIPPED_ATTRIBUTES = /^(style|src|srcset|sizes|on.*|d|viewbox|xmlns.*|fill|stroke.*|width|height|nonce|integrity)$/;

/** A class token made of structure or label words ("pv-top-card", "t-bold"), not a build's hash ("r-1awozwy"). */
function isWordClass(token: string): boolean {
  if (/\d/.test(token)) return false;
  const known = words();
  return (token.match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|[\p{L}\p{M}]+/gu) ?? []).every(
    (piece) => piece.length === 1 || known.has(piece.toLocaleLowerCase()),
  );
}

function attributeOf(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (SKIPPED_ATTRIBUTES.test(lower)) return '';
  if (!value) return ` ${lower}`;
  if (lower === 'class') {
    // Word classes as they are, each hashed one as a "~": the structure without a build's noise.
    const tokens = value.split(/\s+/).filter(Boolean);
    const kept = tokens.filter(isWordClass);
    return ` class=${kept.join('.')}${'~'.repeat(Math.min(tokens.length - kept.length, 9))}`;
  }
  if (TEXT_ATTRIBUTES.has(lower)) return ` ${lower}="${value.replace(/"/g, "'").replace(/\s+/g, ' ').trim().slice(0, 80)}"`;
  return ` ${lower}=${value.replace(/[\s"]+/g, '_').slice(0, 80)}`;
}

/** The element's own text (its text children), collapsed. */
function ownText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) text += child.nodeValue ?? '';
  return text.replace(/\s+/g, ' ').replace(/"/g, "'").trim().slice(0, 80);
}

/**
 * The redacted structure of `regions` (each from the page's top, so its place in the page shows), under a
 * header line naming the site and page type. Bounded: MAX_LINES lines, MAX_DEPTH levels per region.
 */
export function diagnosticOf(regions: readonly Element[], header: { site: string; page?: string }): string {
  const lines = [`running-for diagnostic · ${header.site} · ${header.page ?? 'page'}`];
  for (const region of regions) {
    const path: Element[] = [];
    for (let el = region.parentElement; el && el.tagName !== 'BODY' && el.tagName !== 'HTML'; el = el.parentElement) path.unshift(el);
    path.forEach((el, depth) => lines.push(`${'  '.repeat(depth)}${describe(el, false)}`));
    const walk = (el: Element, depth: number) => {
      if (lines.length >= MAX_LINES || depth - path.length > MAX_DEPTH) return;
      lines.push(`${'  '.repeat(depth)}${describe(el, true)}`);
      for (const child of Array.from(el.children)) walk(child, depth + 1);
    };
    walk(region, path.length);
    if (lines.length >= MAX_LINES) {
      lines.push('…');
      break;
    }
  }
  return redactDiagnostic(lines.join('\n'));
}

function describe(el: Element, withText: boolean): string {
  let line = el.tagName.toLowerCase();
  for (const { name, value } of Array.from(el.attributes)) line += attributeOf(name, value);
  const text = withText ? ownText(el) : '';
  return text ? `${line} "${text}"` : line;
}
