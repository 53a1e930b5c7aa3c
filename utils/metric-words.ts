/**
 * The words sites put beside a count, per language, so a count can be recognised from its label
 * where no markup hook exists ("12,3 тыс. подписчиков", "フォロワー1.2万人", "500+ connections").
 *
 * Each word maps to the metric it usually names. Some words name different metrics on different
 * sites (French "abonnés" is followers on Instagram and subscribers on YouTube): adapters that know
 * better remap (see `utils/sites/youtube.ts`).
 */
import { normalizeCountText, parseCount, type ParsedCount } from './count';
import { canonicalLang } from './number-locale';
import type { Metric } from './sites/types';

type Table = Partial<Record<Metric, readonly string[]>>;

export const METRIC_WORDS: Readonly<Record<string, Table>> = {
  en: {
    followers: ['followers', 'follower'],
    following: ['following'],
    connections: ['connections', 'connection'],
    friends: ['friends', 'friend', 'mutual friends'],
    subscribers: ['subscribers', 'subscriber', 'subs', 'paid subscribers'],
    karma: ['karma', 'post karma', 'comment karma', 'link karma'],
    stars: ['stars', 'star', 'stargazers', 'users starred this repository', 'user starred this repository'],
  },
  de: {
    followers: ['follower', 'followerinnen', 'follower:innen', 'follower*innen', 'followern'],
    following: ['folge ich', 'gefolgt', 'folgt', 'folgen', 'abonniert'],
    connections: ['kontakte', 'kontakt', 'verbindungen'],
    friends: ['freunde', 'freund', 'freundinnen'],
    subscribers: ['abonnenten', 'abonnent', 'abonnentinnen'],
    karma: ['karma', 'beitragskarma', 'kommentarkarma', 'post-karma', 'kommentar-karma', 'beitrags-karma'],
    stars: ['sterne', 'stern'],
  },
  fr: {
    followers: ['abonnés', 'abonné', 'abonné(e)s', 'abonné·e·s', 'followers', 'follower'],
    following: ['abonnements', 'abonnement', 'suivi(e)s', 'suivis'],
    connections: ['relations', 'relation'],
    friends: ['amis', 'ami', 'ami(e)s'],
    subscribers: ['abonnés', 'abonné', 'abonnées'],
    karma: ['karma'],
    stars: ['étoiles', 'étoile'],
  },
  es: {
    followers: ['seguidores', 'seguidor'],
    following: ['siguiendo', 'seguidos'],
    connections: ['contactos', 'contacto', 'conexiones', 'conexión'],
    friends: ['amigos', 'amigo', 'amigas'],
    subscribers: ['suscriptores', 'suscriptor'],
    karma: ['karma'],
    stars: ['estrellas', 'estrella'],
  },
  pt: {
    followers: ['seguidores', 'seguidor'],
    following: ['seguindo', 'a seguir'],
    connections: ['conexões', 'conexão', 'contactos', 'ligações'],
    friends: ['amigos', 'amigo', 'amigas'],
    subscribers: ['inscritos', 'inscrito', 'subscritores', 'assinantes', 'assinante'],
    karma: ['karma'],
    stars: ['estrelas', 'estrela'],
  },
  it: {
    followers: ['follower', 'seguaci', 'followers'],
    following: ['seguiti', 'segui già', 'profili seguiti'],
    connections: ['collegamenti', 'collegamento'],
    friends: ['amici', 'amico', 'amiche'],
    subscribers: ['iscritti', 'iscritto', 'abbonati'],
    karma: ['karma'],
    stars: ['stelle', 'stella'],
  },
  nl: {
    followers: ['volgers', 'volger'],
    following: ['volgend', 'volgt'],
    connections: ['connecties', 'connectie', 'relaties'],
    friends: ['vrienden', 'vriend'],
    subscribers: ['abonnees', 'abonnee'],
    karma: ['karma'],
    stars: ['sterren', 'ster'],
  },
  sv: {
    followers: ['följare'],
    following: ['följer', 'följda'],
    connections: ['kontakter', 'kontakt'],
    friends: ['vänner', 'vän'],
    subscribers: ['prenumeranter', 'prenumerant'],
    stars: ['stjärnor'],
  },
  da: {
    // "Følger" alone is the following tab (Instagram, TikTok); followers are "følgere".
    followers: ['følgere'],
    following: ['følger', 'fulgte'],
    connections: ['forbindelser', 'kontakter'],
    friends: ['venner', 'ven'],
    subscribers: ['abonnenter', 'abonnent'],
    stars: ['stjerner'],
  },
  nb: {
    followers: ['følgere'],
    following: ['følger', 'fulgte'],
    connections: ['forbindelser', 'kontakter'],
    friends: ['venner', 'venn'],
    subscribers: ['abonnenter', 'abonnent'],
    stars: ['stjerner'],
  },
  fi: {
    followers: ['seuraajaa', 'seuraajat', 'seuraaja'],
    following: ['seurattavat', 'seurattavaa', 'seuraa'],
    connections: ['yhteydet', 'yhteyttä', 'kontaktit'],
    friends: ['kaverit', 'kaveria', 'ystävät', 'ystävää'],
    subscribers: ['tilaajaa', 'tilaajat', 'tilaaja'],
    stars: ['tähteä', 'tähdet'],
  },
  pl: {
    followers: ['obserwujących', 'obserwujący', 'obserwujacych'],
    following: ['obserwowani', 'obserwowanych', 'obserwuje'],
    connections: ['kontakty', 'kontaktów', 'kontakt', 'połączenia'],
    friends: ['znajomych', 'znajomi', 'znajomy'],
    subscribers: ['subskrybentów', 'subskrybenci', 'subskrybent', 'subskrybentow'],
    karma: ['karma', 'karmy'],
    stars: ['gwiazdki', 'gwiazdek'],
  },
  cs: {
    followers: ['sledujících', 'sledující'],
    following: ['sleduje', 'sledovaní'],
    connections: ['kontakty', 'kontaktů', 'spojení'],
    friends: ['přátelé', 'přátel', 'přítel'],
    subscribers: ['odběratelů', 'odběratelé', 'odběratel'],
    stars: ['hvězdičky', 'hvězdiček'],
  },
  ro: {
    followers: ['urmăritori', 'urmăritor', 'de urmăritori'],
    following: ['urmăriri', 'urmărește', 'urmăriți'],
    connections: ['conexiuni', 'conexiune', 'de conexiuni'],
    friends: ['prieteni', 'prieten', 'de prieteni'],
    subscribers: ['abonați', 'abonat', 'de abonați'],
    stars: ['stele'],
  },
  hu: {
    followers: ['követő', 'követők', 'követőt'],
    following: ['követés', 'követett', 'követettek'],
    connections: ['kapcsolat', 'kapcsolatok', 'kapcsolatai'],
    friends: ['ismerős', 'ismerősök', 'barát', 'barátok'],
    subscribers: ['feliratkozó', 'feliratkozók', 'feliratkozott'],
    stars: ['csillag'],
  },
  ru: {
    followers: ['подписчики', 'подписчиков', 'подписчика', 'подписчик', 'читатели', 'читателей'],
    following: ['подписки', 'подписок', 'подписка', 'в подписках'],
    connections: ['контакты', 'контактов', 'контакта', 'контакт'],
    friends: ['друзья', 'друзей', 'друга', 'друг'],
    subscribers: ['подписчиков', 'подписчики', 'подписчика', 'подписчик'],
    karma: ['карма', 'кармы'],
    stars: ['звезд', 'звёзд', 'звезды'],
  },
  uk: {
    followers: ['підписників', 'підписники', 'підписника', 'підписник', 'читачі', 'читачів'],
    following: ['підписки', 'підписок', 'стежить'],
    connections: ['контакти', 'контактів', "зв'язки", 'звʼязки'],
    friends: ['друзі', 'друзів', 'друга', 'друг'],
    subscribers: ['підписників', 'підписники', 'підписника', 'підписник'],
    stars: ['зірок', 'зірки'],
  },
  tr: {
    followers: ['takipçi', 'takipçiler'],
    following: ['takip edilen', 'takip', 'takip ediliyor'],
    connections: ['bağlantı', 'bağlantılar'],
    friends: ['arkadaş', 'arkadaşlar'],
    subscribers: ['abone', 'aboneler'],
    stars: ['yıldız'],
  },
  el: {
    followers: ['ακόλουθοι', 'ακόλουθους', 'ακόλουθος', 'ακολούθους'],
    following: ['ακολουθεί', 'ακολουθείτε', 'ακολουθούνται'],
    connections: ['συνδέσεις', 'σύνδεση'],
    friends: ['φίλοι', 'φίλους', 'φίλος'],
    subscribers: ['συνδρομητές', 'συνδρομητής'],
    stars: ['αστέρια'],
  },
  ar: {
    followers: ['متابِع', 'متابع', 'متابعًا', 'متابعا', 'متابعين', 'متابعون', 'المتابعون', 'المتابعين'],
    following: ['يتابع', 'متابَع', 'المتابَعون', 'يتابعهم', 'متابعة'],
    connections: ['اتصالات', 'اتصال', 'جهات اتصال', 'جهة اتصال', 'علاقات'],
    friends: ['أصدقاء', 'صديق', 'صديقًا', 'الأصدقاء'],
    subscribers: ['مشترك', 'مشتركين', 'مشتركون', 'مشتركًا', 'المشتركين'],
    stars: ['نجوم', 'نجمة'],
  },
  fa: {
    followers: ['دنبال‌کننده', 'دنبال کننده', 'دنبال‌کنندگان'],
    following: ['دنبال‌شونده', 'دنبال شونده', 'دنبال‌شوندگان', 'دنبال می‌کند'],
    connections: ['ارتباط', 'ارتباطات'],
    friends: ['دوست', 'دوستان'],
    subscribers: ['مشترک', 'مشترکین'],
    stars: ['ستاره'],
  },
  he: {
    followers: ['עוקבים', 'עוקב', 'עוקבות'],
    following: ['במעקב', 'נעקבים', 'עוקב אחרי'],
    connections: ['קשרים', 'קשר'],
    friends: ['חברים', 'חבר'],
    subscribers: ['מנויים', 'מנוי'],
    stars: ['כוכבים'],
  },
  hi: {
    followers: ['फ़ॉलोअर्स', 'फ़ॉलोअर', 'फॉलोअर्स', 'फॉलोअर', 'अनुयायी'],
    following: ['फ़ॉलोइंग', 'फॉलोइंग', 'फ़ॉलो कर रहे हैं', 'फ़ॉलो किए जा रहे'],
    connections: ['कनेक्शन', 'कनेक्शंस', 'संपर्क'],
    friends: ['मित्र', 'दोस्त'],
    subscribers: ['सदस्य', 'सब्सक्राइबर', 'सब्सक्राइबर्स'],
    stars: ['स्टार'],
  },
  bn: {
    followers: ['ফলোয়ার', 'ফলোয়ার্স', 'অনুসরণকারী'],
    following: ['ফলোয়িং', 'অনুসরণ করছেন', 'অনুসরণ করা হচ্ছে'],
    connections: ['সংযোগ'],
    friends: ['বন্ধু', 'বন্ধুরা'],
    subscribers: ['সাবস্ক্রাইবার', 'সদস্য', 'গ্রাহক'],
    stars: ['স্টার'],
  },
  sw: {
    followers: ['wafuasi', 'mfuasi'],
    following: ['unaowafuata', 'wanaofuatwa', 'anaowafuata'],
    connections: ['miunganisho', 'muunganisho'],
    friends: ['marafiki', 'rafiki'],
    subscribers: ['wanaofuatilia', 'waliojisajili', 'wanaojisajili'],
    stars: ['nyota'],
  },
  id: {
    followers: ['pengikut'],
    following: ['mengikuti', 'diikuti'],
    connections: ['koneksi'],
    friends: ['teman'],
    subscribers: ['subscriber', 'pelanggan', 'subscribers'],
    stars: ['bintang'],
  },
  ms: {
    followers: ['pengikut'],
    following: ['mengikuti'],
    connections: ['sambungan', 'hubungan'],
    friends: ['rakan', 'kawan'],
    subscribers: ['pelanggan', 'pelanggan berdaftar'],
    stars: ['bintang'],
  },
  vi: {
    followers: ['người theo dõi'],
    following: ['đang theo dõi'],
    connections: ['kết nối', 'người kết nối'],
    friends: ['bạn bè', 'người bạn'],
    subscribers: ['người đăng ký'],
    stars: ['sao'],
  },
  th: {
    followers: ['ผู้ติดตาม', 'คนติดตาม'],
    following: ['กำลังติดตาม', 'ติดตามแล้ว'],
    connections: ['การเชื่อมต่อ', 'ผู้ติดต่อ'],
    friends: ['เพื่อน'],
    subscribers: ['ผู้ติดตาม', 'ผู้สมัครรับข้อมูล'],
    stars: ['ดาว'],
  },
  ja: {
    followers: ['フォロワー', 'フォロワー数'],
    following: ['フォロー中', 'フォロー'],
    connections: ['つながり', 'つながり数'],
    friends: ['友達', '友だち'],
    subscribers: ['チャンネル登録者数', 'チャンネル登録者', '登録者', '登録者数', '購読者'],
    karma: ['カルマ'],
    stars: ['スター'],
  },
  zh: {
    followers: ['粉丝', '粉絲', '关注者', '關注者', '追蹤者', '追随者', '位粉丝', '位粉絲', '位关注者', '位追蹤者'],
    following: ['关注', '關注', '正在关注', '正在關注', '追蹤中', '正在追蹤', '已关注'],
    connections: ['人脉', '人脈', '联系人', '聯絡人', '位联系人', '位聯絡人'],
    friends: ['好友', '朋友', '位好友', '位朋友'],
    subscribers: ['订阅者', '訂閱者', '位订阅者', '位訂閱者', '订阅', '訂閱'],
    stars: ['星标', '星標', '星'],
  },
  ko: {
    followers: ['팔로워'],
    following: ['팔로잉', '팔로우'],
    connections: ['1촌', '일촌', '연결'],
    friends: ['친구'],
    subscribers: ['구독자'],
    stars: ['스타'],
  },
  fil: {
    followers: ['tagasunod', 'mga tagasunod', 'followers'],
    following: ['sinusundan', 'sinusubaybayan'],
    connections: ['koneksyon', 'mga koneksyon'],
    friends: ['kaibigan', 'mga kaibigan'],
    subscribers: ['subscriber', 'mga subscriber'],
    stars: ['bituin'],
  },
};

