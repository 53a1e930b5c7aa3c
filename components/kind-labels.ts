/**
 * Words for outcome kinds, in the UI's language (assets/locales/<locale>/common.json). Apart from
 * components/labels.ts (which re-exports them) because that module reads the site list, and the prompt
 * must not.
 */
import { t, type MessageKey } from '@/utils/i18n/t';
import type { OutcomeKind } from '@/utils/journal/records';

export const KIND_KEYS: Record<OutcomeKind, MessageKey> = {
  client: 'kindClient',
  collaboration: 'kindCollaboration',
  job: 'kindJob',
  sale: 'kindSale',
  learning: 'kindLearning',
  creation: 'kindCreation',
  help: 'kindHelp',
  other: 'kindOther',
};

/** An outcome kind's word ("Client"). */
export function kindLabel(kind: OutcomeKind): string {
  return t(KIND_KEYS[kind]);
}
