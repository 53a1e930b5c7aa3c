/**
 * The background's side of the message API (messages.ts): who may send, what they may send, how much
 * (budgets.ts: per minute and per day, per site or tab), and the journal writes it turns into. Every
 * message and every sender is untrusted until checked here; the handler never throws — the caller always
 * gets `{ok: true, …}` or `{ok: false, error}`.
 *
 * Globals are parameters (the journal, the extension id, the granted-origin and host-access checks, the
 * settings, the clock), so unit tests drive it with plain sender objects and fake-indexeddb.
 */
import { OVER_CAP, type Journal, type OverCap } from '../journal/journal';
import { toJournalError } from '../journal/db';
import { localDay, type BudgetedMessage } from '../journal/records';
import { BUDGETS, MinuteBudget, overBudget, RefusalTally, TimeAllowance } from './budgets';
import {
  parseMessage,
  type LanguageLoadMessage,
  type Message,
  type PromptFrameMessage,
  type GenericLayerMessage,
  type Response,
  type SiteSettingsMessage,
} from './protocol';
import {
  extraOriginsItem,
  originPattern,
  readSiteSettings,
  repairOrigins,
  repairWeekStart,
  siteStateOf,
  weekStartItem,
  type SiteSettings,
  type Weekday,
} from '../settings/items';
import { browser } from 'wxt/browser';
import { weekBounds } from '../week/calendar';
import type { Refusal } from './refusal';
import { parsePromptMessage, PROMPT_PAGE_PATH, type PromptAnswer, type PromptMessage, type PromptReplies } from './prompt-protocol';
import { adapters } from '../sites';
import { adapterByHost, hostSiteId } from '../sites/choose';
import { redactDiagnostic } from '../health/diagnostic';
import { contentWords } from '../i18n/content-words';
import type { ContentWords } from '../i18n/t';
import { t } from '../i18n/t';

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

/** Where to inject a file of the package (a language pack, the diagnostic script): the sender's own frame. */
export interface FrameTarget {
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
  /** Every site's modes (its own and its metrics') and snooze (settings.ts readSiteSettings by default), for `settings/site`. */
  siteSettings?: () => Promise<SiteSettings>;
  /** The words content scripts say (utils/i18n/content-words.ts `contentWords` by default), for `settings/site`. */
  contentWords?: () => ContentWords;
  /**
   * Run a language pack's file (utils/detection/lang/files.ts `lang/<code>.js`) in `target`, in the content script's
   * isolated world. Without it, `lang/load` is refused.
   */
  injectLanguage?(target: FrameTarget, code: string): Promise<void>;
  /**
   * Run the prompt's frame code (entrypoints/prompt-frame.ts) in `target`, in the content script's
   * isolated world. Without it, `prompt/frame` is refused.
   */
  injectFrame?(target: FrameTarget): Promise<void>;
  /**
   * Run the generic layer (entrypoints/generic-layer.ts) in `target`, in the content script's isolated
   * world. Without it, `sites/generic` is refused.
   */
  injectGeneric?(target: FrameTarget): Promise<void>;
  /**
   * Run the diagnostic script (entrypoints/diagnostic.ts) in `target` and return what it returns: the
   * redacted structure of the count regions the content script left there, or null. Without it, views
   * are recorded without diagnostics.
   */
  diagnose?(target: FrameTarget): Promise<unknown>;
  /** The first day of the user's week (settings.weekStartsOn), for the prompt page's "this week"; read from settings by default. */
  weekStartsOn?: () => Promise<Weekday>;
}

export type MessageHandler = (message: unknown, sender: MessageSenderLike) => Promise<Response>;

/** Where a checked sender's page is: a supported site (by adapter), or an origin the user granted. */
type SenderSite = { kind: 'adapter'; adapterId: string } | { kind: 'granted'; host: string };

const refuse = (error: string): Refusal => ({ ok: false, error });

