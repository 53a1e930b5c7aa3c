/**
 * The locale files (assets/public/_locales/<locale>/messages.json, the browser's own i18n format) stay
 * whole: every locale has exactly the keys of English, the same placeholders, and no empty message; the
 * manifest's name and description come from them; the store's 132-character limit on the description holds
 * in every language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserManifest } from 'wxt';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const DIR = new URL('../../assets/public/_locales/', import.meta.url).pathname;
/** The UI locales the product ships (issue 17): the browser picks the one closest to its language. */
const LOCALES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'pt_BR', 'ru', 'tr', 'zh_CN'];

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
const read = (locale: string) => JSON.parse(readFileSync(join(DIR, locale, 'messages.json'), 'utf8')) as Record<string, Message>;
/** `$1`-style substitutions and `$NAME$` placeholders a message uses, sorted. */
const holes = (text: string) => [...text.matchAll(/\$(\d|[A-Za-z_]+\$)/g)].map((m) => m[0]).sort();

describe('locales', () => {
  const en = read('en');

  it('ships the twelve UI locales, and no other', () => {
    expect(readdirSync(DIR).sort()).toEqual(LOCALES);
  });

  it('English describes every message for its translators', () => {
    for (const [key, entry] of Object.entries(en)) expect(entry.description, key).toMatch(/\S/);
  });

  it.each(LOCALES)('%s: exactly the keys of English, the same placeholders, nothing empty', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.message.trim(), `${locale} ${key}`).not.toBe('');
      expect(holes(entry.message), `${locale} ${key}`).toEqual(holes(en[key]!.message));
      expect(Object.keys(entry.placeholders ?? {}).sort(), `${locale} ${key}`).toEqual(Object.keys(en[key]!.placeholders ?? {}).sort());
    }
    // The stores cut a longer short description.
    expect([...messages.extDescription!.message].length).toBeLessThanOrEqual(132);
  });

  it.each(['chrome', 'firefox'])('%s: the manifest takes its name and description from them, English by default', (browser) => {
    const { manifest } = config;
    if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest should be a function of the target browser');
    const built = manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' }) as UserManifest;
    expect(built).toMatchObject({ name: '__MSG_extName__', description: '__MSG_extDescription__', default_locale: 'en' });
  });
});
