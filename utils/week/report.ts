/**
 * Words for a week: the verdict that sets feeling big beside being big, the reminder's one line, and
 * the Markdown export. Pure functions of a WeekSummary, so the dashboard, the notification and the
 * download say the same thing.
 */
import { localDay, type Aim, type OutcomeKind } from '../journal/records';
import { metricWord } from '../sites/names';
import { AUDIENCE_METRICS, type MetricChange, type WeekSummary } from './summary';

export interface ReportNames {
  /** Site id → human name ("x" → "X"); unknown ids are shown as they are (added hosts). */
  site(siteId: string): string;
  kind(kind: OutcomeKind): string;
  locale?: string;
}

/** "0 min", "45 min", "1 h 30 min", "2 h", from milliseconds, rounded down to the minute. */
export function formatMinutes(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function number(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "+45", "−3", "0". */
export function signed(value: number, locale?: string): string {
  if (value > 0) return `+${number(value, locale)}`;
  if (value < 0) return `−${number(-value, locale)}`;
  return '0';
}

function plural(count: number, one: string, many: string, locale?: string): string {
  return `${number(count, locale)} ${count === 1 ? one : many}`;
}

/** The week's audience in a few words: "+45 followers", or "+45 audience" when metrics are mixed. */
export function audienceWords(summary: WeekSummary, locale?: string): string {
  const { audience, audienceChange, audienceApproximate } = summary.feelingBig;
  if (audience.length === 0) return 'no audience change recorded';
  const present = new Set(audience.map((c) => c.metric));
  const metrics = AUDIENCE_METRICS.filter((m) => present.has(m));
  // One metric: "+45 followers". Several: "+554 followers, subscribers and connections" (their sum).
  const noun =
    metrics.length === 1 && metrics[0] ? metricWord(metrics[0], audienceChange) : joinWords(metrics.map((m) => metricWord(m, 2)));
  return `${audienceApproximate ? '≈' : ''}${signed(audienceChange, locale)} ${noun}`;
}

function currentAimText(aims: readonly Aim[]): string | undefined {
  return aims[aims.length - 1]?.aim;
}

/** The reminder: "This week: +45 followers, 1 h 30 min on social sites, 3 outcomes toward «aim»". */
export function reminderLine(summary: WeekSummary, locale?: string): string {
  const aim = currentAimText(summary.beingBig.aims);
  const outcomes = plural(summary.beingBig.outcomes.length, 'outcome', 'outcomes', locale);
  return (
    `This week: ${audienceWords(summary, locale)}, ${formatMinutes(summary.feelingBig.activeMs)} ` +
    `on social sites, ${outcomes}${aim ? ` toward «${aim}»` : ''}`
  );
}

function changeLine(change: MetricChange, names: ReportNames): string {
  const word = metricWord(change.metric, change.to);
  const approx = change.approximate ? '≈' : '';
  const since = change.fromFirstInWeek ? ' (first seen this week)' : '';
  return (
    `${names.site(change.siteId)} ${word}: ${approx}${number(change.from, names.locale)} → ${approx}${number(change.to, names.locale)} ` +
    `(${signed(change.change, names.locale)})${since}`
  );
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
  const time = formatMinutes(feelingBig.activeMs);
  const hasFeeling = feelingBig.activeMs > 0 || feelingBig.audience.length > 0 || feelingBig.metricsSeen > 0;

  let answer: string;
  if (!hasFeeling && outcomes === 0) {
    answer = 'A quiet week: no time on social sites was recorded and no outcomes were logged.';
  } else {
    const feeling = [
      feelingBig.audience.length > 0 ? `your audience changed by ${audienceWords(summary, locale)}` : null,
      feelingBig.activeMs > 0 ? `you spent ${time} on social sites` : null,
      feelingBig.metricsSeen > 0 ? `counts caught your eye ${plural(feelingBig.metricsSeen, 'time', 'times', locale)}` : null,
    ].filter(Boolean);
    const feelingText = feeling.length > 0 ? `Feeling big: ${joinWords(feeling as string[])}.` : 'Feeling big: nothing recorded.';
    const toward = aim ? ` toward «${aim}»` : '';
    const being =
      outcomes === 0
        ? `Being big: nothing was logged as produced${toward}.`
        : `Being big: ${plural(outcomes, 'outcome', 'outcomes', locale)}${toward}${kindList(beingBig.byKind, names)}.`;
    answer = `What did the numbers produce? ${feelingText} ${being}`;
  }
  return { answer, suggestion: suggestion(summary, names, aim) };
}

function kindList(byKind: Partial<Record<OutcomeKind, number>>, names: ReportNames): string {
  const parts = Object.entries(byKind)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([kind, count]) => `${count} ${names.kind(kind as OutcomeKind).toLowerCase()}`);
  return parts.length > 0 ? ` (${joinWords(parts)})` : '';
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function suggestion(summary: WeekSummary, names: ReportNames, aim: string | undefined): string {
  const { feelingBig, beingBig } = summary;
  if (!aim) return 'Set an aim in the Running For popup: a week only means something against what you are running for.';
  // The site that took the most time and produced nothing.
  const idle = feelingBig.sites.find((s) => s.activeMs >= 30 * 60_000 && s.outcomes === 0);
  if (idle) {
    return (
      `${formatMinutes(idle.activeMs)} on ${names.site(idle.siteId)} produced nothing you logged. ` +
      `Next week, give it half that time and spend the rest on one ` +
      `conversation that could move «${aim}» forward.`
    );
  }
  const productive = [...feelingBig.sites]
    .filter((s) => s.outcomes > 0)
    .sort((a, b) => b.outcomes - a.outcomes || a.activeMs - b.activeMs)[0];
  if (productive) {
    return (
      `${names.site(productive.siteId)} produced ${plural(productive.outcomes, 'outcome', 'outcomes')} ` +
      `in ${formatMinutes(productive.activeMs)}. That is where your time works: do more of what led to it.`
    );
  }
  if (beingBig.outcomes.length > 0) return 'Outcomes came without the feeds. Notice what led to them, and do more of that.';
  if (feelingBig.audienceChange > 0)
    return (
      `The numbers grew, and nothing came of them yet. Pick one person from that new audience ` +
      `and start a real conversation toward «${aim}».`
    );
  if (beingBig.answers['nothing-yet'] > 0)
    return (
      `You answered "nothing yet" ${plural(beingBig.answers['nothing-yet'], 'time', 'times')}. Choose ` +
      `one connection and ask for something specific toward «${aim}».`
    );
  return `Log the next thing your connections produce, however small: it is the only number that counts toward «${aim}».`;
}

/** The week as Markdown, for a journal or a weekly note. */
export function weekMarkdown(summary: WeekSummary, names: ReportNames, title: string): string {
  const { feelingBig, beingBig } = summary;
  const locale = names.locale;
  const lines: string[] = [`# ${title}`, ''];
  for (const aim of beingBig.aims)
    lines.push(`**Aim:** ${escapeMarkdown(aim.aim)}${aim.purpose ? ` — ${escapeMarkdown(aim.purpose)}` : ''}`);
  if (beingBig.aims.length > 0) lines.push('');
  const { answer, suggestion: next } = verdict(summary, names, escapeMarkdown);
  lines.push('## Verdict', '', answer, '', next, '');
  lines.push('## Feeling big', '');
  lines.push(`- Audience change: ${audienceWords(summary, locale)}`);
  for (const change of feelingBig.audience) lines.push(`  - ${changeLine(change, names)}`);
  for (const change of feelingBig.other) lines.push(`- ${changeLine(change, names)} (not in the total)`);
  lines.push(`- Time on social sites: ${formatMinutes(feelingBig.activeMs)}`);
  for (const site of feelingBig.sites.filter((s) => s.activeMs > 0))
    lines.push(`  - ${names.site(site.siteId)}: ${formatMinutes(site.activeMs)}`);
  lines.push(`- Counts seen: ${number(feelingBig.metricsSeen, locale)}`, `- Prompts shown: ${number(feelingBig.promptsShown, locale)}`, '');
  lines.push('## Being big', '');
  lines.push(`- Outcomes: ${number(beingBig.outcomes.length, locale)}`);
  for (const outcome of beingBig.outcomes) {
    const via = outcome.siteId ? `, via ${names.site(outcome.siteId)}` : '';
    const note = outcome.note ? `: ${escapeMarkdown(outcome.note)}` : '';
    lines.push(`  - ${localDay(new Date(outcome.at))} — ${escapeMarkdown(outcome.title)} (${names.kind(outcome.kind)}${via})${note}`);
  }
  const a = beingBig.answers;
  lines.push(
    `- Answers to prompts: ${number(a.outcome, locale)} with an outcome, ${number(a['nothing-yet'], locale)} ` +
      `"nothing yet", ${number(a.dismissed, locale)} "not now"`,
    '',
  );
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
