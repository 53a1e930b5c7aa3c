/**
 * The UI's words stay whole (README "Languages"). Every locale is written as English is, one file per
 * surface (assets/locales/<locale>/<surface>.json, merged by the build into the browser's
 * `_locales/<locale>/messages.json`): exactly English's keys — a message with plural forms in exactly the
 * CLDR categories its language has (`Intl.PluralRules`: Japanese one, Russian four, Arabic six) — the same
 * placeholders, no empty message; every key the code names exists and every key is used; the manifest's
 * name and description come from them, within the stores' 132 characters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UserManifest } from 'wxt';
import { describe, expect, it } from 'vitest';
import { localeFiles, localeMessages, localeNames, surfaces, type MessageEntry, type Messages } from '../../utils/i18n/files';
import { QUESTIONS } from '../../components/prompt/questions';
import config from '../../wxt.config';
import { CODE, repoFiles, ROOT } from './repo-files';

/** The UI locales the product ships (issue 17): the browser picks the one closest to its language. */
const LOCALES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'pt_BR', 'ru', 'tr', 'zh_CN'];
const CATEGORY = /_(zero|one|two|few|many|other)$/;

/** `$NAME$` placeholders and `$1`-style substitutions a message uses, sorted and unique. */
const holes = (text: string) => [...new Set([...text.matchAll(/\$(\d|[A-Za-z_]+\$)/g)].map((m) => m[0].toUpperCase()))].sort();
const definitions = (entry: MessageEntry | undefined) =>
  Object.fromEntries(Object.entries(entry?.placeholders ?? {}).map(([name, p]) => [name.toUpperCase(), p.content]));
const categories = (locale: string) => new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories;
/** English's keys with a plural family given as its base (`weekLogged`), the rest as they are. */
const bases = (messages: Messages) => [...new Set(Object.keys(messages).map((key) => key.replace(CATEGORY, '')))];
const isFamily = (messages: Messages, base: string) => `${base}_other` in messages;

describe('locales', () => {
  const en = localeMessages('en');

  it('ships the twelve UI locales, and no other, each with the surfaces of English', () => {
    expect(localeNames()).toEqual(LOCALES);
    const files = [...surfaces('en').keys()];
    for (const locale of LOCALES) expect([...surfaces(locale).keys()], locale).toEqual(files);
  });

  it('English describes every message for its translators, and keys are camelCase (plural forms _<category>)', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(entry.description, key).toMatch(/\S/);
      expect(key).toMatch(/^[a-z][A-Za-z0-9]*(_(zero|one|two|few|many|other))?$/);
    }
    for (const base of bases(en))
      if (isFamily(en, base))
        expect(
          Object.keys(en)
            .filter((key) => key.startsWith(`${base}_`))
            .sort(),
        ).toEqual([`${base}_one`, `${base}_other`]);
  });

  it.each(LOCALES)('%s: exactly the keys of English, plural forms by its own rules, the same placeholders, nothing empty', (locale) => {
    const messages = localeMessages(locale);
    const expected = bases(en).flatMap((base) =>
      isFamily(en, base) ? categories(locale).map((category) => `${base}_${category}`) : [base],
    );
    expect(Object.keys(messages).sort()).toEqual(expected.sort());
    for (const [key, entry] of Object.entries(messages)) {
      const english = en[key] ?? en[key.replace(CATEGORY, '_other')];
      expect(entry.message.trim(), `${locale} ${key}`).not.toBe('');
      // Placeholders are the code's contract: the same names, filled from the same substitutions.
      expect(definitions(entry), `${locale} ${key}`).toEqual(definitions(english));
      const defined = Object.keys(definitions(entry)).map((name) => `$${name}$`);
      expect(
        holes(entry.message).filter((hole) => !defined.includes(hole)),
        `${locale} ${key} uses an undefined placeholder`,
      ).toEqual([]);
      // A question may say the count either way (its description says so); an `_other` form and every other
      // message says what English says. (Arabic's zero, one and two may leave the number out, as the language does.)
      if (!key.startsWith('question') && !/_(zero|one|two|few|many)$/.test(key)) {
        expect(holes(entry.message), `${locale} ${key}`).toEqual(holes(english!.message));
      }
    }
    expect(messages.locale!.message).toBe(locale);
    expect(messages.dir!.message).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    // The stores cut a longer short description.
    expect([...messages.extDescription!.message].length).toBeLessThanOrEqual(132);
  });

  it('the build writes each locale whole, in the browser format', () => {
    const files = localeFiles();
    expect(files.map((file) => file.relativeDest)).toEqual(LOCALES.map((locale) => `_locales/${locale}/messages.json`));
    for (const file of files) {
      const parsed = JSON.parse(file.contents) as Messages;
      for (const entry of Object.values(parsed)) expect(typeof entry.message).toBe('string');
    }
  });

  it('every key the code names exists in English, and every English message is used', () => {
    const sources = repoFiles()
      .filter((file) => CODE.test(file) && /^(components|entrypoints|utils)\//.test(file))
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    const named = new Set([...sources.matchAll(/\b(?:t|plural)\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!));
    for (const key of named) expect(bases(en), `t('${key}') in the code`).toContain(key);
    // Questions are named by series (components/prompt/questions.ts): the bank lists exactly English's.
    const questions = Object.values(QUESTIONS).flatMap((bank) => [...bank.others, ...bank.own]);
    expect(questions.sort()).toEqual(
      Object.keys(en)
        .filter((key) => key.startsWith('question'))
        .sort(),
    );
    // The manifest names its keys as __MSG_<key>__ (wxt.config.ts).
    const manifest = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const unused = bases(en).filter(
      (key) => !key.startsWith('question') && !sources.includes(`'${key}'`) && !manifest.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });

  it.each(['chrome', 'firefox'])('%s: the manifest takes its name and description from them, English by default', (browser) => {
    const { manifest } = config;
    if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest should be a function of the target browser');
    const built = manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' }) as UserManifest;
    expect(built).toMatchObject({ name: '__MSG_extName__', description: '__MSG_extDescription__', default_locale: 'en' });
  });
});
