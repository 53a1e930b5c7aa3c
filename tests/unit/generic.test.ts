import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';

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
      parseHTML('<html lang="en"><body><section><div><div><b>312 followers</b></div></div></section></body></html>')
        .document as unknown as Document,
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

  it('reads WordPress’s sign-up widgets: “Join N other subscribers / followers”', () => {
    expect(scan('<form><p>Enter your email address to subscribe.</p><p>Join 9,518 other subscribers</p></form>')).toEqual([
      { metric: 'subscribers', value: 9518, text: 'Join 9,518 other subscribers' },
    ]);
    expect(scan('<div class="blog-subscribe"><p>Join 66,707,982 other followers</p></div>')).toEqual([
      { metric: 'followers', value: 66707982, text: 'Join 66,707,982 other followers' },
    ]);
    expect(scan('<p>Join <span>1,204</span> others. Price: $5/month</p><p>Join 3 other people</p>')).toEqual([]);
  });

  it('reports the count beside a separator, not the separator (Medium’s “· 7 following”)', () => {
    const { document } = parseHTML(
      '<html lang="en"><body><div><div><span aria-hidden="true"><span>·</span></span><a ' +
        'href="/following">7 following</a></div></div></body></html>',
    );
    const found = detect(document as unknown as Document, 'https://uxdesign.cc/');
    expect(found.map(({ metric, value, text }) => ({ metric, value, text }))).toEqual([
      { metric: 'following', value: 7, text: '7 following' },
    ]);
    expect(found[0]?.element.tagName).toBe('A');
  });

  it('reads a count alone on its line after a label line, however long the label (express.de)', () => {
    expect(
      scan(
        '<div class="stats">YouTube hier abonnieren<br><strong><span data-count="über 8300 ' +
          'Abonnenten">über 8300 Abonnenten</span></strong></div>',
        'de',
      ),
    ).toEqual([{ metric: 'subscribers', value: 8300, text: 'über 8300 Abonnenten' }]);
    expect(scan('<p>Thanks for reading, we now have<br><b>10K followers</b> and counting!</p>')).toEqual([]);
  });

  it('reads a bold count that opens a sentence outside posts, and no other bold count in a sentence', () => {
    expect(scan('<section class="signup"><p><strong>2,345 subscribers</strong> read it every Sunday.</p></section>')).toEqual([
      { metric: 'subscribers', value: 2345, text: '2,345 subscribers' },
    ]);
    expect(scan('<article><p><strong>2,345 subscribers</strong> read it every Sunday.</p></article>')).toEqual([]);
    expect(scan('<div class="entry-content"><p><b>10K followers</b> later, nothing changed.</p></div>')).toEqual([]);
    expect(scan('<aside><p>Last week <strong>1,200 subscribers</strong> opened it.</p></aside>')).toEqual([]);
    expect(scan('<div><span>2,345 subscribers</span> read it every Sunday, thank you.</div>')).toEqual([]);
  });
});
