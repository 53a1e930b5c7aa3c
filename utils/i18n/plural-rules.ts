/**
 * CLDR's cardinal plural rules of the languages the messages are written in, for whole numbers: a content
 * script picks its chips' plural forms without `Intl.PluralRules`, whose first use in a page has the renderer
 * load ICU's plural data (2–3 ms of a page load with a count, issue 14). Equal by test to `Intl.PluralRules`
 * for every shipped locale (tests/unit/plural-rules.test.ts); a fraction, or a language not listed, is Intl's.
 */
import type { PluralCategory } from './keys';

type Rule = (n: number) => PluralCategory;

const oneOther: Rule = (n) => (n === 1 ? 'one' : 'other');
/** Spanish, Italian, French and Portuguese say "de" before exact millions ("1 million de …"): CLDR's `many`. */
const millions = (n: number) => n !== 0 && n % 1_000_000 === 0;
const zeroOrOne: Rule = (n) => (n <= 1 ? 'one' : millions(n) ? 'many' : 'other');
const oneMillions: Rule = (n) => (n === 1 ? 'one' : millions(n) ? 'many' : 'other');

/** By locale, then by base language ("pt" is not here: Portugal's rule is not Brazil's). */
const RULES: Readonly<Record<string, Rule>> = {
  en: oneOther,
  de: oneOther,
  tr: oneOther,
  es: oneMillions,
  it: oneMillions,
  fr: zeroOrOne,
  'pt-BR': zeroOrOne,
  ja: () => 'other',
  ko: () => 'other',
  zh: () => 'other',
  ru: (n) => {
    const last = n % 10;
    const lastTwo = n % 100;
    if (last === 1 && lastTwo !== 11) return 'one';
    return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'few' : 'many';
  },
  ar: (n) => {
    const lastTwo = n % 100;
    if (n <= 2) return n === 0 ? 'zero' : n === 1 ? 'one' : 'two';
    return lastTwo >= 3 && lastTwo <= 10 ? 'few' : lastTwo >= 11 ? 'many' : 'other';
  },
};

let intl: { locale: string; rules: Intl.PluralRules } | undefined;

/** The plural category of `count` in `locale` (a BCP 47 tag: "pt-BR", "ar"). */
export function pluralCategory(locale: string, count: number): PluralCategory {
  const rule = RULES[locale] ?? RULES[locale.split('-')[0]!];
  const n = Math.abs(count);
  if (rule && Number.isSafeInteger(n)) return rule(n);
  if (intl?.locale !== locale) intl = { locale, rules: new Intl.PluralRules(locale) };
  return intl.rules.select(count) as PluralCategory;
}
