import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { countAsShown, metricOfLabel, metricWords, parseCountPhrase } from '../../utils/detection/metric-words';
import { METRICS } from '../../utils/sites/types';
import { parseWith, realCases } from './fixture-dom';

describe('metric words', () => {
  it('cover at least 20 languages, each with followers, following and subscribers', () => {
    const METRIC_WORDS = metricWords();
    const langs = Object.keys(METRIC_WORDS);
    expect(langs.length).toBeGreaterThanOrEqual(20);
    for (const lang of langs) {
      const table = METRIC_WORDS[lang] ?? {};
      for (const metric of ['followers', 'following', 'subscribers'] as const)
        expect(table[metric]?.length, `${lang} ${metric}`).toBeGreaterThan(0);
      for (const metric of Object.keys(table)) expect(METRICS).toContain(metric);
    }
  });

  it.each([
    ['Followers', 'en', 'followers'],
    ['Following', 'en', 'following'],
    ['Folge ich', 'de', 'following'],
    ['abonnements', 'fr', 'following'],
    ['Abonnenten', 'de', 'subscribers'],
    ['フォロワー', 'ja', 'followers'],
    ['팔로잉', 'ko', 'following'],
    ['Post karma', 'en', 'karma'],
    ['connections', undefined, 'connections'],
  ])('names the metric of label %j (%s)', (label, lang, metric) => {
    expect(metricOfLabel(label, lang)).toBe(metric);
  });

  it('does not name metrics the product ignores', () => {
    for (const label of ['Likes', 'Views', 'Posts', 'videos', 'Forks', 'members', 'Beiträge'])
      expect(metricOfLabel(label, 'en')).toBeUndefined();
  });
});

describe('parseCountPhrase', () => {
  it.each([
    ['12.3K followers', 'en', 'followers', 12300, true],
    ['500+ connections', 'en', 'connections', 500, true],
    ['Followers 312', 'en', 'followers', 312, false],
    ['Followers: 312', 'en', 'followers', 312, false],
    ['1 follower', 'en', 'followers', 1, false],
    ['10.842 seguidores', 'pt', 'followers', 10842, false],
    ['1,2 Mio. Abonnenten', 'de', 'subscribers', 1200000, true],
    ['12,3 тыс. подписчиков', 'ru', 'followers', 12300, true],
    ['12,3 k abonnés', 'fr', 'followers', 12300, true],
    ['チャンネル登録者数 123万人', 'ja', 'subscribers', 1230000, true],
    ['フォロワー1.2万人', 'ja', 'followers', 12000, true],
    ['팔로워 1.2만명', 'ko', 'followers', 12000, true],
    ['1.2万 粉丝', 'zh-CN', 'followers', 12000, true],
    ['١٢٫٣ ألف متابع', 'ar', 'followers', 12300, true],
    ['12,3 B takipçi', 'tr', 'followers', 12300, true],
    ['1,2 jt pengikut', 'id', 'followers', 1200000, true],
    ['12 N người theo dõi', 'vi', 'followers', 12000, true],
    ['12,345 karma', 'en', 'karma', 12345, false],
    ['97k stars', 'en', 'stars', 97000, true],
    ['87 friends', undefined, 'friends', 87, false],
    ['১২.৩ হাজার ফলোয়ার', 'bn', 'followers', 12300, true],
    ['wafuasi elfu 12', 'sw', 'followers', 12000, true],
    ['1.2 लाख फ़ॉलोअर्स', 'hi', 'followers', 120000, true],
  ])('reads %j (%s)', (text, lang, metric, value, approximate) => {
    expect(parseCountPhrase(text, lang)).toMatchObject({ metric, count: { value, approximate } });
  });

  it('keeps the numeral as shown, so unit case is not lost', () => {
    expect(parseCountPhrase('1,2 M pengikut', 'id')).toMatchObject({ numberText: '1,2 M', count: { value: 1_200_000_000 } });
  });

  it.each([
    'I just hit 10K followers!',
    'Thanks to my 12,000 followers',
    '10K followers in a year',
    '12.3K superfollowers',
    'followers',
    '12.3K',
    '12 followers 4 following',
    '$5 subscribers',
    'v1.2.3 followers',
    '12:30 followers',
    '0x10 followers',
    '1e3 followers',
    '12.3K likes',
    '120K views',
  ])('rejects %j', (text) => {
    expect(parseCountPhrase(text, 'en')).toBeNull();
  });
});

