import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detection/detect';
import { contextFor } from '../../utils/detection/detect-with';
import { pageTypeOf } from '../../utils/sites';
import { bluesky, examples } from '../../utils/sites/bluesky';

function run(body: string, url = 'https://bsky.app/') {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="en"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({
    metric,
    value,
    approximate,
    own,
    text,
  }));
}

describe('bluesky page types', () => {
  it('classifies every example as its own page type only', () => {
    for (const [name, list] of Object.entries(examples)) {
      for (const example of list) expect(pageTypeOf(bluesky, new URL(example)), example).toBe(name);
    }
  });
});

describe('bluesky links', () => {
  it('takes the exact value from a raw-integer aria-label build', () => {
    const body =
      '<a href="/profile/jane.bsky.social/followers" aria-label="12345 followers" role="link" ' +
      'data-testid="profileHeaderFollowersButton"><span>12.3K </span><span>followers</span></a>';
    expect(run(body, 'https://bsky.app/profile/jane.bsky.social')).toEqual([
      { metric: 'followers', value: 12345, approximate: false, own: false, text: '12.3K followers' },
    ]);
  });

  it('marks a hover card of the signed-in user as own', () => {
    const body =
      '<nav role="navigation"><a href="/profile/sam.bsky.social" role="link" aria-label="Profile">Profile</a></nav>' +
      '<div><a href="/profile/sam.bsky.social/follows" aria-label="98 following" ' +
      'role="link"><span>98 </span><span>following</span></a></div>';
    expect(run(body)[0]?.own).toBe(true);
  });

  it('ignores untagged links whose aria-label is not this count, and links to other hosts', () => {
    const body =
      '<a href="/profile/bob.bsky.social/followers" role="link" aria-label="Bob’s followers"><span>4K </span><span>followers</span></a>' +
      '<a href="https://example.com/profile/bob.bsky.social/followers" role="link" ' +
      'aria-label="4K followers"><span>4K </span><span>followers</span></a>' +
      '<a href="/profile/bob.bsky.social/follows" role="link" aria-label="4K followers"><span>4K </span><span>followers</span></a>';
    expect(run(body)).toEqual([]);
  });
});

const fixture = (name: string) => readFileSync(new URL(`../fixtures/bluesky/${name}`, import.meta.url), 'utf8');

function load(name: string, change?: (doc: Document) => void): Document {
  const doc = parseHTML(fixture(name)).document as unknown as Document;
  change?.(doc);
  return doc;
}

const summary = (doc: Document, url: string) =>
  detect(doc, url).map(({ metric, value, own, via, text }) => ({ metric, value, own, via, text }));

const withoutTestIds = (doc: Document) => {
  for (const el of Array.from(doc.querySelectorAll('[data-testid]'))) el.removeAttribute('data-testid');
};

/** A route renamed under the same link (`/follows` → `/following`): what the hooks cannot follow. */
const renamed = (from: string, to: string) => (doc: Document) => {
  for (const link of Array.from(doc.querySelectorAll(`a[href$="/${from}"]`)))
    link.setAttribute('href', link.getAttribute('href')!.replace(new RegExp(`/${from}$`), `/${to}`));
};

const LIST = 'https://bsky.app/profile/user1.bsky.social';

