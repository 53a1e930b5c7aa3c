/**
 * The plural rules a content script picks chip words with (utils/i18n/plural-rules.ts) are CLDR's: equal to
 * `Intl.PluralRules` in every locale the messages are written in, for every count up to 10,000 and for
 * large ones around each power of ten and each million.
 */
import { describe, expect, it } from 'vitest';
import { localeNames } from '../../utils/i18n/files';
import { pluralCategory } from '../../utils/i18n/plural-rules';

const counts = [
  ...Array.from({ length: 10_001 }, (_, n) => n),
  ...[1e5, 1e6, 1e7, 1e8, 1e9, 1e12].flatMap((power) => [power - 1, power, power + 1, power + 2, power + 11, 2 * power, 3 * power + 5]),
  2_500_000,
  21_000_000,
  101_000_000,
];

describe('plural categories without Intl', () => {
  it.each(localeNames())('%s: as Intl.PluralRules says', (folder) => {
    const locale = folder.replace('_', '-');
    const intl = new Intl.PluralRules(locale);
    const wrong = counts.filter((n) => pluralCategory(locale, n) !== intl.select(n));
    expect(wrong.slice(0, 5).map((n) => `${n}: ${pluralCategory(locale, n)}, Intl ${intl.select(n)}`)).toEqual([]);
  });

  it('a fraction, a negative count and a language not listed (Portugal’s Portuguese, Polish) are Intl’s', () => {
    for (const [locale, n] of [
      ['en', 1.5],
      ['fr', 1.5],
      ['ru', 2.5],
      ['ru', -21],
      ['ar', -3],
      ['pt-PT', 0],
      ['pt-PT', 1],
      ['pl', 3],
      ['pl', 5],
    ] as const)
      expect(pluralCategory(locale, n), `${locale} ${n}`).toBe(new Intl.PluralRules(locale).select(n));
  });
});
