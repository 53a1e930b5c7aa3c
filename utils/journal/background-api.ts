/**
 * The background's side of the message API (messages.ts): who may send, what they may send, and the
 * journal writes it turns into. Every message and every sender is untrusted until checked here; the
 * handler never throws — the caller always gets `{ok: true, …}` or `{ok: false, error}`.
 *
 * Globals are parameters (the journal, the extension id, the granted-origin and host-access checks, the
 * settings, the clock), so unit tests drive it with plain sender objects and fake-indexeddb.
 */
import { browser } from 'wxt/browser';
import { type Journal } from './journal';
import { toJournalError } from './db';
import { localDay } from './records';
import {
  parseMessage,
  type LanguageLoadMessage,
  type Message,
  type PromptDialogMessage,
  type ReflectionAddMessage,
  type Refusal,
  type Response,
  type SiteSettingsMessage,
  type SiteSnoozeMessage,
  SNOOZE_LIMIT_MS,
} from './messages';
import { extraOriginsItem, originPattern, readSiteSettings, repairOrigins, repairWeekStart, siteStateOf, snoozeSite, weekStartItem, type SiteSettings, type Weekday } from '../settings';
import { weekBounds } from '../week';
import { adapters, hostMatches } from '../sites';
import { redactDiagnostic } from '../diagnostic';

/** The parts of `runtime.MessageSender` the checks read (Chrome and Firefox both set them for content scripts). */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
  /** The sending frame in its tab (0 for the top frame). */
  frameId?: number;
  /** The sending document (Chrome 106+; Firefox has none): a frame that navigates gets a new one. */
  documentId?: string;
}

/** Where to inject the prompt's dialog script: the sender's own frame. */
export interface DialogTarget {
  tabId: number;
  frameId: number;
}

export interface MessageHandlerDeps {
  journal: () => Promise<Journal>;
  /** `browser.runtime.id`: only this extension's own content scripts may write. */
  extensionId: string;
  /**
   * Is this https page on an origin the user granted (settings `extraOrigins`)? Asked only for hosts no
   * adapter owns; supported sites are recognised from the adapter registry here.
   */
  isAllowedSender(url: URL): Promise<boolean> | boolean;
  /**
   * Does the extension still hold the host permission for this page's origin (`permissions.contains`)? A
   * tab opened before the user withdrew it keeps its content script running; everything it sends is refused.
   */
  hasHostAccess(url: URL): Promise<boolean> | boolean;
  now?: () => Date;
  /** Every site's mode and snooze (settings.ts readSiteSettings by default), for `settings/site`. */
  siteSettings?: () => Promise<SiteSettings>;
  /** Snooze a site (settings.ts snoozeSite by default), for the interim `settings/snooze`. */
  snooze?: (siteId: string, until: Date) => Promise<void>;
  /** The first day of the user's week (settings.weekStartsOn); read from settings by default. */
  weekStartsOn?: () => Promise<Weekday>;
  /**
   * Run the prompt's dialog script (entrypoints/prompt-dialog.ts) in `target`, in the isolated world the
   * content script runs in (`scripting.executeScript`). Without it, `prompt/dialog` is refused.
   */
  injectDialog?(target: DialogTarget): Promise<void>;
  /**
   * Run a language pack's file (utils/lang/files.ts `lang/<code>.js`) in `target`, in the content script's
   * isolated world. Without it, `lang/load` is refused.
   */
  injectLanguage?(target: DialogTarget, code: string): Promise<void>;
  /**
   * Run the diagnostic script (entrypoints/diagnostic.ts) in `target` and return what it returns: the
   * redacted structure of the count regions the content script left there, or null. Without it, views
   * are recorded without diagnostics.
   */
  diagnose?(target: DialogTarget): Promise<unknown>;
}

export type MessageHandler = (message: unknown, sender: MessageSenderLike) => Promise<Response>;

/** Where a checked sender's page is: a supported site (by adapter), or an origin the user granted. */
type SenderSite = { kind: 'adapter'; adapterId: string } | { kind: 'granted'; host: string };

const refuse = (error: string): Refusal => ({ ok: false, error });

export const DIALOG_FAILED = "The prompt's dialog could not be loaded on this page.";
export const LANGUAGE_FAILED = 'That language could not be loaded on this page.';
/** At most one diagnosis per site in this time: a site that stays broken is not read on every page view. */
export const DIAGNOSE_EVERY_MS = 60 * 60 * 1000;
/** Documents remembered as having the dialog; past this the oldest are forgotten (a forgotten one is injected again, harmlessly). */
const INJECTED_LIMIT = 500;

const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Adapters that find their site by markup on any host (Mastodon instances), so may report from a granted origin. */
const MARKUP_ADAPTER_IDS = new Set(adapters.filter((adapter) => adapter.hosts.length === 0).map((adapter) => adapter.id));

