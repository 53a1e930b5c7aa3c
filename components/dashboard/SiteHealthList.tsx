/**
 * Site health (Sites view): per supported site, whether Running For still finds the counts on the pages
 * that should show them — "found the counts on 14 of 15 pages this week", or that the site may have
 * changed — and a Copy diagnostic button that puts the redacted structure of the last page that fell back
 * or showed nothing on the clipboard, for a bug report. Nothing is sent anywhere.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/t';
import type { Journal } from '@/utils/journal/journal';
import { summarizeSiteHealth, type HealthState, type SiteHealthSummary } from '@/utils/health/words';
import { weekBounds } from '@/utils/week/calendar';
import type { Weekday } from '@/utils/settings/items';

const STATE_LABELS: Record<HealthState, MessageKey> = {
  ok: 'healthBadgeOk',
  fallback: 'healthBadgeFallback',
  missing: 'healthBadgeMissing',
  unknown: 'healthBadgeUnknown',
};

/** A health state as its badge says it ("Working"), in the UI's language. */
export function stateLabel(state: HealthState): string {
  return t(STATE_LABELS[state]);
}

export interface SiteHealthListProps {
  journal: Journal;
  now: () => Date;
  weekStartsOn: Weekday;
  /** Bumped when the journal may have changed elsewhere. */
  revision: number;
  sites: readonly { id: string; name: string }[];
  /** Where Copy diagnostic writes (the system clipboard). */
  copy?: (text: string) => Promise<void>;
  /** Say what happened in the view's one status region (the Sites view's). */
  announce: (message: string) => void;
  /** Say what went wrong in the view's alert. */
  fail: (title: string, detail: string) => void;
}

const clipboard = (text: string) => navigator.clipboard.writeText(text);

/**
 * What Copy diagnostic puts on the clipboard: the summary in numbers, then the structure. In English whatever
 * the UI's language: a bug report's text, read by the maintainers, not a message of the UI.
 */
export function diagnosticReport(site: { id: string; name: string }, summary: SiteHealthSummary, at: Date): string {
  return [
    `Running For site health: ${site.name} (${site.id}), ${at.toISOString().slice(0, 10)}`,
    `state: ${summary.state}; this week: counts on ${summary.found} of ${summary.expected} pages that should show them`,
    '',
    summary.diagnostic ?? '(no diagnostic: no page fell back or came up empty)',
    '',
  ].join('\n');
}

const messageOf = (error: unknown) => (error instanceof Error && error.message ? error.message : String(error));

export function SiteHealthList({ journal, now, weekStartsOn, revision, sites, copy = clipboard, announce, fail }: SiteHealthListProps) {
  const [summaries, setSummaries] = useState<SiteHealthSummary[] | undefined>(undefined);
  const [unread, setUnread] = useState(false);

  useEffect(() => {
    let live = true;
    const bounds = weekBounds(now(), weekStartsOn);
    Promise.all([journal.health(bounds.firstDay, bounds.lastDay), journal.siteHealth()]).then(
      ([week, standings]) => {
        if (!live) return;
        setSummaries(
          sites.map((site) =>
            summarizeSiteHealth(
              site,
              week,
              standings.find((standing) => standing.siteId === site.id),
            ),
          ),
        );
      },
      (error: unknown) => {
        if (!live) return;
        setUnread(true);
        fail(t('healthReadFailed'), messageOf(error));
      },
    );
    return () => {
      live = false;
    };
  }, [journal, now, weekStartsOn, revision, sites, fail]);

  const copyDiagnostic = async (site: { id: string; name: string }, summary: SiteHealthSummary) => {
    try {
      await copy(diagnosticReport(site, summary, now()));
      announce(t('healthCopied', site.name));
    } catch (error) {
      fail(t('healthCopyFailed'), messageOf(error));
    }
  };

  return (
    <section class="site-health" aria-labelledby="site-health-heading">
      <h2 id="site-health-heading">{t('healthListHeading')}</h2>
      <p class="muted">{t('healthListExplanation')}</p>
      {summaries === undefined ? (
        unread ? null : (
          <p class="muted">{t('healthListLoading')}</p>
        )
      ) : (
        <ul class="site-health-list">
          {summaries.map((summary) => {
            const site = sites.find((candidate) => candidate.id === summary.siteId)!;
            return (
              <li
                key={site.id}
                class={`site-health-row health-${summary.state}`}
                data-testid="site-health"
                data-site={site.id}
                data-state={summary.state}
              >
                <span class="health-badge">{stateLabel(summary.state)}</span>
                <span class="health-site">{site.name}</span>
                <span class="health-sentence">{summary.sentence}</span>
                {summary.diagnostic ? (
                  <button
                    type="button"
                    class="quiet"
                    onClick={() => void copyDiagnostic(site, summary)}
                    aria-label={t('healthCopyButtonName', site.name)}
                  >
                    {t('healthCopyButton')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
