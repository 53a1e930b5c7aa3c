/**
 * The shapes of a language's data (./pack.ts keeps the packs, ../number-locale.ts reads their numbers): in
 * a module of their own, so the modules that share them do not import each other.
 */

/**
 * What a language's numbers look like: its separators (normalised) and its compact units — where sites
 * differ from CLDR first (utils/detection/lang/numbers.ts `SITE_UNITS`), then CLDR's — "|" between units, each a
 * token then the power of ten it stands for ("K3|M6|thousand3"; a token never holds a digit). The language
 * packs ship it for every tag CLDR has data for (utils/detection/lang/numbers.ts writes it at build time), so a
 * content script never builds it with Intl: a page's first `Intl.NumberFormat` costs 20–30 ms, the unit
 * tables hundreds of `formatToParts` calls more.
 */
export interface NumberData {
  group: string;
  decimal: string;
  units: string;
}

/**
 * A language's number data for every tag CLDR distinguishes (utils/detection/lang/numbers.ts writes it at build
 * time). Looked up from the most specific tag: "de-CH-1996" → "de-CH" → "de".
 */
export interface NumberPack {
  /** The distinct unit lists (`NumberData.units`). */
  units: string[];
  /**
   * "|" between tags, each `tag=` then its group and decimal separators (one character each) and the
   * index of its units: "en=,.0|en-DE=.,0|en-GB=,.1".
   */
  tags: string;
}

export interface LanguagePack {
  /** Label words per metric in METRICS order, ";" between metrics, "|" between a metric's words. */
  words: string;
  /** "More than N": words before the number, or after it when written "…word"; "|"-separated. */
  moreThan: string;
  /** "Edit profile" as sites label it, lower case, "|"-separated. */
  editProfile: string;
  /** Its numbers (the build adds them to the pack files; without them, Intl is asked). */
  numbers?: NumberPack;
}
