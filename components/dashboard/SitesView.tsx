/**
 * Sites: how Running For behaves on each supported site (reframe the counts, hide the numbers, or stay
 * off), and the sites the user adds themselves — a Mastodon instance, a blog for the generic detector —
 * each behind an optional host permission asked at the moment of adding. The background keeps the
 * run-time content script registrations in sync with what is saved here and with the browser's grants
 * (utils/settings/registrations.ts). An added site whose access the user withdrew in the browser's own settings
 * stays listed, marked "No access", with a button to allow it again: nothing about it is forgotten.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { normaliseOrigin, originPattern } from '@/utils/settings/registrations';
import { extraOriginsItem, repairOrigins, repairSiteModes, siteModesItem, type SiteMode } from '@/utils/settings/items';
import { adapters } from '@/utils/sites';
import type { SiteAdapter } from '@/utils/sites/types';
import { RefusalNotice } from './RefusalNotice';
import { SiteHealthList, type SiteHealthListProps } from './SiteHealthList';

export const MODE_LABELS: Record<SiteMode, string> = {
  reframe: 'Reframe',
  hide: 'Hide numbers',
  off: 'Off',
};

const MODE_HINTS: Record<SiteMode, string> = {
  reframe: 'a question beside each count',
  hide: 'numbers hidden, the question stays',
  off: 'Running For does nothing here',
};

export interface SitesStore {
  readModes: () => Promise<Record<string, SiteMode>>;
  writeModes: (modes: Record<string, SiteMode>) => Promise<void>;
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
  readOrigins: async () => repairOrigins(await extraOriginsItem.getValue()),
  writeOrigins: (origins) => extraOriginsItem.setValue(origins),
  watch: (onChange) => {
    const offModes = siteModesItem.watch(onChange);
    const offOrigins = extraOriginsItem.watch(onChange);
    return () => {
      offModes();
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
      Promise.all([store.readModes(), store.readOrigins()]).then(
        ([savedModes, savedOrigins]) => {
          if (!live) return;
          setModes(savedModes);
          setOrigins(savedOrigins);
        },
        (error: unknown) => live && setProblem({ title: 'Could not read your site settings.', detail: messageOf(error) }),
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
        (error: unknown) => live && setProblem({ title: 'Could not read which sites your browser allows.', detail: messageOf(error) }),
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
      setStatus(`${site.name}: ${MODE_LABELS[mode]}. Takes effect on the next page you open there.`);
    } catch (error) {
      setProblem({ title: `Could not save the mode for ${site.name}.`, detail: messageOf(error) });
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
          setProblem({ title: 'Permission refused.', detail: then.refused });
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
      setProblem({ title: 'That site cannot be added.', detail: result.message });
      inputRef.current?.focus();
      return;
    }
    const { origin } = result;
    if (origins?.includes(origin)) {
      setProblem({ title: 'That site cannot be added.', detail: `${new URL(origin).host} is already in your list.` });
      return;
    }
    askAccess(origin, {
      refused: `Running For can only work on ${new URL(origin).host} with your permission to read its pages. Nothing was added.`,
      failed: 'Could not add the site.',
      granted: async () => {
        const current = await store.readOrigins();
        const next = current.includes(origin) ? current : [...current, origin];
        await store.writeOrigins(next);
        setOrigins(next);
        setAddress('');
        setStatus(`Added ${new URL(origin).host}. Running For works there from the next page you open.`);
      },
    });
  };

  /** Ask again for a listed site's access, withdrawn in the browser's settings (the view's access follows `permissions.watch`). */
  const allowSite = (origin: string) => {
    setProblem(null);
    setStatus('');
    const host = new URL(origin).host;
    askAccess(origin, {
      refused: `Running For stays off on ${host} until you allow it.`,
      failed: `Could not allow ${host}.`,
      granted: () => setStatus(`Allowed ${host} again. Running For works there from the next page you open.`),
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
      setStatus(`Removed ${host}. Running For no longer reads its pages.`);
      inputRef.current?.focus();
    } catch (error) {
      setProblem({ title: `Could not remove ${host}.`, detail: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="view sites-view" aria-labelledby="sites-heading">
      <h1 id="sites-heading" tabIndex={-1}>
        Sites
      </h1>
      <p class="lede">
        Choose what Running For does on each site. Hiding numbers keeps the question beside each count, so you can still look on purpose.
      </p>

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

      <h2>Supported sites</h2>
      {modes === undefined ? (
        <p class="muted">Loading your settings…</p>
      ) : (
        <ul class="site-modes">
          {sites.map((site) => {
            const current = modes[site.id] ?? 'reframe';
            return (
              <li key={site.id} class="site-mode">
                <fieldset>
                  <legend>{site.name}</legend>
                  <div class="mode-choices">
                    {(Object.keys(MODE_LABELS) as SiteMode[]).map((mode) => (
                      <label key={mode} class="mode-choice" title={MODE_HINTS[mode]}>
                        <input
                          type="radio"
                          name={`mode-${site.id}`}
                          value={mode}
                          checked={current === mode}
                          onChange={() => void chooseMode(site, mode)}
                        />
                        {MODE_LABELS[mode]}
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}

      {health ? <SiteHealthList {...health} sites={sites} announce={announce} fail={fail} /> : null}

      <h2>Sites you added</h2>
      <p class="muted">
        A Mastodon instance, a blog, a forum: Running For asks your browser for permission to read that site’s pages, and only that site’s.
      </p>
      <form class="add-site" onSubmit={addSite} noValidate>
        <div class="field">
          <label for={inputId}>Site address</label>
          <input
            id={inputId}
            ref={inputRef}
            type="text"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            placeholder="mastodon.social"
            value={address}
            onInput={(event) => setAddress(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          Add site
        </button>
      </form>
      {origins === undefined ? null : origins.length === 0 ? (
        <p class="muted" data-testid="no-added-sites">
          No sites added yet.
        </p>
      ) : (
        <ul class="added-sites" aria-label="Sites you added">
          {origins.map((origin) => (
            <li key={origin} class="added-site">
              <span class="added-site-host">{new URL(origin).host}</span>
              {access[origin] === false ? (
                <>
                  <span class="added-site-access">No access: your browser does not let Running For read this site.</span>
                  <button
                    type="button"
                    class="quiet"
                    disabled={busy}
                    onClick={() => allowSite(origin)}
                    aria-label={`Allow ${new URL(origin).host}`}
                  >
                    Allow
                  </button>
                </>
              ) : null}
              <button
                type="button"
                class="quiet danger"
                disabled={busy}
                onClick={() => void removeSite(origin)}
                aria-label={`Remove ${new URL(origin).host}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
