/** @vitest-environment happy-dom */
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_THEME_EVERY_MS, PROMPT_TAG, PromptHosts, SHAPE_CHECKS, spotFor, type PromptHostHooks } from '../../utils/live/hosts';
import type { Detection } from '../../utils/sites/types';

/**
 * Every PromptHosts a test makes is cleared after it: one left with an idle check pending would run it once
 * the test's document is gone.
 */
const made: PromptHosts[] = [];
function hostsWith(hooks: PromptHostHooks): PromptHosts {
  const hosts = new PromptHosts(hooks);
  made.push(hosts);
  return hosts;
}
afterEach(() => {
  for (const hosts of made.splice(0)) hosts.clear();
});

function count(text: string, value: number, parent: Element = document.body): Detection {
  const element = document.createElement('a');
  element.setAttribute('href', '/jane/followers');
  element.setAttribute('style', 'color: red');
  element.textContent = text;
  parent.append(element);
  return { element, site: 'x', metric: 'followers', value, approximate: false, own: false, text, via: 'hook' };
}

function setup() {
  const events: string[] = [];
  const controllers: { update: ReturnType<typeof vi.fn>; destroy: ReturnType<typeof vi.fn> }[] = [];
  const hosts = hostsWith({
    mount(host, detection) {
      events.push(`mount ${detection.value}`);
      const controller = { update: vi.fn(), destroy: vi.fn() };
      controllers.push(controller);
      return controller;
    },
    onAdded: (_host, detection) => events.push(`added ${detection.value}`),
    onRemoved: () => events.push('removed'),
  });
  return { hosts, events, controllers };
}

const allHosts = () => Array.from(document.querySelectorAll(PROMPT_TAG)) as HTMLElement[];

describe('prompt hosts', () => {
  beforeEach(() => document.body.replaceChildren());

  it('adds the host as the count’s next sibling and touches nothing of the site’s', () => {
    const { hosts, events } = setup();
    const before = document.createElement('span');
    const after = document.createElement('span');
    document.body.append(before);
    const detection = count('12K followers', 12000);
    document.body.append(after);
    const styleBefore = detection.element.getAttribute('style');
    hosts.show(detection);
    expect(Array.from(document.body.children)).toEqual([before, detection.element, allHosts()[0], after]);
    expect(detection.element.getAttribute('style')).toBe(styleBefore);
    expect(detection.element.parentElement).toBe(document.body);
    const host = allHosts()[0]!;
    // Display comes from the prompt's shadow styles, never from inline or page styles.
    expect(host.getAttribute('style')).toBeNull();
    expect({ ...host.dataset }).toEqual({ site: 'x', metric: 'followers', value: '12000', own: 'false' });
    expect(events).toEqual(['mount 12000', 'added 12000']);
  });

  it('updates the host and the prompt only when the count changed', () => {
    const { hosts, controllers } = setup();
    const detection = count('12K followers', 12000);
    expect(hosts.show(detection)).toBe(true);
    expect(hosts.show({ ...detection })).toBe(false);
    expect(controllers[0]!.update).not.toHaveBeenCalled();
    expect(hosts.show({ ...detection, value: 12100 })).toBe(true);
    expect(controllers[0]!.update).toHaveBeenCalledWith(expect.objectContaining({ value: 12100 }));
    expect(allHosts()).toHaveLength(1);
    expect(allHosts()[0]!.dataset.value).toBe('12100');
  });

  it('reconciles a partial pass: only hosts of counts inside the scanned roots can go', () => {
    const { hosts, controllers } = setup();
    const left = document.createElement('div');
    const right = document.createElement('div');
    document.body.append(left, right);
    const a = count('1 follower', 1, left);
    const b = count('2 followers', 2, right);
    hosts.reconcile([a, b], 'page');
    expect(hosts.size).toBe(2);
    // A pass over `left` found nothing: a's host goes, b's (outside the root) stays.
    hosts.reconcile([], new Set([left]));
    expect(hosts.elements()).toEqual([b.element]);
    expect(controllers[0]!.destroy).toHaveBeenCalled();
    expect(controllers[1]!.destroy).not.toHaveBeenCalled();
    // A full pass that finds nothing removes everything.
    hosts.reconcile([], 'page');
    expect(allHosts()).toHaveLength(0);
  });

  it('puts a host the site removed back once; removed again, the count is left alone for good', () => {
    const { hosts, controllers, events } = setup();
    const detection = count('12K followers', 12000);
    hosts.show(detection);
    const host = allHosts()[0]!;
    host.remove();
    hosts.restoreRemovedHosts();
    expect(detection.element.nextElementSibling).toBe(host);
    expect(controllers[0]!.destroy).not.toHaveBeenCalled();
    host.remove();
    hosts.restoreRemovedHosts();
    expect(host.isConnected).toBe(false);
    expect(controllers[0]!.destroy).toHaveBeenCalled();
    expect(hosts.show(detection)).toBe(false);
    expect(hosts.show({ ...detection, value: 13000 })).toBe(false);
    expect(allHosts()).toHaveLength(0);
    expect(events.filter((event) => event.startsWith('mount'))).toHaveLength(1);
  });

  it('drops the host of a count that left the document', () => {
    const { hosts, controllers, events } = setup();
    const detection = count('12K followers', 12000);
    hosts.show(detection);
    detection.element.remove();
    hosts.restoreRemovedHosts();
    expect(allHosts()).toHaveLength(0);
    expect(controllers[0]!.destroy).toHaveBeenCalled();
    expect(events.at(-1)).toBe('removed');
  });

  it('leaves no empty host when a prompt fails to mount, and does not retry it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const mount = vi.fn(() => {
      throw new Error('broken prompt');
    });
    const hosts = hostsWith({ mount });
    const detection = count('12K followers', 12000);
    hosts.show(detection);
    hosts.show(detection);
    expect(allHosts()).toHaveLength(0);
    expect(mount).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('survives a prompt whose update or destroy throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const hosts = hostsWith({
      mount: () => ({
        update: () => {
          throw new Error('update failed');
        },
        destroy: () => {
          throw new Error('destroy failed');
        },
      }),
    });
    const detection = count('12K followers', 12000);
    hosts.show(detection);
    expect(() => hosts.show({ ...detection, value: 1 })).not.toThrow();
    expect(allHosts()[0]!.dataset.value).toBe('1');
    expect(() => hosts.clear()).not.toThrow();
    expect(allHosts()).toHaveLength(0);
    warn.mockRestore();
  });

  it('clears every host and destroys every prompt', () => {
    const { hosts, controllers } = setup();
    hosts.show(count('1 follower', 1));
    hosts.show(count('2 followers', 2));
    hosts.clear();
    expect(allHosts()).toHaveLength(0);
    expect(hosts.size).toBe(0);
    expect(controllers.every((controller) => controller.destroy.mock.calls.length === 1)).toBe(true);
  });
});

