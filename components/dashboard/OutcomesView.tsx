/**
 * Outcomes: what the user's connections actually produced, newest first and grouped by local day.
 * Filter by week, kind and site; edit in place; delete with undo.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber, plural, t, textDirection, uiLanguage, type MessageKey } from '@/utils/i18n/t';
import { toJournalError } from '@/utils/journal/db';
import type { OutcomeFilter } from '@/utils/journal/journal';
import { localDay, OUTCOME_KINDS, type Outcome, type OutcomeKind } from '@/utils/journal/records';
import type { ViewContext } from './context';
import { kindLabel, SITE_NAMES, siteName } from '../labels';
import { OutcomeEditor, type OutcomeChanges } from './OutcomeEditor';
import { addWeeks, parseDay, weekLabel, weekRange, weekStart as startOfWeek } from '@/utils/week/calendar';

/** The site filter's value for outcomes that came through no site (site ids never start with "-"). */
export const NO_SITE = '-';

interface Filters {
  /** Local `YYYY-MM-DD` of a day in the chosen week, or null for every week. */
  week: string | null;
  kind: OutcomeKind | '';
  /** '' for every site, NO_SITE, or a site id. */
  site: string;
}

const NO_FILTERS: Filters = { week: null, kind: '', site: '' };

/** Where focus goes once the list shows the result of load number `after` (or a later one). */
type Focus = ({ to: 'edit'; id: string } | { to: 'undo' } | { to: 'heading' }) & { after: number };

