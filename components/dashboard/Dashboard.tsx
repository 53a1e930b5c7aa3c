/**
 * The dashboard (also the options page): a header with the current aim and navigation, and one view
 * per hash route. It opens the journal itself and shows why when it cannot.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/t';
import { ERROR_TEXTS, toJournalError } from '@/utils/journal/db';
import type { Journal } from '@/utils/journal/journal';
import { pageJournal } from '@/utils/journal/page';
import type { Aim } from '@/utils/journal/records';
import { DEFAULT_WEEK_START, loadSettings, weekStartItem, repairWeekStart, type Weekday } from '@/utils/settings/items';
import { DataView } from './DataView';
import { OutcomesView } from './OutcomesView';
import { SitesView } from './SitesView';
import { WeekView } from './WeekView';
import type { ViewContext } from './context';
import { matchRoute, useHashPath, type RouteDefinition } from './router';

interface DashboardRoute extends RouteDefinition {
  /** The view's name (a message key): the browser tab's title, and the navigation's link to it. */
  title: MessageKey;
  /** Shown in the header navigation, linking to `href`. */
  nav?: { href: string };
  view: (params: string[], context: ViewContext) => JSX.Element;
}

export const DEFAULT_HASH = '#/outcomes';

export const ROUTES: readonly DashboardRoute[] = [
  {
    path: /^\/outcomes$/,
    title: 'dashboardOutcomes',
    nav: { href: '#/outcomes' },
    view: (_params, context) => <OutcomesView {...context} />,
  },
  {
    // Any day selects the week that contains it; no day is this week.
    path: /^\/week(?:\/(\d{4}-\d{2}-\d{2}))?$/,
    title: 'dashboardWeek',
    nav: { href: '#/week' },
    view: ([day], context) => <WeekView {...context} day={day ?? ''} />,
  },
  {
    path: /^\/sites$/,
    title: 'dashboardSites',
    nav: { href: '#/sites' },
    view: (_params, { journal, now, weekStartsOn, revision }) => <SitesView health={{ journal, now, weekStartsOn, revision }} />,
  },
  {
    path: /^\/data$/,
    title: 'dashboardData',
    nav: { href: '#/data' },
    view: (_params, context) => <DataView {...context} />,
  },
];

export interface DashboardProps {
  /** Opens the journal; the page's shared connection by default (tests pass a fake-indexeddb one). */
  openJournal?: (options: { onBlocked: () => void }) => Promise<Journal>;
  readWeekStart?: () => Promise<Weekday>;
  /** Called when the week start setting changes; returns an unsubscribe function. */
  watchWeekStart?: (callback: (value: Weekday) => void) => () => void;
  now?: () => Date;
  win?: Window;
}

type Opening = { state: 'opening'; blocked: boolean } | { state: 'open'; journal: Journal } | { state: 'failed'; message: string };

// Defaults live out here so they are the same functions on every render (they are effect dependencies).
const readSettingsWeekStart = async (): Promise<Weekday> => (await loadSettings()).weekStartsOn;
const watchSettingsWeekStart = (callback: (value: Weekday) => void) => weekStartItem.watch((value) => callback(repairWeekStart(value)));
const systemNow = () => new Date();

