/**
 * The prompt beside one count: a chip that opens a dialog asking what the count has produced. The chip
 * is in the content script, which runs on every supported page and must stay small (20 kB gzipped,
 * README "Architecture", targets); the dialog is the extension's own page, shown in a frame beside the chip (frame.ts, whose
 * code the background injects on a page's first open: frame-slot.ts), where the aim is read and the
 * answers are typed and stored — out of the site's reach.
 *
 * The chip lives in a CLOSED shadow root, attached only to a host the page has not claimed: a page that
 * defines `running-for-prompt` itself would get the root through `ElementInternals`, so such a host gets
 * no prompt (prompt-hosts.ts never places one; `buildPrompt` refuses as a last check). The host element
 * carries only what the page already shows.
 *
 * Events that start inside the prompt stop at its shadow root, so the site's keyboard shortcuts and
 * click handlers (a card that navigates on click, "j"/"k" on a timeline) never see clicks meant for the
 * chip; what is typed in the dialog never reaches the page at all (another document).
 *
 * Site names come from the environment (`env.siteName`, the live layer's adapters), never from the
 * registry: this module is in every content script, and each carries only its own site's adapter.
 */
import { countAsShown } from '@/utils/detection/metric-words';
import type { Detection } from '@/utils/sites/types';
import type { FrameOptions, PromptFrame } from './frame';
import { loadFrame, registeredFrame, type FrameFactory } from './frame-slot';
import { chipName, safeLocale } from './questions';
import { t } from '@/utils/i18n/t';
import { chipSheet } from './styles';
import { pickTheme } from '../../utils/live/theme';
import type { PromptController, PromptEnvironment, PromptLook } from '../../utils/live/prompt-contract';

/** Events stopped at the shadow root: the site reacts to none of what happens inside the prompt. */
const CONTAINED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'beforeinput',
  'wheel',
] as const;

/** What tests (and mountPrompt) get back; production code only hands out `controller`. */
export interface PromptParts {
  root: ShadowRoot;
  chip: HTMLButtonElement;
  controller: PromptController;
  isOpen(): boolean;
  /** What a press on the chip does when the dialog is closed. */
  open(): void;
}

/** A host the page defined as its own custom element: attaching a root there would hand it to the page. */
export function isClaimed(host: Element): boolean {
  if (!host.localName.includes('-')) return false;
  // `:defined` sees the page's registry from the content script's world, where `customElements` is null.
  return host.matches(':defined') || host.ownerDocument.defaultView?.customElements?.get(host.localName) !== undefined;
}