export const LANGUAGE_FAILED = (): string => t('errorLanguageFailed');
export const FRAME_FAILED = (): string => t('errorFrameFailed');
export const GENERIC_FAILED = (): string => t('errorGenericFailed');
/** At most one diagnosis per site in this time: a site that stays broken is not read on every page view. */
export const DIAGNOSE_EVERY_MS = 60 * 60 * 1000;
/** Documents remembered as having a file; past this the oldest are forgotten (a forgotten one is injected again, harmlessly). */
const INJECTED_LIMIT = 500;

const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The sender's tab, as a budget key (a tab without an id shares one budget with every other such tab). */
const tabOf = (sender: MessageSenderLike): string => {
  const id = (sender.tab as { id?: unknown }).id;
  return isIndex(id) ? String(id) : '?';
};

/** The site a checked sender's page belongs to, for counting what it was refused. */
const siteOf = (site: SenderSite): string => (site.kind === 'adapter' ? site.adapterId : site.host);

/** Adapters that find their site by markup on any host (Mastodon instances), so may report from a granted origin. */
const MARKUP_ADAPTER_IDS = new Set(adapters.filter((adapter) => adapter.hosts.length === 0).map((adapter) => adapter.id));

export function createMessageHandler(deps: MessageHandlerDeps): MessageHandler {
  const now = deps.now ?? (() => new Date());

  const weekStartsOn = deps.weekStartsOn ?? (async () => repairWeekStart(await weekStartItem.getValue()));
  const perMinute = new MinuteBudget(now);
  const activeTime = new TimeAllowance(now, BUDGETS.activity.activeMsCarryPerTab);
  const refusals = new RefusalTally(async (counts) => (await deps.journal()).countRefusals(counts));

  /** Refuse a message over budget, and count it (a count that cannot be written is logged: the refusal stands). */
  async function refuseOverBudget(type: BudgetedMessage, siteId: string, what: string): Promise<Refusal> {
    try {
      await refusals.add(localDay(now()), siteId, type);
    } catch (error) {
      console.warn('Running For: a refusal could not be counted', error);
    }
    return refuse(overBudget(type, siteId, what));
  }

  /** Room this minute for one more `type` message from `key`, taken if there is; else the limit it would pass. */
  function overMinute(type: string, key: string, limit: number, what: string): string | undefined {
    return perMinute.take(`${type}\u0000${key}`, limit) ? undefined : `more than ${limit} ${what} a minute`;
  }

  /** `overMinute` counted per tab. */
  function overMinuteInTab(type: string, sender: MessageSenderLike, limit: number, what: string): string | undefined {
    const over = overMinute(type, tabOf(sender), limit, what);
    return over && `${over} from one tab`;
  }

  /** This minute's budget for a message (taken if there is room); the reason, when there is none. */
  function overMinuteBudget(message: Message, sender: MessageSenderLike): string | undefined {
    switch (message.type) {
      case 'snapshot/add':
        return overMinute(message.type, message.snapshot.siteId, BUDGETS.snapshot.perMinutePerSite, 'snapshots');
      case 'activity/add':
        return (
          overMinuteInTab(message.type, sender, BUDGETS.activity.messagesPerMinutePerTab, 'activity messages') ??
          (activeTime.take(tabOf(sender), message.activity.activeMs ?? 0) ? undefined : 'more active time than has passed in one tab')
        );
      case 'health/add':
        return overMinute(message.type, message.health.siteId, BUDGETS.health.perMinutePerSite, 'page views');
      case 'lang/load':
        return overMinuteInTab(message.type, sender, BUDGETS.lang.perMinutePerTab, 'language loads');
      case 'prompt/frame':
        return overMinuteInTab(message.type, sender, BUDGETS.frame.perMinutePerTab, 'prompt frame loads');
      case 'sites/generic':
        return overMinuteInTab(message.type, sender, BUDGETS.generic.perMinutePerTab, 'generic layer loads');
      case 'settings/site':
        return overMinuteInTab(message.type, sender, BUDGETS.settings.perMinutePerTab, 'settings reads');
    }
  }

  /** This extension's prompt page (entrypoints/prompt/), framed in a site's page: the one extension page served here. */
  function isPromptPage(sender: MessageSenderLike): boolean {
    if (!sender || sender.id !== deps.extensionId || typeof sender.url !== 'string') return false;
    try {
      const url = new URL(sender.url);
      return /^(chrome|moz)-extension:$/.test(url.protocol) && url.pathname === PROMPT_PAGE_PATH;
    } catch {
      return false;
    }
  }
  const siteSettings = deps.siteSettings ?? readSiteSettings;

  async function checkSender(sender: MessageSenderLike): Promise<{ ok: true; site: SenderSite } | Refusal> {
    if (!sender || sender.id !== deps.extensionId) return refuse('Refused: the message did not come from Running For.');
    const raw = typeof sender.url === 'string' ? sender.url : '';
    // Extension pages (popup, dashboard) hold the journal themselves; this API is for content scripts (and
    // the prompt page, answered before this check).
    if (/^(chrome|moz)-extension:/i.test(raw)) {
      return refuse('Refused: extension pages use the journal directly; this API is for content scripts.');
    }
    if (!sender.tab) return refuse('Refused: the message did not come from a page in a tab.');
    return checkPage(raw);
  }

  /** Is the page at `raw` a supported site or an origin the user granted, on https? */
  async function checkPage(raw: string): Promise<{ ok: true; site: SenderSite } | Refusal> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return refuse('Refused: the sending page has no address.');
    }
    if (url.protocol !== 'https:') return refuse('Refused: Running For only works on https pages.');
    const adapter = adapterByHost(adapters, url.hostname);
    let site: SenderSite;
    if (adapter) site = { kind: 'adapter', adapterId: adapter.id };
    else if (await deps.isAllowedSender(url)) site = { kind: 'granted', host: hostSiteId(url.hostname) };
    else return refuse(`Refused: ${url.hostname} is not a supported site or one you turned Running For on for.`);
    if (!(await deps.hasHostAccess(url))) return refuse(`Refused: Running For no longer has access to ${url.hostname}.`);
    return { ok: true, site };
  }

  /**
   * The prompt page answers only for the site of the tab it is framed in (content scripts run in top
   * frames only, so the frame's parent is the tab's page): a page that frames the prompt page itself, with
   * a setup of its choosing, still cannot store answers for another site.
   */
  async function checkPromptPage(sender: MessageSenderLike, message: PromptMessage): Promise<Refusal | undefined> {
    if (message.type !== 'prompt/answer') return undefined;
    const tabUrl = (sender.tab as { url?: unknown } | undefined)?.url;
    if (typeof tabUrl !== 'string') return refuse('Refused: the prompt is not in a page of a tab Running For can see.');
    const page = await checkPage(tabUrl);
    return page.ok ? checkSiteId(message.answer.siteId, page.site) : page;
  }

  /**
   * A page reports only for its own site: x.com for "x", a granted origin for its host (or for a
   * network recognised by markup, such as a Mastodon instance). So one site's page cannot fill in
   * another site's numbers.
   */
  function checkSiteId(siteId: string, site: SenderSite): Refusal | undefined {
    if (site.kind === 'adapter') {
      return siteId === site.adapterId
        ? undefined
        : refuse(`Refused: a page on ${site.adapterId} cannot report for site ${JSON.stringify(siteId)}.`);
    }
    return siteId === site.host || MARKUP_ADAPTER_IDS.has(siteId)
      ? undefined
      : refuse(`Refused: a page on ${site.host} cannot report for site ${JSON.stringify(siteId)}.`);
  }

  /**
   * Injections per document (tab, frame, documentId) and file, so later requests reuse the first. Where the
   * sender has no documentId (Firefox) only a request in flight is shared: the frame may have navigated
   * since, and the pack files are harmless to run twice (they register once).
   */
  const injections = new Map<string, Promise<void>>();

  /** Run a file of the package in the sender's own frame (a language pack). */
  async function loadInto(
    sender: MessageSenderLike,
    file: string,
    inject: ((target: FrameTarget) => Promise<void>) | undefined,
    failed: () => string,
  ): Promise<Response> {
    const tabId = (sender.tab as { id?: unknown }).id;
    const { frameId, documentId } = sender;
    if (!isIndex(tabId) || !isIndex(frameId)) return refuse('Refused: the message did not say which tab and frame it came from.');
    if (!inject) return refuse(failed());
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
      return refuse(failed());
    }
  }

  const loadLanguage = (sender: MessageSenderLike, { lang }: LanguageLoadMessage) => {
    const inject = deps.injectLanguage;
    return loadInto(sender, `lang/${lang}`, inject && ((target) => inject(target, lang)), LANGUAGE_FAILED);
  };
  const loadFrameCode = (sender: MessageSenderLike) => loadInto(sender, 'prompt-frame', deps.injectFrame, FRAME_FAILED);
  const loadGenericLayer = (sender: MessageSenderLike) => loadInto(sender, 'generic-layer', deps.injectGeneric, GENERIC_FAILED);

  /**
   * Read the structure of the count regions the sender's content script left (utils/health/diagnosis.ts) and keep
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

  /** One site's modes and snooze, for a page on it: read from the settings, never the journal. */
  async function siteSettingsFor({ siteId }: SiteSettingsMessage): Promise<Response> {
    return { ok: true, ...siteStateOf(await siteSettings(), siteId, now()), words: (deps.contentWords ?? contentWords)() };
  }

  /** The journal's messages (`lang/load`, `prompt/frame`, `sites/generic` and `settings/site` are answered without the journal). */
  async function perform(
    message: Exclude<Message, LanguageLoadMessage | PromptFrameMessage | GenericLayerMessage | SiteSettingsMessage>,
    sender: MessageSenderLike,
  ): Promise<Response> {
    const journal = await deps.journal();
    const at = now().toISOString();
    switch (message.type) {
      case 'snapshot/add': {
        const { newRowsPerDayPerSite } = BUDGETS.snapshot;
        const write = await journal.addSnapshot({ ...message.snapshot, at }, { newRowsPerDay: newRowsPerDayPerSite });
        if (write.stored === OVER_CAP)
          return refuseOverBudget(message.type, message.snapshot.siteId, `more than ${newRowsPerDayPerSite} new snapshots a day`);
        return { ok: true, recorded: write.stored !== 'unchanged' };
      }
      case 'activity/add': {
        const added = await journal.addActivity({ ...message.activity, day: localDay(now()) }, BUDGETS.activity.perDayPerSite);
        if (added === OVER_CAP) return refuseOverBudget(message.type, message.activity.siteId, 'more activity than a day can hold');
        return { ok: true };
      }
      case 'health/add': {
        const { diagnose, ...view } = message.health;
        const before = diagnose ? (await journal.siteHealth()).find((standing) => standing.siteId === view.siteId) : undefined;
        const { viewsPerDayPerSite } = BUDGETS.health;
        const recorded = await journal.recordPageView(view, { viewsPerDay: viewsPerDayPerSite });
        if (recorded === OVER_CAP) return refuseOverBudget(message.type, view.siteId, `more than ${viewsPerDayPerSite} page views a day`);
        const last = before?.diagnosticAt ? Date.parse(before.diagnosticAt) : -Infinity;
        if (diagnose && now().getTime() - last >= DIAGNOSE_EVERY_MS) await diagnoseSender(journal, view.siteId, sender);
        return { ok: true };
      }
    }
  }

  return async (message, sender) => {
    try {
      if (isPromptPage(sender)) {
        const parsed = parsePromptMessage(message);
        if (!parsed.ok) return parsed;
        const { message: valid } = parsed;
        const wrongSite = await checkPromptPage(sender, valid);
        if (wrongSite) return wrongSite;
        if (valid.type === 'prompt/aim') return await aimForPrompt(await deps.journal(), weekBounds(now(), await weekStartsOn()));
        const { siteId } = valid.answer;
        const { perMinutePerSite } = BUDGETS.answer;
        if (!perMinute.take(`${valid.type}\u0000${siteId}`, perMinutePerSite))
          return await refuseOverBudget(valid.type, siteId, `more than ${perMinutePerSite} answers a minute`);
        const stored = await storeAnswer(valid.answer, await deps.journal(), now().toISOString());
        return stored === OVER_CAP ? await refuseOverBudget(valid.type, siteId, 'more answers or outcomes than a day holds') : stored;
      }
      const from = await checkSender(sender);
      if (!from.ok) return from;
      const parsed = parseMessage(message);
      if (!parsed.ok) return parsed;
      const { message: valid } = parsed;
      if (valid.type === 'lang/load' || valid.type === 'prompt/frame' || valid.type === 'sites/generic') {
        const over = overMinuteBudget(valid, sender);
        if (over) return await refuseOverBudget(valid.type, siteOf(from.site), over);
        if (valid.type === 'lang/load') return await loadLanguage(sender, valid);
        return valid.type === 'prompt/frame' ? await loadFrameCode(sender) : await loadGenericLayer(sender);
      }
      if (valid.type === 'settings/site') {
        const wrongSite = checkSiteId(valid.siteId, from.site);
        if (wrongSite) return wrongSite;
        const over = overMinuteBudget(valid, sender);
        if (over) return await refuseOverBudget(valid.type, valid.siteId, over);
        return await siteSettingsFor(valid);
      }
      const siteId = 'snapshot' in valid ? valid.snapshot.siteId : 'health' in valid ? valid.health.siteId : valid.activity.siteId;
      const wrongSite = checkSiteId(siteId, from.site);
      if (wrongSite) return wrongSite;
      const over = overMinuteBudget(valid, sender);
      if (over) return await refuseOverBudget(valid.type, siteId, over);
      return await perform(valid, sender);
    } catch (error) {
      return refuse(toJournalError(error).message);
    }
  };
}

