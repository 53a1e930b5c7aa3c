/**
 * Language packs: one per language the parser reads, the list the content script and the background
 * check against, the generated pack files, and the content script's loader — which asks only for what is
 * missing, once, and reads the page again when a language arrives.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_UNITS_CODE, PACK_CODES, packCodeOf } from '../../utils/detection/lang/codes';
import { EN } from '../../utils/detection/lang/en';
import { languagePackFiles, PACK_SLOT } from '../../utils/detection/lang/files';
import { loadLanguages } from '../../utils/detection/lang/loader';
import { intlNumberData, neutralUnits, numberPack } from '../../utils/detection/lang/numbers';
import { lookupNumbers, numbersOf, perPacks, registeredPacks } from '../../utils/detection/lang/pack';
import type { LanguagePack } from '../../utils/detection/lang/types';
import { PACKS } from '../../utils/detection/lang/packs';
import { canonicalLang, NEUTRAL_UNIT_SHAPE, SUPPORTED_LANGS, unitsOf } from '../../utils/detection/number-locale';
import { METRICS } from '../../utils/sites/types';

describe('language packs', () => {
  it('exist for exactly the codes the content script and the background accept', () => {
    expect([...PACK_CODES].sort()).toEqual(Object.keys(PACKS).sort());
  });

  it('each name followers, following and subscribers, have "more than" and "Edit profile", in METRICS order', () => {
    for (const [code, pack] of Object.entries(PACKS)) {
      const metrics = pack.words.split(';');
      expect(metrics, code).toHaveLength(METRICS.length);
      for (const index of [0, 1, 4]) expect(metrics[index], `${code} ${METRICS[index]}`).not.toBe('');
      expect(pack.moreThan, code).not.toBe('');
      expect(pack.editProfile, code).not.toBe('');
      expect(pack.editProfile, code).toBe(pack.editProfile.toLocaleLowerCase());
    }
  });

  it('maps page language tags to packs', () => {
    expect(packCodeOf('pt-BR')).toBe('pt');
    expect(packCodeOf('zh_Hant_TW')).toBe('zh');
    expect(packCodeOf('tl')).toBe('fil');
    expect(packCodeOf('no')).toBe('nb');
    expect(packCodeOf('xx')).toBeUndefined();
    expect(packCodeOf(null)).toBeUndefined();
  });

  it('are written as files that register themselves, with their numbers, in the world they run in, and nothing else', () => {
    const files = languagePackFiles();
    expect(files.map((file) => file.relativeDest).sort()).toEqual(
      [...PACK_CODES.filter((code) => code !== 'en'), NEUTRAL_UNITS_CODE].map((code) => `lang/${code}.js`).sort(),
    );
    for (const file of files) {
      const registered: [string, LanguagePack][] = [];
      const units: string[] = [];
      const world = {
        [PACK_SLOT]: {
          register: (code: string, pack: LanguagePack) => registered.push([code, pack]),
          units: (table: string) => units.push(table),
        },
      };
      runInNewContext(file.contents, { globalThis: world });
      const code = file.relativeDest.slice('lang/'.length, -'.js'.length);
      if (code === NEUTRAL_UNITS_CODE) {
        expect(registered).toEqual([]);
        expect(units).toEqual([neutralUnits()]);
      } else {
        expect(units).toEqual([]);
        expect(registered).toEqual([[code, { ...PACKS[code], numbers: numberPack(code) }]]);
      }
      // Run where no content script is, a pack does nothing.
      expect(() => runInNewContext(file.contents, { globalThis: {} })).not.toThrow();
    }
  });

  it("ship English's numbers in the content script as the build's Intl computes them", () => {
    // Regenerate after an ICU update: JSON.stringify(numberPack('en')) into utils/detection/lang/en.ts.
    expect(EN.numbers).toEqual(numberPack('en'));
  });

  it('give every tag the separators and units Intl gives it, looked up from the most specific tag they cover', () => {
    const shipped = new Map(PACK_CODES.flatMap((code) => [...numbersOf(numberPack(code))]));
    const tags = [
      ...SUPPORTED_LANGS,
      ...[
        'en-GB',
        'en-US',
        'en-AU',
        'en-DE',
        'en-ZA',
        'es-MX',
        'es-419',
        'es-ES',
        'fr-CA',
        'fr-CH',
        'pt-PT',
        'pt-AO',
        'de-AT',
        'de-CH-1996',
        'it-CH',
      ],
      ...[
        'zh-Hant',
        'zh-Hant-TW',
        'zh-HK',
        'zh-Hans-SG',
        'hi-Latn',
        'ar-EG',
        'ar-MA',
        'ms-BN',
        'sw-CD',
        'nb-NO',
        'fil-PH',
        'ko-KR',
        'ja-JP',
      ],
    ];
    for (const tag of tags) {
      const canonical = canonicalLang(tag)!;
      // A language without a pack (Slovak, Lithuanian, Latvian) is read through Intl.
      if (packCodeOf(tag) === undefined) expect(lookupNumbers(shipped, canonical), tag).toBeUndefined();
      else expect(lookupNumbers(shipped, canonical), tag).toEqual(intlNumberData(canonical));
    }
    // An extension changes what Intl prints ("-u-nu-arab": Arabic-Indic digits): only Intl reads it.
    expect(lookupNumbers(shipped, 'en-u-nu-arab')).toBeUndefined();
  });

  it('ship neutral units that all have the shape the parser asks the table for', () => {
    const units = unitsOf({ units: neutralUnits() });
    expect(units.length).toBeGreaterThan(300);
    for (const [token] of units) expect(token, token).toMatch(NEUTRAL_UNIT_SHAPE);
    expect('Ipsum, Ipsum').not.toMatch(NEUTRAL_UNIT_SHAPE);
  });

  it('rebuild tables built from them only when a pack arrives', () => {
    let builds = 0;
    const table = perPacks((packs) => {
      builds++;
      return packs.size;
    });
    expect(table()).toBe(table());
    expect(builds).toBe(1);
  });
});

describe('loadLanguages (content script)', () => {
  it('asks the background only for packs not here yet, and never for a language without one', async () => {
    const asked: unknown[] = [];
    const send = (async (message: unknown) => {
      asked.push(message);
      return { ok: true };
    }) as never;
    // Every pack is registered in the unit tests (tests/unit/setup.ts): nothing to ask for.
    expect(registeredPacks().has('fr')).toBe(true);
    expect(await loadLanguages(['fr-FR', 'en-US', 'xx', null, undefined], send)).toBe(false);
    expect(asked).toEqual([]);
  });
});
