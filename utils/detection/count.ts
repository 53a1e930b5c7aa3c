/**
 * The count parser: the text a site shows for a count → a non-negative safe integer and whether it
 * is approximate. Reads grouping and decimal separators the way the page's language writes them,
 * compact units in any supported language ("1,2 Mio.", "12,3 тыс.", "1.2万", "12,3 B" in Turkish),
 * non-Latin digits, invisible marks and a trailing "+" (a lower bound).
 *
 * It never returns NaN, Infinity, a negative number or a number past Number.MAX_SAFE_INTEGER, and it
 * rejects what only looks like a count: hex, exponents, versions, times, currency, fractions.
 */
import {
  asciiDigits,
  canonicalLang,
  NEUTRAL_UNIT_SHAPE,
  neutralUnitTable,
  universalUnitTable,
  normalizeSeparators,
  numberSymbols,
  unitTable,
  type NumberSymbols,
  type UnitTable,
} from './number-locale';
import { perPacks } from './lang/pack';

export interface ParsedCount {
  value: number;
  /** Abbreviated ("12.3K", "1 Mio."), rounded, or a lower bound ("500+"). */
  approximate: boolean;
  /** A lower bound: "500+", "Más de 500", "500以上". */
  atLeast?: boolean;
}

/**
 * "More than N" in each registered language (utils/detection/lang/pack.ts `moreThan`): words before the number, and
 * after it. LinkedIn caps connections at "500+" and localizes it ("+ de 500 relations", "Más de 500
 * contactos", "500人以上"). Longest first: "mahigit sa" before "mahigit", "более чем" before "более".
 */
const moreThanForms = perPacks((packs) => {
  const words = Array.from(packs.values())
    .flatMap((pack) => pack.moreThan.split('|'))
    .filter(Boolean);
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    before: words.filter((word) => !word.startsWith('…')).sort(byLength),
    after: words
      .filter((word) => word.startsWith('…'))
      .map((word) => word.slice(1))
      .sort(byLength),
  };
});

