/** @vitest-environment happy-dom */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MountPrompt, PromptController, PromptEnvironment, PromptLook } from '../../utils/live/prompt-contract';
import { detect } from '../../utils/detection/detect';
import { adapterFor } from '../../utils/sites';
import {
  BULK_NODES,
  nearPrompt,
  rootsOf,
  SMALL_ROOT_ELEMENTS,
  startLiveDetector,
  startLiveLayer,
  type LiveDetectorOptions,
} from './live-registry';
import { metricModesItem, readSiteSettings, siteModesItem, siteStateOf, snoozesItem } from '../../utils/settings/items';
import { promptModeOf } from '../../utils/live/layer';
import type { Detection } from '../../utils/sites/types';
import type { ActivityOptions } from '../../utils/live/activity';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseWith, type ExpectedDetection } from './fixture-dom';

/**
 * Every fixture page (fixture-dom's fixtureCases resolves paths from import.meta.url, which is not a
 * file URL under happy-dom, so they are read from the project folder here).
 */
function fixturePages() {
  const dir = resolve('tests/fixtures');
  return readdirSync(dir).flatMap((site) => {
    const expectedFile = join(dir, site, 'expected.json');
    if (!existsSync(expectedFile)) return [];
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<
      string,
      { url: string; lang?: string; expect: ExpectedDetection[] }
    >;
    return Object.entries(expected).map(([file, spec]) => ({ site, file, ...spec, html: readFileSync(join(dir, site, file), 'utf8') }));
  });
}

/** Lets queued MutationObserver callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A scheduler whose callbacks run only when the test says so (frames, idle time). */
function manualScheduler() {
  const queue = new Set<() => void>();
  return {
    schedule: (callback: () => void) => {
      queue.add(callback);
      return () => void queue.delete(callback);
    },
    get pending() {
      return queue.size;
    },
    run() {
      const callbacks = Array.from(queue);
      queue.clear();
      for (const callback of callbacks) callback();
    },
  };
}

/** WXT's context, reduced to what the live layer uses: many listeners, one invalidation. */
function fakeContext() {
  const listeners = new Set<() => void>();
  return {
    onInvalidated(callback: () => void) {
      listeners.add(callback);
      return () => void listeners.delete(callback);
    },
    invalidate() {
      for (const callback of Array.from(listeners)) callback();
      listeners.clear();
    },
    get listeners() {
      return listeners.size;
    },
  };
}

/** A fake prompt: records what the live layer asked of it. */
function fakeMount() {
  const mounted: {
    host: HTMLElement;
    detection: Detection;
    env?: PromptEnvironment;
    look?: PromptLook;
    controller: PromptController & { updates: Detection[]; destroyed: boolean };
  }[] = [];
  // Stands in for both the detector's hook (host, detection, look) and mountPrompt (host, detection, env, look).
  const mount = (host: HTMLElement, detection: Detection, third?: PromptEnvironment | PromptLook, fourth?: PromptLook) => {
    const env = third && 'mode' in third ? third : undefined;
    const look = fourth ?? (third && 'theme' in third ? third : undefined);
    const controller = {
      updates: [] as Detection[],
      destroyed: false,
      update(next: Detection) {
        this.updates.push(next);
      },
      destroy() {
        this.destroyed = true;
      },
    };
    mounted.push({ host, detection, env, look, controller });
    return controller;
  };
  return { mounted, mount };
}

/** An X profile header: two counts in the primary column. */
function xHeader(handle: string, following: string, followers: string): HTMLElement {
  const column = document.createElement('div');
  column.dataset.testid = 'primaryColumn';
  const row = document.createElement('div');
  for (const [suffix, number, label] of [
    ['following', following, 'Following'],
    ['verified_followers', followers, 'Followers'],
  ] as const) {
    const link = document.createElement('a');
    link.setAttribute('href', `/${handle}/${suffix}`);
    const numberSpan = document.createElement('span');
    const inner = document.createElement('span');
    inner.textContent = number;
    numberSpan.append(inner);
    const labelSpan = document.createElement('span');
    labelSpan.textContent = label;
    link.append(numberSpan, ' ', labelSpan);
    row.append(link);
  }
  column.append(row);
  return column;
}

const hosts = () => Array.from(document.querySelectorAll('running-for-prompt')) as HTMLElement[];
const link = (href: string) => document.querySelector(`a[href="${href}"]`)!;
const numberText = (href: string) => link(href).querySelector('span > span')!.firstChild as Text;

/** A large, count-free block, so changes under it are not "small". */
function timeline(): HTMLElement {
  const list = document.createElement('section');
  for (let i = 0; i < SMALL_ROOT_ELEMENTS; i++) list.append(document.createElement('div'));
  return list;
}

