import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detect';
import { pageTypeOf } from '../../utils/sites';
import { threads } from '../../utils/sites/threads';

function run(body: string, url: string, lang = 'en') {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="${lang}"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({ metric, value, approximate, own, text }));
}

describe('threads page types', () => {
  it('classifies every example as its own page type only', () => {
    for (const [name, page] of Object.entries(threads.pages)) {
      for (const example of page.examples) expect(pageTypeOf(threads, new URL(example)), example).toBe(name);
    }
  });
});

describe('threads detection', () => {
  const header = '<div role="button" tabindex="0"><span dir="auto"><span title="2,048">2K</span> followers</span></div>';

  it('does not take a verified badge in a name link for the signed-in user', () => {
    const body = `<a href="/@jane"><span>jane</span><svg aria-label="Verified"></svg></a>${header}`;
    expect(run(body, 'https://www.threads.com/@jane')).toEqual([
      { metric: 'followers', value: 2048, approximate: false, own: false, text: '2K followers' },
    ]);
  });

  it('reads the icon-only navigation link as the signed-in user', () => {
    const body = `${header}<a href="/@jane" role="link"><svg aria-label="Profile"></svg></a>`;
    expect(run(body, 'https://www.threads.net/@jane')[0]?.own).toBe(true);
  });

  it('falls back to a whole followers button when the titled span is missing, on profiles only', () => {
    const body = '<div role="button" tabindex="0"><span dir="auto">3.4K followers</span></div>';
    expect(run(body, 'https://www.threads.com/@jane')).toEqual([
      { metric: 'followers', value: 3400, approximate: true, own: false, text: '3.4K followers' },
    ]);
    expect(run(body, 'https://www.threads.com/@jane/post/C8xYz12AbCd')).toEqual([]);
  });

  it('ignores a titled number whose label is not followers, and longer sentences', () => {
    const body =
      '<div role="button"><span><span title="9,876">9.9K</span> views</span></div>' +
      '<div><span>Now at <span title="5,000">5K</span> followers, thanks all</span></div>';
    expect(run(body, 'https://www.threads.com/@jane')).toEqual([]);
  });
});
