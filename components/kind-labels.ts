/**
 * Words for outcome kinds. Apart from components/labels.ts (which re-exports them) because that module
 * reads the whole adapter registry for site names, and the prompt in each content script must not.
 */
import type { OutcomeKind } from '@/utils/journal/records';

export const KIND_LABELS: Record<OutcomeKind, string> = {
  client: 'Client',
  collaboration: 'Collaboration',
  job: 'Job',
  sale: 'Sale',
  learning: 'Learning',
  creation: 'Creation',
  help: 'Help',
  other: 'Other',
};
