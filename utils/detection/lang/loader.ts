/**
 * A content script's languages: English is in the script; the page's own language (and the browser's,
 * for pages that do not say theirs) is loaded before the first scan, and any other language a page turns
 * out to need (an element's own `lang`) is loaded when detection first asks for it, then the page is read
 * again. Each load is one `lang/load` message: the background injects the pack file into this frame, where
 * it registers itself (./pack.ts).
 */
import type { sendToBackground } from '../../messaging/client';
import { NEUTRAL_UNITS_CODE, packCodeOf } from './codes';
import { onMissingLanguage, registeredPacks, shippedNeutralUnits } from './pack';

type Send = typeof sendToBackground;

const loading = new Map<string, Promise<boolean>>();

/**
 * Load the packs of `tags` not registered yet, in parallel. Resolves true when one arrived; never rejects
 * (a page whose language could not be loaded is read in English and whatever else is here).
 */
export async function loadLanguages(tags: readonly (string | null | undefined)[], send: Send): Promise<boolean> {
  const codes = [...new Set(tags.map(packCodeOf).filter((code): code is string => code !== undefined))];
  const results = await Promise.all(codes.filter((code) => !registeredPacks().has(code)).map((code) => loadOne(code, send)));
  return results.some(Boolean);
}

const arrived = (code: string) => (code === NEUTRAL_UNITS_CODE ? shippedNeutralUnits() !== undefined : registeredPacks().has(code));

function loadOne(code: string, send: Send): Promise<boolean> {
  let pending = loading.get(code);
  if (!pending) {
    pending = send({ type: 'lang/load', lang: code }).then(
      (reply) => reply.ok && arrived(code),
      () => false,
    );
    loading.set(code, pending);
    // A failed load may be asked again later (the next page view); a loaded one never is.
    void pending.then((loaded) => {
      if (!loaded) loading.delete(code);
    });
  }
  return pending;
}

/**
 * Load languages detection asks for as it meets them — and the neutral units (`lang/units.js`), the
 * first time a token is in none of the page's tables — then call `loaded` (read the page again).
 */
export function loadLanguagesOnDemand(send: Send, loaded: () => void): () => void {
  // Detection asks once per token it cannot read: a load already under way reads the page again once, not once per ask.
  const waiting = new Set<string>();
  return onMissingLanguage((code) => {
    if (waiting.has(code) || arrived(code)) return;
    waiting.add(code);
    const load = code === NEUTRAL_UNITS_CODE ? loadOne(code, send) : loadLanguages([code], send);
    void load.then((added) => {
      waiting.delete(code);
      if (added) loaded();
    });
  });
}
