/**
 * The words sites put beside a count, per language, so a count can be recognised from its label
 * where no markup hook exists ("12,3 тыс. подписчиков", "フォロワー1.2万人", "500+ connections").
 *
 * The words come from the registered language packs (utils/detection/lang/pack.ts). Each word maps to the metric it
 * usually names. Some words name different metrics on different
 * sites (French "abonnés" is followers on Instagram and subscribers on YouTube): adapters that know
 * better remap (see `utils/sites/youtube.ts`).
 */
import { normalizeCountText, parseCount, withoutMoreThan, type ParsedCount } from './count';
import { packCodeOf } from './lang/codes';
import { perPacks, wantLanguage } from './lang/pack';
import { canonicalLang } from './number-locale';
import { remember } from './remember';
import { METRICS, type Metric } from '../sites/types';

type Table = Partial<Record<Metric, readonly string[]>>;

/** A pack's label words as a table: its text (utils/detection/lang/pack.ts) split into metrics and words. */
function tableOf(words: string): Table {
  const table: Table = {};
  words.split(';').forEach((list, index) => {
    if (list) table[METRICS[index]!] = list.split('|');
  });
  return table;
}

/** The label words of every registered language (utils/detection/lang/pack.ts), by language. */
export const metricWords: () => Readonly<Record<string, Table>> = perPacks((packs) =>
  Object.fromEntries(Array.from(packs, ([code, pack]) => [code, tableOf(pack.words)])),
);

export interface CountPhrase {
  metric: Metric;
  count: ParsedCount;
  /** The numeral as shown, e.g. "12.3K" (without the label). */
  numberText: string;
  /** The label as shown. */
  label: string;
}

interface Entry {
  word: string;
  metric: Metric;
}

function normalizeLabel(text: string): string {
  return normalizeCountText(text).toLocaleLowerCase().replace(/\s+/g, ' ');
}

/** A language's words in order (`entries`) and by word (`byWord`), so a label is looked up, not searched for. */
interface Words {
  entries: Entry[];
  byWord: Map<string, Metric>;
}

/** Per language, its words; rebuilt when a language pack arrives. */
const wordCaches = perPacks(() => new Map<string, Words>());

/**
 * Words to try for a language: its own, then English, then every other registered language's; longest
 * first. A language with a pack that is not registered yet is asked for (a content script loads it and
 * reads the page again).
 */
function wordsOf(lang: string | undefined): Words {
  const base = packCodeOf(canonicalLang(lang)) ?? (canonicalLang(lang) ?? '').split('-')[0] ?? '';
  const key = base || '*';
  const wordCache = wordCaches();
  const cached = wordCache.get(key);
  if (cached) return cached;
  wantLanguage(packCodeOf(base));
  const tables = metricWords();
  const order = [base, 'en', ...Object.keys(tables)].filter((code, i, all) => code && all.indexOf(code) === i);
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const code of order) {
    const table = tables[code];
    if (!table) continue;
    const words: Entry[] = [];
    for (const [metric, list] of Object.entries(table) as [Metric, readonly string[]][]) {
      for (const raw of list) {
        const word = normalizeLabel(raw);
        if (seen.has(word)) continue;
        seen.add(word);
        words.push({ word, metric });
      }
    }
    // Within one language the longest label wins ("post karma" before "karma"); the language order wins across.
    words.sort((a, b) => b.word.length - a.word.length);
    entries.push(...words);
  }
  // Each word is in `entries` once (`seen`), so the map holds exactly what a search in order would find.
  const result = { entries, byWord: new Map(entries.map(({ word, metric }) => [word, metric] as const)) };
  wordCache.set(key, result);
  return result;
}

/** Counter words and particles that sit between a CJK number and its label ("1.2万人のフォロワー", "팔로워 1.2만명"). */
const CJK_COUNTERS = /^(?:人|名|位|명|个|個)?(?:の)?$/u;

/**
 * The metric a label names ("Followers", "Folge ich", "フォロワー"), or undefined.
 * The whole text must be the label.
 */
export function metricOfLabel(text: string, lang?: string | null): Metric | undefined {
  const label = normalizeLabel(text).replace(/^[:：·•\s]+|[:：·•\s]+$/gu, '');
  if (!label) return undefined;
  return wordsOf(lang ?? undefined).byWord.get(label);
}

function isLetter(ch: string | undefined): boolean {
  return (
    ch !== undefined &&
    /\p{L}/u.test(ch) &&
    !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(ch)
  );
}

/**
 * Read a short display that is exactly a count and its label, in either order:
 * "12.3K followers", "Followers 12,345", "1,2 Mio. Abonnenten", "フォロワー 1.2万人", "500+ connections".
 * Anything more (a sentence, a second number) is not a count phrase; running prose never matches.
 */
