import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { contextFor, detectWith } from '../../utils/detection/detect-with';
import { pageTypeOf } from '../../utils/sites';
import { examples, facebook } from '../../utils/sites/facebook';
import { parseWith } from './fixture-dom';

describe('facebook page types', () => {
  for (const [type, list] of Object.entries(examples)) {
    it.each([...list])(`${type}: %s`, (example) => {
      expect(pageTypeOf(facebook, new URL(example))).toBe(type);
    });
  }
});

const URL_ = 'https://www.facebook.com/jane.doe';
const header = (links: string, buttons = '<div role="button">Add friend</div>') =>
  `<html lang="en"><body><div role="main"><div><h1>Jane Doe</h1><div>${links}</div>${buttons}<div role="tablist"><a role="tab" ` +
  `href="/jane.doe/friends">Friends</a></div></div></div></body></html>`;
const scan = (html: string) => detect(parseWith('linkedom', html, URL_), URL_).map(({ metric, value, own }) => ({ metric, value, own }));
/** The hook layer alone (the adapter's own detect), without the header region's fallbacks. */
const hooks = (html: string) => {
  const doc = parseWith('linkedom', html, URL_);
  return facebook.detect(doc, contextFor(facebook, doc, new URL(URL_))).map(({ metric, value }) => ({ metric, value }));
};

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
    expect(hooks(html)).toEqual([]);
    // The header region's fallbacks never read the mutual-friends link (quiet) or page likes either.
    expect(
      scan(header('<a href="/jane.doe/friends_mutual/">12 mutual friends</a><a href="/jane.doe/friends_likes/">1.2M likes</a>')),
    ).toEqual([]);
  });

  it('marks the counts own when the header offers "Edit profile" (localized, as text or aria-label)', () => {
    expect(scan(header('<a href="/jane.doe/friends">523 friends</a>', '<div role="button"><span>Edit profile</span></div>'))).toEqual([
      { metric: 'friends', value: 523, own: true },
    ]);
    expect(scan(header('<a href="/jane.doe/friends">523 friends</a>', '<div role="button" aria-label="Profil bearbeiten"></div>'))).toEqual(
      [{ metric: 'friends', value: 523, own: true }],
    );
  });
});

describe('facebook header region', () => {
  it('reads a count whose link lost its href shape from its label, and says so', () => {
    const doc = parseWith('linkedom', header('<a href="/jane.doe/people/">1.2K friends</a>'), URL_);
    expect(detectWith(facebook, doc, URL_).map(({ metric, value, via }) => ({ metric, value, via }))).toEqual([
      { metric: 'friends', value: 1200, via: 'label' },
    ]);
  });

  it('never takes "12 mutual friends" for the friends count: where the friends link lost its href shape, its label is read', () => {
    const doc = parseWith('linkedom', header('<a href="/jane.doe/people/">1.2K friends</a> · <span>12 mutual friends</span>'), URL_);
    expect(detectWith(facebook, doc, URL_).map(({ metric, value, via }) => ({ metric, value, via }))).toEqual([
      { metric: 'friends', value: 1200, via: 'label' },
    ]);
    const mutualOnly = parseWith('linkedom', header('<span>12 mutual friends</span>'), URL_);
    expect(detectWith(facebook, mutualOnly, URL_)).toEqual([]);
  });

  it('reads nothing on a group page, whose header has the same h1 and tab bar', () => {
    const url = 'https://www.facebook.com/groups/pottery/';
    const doc = parseWith(
      'linkedom',
      header('<a href="/groups/pottery/members/">6.6K members</a> · <a href="/groups/pottery/x/">1.2K friends</a>'),
      url,
    );
    expect(detectWith(facebook, doc, url)).toEqual([]);
  });
});

/**
 * m.facebook.com ("bloks"): the real group header's row (tests/fixtures/facebook/group-mobile-loggedout-vi-2026.html)
 * with a profile's labels: number and label are sibling text components, no link, no role=main.
 */
const bloks = (row: string, buttons = '') =>
  '<html><body><div data-mcomponent="MScreen" data-type="container"><div data-mcomponent="MContainer" data-type="vscroller">' +
  '<div data-mcomponent="MContainer" data-type="container">' +
  '<h1 data-mcomponent="ServerTextArea" data-type="text"><div dir="auto"><span>Lorem Ipsum</span></div></h1>' +
  `<div data-mcomponent="MContainer" data-type="container">${row}</div>${buttons}</div>` +
  '<div data-mcomponent="MContainer" data-type="container"><div ' +
  'data-mcomponent="ServerTextArea" data-type="text"><div ' +
  'dir="auto"><span>12</span></div></div>' +
  '<div data-mcomponent="ServerTextArea" data-type="text"><div dir="auto"><span>bạn bè</span></div></div></div>' +
  '</div></div></body></html>';
const text = (words: string) =>
  `<div data-mcomponent="ServerTextArea" data-type="text"><div dir="auto" data-nosnippet="true"><span>${words}</span></div></div>`;

describe('facebook on m.facebook.com', () => {
  const MOBILE = 'https://m.facebook.com/jane.doe';
  const mobile = (html: string, url = MOBILE) =>
    detect(parseWith('linkedom', html, url), url, 'vi').map(({ metric, value, approximate, own, text: shown, via }) => ({
      metric,
      value,
      approximate,
      own,
      text: shown,
      via,
    }));

  it('pairs a number with the label beside it, in the header around the h1 only', () => {
    expect(mobile(bloks(text('523') + text('bạn bè') + text('·') + text('1,2K') + text('người theo dõi')))).toEqual([
      { metric: 'friends', value: 523, approximate: false, own: false, text: '523 bạn bè', via: 'label' },
      { metric: 'followers', value: 1200, approximate: true, own: false, text: '1,2K người theo dõi', via: 'label' },
    ]);
  });

  it('marks them own by the localized "Edit profile" button, and reads nothing on groups or for mutual friends', () => {
    const edit = '<div role="button" tabindex="0" aria-label="Chỉnh sửa trang cá nhân" data-mcomponent="MContainer"></div>';
    expect(mobile(bloks(text('523') + text('bạn bè'), edit)).map((found) => found.own)).toEqual([true]);
    expect(mobile(bloks(text('286K') + text('thành viên')), 'https://m.facebook.com/groups/pottery/')).toEqual([]);
    expect(mobile(bloks(text('523') + text('bạn bè')), 'https://m.facebook.com/groups/pottery/')).toEqual([]);
    expect(mobile(bloks(text('12') + text('mutual friends')))).toEqual([]);
  });
});
