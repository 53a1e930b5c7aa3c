/**
 * Keeps one `<running-for-prompt data-site data-metric data-value data-own>` host element beside each
 * detected count (the overlay contract, README "Architecture") and the prompt UI mounted in it.
 *
 * Never breaks the page: a host is only ever inserted as the count's next sibling — the site's own
 * nodes are never moved, wrapped or restyled, and the host gets no inline style (the prompt's shadow
 * styles give it its inline-level display, so page CSS is not involved). If the site's framework
 * removes a host, it is put back once; if it is removed again, that count is left alone for good:
 * fighting a framework's reconciliation loops forever and can break the page.
 *
 * The host carries only what the page already shows (site, metric, value, own).
 */
import { themeAround, type Theme } from './theme';
import type { PromptController, PromptLook } from './prompt-contract';
import { whenIdle } from './idle';
import type { Detection } from '../sites/types';

export const PROMPT_TAG = 'running-for-prompt';

export interface PromptHostHooks {
  /** Fill a freshly placed host with the prompt UI (mountPrompt with its environment bound); `look` was read before the host was placed. */
  mount(host: HTMLElement, detection: Detection, look?: PromptLook): PromptController;
  /** A host was placed (activity: watch whether it becomes visible). */
  onAdded?(host: HTMLElement, detection: Detection): void;
  /** A host is gone for good. */
  onRemoved?(host: HTMLElement): void;
  /**
   * Runs a check when the page is idle (after it painted, when reading styles costs no recalculation);
   * returns a canceller. requestIdleCallback by default.
   */
  later?(callback: () => void): () => void;
}

/** A placement taken from memory is checked against the page's styles this many times before it is trusted. */
export const SHAPE_CHECKS = 3;
/** How many prompts of counts that went are kept for counts that come (a hovercard holds two). */
export const SPARE_PROMPTS = 4;
/** With every shape trusted, how often the page's background is read again to notice a theme switch. */
export const PAGE_THEME_EVERY_MS = 2000;

interface Entry {
  element: Element;
  host: HTMLElement;
  controller: PromptController;
  detection: Detection;
  /** What the prompt was told about its surroundings (checked later when it came from memory). */
  look?: PromptLook;
}

/** Where hosts went beside counts of one shape (shapeOf), the theme there, and how often the page's styles confirmed both. */
interface Shape {
  inside: boolean;
  theme: Theme;
  confirmed: number;
}

export function isPromptHost(node: Node | null | undefined): node is HTMLElement {
  return !!node && node.nodeType === 1 && (node as Element).localName === PROMPT_TAG;
}

export class PromptHosts {
  private readonly byElement = new Map<Element, Entry>();
  private readonly byHost = new Map<HTMLElement, Entry>();
  /** Counts whose host the site removed once and got back. */
  private readonly reinserted = new WeakSet<Element>();
  /** Counts the site removed the host of twice (or whose prompt failed to mount): never touched again. */
  private readonly abandoned = new WeakSet<Element>();
  /** The page defined `running-for-prompt` itself: it gets no prompt at all (place). */
  private claimed = false;
  /** Prompts whose count went, out of the page, ready for the next count (remove, place). */
  private readonly spares: { host: HTMLElement; controller: PromptController }[] = [];
  private clearing = false;

  /**
   * Placement by the shape of the spot (tag, class and style of the count and its parent). Reading a
   * computed style right after the site changed the page makes the browser compute the styles of all it
   * changed, in the site's task (a hovercard that arrives while a timeline page is still unstyled costs
   * the whole page's recalculation); a count of a shape seen before is placed from memory instead — the
   * spot and the theme last found for that shape — and checked when the page is idle, when styles are
   * computed anyway, and corrected if the page says otherwise. A shape is trusted after SHAPE_CHECKS
   * agreeing checks; then an idle check, at most every PAGE_THEME_EVERY_MS, reads only the page's own
   * background, and a change there (the site switched themes) makes every shape be checked again.
   */
  private readonly shapes = new Map<string, Shape>();
  private pageTheme: Theme | undefined;
  /** When the page's background was last read (Date.now()), and whether a placement from memory awaits a full check. */
  private pageChecked = Number.NEGATIVE_INFINITY;
  private untrusted = false;
  /** A count of a trusted shape was placed: the page's background is read at the next due check. */
  private pageCheckFor: Document | undefined;
  private unchecked = new Map<Element, string>();
  private cancelCheck: (() => void) | undefined;

