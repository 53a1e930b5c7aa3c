import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detect';
import { pageTypeOf } from '../../utils/sites';
import { instagram } from '../../utils/sites/instagram';
import { parseWith } from './fixture-dom';

describe('instagram page types', () => {
  for (const [type, page] of Object.entries(instagram.pages)) {
    it.each(page.examples)(`${type}: %s`, (example) => {
      expect(pageTypeOf(instagram, new URL(example))).toBe(type);
    });
  }
});

const page = (lang: string, stats: string) =>
  `<html lang="${lang}"><body><main role="main"><header><section><h2>jane</h2><ul>${stats}</ul></section></header></main></body></html>`;
const scan = (html: string, url = 'https://www.instagram.com/jane/') =>
  detect(parseWith('linkedom', html, url), url).map(({ metric, value, approximate }) => ({ metric, value, approximate }));

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
    expect(scan(html)).toEqual([]);
  });

  it('drops a link whose label names a different metric than its href', () => {
    const html = page('en', '<li><a href="/jane/following/"><span><span>342</span></span> followers</a></li>');
    expect(scan(html)).toEqual([]);
  });
});
