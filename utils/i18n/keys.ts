/**
 * The message keys, typed from the English files (type-only imports: nothing of them enters a bundle). A
 * key the code names that English does not have fails the typecheck; tests/unit/locales.test.ts holds
 * every other locale to English's keys. A new surface's file is added here once.
 */
import type common from '@/assets/locales/en/common.json';
import type data from '@/assets/locales/en/data.json';
import type errors from '@/assets/locales/en/errors.json';
import type locale from '@/assets/locales/en/locale.json';
import type outcomes from '@/assets/locales/en/outcomes.json';
import type popup from '@/assets/locales/en/popup.json';
import type prompt from '@/assets/locales/en/prompt.json';
import type review from '@/assets/locales/en/review.json';
import type sites from '@/assets/locales/en/sites.json';
import type store from '@/assets/locales/en/store.json';
import type week from '@/assets/locales/en/week.json';
import type welcome from '@/assets/locales/en/welcome.json';

type English = typeof locale &
  typeof store &
  typeof common &
  typeof prompt &
  typeof popup &
  typeof week &
  typeof outcomes &
  typeof data &
  typeof sites &
  typeof welcome &
  typeof review &
  typeof errors;
type AnyKey = keyof English & string;

/** CLDR's plural categories (`Intl.PluralRules`): English has two, Russian four, Arabic six. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** A message with plural forms is written as `<base>_one`, `<base>_other`, … ; its base is a PluralKey. */
export type PluralKey = AnyKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;
/** Every other message. */
export type MessageKey = Exclude<AnyKey, `${string}_${PluralCategory}`>;
