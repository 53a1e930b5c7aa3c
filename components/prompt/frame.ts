/**
 * The dialog's frame, from the chip's side: an `<iframe>` of the extension's prompt page
 * (entrypoints/prompt/), inside the chip's closed shadow root, in the top layer beside the chip. The page
 * it sits in sees an iframe it cannot look into: no text, no key, no focus inside it; a script of the
 * page cannot click the dialog's buttons (they are in another origin). The frame's address carries only
 * the count, which the page shows anyway, and a token; after that, chip and dialog talk over a private
 * channel the page never sees (protocol.ts).
 *
 * The frame is made on the first open and kept for the next ones. If something other than its own page
 * loads in it (a page script navigating `window.frames[i]`), it is thrown away, never shown.
 */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/t';
import type { Detection } from '@/utils/sites/types';
import { countOf, encodeSetup, newToken, readFromFrame, type Connect, type FrameSetup, type ToFrame } from './protocol';
import type { Theme } from '../../utils/live/theme';

/** Space kept between the frame and the viewport's edges, and between the frame and the chip. */
const EDGE = 8;
const GAP = 6;

export interface FrameOptions {
  host: HTMLElement;
  /** Where the frame goes: the themed wrapper in the chip's shadow root. */
  parent: HTMLElement;
  chip: HTMLButtonElement;
  mode: 'reframe' | 'hide';
  lang: () => string | undefined;
  siteName: string;
  /** The prompt page's address (tests pass their own). */
  pageUrl?: () => string;
}

export interface PromptFrame {
  isOpen(): boolean;
  /**
   * Make the frame ahead of an open (a press on the chip has begun): its page loads and opens itself,
   * hidden, so the open that follows only shows it. Nothing when the frame is there already.
   */
  prepare(detection: Detection, theme: Theme): void;
  open(detection: Detection, theme: Theme): void;
  update(detection: Detection): void;
  close(returnFocus: boolean): void;
  destroy(): void;
}

const promptPage = () => browser.runtime.getURL('/prompt.html');

