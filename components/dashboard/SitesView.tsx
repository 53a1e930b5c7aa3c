/**
 * Sites: how Running For behaves on each supported site (reframe the counts, hide the numbers, or stay
 * off) and, under it, on each count the site shows (followers, stars…: the site's mode, or one of its
 * own — hide followers, reframe following), and the sites the user adds themselves — a Mastodon instance, a blog for the generic detector —
 * each behind an optional host permission asked at the moment of adding. The background keeps the
 * run-time content script registrations in sync with what is saved here and with the browser's grants
 * (utils/settings/registrations.ts). An added site whose access the user withdrew in the browser's own settings
 * stays listed, marked "No access", with a button to allow it again: nothing about it is forgotten.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { normaliseOrigin, originPattern } from '@/utils/settings/registrations';
import {
  extraOriginsItem,
  metricModesItem,
  repairMetricModes,
  repairOrigins,
  repairSiteModes,
  siteModesItem,
  type MetricModes,
  type SiteMode,
} from '@/utils/settings/items';
import { t, type MessageKey } from '@/utils/i18n/t';
import { metricName } from '@/utils/i18n/metrics';
import { adapters, siteMetrics } from '@/utils/sites';
import type { Metric, SiteAdapter } from '@/utils/sites/types';
import { RefusalNotice } from './RefusalNotice';
import { SiteHealthList, type SiteHealthListProps } from './SiteHealthList';

/** The modes in the order the view offers them, each with its name and its tooltip's message. */
const MODES: readonly { mode: SiteMode; label: MessageKey; hint: MessageKey }[] = [
  { mode: 'reframe', label: 'sitesModeReframe', hint: 'sitesModeReframeHint' },
  { mode: 'hide', label: 'sitesModeHide', hint: 'sitesModeHideHint' },
  { mode: 'off', label: 'sitesModeOff', hint: 'sitesModeOffHint' },
];

/** A mode's name as its radio button says it ("Hide numbers"), in the UI's language. */
export function modeLabel(mode: SiteMode): string {
  return t(MODES.find((entry) => entry.mode === mode)!.label);
}

/**
 * The choices of one count's row, in order: its site's mode (the default: no entry in the settings), then
 * a mode of its own — the site's words, "Hide" short for "Hide numbers" as the row names the count.
 */
type MetricChoice = SiteMode | 'site';
const METRIC_CHOICES: readonly { choice: Exclude<MetricChoice, 'site'>; label: MessageKey; hint: MessageKey }[] = [
  { choice: 'reframe', label: 'sitesModeReframe', hint: 'sitesModeReframeHint' },
  { choice: 'hide', label: 'sitesMetricModeHide', hint: 'sitesModeHideHint' },
  { choice: 'off', label: 'sitesModeOff', hint: 'sitesModeOffHint' },
];

/** A count's choice as its radio button says it: "Same as site (Hide numbers)", "Reframe", "Hide", "Off". */
export function metricChoiceLabel(choice: MetricChoice, siteMode: SiteMode): string {
  return choice === 'site'
    ? t('sitesMetricSameAsSite', modeLabel(siteMode))
    : t(METRIC_CHOICES.find((entry) => entry.choice === choice)!.label);
}

export interface SitesStore {
  readModes: () => Promise<Record<string, SiteMode>>;
  writeModes: (modes: Record<string, SiteMode>) => Promise<void>;
  /** Per site, the counts given a mode of their own (settings.metricModes). */
  readMetricModes: () => Promise<Record<string, MetricModes>>;
  writeMetricModes: (modes: Record<string, MetricModes>) => Promise<void>;
  readOrigins: () => Promise<string[]>;
  writeOrigins: (origins: string[]) => Promise<void>;
  /** Subscribe to changes made elsewhere (another tab); returns the unsubscribe function. */
  watch: (onChange: () => void) => () => void;
}

export interface OriginPermissions {
  /** Must be called from the click's own task: browsers only show the prompt for a user gesture. */
  request: (permissions: { origins: string[] }) => Promise<boolean>;
  remove: (permissions: { origins: string[] }) => Promise<boolean>;
  contains: (permissions: { origins: string[] }) => Promise<boolean>;
  /** Subscribe to grants and withdrawals made anywhere (this view, the browser's extension settings). */
  watch: (onChange: () => void) => () => void;
}

