import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detection/detect';
import { pageTypeOf } from '../../utils/sites';
import { examples, medium } from '../../utils/sites/medium';

function scan(body: string, url: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="en"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({
    metric,
    value,
    approximate,
    own,
    text,
  }));
}

describe('medium page types', () => {
  it('classifies each example as its own page type only', () => {
    for (const [name, list] of Object.entries(examples)) {
      for (const example of list) expect(pageTypeOf(medium, new URL(example)), example).toBe(name);
    }
  });

  it('does not take Medium’s own subdomains or Mastodon handles for profiles', () => {
    expect(pageTypeOf(medium, new URL('https://help.medium.com/'))).toBeUndefined();
    expect(pageTypeOf(medium, new URL('https://mastodon.social/@jane'))).toBeUndefined();
  });
});

describe('medium followers', () => {
  it('falls back to the followers link when the pw- hook is gone', () => {
    const found = scan(
      `<div><h2>Jane Doe</h2><a href="https://medium.com/@jane/followers?source=user_profile_page">14K followers</a></div>`,
      'https://medium.com/@jane',
    );
    expect(found).toEqual([{ metric: 'followers', value: 14000, approximate: true, own: false, text: '14K followers' }]);
  });

  it('ignores followers links to other pages or with non-count text', () => {
    const found = scan(
      `<a href="https://medium.com/@jane/followers/extra">14K followers</a><a href="https://medium.com/@jane/followers">See all</a>
       <a href="https://example.com/@jane/followers">14K followers</a>`,
      'https://medium.com/@jane',
    );
    expect(found).toEqual([]);
  });

  it('reads a following link only beside the follower hook', () => {
    const lone = scan(
      `<div><h2 class="pw-author-name">Jane</h2><a href="/@jane/following">75 following</a></div>`,
      'https://medium.com/@jane',
    );
    expect(lone).toEqual([]);
  });

  it('never marks a story author block own', () => {
    const found = scan(
      `<div><h2 class="pw-author-name">Sam</h2><span class="pw-follower-count"><a href="/@sam/followers">312 followers</a></span>
       <a href="https://medium.com/me/settings">Edit profile</a></div>`,
      'https://medium.com/@sam/notes-on-freelancing-7c1e2b9a4d3f',
    );
    expect(found).toMatchObject([{ metric: 'followers', value: 312, own: false }]);
  });
});

/** A real-page fixture (tests/fixtures/medium), read under another address. */
function scanFixture(file: string, url: string) {
  const html = readFileSync(new URL(`../fixtures/medium/${file}`, import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  return detect(document as unknown as Document, url).map(({ metric, value, own, text }) => ({ metric, value, own, text }));
}

describe('medium author and publication blocks (real pages)', () => {
  it('reads the author block’s relative links on a publication subdomain too (blog.medium.com)', () => {
    // The capture script opened blog.medium.com; "/following?…" resolves there, which is no profile's host.
    expect(scanFixture('story-author-loggedin-2025.html', 'https://blog.medium.com/story-9e53ca408c48')).toEqual([
      { metric: 'followers', value: 213000, own: false, text: '213K followers' },
      { metric: 'following', value: 2900, own: false, text: '2.9K following' },
    ]);
  });

  it('tells the publication block from the author block: followers only, never own', () => {
    const { document } = parseHTML(
      readFileSync(new URL('../fixtures/medium/story-publication-loggedout-2026.html', import.meta.url), 'utf8'),
    );
    const url = new URL('https://medium.com/m/global-identity-2?redirectUrl=https://uxdesign.cc/story-d628aacfb950');
    const regions = medium.regions!({ url, doc: document as unknown as Document, lang: 'en', page: 'profile' });
    expect(regions.map((region) => region.metrics)).toEqual([['followers'], ['followers', 'following']]);
    expect(regions.map((region) => region.own())).toEqual([false, false]);
    expect(textOfHeading(regions[0]!.element)).toMatch(/^Published in /);
    expect(textOfHeading(regions[1]!.element)).toMatch(/^Written by /);
  });

  it('leaves Medium’s markup on a publication’s own domain to the generic detector', () => {
    const html = readFileSync(new URL('../fixtures/medium/story-publication-loggedout-2026.html', import.meta.url), 'utf8');
    const { document } = parseHTML(html);
    const url = new URL('https://uxdesign.cc/story-d628aacfb950');
    expect(
      medium.detect(document as unknown as Document, { url, doc: document as unknown as Document, lang: 'en', page: undefined }),
    ).toEqual([]);
    expect(detect(document as unknown as Document, url).map(({ site, metric, value, text }) => ({ site, metric, value, text }))).toEqual([
      { site: 'generic', metric: 'followers', value: 587000, text: '587K followers' },
      { site: 'generic', metric: 'followers', value: 13300, text: '13.3K followers' },
      { site: 'generic', metric: 'following', value: 7, text: '7 following' },
    ]);
  });

  it('never reads the reader’s own lists (/me/following-feed, /me/following/suggestions)', () => {
    const found = scan(
      `<nav><a href="https://medium.com/me/following-feed/writers?source=home---sidebar_menu">12 following</a></nav>
       <div><a href="/@jane"><h2>Jane</h2></a><div><span class="pw-follower-count"><a href="/@jane/followers">14K followers</a></span></div>
       <div><a href="/me/following/suggestions?source=home---who_to_follow">75 following</a></div></div>`,
      'https://medium.com/',
    );
    expect(found).toEqual([{ metric: 'followers', value: 14000, approximate: true, own: false, text: '14K followers' }]);
  });
  it('falls back to the author block’s region when the hook and the linked name heading are both gone', () => {
    const html = readFileSync(new URL('../fixtures/medium/story-author-subdomain-loggedout-2026.html', import.meta.url), 'utf8');
    const { document } = parseHTML(html);
    for (const el of Array.from(document.querySelectorAll('[class]'))) el.setAttribute('class', 'x1');
    // The name heading leaves its link (a redesign that links only the avatar).
    for (const h2 of Array.from(document.querySelectorAll('a > h2'))) h2.parentElement!.replaceWith(h2);
    const found = detect(document as unknown as Document, 'https://user1.medium.com/story-e2f06eab496b');
    expect(found.map(({ metric, value, via }) => ({ metric, value, via }))).toEqual([
      { metric: 'followers', value: 59000, via: 'hook' },
      { metric: 'following', value: 186, via: 'label' },
    ]);
  });
});

describe('medium kind lines', () => {
  it('reads “Topic · 1M followers” and “Publication · 105K followers”, never a byline or story text', () => {
    const found = scan(
      `<div><h1>Programming</h1><div><p>Topic<span aria-hidden="true"> · </span><span>1M followers</span></p></div></div>
       <div><a href="https://medium.com/pub?source=home---who_to_follow------1"><h2>Pub</h2>` +
        `</a><div><p>Publication · 105K followers</p></div></div>
       <div><p>3 min read · 12 followers</p><p>Jane Doe · Follow</p></div>
       <article><p>Topic · 2K followers</p></article>
       <p class="pw-post-body-paragraph" data-selectable-paragraph="">Topic · 3K followers</p>`,
      'https://medium.com/tag/programming',
    );
    expect(found).toEqual([
      { metric: 'followers', value: 1000000, approximate: true, own: false, text: '1M followers' },
      { metric: 'followers', value: 105000, approximate: true, own: false, text: '105K followers' },
    ]);
  });
});

function textOfHeading(block: Element): string {
  return (block.querySelector('h2')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