describe("a page that claims the host's tag", () => {
  /** A page of its own (happy-dom's Window), where the page script defines `running-for-prompt` first. */
  function claimedPage(constructor: (element: HTMLElement) => void) {
    const win = new Window({ url: 'https://x.com/jane' });
    const doc = win.document as unknown as Document;
    const Base = win.HTMLElement as unknown as typeof HTMLElement;
    win.customElements.define(
      PROMPT_TAG,
      class extends Base {
        constructor() {
          super();
          constructor(this);
        }
      } as unknown as Parameters<typeof win.customElements.define>[1],
    );
    const element = doc.createElement('a');
    element.textContent = '12K followers';
    doc.body.append(element);
    const detection: Detection = {
      element,
      site: 'x',
      metric: 'followers',
      value: 12000,
      approximate: false,
      own: false,
      text: '12K followers',
      via: 'hook',
    };
    return { win, doc, detection };
  }

  it("gets no host and no prompt at all, and none later (a root attached there would be the page's)", () => {
    const internals: ElementInternals[] = [];
    const { doc, detection, win } = claimedPage((element) => internals.push(element.attachInternals()));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { hosts, events } = setup();
    expect(hosts.show(detection)).toBe(false);
    expect(hosts.show(detection)).toBe(false);
    expect(doc.querySelectorAll(PROMPT_TAG)).toHaveLength(0);
    expect(events).toEqual([]);
    expect(internals.every((one) => one.shadowRoot === null)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    // The rest of the page is untouched, and counts elsewhere on it get nothing either.
    expect(doc.body.children).toHaveLength(1);
    void win.happyDOM.close();
  });

  it('a constructor of the page that throws is a claim too, never an exception', () => {
    const { doc, detection, win } = claimedPage(() => {
      throw new Error('not yours');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { hosts, events } = setup();
    expect(() => hosts.show(detection)).not.toThrow();
    expect(doc.querySelectorAll(PROMPT_TAG)).toHaveLength(0);
    expect(events).toEqual([]);
    void win.happyDOM.close();
  });
});

describe('where a host goes', () => {
  const count = (parentStyle: string, countStyle = '') => {
    const parent = document.createElement('div');
    parent.setAttribute('style', parentStyle);
    const link = document.createElement('a');
    link.setAttribute('style', countStyle);
    link.textContent = '12.3K Followers';
    const after = document.createElement('span');
    parent.append(link, after);
    document.body.replaceChildren(parent);
    return { parent, link, after };
  };

  it('goes right after the count in ordinary flow and in a flex row', () => {
    for (const style of ['display: block', 'display: flex; flex-direction: row']) {
      const { parent, after } = count(style);
      expect(spotFor(parent.firstElementChild!)).toEqual({ parent, before: after, inside: false });
    }
  });

  it('goes inside the count where a sibling would become a row or cell of its own (RNW columns, grids)', () => {
    for (const style of ['display: flex; flex-direction: column', 'display: grid']) {
      const { link } = count(style, 'display: inline');
      expect(spotFor(link)).toEqual({ parent: link, before: null, inside: true });
    }
  });

  it('stays a sibling when the count itself stacks its content', () => {
    const { parent, link, after } = count('display: grid', 'display: flex; flex-direction: column');
    expect(spotFor(link)).toEqual({ parent, before: after, inside: false });
  });
});

describe('placement from memory', () => {
  beforeEach(() => document.body.replaceChildren());

  /** A count link in a parent of class `row`; `column` makes the row a column flex box through a page rule. */
  function rowCount(value: number, container: Element): Detection {
    const row = document.createElement('div');
    row.className = 'row';
    const element = document.createElement('a');
    element.className = 'count';
    element.setAttribute('href', '/jane/followers');
    element.textContent = `${value} Followers`;
    row.append(element, document.createElement('span'));
    container.append(row);
    return { element, site: 'x', metric: 'followers', value, approximate: false, own: false, text: element.textContent, via: 'hook' };
  }

  function setupWithLater() {
    const checks: (() => void)[] = [];
    const controllers: { look?: unknown; restyle: ReturnType<typeof vi.fn> }[] = [];
    const hosts = hostsWith({
      mount(_host, _detection, look) {
        const controller = { update: vi.fn(), destroy: vi.fn(), restyle: vi.fn(), look };
        controllers.push(controller);
        return controller;
      },
      later: (callback) => {
        checks.push(callback);
        return () => checks.splice(checks.indexOf(callback), 1);
      },
    });
    const runChecks = () => checks.splice(0).forEach((check) => check());
    return { hosts, controllers, checks, runChecks };
  }

  it('places a count of a known shape without reading styles, then checks the theme and spot when idle', () => {
    const page = document.createElement('div');
    page.setAttribute('style', 'background-color: rgb(255, 255, 255)');
    document.body.append(page);
    const { hosts, controllers, checks, runChecks } = setupWithLater();
    const first = rowCount(1, page);
    hosts.reconcile([first], 'page');
    expect(controllers[0]!.look).toEqual({ theme: 'light' });
    // Measured at once: nothing to check later.
    expect(checks).toHaveLength(0);

    // The site turns dark, then a second count of the same shape arrives.
    page.setAttribute('style', 'background-color: rgb(15, 15, 15)');
    const second = rowCount(2, page);
    const reads = vi.spyOn(window, 'getComputedStyle');
    hosts.reconcile([first, second], new Set([second.element.parentNode!]));
    expect(reads).not.toHaveBeenCalled();
    expect(controllers[1]!.look).toEqual({ theme: 'light' });
    expect(hosts.hostOf(second.element)!.previousSibling).toBe(second.element);
    expect(checks).toHaveLength(1);
    runChecks();
    expect(reads).toHaveBeenCalled();
    expect(controllers[1]!.restyle).toHaveBeenCalledWith({ theme: 'dark' });
    reads.mockRestore();
  });

  it('moves a host the page styles differently from its remembered shape, and learns it', () => {
    const sheet = document.createElement('style');
    sheet.textContent = '.column .row { display: flex; flex-direction: column; }';
    document.head.append(sheet);
    const column = document.createElement('div');
    column.className = 'column';
    const flow = document.createElement('div');
    document.body.append(column, flow);
    const { hosts, runChecks } = setupWithLater();
    const inColumn = rowCount(1, column);
    hosts.reconcile([inColumn], 'page');
    // Measured: inside the count, since a sibling would be a row of its own.
    expect(hosts.hostOf(inColumn.element)!.parentNode).toBe(inColumn.element);
    // Same shape in ordinary flow: placed inside from memory, then moved beside the count.
    const inFlow = rowCount(2, flow);
    hosts.reconcile([inColumn, inFlow], new Set([flow]));
    expect(hosts.hostOf(inFlow.element)!.parentNode).toBe(inFlow.element);
    runChecks();
    expect(hosts.hostOf(inFlow.element)!.previousSibling).toBe(inFlow.element);
    // The next one of that shape is placed the way the page last answered.
    const next = rowCount(3, flow);
    hosts.reconcile([inColumn, inFlow, next], new Set([flow]));
    expect(hosts.hostOf(next.element)!.previousSibling).toBe(next.element);
    sheet.remove();
  });

  it('trusts a shape after SHAPE_CHECKS agreeing checks, then reads only the page background until it changes', () => {
    document.body.setAttribute('style', 'background-color: rgb(255, 255, 255)');
    const { hosts, controllers, checks, runChecks } = setupWithLater();
    const counts = [rowCount(0, document.body)];
    hosts.reconcile(counts, 'page');
    for (let i = 1; i <= SHAPE_CHECKS; i++) {
      counts.push(rowCount(i, document.body));
      hosts.reconcile(counts, 'page');
      runChecks();
    }
    const reads = vi.spyOn(window, 'getComputedStyle');
    counts.push(rowCount(99, document.body));
    hosts.reconcile(counts, 'page');
    // The page's background was read a moment ago: no check at all.
    expect(checks).toHaveLength(0);
    expect(reads).not.toHaveBeenCalled();
    vi.useFakeTimers({ now: Date.now() + PAGE_THEME_EVERY_MS, toFake: ['Date'] });
    counts.push(rowCount(100, document.body));
    hosts.reconcile(counts, 'page');
    expect(reads).not.toHaveBeenCalled();
    runChecks();
    expect(reads.mock.calls.map(([element]) => (element as Element).localName)).toEqual(['body']);
    // The site switches to dark: the next count still comes from memory (light), and the check that
    // notices the page's new background checks it in full and restyles it.
    vi.setSystemTime(Date.now() + PAGE_THEME_EVERY_MS);
    document.body.setAttribute('style', 'background-color: rgb(15, 15, 15)');
    counts.push(rowCount(101, document.body));
    hosts.reconcile(counts, 'page');
    expect(controllers.at(-1)!.look).toEqual({ theme: 'light' });
    runChecks();
    expect(controllers.at(-1)!.restyle).toHaveBeenCalledWith({ theme: 'dark' });
    vi.useRealTimers();
    document.body.removeAttribute('style');
  });
});

describe('spare prompts', () => {
  beforeEach(() => document.body.replaceChildren());

  it('gives the prompt of a count that went to the next count, as new; destroys what cannot be reused', () => {
    let mounts = 0;
    const controllers: {
      update: ReturnType<typeof vi.fn>;
      destroy: ReturnType<typeof vi.fn>;
      restyle: ReturnType<typeof vi.fn>;
      recycle: ReturnType<typeof vi.fn>;
    }[] = [];
    const events: string[] = [];
    const hosts = hostsWith({
      mount() {
        mounts++;
        const controller = { update: vi.fn(), destroy: vi.fn(), restyle: vi.fn(), recycle: vi.fn(() => true) };
        controllers.push(controller);
        return controller;
      },
      onAdded: (_host, detection) => events.push(`added ${detection.value}`),
      onRemoved: () => events.push('removed'),
      later: () => () => {},
    });
    const first = count('1K followers', 1000);
    hosts.reconcile([first], 'page');
    const host = hosts.hostOf(first.element)!;
    first.element.remove();
    hosts.reconcile([], 'page');
    expect(host.isConnected).toBe(false);
    expect(controllers[0]!.destroy).not.toHaveBeenCalled();

    const second = count('2K followers', 2000);
    hosts.reconcile([second], 'page');
    expect(mounts).toBe(1);
    expect(hosts.hostOf(second.element)).toBe(host);
    expect(host.previousSibling).toBe(second.element);
    expect(host.dataset.value).toBe('2000');
    expect(controllers[0]!.update).toHaveBeenCalledWith(second);
    expect(events).toEqual(['added 1000', 'removed', 'added 2000']);

    // A prompt that says it cannot be reused (it was opened) is destroyed, and the next count gets a new one.
    controllers[0]!.recycle.mockReturnValue(false);
    second.element.remove();
    hosts.reconcile([], 'page');
    expect(controllers[0]!.destroy).toHaveBeenCalled();
    hosts.reconcile([count('3K followers', 3000)], 'page');
    expect(mounts).toBe(2);

    // Spares are destroyed with everything else.
    const last = document.querySelector('a:last-of-type')!;
    last.remove();
    hosts.reconcile([], 'page');
    expect(controllers[1]!.destroy).not.toHaveBeenCalled();
    hosts.clear();
    expect(controllers[1]!.destroy).toHaveBeenCalled();
  });
});