const settingsStore: SitesStore = {
  readModes: async () => repairSiteModes(await siteModesItem.getValue()),
  writeModes: (modes) => siteModesItem.setValue(modes),
  readMetricModes: async () => repairMetricModes(await metricModesItem.getValue()),
  writeMetricModes: (modes) => metricModesItem.setValue(modes),
  readOrigins: async () => repairOrigins(await extraOriginsItem.getValue()),
  writeOrigins: (origins) => extraOriginsItem.setValue(origins),
  watch: (onChange) => {
    const offModes = siteModesItem.watch(onChange);
    const offMetricModes = metricModesItem.watch(onChange);
    const offOrigins = extraOriginsItem.watch(onChange);
    return () => {
      offModes();
      offMetricModes();
      offOrigins();
    };
  },
};

const browserPermissions: OriginPermissions = {
  request: (permissions) => browser.permissions.request(permissions),
  remove: (permissions) => browser.permissions.remove(permissions),
  contains: (permissions) => browser.permissions.contains(permissions),
  watch: (onChange) => {
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  },
};

export interface SitesViewProps {
  store?: SitesStore;
  permissions?: OriginPermissions;
  sites?: readonly SiteAdapter[];
  /** The journal and clock for site health and refused updates; without them (no journal) both are left out. */
  health?: Omit<SiteHealthListProps, 'sites' | 'announce' | 'fail'>;
}

type Problem = { title: string; detail: string } | null;

const messageOf = (error: unknown) => (error instanceof Error && error.message ? error.message : String(error));

