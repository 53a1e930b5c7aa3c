/**
 * Is this the signed-in user's own profile? The layers every adapter shares after its own hooks (the
 * signed-in handle where the page carries it, an edit link by its href): an "Edit profile" control,
 * recognised by its label in the languages the sites ship. X, Instagram, Threads, Bluesky, TikTok,
 * Facebook, Mastodon, GitHub, Medium and Substack all label it so on your own header and only there.
 */
import { normalizeCountText } from '../count';
import { textOf } from './dom';

/**
 * "Edit profile" as sites write it, lower case, per language (the UI strings of X, Instagram, Facebook
 * and TikTok where stored translations exist; the plain translation elsewhere), "|"-separated.
 */
const EDIT_PROFILE =
  'edit profile|edit your profile|profil bearbeiten|modifier le profil|modifier profil|modifier votre profil|editar perfil|' +
  'modifica profilo|modifica il profilo|profiel bewerken|redigera profil|redigera profilen|rediger profil|rediger profilen|muokkaa profiilia|' +
  'edytuj profil|upravit profil|editează profilul|editați profilul|profil szerkesztése|редактировать профиль|изменить профиль|' +
  'редагувати профіль|profili düzenle|επεξεργασία προφίλ|تعديل الملف الشخصي|ویرایش نمایه|ویرایش پروفایل|עריכת פרופיל|ערוך פרופיל|' +
  'प्रोफ़ाइल संपादित करें|प्रोफ़ाइल एडिट करें|প্রোফাইল এডিট করুন|প্রোফাইল সম্পাদনা করুন|hariri wasifu|edit profil|ubah profil|sunting profil|' +
  'chỉnh sửa trang cá nhân|chỉnh sửa hồ sơ|sửa hồ sơ|แก้ไขโปรไฟล์|プロフィールを編集|编辑个人资料|編輯個人資料|编辑资料|編輯個人檔案|编辑主页|' +
  '프로필 편집|프로필 수정|i-edit ang profile';

let labels: Set<string> | undefined;

/** Every "Edit profile" label (diagnostics keep their words). */
export function editProfileWords(): string[] {
  return EDIT_PROFILE.split('|');
}

function normalize(text: string): string {
  return normalizeCountText(text).toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** Is `text` an "Edit profile" label in one of the languages the sites ship? */
export function isEditProfileLabel(text: string | null | undefined): boolean {
  if (!text || text.length > 40) return false;
  labels ??= new Set(EDIT_PROFILE.split('|'));
  return labels.has(normalize(text));
}

/** The controls an "Edit profile" label can be on. */
const CONTROLS = 'a, button, [role="button"], [role="link"]';

/**
 * An "Edit profile" control inside `scope` (the profile header): by its text, or by its accessible name
 * where the control is an icon (`aria-label`).
 */
export function hasEditProfileControl(scope: ParentNode): boolean {
  for (const control of Array.from(scope.querySelectorAll(CONTROLS))) {
    if (isEditProfileLabel(control.getAttribute('aria-label')) || isEditProfileLabel(textOf(control))) return true;
  }
  return false;
}
