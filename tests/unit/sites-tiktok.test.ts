/** TikTok adapter: the real pages' traps and redesigns the fixtures and the drill do not pin down. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { parseWith } from './fixture-dom';
import { REDESIGNS } from './redesign';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tiktok/${name}`, import.meta.url), 'utf8');
const URL_OF = 'https://www.tiktok.com/@user1';
const REAL = [
  'profile-other-loggedout-2023.html',
  'profile-other-loggedin-zh-2024.html',
  'profile-other-loggedout-2025-12.html',
  'profile-other-loggedout-2026.html',
];

const stripTestIds = REDESIGNS.find((redesign) => redesign.name === 'test ids removed')!.apply;
const summary = (doc: Document, url = URL_OF) =>
  detect(doc, url).map(({ metric, value, own, text, via }) => ({ metric, value, own, text, via }));

describe('tiktok served HTML (before the page’s script runs)', () => {
  it('reads the stat item around an emotion <style> that sits between the number and its label', () => {
    const doc = parseWith('linkedom', fixture('profile-other-loggedout-2023.html'), URL_OF);
    // The served capture (aladynjr/tiktok-stats-backend, 2023) has `<style data-emotion>` inside each
    // DivNumber; the reducer drops styles, so they are put back here.
    for (const strong of Array.from(doc.querySelectorAll('h3 strong'))) {
      const style = doc.createElement('style');
      style.setAttribute('data-emotion', 'tiktok 1kd69nj');
      style.textContent = '.tiktok-1kd69nj-DivNumber{display:-webkit-box;display:-webkit-flex;display:flex;margin-right:20px;}';
      strong.after(style);
    }
    expect(summary(doc).map(({ text }) => text)).toEqual(['1204 Following', '11.2M Followers']);
    stripTestIds(doc);
    expect(summary(doc).map(({ metric, value, via }) => [metric, value, via])).toEqual([
      ['following', 1204, 'generic'],
      ['followers', 11200000, 'generic'],
    ]);
  });
});

describe.each(['happy-dom', 'linkedom'] as const)('tiktok header region without test hooks (%s)', (kind) => {
  it.each(REAL)('%s: the h1 alone leads to the header, without data-e2e or the page’s id', (file) => {
    const doc = parseWith(kind, fixture(file), URL_OF);
    const before = summary(doc).map(({ metric, value, own }) => ({ metric, value, own }));
    stripTestIds(doc);
    doc.getElementById('main-content-others_homepage')?.removeAttribute('id');
    expect(summary(doc).map(({ metric, value, own }) => ({ metric, value, own }))).toEqual(before);
  });

  it('reads only on profile pages', () => {
    const doc = parseWith(kind, fixture('profile-other-loggedout-2026.html'), URL_OF);
    stripTestIds(doc);
    expect(detect(doc, 'https://www.tiktok.com/@user1/video/7000000000000000001')).toEqual([]);
  });
});

describe('tiktok suggested accounts (2025-12): other people’s counts, never read', () => {
  // Twenty cards of "12.3M followers" under the header, collapsed in the capture; they open as a
  // recommendation. Not the profile's counts, and not prompted on (tiktok.ts says why).
  const open = (doc: Document) => {
    for (const el of Array.from(doc.querySelectorAll('[style*="max-height: 0px"]'))) el.removeAttribute('style');
  };

  it('finds the header’s two counts and none of the cards’, shown or not, with or without hooks', () => {
    const doc = parseWith('linkedom', fixture('profile-other-loggedout-2025-12.html'), URL_OF);
    open(doc);
    const header = [
      { metric: 'following', value: 0 },
      { metric: 'followers', value: 783400 },
    ];
    expect(summary(doc).map(({ metric, value }) => ({ metric, value }))).toEqual(header);
    stripTestIds(doc);
    expect(summary(doc).map(({ metric, value }) => ({ metric, value }))).toEqual(header);
  });

  it('takes no card’s count for the header’s when the header has none', () => {
    const doc = parseWith('linkedom', fixture('profile-other-loggedout-2025-12.html'), URL_OF);
    open(doc);
    doc.querySelector('h3')!.remove();
    expect(summary(doc)).toEqual([]);
    stripTestIds(doc);
    expect(summary(doc)).toEqual([]);
  });
});

describe('tiktok own profile, in layers', () => {
  it('compares the signed-in handle with the page’s: an "Edit profile" label cannot make another profile yours', () => {
    const doc = parseWith('linkedom', fixture('profile-own-2025.html'), URL_OF);
    expect(summary(doc).map(({ own }) => own)).toEqual([true, true]);
    expect(summary(doc, 'https://www.tiktok.com/@someone.else').map(({ own }) => own)).toEqual([false, false]);
  });

  it('knows no one from a logged-out nav link with an empty handle (href="/@")', () => {
    const doc = parseWith('linkedom', fixture('profile-other-loggedout-2025-12.html'), URL_OF);
    expect(doc.querySelector('[data-e2e="nav-profile"]')?.getAttribute('href')).toBe('/@');
    expect(summary(doc).map(({ own }) => own)).toEqual([false, false]);
  });

  it.each([
    ['profile-own-2025.html', URL_OF],
    ['profile-own-ja-2026.html', `${URL_OF}?lang=ja-JP`],
  ])('%s: without hooks, the "Edit profile" label in the header says it is yours', (file, url) => {
    const doc = parseWith('linkedom', fixture(file), url);
    stripTestIds(doc);
    const found = summary(doc, url);
    expect(found.map(({ own, via }) => [own, via])).toEqual([
      [true, 'generic'],
      [true, 'generic'],
    ]);
  });

  it('does not take #main-content-others_homepage for "someone else’s": your own profile is under it too', () => {
    const doc = parseWith('linkedom', fixture('profile-own-ja-2026.html'), `${URL_OF}?lang=ja-JP`);
    expect(doc.getElementById('main-content-others_homepage')).not.toBeNull();
    expect(summary(doc, `${URL_OF}?lang=ja-JP`).map(({ own }) => own)).toEqual([true, true]);
  });
});
