/**
 * Number data from the CLDR data of the Intl that runs this: a language's separators and compact units
 * (`intlNumberData`), the neutral units, and what the language packs ship (./types.ts `NumberPack`) — for
 * a base language, its own tag and every tag whose data differ from what looking it up by its parents
 * ("de-CH-1996" → "de-CH" → "de") would give. Run at build time (./files.ts), where every pack is
 * registered (./all.ts) and by the tests; never in a content script: it formats hundreds of thousands of
 * numbers.
 */
import { addUnit, asciiDigits, intlSeparators, SUPPORTED_LANGS, unitTableOf, universalUnitTable } from '../number-locale';
import { lookupNumbers } from './pack';
import type { NumberData, NumberPack } from './types';

/**
 * Where sites differ from CLDR. Keys are language subtags (or full tags, which win).
 * - de: YouTube's German UI abbreviates thousands as "Tsd." ("12,3 Tsd. Abonnenten"); CLDR has none.
 * - en-IN / hi / bn / mr …: Indian English UIs use "T" for thousand (Anarios/return-youtube-dislike#441),
 *   "L" for lakh and "Cr" for crore.
 * - ru/uk/pl/cs: the abbreviations are also written without their final dot.
 */
export const SITE_UNITS: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  de: [
    ['Tsd.', 3],
    ['Tsd', 3],
    ['Tausend', 3],
    ['Mio', 6],
    ['Mrd', 9],
  ],
  'en-IN': [
    ['T', 3],
    ['L', 5],
    ['Cr', 7],
    ['Lakh', 5],
    ['Crore', 7],
  ],
  hi: [
    ['T', 3],
    ['L', 5],
    ['Cr', 7],
    ['K', 3],
  ],
  bn: [
    ['L', 5],
    ['Cr', 7],
  ],
  mr: [
    ['L', 5],
    ['Cr', 7],
  ],
  ta: [
    ['L', 5],
    ['Cr', 7],
  ],
  te: [
    ['L', 5],
    ['Cr', 7],
  ],
  ru: [
    ['тыс', 3],
    ['тысяч', 3],
    ['млн.', 6],
    ['млрд.', 9],
  ],
  uk: [
    ['тис', 3],
    ['тисяч', 3],
    ['млн.', 6],
    ['млрд.', 9],
  ],
  pl: [
    ['tys', 3],
    ['mln.', 6],
    ['mld.', 9],
  ],
  it: [
    ['mila', 3],
    ['Mln.', 6],
    ['mln', 6],
  ],
  lt: [
    ['tūkst', 3],
    ['mln', 6],
  ],
  id: [
    ['rb.', 3],
    ['jt.', 6],
  ],
  ms: [
    ['rb', 3],
    ['j', 6],
  ],
  vi: [
    ['N', 3],
    ['Tr', 6],
    ['tr', 6],
  ],
  tr: [
    ['B', 3],
    ['Mn', 6],
    ['Mr', 9],
  ],
};

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

/**
 * Separators and units as Intl computes them, the sites' own units first (the build, and where every pack is
 * registered: utils/detection/lang/all.ts).
 */
export function intlNumberData(lang: string): NumberData {
  const units = new Map<string, number>();
  const base = lang.split('-')[0] ?? lang;
  for (const [token, exponent] of SITE_UNITS[lang] ?? []) addUnit(units, token, exponent);
  if (base !== lang) for (const [token, exponent] of SITE_UNITS[base] ?? []) addUnit(units, token, exponent);
  for (const [token, exponent] of cldrUnits(lang)) addUnit(units, token, exponent);
  return { ...intlSeparators(lang), units: [...units].map(([token, exponent]) => `${token}${exponent}`).join('|') };
}

/**
 * The units of every supported language on which all languages that use them agree (ambiguous tokens —
 * "B", "mil", "T", "N" — left out), besides the universal ones: what `neutralUnitTable` adds. Built from
 * Intl, which takes ~15,000 `formatToParts` calls: the build does it (utils/detection/lang/files.ts writes
 * `lang/units.js`), and where every pack is registered (utils/detection/lang/all.ts: the background, extension
 * pages, tools, tests), the first time it is needed.
 */
export function neutralUnits(): string {
  const universal = universalUnitTable();
  const seen = new Map<string, number | null>();
  for (const lang of SUPPORTED_LANGS) {
    for (const [token, exponent] of unitTableOf(dataOf(lang))) {
      if (universal.has(token)) continue;
      const before = seen.get(token);
      if (before === undefined) seen.set(token, exponent);
      else if (before !== exponent) seen.set(token, null);
    }
  }
  return [...seen].flatMap(([token, exponent]) => (exponent === null ? [] : [`${token}${exponent}`])).join('|');
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Every two-letter region, and the numeric ones CLDR has locales for (Latin America, Europe, the world). */
const REGIONS = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b)).concat(['419', '150', '001']);
/** Scripts a supported language is written in besides its default (Hant Chinese, Latin Hindi, …). */
const SCRIPTS = ['Hans', 'Hant', 'Latn', 'Cyrl', 'Arab', 'Deva', 'Beng'];

const resolvedTags = new Map<string, string | undefined>();

/** The locale Intl formats numbers of `tag` with, or undefined if it rejects the tag (asked once per tag). */
function resolved(tag: string): string | undefined {
  if (resolvedTags.has(tag)) return resolvedTags.get(tag);
  let locale: string | undefined;
  try {
    locale = new Intl.NumberFormat(tag).resolvedOptions().locale;
  } catch {
    locale = undefined;
  }
  resolvedTags.set(tag, locale);
  return locale;
}

const byLocale = new Map<string, NumberData>();

/** `intlNumberData` of the locale Intl reads `tag` with: computed once per locale, for every pack and tag. */
function dataOf(tag: string): NumberData {
  const locale = resolved(tag) ?? tag;
  let data = byLocale.get(locale);
  if (!data) byLocale.set(locale, (data = intlNumberData(locale)));
  return data;
}

const same = (a: NumberData | undefined, b: NumberData) =>
  a !== undefined && a.group === b.group && a.decimal === b.decimal && a.units === b.units;

/** The tags of `base` CLDR has number data for, parents before children. */
function candidates(base: string): string[] {
  const scripts = SCRIPTS.map((script) => `${base}-${script}`).filter((tag) => resolved(tag) !== base);
  // Only canonical tags: the parser canonicalises a page's tag first ("en-UK" is read as "en-GB").
  return [
    ...REGIONS.map((region) => `${base}-${region}`),
    ...scripts,
    ...scripts.flatMap((script) => REGIONS.map((region) => `${script}-${region}`)),
  ].filter((tag) => resolved(tag) !== undefined && Intl.getCanonicalLocales(tag)[0] === tag);
}

/** What the packs ship for `base` (a pack code: "de", "zh", "fil"). */
export function numberPack(base: string): NumberPack {
  const entries = new Map<string, NumberData>([[base, dataOf(base)]]);
  for (const tag of candidates(base)) {
    const data = dataOf(tag);
    // What a content script would find for the tag without an entry of its own (its parents').
    if (!same(lookupNumbers(entries, tag), data)) entries.set(tag, data);
  }
  const units: string[] = [];
  const tags: string[] = [];
  for (const [tag, data] of entries) {
    let index = units.indexOf(data.units);
    if (index < 0) index = units.push(data.units) - 1;
    if (data.group.length !== 1 || data.decimal.length !== 1)
      throw new Error(`${tag}: separators of more than one character (${JSON.stringify(data)})`);
    tags.push(`${tag}=${data.group}${data.decimal}${index}`);
  }
  return { units, tags: tags.join('|') };
}
