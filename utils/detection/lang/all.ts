/**
 * Every language pack, the neutral units and Intl's number data, registered: for the background (which checks
 * what content scripts send), the tests
 * and the command-line tools, which read pages in any language. Content scripts never import this; they
 * load a page's language on demand (./loader.ts).
 */
import { intlNumberData, neutralUnits } from './numbers';
import { registerNeutralUnits, registerNumberSource, registerPack } from './pack';
import { PACKS } from './packs';

for (const [code, pack] of Object.entries(PACKS)) registerPack(code, pack);
// Built from Intl when a count first needs them (content scripts load lang/units.js instead), and a
// language no pack covers read with all of Intl's data (content scripts: its separators only).
registerNeutralUnits(neutralUnits);
registerNumberSource(intlNumberData);
