import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detection/detect';
import { pageTypeOf } from '../../utils/sites';
import { examples, reddit } from '../../utils/sites/reddit';

function scan(body: string, url: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="en"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({
    metric,
    value,
    approximate,
    own,
    text,
  }));
}

function scanVia(body: string, url: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="en"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, own, via }) => ({ metric, value, own, via }));
}

describe('reddit page types', () => {
  it('classifies each example as its own page type only', () => {
    for (const [name, list] of Object.entries(examples)) {
      for (const example of list) expect(pageTypeOf(reddit, new URL(example)), example).toBe(name);
    }
  });

  it('does not take other sites’ /user/ paths for Reddit profiles', () => {
    expect(pageTypeOf(reddit, new URL('https://example.com/user/jane_doe/'))).toBeUndefined();
  });
});

describe('reddit karma', () => {
  it('takes the exact value from a faceplate-number inside the karma number', () => {
    const found = scan(
      `<div data-testid="profile-details-content-wrapper"><div><span data-testid="karma-number">` +
        `<faceplate-number pretty number="12345">12K</faceplate-number></span>
       <p>Post karma</p></div></div>`,
      'https://www.reddit.com/user/jane_doe/',
    );
    expect(found).toEqual([{ metric: 'karma', value: 12345, approximate: false, own: false, text: '12K Post karma' }]);
  });

  it('reads abbreviated karma as approximate', () => {
    const found = scan(
      `<div data-testid="profile-details-content-wrapper"><span data-testid="karma-number">1.2K</span></div>`,
      'https://www.reddit.com/user/jane_doe/',
    );
    expect(found).toMatchObject([{ metric: 'karma', value: 1200, approximate: true }]);
  });

  it('drops a karma-number whose label names another metric', () => {
    const found = scan(
      `<div data-testid="profile-details-content-wrapper"><div><span data-testid="karma-number">87</span>
      <p>Followers</p></div></div>`,
      'https://www.reddit.com/user/jane_doe/',
    );
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

describe('reddit hovercards', () => {
  const POST = 'https://www.reddit.com/r/freelance/comments/1abc2d/what_got_you/';
  const community = (numbers: string) =>
    `<faceplate-hovercard data-id="community-hover-card" aria-label="r/freelance"><a href="/r/freelance/">r/freelance</a>
    <div slot="content"><div><span><span><faceplate-number number="312000" pretty>312K</faceplate-number>` +
    `</span><span>${numbers}</span></span></div></div></faceplate-hovercard>`;

  it('never reads a community card’s numbers, whatever their label', () => {
    expect(scan(community('Members'), POST)).toEqual([]);
    expect(scan(community('Karma'), POST)).toEqual([]);
    expect(scan(community('followers'), POST)).toEqual([]);
  });

  it('reads a user card’s karma by its label when the karma-number test id is gone', () => {
    const card = `<faceplate-hovercard data-id="user-hover-card" label="bob_b details"><a href="/user/bob_b/">bob_b</a>
      <div slot="content"><faceplate-partial loading="programmatic"><div><div><span>10</span><div>Post karma</div></div>
      <div><span>4</span><div>Comment karma</div></div></div></faceplate-partial></div></faceplate-hovercard>`;
    expect(scanVia(card, POST)).toEqual([
      { metric: 'karma', value: 10, own: false, via: 'label' },
      { metric: 'karma', value: 4, own: false, via: 'label' },
    ]);
  });
});

describe('old reddit', () => {
  const header = (name: string, karma: string) =>
    `<div id="header"><div id="header-bottom-right"><span class="user"><a ` +
    `href="https://old.reddit.com/user/${name}/">${name}</a>&nbsp;(<span class="userkarma" title="link ` +
    `karma">${karma}</span>)</span></div></div>`;
  const box = (name: string, cls = 'karma', comment = 'karma comment-karma') =>
    `<div class="side"><div class="spacer"><div class="titlebox"><h1>${name}</h1><span class="${cls}">306</span> ` +
    ` link karma<br><span class="${comment}">34</span>  comment karma</div></div></div>`;

  it('reports your own link karma once on your own profile: the sidebar’s, not the header’s copy', () => {
    expect(scanVia(header('sam_reader', '306') + box('sam_reader'), 'https://old.reddit.com/user/sam_reader/')).toEqual([
      { metric: 'karma', value: 306, own: true, via: 'hook' },
      { metric: 'karma', value: 34, own: true, via: 'hook' },
    ]);
  });

  it('keeps both on someone else’s profile, and the header’s where the numbers differ', () => {
    expect(
      scan(header('sam_reader', '306') + box('jane_doe'), 'https://old.reddit.com/user/jane_doe/').map((d) => [d.value, d.own]),
    ).toEqual([
      [306, true],
      [306, false],
      [34, false],
    ]);
    expect(scan(header('sam_reader', '1,204') + box('sam_reader'), 'https://old.reddit.com/user/sam_reader/').map((d) => d.value)).toEqual([
      1204, 306, 34,
    ]);
  });

  it('reads the profile box by its h1 and labels when the classes are renamed', () => {
    const renamed =
      `<div id="header"><div id="header-bottom-right"><span class="x1"><a ` +
      `href="https://old.reddit.com/user/sam_reader/">sam_reader</a>&nbsp;(<span class="x2" ` +
      `title="link karma">306</span>)</span></div></div>`;
    expect(scanVia(renamed + box('sam_reader', 'x3', 'x3 x4'), 'https://old.reddit.com/user/sam_reader/')).toEqual([
      { metric: 'karma', value: 306, own: true, via: 'label' },
      { metric: 'karma', value: 34, own: true, via: 'label' },
    ]);
  });

  it('never reads a subreddit sidebar (readers, users here now)', () => {
    const side =
      `<div class="side"><div class="spacer"><div class="titlebox"><h1 class="hover ` +
      `redditname"><a href="/r/aww/">aww</a></h1><span class="subscribers"><span ` +
      `class="number">16,986,702</span> <span class="word">readers</span></span><p ` +
      `class="users-online"><span class="number">22,291</span> <span class="word">users here ` +
      `now</span></p></div></div></div>`;
    expect(scan(side, 'https://old.reddit.com/r/aww/')).toEqual([]);
  });
});