export { lazyJournal } from '../journal/page';

/** The user added this page's origin (settings `extraOrigins`: Mastodon instances, generic-detector sites). */
export async function isGrantedOrigin(url: URL): Promise<boolean> {
  return repairOrigins(await extraOriginsItem.getValue()).includes(url.origin);
}

/** The extension holds the host permission for this page's origin now (declared, or granted when the site was added). */
export async function hasHostPermission(url: URL): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url.origin)] });
}

/** The current aim's words (with its plan, when it has one) and this week's (`week`: [from, to)) outcome count, for the prompt page. */
export async function aimForPrompt(journal: Journal, week: { from: string; to: string }): Promise<PromptReplies['prompt/aim']> {
  const current = await journal.currentAim();
  const weekOutcomes = (await journal.outcomes({ from: week.from, to: week.to })).length;
  return { ok: true, aim: current?.aim ?? null, ...(current?.plan ? { plan: current.plan } : {}), weekOutcomes };
}

/**
 * Store an answer (and its outcome) at `at`, within the site's daily caps (./budgets.ts): over them,
 * OVER_CAP and nothing stored — the caller refuses and counts it.
 */
export async function storeAnswer(answer: PromptAnswer, journal: Journal, at: string): Promise<PromptReplies['prompt/answer'] | OverCap> {
  const { perDayPerSite, outcomesPerDayPerSite } = BUDGETS.answer;
  const stored = await journal.addAnswer({ ...answer, at }, { answersPerDay: perDayPerSite, outcomesPerDay: outcomesPerDayPerSite });
  return stored === OVER_CAP ? OVER_CAP : { ok: true };
}
