/**
 * The prompt's dialog: asks what the count has produced, shows the user's aim and takes one of three
 * answers. It runs in the extension's own page (entrypoints/prompt/), which the chip shows in an iframe
 * beside the count (frame.ts): the site's page sees an iframe and nothing inside it — not the aim, not a
 * key typed, not where the focus is. Plain DOM and text APIs, no framework.
 *
 * It knows nothing of where it is shown: the environment loads the aim, stores the answers, snoozes the
 * site and hears "close" and the height the dialog needs (the chip places the frame).
 */
import { KIND_KEYS, kindLabel } from '@/components/kind-labels';
import { formatNumber, plural, t, uiLanguage } from '@/utils/i18n/t';
import type { OutcomeKind } from '@/utils/journal/records';
import type { PromptCount } from './protocol';
import { chooseQuestion, metricName, ownHeading } from './questions';
import type { Theme } from '../../utils/live/theme';

/** "Not now" choices: how long the site stays quiet. Days are calendar days (a DST change is not a gap). */
export const SNOOZES = [
  { label: 'snoozeHour', until: (now: Date) => new Date(now.getTime() + 60 * 60 * 1000) },
  { label: 'snoozeDay', until: (now: Date) => shiftDays(now, 1) },
  { label: 'snoozeWeek', until: (now: Date) => shiftDays(now, 7) },
] as const;

function shiftDays(date: Date, days: number): Date {
  const next = new Date(date.getTime());
  next.setDate(next.getDate() + days);
  return next;
}

const KINDS = Object.keys(KIND_KEYS) as OutcomeKind[];
const TITLE_MAX = 200;

/** What the dialog needs from where it runs (the prompt page: the journal, the settings, its chip). */
/** What the dialog shows of the aim: its words (or null: none set), its if-then plan, this week's outcome count. */
export interface LoadedAim {
  aim: string | null;
  plan?: string;
  weekOutcomes: number;
}

export interface DialogEnvironment {
  /** The current aim's words (or null: none set), its plan when it has one, and how many outcomes were logged this week. */
  loadAim(): Promise<LoadedAim>;
  /** Store an answer about `count`; an "outcome" answer comes with its outcome. Rejects with a sentence to show. */
  answer(
    count: PromptCount,
    answer: 'outcome' | 'nothing-yet' | 'dismissed',
    outcome?: { title: string; kind: OutcomeKind },
  ): Promise<void>;
  /** Keep the site quiet until `until` (settings). */
  snooze(siteId: string, until: Date): Promise<void>;
  /** Open the page that asks what the user is running for (components/welcome/), from "Set your aim". Rejects when it cannot. */
  openAimPage(): Promise<void>;
  /** The user is done: hide the dialog (and put the focus back on the chip). */
  close(returnFocus: boolean): void;
  /** The dialog needs this height now (its content changed). */
  resized(height: number): void;
  now(): Date;
}

export interface DialogSetup {
  count: PromptCount;
  mode: 'reframe' | 'hide';
  lang?: string;
  theme: Theme;
  /** The site's name ("LinkedIn"), for "Quiet on … for". */
  siteName: string;
}

export interface DialogView {
  readonly element: HTMLElement;
  isOpen(): boolean;
  /** Show the dialog for `count` (a new opening is a new question), in `theme`; the focus goes to its first answer. */
  open(count?: PromptCount, theme?: Theme): void;
  /** Hide it (the chip hides the frame). */
  close(): void;
  /**
   * The page was just shown and focused (the chip shows its frame hidden until ready): if nothing in the
   * dialog has the focus — it could not take it while hidden — its first answer does.
   */
  focus(): void;
  /** The count changed in place: the heading and answers follow it, an open dialog stays open. */
  update(count: PromptCount): void;
  destroy(): void;
  /** Resolves when everything the dialog started has been answered and shown. */
  settled(): Promise<void>;
}

interface Props {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function createDialog(doc: Document, mount: HTMLElement, env: DialogEnvironment, setup: DialogSetup): DialogView {
  const { lang, siteName } = setup;
  const hidden = setup.mode === 'hide';

  let detection = setup.count;
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
  const aimText = el('span', { className: 'aim-text empty', text: t('aimLoading') });
  const planText = el('span', { className: 'plan', attrs: { hidden: '' } });
  // No aim: the page that asks for one is a button away (it opens in a new tab; the dialog stays).
  const setAimButton = button(t('setAim'), 'btn set-aim', { hidden: '' });
  const week = el('span', { className: 'week', attrs: { hidden: '' } });
  const aimBox = el(
    'div',
    { className: 'aim' },
    el('span', { className: 'aim-label', text: t('aimLabel') }),
    aimText,
    planText,
    setAimButton,
    week,
  );

