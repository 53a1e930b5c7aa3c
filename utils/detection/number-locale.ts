/**
 * Per-language number symbols and compact units, derived from CLDR's through
 * `Intl.NumberFormat(...).formatToParts` (at build time: utils/detection/lang/numbers.ts), plus hand entries only
 * where sites differ from CLDR. A content script reads what the language packs ship for the page's
 * languages, built into tables once per language when first needed, and asks Intl only for a tag no
 * pack covers.
 */
import type { NumberData } from './lang/types';
import { remember } from './remember';
import { numberSource, packsVersion, shippedNeutralUnits, shippedNumbers, wantNeutralUnits } from './lang/pack';

export interface NumberSymbols {
  /** Grouping separator after normalisation (see `normalizeSeparators`). */
  group: string;
  /** Decimal separator after normalisation. */
  decimal: string;
}

/** unit token → power of ten it multiplies by ("K" → 3, "万" → 4, "lakh" → 5). */
export type UnitTable = ReadonlyMap<string, number>;

/**
 * Languages the product claims to read. The property test formats numbers in each of them and
 * parses them back; the language-neutral unit table is built from them too.
 */
export const SUPPORTED_LANGS = [
  'en',
  'en-IN',
  'de',
  'de-CH',
  'fr',
  'es',
  'pt',
  'pt-BR',
  'it',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'sk',
  'ro',
  'hu',
  'ru',
  'uk',
  'tr',
  'el',
  'ar',
  'fa',
  'he',
  'hi',
  'bn',
  'id',
  'ms',
  'vi',
  'th',
  'ja',
  'zh-CN',
  'zh-TW',
  'ko',
  'fil',
  'sw',
  'lt',
  'lv',
] as const;

/**
 * Units that sites print whatever the page language (X, TikTok, GitHub print "12.3K"/"12.3k"
 * in most UIs), and words that mean one thing in every language. A language's own table wins
 * over these: "B" is a thousand in Turkish (bin), "M" a billion in Indonesian (miliar),
 * "T" a billion in Vietnamese (tỷ) — the mix-ups that broke NewPipe (TeamNewPipe/NewPipe#2632, #2649) and
 * Return YouTube Dislike (Anarios/return-youtube-dislike#441, #881).
 */
const UNIVERSAL_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['K', 3],
  ['k', 3],
  ['M', 6],
  ['m', 6],
  ['B', 9],
  ['b', 9],
  ['Bn', 9],
  ['bn', 9],
  ['lakh', 5],
  ['lakhs', 5],
  ['lac', 5],
  ['lacs', 5],
  ['crore', 7],
  ['crores', 7],
  ['千', 3],
  ['万', 4],
  ['萬', 4],
  ['亿', 8],
  ['億', 8],
  ['천', 3],
  ['만', 4],
  ['억', 8],
];

const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/gu;

/**
 * Separators are compared after this normalisation: every kind of space becomes " ",
 * typographic apostrophes become "'", Arabic separators (U+066B decimal, U+066C group) become "." and ",".
 */
export function normalizeSeparators(text: string): string {
  return text
    .replace(SPACES, ' ')
    .replace(/[’‘ʼ＇]/gu, "'")
    .replace(/\u066b/gu, '.')
    .replace(/\u066c/gu, ',');
}

const canonicalTags = new Map<string, string | undefined>();

/** A canonical BCP 47 tag, or undefined for a missing or malformed one. */
export function canonicalLang(lang: string | null | undefined): string | undefined {
  if (!lang) return undefined;
  // Every count parsed asks, with the page's few tags: Intl's answer is remembered.
  return remember(canonicalTags, 64, lang, () => {
    const tag = lang.trim().replace(/_/g, '-');
    if (!tag) return undefined;
    try {
      return Intl.getCanonicalLocales(tag)[0];
    } catch {
      return undefined;
    }
  });
}

/** Map any Unicode decimal digit (Arabic-Indic, Persian, Devanagari, Bengali, Thai, fullwidth, …) to ASCII. */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6, 0x0e50, 0x0ed0, 0x0f20, 0x1040,
  0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50,
  0xabf0, 0xff10,
];

export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    let mapped: string | undefined;
    if (code > 0x7f) {
      for (const zero of DIGIT_ZEROS) {
        if (code >= zero && code <= zero + 9) {
          mapped = String(code - zero);
          break;
        }
      }
    }
    out += mapped ?? ch;
  }
  return out;
}

/** The units of `data` as [token, power of ten] pairs. */
export function unitsOf(data: Pick<NumberData, 'units'>): [string, number][] {
  const units: [string, number][] = [];
  for (const entry of data.units ? data.units.split('|') : []) {
    const match = /^(.*?)(\d+)$/su.exec(entry);
    if (match) units.push([match[1]!, Number(match[2])]);
  }
  return units;
}

