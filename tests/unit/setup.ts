/**
 * Every unit test reads pages in any language, as `detect`, `scan` and the background do: all language
 * packs registered (utils/lang/all.ts). Content scripts load theirs one at a time (utils/lang/loader.ts,
 * tested with its own packs) — the end-to-end tests run that path in real browsers.
 */
import '../../utils/lang/all';
