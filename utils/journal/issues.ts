/**
 * What is wrong with a value the record schemas (./records.ts) refused, said once for everyone who reads
 * it: the person importing a backup (./backup/validate.ts) and whoever reads a refused message's log
 * (utils/messaging/refusal.ts).
 */
import type * as v from 'valibot';
import { formatList, t, type MessageKey } from '../i18n/t';

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
export function describeIssue(issue: v.BaseIssue<unknown>, { whole = '', field = t('issueNotAField') } = {}): string {
  const where = formatPath(issue.path?.map((item) => item.key) ?? []) || whole;
  const text = where ? t('issueAt', [where, issueText(issue, field)]) : t('issueOnly', issueText(issue, field));
  // valibot quotes the value it received, which may be a page's worth of text.
  return text.length > ERROR_LIMIT ? `${text.slice(0, ERROR_LIMIT)}…` : text;
}

function issueText(issue: v.BaseIssue<unknown>, field: string): string {
  if (issue.kind === 'schema') {
    if (issue.type === 'strict_object' && issue.expected === 'never') return field;
    if (issue.type === 'strict_object' && issue.received === 'undefined') return t('issueMissing');
    const expected =
      issue.type === 'picklist' || issue.type === 'literal' ? alternatives(issue.expected) : alternatives(issue.expected, typeName);
    return t('issueMustBe', [expected, issue.received]);
  }
  switch (issue.type) {
    case 'max_length':
      return t('issueTooLong', [issue.received, String(issue.requirement)]);
    case 'min_length':
      return t('issueEmpty');
    case 'safe_integer':
      return t('issueWholeNumber', issue.received);
    case 'min_value':
      return t('issueNegative', issue.received);
    default:
      // records.ts gives its regex and check steps their own wording ("must be a real date").
      return issue.message;
  }
}

/** `("a" | "b" | "c")` → `"a", "b" or "c"`, in the UI's language. */
function alternatives(expected: string | null, name: (type: string) => string = (type) => type): string {
  const parts = (expected ?? '')
    .replace(/^\((.*)\)$/, '$1')
    .split(' | ')
    .map(name);
  return formatList(parts, 'disjunction');
}

function typeName(type: string): string {
  const names: Record<string, MessageKey> = {
    string: 'typeText',
    number: 'typeNumber',
    boolean: 'typeBoolean',
    Array: 'typeList',
    Object: 'typeObject',
  };
  return Object.hasOwn(names, type) ? t(names[type]!) : type;
}
