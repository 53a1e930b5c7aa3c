/**
 * The messages content scripts may send to the background, and its answers. Content scripts run in
 * the site's origin and are treated as untrusted (DESIGN.md): they can add a reflection, a snapshot,
 * activity or a page view's site health, read the current aim for display, read their own site's mode and
 * snooze (and, for now, snooze it), and ask for the prompt's dialog script or a language pack in their own
 * frame —
 * nothing that reads the history or other sites' settings, writes settings or deletes anything exists
 * here, so no message can do it.
 *
 * Field validators are the record schemas' own (`ReflectionSchema.entries.…`), so a message accepted
 * here is a record the journal accepts. Times and days are never taken from a message: the background
 * stamps them, so a content script cannot backdate or postdate the journal.
 */
import * as v from 'valibot';
import { LAYERS } from '../sites/types';
import { PACK_CODES } from '../lang/codes';
import type { SiteState } from '../settings';
import { isoDate, OutcomeSchema, ReflectionSchema, SnapshotSchema } from './records';

/** Bounds on one activity message: a content script reports small, frequent deltas, never totals. */
export const ACTIVITY_LIMITS = {
  /** Ten minutes of active time per message. */
  activeMs: 10 * 60 * 1000,
  metricsSeen: 10_000,
  promptsShown: 10_000,
} as const;

const reflectionFields = ReflectionSchema.entries;
const outcomeFields = OutcomeSchema.entries;

const bounded = (max: number) => v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(max));

const ReflectionAddSchema = v.strictObject({
  type: v.literal('reflection/add'),
  reflection: v.pipe(
    v.strictObject({
      siteId: reflectionFields.siteId,
      metric: reflectionFields.metric,
      value: reflectionFields.value,
      own: reflectionFields.own,
      answer: reflectionFields.answer,
      outcome: v.optional(
        v.strictObject({
          title: outcomeFields.title,
          kind: outcomeFields.kind,
          note: v.optional(outcomeFields.note),
        }),
      ),
    }),
    // An "outcome" answer without the outcome would count a result nobody can see; any other answer
    // with one would store an outcome the user did not say they had.
    v.check(
      (reflection) => (reflection.answer === 'outcome') === (reflection.outcome !== undefined),
      'an outcome is required with the answer "outcome", and allowed only with it',
    ),
  ),
});

const SnapshotAddSchema = v.strictObject({
  type: v.literal('snapshot/add'),
  snapshot: v.strictObject({
    siteId: SnapshotSchema.entries.siteId,
    metric: SnapshotSchema.entries.metric,
    value: SnapshotSchema.entries.value,
    approximate: SnapshotSchema.entries.approximate,
  }),
});

const ActivityAddSchema = v.strictObject({
  type: v.literal('activity/add'),
  activity: v.pipe(
    v.strictObject({
      siteId: reflectionFields.siteId,
      activeMs: v.optional(bounded(ACTIVITY_LIMITS.activeMs)),
      metricsSeen: v.optional(bounded(ACTIVITY_LIMITS.metricsSeen)),
      promptsShown: v.optional(bounded(ACTIVITY_LIMITS.promptsShown)),
    }),
    v.check(
      (activity) => activity.activeMs !== undefined || activity.metricsSeen !== undefined || activity.promptsShown !== undefined,
      'must add at least one of activeMs, metricsSeen, promptsShown',
    ),
  ),
});

/**
 * One page view that should have shown counts (utils/health.ts): found, by which layer, or empty; a late
 * "found" corrects the view's empty record. A view that was empty or fell back may ask for a diagnosis:
 * the background then reads its regions' structure with entrypoints/diagnostic.ts (utils/diagnosis.ts).
 */
const HealthAddSchema = v.strictObject({
  type: v.literal('health/add'),
  health: v.pipe(
    v.strictObject({
      siteId: reflectionFields.siteId,
      found: v.boolean(),
      via: v.optional(v.picklist(LAYERS)),
      corrects: v.optional(v.literal(true)),
      diagnose: v.optional(v.literal(true)),
    }),
    v.check((health) => health.found === (health.via !== undefined), 'a view with counts says which layer found them, and only such a view'),
    v.check((health) => !health.corrects || health.found, 'only a view with counts corrects an empty one'),
    v.check((health) => !health.diagnose || health.via !== 'hook', 'only a view that was empty or fell back is diagnosed'),
  ),
});

const AimCurrentSchema = v.strictObject({ type: v.literal('aim/current') });

/**
 * Inject the prompt's dialog (entrypoints/prompt-dialog.ts) into the sender's own frame, on the first
 * open of a prompt there: the content scripts stay small by not carrying it. Nothing to choose: the
 * file, the frame and the world are all fixed by the background.
 */
const PromptDialogSchema = v.strictObject({ type: v.literal('prompt/dialog') });

/**
 * Inject a language pack (utils/lang/files.ts) into the sender's own frame: a content script carries only
 * English and loads the page's language when it needs it. The language must be one a pack exists for.
 */
const LanguageLoadSchema = v.strictObject({ type: v.literal('lang/load'), lang: v.picklist(PACK_CODES as [string, ...string[]]) });

/**
 * The mode and snooze of the sender's own site (the site id it reports under, checked like every other
 * site id): what the live layer obeys. Never the list of added sites, nor any other site's settings.
 */
