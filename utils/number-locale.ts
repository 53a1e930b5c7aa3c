/**
 * Per-language number symbols and compact units, derived from the CLDR data every browser ships
 * through `Intl.NumberFormat(...).formatToParts`, plus hand entries only where sites differ from CLDR.
 * Everything is computed lazily, once per language, and cached: a content script only ever pays
 * for the page's own language.
 */
import { remember } from './remember';

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
  'en', 'en-IN', 'de', 'de-CH', 'fr', 'es', 'pt', 'pt-BR', 'it', 'nl', 'sv', 'da', 'nb', 'fi',
  'pl', 'cs', 'sk', 'ro', 'hu', 'ru', 'uk', 'tr', 'el', 'ar', 'fa', 'he', 'hi', 'bn', 'id',
  'ms', 'vi', 'th', 'ja', 'zh-CN', 'zh-TW', 'ko', 'fil', 'sw', 'lt', 'lv',
] as const;

/**
 * Units that sites print whatever the page language (X, TikTok, GitHub print "12.3K"/"12.3k"
 * in most UIs), and words that mean one thing in every language. A language's own table wins
 * over these: "B" is a thousand in Turkish (bin), "M" a billion in Indonesian (miliar),
 * "T" a billion in Vietnamese (tỷ) — see ../shared/research/extension-engineering-notes.md.
 */
const UNIVERSAL_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['K', 3], ['k', 3], ['M', 6], ['m', 6], ['B', 9], ['b', 9], ['Bn', 9], ['bn', 9],
  ['lakh', 5], ['lakhs', 5], ['lac', 5], ['lacs', 5], ['crore', 7], ['crores', 7],
  ['千', 3], ['万', 4], ['萬', 4], ['亿', 8], ['億', 8], ['천', 3], ['만', 4], ['억', 8],
];

/**
 * Where sites differ from CLDR. Keys are language subtags (or full tags, which win).
 * - de: YouTube's German UI abbreviates thousands as "Tsd." ("12,3 Tsd. Abonnenten"); CLDR has none.
 * - en-IN / hi / bn / mr …: Indian English UIs use "T" for thousand (Anarios/return-youtube-dislike#441),
 *   "L" for lakh and "Cr" for crore.
 * - ru/uk/pl/cs: the abbreviations are also written without their final dot.
 */
const SITE_UNITS: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  de: [['Tsd.', 3], ['Tsd', 3], ['Tausend', 3], ['Mio', 6], ['Mrd', 9]],
  'en-IN': [['T', 3], ['L', 5], ['Cr', 7], ['Lakh', 5], ['Crore', 7]],
  hi: [['T', 3], ['L', 5], ['Cr', 7], ['K', 3]],
  bn: [['L', 5], ['Cr', 7]],
  mr: [['L', 5], ['Cr', 7]],
  ta: [['L', 5], ['Cr', 7]],
  te: [['L', 5], ['Cr', 7]],
  ru: [['тыс', 3], ['тысяч', 3], ['млн.', 6], ['млрд.', 9]],
  uk: [['тис', 3], ['тисяч', 3], ['млн.', 6], ['млрд.', 9]],
  pl: [['tys', 3], ['mln.', 6], ['mld.', 9]],
  it: [['mila', 3], ['Mln.', 6], ['mln', 6]],
  lt: [['tūkst', 3], ['mln', 6]],
  id: [['rb.', 3], ['jt.', 6]],
  ms: [['rb', 3], ['j', 6]],
  vi: [['N', 3], ['Tr', 6], ['tr', 6]],
  tr: [['B', 3], ['Mn', 6], ['Mr', 9]],
};

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
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66,
  0x0de6, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
  0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
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

const symbolCache = new Map<string, NumberSymbols>();

/** The grouping and decimal separators the language uses, normalised. */
export function numberSymbols(lang: string): NumberSymbols {
  const cached = symbolCache.get(lang);
  if (cached) return cached;
  let group = ',';
  let decimal = '.';
  try {
    const parts = new Intl.NumberFormat(lang, { useGrouping: true }).formatToParts(1234567.5);
    group = normalizeSeparators(parts.find((p) => p.type === 'group')?.value ?? ',');
    decimal = normalizeSeparators(parts.find((p) => p.type === 'decimal')?.value ?? '.');
  } catch {
    // A tag Intl rejects reads like English; callers canonicalise first, so this is a last resort.
  }
  const symbols = { group, decimal };
  symbolCache.set(lang, symbols);
  return symbols;
}

