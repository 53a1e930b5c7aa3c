/**
 * What the prompt's dialog page (entrypoints/prompt/) asks the background. The page is the extension's
 * own, but it runs framed inside a site's page, where it cannot open the journal itself (storage there
 * belongs to the site's partition): so the background reads the aim for it and stores its answers.
 * Content scripts can send none of these (./background.ts routes by sender: only the prompt page's
 * own address, in this extension, gets here, and answers them with `aimForPrompt` and `storeAnswer`).
 */
import * as v from 'valibot';
import { OutcomeSchema, ReflectionSchema } from '../journal/records';
import { describeIssue, type Refusal } from './refusal';

const reflection = ReflectionSchema.entries;
const outcome = OutcomeSchema.entries;

const PromptAimSchema = v.strictObject({ type: v.literal('prompt/aim') });

/** An answer to a prompt: a reflection, with its outcome when the answer is "outcome". */
const PromptAnswerSchema = v.strictObject({
  type: v.literal('prompt/answer'),
  answer: v.pipe(
    v.strictObject({
      siteId: reflection.siteId,
      metric: reflection.metric,
      value: reflection.value,
      own: reflection.own,
      answer: reflection.answer,
      outcome: v.optional(v.strictObject({ title: outcome.title, kind: outcome.kind, note: v.optional(outcome.note) })),
    }),
    // An "outcome" answer without the outcome would count a result nobody can see; any other answer
    // with one would store an outcome the user did not say they had.
    v.check(
      (answer) => (answer.answer === 'outcome') === (answer.outcome !== undefined),
      'an outcome is required with the answer "outcome", and allowed only with it',
    ),
  ),
});

const SCHEMAS = { 'prompt/aim': PromptAimSchema, 'prompt/answer': PromptAnswerSchema } as const;

export type PromptMessage = v.InferOutput<(typeof SCHEMAS)[keyof typeof SCHEMAS]>;
export type PromptAnswer = v.InferOutput<typeof PromptAnswerSchema>['answer'];

export interface PromptReplies {
  /**
   * The current aim's words and its if-then plan when it has one (never its purpose, ids or dates), and how
   * many outcomes were logged this week.
   */
  'prompt/aim': { ok: true; aim: string | null; plan?: string; weekOutcomes: number };
  'prompt/answer': { ok: true };
}

/** The prompt page's address: the only sender these messages are taken from. */
export const PROMPT_PAGE_PATH = '/prompt.html';

export function parsePromptMessage(input: unknown): { ok: true; message: PromptMessage } | Refusal {
  const type = (input as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(SCHEMAS, type)) return { ok: false, error: 'Refused: not a message of the prompt page.' };
  const result = v.safeParse(SCHEMAS[type as keyof typeof SCHEMAS], input);
  if (result.success) return { ok: true, message: result.output };
  return { ok: false, error: `Refused ${type}: ${describeIssue(result.issues[0])}` };
}
