import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detect';

function scan(body: string, lang = 'en') {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="${lang}"><body>${body}</body></html>`);
  return detect(document as unknown as Document, 'https://blog.example.org/').map(({ metric, value, text }) => ({ metric, value, text }));
}

describe('generic detector', () => {
  it('finds displays whose whole text is a count and its label', () => {
    expect(scan('<div class="stats"><span>1,204</span> <span>subscribers</span></div>')).toEqual([
      { metric: 'subscribers', value: 1204, text: '1,204 subscribers' },
    ]);
    expect(scan('<ul><li><a href="/f">12 followers</a> · <a href="/g">4 following</a></li></ul>')).toEqual([
      { metric: 'followers', value: 12, text: '12 followers' },
      { metric: 'following', value: 4, text: '4 following' },
    ]);
  });

  it('finds displays written in non-Latin digits', () => {
    expect(scan('<div><span>১২.৩ হাজার</span> <span>ফলোয়ার</span></div>', 'bn')).toEqual([
      { metric: 'followers', value: 12300, text: '১২.৩ হাজার ফলোয়ার' },
    ]);
    expect(scan('<div><span>١٢٫٣ ألف</span> <span>مشترك</span></div>', 'ar')).toEqual([
      { metric: 'subscribers', value: 12300, text: '١٢٫٣ ألف مشترك' },
    ]);
  });

  it('reports the smallest element that shows the whole display', () => {
    const [found] = detect(
      parseHTML('<html lang="en"><body><section><div><div><b>312 followers</b></div></div></section></body></html>').document as unknown as Document,
      'https://example.org/',
    );
    expect(found?.element.tagName).toBe('B');
  });

  it.each([
    ['<p>I just passed <b>10K followers</b> on here. Thank you all!</p>'],
    ['<div>Thanks to my <span>12,000 followers</span> for reading every week, it means a lot.</div>'],
    ['<blockquote><span>50K subscribers</span></blockquote>'],
    ['<div contenteditable="true"><span>3 followers</span></div>'],
    ['<textarea>12 followers</textarea>'],
    ['<pre><code>12 followers</code></pre>'],
    ['<div id="comments"><div><span>3.2K followers</span></div></div>'],
    ['<div itemprop="articleBody"><div>2K subscribers</div></div>'],
    ['<script>var s = "12 followers";</script>'],
    ['<div>12.3K likes</div><div>120K views</div><div>8 posts</div>'],
  ])('ignores prose, quotes, editors, comments and untracked metrics: %s', (html) => {
    expect(scan(html)).toEqual([]);
  });
});