export interface CountPhrase {
  metric: Metric;
  count: ParsedCount;
  /** The numeral as shown, e.g. "12.3K" (without the label). */
  numberText: string;
  /** The label as shown. */
  label: string;
}

interface Entry {
  word: string;
  metric: Metric;
}

function normalizeLabel(text: string): string {
  return normalizeCountText(text).toLocaleLowerCase().replace(/\s+/g, ' ');
}

const entryCache = new Map<string, Entry[]>();

/** Words to try for a language: its own, then English, then every other language's; longest first. */
function entriesFor(lang: string | undefined): Entry[] {
  const base = (canonicalLang(lang) ?? '').split('-')[0] ?? '';
  const key = base || '*';
  const cached = entryCache.get(key);
  if (cached) return cached;
  const order = [base, 'en', ...Object.keys(METRIC_WORDS)].filter((code, i, all) => code && all.indexOf(code) === i);
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const code of order) {
    const table = METRIC_WORDS[code];
    if (!table) continue;
    const words: Entry[] = [];
    for (const [metric, list] of Object.entries(table) as [Metric, readonly string[]][]) {
      for (const raw of list) {
        const word = normalizeLabel(raw);
        if (seen.has(word)) continue;
        seen.add(word);
        words.push({ word, metric });
      }
    }
    // Within one language the longest label wins ("post karma" before "karma"); the language order wins across.
    words.sort((a, b) => b.word.length - a.word.length);
    entries.push(...words);
  }
  entryCache.set(key, entries);
  return entries;
}