export function promptFrame(options: FrameOptions): PromptFrame {
  const { host, parent, chip } = options;
  const doc = host.ownerDocument;
  const view = doc.defaultView!;
  let frame: HTMLIFrameElement | undefined;
  /** The chip's end of the private channel to the dialog. */
  let port: MessagePort | undefined;
  let ready = false;
  let opened = false;
  let height = 0;
  let loads = 0;
  let placing = 0;
  /**
   * An open asked for before the page was ready: the frame shows (and takes the focus) when it is, after
   * posting `message` — none on the first open, when the page opens itself from its setup.
   */
  let waiting: { message?: ToFrame } | undefined;
  /** Made by `prepare` and not shown since: its page opened itself from its setup, with the aim. */
  let prepared = false;

  const post = (message: ToFrame) => port?.postMessage(message);

  function place(): void {
    if (!frame || !opened) return;
    const anchor = chip.getBoundingClientRect();
    const width = frame.getBoundingClientRect().width;
    const rtl = view.getComputedStyle(host).direction === 'rtl';
    let left = rtl ? anchor.right - width : anchor.left;
    left = Math.max(EDGE, Math.min(left, view.innerWidth - width - EDGE));
    const fit = Math.min(height, view.innerHeight - 2 * EDGE);
    let top = anchor.bottom + GAP;
    if (top + fit > view.innerHeight - EDGE && anchor.top - GAP - fit >= EDGE) top = anchor.top - GAP - fit;
    top = Math.max(EDGE, Math.min(top, view.innerHeight - fit - EDGE));
    frame.style.left = `${Math.round(left)}px`;
    frame.style.top = `${Math.round(top)}px`;
    frame.style.height = `${Math.round(fit)}px`;
  }
  const schedulePlace = () => {
    if (placing) return;
    placing = view.requestAnimationFrame(() => {
      placing = 0;
      place();
    });
  };

  const onMessage = ({ data }: MessageEvent) => {
    const message = readFromFrame(data);
    if (!message) return;
    if (message.rf === 'close') {
      close(message.returnFocus);
      return;
    }
    height = message.height;
    if (message.rf === 'ready') {
      ready = true;
      if (waiting) {
        if (waiting.message) post(waiting.message);
        waiting = undefined;
        show();
      }
    }
    place();
  };

  // Outside the frame and the chip, a press closes the dialog (presses inside the frame never reach this page).
  const onOutside = (event: Event) => {
    if (!event.composedPath().includes(host)) close(false);
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && opened) close(true);
  };

  function discard(): void {
    port?.close();
    port = undefined;
    frame?.remove();
    frame = undefined;
    ready = false;
    waiting = undefined;
    prepared = false;
  }

  function make(detection: Detection, theme: Theme): void {
    const token = newToken();
    const address = (options.pageUrl ?? promptPage)();
    // The page's origin, where the connect may go. Chrome serves the page from a per-session address
    // (use_dynamic_url) but runs it in the extension's own origin; Firefox's address is its origin. Built
    // as text: a URL parser calls an extension scheme's origin opaque ("null").
    const origin = address.startsWith('chrome-extension:')
      ? `chrome-extension://${browser.runtime.id}`
      : address.slice(0, address.indexOf('/', address.indexOf('//') + 2));
    const setup: FrameSetup = {
      token,
      count: countOf(detection),
      mode: options.mode,
      theme,
      siteName: options.siteName,
      ...(options.lang() ? { lang: options.lang() } : {}),
    };
    const created = doc.createElement('iframe');
    created.className = 'frame';
    created.title = t('extName');
    created.hidden = true;
    if (typeof created.showPopover === 'function') created.setAttribute('popover', 'manual');
    loads = 0;
    created.addEventListener('load', () => {
      // Its own page loads once. A second load is something else put there: never shown.
      loads += 1;
      if (loads > 1) {
        opened = false;
        chip.setAttribute('aria-expanded', 'false');
        discard();
        return;
      }
      // The channel, to the frame's window and for the extension's origin only: if a page script put
      // something else there first, the browser drops it.
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = onMessage;
      const connect: Connect = { rf: 'connect', token };
      created.contentWindow?.postMessage(connect, origin, [channel.port2]);
    });
    created.src = `${address}#${encodeSetup(setup)}`;
    parent.append(created);
    frame = created;
  }

  function show(): void {
    if (!frame) return;
    frame.hidden = false;
    if (frame.hasAttribute('popover') && !frame.matches(':popover-open')) {
      try {
        frame.showPopover();
      } catch {
        // The host left the document: the fixed box still shows.
      }
    }
    place();
    frame.focus();
  }

  function open(detection: Detection, theme: Theme): void {
    if (opened) return;
    opened = true;
    chip.setAttribute('aria-expanded', 'true');
    doc.addEventListener('pointerdown', onOutside, true);
    doc.addEventListener('keydown', onKeydown, true);
    view.addEventListener('scroll', schedulePlace, { capture: true, passive: true });
    view.addEventListener('resize', schedulePlace, { passive: true });
    if (!frame) {
      // The page opens itself on load, with the setup in its address.
      make(detection, theme);
      waiting = {};
      return;
    }
    // A prepared page is open already, aim and all: it only needs the count as it is now.
    const message: ToFrame = prepared ? { rf: 'update', count: countOf(detection) } : { rf: 'open', count: countOf(detection), theme };
    prepared = false;
    if (ready) {
      post(message);
      show();
    } else waiting = { message };
  }

  function close(returnFocus: boolean): void {
    if (!opened) return;
    opened = false;
    waiting = undefined;
    chip.setAttribute('aria-expanded', 'false');
    doc.removeEventListener('pointerdown', onOutside, true);
    doc.removeEventListener('keydown', onKeydown, true);
    view.removeEventListener('scroll', schedulePlace, true);
    view.removeEventListener('resize', schedulePlace);
    if (placing) view.cancelAnimationFrame(placing);
    placing = 0;
    if (frame) {
      if (frame.matches(':popover-open')) frame.hidePopover();
      frame.hidden = true;
    }
    if (returnFocus) chip.focus();
  }

  return {
    isOpen: () => opened,
    prepare(detection, theme) {
      if (frame || opened) return;
      make(detection, theme);
      prepared = true;
    },
    open,
    update(detection) {
      if (frame && ready) post({ rf: 'update', count: countOf(detection) });
    },
    close,
    destroy() {
      close(false);
      discard();
    },
  };
}
