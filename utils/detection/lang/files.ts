/**
 * The language pack files the build writes (wxt.config.ts, `lang/<code>.js`): one per language besides
 * English, each a single statement that registers the pack in the world it runs in — the content script's
 * isolated world, where the background injects it (message `lang/load`). Generated from ./packs.ts, so a
 * file can never drift from the tables the tests check.
 */
import { NEUTRAL_UNITS_CODE } from './codes';
import { neutralUnits, numberPack } from './numbers';
import { PACKS } from './packs';

export const PACK_SLOT = '__runningForLanguages';

export function languagePackPath(code: string): string {
  return `lang/${code}.js`;
}

/**
 * Each pack carries its numbers (./numbers.ts, from the build's Intl: English's are in ./en.ts); then
 * `lang/units.js`, the neutral units, loaded the first time a page shows a token its own tables miss.
 */
export function languagePackFiles(): { relativeDest: string; contents: string }[] {
  const packs = Object.entries(PACKS)
    .filter(([code]) => code !== 'en')
    .map(([code, pack]) => ({
      relativeDest: languagePackPath(code),
      contents: `globalThis.${PACK_SLOT}?.register(${JSON.stringify(code)}, ${JSON.stringify({ ...pack, numbers: numberPack(code) })});\n`,
    }));
  return [
    ...packs,
    {
      relativeDest: languagePackPath(NEUTRAL_UNITS_CODE),
      contents: `globalThis.${PACK_SLOT}?.units(${JSON.stringify(neutralUnits())});\n`,
    },
  ];
}
