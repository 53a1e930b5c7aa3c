/**
 * What the prompt says: the question beside a count, the own-profile heading and the chip's accessible
 * name. Plain strings with `{n}` (the count as the page's language writes it) and `{metric}` (the
 * metric's word), so each line reads as a sentence here, where it is written.
 *
 * Others' profiles get questions about comparison and feeling big; the user's own profile gets questions
 * about use. Which question shows is a pure function of the day and the count, so it rotates from one
 * day to the next but never flickers while the page re-renders.
 */
import { remember } from '@/utils/detection/remember';
import { metricWord } from '@/utils/sites/names';
import type { Detection, Metric } from '@/utils/sites/types';

export type MetricGroup = 'audience' | 'following' | 'score';

export const METRIC_GROUPS: Record<Metric, MetricGroup> = {
  followers: 'audience',
  subscribers: 'audience',
  connections: 'audience',
  friends: 'audience',
  following: 'following',
  karma: 'score',
  stars: 'score',
};

type Bank = Record<MetricGroup, { others: readonly string[]; own: readonly string[] }>;

export const QUESTIONS: Bank = {
  audience: {
    others: [
      '{n} {metric}. What do you think they have actually produced?',
      'Does {n} {metric} make your own work feel small? What did your work produce this week?',
      '{n} {metric} is a number. What are you after that a number cannot give you?',
      'Comparing? {n} {metric} says how many, not what came of it. What came of yours?',
      'Would {n} {metric} bring you closer to your aim, or only make you feel bigger?',
      'If you had {n} {metric} tomorrow, what would you do with them? Could you start today?',
      'Big numbers look like progress. What would real progress look like for you today?',
    ],
    own: [
      'What have these {n} {metric} produced for you lately?',
      '{n} {metric}. Which one of them could you talk to about your aim today?',
      'When did your {n} {metric} last turn into a client, a collaborator or a lesson?',
      '{n} {metric} is an audience. What are you asking it for?',
      'Has one of your {n} {metric} moved your aim forward this week?',
      'Growing past {n} {metric}, or using them? Which one moves your aim?',
    ],
  },
  following: {
    others: [
      '{n} following. Does that number matter to what you are running for?',
      'Who people follow shapes what they see. Is what you see today serving your aim?',
      '{n} following. Are you here to learn something, or to measure yourself?',
      'Checking who follows whom? What would you rather do with these minutes?',
      '{n} accounts followed. What did you come to this page for?',
      'Lists of people are easy to browse. Which one person could actually help your aim?',
    ],
    own: [
      'You follow {n} accounts. Which of them brought you something useful this week?',
      '{n} accounts in your feed. How many of them move you toward your aim?',
      'You follow {n}. Whom would you let go to make room for your aim?',
      'You follow {n} accounts. Whom could you write to today instead of scrolling?',
      '{n} voices in your feed. What have they produced for you lately?',
      'Of the {n} accounts you follow, whom have you actually talked to?',
    ],
  },
  score: {
    others: [
      '{n} {metric}. Applause is nice. What did the work behind it produce?',
      '{n} {metric} shows what got attention, not what got done. What got done on your side?',
      'Does {n} {metric} make your own work look small? Small work that ships still counts.',
      'Scoreboards pull at everyone. What would you make if nobody kept score?',
      '{n} {metric}. Would that number change what you are running for?',
      'Points for them. What is one step toward your aim you could take today?',
    ],
    own: [
      '{n} {metric}. What came out of them besides the number?',
      '{n} {metric} is attention. Did any of it become a user, a collaborator or a lesson?',
      'What would you trade {n} {metric} for? Is that your aim?',
      '{n} {metric}. Who behind them could you talk to about your aim?',
      'You have {n} {metric}. What is the next thing worth making?',
      '{n} {metric} feels big. What did it let you do this week?',
    ],
  },
};

const safeLocales = new Map<string, string | undefined>();

/** A language tag Intl accepts, or undefined (the browser's own) for a missing or malformed one. */
export function safeLocale(lang: string | null | undefined): string | undefined {
  if (!lang) return undefined;
  // Asked once per chip, with the page's few tags.
  return remember(safeLocales, 64, lang, () => {
    try {
      return Intl.getCanonicalLocales(lang)[0];
    } catch {
      return undefined;
    }
  });
}

