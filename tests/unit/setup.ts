/**
 * Every unit test reads pages in any language, as `detect`, `scan` and the background do: all language
 * packs registered (utils/detection/lang/all.ts). Content scripts load theirs one at a time (utils/detection/lang/loader.ts):
 * a `*.content-world.test.ts` file starts as a content script does — English only, nothing else registered
 * — and the end-to-end tests run that path in real browsers.
 */
import { expect } from 'vitest';

if (!expect.getState().testPath?.endsWith('.content-world.test.ts')) await import('../../utils/detection/lang/all');