  constructor(private readonly hooks: PromptHostHooks) {}

  /** Is `host` one of the hosts this instance keeps (so its removal by the site matters)? */
  owns(host: HTMLElement): boolean {
    return this.byHost.has(host);
  }

  get size(): number {
    return this.byElement.size;
  }

  /** The count elements that have a prompt, in no particular order. */
  elements(): Element[] {
    return Array.from(this.byElement.keys());
  }

  hostOf(element: Element): HTMLElement | undefined {
    return this.byElement.get(element)?.host;
  }

  /**
   * Show `detection`: place a host for a new count, or refresh the existing one when the value (or
   * metric, or own flag) changed in place. Returns true when the count is new or changed.
   */
  show(detection: Detection, spot?: Spot): boolean {
    const { element } = detection;
    if (this.abandoned.has(element) || !element.isConnected) return false;
    const entry = this.byElement.get(element);
    if (entry) {
      if (sameCount(entry.detection, detection)) {
        entry.detection = detection;
        return false;
      }
      entry.detection = detection;
      setData(entry.host, detection);
      safely(() => entry.controller.update(detection));
      return true;
    }
    return this.place(detection, spot);
  }

  /**
   * Reconcile with the detections of a pass over `scope`: a full page (`'page'`) or the roots a batch of
   * changes touched. Hosts of counts inside the scope that were not detected again go; hosts of counts
   * that left the document go; hosts the site removed come back once — looked for when `restore` says a
   * host may have been removed (the live layer sees every removal of one; by default, always). Returns
   * the new or changed counts.
   */
  reconcile(detections: readonly Detection[], scope: 'page' | ReadonlySet<Node>, restore = true): Detection[] {
    const changed: Detection[] = [];
    const found = new Set<Element>();
    // Read every new count's layout before writing any host: one style computation for the whole pass
    // instead of one forced recalculation per inserted host (a timeline brings dozens at a time).
    // The site's theme where each host goes is read in the same phase, for the same reason.
    const spots = new Map<Element, Spot>();
    const themes = new Map<Element, Theme>();
    for (const { element } of detections) {
      if (!this.byElement.has(element) && !this.abandoned.has(element) && element.parentNode)
        spots.set(element, this.spotOf(element, themes));
    }
    for (const detection of detections) {
      found.add(detection.element);
      if (this.show(detection, spots.get(detection.element))) changed.push(detection);
    }
    for (const entry of Array.from(this.byElement.values())) {
      if (found.has(entry.element)) continue;
      if (!entry.element.isConnected || scope === 'page' || insideAny(entry.element, scope)) this.remove(entry.element);
    }
    if (restore) this.restoreRemovedHosts();
    // Trusted shapes alone need only the page-theme check, and that at most every PAGE_THEME_EVERY_MS.
    const due = this.untrusted || (this.pageCheckFor !== undefined && Date.now() - this.pageChecked >= PAGE_THEME_EVERY_MS);
    if (due && !this.cancelCheck) {
      const check = () => this.check();
      this.cancelCheck = this.hooks.later ? this.hooks.later(check) : whenIdle(check, 1000, 100);
    }
    return changed;
  }

