/**
 * Is this the signed-in user's own profile? The layers every adapter shares after its own hooks (the
 * signed-in handle where the page carries it, an edit link by its href): an "Edit profile" control,
 * recognised by its label in the registered languages (utils/detection/lang/pack.ts). X, Instagram, Threads,
 * Bluesky, TikTok, Facebook, Mastodon, GitHub, Medium and Substack all label it so on your own header
 * and only there.
 */
import { normalizeCountText } from '../detection/count';
import { perPacks } from '../detection/lang/pack';
import { textOf } from './dom';

/** "Edit profile" in every registered language (utils/detection/lang/pack.ts `editProfile`). */
const labels = perPacks((packs) => new Set(Array.from(packs.values()).flatMap((pack) => pack.editProfile.split('|'))));

/** Every "Edit profile" label registered (diagnostics keep their words). */
export function editProfileWords(): string[] {
  return [...labels()];
}

function normalize(text: string): string {
  return normalizeCountText(text).toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** Is `text` an "Edit profile" label in one of the languages the sites ship? */
export function isEditProfileLabel(text: string | null | undefined): boolean {
  if (!text || text.length > 40) return false;
  return labels().has(normalize(text));
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
