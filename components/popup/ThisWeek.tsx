import { useId, useState } from 'preact/hooks';
import { formatNumber, plural, t } from '@/utils/i18n/t';
import type { Outcome } from '@/utils/journal/records';
import { kindLabel, formatDuration, formatWeek, formatWeekday, siteName } from './labels';
import type { UndoWindow } from './use-undo-window';
import type { WeekBounds } from '@/utils/week/calendar';

/** Enough for a glance; the dashboard has the rest. */
export const LISTED_OUTCOMES = 5;

export interface WeekSummary {
  week: WeekBounds;
  outcomes: Outcome[];
  promptsAnswered: number;
  activeMs: number;
}

interface ThisWeekProps {
  /** Undefined while the journal opens: the same boxes, quietly empty. */
  summary: WeekSummary | undefined;
  undo: UndoWindow;
  /** Deletes a just-logged outcome; rejects with a message-bearing error when the write fails. */
  onUndo: (outcome: Outcome) => Promise<void>;
}

/** Outcomes logged, prompts answered and time on social sites this week, and the newest outcomes. */
export function ThisWeek({ summary, undo, onUndo }: ThisWeekProps) {
  const [error, setError] = useState<string | null>(null);

  async function undoOutcome(outcome: Outcome) {
    setError(null);
    try {
      await onUndo(outcome);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const listed = summary?.outcomes.slice(0, LISTED_OUTCOMES) ?? [];
  const more = (summary?.outcomes.length ?? 0) - listed.length;

  return (
    <section class="week" aria-labelledby="week-heading" aria-busy={summary ? undefined : 'true'}>
      <div class="week-head">
        <h2 id="week-heading">{t('popupThisWeek')}</h2>
        <span class="week-range">{summary ? formatWeek(summary.week.start, summary.week.end) : ''}</span>
        <a class="dashboard-link" href="dashboard.html" target="_blank" rel="noopener">
          {t('popupOpenDashboard')}
        </a>
      </div>
      <dl class="stats">
        <Stat label={t('popupStatOutcomes')} value={summary ? formatNumber(summary.outcomes.length) : undefined} />
        <Stat label={t('popupStatPrompts')} value={summary ? formatNumber(summary.promptsAnswered) : undefined} />
        <Stat label={t('popupStatTime')} value={summary ? formatDuration(summary.activeMs) : undefined} />
      </dl>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {summary && listed.length === 0 && <p class="empty">{t('popupWeekEmpty')}</p>}
      {listed.length > 0 && (
        <ul class="outcomes" aria-label={t('popupOutcomesLabel')}>
          {listed.map((outcome) => (
            <OutcomeRow
              key={outcome.id}
              outcome={outcome}
              undoable={undo.open.has(outcome.id)}
              onUndo={() => undoOutcome(outcome)}
              onHold={(held) => undo.hold(outcome.id, held)}
            />
          ))}
        </ul>
      )}
      {more > 0 && <p class="more">{plural('popupMoreInDashboard', more, formatNumber(more))}</p>}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string | undefined }) {
  return (
    <div class="stat">
      <dt>{label}</dt>
      <dd>{value ?? <span class="placeholder number" aria-hidden="true" />}</dd>
    </div>
  );
}

interface OutcomeRowProps {
  outcome: Outcome;
  undoable: boolean;
  onUndo: () => void;
  onHold: (held: boolean) => void;
}

function OutcomeRow({ outcome, undoable, onUndo, onHold }: OutcomeRowProps) {
  const titleId = useId();
  const meta = [kindLabel(outcome.kind), outcome.siteId ? siteName(outcome.siteId) : null, formatWeekday(outcome.at)]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class="outcome">
      <div class="outcome-text">
        <span id={titleId} class="outcome-title" title={outcome.title}>
          {outcome.title}
        </span>
        <span class="outcome-meta">{meta}</span>
      </div>
      {undoable && (
        <button
          type="button"
          class="quiet undo"
          aria-describedby={titleId}
          onClick={onUndo}
          onFocus={() => onHold(true)}
          onBlur={() => onHold(false)}
          onMouseEnter={() => onHold(true)}
          onMouseLeave={() => onHold(false)}
        >
          {t('popupUndo')}
        </button>
      )}
    </li>
  );
}
