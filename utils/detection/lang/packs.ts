/**
 * Every language Running For reads besides English (./en.ts): the words sites put beside counts, their
 * "more than N" forms and their "Edit profile" label. Extension pages, the background, the tests and the
 * command-line tools register them all (./all.ts); a content script loads only what its page needs — the
 * build writes each as `lang/<code>.js` (wxt.config.ts), which the background injects on request
 * (message `lang/load`), so no content script carries 34 languages it will never read.
 */
import { EN } from './en';
import type { LanguagePack } from './types';

export const PACKS: Readonly<Record<string, LanguagePack>> = {
  en: EN,
  de: {
    words:
      'follower|followerinnen|follower:innen|follower*innen|followern;' +
      'folge ich|gefolgt|folgt|folgen|abonniert;' +
      'kontakte|kontakt|verbindungen;' +
      'freunde|freund|freundinnen;' +
      'abonnenten|abonnent|abonnentinnen;' +
      'karma|beitragskarma|kommentarkarma|post-karma|kommentar-karma|beitrags-karma;' +
      'sterne|stern',
    moreThan: 'mehr als|über',
    editProfile: 'profil bearbeiten',
  },
  fr: {
    words:
      'abonnés|abonné|abonné(e)s|abonné·e·s|followers|follower;' +
      'abonnements|abonnement|suivi(e)s|suivis;' +
      'relations|relation;' +
      'amis|ami|ami(e)s;' +
      'abonnés|abonné|abonnées;' +
      'karma;' +
      'étoiles|étoile',
    moreThan: 'plus de|+ de',
    editProfile: 'modifier le profil|modifier profil|modifier votre profil',
  },
  es: {
    words:
      'seguidores|seguidor;' +
      'siguiendo|seguidos;' +
      'contactos|contacto|conexiones|conexión;' +
      'amigos|amigo|amigas;' +
      'suscriptores|suscriptor;' +
      'karma;' +
      'estrellas|estrella',
    moreThan: 'más de|+ de',
    editProfile: 'editar perfil',
  },
  pt: {
    words:
      'seguidores|seguidor;' +
      'seguindo|a seguir;' +
      'conexões|conexão|contactos|ligações;' +
      'amigos|amigo|amigas;' +
      'inscritos|inscrito|subscritores|assinantes|assinante;' +
      'karma;' +
      'estrelas|estrela',
    moreThan: 'mais de|+ de',
    editProfile: 'editar perfil',
  },
  it: {
    words:
      'follower|seguaci|followers;' +
      'seguiti|segui già|profili seguiti;' +
      'collegamenti|collegamento;' +
      'amici|amico|amiche;' +
      'iscritti|iscritto|abbonati;' +
      'karma;' +
      'stelle|stella',
    moreThan: 'oltre|più di',
    editProfile: 'modifica profilo|modifica il profilo',
  },
  nl: {
    words: 'volgers|volger;volgend|volgt;connecties|connectie|relaties;vrienden|vriend;abonnees|abonnee;karma;sterren|ster',
    moreThan: 'meer dan',
    editProfile: 'profiel bewerken',
  },
  sv: {
    words: 'följare;följer|följda;kontakter|kontakt;vänner|vän;prenumeranter|prenumerant;;stjärnor',
    moreThan: 'över|mer än|fler än',
    editProfile: 'redigera profil|redigera profilen',
  },
  // Danish "følger" alone is the following tab (Instagram, TikTok); followers are "følgere".
  da: {
    words: 'følgere;følger|fulgte;forbindelser|kontakter;venner|ven;abonnenter|abonnent;;stjerner',
    moreThan: 'over|mere end|flere end',
    editProfile: 'rediger profil|rediger profilen',
  },
  nb: {
    words: 'følgere;følger|fulgte;forbindelser|kontakter;venner|venn;abonnenter|abonnent;;stjerner',
    moreThan: 'over|mer enn|flere enn',
    editProfile: 'rediger profil|rediger profilen',
  },
  fi: {
    words:
      'seuraajaa|seuraajat|seuraaja;' +
      'seurattavat|seurattavaa|seuraa;' +
      'yhteydet|yhteyttä|kontaktit;' +
      'kaverit|kaveria|ystävät|ystävää;' +
      'tilaajaa|tilaajat|tilaaja;' +
      ';' +
      'tähteä|tähdet',
    moreThan: 'yli',
    editProfile: 'muokkaa profiilia',
  },
  pl: {
    words:
      'obserwujących|obserwujący|obserwujacych;' +
      'obserwowani|obserwowanych|obserwuje;' +
      'kontakty|kontaktów|kontakt|połączenia;' +
      'znajomych|znajomi|znajomy;' +
      'subskrybentów|subskrybenci|subskrybent|subskrybentow;' +
      'karma|karmy;' +
      'gwiazdki|gwiazdek',
    moreThan: 'ponad|więcej niż|powyżej',
    editProfile: 'edytuj profil',
  },
  cs: {
    words:
      'sledujících|sledující;' +
      'sleduje|sledovaní;' +
      'kontakty|kontaktů|spojení;' +
      'přátelé|přátel|přítel;' +
      'odběratelů|odběratelé|odběratel;' +
      ';' +
      'hvězdičky|hvězdiček',
    moreThan: 'více než|přes',
    editProfile: 'upravit profil',
  },
  ro: {
    words:
      'urmăritori|urmăritor|de urmăritori;' +
      'urmăriri|urmărește|urmăriți;' +
      'conexiuni|conexiune|de conexiuni;' +
      'prieteni|prieten|de prieteni;' +
      'abonați|abonat|de abonați;' +
      ';' +
      'stele',
    moreThan: 'peste|mai mult de',
    editProfile: 'editează profilul|editați profilul',
  },
  hu: {
    words:
      'követő|követők|követőt;' +
      'követés|követett|követettek;' +
      'kapcsolat|kapcsolatok|kapcsolatai;' +
      'ismerős|ismerősök|barát|barátok;' +
      'feliratkozó|feliratkozók|feliratkozott;' +
      ';' +
      'csillag',
    moreThan: 'több mint|több, mint',
    editProfile: 'profil szerkesztése',
  },
  ru: {
    // LinkedIn's Russian UI says "948 отслеживающих" for followers (a 2021 profile, markovcy/analitic src/index.tsx).
    words:
      'подписчики|подписчиков|подписчика|подписчик|читатели|читателей|отслеживающих|отслеживающие|отслеживающий;' +
      'подписки|подписок|подписка|в подписках;' +
      'контакты|контактов|контакта|контакт;' +
      'друзья|друзей|друга|друг;' +
      'подписчиков|подписчики|подписчика|подписчик;' +
      'карма|кармы;' +
      'звезд|звёзд|звезды',
    moreThan: 'более|больше|свыше|более чем',
    editProfile: 'редактировать профиль|изменить профиль',
  },
  uk: {
    words:
      'підписників|підписники|підписника|підписник|читачі|читачів;' +
      'підписки|підписок|стежить;' +
      "контакти|контактів|зв'язки|звʼязки;" +
      'друзі|друзів|друга|друг;' +
      'підписників|підписники|підписника|підписник;' +
      ';' +
      'зірок|зірки',
    moreThan: 'понад|більше|більше ніж',
    editProfile: 'редагувати профіль',
  },
  tr: {
    words: 'takipçi|takipçiler;takip edilen|takip|takip ediliyor;bağlantı|bağlantılar;arkadaş|arkadaşlar;abone|aboneler;;yıldız',
    moreThan: "…'den fazla|…'dan fazla|…'ten fazla|…'tan fazla",
    editProfile: 'profili düzenle',
  },
  el: {
    words:
      'ακόλουθοι|ακόλουθους|ακόλουθος|ακολούθους;' +
      'ακολουθεί|ακολουθείτε|ακολουθούνται;' +
      'συνδέσεις|σύνδεση;' +
      'φίλοι|φίλους|φίλος;' +
      'συνδρομητές|συνδρομητής;' +
      ';' +
      'αστέρια',
    moreThan: 'περισσότερες από|περισσότεροι από|πάνω από',
    editProfile: 'επεξεργασία προφίλ',
  },
  ar: {
    words:
      'متابِع|متابع|متابعًا|متابعا|متابعين|متابعون|المتابعون|المتابعين;' +
      'يتابع|متابَع|المتابَعون|يتابعهم|متابعة;' +
      'اتصالات|اتصال|جهات اتصال|جهة اتصال|علاقات;' +
      'أصدقاء|صديق|صديقًا|الأصدقاء;' +
      'مشترك|مشتركين|مشتركون|مشتركًا|المشتركين;' +
      ';' +
      'نجوم|نجمة',
    moreThan: 'أكثر من',
    editProfile: 'تعديل الملف الشخصي',
  },
  fa: {
    words:
      'دنبال‌کننده|دنبال کننده|دنبال‌کنندگان;' +
      'دنبال‌شونده|دنبال شونده|دنبال‌شوندگان|دنبال می‌کند;' +
      'ارتباط|ارتباطات;' +
      'دوست|دوستان;' +
      'مشترک|مشترکین;' +
      ';' +
      'ستاره',
    moreThan: 'بیش از|بیشتر از',
    editProfile: 'ویرایش نمایه|ویرایش پروفایل',
  },
  he: {
    words: 'עוקבים|עוקב|עוקבות;במעקב|נעקבים|עוקב אחרי;קשרים|קשר;חברים|חבר;מנויים|מנוי;;כוכבים',
    moreThan: 'יותר מ-|יותר מ|מעל',
    editProfile: 'עריכת פרופיל|ערוך פרופיל',
  },
  hi: {
    words:
      'फ़ॉलोअर्स|फ़ॉलोअर|फॉलोअर्स|फॉलोअर|अनुयायी;' +
      'फ़ॉलोइंग|फॉलोइंग|फ़ॉलो कर रहे हैं|फ़ॉलो किए जा रहे;' +
      'कनेक्शन|कनेक्शंस|संपर्क;' +
      'मित्र|दोस्त;' +
      'सदस्य|सब्सक्राइबर|सब्सक्राइबर्स;' +
      ';' +
      'स्टार',
    moreThan: '…से अधिक|…से ज़्यादा|…से ज्यादा',
    editProfile: 'प्रोफ़ाइल संपादित करें|प्रोफ़ाइल एडिट करें',
  },
  bn: {
    words: 'ফলোয়ার|ফলোয়ার্স|অনুসরণকারী;ফলোয়িং|অনুসরণ করছেন|অনুসরণ করা হচ্ছে;সংযোগ;বন্ধু|বন্ধুরা;সাবস্ক্রাইবার|সদস্য|গ্রাহক;;স্টার',
    moreThan: '…এর বেশি|…-এর বেশি|…অধিক',
    editProfile: 'প্রোফাইল এডিট করুন|প্রোফাইল সম্পাদনা করুন',
  },
  sw: {
    words:
      'wafuasi|mfuasi;' +
      'unaowafuata|wanaofuatwa|anaowafuata;' +
      'miunganisho|muunganisho;' +
      'marafiki|rafiki;' +
      'wanaofuatilia|waliojisajili|wanaojisajili;' +
      ';' +
      'nyota',
    moreThan: 'zaidi ya',
    editProfile: 'hariri wasifu',
  },
  id: {
    words: 'pengikut;mengikuti|diikuti;koneksi;teman;subscriber|pelanggan|subscribers;;bintang',
    moreThan: 'lebih dari',
    editProfile: 'edit profil|ubah profil',
  },
  ms: {
    words: 'pengikut;mengikuti;sambungan|hubungan;rakan|kawan;pelanggan|pelanggan berdaftar;;bintang',
    moreThan: 'lebih daripada|lebih dari',
    editProfile: 'edit profil|sunting profil',
  },
  vi: {
    words: 'người theo dõi;đang theo dõi;kết nối|người kết nối;bạn bè|người bạn;người đăng ký;;sao',
    moreThan: 'hơn|trên',
    editProfile: 'chỉnh sửa trang cá nhân|chỉnh sửa hồ sơ|sửa hồ sơ',
  },
  th: {
    words: 'ผู้ติดตาม|คนติดตาม;กำลังติดตาม|ติดตามแล้ว;การเชื่อมต่อ|ผู้ติดต่อ;เพื่อน;ผู้ติดตาม|ผู้สมัครรับข้อมูล;;ดาว',
    moreThan: 'มากกว่า',
    editProfile: 'แก้ไขโปรไฟล์',
  },
  ja: {
    words:
      'フォロワー|フォロワー数;フォロー中|フォロー;つながり|つながり数;友達|友だち;チャンネル登録者数|チャンネル登録者|登録者|登録者数|購読者;カルマ;スター',
    moreThan: '…以上|…超',
    editProfile: 'プロフィールを編集',
  },
  zh: {
    words:
      '粉丝|粉絲|关注者|關注者|追蹤者|追随者|跟隨者|位粉丝|位粉絲|位关注者|位追蹤者|位跟隨者;' +
      '关注|關注|正在关注|正在關注|追蹤中|正在追蹤|跟隨中|個跟隨中|已关注;' +
      '人脉|人脈|联系人|聯絡人|位联系人|位聯絡人;' +
      '好友|朋友|位好友|位朋友;' +
      '订阅者|訂閱者|位订阅者|位訂閱者|订阅|訂閱;' +
      ';' +
      '星标|星標|星',
    moreThan: '超过|超過|…以上|…多',
    editProfile: '编辑个人资料|編輯個人資料|编辑资料|編輯個人檔案|编辑主页|编辑个人主页',
  },
  ko: {
    words: '팔로워;팔로잉|팔로우;1촌|일촌|연결;친구;구독자;;스타',
    moreThan: '…이상',
    editProfile: '프로필 편집|프로필 수정',
  },
  fil: {
    words:
      'tagasunod|mga tagasunod|followers;' +
      'sinusundan|sinusubaybayan;' +
      'koneksyon|mga koneksyon;' +
      'kaibigan|mga kaibigan;' +
      'subscriber|mga subscriber;' +
      ';' +
      'bituin',
    moreThan: 'mahigit|mahigit sa|higit sa',
    editProfile: 'i-edit ang profile',
  },
};