export function SitesView({ store = settingsStore, permissions = browserPermissions, sites = adapters, health }: SitesViewProps) {
  const [modes, setModes] = useState<Record<string, SiteMode> | undefined>(undefined);
  const [metricModes, setMetricModes] = useState<Record<string, MetricModes>>({});
  const [origins, setOrigins] = useState<string[] | undefined>(undefined);
  /** Whether the browser grants each added site now; a site not in it yet is shown as granted until read. */
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  useEffect(() => {
    let live = true;
    const load = () => {
      Promise.all([store.readModes(), store.readMetricModes(), store.readOrigins()]).then(
        ([savedModes, savedMetricModes, savedOrigins]) => {
          if (!live) return;
          setModes(savedModes);
          setMetricModes(savedMetricModes);
          setOrigins(savedOrigins);
        },
        (error: unknown) => live && setProblem({ title: t('sitesReadFailed'), detail: messageOf(error) }),
      );
    };
    load();
    const unwatch = store.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, [store]);

  useEffect(() => {
    if (!origins || origins.length === 0) return;
    let live = true;
    const read = () => {
      Promise.all(origins.map(async (origin) => [origin, await permissions.contains({ origins: [originPattern(origin)] })] as const)).then(
        (entries) => live && setAccess(Object.fromEntries(entries)),
        (error: unknown) => live && setProblem({ title: t('sitesAccessReadFailed'), detail: messageOf(error) }),
      );
    };
    read();
    const unwatch = permissions.watch(read);
    return () => {
      live = false;
      unwatch();
    };
  }, [origins, permissions]);

  // The health list speaks through this view's one status region and alert (stable: they are effect dependencies).
  const announce = useCallback((message: string) => {
    setProblem(null);
    setStatus(message);
  }, []);
  const fail = useCallback((title: string, detail: string) => setProblem({ title, detail }), []);

  const chooseMode = async (site: SiteAdapter, mode: SiteMode) => {
    setProblem(null);
    const next = { ...(modes ?? {}) };
    // Reframe is the default: a site left at it carries no entry.
    if (mode === 'reframe') delete next[site.id];
    else next[site.id] = mode;
    setModes(next);
    try {
      await store.writeModes(next);
      setStatus(t('sitesModeSaved', [site.name, modeLabel(mode)]));
    } catch (error) {
      setProblem({ title: t('sitesModeSaveFailed', site.name), detail: messageOf(error) });
    }
  };

  /** One count's mode: its own, or its site's again ('site': its entry goes). */
  const chooseMetricMode = async (site: SiteAdapter, metric: Metric, choice: MetricChoice) => {
    setProblem(null);
    const own: MetricModes = { ...metricModes[site.id] };
    if (choice === 'site') delete own[metric];
    else own[metric] = choice;
    const next = { ...metricModes };
    if (Object.keys(own).length > 0) next[site.id] = own;
    else delete next[site.id];
    setMetricModes(next);
    try {
      await store.writeMetricModes(next);
      setStatus(t('sitesMetricModeSaved', [site.name, metricName(metric), metricChoiceLabel(choice, modes?.[site.id] ?? 'reframe')]));
    } catch (error) {
      setProblem({ title: t('sitesModeSaveFailed', site.name), detail: messageOf(error) });
    }
  };

  /**
   * Ask the browser for `origin`'s access, then run `granted`. Called in the click's or submit's own task:
   * the browser shows its prompt only for a user gesture.
   */
  const askAccess = (origin: string, then: { refused: string; failed: string; granted: () => Promise<void> | void }) => {
    setBusy(true);
    const asked = permissions.request({ origins: [originPattern(origin)] });
    void (async () => {
      try {
        if (!(await asked)) {
          setProblem({ title: t('sitesPermissionRefused'), detail: then.refused });
          return;
        }
        await then.granted();
      } catch (error) {
        setProblem({ title: then.failed, detail: messageOf(error) });
      } finally {
        setBusy(false);
      }
    })();
  };

  const addSite = (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setStatus('');
    const result = normaliseOrigin(address, sites);
    if (!result.ok) {
      setProblem({ title: t('sitesAddRejected'), detail: result.message });
      inputRef.current?.focus();
      return;
    }
    const { origin } = result;
    const host = new URL(origin).host;
    if (origins?.includes(origin)) {
      setProblem({ title: t('sitesAddRejected'), detail: t('sitesAddDuplicate', host) });
      return;
    }
    askAccess(origin, {
      refused: t('sitesAddRefused', host),
      failed: t('sitesAddFailed'),
      granted: async () => {
        const current = await store.readOrigins();
        const next = current.includes(origin) ? current : [...current, origin];
        await store.writeOrigins(next);
        setOrigins(next);
        setAddress('');
        setStatus(t('sitesAdded', host));
      },
    });
  };

  /** Ask again for a listed site's access, withdrawn in the browser's settings (the view's access follows `permissions.watch`). */
  const allowSite = (origin: string) => {
    setProblem(null);
    setStatus('');
    const host = new URL(origin).host;
    askAccess(origin, {
      refused: t('sitesAllowRefused', host),
      failed: t('sitesAllowFailed', host),
      granted: () => setStatus(t('sitesAllowed', host)),
    });
  };

  const removeSite = async (origin: string) => {
    setProblem(null);
    setStatus('');
    setBusy(true);
    const host = new URL(origin).host;
    try {
      const next = (await store.readOrigins()).filter((item) => item !== origin);
      await store.writeOrigins(next);
      setOrigins(next);
      // Revoking also makes the background unregister the site's content script (permissions.onRemoved).
      await permissions.remove({ origins: [originPattern(origin)] });
      setStatus(t('sitesRemoved', host));
      inputRef.current?.focus();
    } catch (error) {
      setProblem({ title: t('sitesRemoveFailed', host), detail: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="view sites-view" aria-labelledby="sites-heading">
      <h1 id="sites-heading" tabIndex={-1}>
        {t('sitesHeading')}
      </h1>
      <p class="lede">{t('sitesLede')}</p>

      <div class="messages">
        <p role="status" class="status-message" data-testid="sites-status">
          {status}
        </p>
        {problem ? (
          <div class="problem" role="alert">
            <p>
              <strong>{problem.title}</strong> {problem.detail}
            </p>
          </div>
        ) : null}
      </div>

      {health ? <RefusalNotice {...health} /> : null}

      <h2>{t('sitesSupportedHeading')}</h2>
      {modes === undefined ? (
        <p class="muted">{t('sitesLoading')}</p>
      ) : (
        <>
          <p class="muted">{t('sitesMetricModesExplanation')}</p>
          <ul class="site-modes">
            {sites.map((site) => {
              const current = modes[site.id] ?? 'reframe';
              const metrics = siteMetrics(site.id);
              return (
                <li key={site.id} class="site-mode">
                  <fieldset>
                    <legend>{site.name}</legend>
                    <div class="mode-choices">
                      {MODES.map(({ mode, label, hint }) => (
                        <label key={mode} class="mode-choice" title={t(hint)}>
                          <input
                            type="radio"
                            name={`mode-${site.id}`}
                            value={mode}
                            checked={current === mode}
                            onChange={() => void chooseMode(site, mode)}
                          />
                          {t(label)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  {metrics.length > 0 ? (
                    <div class="metric-modes" data-testid="metric-modes" data-site={site.id}>
                      {metrics.map((metric) => (
                        <MetricModeRow
                          key={metric}
                          site={site}
                          metric={metric}
                          siteMode={current}
                          own={metricModes[site.id]?.[metric]}
                          choose={(choice) => void chooseMetricMode(site, metric, choice)}
                        />
                      ))}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}

      {health ? <SiteHealthList {...health} sites={sites} announce={announce} fail={fail} /> : null}

      <h2>{t('sitesAddedHeading')}</h2>
      <p class="muted">{t('sitesAddedExplanation')}</p>
      <form class="add-site" onSubmit={addSite} noValidate>
        <div class="field">
          <label for={inputId}>{t('sitesAddressLabel')}</label>
          <input
            id={inputId}
            ref={inputRef}
            type="text"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            placeholder={t('sitesAddressPlaceholder')}
            value={address}
            onInput={(event) => setAddress(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {t('sitesAddButton')}
        </button>
      </form>
      {origins === undefined ? null : origins.length === 0 ? (
        <p class="muted" data-testid="no-added-sites">
          {t('sitesNoneAdded')}
        </p>
      ) : (
        <ul class="added-sites" aria-label={t('sitesAddedHeading')}>
          {origins.map((origin) => (
            <li key={origin} class="added-site">
              <span class="added-site-host">{new URL(origin).host}</span>
              {access[origin] === false ? (
                <>
                  <span class="added-site-access">{t('sitesNoAccess')}</span>
                  <button
                    type="button"
                    class="quiet"
                    disabled={busy}
                    onClick={() => allowSite(origin)}
                    aria-label={t('sitesAllowButtonName', new URL(origin).host)}
                  >
                    {t('sitesAllowButton')}
                  </button>
                </>
              ) : null}
              <button
                type="button"
                class="quiet danger"
                disabled={busy}
                onClick={() => void removeSite(origin)}
                aria-label={t('sitesRemoveButtonName', new URL(origin).host)}
              >
                {t('sitesRemoveButton')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface MetricModeRowProps {
  site: SiteAdapter;
  metric: Metric;
  /** The site's mode now: what "Same as site" means. */
  siteMode: SiteMode;
  /** The count's own mode, when it has one. */
  own: SiteMode | undefined;
  choose: (choice: MetricChoice) => void;
}

/**
 * One count of a site and its mode: "Same as site (…)" — checked while the count has no mode of its own,
 * and saying what it inherits — or Reframe, Hide, Off. A radio group (arrow keys move within it), named
 * "followers on X" for screen readers; the row shows the count's name.
 */
function MetricModeRow({ site, metric, siteMode, own, choose }: MetricModeRowProps) {
  const name = `metric-${site.id}-${metric}`;
  const choices: readonly { choice: MetricChoice; hint: MessageKey }[] = [
    { choice: 'site', hint: MODES.find((entry) => entry.mode === siteMode)!.hint },
    ...METRIC_CHOICES,
  ];
  const checked: MetricChoice = own ?? 'site';
  return (
    <div
      class={`metric-mode${own === undefined ? ' inherits' : ''}`}
      role="radiogroup"
      aria-label={t('sitesMetricModeGroup', [metricName(metric), site.name])}
      data-metric={metric}
    >
      <span class="metric-name" aria-hidden="true">
        {metricName(metric)}
      </span>
      <div class="mode-choices">
        {choices.map(({ choice, hint }) => (
          <label key={choice} class={`mode-choice${choice === 'site' ? ' same-as-site' : ''}`} title={t(hint)}>
            <input type="radio" name={name} value={choice} checked={checked === choice} onChange={() => choose(choice)} />
            {metricChoiceLabel(choice, siteMode)}
          </label>
        ))}
      </div>
    </div>
  );
}
