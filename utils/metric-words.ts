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
import { METRICS, type Metric } from './sites/types';

type Table = Partial<Record<Metric, readonly string[]>>;

/**
 * Per language, its words for each metric in METRICS order — followers; following; connections; friends;
 * subscribers; karma; stars — metrics separated by ";" and words by "|". An empty slot is a metric the
 * language has no words for. Text rather than nested arrays because it is in every content script and
 * packs about 10 % smaller gzipped (tests/budget.ts); METRIC_WORDS below is the same table as objects.
 */
const WORDS: Readonly<Record<string, string>> = {
  en: 'followers|follower;following;connections|connection;friends|friend|mutual friends;subscribers|subscriber|subs|paid subscribers;karma|post karma|comment karma|link karma;stars|star|stargazers|users starred this repository|user starred this repository',
  de: 'follower|followerinnen|follower:innen|follower*innen|followern;folge ich|gefolgt|folgt|folgen|abonniert;kontakte|kontakt|verbindungen;freunde|freund|freundinnen;abonnenten|abonnent|abonnentinnen;karma|beitragskarma|kommentarkarma|post-karma|kommentar-karma|beitrags-karma;sterne|stern',
  fr: 'abonnés|abonné|abonné(e)s|abonné·e·s|followers|follower;abonnements|abonnement|suivi(e)s|suivis;relations|relation;amis|ami|ami(e)s;abonnés|abonné|abonnées;karma;étoiles|étoile',
  es: 'seguidores|seguidor;siguiendo|seguidos;contactos|contacto|conexiones|conexión;amigos|amigo|amigas;suscriptores|suscriptor;karma;estrellas|estrella',
  pt: 'seguidores|seguidor;seguindo|a seguir;conexões|conexão|contactos|ligações;amigos|amigo|amigas;inscritos|inscrito|subscritores|assinantes|assinante;karma;estrelas|estrela',
  it: 'follower|seguaci|followers;seguiti|segui già|profili seguiti;collegamenti|collegamento;amici|amico|amiche;iscritti|iscritto|abbonati;karma;stelle|stella',
  nl: 'volgers|volger;volgend|volgt;connecties|connectie|relaties;vrienden|vriend;abonnees|abonnee;karma;sterren|ster',
  sv: 'följare;följer|följda;kontakter|kontakt;vänner|vän;prenumeranter|prenumerant;;stjärnor',
  // Danish "følger" alone is the following tab (Instagram, TikTok); followers are "følgere".
  da: 'følgere;følger|fulgte;forbindelser|kontakter;venner|ven;abonnenter|abonnent;;stjerner',
  nb: 'følgere;følger|fulgte;forbindelser|kontakter;venner|venn;abonnenter|abonnent;;stjerner',
  fi: 'seuraajaa|seuraajat|seuraaja;seurattavat|seurattavaa|seuraa;yhteydet|yhteyttä|kontaktit;kaverit|kaveria|ystävät|ystävää;tilaajaa|tilaajat|tilaaja;;tähteä|tähdet',
  pl: 'obserwujących|obserwujący|obserwujacych;obserwowani|obserwowanych|obserwuje;kontakty|kontaktów|kontakt|połączenia;znajomych|znajomi|znajomy;subskrybentów|subskrybenci|subskrybent|subskrybentow;karma|karmy;gwiazdki|gwiazdek',
  cs: 'sledujících|sledující;sleduje|sledovaní;kontakty|kontaktů|spojení;přátelé|přátel|přítel;odběratelů|odběratelé|odběratel;;hvězdičky|hvězdiček',
  ro: 'urmăritori|urmăritor|de urmăritori;urmăriri|urmărește|urmăriți;conexiuni|conexiune|de conexiuni;prieteni|prieten|de prieteni;abonați|abonat|de abonați;;stele',
  hu: 'követő|követők|követőt;követés|követett|követettek;kapcsolat|kapcsolatok|kapcsolatai;ismerős|ismerősök|barát|barátok;feliratkozó|feliratkozók|feliratkozott;;csillag',
  ru: 'подписчики|подписчиков|подписчика|подписчик|читатели|читателей;подписки|подписок|подписка|в подписках;контакты|контактов|контакта|контакт;друзья|друзей|друга|друг;подписчиков|подписчики|подписчика|подписчик;карма|кармы;звезд|звёзд|звезды',
  uk: "підписників|підписники|підписника|підписник|читачі|читачів;підписки|підписок|стежить;контакти|контактів|зв'язки|звʼязки;друзі|друзів|друга|друг;підписників|підписники|підписника|підписник;;зірок|зірки",
  tr: 'takipçi|takipçiler;takip edilen|takip|takip ediliyor;bağlantı|bağlantılar;arkadaş|arkadaşlar;abone|aboneler;;yıldız',
  el: 'ακόλουθοι|ακόλουθους|ακόλουθος|ακολούθους;ακολουθεί|ακολουθείτε|ακολουθούνται;συνδέσεις|σύνδεση;φίλοι|φίλους|φίλος;συνδρομητές|συνδρομητής;;αστέρια',
  ar: 'متابِع|متابع|متابعًا|متابعا|متابعين|متابعون|المتابعون|المتابعين;يتابع|متابَع|المتابَعون|يتابعهم|متابعة;اتصالات|اتصال|جهات اتصال|جهة اتصال|علاقات;أصدقاء|صديق|صديقًا|الأصدقاء;مشترك|مشتركين|مشتركون|مشتركًا|المشتركين;;نجوم|نجمة',
  fa: 'دنبال‌کننده|دنبال کننده|دنبال‌کنندگان;دنبال‌شونده|دنبال شونده|دنبال‌شوندگان|دنبال می‌کند;ارتباط|ارتباطات;دوست|دوستان;مشترک|مشترکین;;ستاره',
  he: 'עוקבים|עוקב|עוקבות;במעקב|נעקבים|עוקב אחרי;קשרים|קשר;חברים|חבר;מנויים|מנוי;;כוכבים',
  hi: 'फ़ॉलोअर्स|फ़ॉलोअर|फॉलोअर्स|फॉलोअर|अनुयायी;फ़ॉलोइंग|फॉलोइंग|फ़ॉलो कर रहे हैं|फ़ॉलो किए जा रहे;कनेक्शन|कनेक्शंस|संपर्क;मित्र|दोस्त;सदस्य|सब्सक्राइबर|सब्सक्राइबर्स;;स्टार',
  bn: 'ফলোয়ার|ফলোয়ার্স|অনুসরণকারী;ফলোয়িং|অনুসরণ করছেন|অনুসরণ করা হচ্ছে;সংযোগ;বন্ধু|বন্ধুরা;সাবস্ক্রাইবার|সদস্য|গ্রাহক;;স্টার',
  sw: 'wafuasi|mfuasi;unaowafuata|wanaofuatwa|anaowafuata;miunganisho|muunganisho;marafiki|rafiki;wanaofuatilia|waliojisajili|wanaojisajili;;nyota',
  id: 'pengikut;mengikuti|diikuti;koneksi;teman;subscriber|pelanggan|subscribers;;bintang',
  ms: 'pengikut;mengikuti;sambungan|hubungan;rakan|kawan;pelanggan|pelanggan berdaftar;;bintang',
  vi: 'người theo dõi;đang theo dõi;kết nối|người kết nối;bạn bè|người bạn;người đăng ký;;sao',
  th: 'ผู้ติดตาม|คนติดตาม;กำลังติดตาม|ติดตามแล้ว;การเชื่อมต่อ|ผู้ติดต่อ;เพื่อน;ผู้ติดตาม|ผู้สมัครรับข้อมูล;;ดาว',
  ja: 'フォロワー|フォロワー数;フォロー中|フォロー;つながり|つながり数;友達|友だち;チャンネル登録者数|チャンネル登録者|登録者|登録者数|購読者;カルマ;スター',
  zh: '粉丝|粉絲|关注者|關注者|追蹤者|追随者|位粉丝|位粉絲|位关注者|位追蹤者;关注|關注|正在关注|正在關注|追蹤中|正在追蹤|已关注;人脉|人脈|联系人|聯絡人|位联系人|位聯絡人;好友|朋友|位好友|位朋友;订阅者|訂閱者|位订阅者|位訂閱者|订阅|訂閱;;星标|星標|星',
  ko: '팔로워;팔로잉|팔로우;1촌|일촌|연결;친구;구독자;;스타',
  fil: 'tagasunod|mga tagasunod|followers;sinusundan|sinusubaybayan;koneksyon|mga koneksyon;kaibigan|mga kaibigan;subscriber|mga subscriber;;bituin',
};

