/**
 * `browser.i18n` for unit tests, as Chrome implements it over the locale files (utils/i18n/files.ts):
 * named placeholders replaced by their content, `$1`…`$9` by the substitutions, `$$` by `$`, a key the
 * locale lacks taken from English (the default locale), an unknown key ''. A message that asks for a
 * substitution it is not given is an error here, so a call site that forgets one fails its test.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeMessages, type Messages } from '../../utils/i18n/files';

const loaded = new Map<string, Messages>();
const messagesOf = (locale: string) => {
  let messages = loaded.get(locale);
  if (!messages)
    loaded.set(locale, (messages = Object.fromEntries(Object.entries(localeMessages(locale)).map(([k, v]) => [k.toLowerCase(), v]))));
  return messages;
};

let current = 'en';
let uiLanguage = 'en-GB';

/** Reads the UI in `locale` (a folder name: `fr`, `pt_BR`) until the next call; `uiLanguage` is the browser's own. */
export function useLocale(locale: string, language = locale.replace('_', '-')): void {
  current = locale;
  uiLanguage = language;
}

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messagesOf(current)[key.toLowerCase()] ?? messagesOf('en')[key.toLowerCase()];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const positional = (text: string) =>
    text.replace(/\$(\d)/g, (_, digit: string) => {
      const value = subs[Number(digit) - 1];
      if (value === undefined) throw new Error(`i18n: "${key}" needs substitution $${digit}, given ${subs.length}.`);
      return value;
    });
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$|\$\$|\$(\d)/g, (whole, name: string | undefined, digit: string | undefined) => {
      if (whole === '$$') return '\u0000';
      if (digit !== undefined) return positional(whole);
      const content = named.get(name!.toLowerCase());
      if (content === undefined) throw new Error(`i18n: "${key}" names an unknown placeholder ${whole}.`);
      return positional(content);
    })
    .replaceAll('\u0000', '$');
}

/** Installs the fake on WXT's fake browser (its own i18n is not implemented). */
export function installI18n(): void {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
}
