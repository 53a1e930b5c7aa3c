import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detect';
import { pageTypeOf } from '../../utils/sites';
import { reddit } from '../../utils/sites/reddit';

function scan(body: string, url: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="en"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({ metric, value, approximate, own, text }));
}

describe('reddit page types', () => {
  it('classifies each example as its own page type only', () => {
    for (const [name, page] of Object.entries(reddit.pages)) {
      for (const example of page.examples) expect(pageTypeOf(reddit, new URL(example)), example).toBe(name);
    }
  });

  it('does not take other sites’ /user/ paths for Reddit profiles', () => {
    expect(pageTypeOf(reddit, new URL('https://example.com/user/jane_doe/'))).toBeUndefined();
  });
});

describe('reddit karma', () => {
  it('takes the exact value from a faceplate-number inside the karma number', () => {
    const found = scan(
      `<div data-testid="profile-details-content-wrapper"><div><span data-testid="karma-number"><faceplate-number pretty number="12345">12K</faceplate-number></span>
       <p>Post karma</p></div></div>`,
      'https://www.reddit.com/user/jane_doe/',
    );
    expect(found).toEqual([{ metric: 'karma', value: 12345, approximate: false, own: false, text: '12K Post karma' }]);
  });

  it('reads abbreviated karma as approximate', () => {
    const found = scan(`<div data-testid="profile-details-content-wrapper"><span data-testid="karma-number">1.2K</span></div>`, 'https://www.reddit.com/user/jane_doe/');
    expect(found).toMatchObject([{ metric: 'karma', value: 1200, approximate: true }]);
  });

  it('drops a karma-number whose label names another metric', () => {
    const found = scan(`<div data-testid="profile-details-content-wrapper"><div><span data-testid="karma-number">87</span>
      <p>Followers</p></div></div>`, 'https://www.reddit.com/user/jane_doe/');
    expect(found.filter((item) => item.metric === 'karma')).toEqual([]);
  });

  it('marks the profile own from the settings link when the user drawer is not loaded yet', () => {
    const found = scan(
      `<aside id="right-sidebar-contents"><div data-testid="profile-details-content-wrapper"><a href="/settings/profile">Edit profile</a>
       <div><span data-testid="karma-number">58</span>
       <p>Comment karma</p></div></div></aside>`,
      'https://www.reddit.com/user/sam_reader/',
    );
    expect(found).toMatchObject([{ metric: 'karma', value: 58, own: true }]);
  });

  it('never marks a hovercard own from the profile’s settings link', () => {
    const found = scan(
      `<aside id="right-sidebar-contents"><a href="/settings/profile">Edit profile</a></aside>
       <faceplate-hovercard><a href="/user/bob/">bob</a><div slot="content"><div><span data-testid="karma-number">10</span>
       <div>Post karma</div></div></div></faceplate-hovercard>`,
      'https://www.reddit.com/user/sam_reader/',
    );
    expect(found).toMatchObject([{ metric: 'karma', value: 10, own: false }]);
  });

  it('reads no followers line outside the profile sidebar', () => {
    expect(scan('<div><p>87 followers</p></div>', 'https://www.reddit.com/user/jane_doe/')).toEqual([]);
    expect(scan('<aside id="right-sidebar-contents"><p>87 followers</p></aside>', 'https://www.reddit.com/r/rust/')).toEqual([]);
  });
});