// Pure: a content script whose adapter reads no labels (TikTok) drops the whole table.
export const METRIC_WORDS: Readonly<Record<string, Table>> = /* @__PURE__ */ (() =>
  Object.fromEntries(
    Object.entries(WORDS).map(([lang, text]) => {
      const table: Table = {};
      text.split(';').forEach((words, index) => {
        if (words) table[METRICS[index]!] = words.split('|');
      });
      return [lang, table];
    }),
  ))();

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

/** A language's words in order (`entries`) and by word (`byWord`), so a label is looked up, not searched for. */
interface Words {
  entries: Entry[];
  byWord: Map<string, Metric>;
}

const wordCache = new Map<string, Words>();

/** Words to try for a language: its own, then English, then every other language's; longest first. */
function wordsOf(lang: string | undefined): Words {
  const base = (canonicalLang(lang) ?? '').split('-')[0] ?? '';
  const key = base || '*';
  const cached = wordCache.get(key);
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
  // Each word is in `entries` once (`seen`), so the map holds exactly what a search in order would find.
  const result = { entries, byWord: new Map(entries.map(({ word, metric }) => [word, metric] as const)) };
  wordCache.set(key, result);
  return result;
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
  return wordsOf(lang ?? undefined).byWord.get(label);
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
  for (const { word, metric } of wordsOf(tag).entries) {
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
