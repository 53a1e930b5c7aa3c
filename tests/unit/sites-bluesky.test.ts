import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detect';
import { pageTypeOf } from '../../utils/sites';
import { bluesky } from '../../utils/sites/bluesky';

function run(body: string, url = 'https://bsky.app/') {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="en"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({ metric, value, approximate, own, text }));
}

describe('bluesky page types', () => {
  it('classifies every example as its own page type only', () => {
    for (const [name, page] of Object.entries(bluesky.pages)) {
      for (const example of page.examples) expect(pageTypeOf(bluesky, new URL(example)), example).toBe(name);
    }
  });
});

describe('bluesky links', () => {
  it('takes the exact value from a raw-integer aria-label build', () => {
    const body =
      '<a href="/profile/jane.bsky.social/followers" aria-label="12345 followers" role="link" data-testid="profileHeaderFollowersButton"><span>12.3K </span><span>followers</span></a>';
    expect(run(body, 'https://bsky.app/profile/jane.bsky.social')).toEqual([
      { metric: 'followers', value: 12345, approximate: false, own: false, text: '12.3K followers' },
    ]);
  });

  it('marks a hover card of the signed-in user as own', () => {
    const body =
      '<nav role="navigation"><a href="/profile/sam.bsky.social" role="link" aria-label="Profile">Profile</a></nav>' +
      '<div><a href="/profile/sam.bsky.social/follows" aria-label="98 following" role="link"><span>98 </span><span>following</span></a></div>';
    expect(run(body)[0]?.own).toBe(true);
  });

  it('ignores untagged links whose aria-label is not this count, and links to other hosts', () => {
    const body =
      '<a href="/profile/bob.bsky.social/followers" role="link" aria-label="Bob’s followers"><span>4K </span><span>followers</span></a>' +
      '<a href="https://example.com/profile/bob.bsky.social/followers" role="link" aria-label="4K followers"><span>4K </span><span>followers</span></a>' +
      '<a href="/profile/bob.bsky.social/follows" role="link" aria-label="4K followers"><span>4K </span><span>followers</span></a>';
    expect(run(body)).toEqual([]);
  });
});