/**
 * The separators Intl gives a tag no pack covers, in a content script (`lang/` files ship the rest), with no
 * units of its own: the universal and neutral units read its counts. Where every pack is registered
 * (utils/detection/lang/all.ts) the whole of Intl's data is used instead (`registerNumberSource`).
 */
export function intlSeparators(lang: string): NumberData {
  let group = ',';
  let decimal = '.';
  try {
    const parts = new Intl.NumberFormat(lang, { useGrouping: true }).formatToParts(1234567.5);
    group = normalizeSeparators(parts.find((p) => p.type === 'group')?.value ?? ',');
    decimal = normalizeSeparators(parts.find((p) => p.type === 'decimal')?.value ?? '.');
  } catch {
    // A tag Intl rejects reads like English; callers canonicalise first, so this is a last resort.
  }
  return { group, decimal, units: '' };
}

const dataCache = new Map<string, NumberData>();
let dataVersion = -1;

/** A pack that arrives may cover a tag read from Intl before: what was built from number data starts over. */
function sincePacks(): void {
  if (dataVersion === packsVersion()) return;
  dataVersion = packsVersion();
  dataCache.clear();
  unitCache.clear();
}

/** The shipped data for `lang` (a pack's, from the most specific tag it covers), else Intl's. */
function numberData(lang: string): NumberData {
  sincePacks();
  return remember(dataCache, 64, lang, () => shippedNumbers(lang) ?? (numberSource() ?? intlSeparators)(lang));
}

/** The grouping and decimal separators the language uses, normalised. */
export function numberSymbols(lang: string): NumberSymbols {
  const { group, decimal } = numberData(lang);
  return { group, decimal };
}

const unitCache = new Map<string, Map<string, number>>();

/** Add `token` (normalised) and its form without a final dot, unless the table has them. */
export function addUnit(table: Map<string, number>, token: string, exponent: number): void {
  const clean = normalizeSeparators(token).trim();
  if (!clean || /\d/.test(clean)) return;
  if (!table.has(clean)) table.set(clean, exponent);
  // Sites drop or add the abbreviation dot ("тыс." / "тыс", "Mio." / "Mio").
  const alt = clean.endsWith('.') ? clean.slice(0, -1) : undefined;
  if (alt && !table.has(alt)) table.set(alt, exponent);
}

/** The unit table for one language: its units (the sites' own, then CLDR's: NumberData), then universal. */
export function unitTable(lang: string): UnitTable {
  sincePacks();
  return remember(unitCache, 64, lang, () => unitTableOf(numberData(lang)));
}

/** `unitTable` from the given data. */
export function unitTableOf(data: Pick<NumberData, 'units'>): Map<string, number> {
  const table = new Map<string, number>();
  for (const [token, exponent] of unitsOf(data)) addUnit(table, token, exponent);
  for (const [token, exponent] of UNIVERSAL_UNITS) addUnit(table, token, exponent);
  return table;
}

let universalTable: Map<string, number> | undefined;

/** Only the universal units ("K", "M", "B", "lakh", "万", …): the cheap first guess on any page. */
export function universalUnitTable(): UnitTable {
  if (universalTable) return universalTable;
  const table = new Map<string, number>();
  for (const [token, exponent] of UNIVERSAL_UNITS) addUnit(table, token, exponent);
  universalTable = table;
  return table;
}

let neutralTable: Map<string, number> | undefined;

/**
 * A token can be one of the neutral units only if it is letters, marks and dots, one space at most, and
 * short (every token of `neutralUnits()` is, by test): anything else ("Ipsum, Ipsum") is no unit, and
 * is not worth loading the table for.
 */
export const NEUTRAL_UNIT_SHAPE = /^[\p{L}\p{M}.\u0970]{1,16}(?: [\p{L}\p{M}.\u0970]{1,16})?$/u;

/**
 * The table used when the language is unknown, or when a token is not in the page language's table
 * (an English "K" on a German page, "Mio." on an English one): universal units first, then
 * `neutralUnits()` (utils/detection/lang/numbers.ts). A content script has it shipped (`lang/units.js`) and loads it the first time a
 * token needs it: until it arrives this returns undefined, and the page is read again once it has.
 * Where neither is (nothing registered them), it stays undefined.
 */
export function neutralUnitTable(): UnitTable | undefined {
  if (neutralTable) return neutralTable;
  const shipped = shippedNeutralUnits();
  if (shipped === undefined) {
    wantNeutralUnits();
    return undefined;
  }
  const table = new Map(universalUnitTable());
  for (const [token, exponent] of unitsOf({ units: shipped })) if (!table.has(token)) table.set(token, exponent);
  neutralTable = table;
  return table;
}