const SiteSettingsSchema = v.strictObject({ type: v.literal('settings/site'), siteId: reflectionFields.siteId });

/**
 * "Not now" in the prompt: quiet the sender's own site until a time. Interim — while the prompt's dialog
 * runs in the content script's world, which cannot write settings; once the dialog is an extension page it
 * writes the snooze itself and this message goes. The background bounds the time (SNOOZE_LIMIT_MS).
 */
const SiteSnoozeSchema = v.strictObject({ type: v.literal('settings/snooze'), siteId: reflectionFields.siteId, until: isoDate });

/** The longest snooze a page may ask for: the prompt's longest ("A week") plus a daylight-saving hour and slack. */
export const SNOOZE_LIMIT_MS = 8 * 24 * 60 * 60 * 1000;

const SCHEMAS = {
  'reflection/add': ReflectionAddSchema,
  'snapshot/add': SnapshotAddSchema,
  'activity/add': ActivityAddSchema,
  'health/add': HealthAddSchema,
  'aim/current': AimCurrentSchema,
  'prompt/dialog': PromptDialogSchema,
  'lang/load': LanguageLoadSchema,
  'settings/site': SiteSettingsSchema,
  'settings/snooze': SiteSnoozeSchema,
} as const;

export type MessageType = keyof typeof SCHEMAS;
export const MESSAGE_TYPES = Object.keys(SCHEMAS) as MessageType[];

export type ReflectionAddMessage = v.InferOutput<typeof ReflectionAddSchema>;
export type SnapshotAddMessage = v.InferOutput<typeof SnapshotAddSchema>;
export type ActivityAddMessage = v.InferOutput<typeof ActivityAddSchema>;
export type HealthAddMessage = v.InferOutput<typeof HealthAddSchema>;
export type AimCurrentMessage = v.InferOutput<typeof AimCurrentSchema>;
export type PromptDialogMessage = v.InferOutput<typeof PromptDialogSchema>;
export type LanguageLoadMessage = v.InferOutput<typeof LanguageLoadSchema>;
export type SiteSettingsMessage = v.InferOutput<typeof SiteSettingsSchema>;
export type SiteSnoozeMessage = v.InferOutput<typeof SiteSnoozeSchema>;
export type Message =
  | ReflectionAddMessage
  | SnapshotAddMessage
  | ActivityAddMessage
  | HealthAddMessage
  | AimCurrentMessage
  | PromptDialogMessage
  | LanguageLoadMessage
  | SiteSettingsMessage
  | SiteSnoozeMessage;
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** What a content script may see of the current aim: the words, for display beside a count. */
export interface AimForDisplay {
  purpose: string;
  aim: string;
}

export interface Refusal {
  ok: false;
  /** A sentence a person can read (shown in the prompt, logged otherwise). */
  error: string;
}

interface Replies {
  'reflection/add': { ok: true };
  /** `recorded` is false when the same count was recorded within the hour (the journal keeps one). */
  'snapshot/add': { ok: true; recorded: boolean };
  'activity/add': { ok: true };
  'health/add': { ok: true };
  /**
   * `weekOutcomes`: how many outcomes were logged since the start of this week (settings.weekStartsOn,
   * local time) — a number for the own-profile card, never the outcomes themselves.
   */
  'aim/current': { ok: true; aim: AimForDisplay | null; weekOutcomes: number };
  /** The dialog script has run in the sender's frame (now, or at an earlier request from the same document). */
  'prompt/dialog': { ok: true };
  /** The language pack has run in the sender's frame (now, or at an earlier request from the same document). */
  'lang/load': { ok: true };
  /** The sender's site: its mode, and when its snooze ends (null when it is not snoozed now). */
  'settings/site': { ok: true } & SiteState;
  'settings/snooze': { ok: true };
}

export type ResponseFor<T extends MessageType> = Replies[T] | Refusal;
export type Response = ResponseFor<MessageType>;

/** Longest part of a refused message echoed back in the error, so a huge value is not reflected whole. */
const ECHO_LIMIT = 40;

function echo(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text);
}

/** Validate an untrusted message. Never throws. */
export function parseMessage(input: unknown): { ok: true; message: Message } | Refusal {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'Refused: a message must be an object with a "type".' };
  }
  const type: unknown = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(SCHEMAS, type)) {
    return {
      ok: false,
      error: `Refused: ${echo(type)} is not a message Running For accepts from a page. Content scripts may add reflections, snapshots, activity and site health, read the current aim and their own site's settings, snooze their own site, and load the prompt's dialog or a language — nothing else.`,
    };
  }
  const result = v.safeParse(SCHEMAS[type as MessageType], input);
  if (result.success) return { ok: true, message: result.output };
  return { ok: false, error: `Refused ${type}: ${describeIssue(result.issues[0])}` };
}

/** Longest error returned: valibot quotes the received value, which may be a page's worth of text. */
const ERROR_LIMIT = 300;

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const where = path ? `${path}: ` : '';
  let text: string;
  if (issue.type === 'strict_object' && issue.expected === 'never') text = `${where}is not a field of this message.`;
  else if (issue.received === 'undefined') text = `${where}is missing.`;
  else text = `${where}${issue.message}.`;
  return text.length > ERROR_LIMIT ? `${text.slice(0, ERROR_LIMIT)}…` : text;
}
