import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { generic } from '@/utils/sites/generic';
import { registerGeneric } from '@/utils/sites/generic-slot';

/**
 * The generic layer, out of the supported sites' content scripts (utils/sites/generic-slot.ts): the
 * background injects this into the content script's world the first time a region misses a count its
 * hooks and labels cannot find (`sites/generic`), and it registers the generic detector there.
 */
export default defineUnlistedScript(() => {
  registerGeneric(generic.detect);
});
