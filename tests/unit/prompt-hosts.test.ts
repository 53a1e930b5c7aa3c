/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { startLiveDetector } from '../../utils/live-detector';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function page(count: string) {
  document.documentElement.setAttribute('lang', 'en');
  document.body.innerText = '';
  const row = document.createElement('div');
  row.dataset.testid = 'primaryColumn';
  const link = document.createElement('a');
  link.setAttribute('href', '/jane/verified_followers');
  const number = document.createElement('span');
  number.textContent = count;
  const label = document.createElement('span');
  label.textContent = 'Followers';
  link.append(number, ' ', label);
  row.append(link);
  document.body.append(row);
  return { link, number };
}

describe('live prompt hosts', () => {
  let invalidate: () => void = () => {};
  const ctx = { onInvalidated: (callback: () => void) => (invalidate = callback) };
  beforeEach(() => invalidate());

  it('puts one host beside each count, updates it in place and removes it with the count', async () => {
    const { link, number } = page('12.3K');
    const detector = startLiveDetector(ctx, document, () => 'https://x.com/jane');
    const hosts = () => Array.from(document.querySelectorAll('running-for-prompt')) as HTMLElement[];
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.previousElementSibling).toBe(link);
    expect({ ...hosts()[0]?.dataset }).toEqual({ site: 'x', metric: 'followers', value: '12300', own: 'false' });

    number.textContent = '12.4K';
    await frame();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.dataset.value).toBe('12400');

    for (let i = 0; i < 5; i++) detector.scan();
    expect(hosts()).toHaveLength(1);

    link.remove();
    await frame();
    expect(hosts()).toHaveLength(0);
    detector.stop();
  });

  it('removes every host when the extension context is invalidated', () => {
    page('75');
    startLiveDetector(ctx, document, () => 'https://x.com/jane');
    expect(document.querySelectorAll('running-for-prompt')).toHaveLength(1);
    invalidate();
    expect(document.querySelectorAll('running-for-prompt')).toHaveLength(0);
  });
});
