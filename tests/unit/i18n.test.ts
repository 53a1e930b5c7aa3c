/**
 * The UI's words in other languages, through the same `browser.i18n` the extension reads (the real locale
 * files, tests/unit/i18n-fake.ts): plural forms by each language's CLDR rules, the writing direction, the
 * locale the messages come from, and the surfaces built from many messages — the prompt's questions and the
 * weekly report — whole in the language, with no English left in them.
 */
import { describe, expect, it } from 'vitest';
import { chipName, chooseQuestion, ownHeading } from '../../components/prompt/questions';
import { localeMessages } from '../../utils/i18n/files';
import { amount } from '../../utils/i18n/metrics';
import { formatNumber, messagesLocale, plural, t, textDirection } from '../../utils/i18n/t';
import type { WeekSummary } from '../../utils/week/summary';
import { reminderLine, verdict, weekMarkdown } from '../../utils/week/report';
import { useLocale } from './i18n-fake';

/** English fragments (two words or more between placeholders) of messages `locale` words differently. */
function englishIn(text: string, locale: string): string[] {
  const en = localeMessages('en');
  const local = localeMessages(locale);
  const found = new Set<string>();
  for (const [key, { message }] of Object.entries(en)) {
    const translated = local[key]?.message ?? local[key.replace(/_(zero|one|two|few|many|other)$/, '_other')]?.message ?? '';
    if (translated === message) continue;
    for (const part of message.split(/\$[A-Za-z0-9_]+\$/)) {
      const fragment = part.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      if (fragment.split(/\s+/).length >= 2 && !translated.includes(fragment) && text.includes(fragment)) found.add(fragment);
    }
  }
  return [...found];
}

const SUMMARY = {
  feelingBig: {
    audience: [{ siteId: 'x', metric: 'followers', from: 1200, to: 1245, change: 45, approximate: false, fromFirstInWeek: false }],
    other: [],
    audienceChange: 45,
    audienceApproximate: false,
    activeMs: 100 * 60_000,
    metricsSeen: 22,
    promptsShown: 9,
    sites: [{ siteId: 'x', activeMs: 90 * 60_000, outcomes: 0 }],
  },
  beingBig: {
    outcomes: [{ id: 'o1', at: '2026-11-24T10:00:00.000Z', title: 'Intro call', kind: 'client', siteId: 'linkedin', note: null }],
    byKind: { client: 1 },
    bySite: { linkedin: 1 },
    answers: { outcome: 1, 'nothing-yet': 3, dismissed: 4 },
    aims: [{ id: 'a1', createdAt: '2026-11-01T10:00:00.000Z', purpose: 'Studio', aim: 'Three clients by March' }],
  },
} as unknown as WeekSummary;
const NAMES = {
  site: (id: string) => ({ x: 'X', linkedin: 'LinkedIn' })[id] ?? id,
  kind: (kind: string) => t(`kind${kind[0]!.toUpperCase()}${kind.slice(1)}` as 'kindClient'),
};

describe('plural forms by the language', () => {
  it('Russian has one, few, many: 1 подписчик, 3 подписчика, 5 and 11 подписчиков, 21 подписчик', () => {
    useLocale('ru', 'ru-RU');
    expect([1, 3, 5, 11, 21, 1.5].map((n) => amount('followers', n, String(n)))).toEqual([
      '1 подписчик',
      '3 подписчика',
      '5 подписчиков',
      '11 подписчиков',
      '21 подписчик',
      '1.5 подписчика',
    ]);
  });

  it('Arabic has six forms, and its one and two say the number in words', () => {
    useLocale('ar', 'ar-EG');
    const forms = [0, 1, 2, 3, 11, 100].map((n) => amount('followers', n, String(n)));
    expect(new Set(forms).size).toBe(6);
    expect(forms[1]).not.toMatch(/\d/);
    expect(forms[3]).toContain('3');
  });

  it('Japanese has one form; French says "de" for exact millions', () => {
    useLocale('ja', 'ja-JP');
    expect(amount('followers', 1, '1')).toBe(amount('followers', 5, '1').replace('1', '1'));
    useLocale('fr', 'fr-FR');
    expect(amount('followers', 1_000_000, '1 000 000')).toMatch(/d’abonnés|d'abonnés/);
    expect(amount('followers', 2, '2')).not.toMatch(/d’|d'/);
  });

  it('a missing category falls back to _other; a browser in a language not shipped reads English plurals', () => {
    // Polish has "few"; the browser gives English messages, whose rules have none.
    useLocale('en', 'pl-PL');
    expect(messagesLocale()).toBe('en');
    expect(plural('outcomeCount', 3, '3')).toBe('3 outcomes');
  });
});

describe('the locale and its direction', () => {
  it.each([
    ['ar', 'ar', 'rtl'],
    ['pt_BR', 'pt-BR', 'ltr'],
    ['zh_CN', 'zh-CN', 'ltr'],
    ['en', 'en', 'ltr'],
  ])('%s: messages in %s, written %s', (locale, tag, dir) => {
    useLocale(locale);
    expect(messagesLocale()).toBe(tag);
    expect(textDirection()).toBe(dir);
  });

  it("numbers in the browser's language", () => {
    useLocale('de', 'de-DE');
    expect(formatNumber(12345)).toBe('12.345');
    useLocale('ar', 'ar-EG');
    expect(formatNumber(12)).toBe('١٢');
  });
});

it('the English check finds English (a control)', () => {
  useLocale('en');
  const english = weekMarkdown(SUMMARY, NAMES, 'Week');
  expect(englishIn(english, 'fr').length).toBeGreaterThan(5);
});

describe.each(['fr', 'de', 'ja', 'ru', 'ar', 'es', 'pt_BR', 'it', 'ko', 'zh_CN', 'tr'])('%s: whole surfaces', (locale) => {
  it('the prompt: every question, the own heading and the chip names, with no English', () => {
    useLocale(locale);
    const texts: string[] = [];
    for (const metric of ['followers', 'following', 'connections', 'subscribers', 'karma', 'stars'] as const) {
      for (const own of [false, true]) {
        const count = { site: 'x', metric, value: 1234, approximate: false, own };
        for (let day = 1; day <= 14; day++) texts.push(chooseQuestion(count, new Date(2026, 10, day), 'en'));
        texts.push(ownHeading(count, 'en'), chipName(count, false, '1,234'), chipName(count, true, null), chipName(count, false, null));
      }
    }
    for (const text of texts) expect(text).not.toMatch(/\$|^[a-z]+[A-Z]\w+$/);
    expect(englishIn(texts.join('\n'), locale)).toEqual([]);
  });

  it('the weekly report, the verdict and the reminder: no English, no placeholder left', () => {
    useLocale(locale);
    const markdown = weekMarkdown(SUMMARY, NAMES, 'Week');
    const words = verdict(SUMMARY, NAMES);
    const all = [markdown, words.answer, words.suggestion, reminderLine(SUMMARY)].join('\n');
    expect(all).not.toMatch(/\$[A-Z0-9]/);
    expect(all).toContain('Three clients by March');
    expect(englishIn(all, locale)).toEqual([]);
  });
});
