/**
 * Every unit test reads pages in any language, as `detect`, `scan` and the background do: all language
 * packs registered (utils/detection/lang/all.ts). Content scripts load theirs one at a time (utils/detection/lang/loader.ts):
 * a `*.content-world.test.ts` file starts as a content script does — English only, nothing else registered
 * — and the end-to-end tests run that path in real browsers.
 */
import { beforeEach, expect } from 'vitest';

if (!expect.getState().testPath?.endsWith('.content-world.test.ts')) await import('../../utils/detection/lang/all');

// The UI's words as the browser gives them (./i18n-fake.ts): English in a British browser (weeks start on
// Monday), unless a test picks another locale.
const { installI18n, useLocale } = await import('./i18n-fake');
installI18n();
beforeEach(() => useLocale('en', 'en-GB'));
