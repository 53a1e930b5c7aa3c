/**
 * What is wrong with a value the record schemas (./records.ts) refused, said once for everyone who reads
 * it: the person importing a backup (./backup/validate.ts) and whoever reads a refused message's log
 * (utils/messaging/refusal.ts).
 */
import type * as v from 'valibot';

/** Longest sentence returned. */
const ERROR_LIMIT = 300;

/** `outcomes[3].kind` */
export function formatPath(keys: readonly unknown[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/**
 * One valibot issue as a sentence: where, then what is wrong, in words a person can act on. `whole` names
 * what an issue without a path is about ("The backup"); `field` says what an unknown field is not.
 */
export function describeIssue(issue: v.BaseIssue<unknown>, { whole = '', field = 'is not a field this kind of record has' } = {}): string {
  const where = formatPath(issue.path?.map((item) => item.key) ?? []) || whole;
  const text = `${where ? `${where}: ` : ''}${issueText(issue, field)}.`;
  // valibot quotes the value it received, which may be a page's worth of text.
  return text.length > ERROR_LIMIT ? `${text.slice(0, ERROR_LIMIT)}…` : text;
}

function issueText(issue: v.BaseIssue<unknown>, field: string): string {
  const found = `found ${issue.received}`;
  if (issue.kind === 'schema') {
    if (issue.type === 'strict_object' && issue.expected === 'never') return field;
    if (issue.type === 'strict_object' && issue.received === 'undefined') return 'is missing';
    if (issue.type === 'picklist' || issue.type === 'literal') return `must be ${alternatives(issue.expected, ' or ')} (${found})`;
    return `must be ${alternatives(issue.expected, ' or ', typeName)} (${found})`;
  }
  switch (issue.type) {
    case 'max_length':
      return `is too long (${issue.received} characters; at most ${String(issue.requirement)})`;
    case 'min_length':
      return 'must not be empty';
    case 'safe_integer':
      return `must be a whole number (${found})`;
    case 'min_value':
      return `must not be negative (${found})`;
    default:
      // records.ts gives its regex and check steps their own wording ("must be a real date").
      return issue.message;
  }
}

/** `("a" | "b" | "c")` → `"a", "b" or "c"`. */
function alternatives(expected: string | null, last: string, name: (t: string) => string = (t) => t): string {
  const parts = (expected ?? '')
    .replace(/^\((.*)\)$/, '$1')
    .split(' | ')
    .map(name);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')}${last}${parts.at(-1)}`;
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    null: 'null',
    Array: 'a list',
    Object: 'an object',
  };
  return Object.hasOwn(names, type) ? names[type]! : type;
}
