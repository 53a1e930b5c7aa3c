/**
 * The language pack files the build writes (wxt.config.ts, `lang/<code>.js`): one per language besides
 * English, each a single statement that registers the pack in the world it runs in — the content script's
 * isolated world, where the background injects it (message `lang/load`). Generated from ./packs.ts, so a
 * file can never drift from the tables the tests check.
 */
import { PACKS } from './packs';

export const PACK_SLOT = '__runningForLanguages';

export function languagePackPath(code: string): string {
  return `lang/${code}.js`;
}

export function languagePackFiles(): { relativeDest: string; contents: string }[] {
  return Object.entries(PACKS)
    .filter(([code]) => code !== 'en')
    .map(([code, pack]) => ({
      relativeDest: languagePackPath(code),
      contents: `globalThis.${PACK_SLOT}?.register(${JSON.stringify(code)}, ${JSON.stringify(pack)});\n`,
    }));
}