  /** A new count's spot and look: from memory for a known shape (checked later), else read now. */
  private spotOf(element: Element, themes: Map<Element, Theme>): Spot {
    const shape = shapeOf(element);
    const known = shape === undefined ? undefined : this.shapes.get(shape);
    if (known) {
      const spot = spotAt(element, known.inside);
      if (known.confirmed < SHAPE_CHECKS) {
        this.unchecked.set(element, shape!);
        this.untrusted = true;
      } else {
        this.pageCheckFor = element.ownerDocument;
      }
      return { ...spot, look: { theme: known.theme } };
    }
    const spot = measure(element, themes);
    if (shape !== undefined && spot.look) this.shapes.set(shape, { inside: spot.inside, theme: spot.look.theme, confirmed: 0 });
    return spot;
  }

  /** The idle check of placements taken from memory (see `shapes`). */
  check(): void {
    this.cancelCheck = undefined;
    const pending = this.unchecked;
    this.unchecked = new Map();
    this.untrusted = false;
    // Counts checked together share ancestors (a hovercard's two counts): each is read once.
    const themes = new Map<Element, Theme>();
    const first = pending.keys().next().value;
    const doc = this.pageCheckFor ?? first?.ownerDocument;
    this.pageCheckFor = undefined;
    if (!doc) return;
    const pageTheme = themeAround(doc.body ?? doc.documentElement, doc.defaultView, themes);
    // The site switched themes: nothing remembered about how it looks holds any more, and every prompt
    // on the page is checked now (those placed from memory since the last check may have the old one).
    if (this.pageTheme !== undefined && pageTheme !== this.pageTheme) {
      for (const each of this.shapes.values()) each.confirmed = 0;
      for (const element of this.byElement.keys()) {
        const shape = shapeOf(element);
        if (shape !== undefined && this.shapes.has(shape)) pending.set(element, shape);
      }
    }
    this.pageTheme = pageTheme;
    this.pageChecked = Date.now();
    for (const [element, shape] of pending) {
      const entry = this.byElement.get(element);
      const known = this.shapes.get(shape);
      if (!entry || !known || !element.isConnected || !entry.host.isConnected) continue;
      // What a count of no known shape gets at once: the spot, and the theme there.
      const real = measure(element, themes);
      const { theme } = real.look;
      if (real.inside !== (entry.host.parentNode === element)) real.parent.insertBefore(entry.host, real.before);
      if (entry.look?.theme !== theme) {
        entry.look = real.look;
        safely(() => entry.controller.restyle?.(real.look));
      }
      if (real.inside === known.inside && theme === known.theme) known.confirmed++;
      // The page answers differently here: the host was moved or restyled, and the shape learns the answer.
      else this.shapes.set(shape, { inside: real.inside, theme, confirmed: 0 });
    }
  }

  /** Hosts whose count left the document go; hosts the site removed come back once (then never). */
  restoreRemovedHosts(): void {
    for (const entry of Array.from(this.byElement.values())) {
      const { element, host } = entry;
      if (!element.isConnected) {
        this.remove(element);
        continue;
      }
      if (host.isConnected) continue;
      if (this.reinserted.has(element) || !element.parentNode) {
        // The site removed it a second time: it wants that spot for itself. Leave it alone.
        this.abandoned.add(element);
        this.remove(element);
        continue;
      }
      this.reinserted.add(element);
      const { parent, before } = spotFor(element);
      parent.insertBefore(host, before);
    }
  }

  /** Remove the prompt of one count. */
  remove(element: Element): void {
    const entry = this.byElement.get(element);
    if (!entry) return;
    this.forget(entry);
    // A keyboard user on a prompt that goes (a snooze, a re-render) keeps their place: the focus moves to
    // the count it stood beside, or the link or button around it, instead of falling to the page's top.
    const focused = entry.host.ownerDocument.activeElement === entry.host;
    entry.host.remove();
    if (focused) (element.closest('a,button,[tabindex]') as HTMLElement | null)?.focus();
    this.hooks.onRemoved?.(entry.host);
    // Counts that come and go (hovercards) reuse the prompts of those that went, when they are as new.
    let spare = false;
    if (this.spares.length < SPARE_PROMPTS && !this.clearing) safely(() => (spare = entry.controller.recycle?.() ?? false));
    if (spare) this.spares.push({ host: entry.host, controller: entry.controller });
    else safely(() => entry.controller.destroy());
  }