describe('bluesky follow lists', () => {
  it('reads the screen header’s subtitle, the profile’s count, on both lists (brocc _bsky-followers.html, _bsky-follows.html)', () => {
    expect(summary(load('followers-list-loggedout-2025.html'), `${LIST}/followers`)).toEqual([
      { metric: 'followers', value: 21, own: false, via: 'hook', text: '21 followers' },
    ]);
    expect(summary(load('follows-list-loggedout-2025.html'), `${LIST}/follows`)).toEqual([
      { metric: 'following', value: 151, own: false, via: 'hook', text: '151 following' },
    ]);
  });

  it('reads a full number there (Lingui’s plural "#"), and marks your own list as own', () => {
    const doc = load('followers-list-loggedout-2025.html', (d) => {
      const subtitle = Array.from(d.querySelectorAll('[data-testid="profileFollowersScreen"] div[dir="auto"]')).find(
        (el) => el.textContent === '21 followers',
      )!;
      subtitle.textContent = '12,345 followers';
      const nav = d.createElement('nav');
      nav.setAttribute('role', 'navigation');
      const profile = nav.appendChild(d.createElement('a'));
      profile.setAttribute('href', '/profile/user1.bsky.social');
      profile.textContent = 'Profile';
      d.body.prepend(nav);
    });
    expect(summary(doc, `${LIST}/followers`)).toEqual([
      { metric: 'followers', value: 12345, own: true, via: 'hook', text: '12,345 followers' },
    ]);
  });

  it('reads nothing where the subtitle names another metric than the screen, or on another page', () => {
    const doc = load('followers-list-loggedout-2025.html', (d) => {
      const subtitle = Array.from(d.querySelectorAll('div[dir="auto"]')).find((el) => el.textContent === '21 followers')!;
      subtitle.textContent = '21 following';
    });
    expect(detect(doc, `${LIST}/followers`)).toEqual([]);
    expect(detect(load('followers-list-loggedout-2025.html'), `${LIST}/known-followers`)).toEqual([]);
    expect(detect(load('followers-list-loggedout-2025.html'), LIST)).toEqual([]);
  });

  it('without test ids, finds the header row by its back button and reads the subtitle there', () => {
    expect(summary(load('followers-list-loggedout-2025.html', withoutTestIds), `${LIST}/followers`)).toEqual([
      { metric: 'followers', value: 21, own: false, via: 'generic', text: '21 followers' },
    ]);
  });
});

describe('bluesky regions', () => {
  it('finds the profile header by its name, or without test ids around its count links', () => {
    for (const change of [undefined, withoutTestIds]) {
      const doc = load('profile-other-loggedout-2025.html', change);
      const regions = bluesky.regions!(contextFor(bluesky, doc, new URL(LIST)));
      expect(regions).toHaveLength(1);
      expect(regions[0]!.element.querySelectorAll('a[href$="/followers"], a[href$="/follows"]')).toHaveLength(2);
      expect(regions[0]!.element.querySelector('[role="link"][tabindex]')).toBeNull();
      expect(regions[0]!.own()).toBe(false);
    }
  });

  it('reads a count whose link changed route from its label, in the header', () => {
    expect(summary(load('profile-other-loggedout-2025.html', renamed('follows', 'following')), LIST)).toEqual([
      { metric: 'followers', value: 21, own: false, via: 'hook', text: '21 followers' },
      { metric: 'following', value: 151, own: false, via: 'label', text: '151 following' },
    ]);
  });

  it('takes your own header from its "Edit profile" button when test ids and the nav are gone', () => {
    const found = summary(load('profile-own.html', withoutTestIds), 'https://bsky.app/profile/sam.bsky.social');
    expect(found.map((d) => [d.value, d.own])).toEqual([
      [4000, false],
      [310, false],
      [1200, true],
      [98, true],
    ]);
  });

  it('reads a hover card’s changed count from its label, as a transient region', () => {
    const doc = load('hovercard-feed.html', renamed('follows', 'following'));
    const regions = bluesky.regions!(contextFor(bluesky, doc, new URL('https://bsky.app/')));
    expect(regions.map((region) => region.transient)).toEqual([true]);
    expect(summary(doc, 'https://bsky.app/')).toEqual([
      { metric: 'followers', value: 4000, own: false, via: 'hook', text: '4K followers' },
      { metric: 'following', value: 310, own: false, via: 'label', text: '310 following' },
    ]);
  });

  it('has no region on the feed', () => {
    const doc = load('feed-discover-loggedout-2025.html');
    expect(bluesky.regions!(contextFor(bluesky, doc, new URL('https://bsky.app/')))).toEqual([]);
  });
});
