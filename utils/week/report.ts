/**
 * Words for a week: the verdict that sets feeling big beside being big, the reminder's one line, and
 * the Markdown export. Pure functions of a WeekSummary, so the dashboard, the notification and the
 * download say the same thing.
 */
import { formatList, t, plural, uiLanguage } from '../i18n/t';
import { localDay, OUTCOME_KINDS, type Aim, type OutcomeKind } from '../journal/records';
import { amount, metricName } from '../i18n/metrics';
import { AUDIENCE_METRICS, type MetricChange, type WeekSummary } from './summary';

export interface ReportNames {
  /** Site id → human name ("x" → "X"); unknown ids are shown as they are (added hosts). */
  site(siteId: string): string;
  kind(kind: OutcomeKind): string;
  /** For numbers; the browser's language when absent. */
  locale?: string;
}

/** "0 min", "45 min", "1 h 30 min", "2 h", from milliseconds, rounded down to the minute. */
export function formatMinutes(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('durationMinutes', number(rest));
  return rest === 0 ? t('durationHours', number(hours)) : t('durationHoursMinutes', [number(hours), number(rest)]);
}

function number(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale ?? uiLanguage()).format(value);
}

/** "+45", "−3", "0". */
export function signed(value: number, locale?: string): string {
  if (value > 0) return `+${number(value, locale)}`;
  if (value < 0) return `−${number(-value, locale)}`;
  return number(0, locale);
}

const outcomeCount = (count: number, locale?: string) => plural('outcomeCount', count, number(count, locale));
const timesCount = (count: number, locale?: string) => plural('timesCount', count, number(count, locale));

/** The week's audience in a few words: "+45 followers", or "+554 across followers and subscribers" when metrics are mixed. */
export function audienceWords(summary: WeekSummary, names: Pick<ReportNames, 'locale'> = {}): string {
  const { audience, audienceChange, audienceApproximate } = summary.feelingBig;
  if (audience.length === 0) return t('audienceNone');
  const present = new Set(audience.map((c) => c.metric));
  const metrics = AUDIENCE_METRICS.filter((m) => present.has(m));
  const change = `${audienceApproximate ? '≈' : ''}${signed(audienceChange, names.locale)}`;
  // One metric: "+45 followers" (its plural form by the change). Several: their sum, across their names.
  return metrics.length === 1 && metrics[0]
    ? amount(metrics[0], Math.abs(audienceChange), change)
    : t('audienceMixed', [change, joinWords(metrics.map((m) => metricName(m)))]);
}

function currentAimText(aims: readonly Aim[]): string | undefined {
  return aims[aims.length - 1]?.aim;
}

/** The reminder: "This week: +45 followers, 1 h 30 min on social sites, 3 outcomes toward «aim»". */
export function reminderLine(summary: WeekSummary, names: Pick<ReportNames, 'locale'> = {}): string {
  const aim = currentAimText(summary.beingBig.aims);
  const parts = [
    audienceWords(summary, names),
    formatMinutes(summary.feelingBig.activeMs),
    outcomeCount(summary.beingBig.outcomes.length, names.locale),
  ];
  return aim ? t('reminderLineAim', [...parts, aim]) : t('reminderLine', parts);
}

function changeLine(change: MetricChange, names: ReportNames): string {
  const approx = change.approximate ? '≈' : '';
  return t(change.fromFirstInWeek ? 'changeLineFirst' : 'changeLine', [
    names.site(change.siteId),
    metricName(change.metric),
    `${approx}${number(change.from, names.locale)}`,
    `${approx}${number(change.to, names.locale)}`,
    signed(change.change, names.locale),
  ]);
}

/**
 * The verdict: the product's question — what did the numbers produce? — answered with the week's own
 * figures, then one suggestion that depends on them. `userText` renders what the user wrote (the aim) for
 * the verdict's medium: as it is for the dashboard (text nodes), escaped for Markdown.
 */
export function verdict(
  summary: WeekSummary,
  names: ReportNames,
  userText: (text: string) => string = (text) => text,
): { answer: string; suggestion: string } {
  const { feelingBig, beingBig } = summary;
  const locale = names.locale;
  const outcomes = beingBig.outcomes.length;
  const written = currentAimText(beingBig.aims);
  const aim = written === undefined ? undefined : userText(written);
  const hasFeeling = feelingBig.activeMs > 0 || feelingBig.audience.length > 0 || feelingBig.metricsSeen > 0;

  let answer: string;
  if (!hasFeeling && outcomes === 0) {
    answer = t('quietWeek');
  } else {
    const feeling = [
      feelingBig.audience.length > 0 ? t('feelingAudience', audienceWords(summary, names)) : null,
      feelingBig.activeMs > 0 ? t('feelingTime', formatMinutes(feelingBig.activeMs)) : null,
      feelingBig.metricsSeen > 0 ? t('feelingSeen', timesCount(feelingBig.metricsSeen, locale)) : null,
    ].filter((part): part is string => part !== null);
    const feelingText = feeling.length > 0 ? t('feelingBig', joinWords(feeling)) : t('feelingNothing');
    let being: string;
    if (outcomes === 0) being = aim ? t('beingNothingAim', aim) : t('beingNothing');
    else {
      const kinds = kindList(beingBig.byKind, names);
      const counted = kinds ? t('withKinds', [outcomeCount(outcomes, locale), kinds]) : outcomeCount(outcomes, locale);
      being = aim ? t('beingSomeAim', [counted, aim]) : t('beingSome', counted);
    }
    answer = t('verdictAnswer', [feelingText, being]);
  }
  return { answer, suggestion: suggestion(summary, names, aim) };
}

