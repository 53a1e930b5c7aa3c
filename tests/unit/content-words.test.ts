/**
 * A content script's words come from the background with its settings (utils/i18n/content-words.ts), not
 * from `browser.i18n.getMessage` in the page, whose first call makes the renderer load the whole message
 * bundle (issue 14). Here: in every shipped language the words handed over say exactly what `getMessage`
 * says — every plural form, substitutions in their places, `$` kept —, a chip is named without one
 * `getMessage` call, the handed plural table picks Intl's category for every count without one
 * `Intl.PluralRules`, and every key the content script's world names is among the words handed over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { chipName } from '../../components/prompt/questions';
import { CONTENT_SURFACES, readContentWords } from '../../utils/i18n/content-words';
import { localeMessages, localeNames } from '../../utils/i18n/files';
import { pluralCategory, t, useContentWords, WORDS_SLOT, type MessageKey } from '../../utils/i18n/t';
import { METRICS } from '../../utils/sites/types';
import { getMessage, useLocale } from './i18n-fake';

const ROOT = join(__dirname, '..', '..');
const forget = () => delete (globalThis as Record<string, unknown>)[WORDS_SLOT];

afterEach(() => {
  forget();
  useLocale('en', 'en-GB');
  vi.restoreAllMocks();
});

/** Every chip name and label a page can show, for a spread of counts. */
function chipWords(): string[] {
  const names = METRICS.flatMap((metric) =>
    [0, 1, 2, 3, 5, 11, 21, 100, 1234].flatMap((value) =>
      [false, true].flatMap((own) => [
        chipName({ metric, value, own }, false, String(value)),
        chipName({ metric, value, own }, false, null),
        chipName({ metric, value, own }, true, null),
      ]),
    ),
  );
  return [...names, t('chipLabel'), t('chipLabelHidden'), t('extName')];
}

describe('the words a content script is handed', () => {
  it.each(localeNames())('%s: say what getMessage says, and naming a chip asks getMessage nothing', (locale) => {
    useLocale(locale);
    const expected = chipWords();
    useContentWords(readContentWords());
    const asked = vi.spyOn(browser.i18n, 'getMessage');
    expect(chipWords()).toEqual(expected);
    expect(asked).not.toHaveBeenCalled();
  });

  it('fill substitutions in their places, several and repeated, and keep a "$" of the text and of a value', () => {
    useContentWords({ two: '\uE001 then \uE000, \uE001 again; 5 $', one: 'just \uE000' });
    expect(t('two' as MessageKey, ['a $1', 'b'])).toBe('b then a $1, b again; 5 $');
    expect(t('one' as MessageKey, 'x')).toBe('just x');
    // A key not handed over is still asked of the browser.
    expect(t('chipLabel')).toBe('What for?');
  });

  it('mark substitutions with characters no message of any locale contains', () => {
    for (const locale of localeNames())
      for (const [key, entry] of Object.entries(localeMessages(locale)))
        expect(/[\uE000-\uE008]/.test(entry.message), `${locale} ${key}`).toBe(false);
  });

  it('keep the first table handed over, and ignore what is not a table of strings', () => {
    useContentWords(null);
    useContentWords({ chipLabel: 42 });
    expect(t('chipLabel')).toBe('What for?');
    forget();
    useContentWords({ chipLabel: 'Wozu?' });
    useContentWords({ chipLabel: 'Pourquoi ?' });
    expect(t('chipLabel')).toBe('Wozu?');
  });

  it('hold every key the content script’s world names (the chip, its name, the frame’s title, the metrics’ words)', () => {
    const files = ['components/prompt/chip.ts', 'components/prompt/questions.ts', 'components/prompt/frame.ts', 'utils/i18n/metrics.ts'];
    const source = files.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
    const named = [...source.matchAll(/\b(?:t|plural)\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!);
    named.push(...[...source.matchAll(/: '((?:amount|metric)[A-Z][A-Za-z]+)'/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(10);
    const handed = Object.keys(readContentWords()).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''));
    for (const key of named) expect(handed, `${key} is named in the content script's world`).toContain(key);
    // The question bank is the dialog's (an extension page), but its words are in the prompt surface too.
    expect(Object.keys(CONTENT_SURFACES)).toEqual(['locale', 'store', 'common', 'prompt']);
  });

  it.each(localeNames())('%s: the handed plural table gives Intl.PluralRules’ category for every count', (folder) => {
    useLocale(folder);
    const intl = new Intl.PluralRules(folder.replace('_', '-'));
    const counts = [
      ...Array.from({ length: 20_001 }, (_, n) => n),
      ...[1e5, 1e6, 1e7, 1e8, 1e9, 1e12].flatMap((power) => [power - 1, power, power + 1, power + 2, power + 11, 2 * power, 3 * power + 5]),
      2_500_000,
      21_000_000,
      101_000_000,
      Number.MAX_SAFE_INTEGER,
    ];
    useContentWords(readContentWords());
    const asked = vi.spyOn(Intl, 'PluralRules');
    const wrong = counts.filter((n) => pluralCategory(n) !== intl.select(n));
    expect(wrong.slice(0, 5).map((n) => `${n}: ${pluralCategory(n)}, Intl ${intl.select(n)}`)).toEqual([]);
    expect(asked).not.toHaveBeenCalled();
    // A fraction or a negative number is Intl's (no count is either).
    for (const n of [1.5, -1, -21]) expect(pluralCategory(n), String(n)).toBe(intl.select(n));
  });

  it('in Russian and Arabic, every plural form the language has', () => {
    useLocale('ru', 'ru-RU');
    expect(
      Object.keys(readContentWords())
        .filter((key) => key.startsWith('amountFollowers_'))
        .sort(),
    ).toEqual(['few', 'many', 'one', 'other'].map((category) => `amountFollowers_${category}`));
    useLocale('ar', 'ar-EG');
    expect(Object.keys(readContentWords()).filter((key) => key.startsWith('amountFollowers_')).length).toBe(6);
    expect(readContentWords().amountFollowers_other).toBe(getMessage('amountFollowers_other', ['\uE000']));
  });
});
