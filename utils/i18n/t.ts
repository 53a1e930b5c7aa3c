/**
 * The UI's words in the browser's language: `browser.i18n` reads the `_locales` the build writes
 * (./files.ts), so no string enters a bundle and the browser picks the locale (README "Languages"). A content
 * script says the words the background hands it with its settings (./content-words.ts, `useContentWords`).
 *
 * Plural forms by CLDR's rules (./plural-rules.ts, equal to `Intl.PluralRules`) of the locale the messages
 * come from, which is not always the browser's: a Polish browser reads English messages and so English
 * plurals. Numbers and dates by `Intl` in the browser's language.
 */
import { browser } from 'wxt/browser';
import type { MessageKey, PluralKey } from './keys';
import { pluralCategory } from './plural-rules';

export type { MessageKey, PluralKey } from './keys';

/** Substitutions for a message's placeholders, in their order (`$1`, `$2`, … in the message's `placeholders`). */
export type Substitutions = string | readonly string[];

/** WXT types `getMessage` by the `_locales` it finds in the public folder; ours are written by the build (./files.ts). */
const getMessage = (key: string, substitutions?: string | string[]): string =>
  (browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string)(key, substitutions);

/**
 * Where a substitution goes in the words a content script is handed (./content-words.ts): the i-th marker
 * stands for `$<i+1>`. Private-use characters, which no message contains.
 */
export const CONTENT_WORD_MARKERS: readonly string[] = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe000 + i));
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
 * first table handed over stays; a key not in it is still asked of the browser.
 */
export function useContentWords(words: unknown): void {
  const holder = globalThis as Record<string, unknown>;
  // Configurable only so that unit tests can hand over another language's words; nothing else runs in this world.
  if (holder[WORDS_SLOT] === undefined && typeof words === 'object' && words !== null)
    Object.defineProperty(holder, WORDS_SLOT, { value: Object.freeze({ ...words }), configurable: true });
}

function message(key: string, substitutions?: Substitutions): string {
  const list = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : [...substitutions];
  const handed = (globalThis as unknown as Record<string, ContentWords | undefined>)[WORDS_SLOT]?.[key];
  return typeof handed === 'string' ? handed.replace(MARKER, (marker) => list[marker.charCodeAt(0) - 0xe000] ?? '') : getMessage(key, list);
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
 * The plural form of `key` for `count`: `<key>_<category>` by the messages' locale's rules, its `_other`
 * when a locale writes no separate form for a category.
 */
export function plural(key: PluralKey, count: number, substitutions?: Substitutions): string {
  const category = pluralCategory(messagesLocale(), count);
  return message(`${key}_${category}`, substitutions) || message(`${key}_other`, substitutions) || key;
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