function kindList(byKind: Partial<Record<OutcomeKind, number>>, names: ReportNames): string {
  const parts = Object.entries(byKind)
    // The most first; a tie in the kinds' order, not in the order the records happened to be read.
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || OUTCOME_KINDS.indexOf(a[0] as OutcomeKind) - OUTCOME_KINDS.indexOf(b[0] as OutcomeKind))
    .map(([kind, count]) => t('kindCount', [names.kind(kind as OutcomeKind), number(count ?? 0, names.locale)]));
  return joinWords(parts);
}

/** "a, b and c" in the UI's language. */
function joinWords(parts: readonly string[]): string {
  return formatList(parts);
}

function suggestion(summary: WeekSummary, names: ReportNames, aim: string | undefined): string {
  const { feelingBig, beingBig } = summary;
  if (!aim) return t('suggestNoAim');
  // The site that took the most time and produced nothing.
  const idle = feelingBig.sites.find((s) => s.activeMs >= 30 * 60_000 && s.outcomes === 0);
  if (idle) return t('suggestIdle', [formatMinutes(idle.activeMs), names.site(idle.siteId), aim]);
  const productive = [...feelingBig.sites]
    .filter((s) => s.outcomes > 0)
    .sort((a, b) => b.outcomes - a.outcomes || a.activeMs - b.activeMs)[0];
  if (productive) {
    return t('suggestProductive', [
      names.site(productive.siteId),
      outcomeCount(productive.outcomes, names.locale),
      formatMinutes(productive.activeMs),
    ]);
  }
  if (beingBig.outcomes.length > 0) return t('suggestWithoutFeeds');
  if (feelingBig.audienceChange > 0) return t('suggestGrew', aim);
  if (beingBig.answers['nothing-yet'] > 0) return t('suggestNothingYet', [timesCount(beingBig.answers['nothing-yet'], names.locale), aim]);
  return t('suggestLog', aim);
}

/** The week as Markdown, for a journal or a weekly note. */
export function weekMarkdown(summary: WeekSummary, names: ReportNames, title: string): string {
  const { feelingBig, beingBig } = summary;
  const locale = names.locale;
  const lines: string[] = [`# ${title}`, ''];
  for (const aim of beingBig.aims)
    lines.push(
      aim.purpose ? t('mdAimPurpose', [escapeMarkdown(aim.aim), escapeMarkdown(aim.purpose)]) : t('mdAim', escapeMarkdown(aim.aim)),
    );
  if (beingBig.aims.length > 0) lines.push('');
  const { answer, suggestion: next } = verdict(summary, names, escapeMarkdown);
  lines.push(`## ${t('mdVerdict')}`, '', answer, '', next, '');
  lines.push(`## ${t('mdFeelingBig')}`, '');
  lines.push(`- ${t('mdAudienceChange', audienceWords(summary, names))}`);
  for (const change of feelingBig.audience) lines.push(`  - ${changeLine(change, names)}`);
  for (const change of feelingBig.other) lines.push(`- ${t('mdNotInTotal', changeLine(change, names))}`);
  lines.push(`- ${t('mdTime', formatMinutes(feelingBig.activeMs))}`);
  for (const site of feelingBig.sites.filter((s) => s.activeMs > 0))
    lines.push(`  - ${t('mdSiteTime', [names.site(site.siteId), formatMinutes(site.activeMs)])}`);
  lines.push(
    `- ${t('mdCountsSeen', number(feelingBig.metricsSeen, locale))}`,
    `- ${t('mdPromptsShown', number(feelingBig.promptsShown, locale))}`,
    '',
  );
  lines.push(`## ${t('mdBeingBig')}`, '');
  lines.push(`- ${t('mdOutcomes', number(beingBig.outcomes.length, locale))}`);
  for (const outcome of beingBig.outcomes) {
    const day = localDay(new Date(outcome.at));
    const title = escapeMarkdown(outcome.title);
    const line = outcome.siteId
      ? t('mdOutcomeVia', [day, title, names.kind(outcome.kind), names.site(outcome.siteId)])
      : t('mdOutcome', [day, title, names.kind(outcome.kind)]);
    lines.push(`  - ${line}${outcome.note ? `: ${escapeMarkdown(outcome.note)}` : ''}`);
  }
  const a = beingBig.answers;
  lines.push(`- ${t('mdAnswers', [number(a.outcome, locale), number(a['nothing-yet'], locale), number(a.dismissed, locale)])}`, '');
  return `${lines.join('\n')}\n`;
}

/**
 * User text in Markdown: keep it literal — no accidental headings, links, emphasis, strikethrough, code,
 * HTML or character references — on one line. Every character CommonMark lets a backslash escape that could
 * start one of those is escaped (`&` only where it would begin a reference such as `&amp;`).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]|&(?=#?[A-Za-z0-9]+;)/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}