describe('parseCountPhrase with a preposition between number and label', () => {
  it.each([
    ['1,23 M d’abonnés', 'fr', 1230000],
    ["1,2 k d'abonnés", 'fr', 1200],
    ['1,23 M de suscriptores', 'es', 1230000],
    ['1,2 mi de inscritos', 'pt-BR', 1200000],
    ['1,23 Mln di iscritti', 'it', 1230000],
  ])('reads %j (%s)', (text, lang, value) => {
    expect(parseCountPhrase(text, lang)?.count.value).toBe(value);
  });

  it('names Danish and Norwegian following and followers apart', () => {
    expect(metricOfLabel('Følger', 'da')).toBe('following');
    expect(metricOfLabel('følgere', 'da')).toBe('followers');
    expect(metricOfLabel('Følger', 'nb')).toBe('following');
  });
});

/**
 * "More than N", as each language the parser reads writes it: LinkedIn caps connections at 500 and
 * localizes the cap, other sites write lower bounds the same way. Written by hand per language, not
 * generated from the parser's table, so a missing or misspelled form fails here.
 */
const MORE_THAN_500: Record<string, readonly string[]> = {
  en: ['500+ connections', 'More than 500 connections', 'Over 500 connections'],
  de: ['500+ Kontakte', 'Mehr als 500 Kontakte', 'Über 500 Kontakte'],
  fr: ['+ de 500 relations', 'Plus de 500 relations'],
  es: ['Más de 500 contactos', '+ de 500 contactos'],
  pt: ['Mais de 500 conexões', '+ de 500 conexões'],
  it: ['Oltre 500 collegamenti', 'Più di 500 collegamenti'],
  nl: ['Meer dan 500 connecties', '500+ connecties'],
  sv: ['Över 500 kontakter', 'Mer än 500 kontakter'],
  da: ['Over 500 forbindelser', 'Mere end 500 forbindelser'],
  nb: ['Over 500 forbindelser', 'Mer enn 500 kontakter'],
  fi: ['Yli 500 yhteyttä'],
  pl: ['Ponad 500 kontaktów', 'Więcej niż 500 kontaktów'],
  cs: ['Více než 500 kontaktů', 'Přes 500 kontaktů'],
  ro: ['Peste 500 de conexiuni', 'Mai mult de 500 de conexiuni'],
  hu: ['Több mint 500 kapcsolat', 'Több, mint 500 kapcsolat'],
  ru: ['Более 500 контактов', 'Больше 500 контактов', 'Свыше 500 контактов'],
  uk: ['Понад 500 контактів', 'Більше 500 контактів'],
  tr: ["500'den fazla bağlantı", '500’den fazla bağlantı'],
  el: ['Περισσότερες από 500 συνδέσεις', 'Πάνω από 500 συνδέσεις'],
  ar: ['أكثر من 500 جهة اتصال', 'أكثر من ٥٠٠ اتصال'],
  fa: ['بیش از ۵۰۰ ارتباط', 'بیشتر از 500 ارتباط'],
  he: ['יותר מ-500 קשרים', 'מעל 500 קשרים'],
  hi: ['500 से अधिक कनेक्शन', '500 से ज़्यादा कनेक्शन'],
  bn: ['৫০০-এর বেশি সংযোগ'],
  sw: ['Miunganisho zaidi ya 500'],
  id: ['Lebih dari 500 koneksi'],
  ms: ['Lebih daripada 500 sambungan'],
  vi: ['Hơn 500 kết nối', 'Trên 500 kết nối'],
  th: ['มากกว่า 500 การเชื่อมต่อ'],
  ja: ['500人以上のつながり', 'つながり500以上'],
  zh: ['超过 500 位联系人', '500+ 位联系人', '500多位联系人'],
  ko: ['1촌 500명 이상'],
  fil: ['Mahigit 500 koneksyon', 'Higit sa 500 koneksyon'],
};