describe('live detector', () => {
  let ctx = fakeContext();
  const invalidate = () => ctx.invalidate();
  let url = 'https://x.com/jane';
  let frames: ReturnType<typeof manualScheduler>;
  let idle: ReturnType<typeof manualScheduler>;
  let detectCalls: { root: ParentNode; url: string }[];
  let prompts: ReturnType<typeof fakeMount>;

  const start = (options: Partial<LiveDetectorOptions> = {}) =>
    startLiveDetector(ctx, {
      mount: prompts.mount,
      location: () => url,
      frame: frames.schedule,
      idle: idle.schedule,
      detect: (root, at, lang) => {
        detectCalls.push({ root, url: String(at) });
        return detect(root, at, lang);
      },
      ...options,
    });

  beforeEach(() => {
    invalidate();
    ctx = fakeContext();
    document.documentElement.setAttribute('lang', 'en');
    document.body.replaceChildren();
    url = 'https://x.com/jane';
    frames = manualScheduler();
    idle = manualScheduler();
    detectCalls = [];
    prompts = fakeMount();
  });
  afterEach(() => invalidate());

  it('scans the page once at start and puts one host after each count, with the contract data', () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    start();
    expect(detectCalls).toEqual([{ root: document, url: 'https://x.com/jane' }]);
    expect(hosts().map((host) => ({ ...host.dataset, after: host.previousElementSibling?.getAttribute('href') }))).toEqual([
      { site: 'x', metric: 'following', value: '75', own: 'false', after: '/jane/following' },
      { site: 'x', metric: 'followers', value: '12300', own: 'false', after: '/jane/verified_followers' },
    ]);
    expect(prompts.mounted.map((item) => item.host)).toEqual(hosts());
  });

  it('puts hosts beside the counts `prompts` lets through only; every pass still reports every count found', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    const passes: string[][] = [];
    const detected: string[][] = [];
    start({
      prompts: (detection) => detection.metric !== 'following',
      onPass: (detections) => passes.push(detections.map((d) => d.metric)),
      onDetected: (detections) => detected.push(detections.map((d) => d.metric)),
    });
    expect(hosts().map((host) => host.dataset.metric)).toEqual(['followers']);
    expect(passes).toEqual([['following', 'followers']]);
    expect(detected).toEqual([['followers']]);
    numberText('/jane/following').data = '76';
    await settle();
    frames.run();
    expect(passes).toHaveLength(2);
    expect(passes.at(-1)).toContain('following');
    expect(hosts().map((host) => host.dataset.metric)).toEqual(['followers']);
    expect(detected.flat()).not.toContain('following');
  });

  it('batches many mutations into one detection pass per frame, over the changed roots only', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'), timeline());
    start();
    detectCalls = [];
    for (let i = 0; i < 100; i++) numberText('/jane/verified_followers').data = `12.${i % 10}K`;
    const list = document.querySelector('section')!;
    for (let i = 0; i < 50; i++) list.append(document.createElement('article'));
    await settle();
    expect(frames.pending).toBe(1);
    expect(detectCalls).toHaveLength(0);
    frames.run();
    // One root for the header change (climbed to the small header), one per added subtree under the
    // large list: never the document, never once per mutation.
    const roots = detectCalls.map((call) => call.root);
    expect(roots).not.toContain(document);
    expect(roots.filter((root) => (root as Element).localName === 'article')).toHaveLength(50);
    const headerRoots = roots.filter((root) => (root as Element).contains(link('/jane/verified_followers')));
    expect(headerRoots).toHaveLength(1);
    expect(frames.pending).toBe(0);
    expect(hosts().find((host) => host.dataset.metric === 'followers')?.dataset.value).toBe('12900');
  });

  // Both DOMs: happy-dom ignores complex `:not()` (X's count-link query then matches more, and the adapter's
  // own check decides), linkedom applies it as browsers do.
  it.each(['happy-dom', 'linkedom'] as const)(
    'detects in a partial root exactly what a full scan finds there, on every fixture page (%s)',
    (dom) => {
      const key = (d: Detection) => `${d.metric}:${d.value}:${d.approximate}:${d.own}`;
      let checked = 0;
      for (const fixture of fixturePages()) {
        const where = `${fixture.site}/${fixture.file}`;
        const doc = parseWith(dom, fixture.html, fixture.url);
        const full = new Map(detect(doc, fixture.url, fixture.lang).map((d) => [d.element, key(d)] as const));
        // A change inside a count (its number re-rendered): the root around it finds the same count.
        for (const [element, expected] of full) {
          const walker = doc.createTreeWalker(element, 4);
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            const roots = Array.from(rootsOf(new Set([text.parentNode!]), new Set()));
            const found = roots.flatMap((root) => detect(root, fixture.url, fixture.lang)).find((d) => d.element === element);
            expect(found && key(found), `${where}: ${element.textContent}`).toBe(expected);
            checked++;
          }
        }
        // Any element inserted: its root finds nothing a full scan would not, and every count inside it.
        for (const element of Array.from(doc.body.querySelectorAll('*'))) {
          for (const root of rootsOf(new Set(), new Set([element]))) {
            const found = new Map(detect(root, fixture.url, fixture.lang).map((d) => [d.element, key(d)] as const));
            for (const [counted, value] of found) expect(value, where).toBe(full.get(counted));
            // (Not on happy-dom: its querySelectorAll ignores ancestors above the root, so YouTube's
            // "yt-page-header-view-model … span" finds nothing from a root inside the header; browsers and
            // linkedom match selectors against the whole document, as the spec says.)
            if (dom === 'linkedom')
              for (const [counted, value] of full)
                if (root.contains(counted))
                  expect(found.get(counted), `${where}: ${counted.textContent} in <${root.localName}>`).toBe(value);
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
      // Every element of every fixture page is tried as an insertion: 20–40 s on two cores (linkedom), more
      // on a loaded machine. The limit only catches a hang.
    },
    240_000,
  );

  // A removal is looked at only near a count that keeps its prompt (nearPrompt), or — for adapters whose
  // counts stand in for one another (SiteAdapter.standIns) — when it took a prompted count with it. On
  // every fixture page, removing any node anywhere changes what a pass over its root (rootsOf) would find
  // only where the live layer looks. Whose profile it is (`own`) is read from page-wide marks (an "Edit
  // profile" button), which no partial pass follows, removal or not: it is left out here.
  /** Far from every count, removals are sampled: this many per page at most. */
  const SAMPLED_FAR_NODES = 150;

  it.each(['happy-dom', 'linkedom'] as const)(
    'a removal changes detection only where the live layer looks, on every fixture page (%s)',
    (dom) => {
      const key = (d: Detection) => `${d.metric}:${d.value}:${d.approximate}`;
      let removals = 0;
      let looked = 0;
      const misses: string[] = [];
      for (const fixture of fixturePages()) {
        const where = `${fixture.site}/${fixture.file}`;
        const doc = parseWith(dom, fixture.html, fixture.url);
        const standIns = adapterFor(new URL(fixture.url), doc).standIns === true;
        const before = new Map(detect(doc, fixture.url, fixture.lang).map((d) => [d.element, key(d)] as const));
        const prompted = Array.from(before.keys());
        const walker = doc.createTreeWalker(doc.body, 1 | 4);
        const all: Node[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) all.push(node);
        // Every node around a count (its fourth ancestor's subtree: its label, its stat row, its region),
        // and an even sample of the rest, so a real page of thousands of nodes stays a few hundred removals.
        const around = prompted.map((element) => {
          let up: Node = element;
          for (let level = 0; level < 4 && up.parentNode && up.parentNode !== doc.body; level++) up = up.parentNode;
          return up;
        });
        const near = (node: Node) => around.some((region) => region.contains(node));
        const far = all.filter((node) => !near(node));
        const stride = Math.max(1, Math.ceil(far.length / SAMPLED_FAR_NODES));
        const nodes = all.filter((node) => near(node) || far.indexOf(node) % stride === 0);
        for (const node of nodes) {
          const parent = node.parentNode!;
          const next = node.nextSibling;
          parent.removeChild(node);
          const after = new Map(detect(doc, fixture.url, fixture.lang).map((d) => [d.element, key(d)] as const));
          const roots = Array.from(rootsOf(new Set([parent]), new Set()));
          const differs = [...new Set([...before.keys(), ...after.keys()])].some(
            (element) => element.isConnected && before.get(element) !== after.get(element) && roots.some((root) => root.contains(element)),
          );
          // As the live layer decides it, after the removal: counts that went are not near anything.
          const looks = nearPrompt(prompted)(parent) || (standIns && prompted.some((element) => !element.isConnected));
          if (differs && !looks)
            misses.push(
              `${where}: removing <${node.nodeName}> "${node.textContent?.trim().slice(0, 30)}" from <${(parent as Element).localName}>`,
            );
          parent.insertBefore(node, next);
          removals++;
          if (looks) looked++;
        }
      }
      expect(misses).toEqual([]);
      expect(removals).toBeGreaterThan(1000);
      // Most removals on a page are far from any count: those cost no detection at all.
      expect(looked).toBeLessThan(removals / 2);
    },
    120_000,
  );

  /** X's shape: the header deep in the app's root, hovercards in a #layers beside it. */
  const xApp = () => {
    const app = document.body.appendChild(document.createElement('div'));
    app.appendChild(document.createElement('main')).append(xHeader('jane', '75', '12.3K'));
    return { app, layers: document.body.appendChild(document.createElement('div')) };
  };
  /** Let the observer see the changes, then run the frame's pass. */
  const nextPass = async () => {
    await settle();
    frames.run();
  };

  it('looks at a removal only near a prompted count: a hovercard closing beside another costs no detection', async () => {
    const { layers } = xApp();
    const card = (handle: string) => {
      const wrapper = document.createElement('div');
      const hovercard = wrapper.appendChild(document.createElement('div'));
      hovercard.dataset.testid = 'HoverCard';
      hovercard.append(xHeader(handle, '5', '1.2K'));
      return wrapper;
    };
    start({ immediate: true });
    const first = layers.appendChild(card('sam'));
    const second = layers.appendChild(card('kim'));
    await nextPass();
    expect(hosts()).toHaveLength(6);
    detectCalls = [];
    first.remove();
    await nextPass();
    expect(detectCalls).toHaveLength(0);
    expect(hosts()).toHaveLength(4);
    expect(second.querySelectorAll('running-for-prompt')).toHaveLength(2);
    // A label going from beside a prompted count is looked at (the count is read again).
    second.querySelector('a[href="/kim/following"] > span:last-child')!.remove();
    await nextPass();
    expect(detectCalls).toHaveLength(1);
    expect((detectCalls[0]!.root as Element).contains(second.querySelector('a[href="/kim/following"]'))).toBe(true);
  });

  it('reads around a removal that took a prompted count when the adapter has stand-ins', async () => {
    const { app, layers } = xApp();
    start({ immediate: true, standIns: true });
    const first = layers.appendChild(xHeader('sam', '5', '1.2K'));
    layers.appendChild(xHeader('kim', '6', '1.3K'));
    await nextPass();
    detectCalls = [];
    first.remove();
    await nextPass();
    expect(detectCalls).toHaveLength(1);
    expect(hosts()).toHaveLength(4);
    // A removal that took no prompted count, far from every count: still not looked at.
    const paragraph = app.appendChild(document.createElement('p'));
    await nextPass();
    detectCalls = [];
    paragraph.remove();
    await nextPass();
    expect(detectCalls).toHaveLength(0);
  });

  it('remembers containers found large, and keeps only the outermost of nested roots', () => {
    const list = timeline();
    document.body.append(list);
    const large = new WeakSet<Node>();
    const posts = Array.from({ length: 3 }, () => list.appendChild(document.createElement('article')));
    expect(Array.from(rootsOf(new Set([list]), new Set(posts), large))).toEqual(posts);
    expect(large.has(list)).toBe(true);
    // The next batch takes the list's size from memory: it is not counted again.
    const count = vi.spyOn(Element.prototype, 'getElementsByTagName');
    const later = list.appendChild(document.createElement('article'));
    expect(Array.from(rootsOf(new Set([list]), new Set([later]), large))).toEqual([later]);
    expect(count.mock.contexts).not.toContain(list);
    count.mockRestore();
    // A big added block and a change deep inside it: one root, the block.
    const block = list.appendChild(document.createElement('div'));
    for (let i = 0; i < SMALL_ROOT_ELEMENTS; i++) block.append(document.createElement('span'));
    const inner = block.lastElementChild!.appendChild(document.createElement('b'));
    expect(Array.from(rootsOf(new Set([inner]), new Set([block]), large))).toEqual([block]);
  });

  it('works out the adapter and the page type once per URL and language, not once per root', async () => {
    const { detectIn } = await import('./live-registry');
    const { x } = await import('../../utils/sites/x');
    const { mastodon } = await import('../../utils/sites/mastodon');
    const { generic } = await import('../../utils/sites/generic');
    let pageTests = 0;
    const counted = { ...x, pages: { profile: { ...x.pages.profile!, test: (url: URL) => (pageTests++, x.pages.profile!.test(url)) } } };
    document.body.append(xHeader('jane', '75', '12.3K'));
    const detectX = detectIn({ adapters: [counted] });
    for (let i = 0; i < 5; i++) expect(detectX(document.body, 'https://x.com/jane')).toHaveLength(2);
    expect(pageTests).toBe(1);
    detectX(document.body, 'https://x.com/sam');
    expect(pageTests).toBe(2);
    // A language switch without a navigation is a new context too.
    document.documentElement.setAttribute('lang', 'de');
    detectX(document.body, 'https://x.com/sam');
    expect(pageTests).toBe(3);
    document.documentElement.removeAttribute('lang');
    // The fallback adapter is not remembered: the page may turn out to be a Mastodon instance once it has loaded.
    document.body.replaceChildren();
    const detectAny = detectIn({ adapters: [mastodon], generic });
    expect(detectAny(document.body, 'https://social.example/@jane')).toEqual([]);
    document.body.classList.add('app-body');
    const header = document.createElement('div');
    header.className = 'account__header';
    const followers = document.createElement('a');
    followers.setAttribute('href', '/@jane/followers');
    const [number, label] = [document.createElement('span'), document.createElement('span')];
    number.textContent = '1.2K';
    label.textContent = 'Followers';
    followers.append(number, ' ', label);
    header.append(followers);
    document.body.append(header);
    expect(detectAny(document.body, 'https://social.example/@jane').map((d) => [d.site, d.value])).toEqual([['mastodon', 1200]]);
    document.body.classList.remove('app-body');
  });

  it('measures where each new host goes and the theme there before writing, and hands the theme to the prompt', () => {
    const page = document.createElement('div');
    page.style.backgroundColor = 'rgb(21, 32, 43)';
    page.append(xHeader('jane', '75', '12.3K'));
    document.body.append(page);
    start();
    expect(prompts.mounted.map((item) => item.look)).toEqual([{ theme: 'dark' }, { theme: 'dark' }]);
  });

  it('does not look inside quiet containers: timeline rows come and go without a pass', async () => {
    const { x } = await import('../../utils/sites/x');
    document.body.append(xHeader('jane', '75', '12.3K'), timeline());
    start({ quiet: x.quiet, immediate: true });
    detectCalls = [];
    const list = document.querySelector('section')!;
    const row = () => {
      const cell = document.createElement('div');
      cell.dataset.testid = 'cellInnerDiv';
      // Even a profile's count links inside a row are not counts there (a full scan agrees).
      cell.append(xHeader('sam', '1', '2K'));
      return cell;
    };
    const rows = Array.from({ length: 20 }, row);
    list.append(...rows);
    await settle();
    rows[0]!.remove();
    (rows[1]!.querySelector('a span span')!.firstChild as Text).data = '3K';
    await settle();
    expect(frames.pending).toBe(0);
    expect(detectCalls).toHaveLength(0);
    expect(hosts()).toHaveLength(2);
    expect(detect(document, url).filter((d) => rows.some((r) => r.contains(d.element)))).toEqual([]);
    // Outside the rows, changes are looked at as before.
    numberText('/jane/verified_followers').data = '12.4K';
    await settle();
    expect(detectCalls).toHaveLength(1);
    expect(hosts().find((host) => host.dataset.metric === 'followers')?.dataset.value).toBe('12400');
  });

  it('updates the host and the prompt when a count changes in place', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    start();
    const followers = prompts.mounted[1]!;
    numberText('/jane/verified_followers').data = '12.4K';
    await settle();
    frames.run();
    expect(hosts()).toHaveLength(2);
    expect(followers.host.dataset.value).toBe('12400');
    expect(followers.controller.updates.map((d) => d.value)).toEqual([12400]);
    expect(prompts.mounted).toHaveLength(2);
    // Re-rendered by replacing the text node rather than editing it: same result.
    link('/jane/verified_followers').querySelector('span > span')!.replaceChildren('12.5K');
    await settle();
    frames.run();
    expect(followers.host.dataset.value).toBe('12500');
    expect(prompts.mounted).toHaveLength(2);
  });

  it('removes the host and destroys the prompt when the count is detached or stops being a count', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    start();
    const [following, followers] = prompts.mounted;
    link('/jane/following').remove();
    await settle();
    frames.run();
    expect(following!.controller.destroyed).toBe(true);
    expect(following!.host.isConnected).toBe(false);
    numberText('/jane/verified_followers').data = '—';
    await settle();
    frames.run();
    expect(followers!.controller.destroyed).toBe(true);
    expect(hosts()).toHaveLength(0);
  });

  it('ignores its own hosts: placing them schedules no pass', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    start();
    await settle();
    expect(frames.pending).toBe(0);
  });

  it('in immediate mode, prompts the first small change of a frame before the page paints; later ones wait a frame', async () => {
    start({ immediate: true });
    document.body.append(xHeader('jane', '75', '12.3K'));
    await settle(); // the MutationObserver callback (a microtask): no frame has run
    expect(hosts()).toHaveLength(2);
    // A second change in the same frame: at most one pass per frame, so it waits for the frame after.
    numberText('/jane/following').data = '76';
    await settle();
    expect(hosts()[0]?.dataset.value).toBe('75');
    frames.run(); // the end of this frame: clears the flag, queues the pass for the next frame
    frames.run(); // the next frame
    expect(hosts()[0]?.dataset.value).toBe('76');
  });

  it('never duplicates a prompt: rescans, a host left by an earlier instance, a re-rendered count', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    const detector = start();
    for (let i = 0; i < 5; i++) detector.scan();
    expect(hosts()).toHaveLength(2);
    expect(prompts.mounted).toHaveLength(2);
    detector.stop();

    // A host an earlier content script left behind (its cleanup never ran) is replaced, not doubled.
    const stale = document.createElement('running-for-prompt');
    link('/jane/following').after(stale);
    start();
    expect(hosts()).toHaveLength(2);
    expect(stale.isConnected).toBe(false);

    // The site re-renders the count as a new element in the same spot: the host beside it is reused.
    const old = link('/jane/verified_followers');
    const fresh = old.cloneNode(true) as Element;
    (fresh.querySelector('span > span')!.firstChild as Text).data = '12.4K';
    const host = old.nextElementSibling as HTMLElement;
    old.replaceWith(fresh);
    await settle();
    frames.run();
    expect(hosts()).toHaveLength(2);
    expect(fresh.nextElementSibling).toBe(host);
    expect(host.dataset.value).toBe('12400');
    const reused = prompts.mounted.find((item) => item.host === host)!;
    expect(reused.controller.updates.map((d) => d.value)).toEqual([12400]);
  });

  it('looks the hosts over for one to put back only after the site removed one', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    const detector = start();
    const restore = vi.spyOn(detector.hosts, 'restoreRemovedHosts');
    numberText('/jane/verified_followers').data = '12.4K';
    await settle();
    frames.run();
    expect(restore).not.toHaveBeenCalled();
    link('/jane/following').nextElementSibling!.remove();
    await settle();
    frames.run();
    expect(restore).toHaveBeenCalledTimes(1);
    expect(hosts()).toHaveLength(2);
  });

  it('puts a host the site removed back once, then leaves that count alone', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    start();
    const host = link('/jane/following').nextElementSibling!;
    host.remove();
    await settle();
    frames.run();
    expect(link('/jane/following').nextElementSibling).toBe(host);
    expect(prompts.mounted).toHaveLength(2);

    host.remove();
    await settle();
    frames.run();
    expect(host.isConnected).toBe(false);
    expect(prompts.mounted[0]!.controller.destroyed).toBe(true);
    // Later changes to that count, or full rescans, never bring it back.
    numberText('/jane/following').data = '76';
    await settle();
    frames.run();
    expect(hosts().map((h) => h.dataset.metric)).toEqual(['followers']);
    expect(prompts.mounted).toHaveLength(2);
  });

  it('answers a bulk insertion with one deferred full rescan, not per-node work', async () => {
    document.body.append(timeline());
    start();
    detectCalls = [];
    const list = document.querySelector('section')!;
    const items = Array.from({ length: BULK_NODES + 500 }, (_, i) => {
      const item = document.createElement('article');
      item.textContent = `post ${i}`;
      return item;
    });
    list.append(...items);
    // Meanwhile a real count appears: the rescan finds it.
    document.body.append(xHeader('jane', '75', '12.3K'));
    await settle();
    frames.run();
    expect(detectCalls).toHaveLength(0);
    expect(idle.pending).toBe(1);
    idle.run();
    expect(detectCalls).toEqual([{ root: document, url: 'https://x.com/jane' }]);
    expect(hosts()).toHaveLength(2);
  });

  it('re-evaluates the whole page after a single-page navigation', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    const navigations: string[] = [];
    start({ onNavigate: (to) => navigations.push(to) });
    const [following] = prompts.mounted;
    // pushState to a page type with no counts (a status page), then the header is kept: its hosts go.
    url = 'https://x.com/jane/status/1790000000000000000';
    document.body.append(document.createElement('div'));
    await settle();
    detectCalls = [];
    frames.run();
    expect(navigations).toEqual([url]);
    expect(detectCalls).toEqual([{ root: document, url }]);
    expect(following!.controller.destroyed).toBe(false);

    // A new profile replaces the header.
    url = 'https://x.com/sam';
    document.body.replaceChildren(xHeader('sam', '10', '20'));
    await settle();
    frames.run();
    expect(navigations).toEqual(['https://x.com/jane/status/1790000000000000000', url]);
    expect(hosts().map((h) => h.dataset.value)).toEqual(['10', '20']);
    expect(following!.controller.destroyed).toBe(true);

    // Back button without a DOM change: popstate alone triggers the check.
    url = 'https://x.com/sam/media';
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(frames.pending).toBe(1);
    frames.run();
    expect(navigations.at(-1)).toBe(url);
  });

  describe('an orphan (the extension updated, disabled or removed, the script still in the page)', () => {
    // WXT's own context: `isInvalid` reads `browser.runtime.id`, which the browser takes away.
    let wxt: ContentScriptContext;
    const { id } = fakeBrowser.runtime;
    const orphan = () => void Object.assign(fakeBrowser.runtime, { id: undefined });
    beforeEach(() => {
      wxt = new ContentScriptContext('live', { noScriptStartedPostMessage: true });
    });
    afterEach(() => {
      wxt.abort();
      Object.assign(fakeBrowser.runtime, { id });
    });

    it('stops at its next pass: prompts removed, observer and listeners gone', async () => {
      document.body.append(xHeader('jane', '75', '12.3K'));
      const removeListener = vi.spyOn(window, 'removeEventListener');
      const detector = startLiveDetector(wxt, {
        mount: prompts.mount,
        location: () => url,
        frame: frames.schedule,
        idle: idle.schedule,
        detect,
      });
      expect(hosts()).toHaveLength(2);
      orphan();
      numberText('/jane/following').data = '76';
      await settle();
      frames.run();
      expect(wxt.signal.aborted).toBe(true);
      expect(hosts()).toHaveLength(0);
      expect(prompts.mounted.every((item) => item.controller.destroyed)).toBe(true);
      expect(removeListener.mock.calls.map(([type]) => type)).toEqual(
        expect.arrayContaining(['popstate', 'pointerdown', 'visibilitychange']),
      );
      numberText('/jane/following').data = '77';
      await settle();
      expect(frames.pending).toBe(0);
      expect(detector.scan()).toEqual([]);
    });

    it.each([
      ['the user points at the page', () => window.dispatchEvent(new Event('pointerdown'))],
      ['the page becomes visible again', () => document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))],
    ])('on a page that does not change, stops when %s', (_when, event) => {
      document.body.append(xHeader('jane', '75', '12.3K'));
      startLiveDetector(wxt, { mount: prompts.mount, location: () => url, frame: frames.schedule, idle: idle.schedule, detect });
      event();
      expect(hosts()).toHaveLength(2);
      orphan();
      event();
      expect(hosts()).toHaveLength(0);
      expect(frames.pending).toBe(0);
    });

    it('a newer copy of the script starting in the page stops it first: one set of prompts, never two', () => {
      document.body.append(xHeader('jane', '75', '12.3K'));
      const old = startLiveDetector(wxt, {
        mount: prompts.mount,
        location: () => url,
        frame: frames.schedule,
        idle: idle.schedule,
        detect,
      });
      const oldHosts = hosts();
      // WXT's start event on the document (the page cannot hear it without knowing the extension's id).
      const newer = new ContentScriptContext('live', { noScriptStartedPostMessage: true });
      expect(wxt.signal.aborted).toBe(true);
      expect(old.hosts.size).toBe(0);
      startLiveDetector(newer, { mount: prompts.mount, location: () => url, frame: frames.schedule, idle: idle.schedule, detect });
      expect(hosts()).toHaveLength(2);
      expect(hosts().some((host) => oldHosts.includes(host))).toBe(false);
      newer.abort();
    });
  });

  it('stops everything when the extension context is invalidated', async () => {
    document.body.append(xHeader('jane', '75', '12.3K'));
    const removeListener = vi.spyOn(window, 'removeEventListener');
    start();
    numberText('/jane/following').data = '76';
    await settle();
    expect(frames.pending).toBe(1);
    invalidate();
    expect(frames.pending).toBe(0);
    expect(hosts()).toHaveLength(0);
    expect(prompts.mounted.every((item) => item.controller.destroyed)).toBe(true);
    expect(removeListener).toHaveBeenCalledWith('popstate', expect.any(Function));
    // The observer is gone: further changes schedule nothing.
    numberText('/jane/following').data = '77';
    document.body.append(xHeader('sam', '1', '2'));
    await settle();
    expect(frames.pending).toBe(0);
    expect(hosts()).toHaveLength(0);
  });
});

