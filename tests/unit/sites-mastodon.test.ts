import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detect';
import { pageTypeOf } from '../../utils/sites';
import { mastodon } from '../../utils/sites/mastodon';
import { fixtureCases, fixtureSites } from './fixture-dom';

function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('mastodon page types', () => {
  it('classifies every example as its own page type only', () => {
    for (const [name, page] of Object.entries(mastodon.pages)) {
      for (const example of page.examples) expect(pageTypeOf(mastodon, new URL(example)), example).toBe(name);
    }
  });
});

describe('mastodon recognition by markup', () => {
  it('recognises every Mastodon fixture and no other site’s page', () => {
    for (const site of fixtureSites()) {
      for (const fixture of fixtureCases(site)) {
        expect(mastodon.recognize?.(doc(fixture.html)), `${site}/${fixture.file}`).toBe(site === 'mastodon');
      }
    }
  });

  it('does not take a blog section with id="mastodon" for the app', () => {
    expect(mastodon.recognize?.(doc('<html><body><section id="mastodon"><a href="/@me/followers">12K Followers</a></section></body></html>'))).toBe(false);
  });
});

describe('mastodon header links', () => {
  const page = (links: string) =>
    `<html lang="en"><body class="app-body"><div id="mastodon" data-props="{}"><div class="account__header"><div class="account__header__extra"><div class="account__header__extra__links">${links}</div></div></div></div></body></html>`;

  it('skips a link whose label names another metric', () => {
    const found = detect(doc(page('<a href="/@jane/followers" title="300"><strong>300</strong> Following</a>')), 'https://mastodon.social/@jane');
    expect(found).toEqual([]);
  });

  it('ignores links to another instance', () => {
    const found = detect(doc(page('<a href="https://other.example/@jane/followers" title="300"><strong>300</strong> Followers</a>')), 'https://mastodon.social/@jane');
    expect(found).toEqual([]);
  });

  it('reads the advanced (deck) UI prefix', () => {
    const found = detect(doc(page('<a href="/deck/@jane/following" title="1,001"><strong>1K</strong> Following</a>')), 'https://mastodon.social/deck/@jane');
    expect(found.map(({ metric, value, approximate }) => ({ metric, value, approximate }))).toEqual([
      { metric: 'following', value: 1001, approximate: false },
    ]);
  });
});
