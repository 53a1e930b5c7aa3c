import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detection/detect';
import { contextFor } from '../../utils/detection/detect-with';
import { pageTypeOf } from '../../utils/sites';
import { examples, mastodon } from '../../utils/sites/mastodon';
import { fixtureCases, fixtureSites } from './fixture-dom';

function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('mastodon page types', () => {
  it('classifies every example as its own page type only', () => {
    for (const [name, list] of Object.entries(examples)) {
      for (const example of list) expect(pageTypeOf(mastodon, new URL(example)), example).toBe(name);
    }
  });
});

describe('mastodon recognition by markup', () => {
  it('recognises every Mastodon fixture and no other site’s page', () => {
    for (const site of fixtureSites()) {
      for (const fixture of fixtureCases(site)) {
        expect(mastodon.recognize?.(doc(fixture.html)), `${site}/${fixture.file}`).toBe(site === 'mastodon');
      }
    }
  });

  it('does not take a blog section with id="mastodon" for the app', () => {
    expect(
      mastodon.recognize?.(doc('<html><body><section id="mastodon"><a href="/@me/followers">12K Followers</a></section></body></html>')),
    ).toBe(false);
  });
});

describe('mastodon header links', () => {
  const page = (links: string) =>
    `<html lang="en"><body class="app-body"><div id="mastodon" data-props="{}"><div ` +
    `class="account__header"><div class="account__header__extra"><div ` +
    `class="account__header__extra__links">${links}</div></div></div></div></body></html>`;

  /** The hooks alone (the header's fallback layers read what its labels say: see below). */
  const hooks = (html: string, url: string) => {
    const d = doc(html);
    return mastodon.detect(d, contextFor(mastodon, d, new URL(url)));
  };

  it('skips a link whose label names another metric', () => {
    expect(
      hooks(page('<a href="/@jane/followers" title="300"><strong>300</strong> Following</a>'), 'https://mastodon.social/@jane'),
    ).toEqual([]);
  });

  it('ignores links to another instance', () => {
    expect(
      hooks(
        page('<a href="https://other.example/@jane/followers" title="300"><strong>300</strong> Followers</a>'),
        'https://mastodon.social/@jane',
      ),
    ).toEqual([]);
  });

  it('reads the classic counter by its titled link where the classes are renamed, never a bio’s link', () => {
    const renamed =
      `<html lang="en"><body class="x1"><div id="mastodon" data-props="{}"><div class="x2"><h1>Jane</h1>
      <div class="x3"><p>Road to <a href="/@jane/followers">10K followers</a></p></div>
      <div class="x4"><a href="/@jane/following" title="412"><strong>412</strong> Following</a>` +
      `<a href="/@jane/followers" title="12,345"><strong>12K</strong> Followers</a></div></div></div></body></html>`;
    expect(detect(doc(renamed), 'https://mastodon.social/@jane').map(({ metric, value, via }) => ({ metric, value, via }))).toEqual([
      { metric: 'following', value: 412, via: 'hook' },
      { metric: 'followers', value: 12345, via: 'hook' },
    ]);
  });

  it('leaves a link the hooks refuse to the header’s label layer, which reads what the label says', () => {
    const found = detect(
      doc(page('<a href="/@jane/followers" title="300"><strong>300</strong> Following</a>')),
      'https://mastodon.social/@jane',
    );
    expect(found.map(({ metric, value, via }) => ({ metric, value, via }))).toEqual([{ metric: 'following', value: 300, via: 'label' }]);
  });

  it('reads the advanced (deck) UI prefix', () => {
    const found = detect(
      doc(page('<a href="/deck/@jane/following" title="1,001"><strong>1K</strong> Following</a>')),
      'https://mastodon.social/deck/@jane',
    );
    expect(found.map(({ metric, value, approximate }) => ({ metric, value, approximate }))).toEqual([
      { metric: 'following', value: 1001, approximate: false },
    ]);
  });
});

describe('mastodon own profile, in layers', () => {
  const state = (username: string) =>
    `<script id="initial-state" ` +
    `type="application/json">{"meta":{"me":"1"},"accounts":{"1":{"id":"1","username":"${username}","acct":"${username}"}}}</script>`;
  const redesign = (acct: string, buttons: string, header = 'account__header') =>
    `<div class="${header}"><div class="account__header__bar _barWrapper_a1"><div class="_name_b2"><h1>Sam</h1><div ` +
    `class="account__header__buttons _buttonsDesktop_c3">${buttons}</div></div>
     <ul class="_list_d4"><li class="_item_e5" title="1,532">Followers<a ` +
    `href="/@${acct}/followers">1.5K</a></li><li class="_item_e5" title="287">Following<a href="/@${acct}/following">` +
    `287</a></li></ul></div></div>`;
  const page = (head: string, body: string) =>
    doc(
      `<html lang="en"><head>${head}</head><body class="app-body"><div id="mastodon" data-props="{}"><div role="region" ` +
        `class="column">${body}</div></div></body></html>`,
    );
  const owns = (d: Document, url: string) => detect(d, url).map((found) => `${found.metric}:${found.own}`);

  it('takes the signed-in account from the initial state, whatever the header shows', () => {
    expect(
      owns(page(state('sam'), redesign('sam', '<button type="button" class="button">Follow</button>')), 'https://social.example.org/@sam'),
    ).toEqual(['followers:true', 'following:true']);
    // Someone else's profile: an "Edit profile" elsewhere (the navigation's account menu) changes nothing.
    const other = page(
      state('sam'),
      `${redesign('jane', '<button type="button" class="button">Follow</button>')}<nav><a href="/profile/edit">Edit profile</a></nav>`,
    );
    expect(owns(other, 'https://social.example.org/@jane')).toEqual(['followers:false', 'following:false']);
  });

  it('without an initial state, takes the header’s edit link, in-app (/profile/edit) or settings', () => {
    for (const link of [
      '<a href="/profile/edit" class="button button-secondary">Edit profile</a>',
      '<a href="/settings/profile" target="_blank" class="button button-secondary">Edit profile</a>',
    ]) {
      expect(owns(page('', redesign('sam', link)), 'https://social.example.org/@sam')).toEqual(['followers:true', 'following:true']);
    }
  });

  it('then the control’s label in the app’s language, and the header by its h1 where its class is gone', () => {
    const d = page('', redesign('sam', '<button type="button" class="button">Profil bearbeiten</button>', '_header_f6'));
    expect(owns(d, 'https://social.example.org/@sam')).toEqual(['followers:true', 'following:true']);
  });

  it('knows your own hover card', () => {
    const card =
      `<div id="hover-card" role="tooltip" class="hover-card dropdown-animation"><a class="hover-card__name" href="/@sam">Sam</a>
      <div class="hover-card__numbers"><strong>5.9K</strong> Followers</div><a href="/settings/profile" ` +
      `class="button button-secondary">Edit profile</a></div>`;
    expect(owns(page(state('sam'), card), 'https://social.example.org/home')).toEqual(['followers:true']);
    expect(owns(page(state('kai'), card), 'https://social.example.org/home')).toEqual(['followers:false']);
  });
});