describe('live layer and settings', () => {
  let ctx = fakeContext();
  const invalidate = () => ctx.invalidate();
  let prompts: ReturnType<typeof fakeMount>;
  let sent: unknown[];

  const start = (now = () => new Date(), url = 'https://x.com/sam') =>
    startLiveLayer(ctx, {
      mount: prompts.mount as MountPrompt,
      send: (async (message: unknown) => {
        sent.push(message);
        return { ok: true };
      }) as never,
      now,
      // What the background answers a page (`settings/site`) and when it tells the page to ask again.
      settings: async (siteId) => siteStateOf(await readSiteSettings(), siteId, new Date()),
      watchSettings(onChange) {
        const unwatch = [siteModesItem.watch(onChange), metricModesItem.watch(onChange), snoozesItem.watch(onChange)];
        return () => unwatch.forEach((stop) => stop());
      },
      location: () => url,
      detector: { frame: (callback) => (callback(), () => {}), idle: (callback) => (callback(), () => {}) },
      activity: { every: () => () => {}, IntersectionObserver: undefined },
    });

  beforeEach(() => {
    fakeBrowser.reset();
    invalidate();
    ctx = fakeContext();
    document.body.replaceChildren(xHeader('sam', '75', '12.3K'));
    prompts = fakeMount();
    sent = [];
  });
  afterEach(() => {
    invalidate();
    vi.useRealTimers();
  });

  it('prepares in tasks of their own, then scans: the start is a few short tasks, not one long one', async () => {
    const order: string[] = [];
    const layer = startLiveLayer(ctx, {
      mount: prompts.mount as MountPrompt,
      send: (async () => ({ ok: true })) as never,
      now: () => new Date(),
      settings: async () => {
        order.push('settings read');
        return { mode: 'reframe', metrics: {}, snoozedUntil: null };
      },
      watchSettings: () => () => {},
      location: () => 'https://x.com/sam',
      prepare: [(doc) => order.push(`prepare ${doc === document}`), () => order.push('prepare more')],
      detector: { frame: (callback) => (callback(), () => {}), detect: () => (order.push('scan'), []) },
      activity: { every: () => () => {}, IntersectionObserver: undefined },
    });
    // Nothing heavy in the script's own task.
    expect(order).toEqual(['settings read']);
    await Promise.resolve();
    expect(order).not.toContain('prepare true');
    await layer.ready;
    expect(order).toEqual(['settings read', 'prepare true', 'prepare more', 'scan']);
    layer.stop();
  });

  it('mounts prompts with the environment of a site in reframe or hide mode', async () => {
    await siteModesItem.setValue({ x: 'hide' });
    const layer = start();
    await layer.ready;
    expect(hosts()).toHaveLength(2);
    expect(prompts.mounted.map((item) => item.env?.mode)).toEqual(['hide', 'hide']);
    // Switching to reframe mounts the prompts again with the new mode.
    await siteModesItem.setValue({ x: 'reframe' });
    await vi.waitFor(() => expect(prompts.mounted.at(-1)?.env?.mode).toBe('reframe'));
    expect(hosts()).toHaveLength(2);
  });

  it('decides per count by its metric’s mode: its own, else the site’s', () => {
    const settings = { mode: 'hide' as const, metrics: { following: 'reframe' as const, friends: 'off' as const } };
    expect(promptModeOf(settings, { metric: 'followers' })).toBe('hide');
    expect(promptModeOf(settings, { metric: 'following' })).toBe('reframe');
    expect(promptModeOf(settings, { metric: 'friends' })).toBe('off');
    expect(promptModeOf({ mode: 'off', metrics: { karma: 'hide' } }, { metric: 'karma' })).toBe('hide');
    expect(promptModeOf({ mode: 'off', metrics: { karma: 'hide' } }, { metric: 'followers' })).toBe('off');
  });

  it('hides one metric and reframes another on the same page: each prompt gets its metric’s environment', async () => {
    await metricModesItem.setValue({ x: { followers: 'hide' } });
    const layer = start();
    await layer.ready;
    expect(hosts().map((host) => host.dataset.metric)).toEqual(['following', 'followers']);
    expect(prompts.mounted.map((item) => [item.detection.metric, item.env?.mode])).toEqual([
      ['following', 'reframe'],
      ['followers', 'hide'],
    ]);
    // The site hidden, following taken out of it: the environments follow without a reload.
    await siteModesItem.setValue({ x: 'hide' });
    await metricModesItem.setValue({ x: { following: 'reframe' } });
    await vi.waitFor(() =>
      expect(prompts.mounted.slice(-2).map((item) => [item.detection.metric, item.env?.mode])).toEqual([
        ['following', 'reframe'],
        ['followers', 'hide'],
      ]),
    );
    expect(hosts()).toHaveLength(2);
    layer.stop();
  });

  it('gives a metric that is off no prompt, and does not count it as seen; the others keep theirs', async () => {
    await metricModesItem.setValue({ x: { following: 'off' } });
    const metricsSeen = () =>
      sent
        .map((message) => (message as { type: string; activity?: { metricsSeen?: number } }).activity?.metricsSeen ?? 0)
        .reduce((sum, seen) => sum + seen, 0);
    const first = start();
    await first.ready;
    first.stop();
    // What the page view sends when it ends: one count seen, the one with a prompt.
    expect(metricsSeen()).toBe(1);
    expect(prompts.mounted.map((item) => item.detection.metric)).toEqual(['followers']);
    const layer = start();
    await layer.ready;
    expect(hosts().map((host) => host.dataset.metric)).toEqual(['followers']);
    expect(layer.detector()?.hosts.elements()).toHaveLength(1);
    // A change in place of the count that is off still mounts nothing.
    numberText('/sam/following').data = '76';
    await settle();
    expect(hosts()).toHaveLength(1);
    // Changed in the Sites view: the open page follows without a reload.
    await metricModesItem.setValue({ x: { followers: 'off' } });
    await vi.waitFor(() => expect(hosts().map((host) => host.dataset.metric)).toEqual(['following']));
    await metricModesItem.setValue({});
    await vi.waitFor(() => expect(hosts()).toHaveLength(2));
    layer.stop();
  });

  it('runs on a site that is off when one of its metrics is on, for that metric alone; off for all, nothing runs', async () => {
    const progress = () => (globalThis as { runningForLive?: { state: string } }).runningForLive?.state;
    await siteModesItem.setValue({ x: 'off' });
    await metricModesItem.setValue({ x: { followers: 'hide' } });
    const layer = start();
    await layer.ready;
    expect(progress()).toBe('hide');
    expect(prompts.mounted.map((item) => [item.detection.metric, item.env?.mode])).toEqual([['followers', 'hide']]);
    await metricModesItem.setValue({ x: { followers: 'off', following: 'off' } });
    await vi.waitFor(() => expect(progress()).toBe('off'));
    expect(layer.detector()).toBeUndefined();
    expect(hosts()).toHaveLength(0);
    await metricModesItem.setValue({ x: { following: 'reframe', followers: 'hide' } });
    await vi.waitFor(() => expect(hosts()).toHaveLength(2));
    expect(progress()).toBe('reframe');
    layer.stop();
  });

  it('lets a prompt serve the next count only where every count is in the same mode', async () => {
    const recycled: string[] = [];
    const mount: MountPrompt = (host, detection, env) => ({
      update: () => {},
      destroy: () => {},
      recycle: () => (recycled.push(`${detection.metric} ${env.mode}`), true),
    });
    const run = async () => {
      const layer = startLiveLayer(ctx, {
        mount,
        send: (async () => ({ ok: true })) as never,
        now: () => new Date(),
        settings: async (siteId) => siteStateOf(await readSiteSettings(), siteId, new Date()),
        watchSettings: () => () => {},
        location: () => 'https://x.com/sam',
        detector: { frame: (callback) => (callback(), () => {}), idle: (callback) => (callback(), () => {}) },
        activity: { every: () => () => {}, IntersectionObserver: undefined },
      });
      await layer.ready;
      expect(hosts()).toHaveLength(2);
      document.body.replaceChildren();
      await settle();
      layer.detector()?.flush();
      layer.stop();
    };
    await metricModesItem.setValue({ x: { followers: 'hide' } });
    await run();
    expect(recycled).toEqual([]);
    // The site hidden, a metric hidden too: one mode for every count.
    document.body.replaceChildren(xHeader('sam', '75', '12.3K'));
    await siteModesItem.setValue({ x: 'hide' });
    await run();
    expect(recycled.sort()).toEqual(['followers hide', 'following hide']);
  });

  it('leaves its state and passes on the content script’s global, for whoever can look into that world', async () => {
    const progress = () => (globalThis as { runningForLive?: { state: string; passes: number } }).runningForLive;
    let layer = start();
    expect(progress()).toEqual({ state: 'starting', passes: 0 });
    await layer.ready;
    expect(progress()).toEqual({ state: 'reframe', passes: 1 });
    document.body.append(xHeader('jo', '1', '2'));
    await vi.waitFor(() => expect(progress()?.passes).toBe(2));
    layer.stop();
    // Stopped for good (an orphan's end): nothing it observed before counts as a pass after.
    expect(progress()).toEqual({ state: 'stopped', passes: 2 });
    document.body.append(xHeader('al', '3', '4'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(progress()).toEqual({ state: 'stopped', passes: 2 });
    await siteModesItem.setValue({ x: 'off' });
    layer = start();
    await layer.ready;
    expect(progress()).toEqual({ state: 'off', passes: 0 });
    layer.stop();
    await siteModesItem.setValue({ x: 'reframe' });
    await snoozesItem.setValue({ x: new Date(Date.now() + 60_000).toISOString() });
    layer = start();
    await layer.ready;
    expect(progress()).toEqual({ state: 'snoozed', passes: 0 });
    layer.stop();
  });

  it('on a page only the generic detector reads, prompts report under the page’s host', async () => {
    const stats = document.createElement('div');
    stats.append(
      Object.assign(document.createElement('span'), { textContent: '1,204' }),
      ' ',
      Object.assign(document.createElement('span'), { textContent: 'subscribers' }),
    );
    document.body.replaceChildren(stats);
    const layer = start(undefined, 'https://blog.example.org/');
    await layer.ready;
    expect(hosts().map((host) => host.dataset.site)).toEqual(['generic']);
    expect(prompts.mounted.map((item) => item.detection.site)).toEqual(['blog.example.org']);
  });

  it('does nothing at all on a site turned off', async () => {
    await siteModesItem.setValue({ x: 'off' });
    const add = vi.spyOn(window, 'addEventListener');
    const layer = start();
    await layer.ready;
    expect(layer.detector()).toBeUndefined();
    expect(hosts()).toHaveLength(0);
    expect(add).not.toHaveBeenCalled();
    layer.stop();
    expect(sent).toEqual([]);
  });

  it('shows no prompts while the site is snoozed, and shows them when the snooze ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-26T09:00:00Z'));
    await snoozesItem.setValue({ x: '2026-11-26T10:00:00.000Z' });
    const layer = start();
    await layer.ready;
    expect(hosts()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000 + 1000);
    await vi.waitFor(() => expect(hosts()).toHaveLength(2));
    // Snoozed from a prompt ("Not now"): the prompts go at once.
    await snoozesItem.setValue({ x: '2026-11-27T10:00:00.000Z' });
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
    expect(prompts.mounted.every((item) => item.controller.destroyed)).toBe(true);
  });

  it('stops everything on invalidation: prompts, settings watchers, activity listeners', async () => {
    const remove = vi.spyOn(window, 'removeEventListener');
    const layer = start();
    await layer.ready;
    expect(hosts()).toHaveLength(2);
    invalidate();
    expect(hosts()).toHaveLength(0);
    expect(layer.detector()).toBeUndefined();
    expect(remove.mock.calls.map(([type]) => type)).toEqual(expect.arrayContaining(['popstate', 'keydown', 'pagehide']));
    // Settings changes no longer start anything.
    await siteModesItem.setValue({ x: 'hide' });
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(layer.detector()).toBeUndefined();
  });

  describe('an orphan (the extension updated, disabled or removed)', () => {
    const { id } = fakeBrowser.runtime;
    const orphan = () => void Object.assign(fakeBrowser.runtime, { id: undefined });
    let wxt: ContentScriptContext;
    let reads: number;
    const startWith = (activity: Partial<Pick<ActivityOptions, 'every'>>) =>
      startLiveLayer(wxt, {
        mount: prompts.mount as MountPrompt,
        send: (async (message: unknown) => (sent.push(message), { ok: true })) as never,
        now: () => new Date(),
        settings: async (siteId) => (reads++, siteStateOf(await readSiteSettings(), siteId, new Date())),
        watchSettings: () => () => {},
        location: () => 'https://x.com/sam',
        detector: { frame: (callback) => (callback(), () => {}), idle: (callback) => (callback(), () => {}) },
        activity: { every: () => () => {}, IntersectionObserver: undefined, ...activity },
      });
    beforeEach(() => {
      wxt = new ContentScriptContext('layer', { noScriptStartedPostMessage: true });
      reads = 0;
    });
    afterEach(() => {
      wxt.abort();
      Object.assign(fakeBrowser.runtime, { id });
    });

    it('on a page that never changes, stops at the activity recorder’s next tick: prompts, timer, listeners', async () => {
      const ticks: (() => void)[] = [];
      const cancel = vi.fn();
      const remove = vi.spyOn(window, 'removeEventListener');
      const layer = startWith({ every: (_ms, tick) => (ticks.push(tick), cancel) });
      await layer.ready;
      expect(hosts()).toHaveLength(2);
      ticks[0]!();
      expect(hosts()).toHaveLength(2);
      orphan();
      ticks[0]!();
      expect(wxt.signal.aborted).toBe(true);
      expect(hosts()).toHaveLength(0);
      expect(layer.detector()).toBeUndefined();
      expect(cancel).toHaveBeenCalled();
      expect(remove.mock.calls.map(([type]) => type)).toEqual(expect.arrayContaining(['pointerdown', 'keydown', 'pagehide']));
    });

    it('snoozed, asks for no settings when the snooze ends (messages throw in an orphan)', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      vi.setSystemTime(new Date('2026-11-26T09:00:00Z'));
      await snoozesItem.setValue({ x: '2026-11-26T10:00:00.000Z' });
      const layer = startWith({});
      await layer.ready;
      expect(reads).toBe(1);
      orphan();
      await vi.advanceTimersByTimeAsync(60 * 60 * 1000 + 1000);
      expect(reads).toBe(1);
      expect(wxt.signal.aborted).toBe(true);
      expect(hosts()).toHaveLength(0);
    });
  });
});
