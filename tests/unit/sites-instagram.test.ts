import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { contextFor } from '../../utils/detection/detect-with';
import { pageTypeOf } from '../../utils/sites';
import { examples, instagram } from '../../utils/sites/instagram';
import { parseWith } from './fixture-dom';

describe('instagram page types', () => {
  for (const [type, list] of Object.entries(examples)) {
    it.each([...list])(`${type}: %s`, (example) => {
      expect(pageTypeOf(instagram, new URL(example)), example).toBe(type);
    });
  }
});

const URL_ = 'https://www.instagram.com/jane/';
const page = (lang: string, stats: string) =>
  `<html lang="${lang}"><body><main role="main"><header><section><h2>jane</h2><ul>${stats}</ul></section></header></main></body></html>`;
const scan = (html: string, url = URL_) =>
  detect(parseWith('linkedom', html, url), url).map(({ metric, value, approximate }) => ({ metric, value, approximate }));
const layered = (html: string, url = URL_) =>
  detect(parseWith('linkedom', html, url), url).map(({ metric, value, own, text, via }) => ({ metric, value, own, text, via }));
/** The hook layer alone (the adapter's own detect), without the header region's fallbacks. */
const hooks = (html: string, url = URL_) => {
  const doc = parseWith('linkedom', html, url);
  return instagram.detect(doc, contextFor(instagram, doc, new URL(url))).map(({ metric, value }) => ({ metric, value }));
};

describe('instagram followers link', () => {
  it('reads the exact title in the page language (German groups with ".")', () => {
    const html = page('de', '<li><a href="/jane/followers/"><span title="1.234.567"><span>1,2 Mio.</span></span> Follower</a></li>');
    expect(scan(html)).toEqual([{ metric: 'followers', value: 1234567, approximate: false }]);
  });

  it('falls back to the abbreviated text when the title is not a plain number', () => {
    const html = page('en', '<li><a href="/jane/followers/"><span title="12.3K"><span>12.3K</span></span> followers</a></li>');
    expect(scan(html)).toEqual([{ metric: 'followers', value: 12300, approximate: true }]);
  });

  it('ignores "Followed by …" (mutualOnly), number-less links and links to other sites', () => {
    const html = page(
      'en',
      '<li><a href="/jane/followers/mutualOnly/"><span>Followed by <span>alex</span> + 12 more</span></a></li>' +
        '<li><a href="/jane/followers/">followers</a></li>' +
        '<li><a href="https://example.com/jane/followers/"><span><span>10K</span></span> followers</a></li>',
    );
    expect(hooks(html)).toEqual([]);
    // The header region's label layer reads no "Followed by" line either.
    expect(
      scan(page('en', '<li><a href="/jane/followers/mutualOnly/"><span>Followed by <span>alex</span> + 12 more</span></a></li>')),
    ).toEqual([]);
  });

  it('drops a link whose label names a different metric than its href', () => {
    const html = page('en', '<li><a href="/jane/following/"><span><span>342</span></span> followers</a></li>');
    expect(hooks(html)).toEqual([]);
  });
});

/** The 2026 header (tests/fixtures/instagram/profile-other-loggedin-ko-2026.html), classes dropped. */
const header2026 = (stats: string, buttons: string, lang = 'ko', outside = '') =>
  `<html lang="${lang}"><body><div><section><main role="main"><div><header><div>` +
  '<section><div><a href="#" role="link"><h2 dir="auto"><span>jane</span></h2></a></div></section>' +
  `<section><div><div>${stats}</div></div></section></div><section><div>${buttons}</div></section></header>` +
  '<div><a href="/jane/p/C1/" role="link"><ul><li><span ' +
  'dir="auto"><span>203</span></span></li><li><span ' +
  'dir="auto"><span>5</span></span></li></ul></a></div>' +
  `</div></main></section>${outside}</div></body></html>`;
const koStats =
  '<div><span dir="auto">게시물 <span><span>58</span></span></span></div>' +
  '<div><a href="#" role="link"><span dir="auto">팔로워 <span title="944"><span>944</span></span></span></a></div>' +
  '<div><a href="#" role="link"><span dir="auto">팔로우 <span><span>105</span></span></span></a></div>';
const followButton =
  '<button type="button"><div><div dir="auto">팔로우</div></div></button><div role="button" tabindex="0">메시지 보내기</div>';

describe('instagram header without list links (2026: href="#", label first)', () => {
  it('reads the stat items by their label in the header region, and says so', () => {
    expect(layered(header2026(koStats, followButton))).toEqual([
      { metric: 'followers', value: 944, own: false, text: '팔로워 944', via: 'label' },
      { metric: 'following', value: 105, own: false, text: '팔로우 105', via: 'label' },
    ]);
  });

  it('never reads the Follow button (팔로우, no number), the posts count or the post grid’s hover counts', () => {
    const noStats = '<div><span dir="auto">게시물 <span><span>58</span></span></span></div>';
    expect(layered(header2026(noStats, followButton))).toEqual([]);
  });

  it('reads nothing on pages that are not a profile', () => {
    expect(layered(header2026(koStats, followButton), 'https://www.instagram.com/p/C1/')).toEqual([]);
  });

  it('finds the stat row without a header element, around the titled number', () => {
    const html = header2026(koStats, followButton).replace(/<(\/?)header>/g, '<$1div>');
    expect(layered(html).map(({ metric, value, via }) => ({ metric, value, via }))).toEqual([
      { metric: 'followers', value: 944, via: 'label' },
      { metric: 'following', value: 105, via: 'label' },
    ]);
  });
});

describe('instagram own profile, in layers', () => {
  const enStats =
    '<div><a href="/jane/followers/" role="link"><span dir="auto"><span title="987"><span>987</span></span> followers</span></a></div>' +
    '<div><a href="/jane/following/" role="link"><span dir="auto"><span><span>56</span></span> following</span></a></div>';
  const nav = (user: string, label = 'Profile') =>
    `<div tabindex="-1"><a href="/${user}/" role="link" tabindex="0"><div><span role="link" tabindex="-1"><img ` +
    `alt=""></span></div><div><span dir="auto"><span>${label}</span></span></div></a></div>`;
  const own = (html: string) => layered(html).map((found) => found.own);

  it('compares the nav’s Profile link (outside main, with the avatar and a word) with the page’s user', () => {
    expect(own(header2026(enStats, '', 'en', nav('jane')))).toEqual([true, true]);
    expect(own(header2026(enStats, '', 'ko', nav('jane', '프로필')))).toEqual([true, true]);
    expect(own(header2026(enStats, '<a href="/accounts/edit/" role="link">Edit profile</a>', 'en', nav('sam')))).toEqual([false, false]);
  });

  it('does not take a search result (its text is the handle) for the nav’s Profile link', () => {
    expect(own(header2026(enStats, '', 'en', nav('jane', 'jane · Jane Doe')))).toEqual([false, false]);
  });

  it('falls back to the header’s /accounts/edit/ link, then to an "Edit profile" label in any shipped language', () => {
    expect(own(header2026(enStats, '<a href="/accounts/edit/" role="link">Profil bearbeiten</a>', 'de'))).toEqual([true, true]);
    expect(own(header2026(enStats, '<div role="button" tabindex="0">프로필 편집</div>', 'ko'))).toEqual([true, true]);
    expect(own(header2026(enStats, followButton, 'ko'))).toEqual([false, false]);
  });

  it('marks the label layer’s counts own the same way', () => {
    expect(own(header2026(koStats, '<div role="button" tabindex="0">프로필 편집</div>'))).toEqual([true, true]);
  });
});
