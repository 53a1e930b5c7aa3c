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
import type { LanguagePack, NumberData, NumberPack } from './types';
import { NEUTRAL_UNITS_CODE } from './codes';
import { EN } from './en';

interface Slot {
  readonly packs: Map<string, LanguagePack>;
  /** Number data by tag, from the packs' `numbers`. */
  readonly numbers: Map<string, NumberData>;
  /** Where every pack is registered (./all.ts): the number data of a tag no pack covers, from Intl. */
  source?: (tag: string) => NumberData;
  /** The neutral units (`lang/units.js`), once loaded; or how to build them (./all.ts), until asked. */
  neutral?: string | (() => string);
  version: number;
  /** Called by a pack file: `globalThis.__runningForLanguages.register("fr", {...})`. */
  register(code: string, pack: LanguagePack): void;
  /** Called by `lang/units.js` (a string), or by ./all.ts (a function that builds them when first asked). */
  units(units: string | (() => string)): void;
  /** What to do when a page needs a language not registered yet (a content script loads it). */
  onMissing?: (code: string) => void;
}

/** The isolated-world global (utils/detection/lang/files.ts writes the pack files that call it). */
const SLOT = '__runningForLanguages';

function isPack(value: unknown): value is LanguagePack {
  const pack = value as Partial<LanguagePack> | null;
  return (
    typeof pack === 'object' &&
    pack !== null &&
    typeof pack.words === 'string' &&
    typeof pack.moreThan === 'string' &&
    typeof pack.editProfile === 'string'
  );
}

/** Add a pack's number data to `numbers`; a malformed one adds nothing (Intl is asked instead). */
function addNumbers(numbers: Map<string, NumberData>, pack: NumberPack | undefined): void {
  if (typeof pack !== 'object' || pack === null || !Array.isArray(pack.units) || typeof pack.tags !== 'string') return;
  for (const entry of pack.tags.split('|')) {
    const match = /^([\w-]+)=(.)(.)(\d+)$/su.exec(entry);
    const units = match ? pack.units[Number(match[4])] : undefined;
    if (match && typeof units === 'string') numbers.set(match[1]!, { group: match[2]!, decimal: match[3]!, units });
  }
}

function slot(): Slot {
  const holder = globalThis as unknown as Record<string, Slot | undefined>;
  let found = holder[SLOT];
  if (!found) {
    const packs = new Map<string, LanguagePack>([['en', EN]]);
    const numbers = new Map<string, NumberData>();
    addNumbers(numbers, EN.numbers);
    const created: Slot = {
      packs,
      numbers,
      version: 1,
      register(code, pack) {
        if (typeof code !== 'string' || !/^[a-z]{2,3}$/.test(code) || !isPack(pack) || packs.has(code)) return;
        packs.set(code, pack);
        addNumbers(numbers, pack.numbers);
        created.version++;
      },
      units(units) {
        if ((typeof units === 'string' || typeof units === 'function') && created.neutral === undefined) created.neutral = units;
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

/**
 * The number data for `tag` (canonical) in `numbers`, from its most specific covered form; undefined when
 * none covers it, or when it carries an extension ("-u-nu-arab"), which only Intl reads.
 */
export function lookupNumbers(numbers: ReadonlyMap<string, NumberData>, tag: string): NumberData | undefined {
  if (/-[0-9a-z]-/i.test(tag)) return undefined;
  for (let candidate = tag; candidate; candidate = candidate.slice(0, Math.max(0, candidate.lastIndexOf('-')))) {
    const found = numbers.get(candidate);
    if (found) return found;
  }
  return undefined;
}

/** The number data the registered packs ship for `tag` (canonical), if any covers it. */
export function shippedNumbers(tag: string): NumberData | undefined {
  return lookupNumbers(slot().numbers, tag);
}

/** A pack's number data by tag. */
export function numbersOf(pack: NumberPack | undefined): Map<string, NumberData> {
  const numbers = new Map<string, NumberData>();
  addNumbers(numbers, pack);
  return numbers;
}

export function shippedNeutralUnits(): string | undefined {
  const shared = slot();
  if (typeof shared.neutral === 'function') shared.neutral = shared.neutral();
  return shared.neutral;
}

/** Where every pack is registered (./all.ts): read a tag no pack covers with all of Intl's data. */
export function registerNumberSource(source: (tag: string) => NumberData): void {
  slot().source ??= source;
}

export function numberSource(): ((tag: string) => NumberData) | undefined {
  return slot().source;
}

/** Where every pack is registered (./all.ts): the neutral units are built here, from Intl, when first asked. */
export function registerNeutralUnits(build: () => string): void {
  slot().units(build);
}

/** Detection needs the neutral units and they are not here: a content script loads them (`lang/units.js`). */
export function wantNeutralUnits(): void {
  slot().onMissing?.(NEUTRAL_UNITS_CODE);
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