export function Dashboard({
  openJournal = pageJournal,
  readWeekStart = readSettingsWeekStart,
  watchWeekStart = watchSettingsWeekStart,
  now = systemNow,
  win = window,
}: DashboardProps) {
  const path = useHashPath(win);
  const [opening, setOpening] = useState<Opening>({ state: 'opening', blocked: false });
  const [aim, setAim] = useState<Aim | null | undefined>(undefined);
  const [weekStartsOn, setWeekStartsOn] = useState<Weekday>(DEFAULT_WEEK_START);
  const [revision, setRevision] = useState(0);

  const open = useCallback(async () => {
    setOpening({ state: 'opening', blocked: false });
    try {
      const journal = await openJournal({ onBlocked: () => setOpening({ state: 'opening', blocked: true }) });
      setAim((await journal.currentAim()) ?? null);
      setOpening({ state: 'open', journal });
    } catch (error) {
      setOpening({ state: 'failed', message: toJournalError(error).message });
    }
  }, [openJournal]);

  useEffect(() => {
    void open();
  }, [open]);

  useEffect(() => {
    readWeekStart().then(setWeekStartsOn, () => setWeekStartsOn(DEFAULT_WEEK_START));
    return watchWeekStart(setWeekStartsOn);
  }, [readWeekStart, watchWeekStart]);

  const journal = opening.state === 'open' ? opening.journal : undefined;

  const refreshAim = useCallback(() => {
    journal?.currentAim().then(
      (current) => setAim(current ?? null),
      () => setAim(null),
    );
  }, [journal]);

  // The popup or another tab may have written while this tab was in the background.
  useEffect(() => {
    const onVisible = () => {
      if (win.document.visibilityState !== 'visible') return;
      setRevision((n) => n + 1);
      refreshAim();
    };
    win.document.addEventListener('visibilitychange', onVisible);
    return () => win.document.removeEventListener('visibilitychange', onVisible);
  }, [win, refreshAim]);

  const match = matchRoute(ROUTES, path);
  useEffect(() => {
    // An empty or unknown hash shows the default view, with a URL that says so (so Back works).
    if (!match) win.location.replace(DEFAULT_HASH);
  }, [match, win]);
  const route = match?.route ?? ROUTES[0]!;
  const params = match?.params ?? [];

  useEffect(() => {
    win.document.title = t('dashboardDocumentTitle', t(route.title));
  }, [route, win]);

  // After navigating (not on first load), move focus to the new view's heading so screen readers
  // announce it and Tab continues from there.
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path, journal]);

  return (
    <div class="page">
      <a class="skip-link" href="#main" onClick={(event) => skipToMain(event, mainRef.current)}>
        {t('dashboardSkipToContent')}
      </a>
      <header class="site-header">
        <div class="brand">
          <span class="brand-name">{t('extName')}</span>
          <nav aria-label={t('dashboardNavLabel')}>
            <ul>
              {ROUTES.filter((item) => item.nav).map((item) => (
                <li key={item.nav!.href}>
                  <a href={item.nav!.href} aria-current={item === route ? 'page' : undefined}>
                    {t(item.title)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <CurrentAim aim={journal ? aim : undefined} />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {opening.state === 'open' ? (
          route.view(params, { journal: opening.journal, weekStartsOn, now, revision, onJournalChanged: refreshAim })
        ) : opening.state === 'failed' ? (
          <Problem message={opening.message} onRetry={() => void open()} />
        ) : opening.blocked ? (
          // Opening resumes by itself once the other page closes; nothing to retry.
          <Problem message={ERROR_TEXTS.blocked} />
        ) : (
          <p class="muted" role="status">
            {t('dashboardOpening')}
          </p>
        )}
      </main>
    </div>
  );
}

/** The skip link targets `<main>` by id; the hash router owns the hash, so focus it directly instead. */
function skipToMain(event: MouseEvent, main: HTMLElement | null) {
  event.preventDefault();
  main?.focus();
}

function CurrentAim({ aim }: { aim: Aim | null | undefined }) {
  return (
    <section class="current-aim" aria-labelledby="current-aim-heading" data-testid="current-aim">
      <h2 id="current-aim-heading" class="eyebrow">
        {t('dashboardAimHeading')}
      </h2>
      {aim === undefined ? (
        // Same height as the filled state: no layout jump while the journal opens.
        <p class="aim-text muted">…</p>
      ) : aim === null ? (
        <p class="aim-text muted">{t('dashboardNoAim')}</p>
      ) : (
        <p class="aim-text">
          {aim.purpose ? <span class="aim-purpose">{aim.purpose}</span> : null}
          <span class="aim-aim">
            <span class="label">{t('dashboardAimLabel')} </span>
            {aim.aim}
          </span>
        </p>
      )}
    </section>
  );
}

/** A failure the user can act on: the message (a sentence from JournalError) and Try again. */
export function Problem({ message, onRetry, children }: { message: string; onRetry?: () => void; children?: ComponentChildren }) {
  return (
    <div class="problem" role="alert">
      <p>{message}</p>
      {children}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('dashboardTryAgain')}
        </button>
      ) : null}
    </div>
  );
}
