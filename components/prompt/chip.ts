/**
 * The prompt beside one count: a chip that opens a dialog (dialog.ts) asking what the count has
 * produced. Only the chip is in the content script, which runs on every supported page and must stay
 * small (20 kB gzipped, DESIGN.md); the dialog comes from `dialogs` on the first open — in the
 * extension, a script the background injects into this frame (loader.ts, handoff.ts). Until it is
 * here the chip shows as pressed; if it cannot be loaded the chip says so and the next press retries.
 *
 * Privacy: everything lives in a CLOSED shadow root, so page scripts cannot reach the aim or anything
 * typed (host.shadowRoot is null to them); the host element carries only what the page already shows.
 * The dialog receives the root as an argument, inside the extension's isolated world.
 *
 * Events that start inside the prompt stop at its shadow root, so the site's keyboard shortcuts and
 * click handlers (a card that navigates on click, "j"/"k" on a timeline) never see typing or clicks
 * meant for the prompt.
 *
 * Site names come from the environment (`env.siteName`, the live layer's adapters), never from the
 * registry: this module is in every content script, and each carries only its own site's adapter.
 */
import type { Detection } from '@/utils/sites/types';
import type { DialogController, DialogFactory, DialogSource } from './handoff';
import { chipName, safeLocale } from './questions';
import { chipSheet } from './styles';
import { pickTheme } from './theme';
import type { PromptController, PromptEnvironment, PromptLook } from './types';

/** Events stopped at the shadow root: the site reacts to none of what happens inside the prompt. */
const CONTAINED_EVENTS = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input', 'change', 'beforeinput', 'wheel'] as const;

/** What tests (and mountPrompt) get back; production code only hands out `controller`. */
export interface PromptParts {
  root: ShadowRoot;
  chip: HTMLButtonElement;
  /** The dialog element; it exists from the first open on (reading it earlier throws). */
  readonly dialog: HTMLElement;
  controller: PromptController;
  isOpen(): boolean;
  /** What a press on the chip does when the dialog is closed. */
  open(): void;
  /** Resolves when the dialog has loaded (if asked for) and every message sent so far has been answered and shown. */
  settled(): Promise<void>;
}

export function buildPrompt(host: HTMLElement, initial: Detection, env: PromptEnvironment, dialogs: DialogSource, look?: PromptLook): PromptParts {
  const siteName = env.siteName ?? ((siteId: string) => siteId);
  const doc = host.ownerDocument;
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [chipSheet(doc)];
  const langHere = () => safeLocale(host.parentElement?.closest('[lang]')?.getAttribute('lang') ?? doc.documentElement.getAttribute('lang'));
  let lang = langHere();
  /** Recycled for another count: its language is read where the host is now, at the next update. */
  let moved = false;
  const hidden = env.mode === 'hide';

  let detection = initial;
  let destroyed = false;
  let dialog: DialogController | undefined;
  let loading: Promise<void> | undefined;

  const chip = doc.createElement('button');
  chip.className = 'chip';
  for (const [name, value] of [['type', 'button'], ['aria-haspopup', 'dialog'], ['aria-expanded', 'false'], ['aria-controls', 'rf-dialog']]) {
    chip.setAttribute(name!, value!);
  }
  const mark = doc.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  // The visible label never includes the count, so the chip's width never changes with it.
  label.textContent = hidden ? 'Hidden' : 'What for?';
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

  function render(): void {
    chip.setAttribute('aria-label', chipName(detection, hidden, lang));
    chip.classList.toggle('own', detection.own);
  }

  /** The chip's tooltip and accessible description: a load failure, or nothing. */
  function describe(problem: string): void {
    if (problem) {
      chip.title = problem;
      chip.setAttribute('aria-description', problem);
    } else {
      chip.removeAttribute('title');
      chip.removeAttribute('aria-description');
    }
  }

  function attach(factory: DialogFactory): DialogController {
    dialog = factory({ host, root, frame, chip, env: { ...env, siteName }, lang, detection });
    return dialog;
  }

  function open(): void {
    if (destroyed || loading) return;
    if (dialog) {
      dialog.open();
      return;
    }
    const ready = dialogs.current();
    if (ready) {
      attach(ready).open();
      return;
    }
    // The first open on this page: the dialog script is on its way (a few milliseconds).
    describe('');
    chip.classList.add('pressed');
    chip.setAttribute('aria-busy', 'true');
    const loaded = () => {
      loading = undefined;
      chip.classList.remove('pressed');
      chip.removeAttribute('aria-busy');
    };
    loading = dialogs.load().then(
      (factory) => {
        loaded();
        if (!destroyed) attach(factory).open();
      },
      (error: unknown) => {
        loaded();
        if (!destroyed) describe(error instanceof Error && error.message ? error.message : String(error));
      },
    );
  }

  const contain = (event: Event) => {
    event.stopPropagation();
    // Inside a site's link (a count wrapped in <a>), a click on the prompt must not follow it.
    if (event.type === 'click' && host.closest('a[href]')) event.preventDefault();
  };
  for (const type of CONTAINED_EVENTS) root.addEventListener(type, contain);
  chip.addEventListener('click', () => (dialog?.isOpen() ? dialog.close(true) : open()));

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
      describe('');
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

  return {
    root,
    chip,
    get dialog() {
      if (!dialog) throw new Error('The dialog has not been opened yet.');
      return dialog.element;
    },
    controller,
    isOpen: () => dialog?.isOpen() ?? false,
    open,
    async settled() {
      while (loading) await loading;
      await dialog?.settled();
    },
  };
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