  const revealButton = button(t('showNumber'), 'btn reveal');
  const shown = el('p', { className: 'shown', attrs: { hidden: '', tabindex: '-1' } });

  const logButton = button(t('logOutcome'), 'btn primary', { 'aria-expanded': 'false', 'aria-controls': 'rf-form' });
  const nothingButton = button(t('nothingYet'));
  const notNowButton = button(t('notNow'), 'btn quiet', { 'aria-expanded': 'false', 'aria-controls': 'rf-snooze' });
  const answers = el('div', { className: 'answers' }, logButton, nothingButton, notNowButton);

  const titleInput = el('input', {
    className: 'field',
    attrs: { id: 'rf-title', type: 'text', maxlength: String(TITLE_MAX), autocomplete: 'off', 'aria-required': 'true' },
  });
  const kindSelect = el('select', { className: 'field', attrs: { id: 'rf-kind' } });
  for (const kind of KINDS) kindSelect.append(el('option', { text: kindLabel(kind), attrs: { value: kind } }));
  const saveButton = button(t('save'), 'btn primary');
  const cancelButton = button(t('cancel'), 'btn quiet');
  // A div, not a <form>: a form would submit (and navigate) inside a site's link or form.
  const form = el(
    'div',
    { className: 'form', attrs: { id: 'rf-form', role: 'group', 'aria-label': t('logOutcome'), hidden: '' } },
    el('label', { text: t('whatProduced'), attrs: { for: 'rf-title' } }),
    titleInput,
    el('label', { text: t('kindLabel'), attrs: { for: 'rf-kind' } }),
    kindSelect,
    el('div', { className: 'row' }, saveButton, cancelButton),
  );

  const snoozeButtons = SNOOZES.map((choice) => button(t(choice.label)));
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
  const doneClose = button(t('done'));
  const done = el('div', { className: 'done-row', attrs: { hidden: '' } }, doneClose);

