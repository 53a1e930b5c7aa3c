/**
 * The UI's words in the browser's language: `browser.i18n` reads the `_locales` the build writes
 * (./files.ts), so no string enters a bundle and the browser picks the locale (README "Languages"). A content
 * script says the words the background hands it with its settings (./content-words.ts, `useContentWords`).
 *
 * Plural forms by CLDR (`Intl.PluralRules`, or in a content script the table the background hands over) of
 * the locale the messages come from, which is not always the browser's: a Polish browser reads English
 * messages and so English plurals. Numbers and dates by `Intl` in the browser's language.
 */
import { browser } from 'wxt/browser';
import type { MessageKey, PluralCategory, PluralKey } from './keys';

export type { MessageKey, PluralKey } from './keys';

/** Substitutions for a message's placeholders, in their order (`$1`, `$2`, … in the message's `placeholders`). */
export type Substitutions = string | readonly string[];

/**
 * The browser's `getMessage` ('' for a key it does not have). WXT types it by the `_locales` it finds in the
 * public folder; ours are written by the build (./files.ts).
 */
export const getMessage = (key: string, substitutions?: string | string[]): string =>
  (browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string)(key, substitutions);

/**
 * Where a substitution goes in the words a content script is handed (./content-words.ts): the i-th marker
 * stands for `$<i+1>`. Private-use characters, which no message contains; written out, not computed, so a
 * content script (which never reads them) does not build them at its start.
 */
export const CONTENT_WORD_MARKERS: readonly string[] = [
  '\ue000',
  '\ue001',
  '\ue002',
  '\ue003',
  '\ue004',
  '\ue005',
  '\ue006',
  '\ue007',
  '\ue008',
];
const MARKER = /[\ue000-\ue008]/g;

/** Messages by key, substitutions as `CONTENT_WORD_MARKERS`. */
export type ContentWords = Readonly<Record<string, string>>;

/**
 * The content script's world keeps the words it was handed here: an isolated-world global (the frame code,
 * a bundle of its own injected later, reads the same), which page scripts cannot see.
 */
export const WORDS_SLOT = '__runningForWords';

/**
 * A content script's words, from the background (./content-words.ts): `t` and `plural` read them instead of
 * `browser.i18n.getMessage`, whose first call in a page costs the renderer the whole message bundle. The
 * first table handed over stays; a key not in it, or not a string in it, is still asked of the browser.
 */
export function useContentWords(words: unknown): void {
  (globalThis as Record<string, unknown>)[WORDS_SLOT] ??= words;
}

/** A word the content script was handed (`useContentWords`), if it was. */
const handed = (key: string): string | undefined => {
  const word = (globalThis as unknown as Record<string, ContentWords | undefined>)[WORDS_SLOT]?.[key];
  return typeof word === 'string' ? word : undefined;
};

function message(key: string, substitutions?: Substitutions): string {
  const list = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : [...substitutions];
  const word = handed(key);
  return word === undefined ? getMessage(key, list) : word.replace(MARKER, (marker) => list[marker.charCodeAt(0) - 0xe000] ?? '');
}

/** The message `key`; a missing one reads as its key, never as an empty control. */
export function t(key: MessageKey, substitutions?: Substitutions): string {
  return message(key, substitutions) || key;
}

/** The locale the messages come from (`pt-BR`, `zh-CN`): the folder the browser picked. */
export function messagesLocale(): string {
  return (message('locale') || 'en').replace('_', '-');
}

/** The writing direction of the messages' language: the dir attribute of every extension page. */
export function textDirection(): 'ltr' | 'rtl' {
  return message('dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** The browser's language, for numbers, dates and weeks (`Intl`). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/**
 * Where the handed words keep the messages' language's plural categories (./content-words.ts
 * `pluralTable`): of the counts 0–199 and of a million, comma-separated.
 */
export const PLURAL_TABLE = '@plural';

let rules: { locale: string; rules: Intl.PluralRules } | undefined;

/**
 * The plural category of `count` in the messages' language. A content script reads it from the table it was
 * handed — its first `Intl.PluralRules` would load ICU's plural data, 2–3 ms of a page load: in the
 * languages the messages come in, a count of 100 or more is in the category of 100 + its last two digits,
 * or of a million when it is an exact million (tests/unit/content-words.test.ts holds every locale to Intl).
 */
export function pluralCategory(count: number): PluralCategory {
  const table = handed(PLURAL_TABLE);
  if (table !== undefined && Number.isSafeInteger(count) && count >= 0)
    return table.split(',')[count < 100 ? count : count % 1e6 ? 100 + (count % 100) : 200] as PluralCategory;
  const locale = messagesLocale();
  if (rules?.locale !== locale) rules = { locale, rules: new Intl.PluralRules(locale) };
  return rules.rules.select(count) as PluralCategory;
}

/**
 * The plural form of `key` for `count`: `<key>_<category>` by the messages' locale's rules, its `_other`
 * when a locale writes no separate form for a category.
 */
export function plural(key: PluralKey, count: number, substitutions?: Substitutions): string {
  return message(`${key}_${pluralCategory(count)}`, substitutions) || message(`${key}_other`, substitutions) || key;
}

/**
 * "a, b and c" (or "a, b or c") in the messages' language: the joining words belong to the sentence around
 * them, so a browser in a language the extension does not ship (Polish, reading English) gets "a, b and c".
 */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(messagesLocale(), { type }).format(items);
}

let numbers: { language: string; format: Intl.NumberFormat } | undefined;

/** A number as the browser's language writes it ("12,345", "12 345", "١٢٬٣٤٥"). */
export function formatNumber(value: number): string {
  const language = uiLanguage();
  if (numbers?.language !== language) numbers = { language, format: new Intl.NumberFormat(language) };
  return numbers.format.format(value);
}

/** An extension page in the messages' language: `lang` and `dir` on its root (an Arabic UI lays out right to left). */
export function localizeDocument(doc: Document = document): void {
  doc.documentElement.lang = messagesLocale();
  doc.documentElement.dir = textDirection();
}
