/**
 * Every language pack, registered: for the background (which checks what content scripts send), the tests
 * and the command-line tools, which read pages in any language. Content scripts never import this; they
 * load a page's language on demand (./loader.ts).
 */
import { registerPack } from './pack';
import { PACKS } from './packs';

for (const [code, pack] of Object.entries(PACKS)) registerPack(code, pack);