const unitCache = new Map<string, Map<string, number>>();

function addUnit(table: Map<string, number>, token: string, exponent: number): void {
  const clean = normalizeSeparators(token).trim();
  if (!clean || /\d/.test(clean)) return;
  if (!table.has(clean)) table.set(clean, exponent);
  // Sites drop or add the abbreviation dot ("тыс." / "тыс", "Mio." / "Mio").
  const alt = clean.endsWith('.') ? clean.slice(0, -1) : undefined;
  if (alt && !table.has(alt)) table.set(alt, exponent);
}

/** Parse the integer shown by Intl for a compact number in that locale ("12", "1.5" → 1.5). */
function shownNumber(parts: Intl.NumberFormatPart[]): number {
  let text = '';
  for (const part of parts) {
    if (part.type === 'integer') text += asciiDigits(part.value);
    else if (part.type === 'fraction') text += '.' + asciiDigits(part.value);
  }
  return Number(text);
}

/** Units CLDR gives this language, short and long forms, every plural form it prints. */
function cldrUnits(lang: string): Map<string, number> {
  const table = new Map<string, number>();
  // Enough values to meet every plural form and linker CLDR prints ("1 Million", "2 Millionen", Filipino "2.9 na trilyon").
  const samples = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 21, 1.5, 2.9, 100];
  for (const compactDisplay of ['short', 'long'] as const) {
    let format: Intl.NumberFormat;
    try {
      format = new Intl.NumberFormat(lang, {
        notation: 'compact',
        compactDisplay,
        maximumFractionDigits: 1,
      });
    } catch {
      return table;
    }
    for (let exponent = 3; exponent <= 15; exponent++) {
      for (const sample of samples) {
        const value = sample * 10 ** exponent;
        const parts = format.formatToParts(value);
        const token = parts
          .filter((p) => p.type === 'compact')
          .map((p) => p.value)
          .join('')
          .trim();
        if (!token) continue;
        const shown = shownNumber(parts);
        if (!(shown > 0)) continue;
        const unitExponent = Math.round(Math.log10(value / shown));
        if (unitExponent > 0) addUnit(table, token, unitExponent);
      }
    }
  }
  return table;
}

/** The unit table for one language: site entries (full tag, then language), CLDR, then universal. */
export function unitTable(lang: string): UnitTable {
  const cached = unitCache.get(lang);
  if (cached) return cached;
  const table = new Map<string, number>();
  const base = lang.split('-')[0] ?? lang;
  for (const [token, exponent] of SITE_UNITS[lang] ?? []) addUnit(table, token, exponent);
  if (base !== lang) for (const [token, exponent] of SITE_UNITS[base] ?? []) addUnit(table, token, exponent);
  for (const [token, exponent] of cldrUnits(lang)) addUnit(table, token, exponent);
  for (const [token, exponent] of UNIVERSAL_UNITS) addUnit(table, token, exponent);
  unitCache.set(lang, table);
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
 * The table used when the language is unknown, or when a token is not in the page language's table
 * (an English "K" on a German page, "万" on an English page): universal units first, then every
 * supported language's tokens on which all languages that use them agree. Ambiguous tokens
 * ("B", "mil", "T", "N") are left out unless universal.
 */
export function neutralUnitTable(): UnitTable {
  if (neutralTable) return neutralTable;
  const table = new Map<string, number>();
  for (const [token, exponent] of UNIVERSAL_UNITS) addUnit(table, token, exponent);
  const seen = new Map<string, number | null>();
  for (const lang of SUPPORTED_LANGS) {
    for (const [token, exponent] of unitTable(lang)) {
      if (table.has(token)) continue;
      const before = seen.get(token);
      if (before === undefined) seen.set(token, exponent);
      else if (before !== exponent) seen.set(token, null);
    }
  }
  for (const [token, exponent] of seen) if (exponent !== null) table.set(token, exponent);
  neutralTable = table;
  return table;
}
