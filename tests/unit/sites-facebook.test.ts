import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detect';
import { pageTypeOf } from '../../utils/sites';
import { facebook } from '../../utils/sites/facebook';
import { parseWith } from './fixture-dom';

describe('facebook page types', () => {
  for (const [type, page] of Object.entries(facebook.pages)) {
    it.each(page.examples)(`${type}: %s`, (example) => {
      expect(pageTypeOf(facebook, new URL(example))).toBe(type);
    });
  }
});

const URL_ = 'https://www.facebook.com/jane.doe';
const header = (links: string, buttons = '<div role="button">Add friend</div>') =>
  `<html lang="en"><body><div role="main"><div><h1>Jane Doe</h1><div>${links}</div>${buttons}<div role="tablist"><a role="tab" href="/jane.doe/friends">Friends</a></div></div></div></body></html>`;
const scan = (html: string) =>
  detect(parseWith('linkedom', html, URL_), URL_).map(({ metric, value, own }) => ({ metric, value, own }));

describe('facebook header links', () => {
  it('reads path-style and query-style lists, relative or absolute', () => {
    const html = header(
      '<a href="/jane.doe/followers/">12K followers</a>' +
        '<a href="https://www.facebook.com/profile.php?id=1000123&amp;sk=following">310 following</a>' +
        '<a href="https://m.facebook.com/jane.doe/friends">523 friends</a>',
    );
    expect(scan(html)).toEqual([
      { metric: 'followers', value: 12000, own: false },
      { metric: 'following', value: 310, own: false },
      { metric: 'friends', value: 523, own: false },
    ]);
  });

  it('ignores mutual friends, page likes, Facebook pages that are not profiles and other hosts', () => {
    const html = header(
      '<a href="/jane.doe/friends_mutual/">12 mutual friends</a>' +
        '<a href="/jane.doe/friends_likes/">1.2M likes</a>' +
        '<a href="/friends/">5 friends</a>' +
        '<a href="https://example.com/jane/followers/">9K followers</a>',
    );
    expect(scan(html)).toEqual([]);
  });

  it('marks the counts own when the header offers "Edit profile" (localized, as text or aria-label)', () => {
    expect(scan(header('<a href="/jane.doe/friends">523 friends</a>', '<div role="button"><span>Edit profile</span></div>'))).toEqual([
      { metric: 'friends', value: 523, own: true },
    ]);
    expect(scan(header('<a href="/jane.doe/friends">523 friends</a>', '<div role="button" aria-label="Profil bearbeiten"></div>'))).toEqual([
      { metric: 'friends', value: 523, own: true },
    ]);
  });
});
