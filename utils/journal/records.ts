/**
 * The journal's record shapes — the same in IndexedDB, in messages and in backup files — and their
 * validators. Dates are ISO 8601 strings in UTC (`Date#toISOString()`), so they sort as strings and
 * range queries by time work on them directly; `activity.day` is a local `YYYY-MM-DD`.
 */
import * as v from 'valibot';
import { LAYERS, METRICS, type Layer, type Metric } from '../sites/types';

export const OUTCOME_KINDS = ['client', 'collaboration', 'job', 'sale', 'learning', 'creation', 'help', 'other'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const ANSWERS = ['outcome', 'nothing-yet', 'dismissed'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface Aim {
  id: string;
  purpose: string;
  aim: string;
  /**
   * An if-then plan kept with the aim ("When I see my follower count, I will …"), shown in the prompt; absent
   * when the user wrote none. Written by the first-run page (components/welcome/); not part of the aim's words,
   * so changing it changes this record in place instead of archiving it (Journal#setPlan).
   */
  plan?: string;
  createdAt: string;
  /** When a newer aim replaced this one; null for the current aim. */
  archivedAt: string | null;
}

export interface Outcome {
  id: string;
  at: string;
  title: string;
  kind: OutcomeKind;
  note: string;
  /** The network it came through, or null. */
  siteId: string | null;
  /** The aim current when it was logged, or null. */
  aimId: string | null;
}

export interface Reflection {
  id: string;
  at: string;
  siteId: string;
  metric: Metric;
  value: number;
  own: boolean;
  answer: Answer;
  outcomeId: string | null;
}

export interface Snapshot {
  id: string;
  at: string;
  siteId: string;
  metric: Metric;
  value: number;
  approximate: boolean;
}

export interface Activity {
  /** Local calendar day, `YYYY-MM-DD`. */
  day: string;
  siteId: string;
  activeMs: number;
  metricsSeen: number;
  promptsShown: number;
}

/**
 * Site health, one row per local day and site: page views that should have shown counts (a profile whose
 * header rendered), those that did, and by which layer (utils/sites/layers.ts) — numbers only, never page
 * text. Not part of backups: it describes the sites, not the user.
 */
export interface HealthDay {
  day: string;
  siteId: string;
  expected: number;
  found: number;
  hook: number;
  label: number;
  generic: number;
}

/** Where a site stands now: consecutive expected-but-empty page views, the last layer that found counts. */
export interface SiteHealth {
  siteId: string;
  emptyStreak: number;
  /** The layer that found the last page view's counts, or null before any did. */
  lastFoundVia: Layer | null;
  lastViewAt: string;
  /** The redacted structure of the last page view that fell back or found nothing (utils/health/diagnostic.ts). */
  diagnostic: string | null;
  diagnosticAt: string | null;
}

/** The messages the background budgets (utils/messaging/budgets.ts): what a refusal is counted under. */
export const BUDGETED_MESSAGES = [
  'snapshot/add',
  'activity/add',
  'health/add',
  'lang/load',
  'prompt/frame',
  'sites/generic',
  'settings/site',
  'prompt/answer',
] as const;
export type BudgetedMessage = (typeof BUDGETED_MESSAGES)[number];

/**
 * Messages the background refused for going over a budget, one row per local day, site and message type:
 * a count, never the message. Not part of backups (like site health, it describes pages, not you).
 */
export interface RefusalDay {
  day: string;
  siteId: string;
  type: BudgetedMessage;
  count: number;
}

/** Limits that keep one record sane (and a backup file small enough to hold in memory). */
export const LIMITS = {
  id: 64,
  /** An adapter id or an added site's host: up to 253 characters, the longest name DNS allows (RFC 1035). */
  siteId: 253,
  purpose: 500,
  aim: 500,
  plan: 500,
  title: 200,
  note: 2000,
  /** A diagnostic: structure only, a few hundred lines at most. */
  diagnostic: 16_000,
} as const;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A site id: an adapter id or a host the user added (`mastodon.social`). */
const SITE_ID = /^[a-z0-9][a-z0-9.-]*$/;

/** A real date in ISO 8601 with a time and zone, normalised to `toISOString()` form. */
export const isoDate = v.pipe(
  v.string(),
  v.maxLength(40),
  v.regex(ISO, 'must be an ISO 8601 date-time, e.g. 2026-11-26T09:30:00.000Z'),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'must be a real date'),
  v.transform((value) => new Date(value).toISOString()),
);

export const dayString = v.pipe(
  v.string(),
  v.regex(DAY, 'must be a day, YYYY-MM-DD'),
  v.check((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'must be a real calendar day'),
);

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id), v.regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _'));
const siteId = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.siteId),
  v.regex(SITE_ID, 'must be a site id such as "x" or "mastodon.social"'),
);
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const metric = v.picklist(METRICS);

export const AimSchema = v.strictObject({
  id,
  purpose: text(LIMITS.purpose),
  aim: v.pipe(
    text(LIMITS.aim),
    v.check((value) => value.trim().length > 0, 'must not be empty'),
  ),
  plan: v.optional(text(LIMITS.plan)),
  createdAt: isoDate,
  archivedAt: v.nullable(isoDate),
});

export const OutcomeSchema = v.strictObject({
  id,
  at: isoDate,
  title: v.pipe(
    text(LIMITS.title),
    v.check((value) => value.trim().length > 0, 'must not be empty'),
  ),
  kind: v.picklist(OUTCOME_KINDS),
  note: text(LIMITS.note),
  siteId: v.nullable(siteId),
  aimId: v.nullable(id),
});

export const ReflectionSchema = v.strictObject({
  id,
  at: isoDate,
  siteId,
  metric,
  value: count,
  own: v.boolean(),
  answer: v.picklist(ANSWERS),
  outcomeId: v.nullable(id),
});

export const SnapshotSchema = v.strictObject({
  id,
  at: isoDate,
  siteId,
  metric,
  value: count,
  approximate: v.boolean(),
});

export const ActivitySchema = v.strictObject({
  day: dayString,
  siteId,
  activeMs: count,
  metricsSeen: count,
  promptsShown: count,
});

export const HealthDaySchema = v.strictObject({
  day: dayString,
  siteId,
  expected: count,
  found: count,
  hook: count,
  label: count,
  generic: count,
});

export const SiteHealthSchema = v.strictObject({
  siteId,
  emptyStreak: count,
  lastFoundVia: v.nullable(v.picklist(LAYERS)),
  lastViewAt: isoDate,
  diagnostic: v.nullable(text(LIMITS.diagnostic)),
  diagnosticAt: v.nullable(isoDate),
});

export const RefusalDaySchema = v.strictObject({
  day: dayString,
  siteId,
  type: v.picklist(BUDGETED_MESSAGES),
  count,
});

/** A fresh random id for a new record. */
export function newId(): string {
  return crypto.randomUUID();
}

/** Today's local calendar day as `YYYY-MM-DD` (activity rows are per local day). */
export function localDay(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
