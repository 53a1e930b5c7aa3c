import { describe, expect, it } from 'vitest';
import { METRIC_WORDS, metricOfLabel, parseCountPhrase } from '../../utils/metric-words';
import { METRICS } from '../../utils/sites/types';

describe('metric words', () => {
  it('cover at least 20 languages, each with followers, following and subscribers', () => {
    const langs = Object.keys(METRIC_WORDS);
    expect(langs.length).toBeGreaterThanOrEqual(20);
    for (const lang of langs) {
      const table = METRIC_WORDS[lang] ?? {};
      for (const metric of ['followers', 'following', 'subscribers'] as const) expect(table[metric]?.length, `${lang} ${metric}`).toBeGreaterThan(0);
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
    for (const label of ['Likes', 'Views', 'Posts', 'videos', 'Forks', 'members', 'Beiträge']) expect(metricOfLabel(label, 'en')).toBeUndefined();
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
