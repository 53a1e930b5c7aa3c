/**
 * The prompt's dialog: asks what the count has produced, shows the user's aim and takes one of three
 * answers. Built by the chip (chip.ts) on the first open, from the dialog script the background injects
 * (entrypoints/prompt-dialog.ts, handed over through handoff.ts), so the content script on every page
 * carries only the chip. Plain DOM and text APIs, no framework.
 *
 * It renders inside the chip's CLOSED shadow root, so page scripts cannot reach the aim or anything
 * typed. The page's own nodes are never touched: the dialog is a popover in the top layer (or, where
 * the Popover API is missing, a fixed box), positioned from the chip's rectangle.
 */
import { KIND_LABELS } from '@/components/kind-labels';
import type { OutcomeKind } from '@/utils/journal/records';
import type { Detection } from '@/utils/sites/types';
import { dialogSheet } from './dialog-styles';
import type { DialogContext, DialogController } from './handoff';
import { chooseQuestion, ownHeading } from './questions';
import { pickTheme } from './theme';

/** "Not now" choices: how long the site stays quiet. Days are calendar days (a DST change is not a gap). */
export const SNOOZES = [
  { label: 'An hour', until: (now: Date) => new Date(now.getTime() + 60 * 60 * 1000) },
  { label: 'A day', until: (now: Date) => shiftDays(now, 1) },
  { label: 'A week', until: (now: Date) => shiftDays(now, 7) },
] as const;

function shiftDays(date: Date, days: number): Date {
  const next = new Date(date.getTime());
  next.setDate(next.getDate() + days);
  return next;
}

const KINDS = Object.keys(KIND_LABELS) as OutcomeKind[];
const TITLE_MAX = 200;
/** Space kept between the dialog and the viewport's edges, and between the dialog and the chip. */
const EDGE = 8;
const GAP = 6;

export const NO_AIM = 'Set your aim in the Running For popup.';
const EMPTY_TITLE = 'Write what it produced, in a few words.';
const SNOOZE_FAILED = 'The snooze was not saved. Reload the page and try again.';

interface Props {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function createDialog(context: DialogContext): DialogController {
  const { host, root, frame, chip, env, lang } = context;
  const siteName = env.siteName;
  const doc = host.ownerDocument;
  const view = doc.defaultView!;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, dialogSheet(doc)];
  const hidden = env.mode === 'hide';

