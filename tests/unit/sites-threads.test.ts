import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detection/detect';
import { pageTypeOf } from '../../utils/sites';
import { examples, threads } from '../../utils/sites/threads';
import { contextFor, detectWith } from '../../utils/detection/detect-with';

function run(body: string, url: string, lang = 'en') {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="${lang}"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({
    metric,
    value,
    approximate,
    own,
    text,
  }));
}

function runWith(body: string, url: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="en"><body>${body}</body></html>`);
  return detectWith(threads, document as unknown as Document, url).map(({ metric, value, own, via }) => ({ metric, value, own, via }));
}

/** The real logged-out header chain (tests/fixtures/threads/profile-other-loggedout-2026.html), classes dropped. */
const loggedOut = (count: string, after = '<div role="button" tabindex="0"><div>Follow</div></div>') =>
  '<div role="region" tabindex="0"><div><div><div><div><h1 dir="auto">Jane</h1><div><span dir="auto">jane</span></div></div></div>' +
  `<div><span dir="auto">Bio</span></div><div><div>${count}</div></div></div><div><div>${after}</div></div></div></div>`;

describe('threads page types', () => {
  it('classifies every example as its own page type only', () => {
    for (const [name, list] of Object.entries(examples)) {
      for (const example of list) expect(pageTypeOf(threads, new URL(example)), example).toBe(name);
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

describe('threads on real logged-out markup', () => {
  const link =
    '<a href="/login" role="link" tabindex="0"><div><span dir="auto"><span title="517,904">517K</span> followers</span></div></a>';

  it('reads the count inside the link to /login (every real capture wraps it so)', () => {
    expect(run(loggedOut(link), 'https://www.threads.com/@jane')).toEqual([
      { metric: 'followers', value: 517904, approximate: false, own: false, text: '517K followers' },
    ]);
  });

  it('never reads Instagram: not on its host, and its hooks not inside a link to a /<user>/followers/ list', () => {
    const instagramLink = '<a href="/jane/followers/" role="link"><span dir="auto"><span title="517,904">517K</span> followers</span></a>';
    expect(runWith(loggedOut(link), 'https://www.instagram.com/@jane')).toEqual([]);
    const { document } = parseHTML(`<!DOCTYPE html><html lang="en"><body>${loggedOut(instagramLink)}</body></html>`);
    const doc = document as unknown as Document;
    expect(threads.detect(doc, contextFor(threads, doc, new URL('https://www.threads.com/@jane')))).toEqual([]);
  });

  it('reads a link or button without the titled span from its label, and says so', () => {
    const plain = '<a href="/login" role="link" tabindex="0"><div><span dir="auto">517K followers</span></div></a>';
    expect(runWith(loggedOut(plain), 'https://www.threads.com/@jane')).toEqual([
      { metric: 'followers', value: 517000, own: false, via: 'label' },
    ]);
  });

  it('finds the count in the header region (around the h1) when neither title nor a clickable element is left', () => {
    const bare = '<div><span dir="auto">517K followers</span></div>';
    expect(runWith(loggedOut(bare), 'https://www.threads.com/@jane')).toEqual([
      { metric: 'followers', value: 517000, own: false, via: 'generic' },
    ]);
  });

  it('marks the count own by "Edit profile" in the row after the header, in any shipped language', () => {
    const edit = '<div role="button" tabindex="0"><div>Profil bearbeiten</div></div>';
    expect(run(loggedOut(link, edit), 'https://www.threads.com/@jane')[0]?.own).toBe(true);
  });
});
