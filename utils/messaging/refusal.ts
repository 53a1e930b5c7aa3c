/**
 * A refused message: its shape, and a refused field said briefly — where, and what is wrong. Shared by the
 * content scripts' messages (./protocol.ts) and the prompt page's (./prompt-protocol.ts).
 */
import type * as v from 'valibot';
import { describeIssue as describeValidationIssue } from '../journal/issues';

export interface Refusal {
  ok: false;
  /**
   * A sentence a person can read (shown in the prompt, logged otherwise). A message over a budget
   * (./budgets.ts) is refused like a malformed one, and counted.
   */
  error: string;
}

/** A refused field, said briefly: where, and what is wrong (../journal/issues.ts). */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  return describeValidationIssue(issue, { field: 'is not a field of this message' });
}
