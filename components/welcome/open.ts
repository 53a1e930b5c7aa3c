/**
 * Opening the first-run page (entrypoints/welcome/): once when the extension is installed (the background's
 * `runtime.onInstalled`, never on an update), and from the prompt's "Set your aim" when no aim is set
 * (components/prompt/page.ts). A new tab beside the current one; no permission is needed for it.
 */
import { browser } from 'wxt/browser';

/** The first-run page's address inside the extension. */
export const WELCOME_PATH = '/welcome.html';

/** Where the first opening is remembered (`browser.storage.local`; "Delete all data" clears it with the rest). */
export const WELCOME_OPENED_KEY = 'welcome.openedAt';

/** What opening needs of the browser (a parameter, so tests pass a fake). */
export interface WelcomeTabs {
  tabs: { create(properties: { url: string; active?: boolean }): Promise<unknown> };
  runtime: { getURL(path: typeof WELCOME_PATH): string };
}
export interface WelcomeInstallApi extends WelcomeTabs {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
}

/** Open the first-run page in a new, active tab. Rejects when the browser refuses. */
export async function openWelcomePage(api: WelcomeTabs = browser): Promise<void> {
  await api.tabs.create({ url: api.runtime.getURL(WELCOME_PATH), active: true });
}

/**
 * `runtime.onInstalled`: a first install opens the page — not an update, not the browser's update — once.
 * Once per profile, not per install event: Chromium reports an extension loaded from the command line
 * (`--load-extension`, as `npm start` and the tests load it) as installed again at every start, with its
 * storage kept. A real reinstall starts with empty storage, so it opens the page again. Returns whether it opened.
 */
export async function welcomeOnInstall(details: { reason: string }, api: WelcomeInstallApi = browser): Promise<boolean> {
  if (details.reason !== 'install') return false;
  if ((await api.storage.local.get(WELCOME_OPENED_KEY))[WELCOME_OPENED_KEY] !== undefined) return false;
  await openWelcomePage(api);
  await api.storage.local.set({ [WELCOME_OPENED_KEY]: new Date().toISOString() });
  return true;
}
