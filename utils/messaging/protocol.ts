/**
 * The messages content scripts may send to the background, and its answers. Content scripts run in
 * the site's origin and are treated as untrusted (README "Architecture"): they can add a snapshot of an own count,
 * activity or a page view's site health, read their own site's modes and snooze, and ask for a language pack
 * or the prompt's frame code in their own frame. Nothing that reads the journal or other sites' settings, writes the user's answers or
 * settings, or deletes anything exists here, so no message can do it: the prompt's answers and "Not now"
 * are written by the extension's own prompt page (entrypoints/prompt/), which reads the aim itself.
 *
 * Field validators are the record schemas' own (`SnapshotSchema.entries.…`), so a message accepted
 * here is a record the journal accepts. Times and days are never taken from a message: the background
 * stamps them, so a content script cannot backdate or postdate the journal.
 */
import * as v from 'valibot';
import { LAYERS } from '../sites/types';
import { NEUTRAL_UNITS_CODE, PACK_CODES } from '../detection/lang/codes';
import type { SiteState } from '../settings/items';
import type { ContentWords } from '../i18n/t';
import { SnapshotSchema } from '../journal/records';
import { ACTIVITY_LIMITS } from './limits';
import type { PromptReplies } from './prompt-protocol';
import { describeIssue, type Refusal } from './refusal';

const siteId = SnapshotSchema.entries.siteId;

const bounded = (max: number) => v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(max));

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
      siteId,
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
 * One page view that should have shown counts (utils/health/recorder.ts): found, by which layer, or empty; a late
 * "found" corrects the view's empty record. A view that was empty or fell back may ask for a diagnosis:
 * the background then reads its regions' structure with entrypoints/diagnostic.ts (utils/health/diagnosis.ts).
 */
const HealthAddSchema = v.strictObject({
  type: v.literal('health/add'),
  health: v.pipe(
    v.strictObject({
      siteId,
      found: v.boolean(),
      via: v.optional(v.picklist(LAYERS)),
      corrects: v.optional(v.literal(true)),
      diagnose: v.optional(v.literal(true)),
    }),
    v.check(
      (health) => health.found === (health.via !== undefined),
      'a view with counts says which layer found them, and only such a view',
    ),
    v.check((health) => !health.corrects || health.found, 'only a view with counts corrects an empty one'),
    v.check((health) => !health.diagnose || health.via !== 'hook', 'only a view that was empty or fell back is diagnosed'),
  ),
});

/**
 * Inject a language pack (utils/detection/lang/files.ts) into the sender's own frame: a content script carries only
 * English and loads the page's language when it needs it. The language must be one a pack exists for, or
 * the neutral units (`units`: every language's compact units, for a token the page's tables miss).
 */
const LanguageLoadSchema = v.strictObject({
  type: v.literal('lang/load'),
  lang: v.picklist([NEUTRAL_UNITS_CODE, ...PACK_CODES] as [string, ...string[]]),
});

/**
 * Inject the dialog's frame code (entrypoints/prompt-frame.ts) into the sender's own frame, on the page's
 * first open of a prompt: the chip's side of the frame, kept out of every content script to keep it small
 * (components/prompt/frame-slot.ts). It carries nothing and reads nothing.
 */
const PromptFrameSchema = v.strictObject({ type: v.literal('prompt/frame') });

/**
 * Inject the generic layer (entrypoints/generic-layer.ts) into the sender's own frame, the first time a
 * region there misses a count its hooks and labels cannot find (utils/sites/generic-slot.ts). It carries
 * nothing and reads nothing.
 */
const GenericLayerSchema = v.strictObject({ type: v.literal('sites/generic') });

/**
 * The mode, the modes of its metrics and the snooze of the sender's own site (the site id it reports under,
 * checked like every other site id): what the live layer obeys. Never the list of added sites, nor any
 * other site's settings. The request names the site and nothing else: the answer is the site's whole.
 */
const SiteSettingsSchema = v.strictObject({ type: v.literal('settings/site'), siteId });

const SCHEMAS = {
  'snapshot/add': SnapshotAddSchema,
  'activity/add': ActivityAddSchema,
  'health/add': HealthAddSchema,
  'lang/load': LanguageLoadSchema,
  'prompt/frame': PromptFrameSchema,
  'sites/generic': GenericLayerSchema,
  'settings/site': SiteSettingsSchema,
} as const;

export type MessageType = keyof typeof SCHEMAS;
export const MESSAGE_TYPES = Object.keys(SCHEMAS) as MessageType[];

export type SnapshotAddMessage = v.InferOutput<typeof SnapshotAddSchema>;
export type ActivityAddMessage = v.InferOutput<typeof ActivityAddSchema>;
export type HealthAddMessage = v.InferOutput<typeof HealthAddSchema>;
export type LanguageLoadMessage = v.InferOutput<typeof LanguageLoadSchema>;
export type PromptFrameMessage = v.InferOutput<typeof PromptFrameSchema>;
export type GenericLayerMessage = v.InferOutput<typeof GenericLayerSchema>;
export type SiteSettingsMessage = v.InferOutput<typeof SiteSettingsSchema>;
export type Message =
  | SnapshotAddMessage
  | ActivityAddMessage
  | HealthAddMessage
  | LanguageLoadMessage
  | PromptFrameMessage
  | GenericLayerMessage
  | SiteSettingsMessage;
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

interface Replies {
  /**
   * `recorded` is false when the count is already the day's last for its site and metric (nothing written);
   * true when it was added, or replaced the last one within the hour (journal.ts SNAPSHOT_INTERVAL_MS).
   */
  'snapshot/add': { ok: true; recorded: boolean };
  'activity/add': { ok: true };
  'health/add': { ok: true };
  /** The language pack has run in the sender's frame (now, or at an earlier request from the same document). */
  'lang/load': { ok: true };
  /** The frame code has run in the sender's frame (now, or at an earlier request from the same document). */
  'prompt/frame': { ok: true };
  /** The generic layer has run in the sender's frame (now, or at an earlier request from the same document). */
  'sites/generic': { ok: true };
  /**
   * The sender's site: its mode, the metrics given a mode of their own (`metrics`, e.g. `{followers: 'hide'}`;
   * every other metric follows `mode`), and when its snooze ends (null when it is not snoozed now); and the
   * words the content script says, in the browser's language (utils/i18n/content-words.ts).
   */
  'settings/site': { ok: true; words: ContentWords } & SiteState;
}

export type ResponseFor<T extends MessageType> = Replies[T] | Refusal;
/** What the background answers: a content script's message, or the prompt page's (./prompt-protocol.ts). */
export type Response = ResponseFor<MessageType> | PromptReplies[keyof PromptReplies];

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
      error:
        `Refused: ${echo(type)} is not a message Running For accepts from a page. Content scripts may add snapshots, ` +
        `activity and site health, read their own site's settings and load a language or the ` +
        `prompt's frame — nothing else.`,
    };
  }
  const result = v.safeParse(SCHEMAS[type as MessageType], input);
  if (result.success) return { ok: true, message: result.output };
  return { ok: false, error: `Refused ${type}: ${describeIssue(result.issues[0])}` };
}