export function createMessageHandler(deps: MessageHandlerDeps): MessageHandler {
  const now = deps.now ?? (() => new Date());
  const weekStartsOn = deps.weekStartsOn ?? (async () => repairWeekStart(await weekStartItem.getValue()));
  const siteSettings = deps.siteSettings ?? readSiteSettings;
  const snooze = deps.snooze ?? ((siteId: string, until: Date) => snoozeSite(siteId, until));

  async function checkSender(sender: MessageSenderLike): Promise<{ ok: true; site: SenderSite } | Refusal> {
    if (!sender || sender.id !== deps.extensionId) return refuse('Refused: the message did not come from Running For.');
    const raw = typeof sender.url === 'string' ? sender.url : '';
    // Extension pages (popup, dashboard) hold the journal themselves; this API is only for content scripts.
    if (/^(chrome|moz)-extension:/i.test(raw)) {
      return refuse('Refused: extension pages use the journal directly; this API is for content scripts.');
    }
    if (!sender.tab) return refuse('Refused: the message did not come from a page in a tab.');
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return refuse('Refused: the sending page has no address.');
    }
    if (url.protocol !== 'https:') return refuse('Refused: Running For only works on https pages.');
    const adapter = adapters.find((candidate) => candidate.hosts.some((owned) => hostMatches(url.hostname, owned)));
    let site: SenderSite;
    if (adapter) site = { kind: 'adapter', adapterId: adapter.id };
    else if (await deps.isAllowedSender(url)) site = { kind: 'granted', host: url.hostname.replace(/\.$/, '') };
    else return refuse(`Refused: ${url.hostname} is not a supported site or one you turned Running For on for.`);
    if (!(await deps.hasHostAccess(url))) return refuse(`Refused: Running For no longer has access to ${url.hostname}.`);
    return { ok: true, site };
  }

  /**
   * A page reports only for its own site: x.com for "x", a granted origin for its host (or for a
   * network recognised by markup, such as a Mastodon instance). So one site's page cannot fill in
   * another site's numbers.
   */
  function checkSiteId(siteId: string, site: SenderSite): Refusal | undefined {
    if (site.kind === 'adapter') {
      return siteId === site.adapterId ? undefined : refuse(`Refused: a page on ${site.adapterId} cannot report for site ${JSON.stringify(siteId)}.`);
    }
    return siteId === site.host || MARKUP_ADAPTER_IDS.has(siteId)
      ? undefined
      : refuse(`Refused: a page on ${site.host} cannot report for site ${JSON.stringify(siteId)}.`);
  }

  /**
   * Injections per document (tab, frame, documentId) and file, so later requests reuse the first. Where the
   * sender has no documentId (Firefox) only a request in flight is shared: the frame may have navigated
   * since, and the dialog and pack files are harmless to run twice (they register once).
   */
  const injections = new Map<string, Promise<void>>();

  /** Run a file of the package in the sender's own frame: the dialog, or a language pack. */
  async function loadInto(sender: MessageSenderLike, file: string, inject: ((target: DialogTarget) => Promise<void>) | undefined, failed: string): Promise<Response> {
    const tabId = (sender.tab as { id?: unknown }).id;
    const { frameId, documentId } = sender;
    if (!isIndex(tabId) || !isIndex(frameId)) return refuse('Refused: the message did not say which tab and frame it came from.');
    if (!inject) return refuse(failed);
    const remembered = typeof documentId === 'string' && documentId !== '';
    const key = `${tabId}/${frameId}/${remembered ? documentId : ''}/${file}`;
    let injection = injections.get(key);
    if (!injection) {
      injection = inject({ tabId, frameId });
      injections.set(key, injection);
      const forget = () => void injections.delete(key);
      injection.then(remembered ? undefined : forget, forget);
      if (injections.size > INJECTED_LIMIT) injections.delete(injections.keys().next().value!);
    }
    try {
      await injection;
      return { ok: true };
    } catch {
      return refuse(failed);
    }
  }

  const loadDialog = (sender: MessageSenderLike) => loadInto(sender, 'dialog', deps.injectDialog, DIALOG_FAILED);
  const loadLanguage = (sender: MessageSenderLike, { lang }: LanguageLoadMessage) => {
    const inject = deps.injectLanguage;
    return loadInto(sender, `lang/${lang}`, inject && ((target) => inject(target, lang)), LANGUAGE_FAILED);
  };

  /**
   * Read the structure of the count regions the sender's content script left (utils/diagnosis.ts) and keep
   * it, redacted here whatever the script returned. A diagnosis that fails leaves the view recorded.
   */
  async function diagnoseSender(journal: Journal, siteId: string, sender: MessageSenderLike): Promise<void> {
    const tabId = (sender.tab as { id?: unknown }).id;
    const { frameId } = sender;
    if (!deps.diagnose || !isIndex(tabId) || !isIndex(frameId)) return;
    try {
      const result = await deps.diagnose({ tabId, frameId });
      if (typeof result === 'string' && result) await journal.saveDiagnostic(siteId, redactDiagnostic(result));
    } catch (error) {
      console.warn('Running For: the diagnosis failed', error);
    }
  }

  /** One site's mode and snooze, for a page on it: read from the settings, never the journal. */
  async function siteSettingsFor({ siteId }: SiteSettingsMessage): Promise<Response> {
    return { ok: true, ...siteStateOf(await siteSettings(), siteId, now()) };
  }

  /** "Not now": the sender's own site, from now until at most SNOOZE_LIMIT_MS ahead. */
  async function snoozeFor({ siteId, until }: SiteSnoozeMessage): Promise<Response> {
    const ahead = Date.parse(until) - now().getTime();
    if (ahead <= 0) return refuse('Refused settings/snooze: until: must be in the future.');
    if (ahead > SNOOZE_LIMIT_MS) return refuse('Refused settings/snooze: until: must be at most eight days ahead.');
    await snooze(siteId, new Date(until));
    return { ok: true };
  }

  /** The journal's messages (`prompt/dialog`, `lang/load` and the `settings/…` messages need no journal). */
  async function perform(
    message: Exclude<Message, PromptDialogMessage | LanguageLoadMessage | SiteSettingsMessage | SiteSnoozeMessage>,
    sender: MessageSenderLike,
  ): Promise<Response> {
    const journal = await deps.journal();
    const at = now().toISOString();
    switch (message.type) {
      case 'reflection/add':
        await addReflection(journal, message.reflection, at);
        return { ok: true };
      case 'snapshot/add': {
        const snapshot = await journal.addSnapshot({ ...message.snapshot, at });
        return { ok: true, recorded: snapshot !== null };
      }
      case 'activity/add':
        await journal.addActivity({ ...message.activity, day: localDay(now()) });
        return { ok: true };
      case 'health/add': {
        const { diagnose, ...view } = message.health;
        const before = diagnose ? (await journal.siteHealth()).find((standing) => standing.siteId === view.siteId) : undefined;
        await journal.recordPageView(view);
        const last = before?.diagnosticAt ? Date.parse(before.diagnosticAt) : -Infinity;
        if (diagnose && now().getTime() - last >= DIAGNOSE_EVERY_MS) await diagnoseSender(journal, view.siteId, sender);
        return { ok: true };
      }
      case 'aim/current': {
        const current = await journal.currentAim();
        // A count, not the list: what the outcomes were is history, and history is not for pages.
        const week = weekBounds(now(), await weekStartsOn());
        const weekOutcomes = (await journal.outcomes({ from: week.from, to: week.to })).length;
        // The words only: ids and dates are history too.
        return { ok: true, aim: current ? { purpose: current.purpose, aim: current.aim } : null, weekOutcomes };
      }
    }
  }

  return async (message, sender) => {
    try {
      const from = await checkSender(sender);
      if (!from.ok) return from;
      const parsed = parseMessage(message);
      if (!parsed.ok) return parsed;
      const { message: valid } = parsed;
      if (valid.type === 'prompt/dialog') return await loadDialog(sender);
      if (valid.type === 'lang/load') return await loadLanguage(sender, valid);
      if (valid.type === 'settings/site') return checkSiteId(valid.siteId, from.site) ?? (await siteSettingsFor(valid));
      if (valid.type === 'settings/snooze') return checkSiteId(valid.siteId, from.site) ?? (await snoozeFor(valid));
      if (valid.type !== 'aim/current') {
        const siteId =
          'reflection' in valid ? valid.reflection.siteId : 'snapshot' in valid ? valid.snapshot.siteId : 'health' in valid ? valid.health.siteId : valid.activity.siteId;
        const wrongSite = checkSiteId(siteId, from.site);
        if (wrongSite) return wrongSite;
      }
      return await perform(valid, sender);
    } catch (error) {
      return refuse(toJournalError(error).message);
    }
  };
}

/**
 * Add a reflection; with an outcome, add the outcome first and link the reflection to it — in one
 * transaction, so an answer is never stored without its outcome, nor an outcome without its answer.
 */
async function addReflection(journal: Journal, input: ReflectionAddMessage['reflection'], at: string): Promise<void> {
  const { outcome, ...fields } = input;
  if (outcome) await journal.addReflectionWithOutcome({ ...fields, at }, { ...outcome, siteId: fields.siteId });
  else await journal.addReflection({ ...fields, outcomeId: null, at });
}

export { lazyJournal } from './page';

/** The user added this page's origin (settings `extraOrigins`: Mastodon instances, generic-detector sites). */
export async function isGrantedOrigin(url: URL): Promise<boolean> {
  return repairOrigins(await extraOriginsItem.getValue()).includes(url.origin);
}

/** The extension holds the host permission for this page's origin now (declared, or granted when the site was added). */
export async function hasHostPermission(url: URL): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url.origin)] });
}