describe('"more than N" in every language the parser reads', () => {
  it('has a case for every language with label words', () => {
    expect(Object.keys(MORE_THAN_500).sort()).toEqual(Object.keys(metricWords()).sort());
  });

  it.each(Object.entries(MORE_THAN_500).flatMap(([lang, phrases]) => phrases.map((phrase) => [lang, phrase] as const)))(
    '%s: %s is at least 500 connections',
    (lang, phrase) => {
      const read = parseCountPhrase(phrase, lang);
      expect(read?.metric).toBe('connections');
      expect(read?.count).toEqual({ value: 500, approximate: true, atLeast: true });
    },
  );

  it('is not a lower bound without the words, and not in running text', () => {
    expect(parseCountPhrase('500 connections', 'en')?.count).toEqual({ value: 500, approximate: false });
    expect(parseCountPhrase('more than 500 connections and counting', 'en')).toBeNull();
    expect(parseCountPhrase('Overall 500 connections', 'en')).toBeNull();
  });
});

describe('countAsShown: the number a prompt says, as the page writes it', () => {
  it.each([
    ['12.3K followers', 12_300, 'en', '12.3K'],
    ['1,2 Mio. Abonnenten', 1_200_000, 'de', '1,2 Mio.'],
    ['1,23 M d’abonnés', 1_230_000, 'fr', '1,23 M'],
    ['チャンネル登録者数 1.2万人', 12_000, 'ja', '1.2万'],
    ['12\u00a0345 abonnés', 12_345, 'fr', '12 345'],
    ['Followers 12,345', 12_345, 'en', '12,345'],
    ['١٢٬٣٤٥ متابع', 12_345, 'ar', '12,345'],
    // An exact value from a tooltip beside an abbreviated display: the display is what the page says.
    ['1.2M followers', 1_234_567, 'en', '1.2M'],
    // Lower bounds are said as a "+" in every language.
    ['500+ connections', 500, 'en', '500+'],
    ['Más de 500 contactos', 500, 'es', '500+'],
    ['Über 2.000 Abonnenten', 2_000, 'de', '2.000+'],
    ['4.8K+ subscribers', 4_800, 'en', '4.8K+'],
    // The count among other words: the numeral that stands for it.
    ['Join 9,518 other subscribers', 9_518, 'en', '9,518'],
    ['Top 3 · 1,204 followers', 1_204, 'en', '1,204'],
    ['1204', 1_204, undefined, '1204'],
  ])('%j (%d, %s) → %j', (text, value, lang, shown) => {
    expect(countAsShown({ text, value }, lang)).toBe(shown);
  });

  it.each([
    ['no text', undefined, 12_300],
    ['a label only (the number in an attribute)', 'Followers', 12_300],
    // The text shows another count: never say a number that is not this one.
    ['another exact count', '1,204 followers', 99],
    ['an abbreviation of another count', '12K followers', 99_000],
  ])('is undefined for %s', (_, text, value) => {
    expect(countAsShown({ text, value }, 'en')).toBeUndefined();
  });

  it('reads every count found on a real saved page, so no chip there waits for a number format', () => {
    const unread: string[] = [];
    for (const fixture of realCases()) {
      const doc = parseWith('happy-dom', fixture.html, fixture.url);
      const lang = fixture.lang ?? doc.documentElement.getAttribute('lang') ?? undefined;
      for (const detection of detect(doc, fixture.url, fixture.lang)) {
        const langHere = detection.element.closest('[lang]')?.getAttribute('lang') ?? lang;
        if (countAsShown(detection, langHere) === undefined)
          unread.push(`${fixture.site}/${fixture.file} ${detection.metric} "${detection.text}"`);
      }
    }
    expect(unread).toEqual([]);
  });
});