export function parseCountPhrase(text: string, lang?: string | null): CountPhrase | null {
  if (text.length > 80) return null;
  // Compare in lower case but slice the original: "1,2 M" is a billion in Indonesian, "1,2 m" is not.
  let body = normalizeCountText(text)
    .replace(/\s+/g, ' ')
    .replace(/^[·•|,\s]+|[·•|,\s]+$/gu, '');
  const lower = body.toLocaleLowerCase();
  if (lower.length !== body.length) body = lower;
  if (!body || !/[0-9]/.test(body)) return null;
  const tag = lang ?? undefined;
  for (const { word, metric } of wordsOf(tag).entries) {
    let rest: string | undefined;
    let labelFirst = false;
    if (lower.endsWith(word) && body.length > word.length) {
      if (isLetter(body[body.length - word.length - 1]) && isLetter(word[0])) continue;
      rest = body.slice(0, -word.length);
    } else if (lower.startsWith(word) && body.length > word.length) {
      if (isLetter(body[word.length]) && isLetter(word[word.length - 1])) continue;
      rest = body.slice(word.length);
      labelFirst = true;
    }
    if (rest === undefined) continue;
    let numeral = rest.trim();
    if (labelFirst) numeral = numeral.replace(/^[:：]\s*/u, '');
    // Romance languages link number and label with a preposition: "1,23 M d’abonnés", "1,2 mi de inscritos",
    // "1,23 Mln di iscritti" (YouTube's fr/pt/es/it UIs).
    else numeral = numeral.replace(/(?:\s+(?:de|di)|\s*d')$/u, '');
    // CJK counters after the number: "1.2万人", "1.2만명", "123万人の".
    const counter = /(人|名|位|명|个|個)?(の)?$/u.exec(numeral);
    if (counter && counter[0] && CJK_COUNTERS.test(counter[0])) numeral = numeral.slice(0, -counter[0].length).trim();
    const count = parseCount(numeral, tag);
    if (count) return { metric, count, numberText: numeral, label: labelFirst ? body.slice(0, word.length) : body.slice(-word.length) };
  }
  return null;
}

/** A numeral among other words, after normalisation: "Join 9,518 other subscribers", "Connections … 523". */
const NUMERAL = /[0-9](?:[0-9.,' ]*[0-9])?/gu;

const shownCounts = new Map<string, string | null>();

/** Does what the text reads as stand for `value`? Abbreviations round ("1.2M" for 1,234,567), by less than a tenth. */
function standsFor(count: ParsedCount, value: number): boolean {
  return count.value === value || (count.approximate && Math.abs(count.value - value) <= value / 10);
}

/**
 * The number of a count as its page writes it ("12.3K", "1,2 Mio.", "500+", "12.3万"), read back from
 * the count's text (`Found.text`): what the prompt says about a count, in the page's own language and
 * precision, without building a number format (the first `Intl.NumberFormat` of a page costs 20–30 ms).
 * "More than" words become a "+" ("Más de 500" → "500+"). Undefined when the text shows no number that
 * stands for this count: the chip then names its question without one (components/prompt/questions.ts).
 */
export function countAsShown(detection: { text?: string; value: number }, lang?: string | null): string | undefined {
  const { text, value } = detection;
  if (!text || text.length > 200) return undefined;
  const shown = remember(shownCounts, 256, `${lang ?? ''}\u0000${value}\u0000${text}`, () => {
    const normalized = normalizeCountText(text);
    // A label alone (the number in an attribute): nothing to read, and no language's number data to load.
    if (!/[0-9]/.test(normalized)) return null;
    const phrase = parseCountPhrase(text, lang);
    const whole = phrase ? phrase.count : parseCount(text, lang);
    let found: { numeral: string; count: ParsedCount } | undefined;
    if (whole) found = { numeral: phrase ? phrase.numberText : text, count: whole };
    // The count among other words ("Join 9,518 other subscribers"): the numeral that reads as this count.
    else {
      for (const [numeral] of normalized.matchAll(NUMERAL)) {
        const count = parseCount(numeral, lang);
        if (count && standsFor(count, value)) {
          found = { numeral, count };
          break;
        }
      }
    }
    if (!found || !standsFor(found.count, value)) return null;
    const numeral = normalizeCountText(found.numeral).replace(/\s+/gu, ' ');
    return found.count.atLeast && !numeral.endsWith('+') ? `${withoutMoreThan(numeral) ?? numeral}+` : numeral;
  });
  return shown ?? undefined;
}