  let detection = context.detection;
  let opened = false;
  let destroyed = false;
  let busy = false;
  /** Bumped on every open, so an aim that arrives after the dialog closed (or reopened) is dropped. */
  let generation = 0;
  let weekOutcomes: number | undefined;
  const pending = new Set<Promise<unknown>>();

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Node[]): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (props.className) node.className = props.className;
    if (props.text !== undefined) node.textContent = props.text;
    for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const button = (text: string, className = 'btn', attrs: Record<string, string> = {}) =>
    el('button', { className, text, attrs: { type: 'button', ...attrs } });

  const heading = el('h2', { className: 'heading', attrs: { id: 'rf-heading' } });
  const sub = el('p', { className: 'sub' });
  const aimText = el('span', { className: 'aim-text empty', text: 'Loading your aim…' });
  const week = el('span', { className: 'week', attrs: { hidden: '' } });
  const aimBox = el('div', { className: 'aim' }, el('span', { className: 'aim-label', text: 'Your aim' }), aimText, week);

  const revealButton = button('Show the number', 'btn reveal');
  const shown = el('p', { className: 'shown', attrs: { hidden: '', tabindex: '-1' } });

  const logButton = button('Log an outcome', 'btn primary', { 'aria-expanded': 'false', 'aria-controls': 'rf-form' });
  const nothingButton = button('Nothing yet');
  const notNowButton = button('Not now', 'btn quiet', { 'aria-expanded': 'false', 'aria-controls': 'rf-snooze' });
  const answers = el('div', { className: 'answers' }, logButton, nothingButton, notNowButton);

  const titleInput = el('input', {
    className: 'field',
    attrs: { id: 'rf-title', type: 'text', maxlength: String(TITLE_MAX), autocomplete: 'off', 'aria-required': 'true' },
  });
  const kindSelect = el('select', { className: 'field', attrs: { id: 'rf-kind' } });
  for (const kind of KINDS) kindSelect.append(el('option', { text: KIND_LABELS[kind], attrs: { value: kind } }));
  const saveButton = button('Save', 'btn primary');
  const cancelButton = button('Cancel', 'btn quiet');
  // A div, not a <form>: a form would submit (and navigate) inside a site's link or form.
  const form = el(
    'div',
    { className: 'form', attrs: { id: 'rf-form', role: 'group', 'aria-label': 'Log an outcome', hidden: '' } },
    el('label', { text: 'What did it produce?', attrs: { for: 'rf-title' } }),
    titleInput,
    el('label', { text: 'Kind', attrs: { for: 'rf-kind' } }),
    kindSelect,
    el('div', { className: 'row' }, saveButton, cancelButton),
  );

  const snoozeButtons = SNOOZES.map((choice) => button(choice.label));
  const snoozeLegend = el('span', { className: 'legend', attrs: { id: 'rf-snooze-legend' } });
  const snooze = el(
    'div',
    { className: 'snooze', attrs: { id: 'rf-snooze', role: 'group', 'aria-labelledby': 'rf-snooze-legend', hidden: '' } },
    snoozeLegend,
    el('div', { className: 'row' }, ...snoozeButtons),
  );

  const alert = el('p', { className: 'alert', attrs: { role: 'alert', hidden: '' } });
  // A live region that stays in the tree (empty when quiet), so what is put in it is announced.
  const doneText = el('p', { className: 'done-text', attrs: { role: 'status' } });
  const doneClose = button('Done');
  const done = el('div', { className: 'done-row', attrs: { hidden: '' } }, doneClose);

  const closeButton = button('×', 'close', { 'aria-label': 'Close' });
  const dialog = el(
    'div',
    { className: 'dialog', attrs: { id: 'rf-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'rf-heading', tabindex: '-1', hidden: '' } },
    el('div', { className: 'top' }, el('span', { className: 'brand', text: 'Running For' }), closeButton),
    heading,
    sub,
    aimBox,
    ...(hidden ? [revealButton, shown] : []),
    answers,
    form,
    snooze,
    alert,
    doneText,
    done,
  );
  // The top layer keeps the dialog above the site and free of its overflow clipping and transforms.
  const popover = typeof dialog.showPopover === 'function';
  if (popover) dialog.setAttribute('popover', 'manual');
  frame.append(dialog);

  // ── Rendering what depends on the count ──────────────────────────────────────────────────────
  function render(): void {
    dialog.classList.toggle('own', detection.own);
    if (hidden) {
      heading.textContent = detection.own ? `Your ${detection.metric} — what will you do with them?` : `What are these ${detection.metric} for?`;
      sub.textContent = 'The number is hidden on this site. Show it only if it helps.';
      shown.textContent = detection.text;
    } else if (detection.own) {
      heading.textContent = ownHeading(detection, lang);
      sub.textContent = chooseQuestion(detection, env.now(), lang);
    } else {
      heading.textContent = chooseQuestion(detection, env.now(), lang);
      sub.textContent = '';
    }
    sub.hidden = sub.textContent === '';
    snoozeLegend.textContent = `Quiet on ${siteName(detection.site)} for`;
    renderWeek();
  }

  function renderWeek(): void {
    week.hidden = !detection.own || weekOutcomes === undefined;
    week.textContent = '';
    if (week.hidden || weekOutcomes === undefined) return;
    if (weekOutcomes === 0) {
      week.textContent = 'No outcomes logged yet this week.';
      return;
    }
    week.append('This week: ', el('strong', { text: String(weekOutcomes) }), weekOutcomes === 1 ? ' outcome logged.' : ' outcomes logged.');
  }

  function showError(message: string): void {
    alert.textContent = message;
    alert.hidden = message === '';
  }

  // ── Opening, closing, positioning ────────────────────────────────────────────────────────────
  function place(): void {
    if (!opened) return;
    const anchor = chip.getBoundingClientRect();
    const box = dialog.getBoundingClientRect();
    const width = view.innerWidth;
    const height = view.innerHeight;
    const rtl = view.getComputedStyle(host).direction === 'rtl';
    let left = rtl ? anchor.right - box.width : anchor.left;
    left = Math.max(EDGE, Math.min(left, width - box.width - EDGE));
    let top = anchor.bottom + GAP;
    if (top + box.height > height - EDGE && anchor.top - GAP - box.height >= EDGE) top = anchor.top - GAP - box.height;
    top = Math.max(EDGE, Math.min(top, height - box.height - EDGE));
    dialog.style.left = `${Math.round(left)}px`;
    dialog.style.top = `${Math.round(top)}px`;
  }

  let placing = 0;
  const schedulePlace = () => {
    if (placing) return;
    placing = view.requestAnimationFrame(() => {
      placing = 0;
      place();
    });
  };

  const onOutside = (event: Event) => {
    // A closed root hides its insides from the path, but not the host itself.
    if (!event.composedPath().includes(host)) close(false);
  };

  function open(): void {
    if (opened || destroyed) return;
    opened = true;
    generation += 1;
    frame.className = `rf ${pickTheme(host)}`;
    resetAnswers();
    render();
    dialog.hidden = false;
    if (popover) {
      try {
        dialog.showPopover();
      } catch {
        // Already shown, or the host left the document: the fixed box still shows.
      }
    }
    chip.setAttribute('aria-expanded', 'true');
    place();
    doc.addEventListener('pointerdown', onOutside, true);
    view.addEventListener('scroll', schedulePlace, { capture: true, passive: true });
    view.addEventListener('resize', schedulePlace, { passive: true });
    logButton.focus();
    void loadAim(generation);
  }

  function close(returnFocus: boolean): void {
    if (!opened) return;
    opened = false;
    if (popover && dialog.matches(':popover-open')) dialog.hidePopover();
    dialog.hidden = true;
    chip.setAttribute('aria-expanded', 'false');
    removeOpenListeners();
    if (returnFocus) chip.focus();
  }

  function removeOpenListeners(): void {
    doc.removeEventListener('pointerdown', onOutside, true);
    view.removeEventListener('scroll', schedulePlace, true);
    view.removeEventListener('resize', schedulePlace);
    if (placing) view.cancelAnimationFrame(placing);
    placing = 0;
  }

  /** Back to the three answers (a new opening is a new question); a typed title is kept. */
  function resetAnswers(): void {
    answers.hidden = false;
    done.hidden = true;
    doneText.textContent = '';
    form.hidden = true;
    snooze.hidden = true;
    logButton.setAttribute('aria-expanded', 'false');
    notNowButton.setAttribute('aria-expanded', 'false');
    showError('');
    if (hidden) {
      revealButton.hidden = false;
      shown.hidden = true;
    }
  }

  // ── Talking to the background ────────────────────────────────────────────────────────────────
  function track<T>(promise: Promise<T>): Promise<T> {
    pending.add(promise);
    const forget = () => void pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  async function loadAim(forOpening: number): Promise<void> {
    aimText.textContent = 'Loading your aim…';
    aimText.classList.add('empty');
    const reply = await track(env.send({ type: 'aim/current' }));
    if (destroyed || forOpening !== generation) return;
    if (!reply.ok) {
      aimText.textContent = 'Your aim could not be loaded.';
      showError(reply.error);
      return;
    }
    aimText.textContent = reply.aim ? reply.aim.aim : NO_AIM;
    aimText.classList.toggle('empty', !reply.aim);
    weekOutcomes = reply.weekOutcomes;
    renderWeek();
    if (opened) place();
  }

  function setBusy(value: boolean): void {
    busy = value;
    for (const control of [logButton, nothingButton, notNowButton, saveButton, cancelButton, ...snoozeButtons]) control.disabled = value;
  }

  /**
   * Store an answer. The reflection records the count as it is now (after any in-place update).
   * Returns whether it was saved; a refusal is shown in the alert and the dialog keeps what was typed.
   */
  async function answer(kind: 'outcome' | 'nothing-yet' | 'dismissed', outcome?: { title: string; kind: OutcomeKind }): Promise<boolean> {
    showError('');
    setBusy(true);
    const { site, metric, value, own } = detection;
    const reply = await track(
      env.send({ type: 'reflection/add', reflection: { siteId: site, metric, value, own, answer: kind, ...(outcome ? { outcome } : {}) } }),
    );
    if (destroyed) return false;
    setBusy(false);
    if (!reply.ok) showError(reply.error);
    return reply.ok;
  }

  function finish(message: string): void {
    answers.hidden = true;
    form.hidden = true;
    snooze.hidden = true;
    if (hidden) revealButton.hidden = true;
    doneText.textContent = message;
    done.hidden = false;
    doneClose.focus();
    place();
  }

  async function saveOutcome(): Promise<void> {
    if (busy) return;
    const title = titleInput.value.trim();
    if (!title) {
      showError(EMPTY_TITLE);
      titleInput.focus();
      return;
    }
    const kind = kindSelect.value as OutcomeKind;
    if (!(await answer('outcome', { title, kind }))) {
      if (!destroyed) titleInput.focus();
      return;
    }
    titleInput.value = '';
    kindSelect.selectedIndex = 0;
    if (weekOutcomes !== undefined) weekOutcomes += 1;
    renderWeek();
    finish(`Saved: “${title}”. That is what the number is for.`);
  }

  async function nothingYet(): Promise<void> {
    if (busy) return;
    if (await answer('nothing-yet')) finish('Noted: nothing yet. An honest answer makes the weekly review worth reading.');
  }

  async function snoozeFor(index: number): Promise<void> {
    if (busy) return;
    const until = SNOOZES[index]!.until(env.now());
    if (!(await answer('dismissed'))) return;
    const site = detection.site;
    try {
      await track(env.snooze(site, until));
    } catch {
      if (!destroyed) showError(SNOOZE_FAILED);
      return;
    }
    if (destroyed) return;
    const when = new Intl.DateTimeFormat(lang, { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(until);
    finish(`Quiet on ${siteName(site)} until ${when}.`);
  }

  function toggle(panel: HTMLElement, trigger: HTMLButtonElement, other: HTMLElement, otherTrigger: HTMLButtonElement): boolean {
    const show = panel.hidden;
    panel.hidden = !show;
    trigger.setAttribute('aria-expanded', String(show));
    other.hidden = true;
    otherTrigger.setAttribute('aria-expanded', 'false');
    showError('');
    place();
    return show;
  }

  // ── Keyboard: Escape closes, Tab stays inside, Enter in the title saves ─────────────────────
  function focusables(): HTMLElement[] {
    return Array.from(dialog.querySelectorAll<HTMLElement>('button, input, select')).filter(
      (node) => !(node as HTMLButtonElement).disabled && !node.closest('[hidden]'),
    );
  }

  function onKeydown(event: KeyboardEvent): void {
    if (!opened) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key === 'Enter' && event.target === titleInput && !event.isComposing) {
      event.preventDefault();
      void saveOutcome();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables();
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = root.activeElement as HTMLElement | null;
    const inside = active !== null && items.includes(active);
    if (!inside || (event.shiftKey && active === first) || (!event.shiftKey && active === last)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  }

  // ── Wiring ───────────────────────────────────────────────────────────────────────────────────
  root.addEventListener('keydown', onKeydown as EventListener);
  closeButton.addEventListener('click', () => close(true));
  doneClose.addEventListener('click', () => close(true));
  logButton.addEventListener('click', () => {
    if (toggle(form, logButton, snooze, notNowButton)) titleInput.focus();
  });
  cancelButton.addEventListener('click', () => {
    toggle(form, logButton, snooze, notNowButton);
    logButton.focus();
  });
  saveButton.addEventListener('click', () => void saveOutcome());
  nothingButton.addEventListener('click', () => void nothingYet());
  notNowButton.addEventListener('click', () => {
    if (toggle(snooze, notNowButton, form, logButton)) snoozeButtons[0]!.focus();
  });
  snoozeButtons.forEach((choice, index) => choice.addEventListener('click', () => void snoozeFor(index)));
  revealButton.addEventListener('click', () => {
    shown.hidden = false;
    revealButton.hidden = true;
    shown.focus();
    place();
  });

  render();

  return {
    element: dialog,
    isOpen: () => opened,
    open,
    close,
    update(next: Detection) {
      if (destroyed) return;
      detection = next;
      render();
      place();
    },
    destroy() {
      if (destroyed) return;
      close(false);
      destroyed = true;
      removeOpenListeners();
      root.removeEventListener('keydown', onKeydown as EventListener);
      dialog.remove();
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await Promise.resolve();
    },
  };
}