export function OutcomesView({ journal, weekStartsOn, now, revision }: ViewContext) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [outcomes, setOutcomes] = useState<Outcome[] | undefined>(undefined);
  /** The number of the load whose results are shown. */
  const [shownLoad, setShownLoad] = useState(0);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Outcome | null>(null);
  const [notice, setNotice] = useState('');
  const [reloads, setReloads] = useState(0);
  const [seenSites, setSeenSites] = useState<ReadonlySet<string>>(new Set());
  const rootRef = useRef<HTMLElement>(null);
  const pendingFocus = useRef<Focus | null>(null);
  const latestLoad = useRef(0);

  const weekStart = filters.week ? startOfWeek(parseDay(filters.week) ?? now(), weekStartsOn) : null;
  const thisWeek = startOfWeek(now(), weekStartsOn);
  const weekKey = weekStart ? localDay(weekStart) : null;

  useEffect(() => {
    const load = ++latestLoad.current;
    const query: OutcomeFilter = {};
    if (weekKey) Object.assign(query, weekRange(parseDay(weekKey)!));
    if (filters.kind) query.kind = filters.kind;
    if (filters.site) query.siteId = filters.site === NO_SITE ? null : filters.site;
    Promise.all([journal.outcomes(query), journal.counts()]).then(
      ([list, counts]) => {
        // A slower, older query must not overwrite a newer one (quick clicks through weeks).
        if (load !== latestLoad.current) return;
        setOutcomes(list);
        setShownLoad(load);
        setTotal(counts.outcomes);
        setError(null);
        setSeenSites((known) => {
          const extra = list.map((o) => o.siteId).filter((id): id is string => id !== null && !SITE_NAMES.has(id) && !known.has(id));
          return extra.length ? new Set([...known, ...extra]) : known;
        });
      },
      (failure: unknown) => {
        if (load === latestLoad.current) setError(toJournalError(failure).message);
      },
    );
  }, [journal, weekKey, filters.kind, filters.site, revision, reloads]);

  const reload = () => setReloads((n) => n + 1);
  /** Focus `target` after the next load (the one `reload()` starts). */
  const focusAfterReload = (target: DistributiveOmit<Focus, 'after'>) => {
    pendingFocus.current = { ...target, after: latestLoad.current + 1 };
  };
  /** Focus `target` in the next render that shows it (no reload needed). */
  const focusNow = (target: DistributiveOmit<Focus, 'after'>) => {
    pendingFocus.current = { ...target, after: latestLoad.current };
  };

  // Move focus only once the render shows what the request waits for: effects of an earlier render can
  // still be pending when the request is made.
  useEffect(() => {
    const focus = pendingFocus.current;
    const root = rootRef.current;
    if (!focus || !root) return;
    const ready = shownLoad >= focus.after && (focus.to !== 'edit' || editing !== focus.id) && (focus.to !== 'undo' || deleted !== null);
    if (!ready) return;
    pendingFocus.current = null;
    const target =
      focus.to === 'undo'
        ? root.querySelector<HTMLElement>('[data-action="undo"]')
        : focus.to === 'edit'
          ? root.querySelector<HTMLElement>(`[data-outcome-id="${CSS.escape(focus.id)}"] [data-action="edit"]`)
          : null;
    (target ?? root.querySelector<HTMLElement>('h1'))?.focus();
  }, [shownLoad, editing, deleted]);

  const siteIds = useMemo(() => [...SITE_NAMES.keys(), ...[...seenSites].sort()], [seenSites]);

  const save = async (outcome: Outcome, changes: OutcomeChanges) => {
    const saved = await journal.updateOutcome(outcome.id, changes);
    setEditing(null);
    setNotice(t('outcomesSaved', saved.title));
    setDeleted(null);
    focusAfterReload({ to: 'edit', id: outcome.id });
    reload();
  };

  const remove = async (outcome: Outcome) => {
    try {
      const removed = await journal.deleteOutcome(outcome.id);
      setDeleted(removed ?? null);
      setNotice(t('outcomesDeleted', outcome.title));
      setError(null);
      focusAfterReload({ to: 'undo' });
      reload();
    } catch (failure) {
      setError(toJournalError(failure).message);
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      await journal.restoreOutcome(deleted);
      setNotice(t('outcomesRestored', deleted.title));
      setDeleted(null);
      setError(null);
      focusAfterReload({ to: 'edit', id: deleted.id });
      reload();
    } catch (failure) {
      setError(toJournalError(failure).message);
    }
  };

  const dismiss = () => {
    setNotice('');
    setDeleted(null);
    focusNow({ to: 'heading' });
  };

  const filtered = filters.week !== null || filters.kind !== '' || filters.site !== '';
  const groups = useMemo(() => groupByDay(outcomes ?? []), [outcomes]);

  return (
    <section ref={rootRef} class="view" aria-labelledby="outcomes-heading">
      <h1 id="outcomes-heading" tabIndex={-1}>
        {t('outcomesHeading')}
      </h1>
      <p class="lede">{t('outcomesLede')}</p>

      <form class="filters" role="search" aria-label={t('outcomesFilterLabel')} onSubmit={(event) => event.preventDefault()}>
        <WeekPicker
          weekStart={weekStart}
          thisWeek={thisWeek}
          // From the latest state, not this render's: two quick clicks move two weeks.
          onStep={(weeks) =>
            setFilters((f) =>
              f.week ? { ...f, week: localDay(addWeeks(startOfWeek(parseDay(f.week) ?? now(), weekStartsOn), weeks)) } : f,
            )
          }
          onChange={(start) => setFilters((f) => ({ ...f, week: start ? localDay(start) : null }))}
        />
        <div class="filter-selects">
          <div class="field">
            <label for="filter-kind">{t('outcomesKind')}</label>
            <select
              id="filter-kind"
              value={filters.kind}
              onChange={(event) => setFilters((f) => ({ ...f, kind: event.currentTarget.value as OutcomeKind | '' }))}
            >
              <option value="">{t('outcomesAllKinds')}</option>
              {OUTCOME_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabel(kind)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-site">{t('outcomesSite')}</label>
            <select
              id="filter-site"
              value={filters.site}
              onChange={(event) => setFilters((f) => ({ ...f, site: event.currentTarget.value }))}
            >
              <option value="">{t('outcomesAllSites')}</option>
              <option value={NO_SITE}>{t('outcomesNoSite')}</option>
              {siteIds.map((id) => (
                <option key={id} value={id}>
                  {siteName(id)}
                </option>
              ))}
            </select>
          </div>
          {filtered ? (
            <button type="button" class="quiet" onClick={() => setFilters(NO_FILTERS)}>
              {t('outcomesClearFilters')}
            </button>
          ) : null}
        </div>
      </form>

      {error ? (
        <div class="problem" role="alert">
          <p>{error}</p>
          <button type="button" onClick={reload}>
            {t('outcomesTryAgain')}
          </button>
        </div>
      ) : null}

      {outcomes === undefined ? (
        error ? null : (
          <p class="muted">{t('outcomesLoading')}</p>
        )
      ) : total === 0 ? (
        <div class="empty" data-testid="empty-state">
          <p class="empty-title">{t('outcomesEmptyTitle')}</p>
          <p>{t('outcomesEmptyHow', t('extName'))}</p>
          <p>
            {t('outcomesEmptyMoving')} <a href="#/data">{t('outcomesEmptyImport')}</a>
          </p>
        </div>
      ) : outcomes.length === 0 ? (
        <div class="empty" data-testid="empty-state">
          <p class="empty-title">{noOutcomes(filters, weekStart)}</p>
          <p>{t('outcomesNoneHint')}</p>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            {t('outcomesShowAll')}
          </button>
        </div>
      ) : (
        <>
          <p class="muted summary" data-testid="outcome-summary">
            {filtered
              ? plural('outcomesCountOf', total ?? 0, [formatNumber(outcomes.length), formatNumber(total ?? 0)])
              : plural('outcomesCount', outcomes.length, formatNumber(outcomes.length))}
          </p>
          {groups.map(([day, items]) => (
            <section key={day} class="day" aria-labelledby={`day-${day}`}>
              <h2 id={`day-${day}`} class="day-heading">
                <time dateTime={day}>{formatDay(day)}</time>
              </h2>
              <ul class="outcomes" role="list">
                {items.map((outcome) =>
                  editing === outcome.id ? (
                    <li key={outcome.id} class="outcome editing" data-outcome-id={outcome.id} data-testid="outcome">
                      <OutcomeEditor
                        outcome={outcome}
                        siteIds={siteIds}
                        onSave={(changes) => save(outcome, changes)}
                        onCancel={() => {
                          setEditing(null);
                          focusNow({ to: 'edit', id: outcome.id });
                        }}
                      />
                    </li>
                  ) : (
                    <OutcomeRow
                      key={outcome.id}
                      outcome={outcome}
                      onEdit={() => {
                        setEditing(outcome.id);
                        setNotice('');
                      }}
                      onDelete={() => void remove(outcome)}
                    />
                  ),
                )}
              </ul>
            </section>
          ))}
        </>
      )}

      <div class={notice ? 'toast' : 'toast empty-toast'} data-testid="toast">
        {/* Always in the document, so screen readers announce what is put in it. */}
        <p role="status" class="toast-message">
          {notice}
        </p>
        {notice && deleted ? (
          <button type="button" data-action="undo" onClick={() => void undo()}>
            {t('outcomesUndo')}
          </button>
        ) : null}
        {notice ? (
          <button type="button" class="quiet" onClick={dismiss}>
            {t('outcomesDismiss')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

function OutcomeRow({ outcome, onEdit, onDelete }: { outcome: Outcome; onEdit: () => void; onDelete: () => void }) {
  const at = new Date(outcome.at);
  return (
    <li class="outcome" data-outcome-id={outcome.id} data-testid="outcome">
      <div class="outcome-body">
        <p class="outcome-title">{outcome.title}</p>
        <p class="outcome-meta">
          <span class="kind" data-kind={outcome.kind}>
            {kindLabel(outcome.kind)}
          </span>
          <span>{outcome.siteId ? t('outcomesVia', siteName(outcome.siteId)) : t('outcomesNoSite')}</span>
          <time dateTime={outcome.at}>{new Intl.DateTimeFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit' }).format(at)}</time>
        </p>
        {outcome.note ? <p class="outcome-note">{outcome.note}</p> : null}
      </div>
      <div class="outcome-actions">
        <button type="button" class="quiet" data-action="edit" aria-label={t('outcomesEditNamed', outcome.title)} onClick={onEdit}>
          {t('outcomesEdit')}
        </button>
        <button
          type="button"
          class="quiet danger"
          data-action="delete"
          aria-label={t('outcomesDeleteNamed', outcome.title)}
          onClick={onDelete}
        >
          {t('outcomesDelete')}
        </button>
      </div>
    </li>
  );
}

interface WeekPickerProps {
  /** The chosen week's first day, or null for every week. */
  weekStart: Date | null;
  thisWeek: Date;
  onStep: (weeks: number) => void;
  onChange: (start: Date | null) => void;
}

function WeekPicker({ weekStart, thisWeek, onStep, onChange }: WeekPickerProps) {
  const isThisWeek = weekStart !== null && weekStart.getTime() === thisWeek.getTime();
  const label =
    weekStart === null ? t('outcomesWeekAll') : t(isThisWeek ? 'outcomesWeekThis' : 'outcomesWeekOf', weekLabel(weekStart, uiLanguage()));
  // The arrows point the way the page reads: backwards is to the right in a right-to-left language.
  const [back, forward] = textDirection() === 'rtl' ? ['→', '←'] : ['←', '→'];
  return (
    <div class="week-picker" role="group" aria-label={t('outcomesWeekGroup')}>
      {weekStart ? (
        <button type="button" onClick={() => onStep(-1)}>
          <span aria-hidden="true">{back} </span>
          {t('outcomesPreviousWeek')}
        </button>
      ) : null}
      <span class="week-label" aria-live="polite" data-testid="week-label">
        {label}
      </span>
      {weekStart ? (
        <button type="button" onClick={() => onStep(1)}>
          {t('outcomesNextWeek')}
          <span aria-hidden="true"> {forward}</span>
        </button>
      ) : null}
      {!isThisWeek ? (
        <button type="button" onClick={() => onChange(thisWeek)}>
          {t('outcomesThisWeek')}
        </button>
      ) : null}
      {weekStart ? (
        <button type="button" onClick={() => onChange(null)}>
          {t('outcomesAllWeeks')}
        </button>
      ) : null}
    </div>
  );
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Outcomes (already newest first) grouped by local day, newest day first. */
export function groupByDay(outcomes: readonly Outcome[]): [string, Outcome[]][] {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const day = localDay(new Date(outcome.at));
    const group = groups.get(day);
    if (group) group.push(outcome);
    else groups.set(day, [outcome]);
  }
  return [...groups];
}

function formatDay(day: string): string {
  const date = parseDay(day);
  return date
    ? new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date)
    : day;
}

/**
 * The empty list's title, one whole sentence per combination of filters ("No outcomes of kind Client via
 * LinkedIn in the week of 23 – 29 Nov 2026."): languages place and inflect each part their own way.
 * Substitutions in the order kind, site, week, each only when its filter is set.
 */
const NONE: Record<`${'' | 'kind'}${'' | 'site' | 'noSite'}${'' | 'week'}`, MessageKey> = {
  '': 'outcomesNoneHere',
  kind: 'outcomesNoneKind',
  site: 'outcomesNoneSite',
  noSite: 'outcomesNoneNoSite',
  week: 'outcomesNoneWeek',
  kindsite: 'outcomesNoneKindSite',
  kindnoSite: 'outcomesNoneKindNoSite',
  kindweek: 'outcomesNoneKindWeek',
  siteweek: 'outcomesNoneSiteWeek',
  noSiteweek: 'outcomesNoneNoSiteWeek',
  kindsiteweek: 'outcomesNoneKindSiteWeek',
  kindnoSiteweek: 'outcomesNoneKindNoSiteWeek',
};

function noOutcomes(filters: Filters, weekStart: Date | null): string {
  const site = filters.site === '' ? '' : filters.site === NO_SITE ? 'noSite' : 'site';
  const subs: string[] = [];
  if (filters.kind) subs.push(kindLabel(filters.kind));
  if (site === 'site') subs.push(siteName(filters.site));
  if (weekStart) subs.push(weekLabel(weekStart, uiLanguage()));
  return t(NONE[`${filters.kind ? 'kind' : ''}${site}${weekStart ? 'week' : ''}`], subs);
}