  const closeButton = button('×', 'close', { 'aria-label': t('close') });
  const dialog = el(
    'div',
    {
      className: 'dialog',
      attrs: { id: 'rf-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'rf-heading', tabindex: '-1', hidden: '' },
    },
    el('div', { className: 'top' }, el('span', { className: 'brand', text: t('extName') }), closeButton),
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
  mount.append(dialog);
  mount.className = `rf ${setup.theme}`;

  // ── Rendering what depends on the count ──────────────────────────────────────────────────────
  function render(): void {
    dialog.classList.toggle('own', detection.own);
    if (hidden) {
      heading.textContent = t(detection.own ? 'hiddenHeadingOwn' : 'hiddenHeadingOthers', metricName(detection.metric));
      sub.textContent = t('hiddenSub');
      shown.textContent = detection.text;
    } else if (detection.own) {
      heading.textContent = ownHeading(detection, lang);
      sub.textContent = chooseQuestion(detection, env.now(), lang);
    } else {
      heading.textContent = chooseQuestion(detection, env.now(), lang);
      sub.textContent = '';
    }
    sub.hidden = sub.textContent === '';
    snoozeLegend.textContent = t('quietFor', siteName);
    renderWeek();
  }

  function renderWeek(): void {
    week.hidden = !detection.own || weekOutcomes === undefined;
    week.textContent = '';
    if (week.hidden || weekOutcomes === undefined) return;
    if (weekOutcomes === 0) {
      week.textContent = t('weekNone');
      return;
    }
    // The number stands out: the sentence is cut where it goes, in whatever place the language puts it.
    const [before = '', after = ''] = plural('weekLogged', weekOutcomes, '\uE000').split('\uE000');
    week.append(before, el('strong', { text: formatNumber(weekOutcomes) }), after);
  }

  function showError(message: string): void {
    alert.textContent = message;
    alert.hidden = message === '';
  }

  // ── Opening, closing, and the height the chip gives the frame ───────────────────────────────
  let lastHeight = -1;
  const measure = () => {
    if (!opened) return;
    const height = Math.ceil(dialog.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      env.resized(height);
    }
  };
  const view = doc.defaultView;
  const resizes = view && 'ResizeObserver' in view ? new view.ResizeObserver(measure) : undefined;

  function open(count?: PromptCount, theme?: Theme): void {
    if (destroyed) return;
    if (count) detection = count;
    if (theme) mount.className = `rf ${theme}`;
    opened = true;
    generation += 1;
    resetAnswers();
    render();
    dialog.hidden = false;
    resizes?.observe(dialog);
    measure();
    logButton.focus();
    void loadAim(generation);
  }

  function close(returnFocus: boolean): void {
    if (!opened) return;
    opened = false;
    lastHeight = -1;
    resizes?.disconnect();
    dialog.hidden = true;
    env.close(returnFocus);
  }

  /** What changes the dialog's size calls this: the frame follows (ResizeObserver does too, where it exists). */
  function place(): void {
    measure();
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

  // ── The journal and the settings, through the environment ───────────────────────────────────
  function track<T>(promise: Promise<T>): Promise<T> {
    pending.add(promise);
    const forget = () => void pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Whether the aim shown is "none": the page may come back from the tab that sets it (see `onVisible`). */
  let aimMissing = false;

  async function loadAim(forOpening: number): Promise<void> {
    aimText.textContent = t('aimLoading');
    aimText.classList.add('empty');
    planText.hidden = true;
    setAimButton.hidden = true;
    aimMissing = false;
    let loaded: LoadedAim;
    try {
      loaded = await track(env.loadAim());
    } catch (error) {
      if (destroyed || forOpening !== generation) return;
      aimText.textContent = t('aimFailed');
      showError(messageOf(error));
      return;
    }
    if (destroyed || forOpening !== generation) return;
    aimText.textContent = loaded.aim ?? t('noAim');
    aimText.classList.toggle('empty', !loaded.aim);
    aimMissing = !loaded.aim;
    setAimButton.hidden = !aimMissing;
    planText.textContent = loaded.aim && loaded.plan ? t('promptPlan', loaded.plan) : '';
    planText.hidden = planText.textContent === '';
    weekOutcomes = loaded.weekOutcomes;
    renderWeek();
    place();
  }

  async function openAimPage(): Promise<void> {
    showError('');
    try {
      await track(env.openAimPage());
    } catch {
      if (!destroyed) showError(t('aimPageFailed'));
    }
  }

  /** Back from the tab where the aim was set: an open dialog that said "no aim" reads it again. */
  function onVisible(): void {
    if (opened && !destroyed && aimMissing && doc.visibilityState === 'visible') void loadAim(generation);
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
    try {
      await track(env.answer(detection, kind, outcome));
    } catch (error) {
      if (!destroyed) {
        setBusy(false);
        showError(messageOf(error));
      }
      return false;
    }
    if (destroyed) return false;
    setBusy(false);
    return true;
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
      showError(t('emptyTitle'));
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
    finish(t('savedOutcome', title));
  }

  async function nothingYet(): Promise<void> {
    if (busy) return;
    if (await answer('nothing-yet')) finish(t('notedNothing'));
  }

  async function snoozeFor(index: number): Promise<void> {
    if (busy) return;
    const until = SNOOZES[index]!.until(env.now());
    if (!(await answer('dismissed'))) return;
    const site = detection.site;
    try {
      await track(env.snooze(site, until));
    } catch {
      if (!destroyed) showError(t('snoozeFailed'));
      return;
    }
    if (destroyed) return;
    const when = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(until);
    finish(t('quietUntil', [siteName, when]));
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
    // An input method composing a word owns its keys: Enter picks the candidate, Escape cancels it. Safari
    // reports the composition's last Enter with isComposing false, but key code 229, as every browser does.
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key === 'Enter' && event.target === titleInput) {
      event.preventDefault();
      void saveOutcome();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables();
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = doc.activeElement as HTMLElement | null;
    const inside = active !== null && items.includes(active);
    if (!inside || (event.shiftKey && active === first) || (!event.shiftKey && active === last)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  }

  // ── Wiring ───────────────────────────────────────────────────────────────────────────────────
  doc.addEventListener('keydown', onKeydown);
  doc.addEventListener('visibilitychange', onVisible);
  setAimButton.addEventListener('click', () => void openAimPage());
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
    focus() {
      if (opened && !dialog.contains(doc.activeElement)) (answers.hidden ? focusables()[0] : logButton)?.focus();
    },
    close: () => {
      if (!opened) return;
      opened = false;
      lastHeight = -1;
      resizes?.disconnect();
      dialog.hidden = true;
    },
    update(next: PromptCount) {
      if (destroyed) return;
      detection = next;
      render();
      place();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      opened = false;
      resizes?.disconnect();
      doc.removeEventListener('keydown', onKeydown);
      doc.removeEventListener('visibilitychange', onVisible);
      dialog.remove();
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await Promise.resolve();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}
