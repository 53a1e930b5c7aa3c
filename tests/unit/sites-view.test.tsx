// @vitest-environment happy-dom
/**
 * The Sites view's modes per count (components/dashboard/SitesView.tsx): under each supported site, one radio
 * group per metric it shows — "Same as site (…)", saying what the count inherits, or a mode of its own —
 * saved to settings.metricModes, with the site's own choice unchanged beside it.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SitesView, type OriginPermissions, type SitesStore } from '../../components/dashboard/SitesView';
import type { MetricModes, SiteMode } from '../../utils/settings/items';
import { adapters, siteMetrics } from '../../utils/sites';

/** A store in memory, recording every write. */
function memoryStore(modes: Record<string, SiteMode> = {}, metricModes: Record<string, MetricModes> = {}) {
  const state = { modes, metricModes, origins: [] as string[], writes: [] as string[] };
  const listeners = new Set<() => void>();
  const store: SitesStore = {
    readModes: async () => ({ ...state.modes }),
    writeModes: async (next) => {
      state.modes = next;
      state.writes.push(`modes ${JSON.stringify(next)}`);
    },
    readMetricModes: async () => structuredClone(state.metricModes),
    writeMetricModes: async (next) => {
      state.metricModes = next;
      state.writes.push(`metrics ${JSON.stringify(next)}`);
    },
    readOrigins: async () => [...state.origins],
    writeOrigins: async (next) => void (state.origins = next),
    watch: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return { store, state, changedElsewhere: () => listeners.forEach((listener) => listener()) };
}

const permissions: OriginPermissions = {
  request: async () => false,
  remove: async () => true,
  contains: async () => true,
  watch: () => () => {},
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function show(store: SitesStore): Promise<void> {
  render(<SitesView store={store} permissions={permissions} />, root);
  for (let i = 0; i < 5 && !root.querySelector('.site-modes'); i++) await flush();
  expect(root.querySelector('.site-modes')).not.toBeNull();
}

/** A count's radio group, by its accessible name ("followers on X"). */
const group = (name: string) => {
  const found = Array.from(root.querySelectorAll('[role="radiogroup"]')).find((el) => el.getAttribute('aria-label') === name);
  if (!found) throw new Error(`no radio group "${name}"`);
  return found as HTMLElement;
};
const radios = (el: Element) =>
  Array.from(el.querySelectorAll('input[type="radio"]'), (input) => ({
    label: input.closest('label')!.textContent!.trim(),
    checked: (input as HTMLInputElement).checked,
  }));
const choose = async (el: Element, label: string) => {
  const input = Array.from(el.querySelectorAll('label'))
    .find((item) => item.textContent!.trim() === label)!
    .querySelector('input')!;
  input.click();
  await flush();
};
const status = () => root.querySelector('[data-testid="sites-status"]')!.textContent;

describe('the Sites view: a mode per count', () => {
  it('lists under each site the counts it shows, each following its site by default, and says what it inherits', async () => {
    await show(memoryStore({ github: 'hide' }).store);
    for (const adapter of adapters) {
      const rows = root.querySelector(`[data-testid="metric-modes"][data-site="${adapter.id}"]`)!;
      expect(Array.from(rows.querySelectorAll('[role="radiogroup"]'), (row) => row.getAttribute('data-metric'))).toEqual(
        siteMetrics(adapter.id),
      );
    }
    expect(radios(group('stars on GitHub'))).toEqual([
      { label: 'Same as site (Hide numbers)', checked: true },
      { label: 'Reframe', checked: false },
      { label: 'Hide', checked: false },
      { label: 'Off', checked: false },
    ]);
    expect(radios(group('followers on X'))[0]).toEqual({ label: 'Same as site (Reframe)', checked: true });
    // The site's own choice stays a group of its own, outside the counts' groups.
    const x = Array.from(root.querySelectorAll('fieldset')).find((fieldset) => fieldset.querySelector('legend')?.textContent === 'X')!;
    expect(radios(x).map((radio) => radio.label)).toEqual(['Reframe', 'Hide numbers', 'Off']);
    expect(x.querySelector('[role="radiogroup"]')).toBeNull();
  });

  it('gives each count’s radios one name of their own, so arrow keys move within the row', async () => {
    await show(memoryStore().store);
    const names = Array.from(root.querySelectorAll('[role="radiogroup"]'), (row) => [
      ...new Set(Array.from(row.querySelectorAll('input'), (input) => input.name)),
    ]);
    expect(names.every((list) => list.length === 1)).toBe(true);
    expect(new Set(names.flat()).size).toBe(names.length);
  });

  it('saves a count’s own mode (hide followers, reframe following) and takes it back with "Same as site"', async () => {
    const { store, state } = memoryStore({ x: 'hide' });
    await show(store);
    await choose(group('followed accounts on X'), 'Reframe');
    expect(state.metricModes).toEqual({ x: { following: 'reframe' } });
    expect(status()).toBe('X, followed accounts: Reframe.');
    await choose(group('followers on X'), 'Hide');
    await choose(group('stars on GitHub'), 'Off');
    expect(state.metricModes).toEqual({ x: { following: 'reframe', followers: 'hide' }, github: { stars: 'off' } });
    expect(radios(group('stars on GitHub')).find((radio) => radio.checked)?.label).toBe('Off');
    // Back to the site's mode: the entry goes, and a site left with none goes too.
    await choose(group('stars on GitHub'), 'Same as site (Reframe)');
    expect(state.metricModes).toEqual({ x: { following: 'reframe', followers: 'hide' } });
    expect(status()).toBe('GitHub, stars: Same as site (Reframe).');
    // The site's mode is written apart, untouched by the counts' choices.
    expect(state.modes).toEqual({ x: 'hide' });
    expect(state.writes.filter((write) => write.startsWith('modes'))).toEqual([]);
  });

  it('says what a count inherits as the site’s mode changes, and keeps the counts’ own modes', async () => {
    const { store, state } = memoryStore({}, { x: { following: 'off' } });
    await show(store);
    expect(radios(group('followed accounts on X')).find((radio) => radio.checked)?.label).toBe('Off');
    const x = Array.from(root.querySelectorAll('fieldset')).find((fieldset) => fieldset.querySelector('legend')?.textContent === 'X')!;
    await choose(x, 'Hide numbers');
    expect(state.modes).toEqual({ x: 'hide' });
    expect(radios(group('followers on X'))[0]).toEqual({ label: 'Same as site (Hide numbers)', checked: true });
    expect(state.metricModes).toEqual({ x: { following: 'off' } });
  });

  it('follows a change made in another tab', async () => {
    const { store, state, changedElsewhere } = memoryStore();
    await show(store);
    state.metricModes = { youtube: { subscribers: 'hide' } };
    changedElsewhere();
    await flush();
    expect(radios(group('subscribers on YouTube')).find((radio) => radio.checked)?.label).toBe('Hide');
  });
});