/** Formatters by language and style: building one costs far more than formatting (every chip formats its count). */
const formats = new Map<string, Intl.NumberFormat>();
const formatted = new Map<string, string>();

function numberFormat(lang: string | undefined, compact: boolean): Intl.NumberFormat {
  // A page can announce any number of languages; a handful is all a page really uses.
  return remember(
    formats,
    16,
    `${compact ? 'c' : 'f'}${lang ?? ''}`,
    () => new Intl.NumberFormat(lang, compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  );
}

/**
 * The count as the page's language writes it: exact counts in full ("12,345"), abbreviated ones
 * abbreviated again ("12.3K"), so the prompt never claims more precision than the page showed.
 */
export function formatCount(detection: Pick<Detection, 'value' | 'approximate'> & { text?: string }, lang?: string): string {
  // Hovercards show the same few counts again and again; formatting compact numbers is not free.
  const n = remember(formatted, 256, `${detection.approximate ? 'c' : 'f'}${lang ?? ''} ${detection.value}`, () =>
    numberFormat(lang, detection.approximate).format(detection.value),
  );
  // A lower bound ("500+ connections") stays one.
  return detection.approximate && /\d\s*\+/.test(detection.text ?? '') ? `${n}+` : n;
}

function fill(template: string, n: string, metric: string): string {
  return template.replaceAll('{n}', n).replaceAll('{metric}', metric);
}

/** A small stable hash (FNV-1a): the same day and count always pick the same question. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The local calendar day of `date`, the unit the questions rotate by. */
function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/**
 * The question for this count today. Keyed by the count's identity (site, metric, own) and the day —
 * not its value, so "12.3K" becoming "12.4K" while the dialog is open keeps the same question.
 */
export function chooseQuestion(
  detection: Pick<Detection, 'site' | 'metric' | 'value' | 'approximate' | 'own'> & { text?: string },
  now: Date,
  lang?: string,
): string {
  const bank = QUESTIONS[METRIC_GROUPS[detection.metric]][detection.own ? 'own' : 'others'];
  const index = hash(`${dayKey(now)}|${detection.site}|${detection.metric}|${detection.own}`) % bank.length;
  return fill(bank[index]!, formatCount(detection, lang), metricWord(detection.metric, detection.value));
}

/** The own-profile question around a number already written ("12,345" or the page's "12.3K"). */
function ownQuestion(detection: Pick<Detection, 'metric' | 'value'>, n: string): string {
  if (detection.metric === 'following') return `You follow ${n} — what are they for?`;
  const them = detection.metric === 'karma' || detection.value === 1 ? 'it' : 'them';
  return `${n} ${metricWord(detection.metric, detection.value)} — what will you do with ${them}?`;
}

/** The own-profile card's heading: "12,345 followers — what will you do with them?" */
export function ownHeading(detection: Pick<Detection, 'metric' | 'value' | 'approximate'> & { text?: string }, lang?: string): string {
  return ownQuestion(detection, formatCount(detection, lang));
}

/**
 * The chip's accessible name. `n` is the number as the page writes it (utils/detection/metric-words.ts
 * `countAsShown`: the content script makes no number format — the first `Intl.NumberFormat` of a page
 * costs 20–30 ms); null names the question without a number (the count's text shows none), as hide mode does
 * with the metric only.
 */
export function chipName(detection: Pick<Detection, 'metric' | 'value' | 'own'>, hidden: boolean, n: string | null): string {
  if (hidden) return `Running For: a hidden ${detection.metric} count. What is it for?`;
  if (n === null) {
    const what = metricWord(detection.metric, 2);
    return `Running For: ${detection.own ? `your ${what} — what will you do with them` : `these ${what} — what have they produced`}?`;
  }
  if (detection.own) return `Running For: ${ownQuestion(detection, n)}`;
  if (detection.metric === 'following') return `Running For: what has following these ${n} accounts produced?`;
  return `Running For: what have these ${n} ${metricWord(detection.metric, detection.value)} produced?`;
}
