import { describe, expect, it } from 'vitest';
import { parseCount, parseExactCount } from '../../utils/detection/count';

const exact = (value: number) => ({ value, approximate: false });
const approx = (value: number) => ({ value, approximate: true });

describe('parseCount', () => {
  it.each([
    ['75', 'en', exact(75)],
    ['2,181', 'en', exact(2181)],
    ['1,234,567', 'en', exact(1234567)],
    ['1.234.567', 'de', exact(1234567)],
    ['1 234 567', 'fr', exact(1234567)], // U+202F, as French Intl prints it
    ['1 234 567', 'ru', exact(1234567)], // U+00A0
    ['1 234', 'sv', exact(1234)],
    ["1'234'567", 'de-CH', exact(1234567)],
    ['1’234’567', 'de-CH', exact(1234567)],
    ['12,34,567', 'en-IN', exact(1234567)],
    ['١٢٬٣٤٥', 'ar', exact(12345)], // Arabic-Indic digits, U+066C grouping
    ['۱۲٬۳۴۵', 'fa', exact(12345)], // Persian digits
    ['१२,३४५', 'hi', exact(12345)], // Devanagari digits
    ['１２，３４５', 'ja', exact(12345)], // fullwidth
    ['0', 'en', exact(0)],
  ])('reads grouping: %j (%s)', (text, lang, expected) => {
    expect(parseCount(text, lang)).toEqual(expected);
  });

  it.each([
    ['1.234', 'de', exact(1234)],
    ['1.234', 'es', exact(1234)],
    ['1,234', 'en', exact(1234)],
    ['1.234', undefined, exact(1234)],
  ])('reads an ambiguous %j the way %s writes it', (text, lang, expected) => {
    expect(parseCount(text, lang)).toEqual(expected);
  });

  it('does not read an English decimal as a count (1.234 people is not a count)', () => {
    expect(parseCount('1.234', 'en')).toBeNull();
    expect(parseCount('1,5', 'de')).toBeNull();
  });

  it.each([
    ['12.3K', 'en', 12300],
    ['12.6k', 'en', 12600],
    ['1.2M', 'en', 1200000],
    ['12.3B', 'en', 12300000000],
    ['1,2 Mio.', 'de', 1200000],
    ['4,86 Mio.', 'de', 4860000], // NewPipe#2632 read this as 486
    ['9.16M', 'en', 9160000], // NewPipe#2649 read this as 916
    ['12,3 Tsd.', 'de', 12300],
    ['1,2 Millionen', 'de', 1200000],
    ['1,2 k', 'fr', 1200],
    ['1,2 M', 'fr', 1200000],
    ['1,2 mil', 'es', 1200],
    ['1,2 M', 'es', 1200000],
    ['1,2 mil', 'pt-BR', 1200],
    ['1,2 mi', 'pt-BR', 1200000],
    ['1,2 mil.', 'ro', 1200000],
    ['1,2 tis.', 'cs', 1200],
    ['1,2 mil.', 'cs', 1200000],
    ['1,2 Mln', 'it', 1200000],
    ['1,2 mln.', 'nl', 1200000],
    ['12,3 тыс.', 'ru', 12300],
    ['12,3 тыс', 'ru', 12300],
    ['1,2 млн', 'ru', 1200000],
    ['12,3 тис.', 'uk', 12300],
    ['12,3 tys.', 'pl', 12300],
    ['1,2 mln', 'pl', 1200000],
    ['1,2 rb', 'id', 1200],
    ['1,2 jt', 'id', 1200000],
    ['1,2 M', 'id', 1200000000], // "M" is miliar (a billion) in Indonesian
    ['12 N', 'vi', 12000], // nghìn
    ['1,2 Tr', 'vi', 1200000],
    ['1,2 T', 'vi', 1200000000], // tỷ
    ['12,3 B', 'tr', 12300], // bin: "B" is a thousand in Turkish
    ['1,2 Mn', 'tr', 1200000],
    ['1.2万', 'ja', 12000],
    ['123.5万', 'zh-CN', 1235000],
    ['1.2萬', 'zh-TW', 12000],
    ['1.2億', 'ja', 120000000],
    ['3.4亿', 'zh-CN', 340000000],
    ['1.2천', 'ko', 1200],
    ['1.2만', 'ko', 12000],
    ['12.3 ألف', 'ar', 12300],
    ['١٢٫٣ ألف', 'ar', 12300], // Arabic-Indic digits, U+066B decimal
    ['۱۲٫۳ هزار', 'fa', 12300],
    ['१२.३ हज़ार', 'hi', 12300],
    ['1.5 lakh', 'en-IN', 150000],
    ['2 crore', 'en-IN', 20000000],
    ['1.2L', 'en-IN', 120000],
    ['3Cr', 'en-IN', 30000000],
    ['12T', 'en-IN', 12000], // Indian English thousand (return-youtube-dislike#441)
    ['elfu 12', 'sw', 12000], // a unit before the number
    ['1.2 million', 'en', 1200000],
  ])('reads compact %j (%s)', (text, lang, value) => {
    expect(parseCount(text, lang)).toEqual(approx(value));
  });

  it('reads English units on pages in other languages, unless the language means something else by them', () => {
    expect(parseCount('12.3K', 'de')).toEqual(approx(12300));
    expect(parseCount('1.5K', 'de')).toEqual(approx(1500)); // one digit after "." cannot be German grouping
    expect(parseCount('12.3K', 'tr')).toEqual(approx(12300));
    expect(parseCount('1.2万', 'en')).toEqual(approx(12000));
    expect(parseCount('1,2 Mio.', undefined)).toEqual(approx(1200000));
  });

  it('rounds exactly (1.005K is 1005, not 1004.999…)', () => {
    expect(parseCount('1.005K', 'en')).toEqual(approx(1005));
    expect(parseCount('1.0005K', 'en')).toEqual(approx(1001));
    expect(parseCount('0.29K', 'en')).toEqual(approx(290));
  });

  it('reads a trailing + as an approximate lower bound', () => {
    expect(parseCount('500+', 'en')).toEqual({ ...approx(500), atLeast: true });
    expect(parseCount('276K+', 'en')).toEqual({ ...approx(276000), atLeast: true });
    expect(parseCount('4.8K +', 'en')).toEqual({ ...approx(4800), atLeast: true });
    expect(parseCount('12.3K', 'en')?.atLeast).toBeUndefined();
  });

  it('reads no bare leading + (a change, "+45 this week", is not a count)', () => {
    expect(parseCount('+45', 'en')).toBeNull();
  });

  it('ignores invisible marks', () => {
    expect(parseCount('\u200f12.3K\u200f', 'he')).toEqual(approx(12300));
    expect(parseCount('\u20661,234\u2069', 'en')).toEqual(exact(1234));
    expect(parseCount('1\u200b234', 'en')).toEqual(exact(1234));
    expect(parseCount('\u061c١٢٬٣٤٥', 'ar')).toEqual(exact(12345));
    expect(parseCount('\ufeff12', 'en')).toEqual(exact(12));
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['0x10', 'hex'],
    ['1e3', 'exponent'],
    ['1E6', 'exponent'],
    ['1.2.3', 'version'],
    ['v1.2', 'version'],
    ['10.0.19045', 'version'],
    ['12:30', 'time'],
    ['1:02:03', 'time'],
    ['$12K', 'currency'],
    ['12 €', 'currency'],
    ['£1,234', 'currency'],
    ['¥1.2万', 'currency'],
    ['-5', 'negative'],
    ['−5', 'negative (minus sign)'],
    ['50%', 'percent'],
    ['1.5', 'fraction'],
    ['12.3X', 'unknown unit'],
    ['12 apples', 'a word'],
    ['007', 'leading zeros'],
    ['1,,234', 'double separator'],
    ['1,23', 'bad grouping without unit (en)'],
    ['12,3456', 'bad grouping'],
    ['9007199254740993', 'past MAX_SAFE_INTEGER'],
    ['9,007,199,254,740,993', 'past MAX_SAFE_INTEGER'],
    ['99999999T', 'past MAX_SAFE_INTEGER with a unit'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['N/A', 'not a number'],
    ['+', 'a bare plus'],
  ])('rejects %j (%s)', (text) => {
    expect(parseCount(text, 'en')).toBeNull();
  });

  it('never returns an unsafe value', () => {
    const samples = ['9007199254740991', '9,007,199,254,740,991', '9.007199254740991P', '9007199T', '1e308', '٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩'];
    for (const text of samples) {
      const parsed = parseCount(text, 'en');
      if (parsed) {
        expect(Number.isSafeInteger(parsed.value)).toBe(true);
        expect(parsed.value).toBeGreaterThanOrEqual(0);
      }
    }
    expect(parseCount('9007199254740991', 'en')).toEqual(exact(Number.MAX_SAFE_INTEGER));
  });

  it('treats a malformed language tag as no language', () => {
    expect(parseCount('1.234', 'not a tag!')).toEqual(exact(1234));
    expect(parseCount('12.3K', 'de_DE')).toEqual(approx(12300));
  });
});

describe('parseExactCount', () => {
  it('reads exact values from title and aria-label attributes', () => {
    expect(parseExactCount('12,345', 'en')).toBe(12345);
    expect(parseExactCount('12.345', 'de')).toBe(12345);
    expect(parseExactCount('96979 users starred this repository', 'en')).toBe(96979);
    expect(parseExactCount('412 following', 'en')).toBe(412);
  });

  it('does not take an abbreviated label for an exact value', () => {
    expect(parseExactCount('12.3K followers', 'en')).toBeNull();
    expect(parseExactCount('1,2 Mio.', 'de')).toBeNull();
    expect(parseExactCount('', 'en')).toBeNull();
    expect(parseExactCount(null, 'en')).toBeNull();
    expect(parseExactCount('Followers', 'en')).toBeNull();
  });
});
