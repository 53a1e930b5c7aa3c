/**
 * The weekly review (`#/week/YYYY-MM-DD`, any day of the week; `#/week` for this week): feeling big
 * (audience, time, counts seen, prompts shown) beside being big (outcomes, answers), the verdict that
 * sets them side by side, 12-week trends, the Markdown export and the reminder's settings.
 *
 * The figures come from utils/week/summary.ts (indexed range queries, computed in utils/week/review.ts) and the words from
 * utils/week/report.ts, so this page, the notification and the Markdown file say the same thing.
 * Key figures carry `data-testid` + `data-value` (the raw number) as stable hooks.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { toJournalError } from '@/utils/journal/db';
import { localDay, type OutcomeKind } from '@/utils/journal/records';
import { addWeeks, parseDay, weekLabel, weekStart as startOfWeek } from '@/utils/week/calendar';
import { type MetricChange, type WeekSummary } from '@/utils/week/summary';
import { computeWeek, loadTrend, TREND_WEEKS, type TrendWeek } from '@/utils/week/review';
import { metricWord } from '@/utils/sites/names';
import { audienceWords, formatMinutes, signed, verdict, weekMarkdown, type ReportNames } from '@/utils/week/report';
import type { ViewContext } from './context';
import { downloadText } from './download';
import { kindLabel, siteName } from '../labels';
import { ReminderSettings } from './ReminderSettings';
import { TrendChart, type TrendPoint } from './TrendChart';

export const REPORT_NAMES: ReportNames = { site: siteName, kind: (kind: OutcomeKind) => kindLabel(kind) };

export interface WeekViewProps extends ViewContext {
  /** The `YYYY-MM-DD` from the URL, or '' for this week. */
  day: string;
}

/** `#/week/2026-11-23`. */
export function weekHash(firstDay: string): string {
  return `#/week/${firstDay}`;
}

/** The Markdown file's name: the week's first day. */
export function weekMarkdownFilename(firstDay: string): string {
  return `running-for-week-${firstDay}.md`;
}

export function weekTitle(start: Date): string {
  return `Running For — week of ${weekLabel(start)}`;
}