  /** Remove every prompt (snoozed site, extension disabled or updated). */
  clear(): void {
    this.clearing = true;
    for (const element of Array.from(this.byElement.keys())) this.remove(element);
    this.clearing = false;
    for (const { controller } of this.spares.splice(0)) safely(() => controller.destroy());
    this.cancelCheck?.();
    this.cancelCheck = undefined;
    this.unchecked.clear();
    this.pageCheckFor = undefined;
  }

  private keep(entry: Entry): void {
    this.byElement.set(entry.element, entry);
    this.byHost.set(entry.host, entry);
  }

  private forget(entry: Entry): void {
    this.byElement.delete(entry.element);
    this.byHost.delete(entry.host);
  }

  private place(detection: Detection, measured?: Spot): boolean {
    const { element } = detection;
    if (!element.parentNode || this.claimed) return false;
    // A spot measured before this pass's writes is still right unless the count moved since.
    const fresh =
      measured &&
      (measured.inside ? measured.parent === element : measured.parent === element.parentNode) &&
      (measured.before === null || measured.before.parentNode === measured.parent);
    const { parent, before, inside, look } = fresh ? measured : measure(element);
    const next = inside ? element.lastElementChild : element.nextElementSibling;
    const adjacent = isPromptHost(next) ? next : undefined;
    const previous = adjacent ? this.byHost.get(adjacent) : undefined;
    if (previous) {
      // The site replaced the count with a new element in the same spot (a re-render): the host
      // already beside it is reused, so the prompt neither flickers nor doubles.
      this.forget(previous);
      this.keep({ ...previous, element, detection });
      setData(previous.host, detection);
      safely(() => previous.controller.update(detection));
      return true;
    }
    // A host nobody here keeps (left by an earlier instance of this script whose cleanup never ran):
    // its closed shadow root cannot be filled again, so it is replaced rather than doubled.
    adjacent?.remove();
    // Measured again: the stale host just removed may have been the spot's reference node.
    const spot = adjacent ? spotFor(element) : { parent, before };
    // A prompt whose count went a moment ago (a hovercard's) is moved here and told its new count.
    const spare = this.spares.pop();
    const reused = spare?.host.ownerDocument === element.ownerDocument ? spare : undefined;
    if (spare && !reused) safely(() => spare.controller.destroy());
    let host: HTMLElement | undefined;
    try {
      host = reused?.host ?? element.ownerDocument.createElement(PROMPT_TAG);
    } catch {
      // Only a page's own constructor for our tag throws here: claimed, as below.
    }
    if (!host || (!reused && host.matches(':defined'))) {
      // The page defined our tag as its own custom element: a root attached to it would be the page's
      // (ElementInternals.shadowRoot). No prompt on this page from now on.
      if (!this.claimed) console.warn('Running For: this page defines <running-for-prompt> itself; no prompts here.');
      this.claimed = true;
      return false;
    }
    setData(host, detection);
    spot.parent.insertBefore(host, spot.before);
    let controller: PromptController;
    if (reused) {
      ({ controller } = reused);
      safely(() => controller.update(detection));
      if (look) safely(() => controller.restyle?.(look));
    } else {
      try {
        controller = this.hooks.mount(host, detection, look);
      } catch (error) {
        // A prompt that cannot mount must not leave an empty host or be retried every frame.
        console.warn('Running For: the prompt could not be shown', error);
        host.remove();
        this.abandoned.add(element);
        return false;
      }
    }
    this.keep({ element, host, controller, detection, look });
    this.hooks.onAdded?.(host, detection);
    return true;
  }
}