/** Counter words and particles that sit between a CJK number and its label ("1.2万人のフォロワー", "팔로워 1.2만명"). */
const CJK_COUNTERS = /^(?:人|名|位|명|个|個)?(?:の)?$/u;

/**
 * The metric a label names ("Followers", "Folge ich", "フォロワー"), or undefined.
 * The whole text must be the label.
 */
export function metricOfLabel(text: string, lang?: string | null): Metric | undefined {
  const label = normalizeLabel(text).replace(/^[:：·•\s]+|[:：·•\s]+$/gu, '');
  if (!label) return undefined;
  return entriesFor(lang ?? undefined).find((entry) => entry.word === label)?.metric;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(ch);
}

/**
 * Read a short display that is exactly a count and its label, in either order:
 * "12.3K followers", "Followers 12,345", "1,2 Mio. Abonnenten", "フォロワー 1.2万人", "500+ connections".
 * Anything more (a sentence, a second number) is not a count phrase; running prose never matches.
 */
export function parseCountPhrase(text: string, lang?: string | null): CountPhrase | null {
  if (text.length > 80) return null;
  // Compare in lower case but slice the original: "1,2 M" is a billion in Indonesian, "1,2 m" is not.
  let body = normalizeCountText(text).replace(/\s+/g, ' ').replace(/^[·•|,\s]+|[·•|,\s]+$/gu, '');
  const lower = body.toLocaleLowerCase();
  if (lower.length !== body.length) body = lower;
  if (!body || !/[0-9]/.test(body)) return null;
  const tag = lang ?? undefined;
  for (const { word, metric } of entriesFor(tag)) {
    let rest: string | undefined;
    let labelFirst = false;
    if (lower.endsWith(word) && body.length > word.length) {
      if (isLetter(body[body.length - word.length - 1]) && isLetter(word[0])) continue;
      rest = body.slice(0, -word.length);
    } else if (lower.startsWith(word) && body.length > word.length) {
      if (isLetter(body[word.length]) && isLetter(word[word.length - 1])) continue;
      rest = body.slice(word.length);
      labelFirst = true;
    }
    if (rest === undefined) continue;
    let numeral = rest.trim();
    if (labelFirst) numeral = numeral.replace(/^[:：]\s*/u, '');
    // Romance languages link number and label with a preposition: "1,23 M d’abonnés", "1,2 mi de inscritos",
    // "1,23 Mln di iscritti" (YouTube's fr/pt/es/it UIs).
    else numeral = numeral.replace(/(?:\s+(?:de|di)|\s*d')$/u, '');
    // CJK counters after the number: "1.2万人", "1.2만명", "123万人の".
    const counter = /(人|名|位|명|个|個)?(の)?$/u.exec(numeral);
    if (counter && counter[0] && CJK_COUNTERS.test(counter[0])) numeral = numeral.slice(0, -counter[0].length).trim();
    const count = parseCount(numeral, tag);
    if (count) return { metric, count, numberText: numeral, label: labelFirst ? body.slice(0, word.length) : body.slice(-word.length) };
  }
  return null;
}