/** Strip a "more than" form around the numeral: the rest, or undefined when there is none. */
export function withoutMoreThan(body: string): string | undefined {
  const moreThan = moreThanForms();
  const lower = body.toLocaleLowerCase().replace(/[’‘`]/gu, "'");
  // Slices of `lower` stand for slices of `body` only while lower-casing kept every length.
  if (lower.length !== body.length) return undefined;
  for (const word of moreThan.before) {
    // A whole word: "over 500", "yli 500", "יותר מ-500" (the number right after the hyphen).
    if (lower.startsWith(word) && /[\s\d]/u.test(lower[word.length] ?? '')) return body.slice(word.length).trimStart();
  }
  for (const word of moreThan.after) {
    if (lower.endsWith(word))
      return body
        .slice(0, body.length - word.length)
        .trimEnd()
        .replace(/(人|名|位|명|个|個)$/u, '')
        .trimEnd();
  }
  return undefined;
}

/** Bidi marks and isolates, zero-width characters, soft hyphen, BOM, Arabic letter mark, word joiner. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** Digits and the separators a number may contain, after normalisation. */
const NUMBER_CHARS = /^[0-9][0-9.,' ]*$/u;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

const PLAIN_DIGITS = /^[0-9]{1,15}$/;

/** Digits with a leading zero ("007", "01:30"): identifiers, not counts. */
function leadingZero(digits: string): boolean {
  return digits.length > 1 && digits.startsWith('0');
}

/** Letters, digits, punctuation and the plain space: text with nothing to normalise but runs of spaces. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Prepare text for parsing: NFKC (fullwidth → ASCII), no invisible marks, ASCII digits, normalised separators. */
export function normalizeCountText(text: string): string {
  // Most counts on most pages ("1.2K", "75"): NFKC, the invisible marks, other digits and other
  // spaces cannot occur in them, and a content script's parser runs cold, so each step skipped counts.
  if (PRINTABLE_ASCII.test(text)) return text.replace(/ {2,}/g, ' ').trim();
  return normalizeSeparators(asciiDigits(text.normalize('NFKC').replace(INVISIBLE, ''))).trim();
}

interface Decimal {
  int: string;
  frac: string;
}

/** Digits in groups of three, or the Indian 2-2-3 grouping ("12,34,567"). */
function validGrouping(runs: string[]): boolean {
  if (runs.length < 2) return true;
  const [first, ...rest] = runs as [string, ...string[]];
  const last = rest[rest.length - 1] ?? '';
  if (first.length < 1 || first.length > 3 || last.length !== 3) return false;
  const middle = rest.slice(0, -1);
  if (middle.every((run) => run.length === 3)) return true;
  return first.length <= 2 && middle.every((run) => run.length === 2);
}

/**
 * Split a numeral into integer and fraction digits. `symbols` is the language's convention; when
 * undefined (unknown language) a lone separator followed by three digits is grouping unless a
 * compact unit follows.
 */
function readNumeral(numeral: string, symbols: NumberSymbols | undefined, hasUnit: boolean): Decimal | null {
  if (!NUMBER_CHARS.test(numeral) || !/[0-9]$/.test(numeral)) return null;
  const runs = numeral.split(/[.,' ]/);
  const seps = numeral.replace(/[0-9]/g, '').split('');
  if (runs.some((run) => run === '')) return null; // two separators in a row
  if (seps.length === 0) return leadingZero(numeral) ? null : { int: numeral, frac: '' };
  const kinds = new Set(seps);
  const lastSep = seps[seps.length - 1] ?? '';
  const lastRun = runs[runs.length - 1] ?? '';
  const canBeDecimal = (sep: string) => sep === '.' || sep === ',';

  let decimal: string | undefined;
  if (kinds.size > 2) return null;
  if (kinds.size === 2) {
    // "1,234.5" / "1.234,5" / "1 234,5": the last separator is the decimal one and occurs once.
    if (seps.indexOf(lastSep) !== seps.length - 1 || !canBeDecimal(lastSep)) return null;
    decimal = lastSep;
  } else if (seps.length === 1 && canBeDecimal(lastSep)) {
    if (lastRun.length !== 3) decimal = lastSep;
    else if (symbols) {
      // "1.234": German 1234, English 1.234 — read the way the language writes it.
      if (lastSep === symbols.group) decimal = undefined;
      else if (lastSep === symbols.decimal) decimal = lastSep;
      else decimal = hasUnit ? lastSep : undefined;
    } else decimal = hasUnit ? lastSep : undefined;
  }

  let intRuns = runs;
  let frac = '';
  if (decimal !== undefined) {
    frac = lastRun;
    intRuns = runs.slice(0, -1);
    const groupSeps = seps.slice(0, -1);
    if (groupSeps.some((sep) => sep === decimal)) return null;
  }
  if (!validGrouping(intRuns)) return null;
  const int = intRuns.join('');
  if (leadingZero(int)) return null;
  return { int, frac };
}

/** Exact decimal shift: digits × 10^exponent, rounded half up, or null past MAX_SAFE_INTEGER. */
function scale(decimal: Decimal, exponent: number): { value: number; rounded: boolean } | null {
  const digits = BigInt(decimal.int + decimal.frac);
  const shift = exponent - decimal.frac.length;
  let result: bigint;
  let rounded = false;
  if (shift >= 0) result = digits * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    result = digits / divisor;
    const remainder = digits % divisor;
    if (remainder !== 0n) {
      rounded = true;
      if (remainder * 2n >= divisor) result += 1n;
    }
  }
  if (result > MAX) return null;
  return { value: Number(result), rounded };
}

function lookupUnit(token: string, table: UnitTable | undefined): number | undefined {
  // Cheapest first: the page language's table, then the universal units; the language-neutral table
  // (every supported language's units) only for what those miss and could be a unit at all.
  const cheap = table ? [table, universalUnitTable()] : [universalUnitTable()];
  const lower = token.toLocaleLowerCase();
  const neutral = () => {
    const found = NEUTRAL_UNIT_SHAPE.test(token) ? neutralUnitTable() : undefined;
    return found ? [found] : [];
  };
  for (const tables of [() => cheap, neutral]) {
    const chosen = tables();
    for (const t of chosen) {
      const exact = t.get(token);
      if (exact !== undefined) return exact;
    }
    for (const t of chosen) {
      for (const [key, exponent] of t) if (key.toLocaleLowerCase() === lower) return exponent;
    }
  }
  return undefined;
}

/**
 * Parse one count as a site shows it ("12.3K", "1,2 Mio.", "500+", "١٢٫٣ ألف").
 * `lang` is a BCP 47 tag (the page's or the element's); undefined reads language-neutrally.
 * Returns null for anything that is not a count.
 */
export function parseCount(text: string, lang?: string | null): ParsedCount | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  let body = normalizeCountText(text);
  if (!body) return null;

  let plus = false;
  if (body.endsWith('+')) {
    plus = true;
    body = body.slice(0, -1).trimEnd();
  } else if (!/^[0-9]/.test(body) || !/[0-9]$/.test(body)) {
    const rest = withoutMoreThan(body);
    if (rest !== undefined) {
      plus = true;
      body = rest;
      if (!body) return null;
    }
  }

  // A plain run of digits ("75", "1204") reads the same in every language; up to 15 digits it is a safe integer.
  if (PLAIN_DIGITS.test(body))
    return leadingZero(body)
      ? null
      : plus
        ? { value: Number(body), approximate: true, atLeast: true }
        : { value: Number(body), approximate: false };

  const tag = canonicalLang(lang);
  const symbols = tag ? numberSymbols(tag) : undefined;
  const table = tag ? unitTable(tag) : undefined;

  // Numeral first ("12.3K", "1,2 Mio."), or unit first (Swahili "elfu 12").
  const numeralFirst = /^([0-9][0-9.,' ]*?)\s*([^\d\s.,'][^\d]*)?$/u.exec(body);
  const unitFirst = /^([^\d\s.,'][^\d]*?)\s*([0-9][0-9.,' ]*)$/u.exec(body);
  let numeral: string;
  let unit: string | undefined;
  if (numeralFirst) {
    numeral = (numeralFirst[1] ?? '').trim();
    unit = numeralFirst[2]?.trim() || undefined;
  } else if (unitFirst) {
    numeral = (unitFirst[2] ?? '').trim();
    unit = unitFirst[1]?.trim() || undefined;
  } else return null;

  let exponent = 0;
  if (unit !== undefined) {
    const found = lookupUnit(unit, table);
    if (found === undefined) return null;
    exponent = found;
  }

  const decimal = readNumeral(numeral, symbols, unit !== undefined);
  if (!decimal) return null;
  if (unit === undefined && /[1-9]/.test(decimal.frac)) return null; // 1.5 people is not a count
  if (unit === undefined) decimal.frac = '';

  const scaled = scale(decimal, exponent);
  if (!scaled || !Number.isSafeInteger(scaled.value) || scaled.value < 0) return null;
  const approximate = plus || unit !== undefined || scaled.rounded;
  return plus ? { value: scaled.value, approximate, atLeast: true } : { value: scaled.value, approximate };
}

/**
 * Find the leading count in an exact-value attribute: `title="12,345"`,
 * `aria-label="96979 users starred this repository"`. The number must stand alone (no unit), so an
 * abbreviated label ("12.3K followers") is not mistaken for an exact value.
 */
export function parseExactCount(text: string | null | undefined, lang?: string | null): number | null {
  if (!text) return null;
  const body = normalizeCountText(text);
  const match = /^([0-9][0-9.,' ]*[0-9]|[0-9])(?=$|\s+[^\d\s])/u.exec(body);
  if (!match) return null;
  const parsed = parseCount(match[1] ?? '', lang);
  if (!parsed || parsed.approximate) return null;
  return parsed.value;
}
