/** Words the dashboard shows for stores and lists, in the UI's language (kinds and sites: ../labels.ts). */
import { formatList, formatNumber, plural, t, type MessageKey, type PluralKey } from '@/utils/i18n/t';
import type { StoreName } from '@/utils/journal/db';

const STORE_NAMES: Record<StoreName, MessageKey> = {
  aims: 'storeAims',
  outcomes: 'storeOutcomes',
  reflections: 'storeReflections',
  snapshots: 'storeSnapshots',
  activity: 'storeActivity',
};

const STORE_COUNTS: Record<StoreName, PluralKey> = {
  aims: 'storeCountAims',
  outcomes: 'storeCountOutcomes',
  reflections: 'storeCountReflections',
  snapshots: 'storeCountSnapshots',
  activity: 'storeCountActivity',
};

/** A store's name as a heading: "Aims", "Answers to prompts". */
export function storeName(store: StoreName): string {
  return t(STORE_NAMES[store]);
}

/** "1 aim", "3 outcomes". */
export function countOf(store: StoreName, n: number): string {
  return plural(STORE_COUNTS[store], n, formatNumber(n));
}

/** "a, b and c", as the UI's language joins a list. */
export function listSentence(items: readonly string[]): string {
  return formatList(items);
}
