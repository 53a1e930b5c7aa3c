import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detect';
import { pageTypeOf } from '../../utils/sites';
import { substack } from '../../utils/sites/substack';

function scan(body: string, url: string, lang = 'en') {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="${lang}"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({ metric, value, approximate, own, text }));
}

describe('substack page types', () => {
  it('classifies each example as its own page type only', () => {
    for (const [name, page] of Object.entries(substack.pages)) {
      for (const example of page.examples) expect(pageTypeOf(substack, new URL(example)), example).toBe(name);
    }
  });
});

describe('substack counts', () => {
  it('lets the link path decide between subscribers and followers', () => {
    // French "abonnés" is listed as followers first in the shared label words; the href says subscribers.
    const found = scan(`<main><a href="https://substack.com/@jean/subscribers">1,2 k abonnés</a></main>`, 'https://substack.com/@jean', 'fr');
    expect(found).toEqual([{ metric: 'subscribers', value: 1200, approximate: true, own: false, text: '1,2 k abonnés' }]);
  });

  it('reads a trailing "+" as a lower bound', () => {
    const found = scan(`<main><a href="/@jane/subscribers">276K+ subscribers</a></main>`, 'https://substack.com/@jane');
    expect(found).toMatchObject([{ metric: 'subscribers', value: 276000, approximate: true }]);
  });

  it('ignores links whose text is not a count, and counts of other metrics', () => {
    const found = scan(
      `<main><a href="/@jane/subscribers">See all</a><a href="/@jane/followers">12 likes</a><a href="/@jane/subscribers/export">978 subscribers</a></main>`,
      'https://substack.com/@jane',
    );
    expect(found).toEqual([]);
  });

  it('takes a dashboard link in the navigation for no own-profile signal', () => {
    const found = scan(
      `<nav><a href="https://sam.substack.com/publish/home">Dashboard</a></nav>
       <main><div><h1>Jane</h1><a href="/@jane/subscribers">978 subscribers</a></div></main>`,
      'https://substack.com/@jane',
    );
    expect(found).toMatchObject([{ own: false }]);
  });
});
