/**
 * The words a content script says — the chip's label, its accessible name, the frame's title — read by the
 * background and handed to the content script with its site's settings (`settings/site`), instead of read
 * in the page with `browser.i18n.getMessage`. In a content script the first `getMessage` has the renderer
 * fetch and parse the extension's whole message bundle (every surface's words, in two locales) before it
 * returns: 12–15 ms of every page load that shows a count (issue 14). The background reads each message once,
 * with a marker where each substitution goes (`$1`…`$9`), and `t` fills them in (./t.ts `useContentWords`):
 * the same text `getMessage` would give. With them goes the language's plural table (`pluralTable`), so the
 * content script makes no `Intl.PluralRules` either.
 *
 * Only the background imports this module (it carries English's files for their keys); content scripts
 * import ./t.ts alone.
 */
import common from '@/assets/locales/en/common.json';
import locale from '@/assets/locales/en/locale.json';
import prompt from '@/assets/locales/en/prompt.json';
import store from '@/assets/locales/en/store.json';
import { CONTENT_WORD_MARKERS, getMessage, messagesLocale, PLURAL_TABLE, type ContentWords } from './t';

/** The surfaces whose words a content script's world uses (tests/unit/content-words.test.ts holds the code to them). */
export const CONTENT_SURFACES = { locale, store, common, prompt } as const;

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * The content surfaces' messages in the locale the browser picked, substitutions as markers. A plural
 * message is read in every form the messages' language has (`Intl.PluralRules` of the `locale` message),
 * which may be more than English's two.
 */
export function readContentWords(): ContentWords {
  const markers = [...CONTENT_WORD_MARKERS];
  const words: Record<string, string> = {};
  const read = (key: string) => {
    const text = getMessage(key, markers);
    if (text) words[key] = text;
  };
  read('locale');
  const locale = messagesLocale();
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  words[PLURAL_TABLE] = pluralTable(locale);
  const bases = new Set<string>();
  for (const surface of Object.values(CONTENT_SURFACES))
    for (const key of Object.keys(surface)) {
      const base = key.replace(PLURAL, '');
      if (base === key) read(key);
      else bases.add(base);
    }
  for (const base of bases) for (const category of new Set([...categories, 'other'])) read(`${base}_${category}`);
  return words;
}

/**
 * `locale`'s plural categories of the counts 0–199 and of a million, comma-separated (./t.ts
 * `pluralCategory` reads it): a content script chooses plural forms without `Intl.PluralRules`.
 */
export function pluralTable(locale: string): string {
  const rules = new Intl.PluralRules(locale);
  return [...Array.from({ length: 200 }, (_, n) => n), 1e6].map((n) => rules.select(n)).join(',');
}

let cached: ContentWords | undefined;

/** `readContentWords`, once per background's life: the browser's language does not change while it runs. */
export function contentWords(): ContentWords {
  return (cached ??= readContentWords());
}
