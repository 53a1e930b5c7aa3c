/**
 * The weekly review (`#/week/YYYY-MM-DD`, any day of the week; `#/week` for this week): feeling big
 * (audience, time, counts seen, prompts shown) beside being big (outcomes, answers), the verdict that
 * sets them side by side, 12-week trends, the Markdown export and the reminder's settings.
 *
 * The figures come from utils/week/summary.ts (indexed range queries, computed in utils/week/review.ts) and the words from
 * utils/week/report.ts, so this page, the notification and the Markdown file say the same thing; the page's
 * own words are in assets/locales/<locale>/week.json, its numbers, days and weeks in the browser's language.
 * Key figures carry `data-testid` + `data-value` (the raw number) as stable hooks.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber, plural, t, textDirection, uiLanguage } from '@/utils/i18n/t';
import { metricName } from '@/utils/i18n/metrics';
import { toJournalError } from '@/utils/journal/db';
import { localDay, type OutcomeKind } from '@/utils/journal/records';
import { addWeeks, parseDay, weekLabel, weekStart as startOfWeek } from '@/utils/week/calendar';
import { type MetricChange, type WeekSummary } from '@/utils/week/summary';
import { computeWeek, loadTrend, TREND_WEEKS, type TrendWeek } from '@/utils/week/review';
import { audienceWords, formatMinutes, signed, verdict, weekMarkdown, type ReportNames } from '@/utils/week/report';
import type { ViewContext } from './context';
import { downloadText } from './download';
import { kindLabel, siteName } from '../labels';
import { ReminderSettings } from './ReminderSettings';
import { TrendChart, type TrendPoint } from './TrendChart';

export const REPORT_NAMES: ReportNames = {
  site: siteName,
  kind: (kind: OutcomeKind) => kindLabel(kind),
  // Read when a report is written, so its numbers follow the browser's language.
  get locale() {
    return uiLanguage();
  },
};

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

/** The Markdown file's heading: "Running For — week of 23 – 29 Nov 2026". */
export function weekTitle(start: Date): string {
  return t('weekMarkdownTitle', weekLabel(start, uiLanguage()));
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
          {t('dashboardWeek')}
        </h1>
        <div class="problem" role="alert">
          <p>{t('weekNotADay', day)}</p>
          <a href="#/week">{t('weekShowThisWeek')}</a>
        </div>
      </section>
    );
  }

  const summary = shown && shown.bounds.firstDay === firstDay ? shown : undefined;
  const isThisWeek = firstDay === thisWeekFirstDay;
  const previous = localDay(addWeeks(start, -1));
  const next = localDay(addWeeks(start, 1));
  const range = weekLabel(start, uiLanguage());
  // The arrows point the way the page reads: back is to the left in English, to the right in Arabic.
  const [back, forward] = textDirection() === 'rtl' ? ['→', '←'] : ['←', '→'];

  return (
    <section class="view week-view" aria-labelledby="week-heading" aria-busy={summary ? 'false' : 'true'}>
      <h1 id="week-heading" tabIndex={-1} data-testid="week-heading" data-week={firstDay}>
        {isThisWeek ? t('weekHeadingThis', range) : t('weekHeadingOther', range)}
      </h1>
      <p class="lede">{t('weekLede')}</p>
      <nav class="week-nav" aria-label={t('weekNavLabel')}>
        <a href={weekHash(previous)} data-testid="week-previous">
          <span aria-hidden="true">{back}</span>
          {t('weekPrevious')}
        </a>
        <a href="#/week" data-testid="week-this" aria-current={isThisWeek ? 'date' : undefined}>
          {t('weekThis')}
        </a>
        <a href={weekHash(next)} data-testid="week-next">
          {t('weekNext')}
          <span aria-hidden="true">{forward}</span>
        </a>
      </nav>

      {error ? (
        <div class="problem" role="alert">
          <p>{error}</p>
          <button type="button" onClick={() => setReloads((n) => n + 1)}>
            {t('dashboardTryAgain')}
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
          {t('weekAddingUp')}
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
          {t('weekVerdictHeading')}
        </h2>
        <p class="verdict-answer">{words.answer}</p>
        <p class="verdict-suggestion">
          <span class="label">{t('weekNextWeekLabel')} </span>
          {words.suggestion}
        </p>
        <div class="actions">
          <button type="button" onClick={onExport}>
            {t('weekExport')}
          </button>
        </div>
      </section>

      <div class="week-columns">
        <section class="week-side feeling" aria-labelledby="feeling-heading">
          <h2 id="feeling-heading">{t('weekFeelingBig')}</h2>
          <p class="side-lede">{t('weekFeelingLede')}</p>
          <dl class="figures">
            <Figure
              label={t('weekAudienceChange')}
              testId="week-audience-change"
              value={feelingBig.audienceChange}
              text={`${feelingBig.audienceApproximate ? '≈' : ''}${signed(feelingBig.audienceChange, uiLanguage())}`}
            />
            <Figure
              label={t('weekTimeOnSocial')}
              testId="week-active-minutes"
              value={feelingBig.activeMinutes}
              text={formatMinutes(feelingBig.activeMs)}
            />
            <Figure
              label={t('weekCountsSeen')}
              testId="week-counts-seen"
              value={feelingBig.metricsSeen}
              text={formatNumber(feelingBig.metricsSeen)}
            />
            <Figure
              label={t('weekPromptsShown')}
              testId="week-prompts-shown"
              value={feelingBig.promptsShown}
              text={formatNumber(feelingBig.promptsShown)}
            />
          </dl>

          <h3>{t('weekAudienceHeading')}</h3>
          {feelingBig.audience.length === 0 ? (
            <p class="muted">{t('weekNoCounts')}</p>
          ) : (
            <ChangeTable caption={t('weekAudienceCaption')} changes={feelingBig.audience} total={summary} />
          )}
          {feelingBig.other.length > 0 ? (
            <>
              <h3>
                {t('weekShownApart')} <span class="muted">{t('weekShownApartNote')}</span>
              </h3>
              <ChangeTable caption={t('weekApartCaption')} changes={feelingBig.other} apart />
            </>
          ) : null}

          <h3>{t('weekTimePerSite')}</h3>
          {feelingBig.sites.length === 0 ? (
            <p class="muted">{t('weekNoTime')}</p>
          ) : (
            <table class="week-table" data-testid="week-sites">
              <caption class="visually-hidden">{t('weekSitesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('weekSiteColumn')}</th>
                  <th scope="col" class="num">
                    {t('weekTimeColumn')}
                  </th>
                  <th scope="col" class="num">
                    {t('weekCountsSeen')}
                  </th>
                  <th scope="col" class="num">
                    {t('weekPromptsColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {feelingBig.sites.map((site) => (
                  <tr key={site.siteId}>
                    <th scope="row">{siteName(site.siteId)}</th>
                    <td class="num">{formatMinutes(site.activeMs)}</td>
                    <td class="num">{formatNumber(site.metricsSeen)}</td>
                    <td class="num">{formatNumber(site.promptsShown)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section class="week-side being" aria-labelledby="being-heading">
          <h2 id="being-heading">{t('weekBeingBig')}</h2>
          <p class="side-lede">{t('weekBeingLede')}</p>
          <dl class="figures">
            <Figure
              label={t('weekOutcomes')}
              testId="week-outcomes"
              value={beingBig.outcomes.length}
              text={formatNumber(beingBig.outcomes.length)}
            />
            <Figure
              label={t('weekAnsweredOutcome')}
              testId="week-answered-outcome"
              value={answers.outcome}
              text={formatNumber(answers.outcome)}
            />
            <Figure
              label={t('weekNothingYet', t('nothingYet'))}
              testId="week-nothing-yet"
              value={answers['nothing-yet']}
              text={formatNumber(answers['nothing-yet'])}
            />
            <Figure
              label={t('weekDismissed', t('notNow'))}
              testId="week-dismissed"
              value={answers.dismissed}
              text={formatNumber(answers.dismissed)}
            />
          </dl>

          <h3>{t('weekOutcomes')}</h3>
          {beingBig.outcomes.length === 0 ? (
            <p class="muted">{t('weekNoOutcomes')}</p>
          ) : (
            <ul class="week-outcomes" role="list">
              {beingBig.outcomes.map((outcome) => (
                <li key={outcome.id}>
                  <time dateTime={outcome.at}>
                    {new Date(outcome.at).toLocaleDateString(uiLanguage(), { weekday: 'short', day: 'numeric', month: 'short' })}
                  </time>
                  <span class="week-outcome-title">{outcome.title}</span>
                  <span class="week-outcome-meta">
                    <span class="kind">{kindLabel(outcome.kind)}</span>{' '}
                    {outcome.siteId ? t('weekOutcomeVia', siteName(outcome.siteId)) : t('weekOutcomeNoSite')}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {beingBig.outcomes.length > 0 ? (
            <div class="breakdowns">
              <Breakdown
                title={t('weekByKind')}
                testId="week-by-kind"
                entries={Object.entries(beingBig.byKind).map(([kind, n]) => [kindLabel(kind as OutcomeKind), n ?? 0])}
              />
              <Breakdown
                title={t('weekBySite')}
                testId="week-by-site"
                entries={Object.entries(beingBig.bySite).map(([site, n]) => [site ? siteName(site) : t('weekBySiteNone'), n])}
              />
            </div>
          ) : null}

          {/* No aim reads as the singular heading over its empty state. */}
          <h3>{plural('weekAimsHeading', Math.max(beingBig.aims.length, 1))}</h3>
          {beingBig.aims.length === 0 ? (
            <p class="muted">{t('weekNoAim')}</p>
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
        <h2 id="trends-heading">{plural('weekTrendsHeading', TREND_WEEKS, formatNumber(TREND_WEEKS))}</h2>
        {trend ? <Trends weeks={trend} shownFirstDay={summary.bounds.firstDay} /> : <p class="muted">{t('weekTrendsDrawing')}</p>}
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
          <th scope="col">{t('weekSiteColumn')}</th>
          <th scope="col" class="num">
            {t('weekFromToColumn')}
          </th>
          <th scope="col" class="num">
            {t('weekChangeColumn')}
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
              {siteName(change.siteId)} <span class="metric">{metricName(change.metric)}</span>
              {change.fromFirstInWeek ? <span class="note">{t('weekFirstSeen')}</span> : null}
              {apart ? <span class="note">{t('weekNotInTotal')}</span> : null}
            </th>
            <td class="num">
              {t('weekChangeFromTo', [approx(change) + formatNumber(change.from), approx(change) + formatNumber(change.to)])}
            </td>
            <td class="num">
              {approx(change)}
              {signed(change.change, uiLanguage())}
            </td>
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr>
            <th scope="row">{t('weekTotal')}</th>
            <td />
            <td class="num">{audienceWords(total, REPORT_NAMES)}</td>
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
  const sorted = [...entries].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], uiLanguage()));
  return (
    <div class="breakdown">
      <h4>{title}</h4>
      <ul role="list" data-testid={testId}>
        {sorted.map(([name, count]) => (
          <li key={name}>
            <span>{name}</span> <span class="count">{formatNumber(count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Trends({ weeks, shownFirstDay }: { weeks: TrendWeek[]; shownFirstDay: string }) {
  const point = (week: TrendWeek, value: number): TrendPoint => ({
    key: week.firstDay,
    label: week.start.toLocaleDateString(uiLanguage(), { day: 'numeric', month: 'short' }),
    longLabel: weekLabel(week.start, uiLanguage()),
    value,
    current: week.firstDay === shownFirstDay,
  });
  return (
    <div class="trend-grid">
      <TrendChart
        title={t('weekAudienceGained')}
        valueHeader={t('weekAudienceChange')}
        testId="trend-audience"
        points={weeks.map((w) => point(w, w.audienceChange))}
        format={(v) => signed(v, uiLanguage())}
        short={(v) => compactSigned(v)}
      />
      <TrendChart
        title={t('weekTimeOnSocial')}
        valueHeader={t('weekTimeColumn')}
        testId="trend-minutes"
        points={weeks.map((w) => point(w, Math.floor(w.activeMs / 60_000)))}
        format={(minutes) => formatMinutes(minutes * 60_000)}
        short={compactMinutes}
      />
      <TrendChart
        title={t('weekOutcomes')}
        valueHeader={t('weekOutcomes')}
        testId="trend-outcomes"
        points={weeks.map((w) => point(w, w.outcomes))}
        format={formatNumber}
      />
    </div>
  );
}

/** "+1.2K", "−40": fits above a bar (the signs as `signed` writes them). */
function compactSigned(value: number): string {
  const text = new Intl.NumberFormat(uiLanguage(), { notation: 'compact', maximumFractionDigits: 1 }).format(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : formatNumber(0);
}

/** "45m", "2.5h" (in English): fits above a bar, the units as the browser's language abbreviates them. */
function compactMinutes(minutes: number): string {
  const unit = (unit: 'minute' | 'hour', fraction: number) =>
    new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit, unitDisplay: 'narrow', maximumFractionDigits: fraction });
  if (minutes < 60) return unit('minute', 0).format(minutes);
  const hours = minutes / 60;
  return unit('hour', hours >= 10 ? 0 : 1).format(hours);
}
