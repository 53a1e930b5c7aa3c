/** Words the dashboard shows for stores and lists (kinds and sites: ../labels.ts). */
import type { StoreName } from '@/utils/journal/db';

export const STORE_LABELS: Record<StoreName, { one: string; many: string }> = {
  aims: { one: 'aim', many: 'aims' },
  outcomes: { one: 'outcome', many: 'outcomes' },
  reflections: { one: 'answer to a prompt', many: 'answers to prompts' },
  snapshots: { one: 'count snapshot', many: 'count snapshots' },
  activity: { one: 'day of activity', many: 'days of activity' },
};

/** "1 aim", "3 outcomes". */
export function countOf(store: StoreName, n: number): string {
  const label = STORE_LABELS[store];
  return `${n.toLocaleString()} ${n === 1 ? label.one : label.many}`;
}

/** "a, b and c". */
export function listSentence(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
