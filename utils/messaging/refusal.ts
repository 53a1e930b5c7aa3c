/**
 * A refused message: its shape, and a refused field said briefly — where, and what is wrong. Shared by the
 * content scripts' messages (./protocol.ts) and the prompt page's (./prompt-protocol.ts).
 */
import * as v from 'valibot';

export interface Refusal {
  ok: false;
  /**
   * A sentence a person can read (shown in the prompt, logged otherwise). A message over a budget
   * (./budgets.ts) is refused like a malformed one, and counted.
   */
  error: string;
}

/** Longest error returned: valibot quotes the received value, which may be a page's worth of text. */
const ERROR_LIMIT = 300;

/** A refused field, said briefly: where, and what is wrong. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const where = path ? `${path}: ` : '';
  let text: string;
  if (issue.type === 'strict_object' && issue.expected === 'never') text = `${where}is not a field of this message.`;
  else if (issue.received === 'undefined') text = `${where}is missing.`;
  else text = `${where}${issue.message}.`;
  return text.length > ERROR_LIMIT ? `${text.slice(0, ERROR_LIMIT)}…` : text;
}
