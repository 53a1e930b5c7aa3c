/**
 * Language packs: what Running For needs of a language to read a page written in it, and where the packs
 * a page has are kept. English is always there (./en.ts); others are registered — all at once where size
 * does not matter (./all.ts: the background, extension pages, tests, tools), or one at a time in a content
 * script as the page needs them (./loader.ts). The parser, the label words and the own-profile check read
 * whatever is registered, and rebuild their tables when a pack arrives (`packsVersion`).
 *
 * The packs live in an isolated-world global, like the prompt's frame code (components/prompt/frame-slot.ts):
 * a pack file injected by the background runs in the content script's world and registers itself there;
 * page scripts have their own globals and can neither read nor replace it.
 */
import { EN } from './en';

export interface LanguagePack {
  /** Label words per metric in METRICS order, ";" between metrics, "|" between a metric's words. */
  words: string;
  /** "More than N": words before the number, or after it when written "…word"; "|"-separated. */
  moreThan: string;
  /** "Edit profile" as sites label it, lower case, "|"-separated. */
  editProfile: string;
}

interface Slot {
  readonly packs: Map<string, LanguagePack>;
  version: number;
  /** Called by a pack file: `globalThis.__runningForLanguages.register("fr", {...})`. */
  register(code: string, pack: LanguagePack): void;
  /** What to do when a page needs a language not registered yet (a content script loads it). */
  onMissing?: (code: string) => void;
}

/** The isolated-world global (utils/lang/files.ts writes the pack files that call it). */
const SLOT = '__runningForLanguages';

function isPack(value: unknown): value is LanguagePack {
  const pack = value as Partial<LanguagePack> | null;
  return typeof pack === 'object' && pack !== null && typeof pack.words === 'string' && typeof pack.moreThan === 'string' && typeof pack.editProfile === 'string';
}

function slot(): Slot {
  const holder = globalThis as unknown as Record<string, Slot | undefined>;
  let found = holder[SLOT];
  if (!found) {
    const packs = new Map<string, LanguagePack>([['en', EN]]);
    const created: Slot = {
      packs,
      version: 1,
      register(code, pack) {
        if (typeof code !== 'string' || !/^[a-z]{2,3}$/.test(code) || !isPack(pack) || packs.has(code)) return;
        packs.set(code, pack);
        created.version++;
      },
    };
    Object.defineProperty(holder, SLOT, { value: created, configurable: false, enumerable: false, writable: false });
    found = created;
  }
  return found;
}

export function registerPack(code: string, pack: LanguagePack): void {
  slot().register(code, pack);
}

/** The registered packs, English first. */
export function registeredPacks(): ReadonlyMap<string, LanguagePack> {
  return slot().packs;
}

/** Bumped whenever a pack is registered: tables built from the packs compare it to know they are stale. */
export function packsVersion(): number {
  return slot().version;
}

/** A page needs `code` (a base language, "fr"): ask for it when it is not registered yet. */
export function wantLanguage(code: string | undefined): void {
  if (!code) return;
  const shared = slot();
  if (!shared.packs.has(code)) shared.onMissing?.(code);
}

/** Who loads a missing language (the content script); returns a function that stops asking it. */
export function onMissingLanguage(handler: (code: string) => void): () => void {
  const shared = slot();
  shared.onMissing = handler;
  return () => {
    if (shared.onMissing === handler) shared.onMissing = undefined;
  };
}

/**
 * One table per pack version: `build` runs again only after a pack was registered. The parser, the label
 * words and the own-profile check keep theirs this way.
 */
export function perPacks<T>(build: (packs: ReadonlyMap<string, LanguagePack>) => T): () => T {
  let built: { version: number; value: T } | undefined;
  return () => {
    const version = packsVersion();
    if (!built || built.version !== version) built = { version, value: build(registeredPacks()) };
    return built.value;
  };
}