export function buildPrompt(
  host: HTMLElement,
  initial: Detection,
  env: PromptEnvironment,
  look?: PromptLook,
  frameOptions?: Pick<FrameOptions, 'pageUrl'>,
): PromptParts | undefined {
  if (isClaimed(host)) return undefined;
  const siteName = env.siteName ?? ((siteId: string) => siteId);
  const doc = host.ownerDocument;
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [chipSheet(doc)];
  const langHere = () =>
    safeLocale(host.parentElement?.closest('[lang]')?.getAttribute('lang') ?? doc.documentElement.getAttribute('lang'));
  let lang = langHere();
  /** Recycled for another count: its language is read where the host is now, at the next update. */
  let moved = false;
  const hidden = env.mode === 'hide';

  let detection = initial;
  let destroyed = false;
  let dialog: PromptFrame | undefined;
  /** The frame code is being fetched (the page's first open). */
  let loading = false;

  const chip = doc.createElement('button');
  chip.className = 'chip';
  for (const [name, value] of [
    ['type', 'button'],
    ['aria-haspopup', 'dialog'],
    ['aria-expanded', 'false'],
    ['aria-controls', 'rf-dialog'],
  ]) {
    chip.setAttribute(name!, value!);
  }
  const mark = doc.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  // The visible label never includes the count, so the chip's width never changes with it.
  label.textContent = t(hidden ? 'chipLabelHidden' : 'chipLabel');
  chip.append(mark, label);

  const frame = doc.createElement('span');
  if (look) {
    frame.className = `rf ${look.theme}`;
  } else {
    frame.className = 'rf light';
    themeLater(host, frame);
  }
  frame.append(chip);
  root.append(frame);

  /** The chip says the number as the page writes it (`countAsShown`), or no number: never a format of its own. */
  function render(): void {
    chip.setAttribute('aria-label', chipName(detection, hidden, hidden ? null : (countAsShown(detection, lang) ?? null)));
    chip.classList.toggle('own', detection.own);
  }

  const dialogWith = (factory: FrameFactory) =>
    (dialog ??= factory({
      host,
      parent: frame,
      chip,
      mode: env.mode,
      lang: () => lang,
      siteName: siteName(detection.site),
      ...frameOptions,
    }));
  const openWith = (factory: FrameFactory) => dialogWith(factory).open(detection, pickTheme(host));

  /**
   * Ahead of a click: the pointer over the chip or the focus on it fetches the frame code (once a page);
   * a press makes the frame, so its page loads while the button is still down (a person's press lasts
   * about a tenth of a second) and the click only shows it.
   */
  const warm = () => {
    if (!destroyed && !registeredFrame()) void loadFrame(env.send);
  };
  const press = (event: PointerEvent) => {
    if (destroyed || loading || event.button !== 0 || dialog?.isOpen()) return;
    const factory = registeredFrame();
    if (factory) dialogWith(factory).prepare(detection, pickTheme(host));
    else warm();
  };

  function open(): void {
    if (destroyed || loading) return;
    const factory = registeredFrame();
    if (factory) return openWith(factory);
    // The page's first open: the frame code is fetched from the background (frame-slot.ts); the chip
    // shows pressed meanwhile.
    loading = true;
    chip.classList.add('pressed');
    void loadFrame(env.send).then((loaded) => {
      loading = false;
      chip.classList.remove('pressed');
      if (loaded && !destroyed) openWith(loaded);
    });
  }

  const contain = (event: Event) => {
    event.stopPropagation();
    // Inside a site's link (a count wrapped in <a>), a click on the prompt must not follow it.
    if (event.type === 'click' && host.closest('a[href]')) event.preventDefault();
  };
  for (const type of CONTAINED_EVENTS) root.addEventListener(type, contain);
  chip.addEventListener('click', () => (dialog?.isOpen() ? dialog.close(true) : open()));
  chip.addEventListener('pointerenter', warm);
  chip.addEventListener('focus', warm);
  chip.addEventListener('pointerdown', press);

  render();

  const controller: PromptController = {
    update(next) {
      if (destroyed) return;
      if (moved) {
        lang = langHere();
        moved = false;
      }
      detection = next;
      render();
      dialog?.update(next);
    },
    recycle() {
      if (destroyed || dialog || loading) return false;
      moved = true;
      // Forget the count's element until the next count comes: the page may free it (and what it was in).
      detection = { ...detection, element: host };
      return true;
    },
    restyle(next) {
      if (destroyed) return;
      pendingThemes.delete(frame);
      frame.className = `rf ${next.theme}`;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      dialog?.destroy();
      for (const type of CONTAINED_EVENTS) root.removeEventListener(type, contain);
      root.replaceChildren();
    },
  };

  return { root, chip, controller, isOpen: () => dialog?.isOpen() ?? false, open };
}

/**
 * Chips mounted in one go (a timeline page of counts) read the site's theme together, in a microtask
 * after the last one is placed — still before the page paints — so reading computed styles forces one
 * style recalculation for all of them instead of one per chip (each mount writes to the DOM).
 */
const pendingThemes = new Map<Element, HTMLElement>();

function themeLater(host: Element, frame: HTMLElement): void {
  if (pendingThemes.size === 0) queueMicrotask(applyThemes);
  pendingThemes.set(frame, host as HTMLElement);
}

function applyThemes(): void {
  const reads = Array.from(pendingThemes, ([frame, host]) => [frame, host.isConnected ? pickTheme(host) : 'light'] as const);
  pendingThemes.clear();
  for (const [frame, theme] of reads) frame.className = `rf ${theme}`;
}
