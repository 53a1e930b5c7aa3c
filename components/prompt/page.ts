/**
 * The prompt page's logic (entrypoints/prompt/): read the setup from the address's fragment and remove it,
 * render the dialog, and tell the chip (over the private channel it sends, protocol.ts) only "ready", the
 * height and "close". The aim and the answers go
 * through the background (utils/messaging/prompt-protocol.ts): framed in a site's page, this page cannot open
 * the journal itself. "Not now" writes the snooze to the settings, which extension pages may, and "Set your
 * aim" opens the first-run page in a new tab (components/welcome/open.ts). Globals are
 * parameters with defaults, so tests drive it in a plain document.
 */
import { browser } from 'wxt/browser';
import type { PromptMessage, PromptReplies } from '@/utils/messaging/prompt-protocol';
import type { Refusal } from '@/utils/messaging/refusal';
import { t } from '@/utils/i18n/t';
import { snoozeSite } from '@/utils/settings/site-settings';
import { openWelcomePage } from '../welcome/open';
import { createDialog, type DialogEnvironment, type DialogView } from './dialog';
import { dialogPageSheet } from './dialog-styles';
import { decodeSetup, isConnect, readToFrame, type FromFrame } from './protocol';

/** The performance mark the page sets when it tells the chip it is ready (a `ready` message follows at once). */
export const READY_MARK = 'prompt-ready';
/** The mark set when the aim arrived from the background (the dialog shows it in the same task). */
export const AIM_MARK = 'prompt-aim';

type Ask = <T extends PromptMessage>(message: T) => Promise<PromptReplies[T['type']] | Refusal>;

export interface PromptPageDeps {
  win?: Window;
  /** The background (utils/messaging/background.ts); tests pass the handler itself. */
  ask?: Ask;
  snooze?: (siteId: string, until: Date) => Promise<void>;
  /** Open the first-run page, which asks for the aim (a new tab: extension pages have the tabs API, framed ones too). */
  openAimPage?: () => Promise<void>;
  now?: () => Date;
}

const askBackground: Ask = async (message) => {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (typeof reply === 'object' && reply !== null && typeof (reply as { ok?: unknown }).ok === 'boolean') return reply as never;
  } catch {
    // The extension is being updated or was turned off.
  }
  return { ok: false, error: t('notAnswered') };
};

export function startPromptPage(deps: PromptPageDeps = {}): DialogView | undefined {
  const win = deps.win ?? window;
  const doc = win.document;
  const setup = decodeSetup(win.location.hash);
  // The fragment is read once: it goes, so nothing in the page's history or a reload carries it.
  win.history.replaceState(null, '', win.location.pathname);
  const parent = win.parent;
  // Only ever inside a page, and only with a setup from a chip.
  if (!setup || parent === win) return undefined;
  const { token } = setup;
  /**
   * The chip's end of the channel, once it has sent it. Before, there is nothing to say: the frame stays
   * hidden until "ready", which carries the height as it is then. Nothing ever goes to the page's window.
   */
  let port: MessagePort | undefined;
  const tell = (message: FromFrame) => port?.postMessage(message);

  const ask = deps.ask ?? askBackground;
  const now = deps.now ?? (() => new Date());
  const env: DialogEnvironment = {
    async loadAim() {
      const reply = await ask({ type: 'prompt/aim' });
      if (!reply.ok) throw new Error(reply.error);
      performance.mark(AIM_MARK);
      return { aim: reply.aim, ...(reply.plan ? { plan: reply.plan } : {}), weekOutcomes: reply.weekOutcomes };
    },
    async answer(count, answer, outcome) {
      const reply = await ask({
        type: 'prompt/answer',
        answer: { siteId: count.site, metric: count.metric, value: count.value, own: count.own, answer, ...(outcome ? { outcome } : {}) },
      });
      if (!reply.ok) throw new Error(reply.error);
    },
    snooze: deps.snooze ?? ((siteId, until) => snoozeSite(siteId, until)),
    openAimPage: deps.openAimPage ?? (() => openWelcomePage()),
    close: (returnFocus) => tell({ rf: 'close', returnFocus }),
    resized: (height) => tell({ rf: 'size', height }),
    now,
  };

  doc.adoptedStyleSheets = [dialogPageSheet(doc)];
  const mount = doc.getElementById('prompt') ?? doc.body.appendChild(doc.createElement('div'));
  const view = createDialog(doc, mount, env, setup);

  const onConnect = (event: MessageEvent) => {
    // From the page's window, where the chip is; the token (from this page's own address) says it is the chip.
    if (event.source !== parent || !isConnect(event, token)) return;
    win.removeEventListener('message', onConnect);
    port = event.ports[0]!;
    port.onmessage = ({ data }: MessageEvent) => {
      const message = readToFrame(data);
      if (message?.rf === 'open') view.open(message.count, message.theme);
      else if (message) view.update(message.count);
    };
    // For the benchmark (tests/bench/prompt.ts): the dialog is rendered and about to be shown.
    performance.mark(READY_MARK);
    tell({ rf: 'ready', height: Math.ceil(view.element.getBoundingClientRect().height) });
  };
  win.addEventListener('message', onConnect);
  // The chip focuses the frame when it shows it; the dialog opened while hidden, so it takes the focus now.
  win.addEventListener('focus', () => view.focus());
  view.open();
  return view;
}
