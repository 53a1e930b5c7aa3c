import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { diagnosticOf } from '@/utils/health/diagnostic';
import { takeDiagnosis } from '@/utils/health/diagnosis';

/**
 * A page view's diagnostic, out of the content scripts (utils/health/diagnosis.ts): the background injects this
 * into the frame after a view came up empty or fell back to labels; it takes the regions the content
 * script left and returns their redacted structure as the script's result (`executeScript`), which the
 * background redacts again and keeps. Nothing else is read; nothing leaves the device.
 */
export default defineUnlistedScript((): string | null => {
  const diagnosis = takeDiagnosis();
  return diagnosis ? diagnosticOf(diagnosis.regions, { site: diagnosis.site, page: diagnosis.page }) : null;
});