/**
 * Where a count's host goes. Normally right after the count, as its sibling. But in a column flex box
 * (React Native Web renders every View as one: X, Bluesky) or a grid (Reddit's sidebar), a sibling
 * becomes a row or cell of its own and pushes the page; there the host goes inside the count, after its
 * content, so it flows on the count's own line. Only computed styles are read; nothing is restyled.
 */
export interface Spot {
  parent: Node;
  before: Node | null;
  inside: boolean;
  /** What the prompt needs to know about where it is (measure), read with the spot. */
  look?: PromptLook;
}

/** `spotFor` and the site's theme there, both read before anything is written. */
export function measure(element: Element, themes?: Map<Element, Theme>): Spot & { look: PromptLook } {
  const spot = spotFor(element);
  const at = spot.parent.nodeType === 1 ? (spot.parent as Element) : element.parentElement;
  return { ...spot, look: { theme: themeAround(at, element.ownerDocument.defaultView, themes) } };
}

export function spotFor(element: Element): Spot {
  const view = element.ownerDocument.defaultView;
  const parent = element.parentElement;
  if (!view || !parent || typeof view.getComputedStyle !== 'function') return spotAt(element, false);
  if (!stacks(view.getComputedStyle(parent)) || VOID.has(element.localName)) return spotAt(element, false);
  // Inside a count whose own content stacks too, the host would start a line of its own: a sibling is no worse.
  return spotAt(element, !stacks(view.getComputedStyle(element)));
}

/** The spot beside `element` (its next sibling) or inside it (after its content). */
function spotAt(element: Element, inside: boolean): Spot {
  return inside ? { parent: element, before: null, inside } : { parent: element.parentNode as Node, before: element.nextSibling, inside };
}

/** Does a box with this style put its children one under another (a grid, a column flex box)? */
function stacks(style: CSSStyleDeclaration): boolean {
  return /grid/.test(style.display) || (/flex/.test(style.display) && style.flexDirection.startsWith('column'));
}

/**
 * The shape of a count's spot: what decides its computed layout on the sites we read — tag, classes and
 * inline style of the count and of its parent. Undefined for a count without a parent element.
 */
export function shapeOf(element: Element): string | undefined {
  const parent = element.parentElement;
  if (!parent) return undefined;
  const part = (node: Element) => `${node.localName}.${node.getAttribute('class') ?? ''};${node.getAttribute('style') ?? ''}`;
  return `${part(parent)}>${part(element)}`;
}

const VOID = new Set(['img', 'input', 'br', 'hr', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);

function sameCount(a: Detection, b: Detection): boolean {
  return a.site === b.site && a.metric === b.metric && a.value === b.value && a.own === b.own && a.approximate === b.approximate;
}

/** Up to this many roots, `insideAny` asks each natively; more are looked for in one walk up. */
const FEW_ROOTS = 4;

/**
 * Is `element` in one of `roots`? A pass has few roots (a hovercard's one, none for a removal): each is
 * asked natively. A walk up makes a wrapper in the content script's world for every ancestor, for every
 * prompt on the page; it is kept for the many roots of a timeline batch.
 */
function insideAny(element: Element, roots: ReadonlySet<Node>): boolean {
  if (roots.size <= FEW_ROOTS) {
    for (const root of roots) if (root.contains(element)) return true;
    return false;
  }
  for (let node: Node | null = element; node; node = node.parentNode) if (roots.has(node)) return true;
  return false;
}

function setData(host: HTMLElement, detection: Detection): void {
  // Attributes, not `dataset`: the same writes without a DOMStringMap per call, and only what changed.
  const set = (name: string, value: string) => {
    if (host.getAttribute(name) !== value) host.setAttribute(name, value);
  };
  set('data-site', detection.site);
  set('data-metric', detection.metric);
  set('data-value', String(detection.value));
  set('data-own', String(detection.own));
}

/** A failing prompt is logged, never allowed to stop the live layer (or the page). */
function safely(action: () => void): void {
  try {
    action();
  } catch (error) {
    console.warn('Running For: prompt error', error);
  }
}
