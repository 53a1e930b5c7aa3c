/**
 * The languages a pack exists for (./packs.ts; equal by test): the content script asks only for these,
 * and the background injects only these files. Kept apart so neither carries the packs themselves.
 */
export const PACK_CODES: readonly string[] =
  'ar bn cs da de el en es fa fi fil fr he hi hu id it ja ko ms nb nl pl pt ro ru sv sw th tr uk vi zh'.split(' ');

/** The base language of a tag ("pt-BR" → "pt", "zh-Hant-TW" → "zh", "tl" → "fil"), if a pack exists for it. */
export function packCodeOf(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  let base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  // Tagalog is published as Filipino; Norwegian Bokmål also as plain "no".
  if (base === 'tl') base = 'fil';
  if (base === 'no' || base === 'nn') base = 'nb';
  return PACK_CODES.includes(base) ? base : undefined;
}

/** What `lang/load` loads the neutral units with (`lang/units.js`, utils/detection/number-locale.ts `neutralUnitTable`). */
export const NEUTRAL_UNITS_CODE = 'units';