export function WeekView({ journal, weekStartsOn, now, revision, day }: WeekViewProps) {
  const requested = day ? parseDay(day) : now();
  const start = requested ? startOfWeek(requested, weekStartsOn) : undefined;
  const firstDay = start ? localDay(start) : '';
  const thisWeekFirstDay = localDay(startOfWeek(now(), weekStartsOn));

  const [shown, setShown] = useState<WeekSummary | undefined>(undefined);
  const [trend, setTrend] = useState<{ firstDay: string; weeks: TrendWeek[] } | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const latestLoad = useRef(0);

  useEffect(() => {
    if (!firstDay) return;
    const load = ++latestLoad.current;
    const weekStart = parseDay(firstDay)!;
    setError(null);
    void (async () => {
      try {
        const summary = await computeWeek(journal, weekStart, weekStartsOn);
        // A slower, older load must not overwrite a newer one (quick clicks through weeks).
        if (load !== latestLoad.current) return;
        setShown(summary);
        const weeks = await loadTrend(journal, weekStart, weekStartsOn, summary);
        if (load === latestLoad.current) setTrend({ firstDay, weeks });
      } catch (failure) {
        if (load === latestLoad.current) setError(toJournalError(failure).message);
      }
    })();
  }, [journal, firstDay, weekStartsOn, revision, reloads]);

  if (!start) {
    return (
      <section class="view week-view" aria-labelledby="week-heading">
        <h1 id="week-heading" tabIndex={-1}>
          Weekly review
        </h1>
        <div class="problem" role="alert">
          <p>“{day}” is not a day of the calendar, so there is no week to show.</p>
          <a href="#/week">Show this week</a>
        </div>
      </section>
    );
  }

  const summary = shown && shown.bounds.firstDay === firstDay ? shown : undefined;
  const isThisWeek = firstDay === thisWeekFirstDay;
  const previous = localDay(addWeeks(start, -1));
  const next = localDay(addWeeks(start, 1));

  return (
    <section class="view week-view" aria-labelledby="week-heading" aria-busy={summary ? 'false' : 'true'}>
      <h1 id="week-heading" tabIndex={-1} data-testid="week-heading" data-week={firstDay}>
        {isThisWeek ? 'This week: ' : 'Week of '}
        {weekLabel(start)}
      </h1>
      <p class="lede">Feeling big against being big: what the numbers gave you, and what you actually produced.</p>
      <nav class="week-nav" aria-label="Weeks">
        <a href={weekHash(previous)} data-testid="week-previous">
          <span aria-hidden="true">←</span>Previous week
        </a>
        <a href="#/week" data-testid="week-this" aria-current={isThisWeek ? 'date' : undefined}>
          This week
        </a>
        <a href={weekHash(next)} data-testid="week-next">
          Next week<span aria-hidden="true">→</span>
        </a>
      </nav>

      {error ? (
        <div class="problem" role="alert">
          <p>{error}</p>
          <button type="button" onClick={() => setReloads((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : null}

      {summary ? (
        <WeekReport
          summary={summary}
          trend={trend?.firstDay === firstDay ? trend.weeks : undefined}
          onExport={() =>
            downloadText(weekMarkdown(summary, REPORT_NAMES, weekTitle(start)), weekMarkdownFilename(firstDay), 'text/markdown')
          }
        />
      ) : error ? null : (
        <p class="muted" role="status">
          Adding up the week…
        </p>
      )}

      <ReminderSettings now={now} />
    </section>
  );
}

function WeekReport({ summary, trend, onExport }: { summary: WeekSummary; trend: TrendWeek[] | undefined; onExport: () => void }) {
  const { feelingBig, beingBig } = summary;
  const words = useMemo(() => verdict(summary, REPORT_NAMES), [summary]);
  const answers = beingBig.answers;
  return (
    <>
      <section class="verdict" aria-labelledby="verdict-heading" data-testid="week-verdict">
        <h2 id="verdict-heading" class="eyebrow">
          Verdict
        </h2>
        <p class="verdict-answer">{words.answer}</p>
        <p class="verdict-suggestion">
          <span class="label">Next week: </span>
          {words.suggestion}
        </p>
        <div class="actions">
          <button type="button" onClick={onExport}>
            Export week as Markdown
          </button>
        </div>
      </section>

      <div class="week-columns">
        <section class="week-side feeling" aria-labelledby="feeling-heading">
          <h2 id="feeling-heading">Feeling big</h2>
          <p class="side-lede">Audience, time and attention.</p>
          <dl class="figures">
            <Figure
              label="Audience change"
              testId="week-audience-change"
              value={feelingBig.audienceChange}
              text={`${feelingBig.audienceApproximate ? '≈' : ''}${signed(feelingBig.audienceChange)}`}
            />
            <Figure
              label="Time on social sites"
              testId="week-active-minutes"
              value={feelingBig.activeMinutes}
              text={formatMinutes(feelingBig.activeMs)}
            />
            <Figure
              label="Counts seen"
              testId="week-counts-seen"
              value={feelingBig.metricsSeen}
              text={feelingBig.metricsSeen.toLocaleString()}
            />
            <Figure
              label="Prompts shown"
              testId="week-prompts-shown"
              value={feelingBig.promptsShown}
              text={feelingBig.promptsShown.toLocaleString()}
            />
          </dl>

          <h3>Audience</h3>
          {feelingBig.audience.length === 0 ? (
            <p class="muted">No counts of your own were recorded this week. They are recorded when you visit your own profile.</p>
          ) : (
            <ChangeTable caption="Audience change per site" changes={feelingBig.audience} total={summary} />
          )}
          {feelingBig.other.length > 0 ? (
            <>
              <h3>
                Shown apart <span class="muted">(not in the total)</span>
              </h3>
              <ChangeTable caption="Following, karma and stars: not in the total" changes={feelingBig.other} apart />
            </>
          ) : null}

          <h3>Time per site</h3>
          {feelingBig.sites.length === 0 ? (
            <p class="muted">No time on social sites was recorded this week.</p>
          ) : (
            <table class="week-table" data-testid="week-sites">
              <caption class="visually-hidden">Time, counts seen and prompts shown per site</caption>
              <thead>
                <tr>
                  <th scope="col">Site</th>
                  <th scope="col" class="num">
                    Time
                  </th>
                  <th scope="col" class="num">
                    Counts seen
                  </th>
                  <th scope="col" class="num">
                    Prompts
                  </th>
                </tr>
              </thead>
              <tbody>
                {feelingBig.sites.map((site) => (
                  <tr key={site.siteId}>
                    <th scope="row">{siteName(site.siteId)}</th>
                    <td class="num">{formatMinutes(site.activeMs)}</td>
                    <td class="num">{site.metricsSeen.toLocaleString()}</td>
                    <td class="num">{site.promptsShown.toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section class="week-side being" aria-labelledby="being-heading">
          <h2 id="being-heading">Being big</h2>
          <p class="side-lede">What your connections actually produced.</p>
          <dl class="figures">
            <Figure
              label="Outcomes"
              testId="week-outcomes"
              value={beingBig.outcomes.length}
              text={beingBig.outcomes.length.toLocaleString()}
            />
            <Figure
              label="Prompts answered with an outcome"
              testId="week-answered-outcome"
              value={answers.outcome}
              text={answers.outcome.toLocaleString()}
            />
            <Figure
              label="“Nothing yet”"
              testId="week-nothing-yet"
              value={answers['nothing-yet']}
              text={answers['nothing-yet'].toLocaleString()}
            />
            <Figure
              label="Dismissed (“Not now”)"
              testId="week-dismissed"
              value={answers.dismissed}
              text={answers.dismissed.toLocaleString()}
            />
          </dl>

          <h3>Outcomes</h3>
          {beingBig.outcomes.length === 0 ? (
            <p class="muted">No outcomes were logged this week.</p>
          ) : (
            <ul class="week-outcomes" role="list">
              {beingBig.outcomes.map((outcome) => (
                <li key={outcome.id}>
                  <time dateTime={outcome.at}>
                    {new Date(outcome.at).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })}
                  </time>
                  <span class="week-outcome-title">{outcome.title}</span>
                  <span class="week-outcome-meta">
                    <span class="kind">{kindLabel(outcome.kind)}</span> {outcome.siteId ? `via ${siteName(outcome.siteId)}` : 'no site'}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {beingBig.outcomes.length > 0 ? (
            <div class="breakdowns">
              <Breakdown
                title="By kind"
                testId="week-by-kind"
                entries={Object.entries(beingBig.byKind).map(([kind, n]) => [kindLabel(kind as OutcomeKind), n ?? 0])}
              />
              <Breakdown
                title="By site"
                testId="week-by-site"
                entries={Object.entries(beingBig.bySite).map(([site, n]) => [site ? siteName(site) : 'No site', n])}
              />
            </div>
          ) : null}

          <h3>{beingBig.aims.length > 1 ? 'Aims this week' : 'Aim this week'}</h3>
          {beingBig.aims.length === 0 ? (
            <p class="muted">No aim was set this week. Set one from the Running For button in the toolbar.</p>
          ) : (
            <ul class="week-aims" role="list" data-testid="week-aims">
              {beingBig.aims.map((aim) => (
                <li key={aim.id}>
                  <span class="week-aim">{aim.aim}</span>
                  {aim.purpose ? <span class="muted"> — {aim.purpose}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section class="trends" aria-labelledby="trends-heading" data-testid="week-trends" aria-busy={trend ? 'false' : 'true'}>
        <h2 id="trends-heading">The last {TREND_WEEKS} weeks</h2>
        {trend ? <Trends weeks={trend} shownFirstDay={summary.bounds.firstDay} /> : <p class="muted">Drawing the trends…</p>}
      </section>
    </>
  );
}

function Figure({ label, testId, value, text }: { label: string; testId: string; value: number; text: string }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={String(value)}>
        {text}
      </dd>
    </div>
  );
}

function ChangeTable({
  caption,
  changes,
  total,
  apart = false,
}: {
  caption: string;
  changes: MetricChange[];
  total?: WeekSummary;
  apart?: boolean;
}) {
  return (
    <table class="week-table" data-testid={apart ? 'week-other-metrics' : 'week-audience'}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Site</th>
          <th scope="col" class="num">
            From → to
          </th>
          <th scope="col" class="num">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr
            key={`${change.siteId} ${change.metric}`}
            data-site={change.siteId}
            data-metric={change.metric}
            data-change={String(change.change)}
          >
            <th scope="row">
              {siteName(change.siteId)} <span class="metric">{metricWord(change.metric, change.to)}</span>
              {change.fromFirstInWeek ? <span class="note">first seen this week</span> : null}
              {apart ? <span class="note">not in the total</span> : null}
            </th>
            <td class="num">
              {approx(change)}
              {change.from.toLocaleString()} → {approx(change)}
              {change.to.toLocaleString()}
            </td>
            <td class="num">
              {approx(change)}
              {signed(change.change)}
            </td>
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td />
            <td class="num">{audienceWords(total)}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function approx(change: MetricChange): string {
  return change.approximate ? '≈' : '';
}

function Breakdown({ title, testId, entries }: { title: string; testId: string; entries: [string, number][] }) {
  const sorted = [...entries].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return (
    <div class="breakdown">
      <h4>{title}</h4>
      <ul role="list" data-testid={testId}>
        {sorted.map(([name, count]) => (
          <li key={name}>
            <span>{name}</span> <span class="count">{count.toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Trends({ weeks, shownFirstDay }: { weeks: TrendWeek[]; shownFirstDay: string }) {
  const point = (week: TrendWeek, value: number): TrendPoint => ({
    key: week.firstDay,
    label: week.start.toLocaleDateString(undefined, { day: 'numeric', month: 'short' }),
    longLabel: weekLabel(week.start),
    value,
    current: week.firstDay === shownFirstDay,
  });
  return (
    <div class="trend-grid">
      <TrendChart
        title="Audience gained"
        valueHeader="Audience change"
        testId="trend-audience"
        points={weeks.map((w) => point(w, w.audienceChange))}
        format={(v) => signed(v)}
        short={(v) => compactSigned(v)}
      />
      <TrendChart
        title="Time on social sites"
        valueHeader="Time"
        testId="trend-minutes"
        points={weeks.map((w) => point(w, Math.floor(w.activeMs / 60_000)))}
        format={(minutes) => formatMinutes(minutes * 60_000)}
        short={compactMinutes}
      />
      <TrendChart
        title="Outcomes"
        valueHeader="Outcomes"
        testId="trend-outcomes"
        points={weeks.map((w) => point(w, w.outcomes))}
        format={(v) => v.toLocaleString()}
      />
    </div>
  );
}

/** "+1.2K", "−40": fits above a bar. */
function compactSigned(value: number): string {
  const text = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : '0';
}

/** "45m", "2.5h": fits above a bar. */
function compactMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes}m`;
  const hours = minutes / 60;
  return `${hours >= 10 ? Math.round(hours) : Math.round(hours * 10) / 10}h`;
}
