import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detect';
import { pageTypeOf } from '../../utils/sites';
import { medium } from '../../utils/sites/medium';

function scan(body: string, url: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="en"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({ metric, value, approximate, own, text }));
}

describe('medium page types', () => {
  it('classifies each example as its own page type only', () => {
    for (const [name, page] of Object.entries(medium.pages)) {
      for (const example of page.examples) expect(pageTypeOf(medium, new URL(example)), example).toBe(name);
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
    const lone = scan(`<div><h2 class="pw-author-name">Jane</h2><a href="/@jane/following">75 following</a></div>`, 'https://medium.com/@jane');
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
