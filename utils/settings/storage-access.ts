/**
 * `browser.storage.local` for trusted contexts only — the background and the extension's pages — where the
 * browser allows it, so even a compromised content script cannot read the sites a user added or turn every
 * site off. Content scripts do not need it: they ask the background for their own site's settings
 * (`settings/site`).
 *
 * - Chrome: `StorageArea.setAccessLevel({accessLevel: 'TRUSTED_CONTEXTS'})` on `local` (Chrome documents
 *   it for every area; measured in Chromium 156, tests/e2e/settings.spec.ts). A content script's
 *   `storage.local.get`/`set` then reject with "Access to storage is not allowed from this context.", in
 *   pages already open too. Chrome keeps the level in the extension's preferences, so it holds from the
 *   next browser start before the service worker runs; it is set again on every start anyway.
 * - Firefox: `setAccessLevel` exists only on `storage.session` (MDN), so `storage.local` stays readable by
 *   content scripts there. Ours never read it (the built content scripts carry no storage API at all), and
 *   the background accepts nothing from them that writes a setting.
 */
import { browser } from 'wxt/browser';

export type AccessResult = { restricted: true } | { restricted: false; reason: string };

/** What the restriction needs of a storage area (a parameter, so tests pass a fake). */
export interface AccessArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void> | void;
}

/** Restrict the area to trusted contexts if the browser can; says why not otherwise. Never throws. */
export async function restrictToTrustedContexts(area: AccessArea = browser.storage.local as AccessArea): Promise<AccessResult> {
  if (typeof area.setAccessLevel !== 'function')
    return { restricted: false, reason: 'this browser cannot restrict storage.local (setAccessLevel is missing)' };
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return { restricted: true };
  } catch (error) {
    return { restricted: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
