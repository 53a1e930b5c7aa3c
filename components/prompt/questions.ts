/**
 * What the prompt says: the question beside a count, the own-profile heading and the chip's accessible
 * name, in the UI's language (assets/locales/<locale>/prompt.json): `$AMOUNT$` is the count with its metric
 * ("12,345 followers", its plural form by the number), `$COUNT$` the number as the page writes it.
 *
 * Others' profiles get questions about comparison and feeling big; the user's own profile gets questions
 * about use. Which question shows is a pure function of the day and the count, so it rotates from one
 * day to the next but never flickers while the page re-renders.
 */
import { remember } from '@/utils/detection/remember';
import { amount, metricName } from '@/utils/i18n/metrics';
import { plural, t, type MessageKey } from '@/utils/i18n/t';
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

type Bank = Record<MetricGroup, { others: readonly MessageKey[]; own: readonly MessageKey[] }>;

const series = <K extends MessageKey>(base: string, count: number) => Array.from({ length: count }, (_, i) => `${base}${i + 1}` as K);

/**
 * The rotating questions, by message key (assets/locales/<locale>/prompt.json): `$AMOUNT$` is the count with its metric.
 * Marked pure so the content scripts, which name only the chip, neither carry nor run it (the dialog's page does).
 */
export const QUESTIONS: Bank = {
  audience: { others: /* @__PURE__ */ series('questionAudienceOthers', 7), own: /* @__PURE__ */ series('questionAudienceOwn', 6) },
  following: { others: /* @__PURE__ */ series('questionFollowingOthers', 6), own: /* @__PURE__ */ series('questionFollowingOwn', 6) },
  score: { others: /* @__PURE__ */ series('questionScoreOthers', 6), own: /* @__PURE__ */ series('questionScoreOwn', 6) },
};

export { amount, metricName } from '@/utils/i18n/metrics';

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
  const n = formatCount(detection, lang);
  return t(bank[index]!, [amount(detection.metric, detection.value, n), n]);
}

/** The own-profile question around a number already written ("12,345" or the page's "12.3K"). */
function ownQuestion(detection: Pick<Detection, 'metric' | 'value'>, n: string): string {
  if (detection.metric === 'following') return t('ownHeadingFollowing', n);
  const phrase = amount(detection.metric, detection.value, n);
  return detection.metric === 'karma' ? t('ownHeadingKarma', phrase) : plural('ownHeading', detection.value, phrase);
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
  const name = metricName(detection.metric);
  if (hidden) return t('chipName', t('chipNameHidden', name));
  if (n === null) return t('chipName', t(detection.own ? 'chipNameNoNumberOwn' : 'chipNameNoNumberOthers', name));
  if (detection.own) return t('chipName', ownQuestion(detection, n));
  if (detection.metric === 'following') return t('chipName', plural('chipNameFollowing', detection.value, n));
  return t('chipName', t('chipNameOthers', amount(detection.metric, detection.value, n)));
}
