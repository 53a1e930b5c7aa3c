/**
 * The UI's words, in the browser's own i18n format. Each locale's messages are written in one file per
 * surface (assets/locales/<locale>/<surface>.json: `store`, `prompt`, `popup`, …) so a translator, and a
 * change, sees one screen at a time; the build merges them into the `_locales/<locale>/messages.json` the
 * browser reads (wxt.config.ts). Node only: the build and the tests read the files; the extension reads the
 * merged result through `browser.i18n` (./t.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not `new URL(…, import.meta.url)`: a test environment with a DOM replaces the global URL with its own.
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../assets/locales');

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

/** The locales written, by folder name (`pt_BR`, `zh_CN`: the browser's spelling). */
export function localeNames(): string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The surfaces of a locale, each file's messages. */
export function surfaces(locale: string): Map<string, Messages> {
  const dir = join(LOCALES_DIR, locale);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return new Map(files.map((name) => [name.slice(0, -'.json'.length), JSON.parse(readFileSync(join(dir, name), 'utf8')) as Messages]));
}

/** A locale's messages, merged; a key written in two surfaces is an error, not a silent winner. */
export function localeMessages(locale: string): Messages {
  const merged: Messages = {};
  const from = new Map<string, string>();
  for (const [surface, messages] of surfaces(locale)) {
    for (const [key, entry] of Object.entries(messages)) {
      const earlier = from.get(key.toLowerCase());
      // The browser's keys are case-insensitive.
      if (earlier) throw new Error(`assets/locales/${locale}: the message "${key}" is in both ${earlier}.json and ${surface}.json.`);
      from.set(key.toLowerCase(), surface);
      merged[key] = entry;
    }
  }
  return merged;
}

/** The files the build writes: `_locales/<locale>/messages.json` for every locale. */
export function localeFiles(): { relativeDest: string; contents: string }[] {
  return localeNames().map((locale) => ({
    relativeDest: `_locales/${locale}/messages.json`,
    contents: `${JSON.stringify(localeMessages(locale), null, 1)}\n`,
  }));
}
