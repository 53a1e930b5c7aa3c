/**
 * How the chip (in every content script) and the dialog (entrypoints/prompt-dialog.ts, a separate script
 * the background injects on the first open) find each other. The content script's 20 kB budget
 * (DESIGN.md) has no room for the dialog, so the dialog loads only when someone opens a prompt.
 *
 * Both run in the extension's isolated world of the same frame (scripting.executeScript defaults to it),
 * which shares one global object between the extension's scripts and none with the page: the dialog
 * script leaves its factory in a global slot, and the chip picks it up from there. Page scripts cannot
 * read or replace the slot, and the closed shadow root is handed over only as an argument to the
 * factory, never stored in it.
 */
import type { Detection } from '@/utils/sites/types';
import type { PromptEnvironment } from './types';

/** What the chip gives the dialog: the prompt's parts and its environment. */
export interface DialogContext {
  host: HTMLElement;
  /** The prompt's closed shadow root; the dialog renders into it, beside the chip. */
  root: ShadowRoot;
  /** The themed wrapper inside `root` that holds the chip; the dialog is appended to it. */
  frame: HTMLElement;
  chip: HTMLButtonElement;
  /** With `siteName` always present (the chip supplies a fallback). */
  env: PromptEnvironment & Required<Pick<PromptEnvironment, 'siteName'>>;
  /** The page's language for numbers and dates (already checked by `safeLocale`). */
  lang: string | undefined;
  /** The count as it is now (it changes in place through `update`). */
  detection: Detection;
}

export interface DialogController {
  readonly element: HTMLElement;
  isOpen(): boolean;
  /** Show the dialog and move focus into it. */
  open(): void;
  /** Hide it; with `returnFocus`, focus goes back to the chip. */
  close(returnFocus: boolean): void;
  /** The count changed in place: the heading and answers follow it, an open dialog stays open. */
  update(detection: Detection): void;
  /** Remove the dialog's listeners and nodes. */
  destroy(): void;
  /** Resolves when every message the dialog has sent so far has been answered and shown. */
  settled(): Promise<void>;
}

export type DialogFactory = (context: DialogContext) => DialogController;

/** Where a prompt gets its dialog: already here (`current`), or loaded on demand (`load`). */
export interface DialogSource {
  current(): DialogFactory | undefined;
  /** Rejects with a sentence when the dialog could not be loaded; a later call tries again. */
  load(): Promise<DialogFactory>;
}

/** The isolated-world global both sides share. Not a page global: page scripts have their own. */
const SLOT = '__runningForDialogs';

interface Slot {
  factory?: DialogFactory;
}

function slot(scope: object): Slot {
  const holder = scope as Record<string, Slot | undefined>;
  let found = holder[SLOT];
  if (typeof found !== 'object' || found === null) {
    found = {};
    Object.defineProperty(holder, SLOT, { value: found, configurable: false, enumerable: false, writable: false });
  }
  return found;
}

/** Called by the dialog script when it runs; running it again (a second injection) changes nothing. */
export function registerDialog(factory: DialogFactory, scope: object = globalThis): void {
  const shared = slot(scope);
  shared.factory ??= factory;
}

/** The dialog factory, once the dialog script has run in this world. */
export function registeredDialog(scope: object = globalThis): DialogFactory | undefined {
  const factory = slot(scope).factory;
  return typeof factory === 'function' ? factory : undefined;
}
