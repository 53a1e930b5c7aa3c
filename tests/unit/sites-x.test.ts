/**
 * X: page types, and the fallbacks behind the hooks, on the real-page fixtures (tests/fixtures/x) changed
 * the way X has changed before — a count link's href renamed (`/followers` → `/verified_followers`,
 * insin/control-panel-for-twitter#416), test ids gone, a link regrouped (CPFT#249).
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { contextFor } from '../../utils/detection/detect-with';
import { pageTypeOf } from '../../utils/sites';
import { examples, x } from '../../utils/sites/x';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/x/${name}`, import.meta.url), 'utf8');

function load(name: string, change?: (doc: Document) => void): Document {
  const doc = parseHTML(fixture(name)).document as unknown as Document;
  change?.(doc);
  return doc;
}

const summary = (doc: Document, url: string, lang?: string) =>
  detect(doc, url, lang).map(({ metric, value, own, via, text }) => ({ metric, value, own, via, text }));

const withoutTestIds = (doc: Document) => {
  for (const el of Array.from(doc.querySelectorAll('[data-testid]'))) el.removeAttribute('data-testid');
};

/** X renames a count link's route, as it did in Sept 2023. */
const renamed = (from: string, to: string) => (doc: Document) => {
  for (const link of Array.from(doc.querySelectorAll(`a[href$="/${from}"]`)))
    link.setAttribute('href', link.getAttribute('href')!.replace(new RegExp(`/${from}$`), `/${to}`));
};

describe('x page types', () => {
  it('classifies every example as its own page type only', () => {
    for (const [name, list] of Object.entries(examples)) {
      for (const example of list) expect(pageTypeOf(x, new URL(example)), example).toBe(name);
    }
  });
});

describe('x own profile, layer by layer', () => {
  it('reads the signed-in handle from the banner’s bare profile link when test ids are gone', () => {
    expect(summary(load('profile-own-likes-signedin-2025.html', withoutTestIds), 'https://x.com/user3/likes').map((d) => d.own)).toEqual([
      true,
      true,
    ]);
    expect(summary(load('profile-other-signedin-2025.html', withoutTestIds), 'https://x.com/user4').map((d) => d.own)).toEqual([
      false,
      false,
    ]);
  });

  it('without a signed-in handle, takes the header’s edit link by its href, then its "Edit profile" label', () => {
    const noNav = (doc: Document) => doc.querySelector('[data-testid="AppTabBar_Profile_Link"]')!.remove();
    expect(summary(load('profile-own-likes-signedin-2025.html', noNav), 'https://x.com/user3/likes').map((d) => d.own)).toEqual([
      true,
      true,
    ]);
    const noHref = (doc: Document) => {
      noNav(doc);
      const edit = doc.querySelector('a[href="/settings/profile"]')!;
      edit.setAttribute('href', '/i/profile/edit');
      edit.removeAttribute('data-testid');
    };
    expect(summary(load('profile-own-likes-signedin-2025.html', noHref), 'https://x.com/user3/likes').map((d) => d.own)).toEqual([
      true,
      true,
    ]);
    // Signed out: nothing says own.
    expect(summary(load('profile-other-loggedout-en-GB-2025.html'), 'https://x.com/user5').map((d) => d.own)).toEqual([false, false]);
  });
});

describe('x regions', () => {
  it('finds the profile header without test ids and without the count links (the banner link, UserName)', () => {
    for (const change of [undefined, withoutTestIds]) {
      const doc = load('profile-other-signedin-2025.html', change);
      const ctx = contextFor(x, doc, new URL('https://x.com/user4'));
      const [header, ...rest] = x.regions!(ctx);
      expect(rest).toEqual([]);
      expect(header!.element.querySelector('a[href$="/following"]')).not.toBeNull();
      expect(header!.element.querySelector('[data-testid="cellInnerDiv"], [role="group"]')).toBeNull();
      expect(header!.transient).toBeUndefined();
      expect(header!.own()).toBe(false);
    }
  });

  it('reads a count whose link X renamed from its label, in the header, with the header’s own flag', () => {
    const doc = load('profile-own-likes-signedin-2025.html', renamed('verified_followers', 'followers_all'));
    expect(summary(doc, 'https://x.com/user3/likes')).toEqual([
      { metric: 'following', value: 5080, own: true, via: 'hook', text: '5,080 Following' },
      { metric: 'followers', value: 2381, own: true, via: 'label', text: '2,381 Followers' },
    ]);
    const other = load('profile-other-loggedout-en-GB-2025.html', renamed('following', 'follows'));
    expect(summary(other, 'https://x.com/user5')).toEqual([
      { metric: 'followers', value: 14000, own: false, via: 'hook', text: '14K Followers' },
      { metric: 'following', value: 979, own: false, via: 'label', text: '979 Following' },
    ]);
  });

  it('reads a hovercard’s renamed count from its label, as a transient region', () => {
    const doc = load('profile-own.html', (d) => renamed('verified_followers', 'followers_all')(d));
    const ctx = contextFor(x, doc, new URL('https://x.com/sam_reader'));
    expect(x.regions!(ctx).map((region) => region.transient ?? false)).toEqual([false, true]);
    expect(summary(doc, 'https://x.com/sam_reader').filter((d) => d.value === 4024)).toEqual([
      { metric: 'followers', value: 4024, own: false, via: 'label', text: '4,024 Followers' },
    ]);
  });

  it('has no region on pages without a profile header, however many count-shaped links they hold', () => {
    for (const [name, url] of [
      ['home-signedin-2025.html', 'https://x.com/home'],
      ['followers-list-signedin-2025.html', 'https://x.com/user4/followers'],
    ] as const) {
      const doc = load(name);
      expect(x.regions!(contextFor(x, doc, new URL(url)))).toEqual([]);
      expect(detect(doc, url)).toEqual([]);
    }
  });
});

describe('x follow-list tabs', () => {
  it('never reads a tab, even one that shows a number', () => {
    const doc = load('followers-list-signedin-2025.html', (d) => {
      const tab = d.querySelector('a[role="tab"][href$="/followers"] span')!;
      tab.textContent = '1,234 Followers';
    });
    expect(detect(doc, 'https://x.com/user4/followers')).toEqual([]);
  });
});

describe('x zh-Hant', () => {
  it('reads a regrouped zh-Hant link by its phrase (個跟隨中), and says so', () => {
    const doc = load('header-link-zh-Hant-2025.html', (d) => {
      const link = d.querySelector('a')!;
      link.textContent = '1,228 個跟隨中';
    });
    expect(summary(doc, 'https://x.com/user1', 'zh-Hant')).toEqual([
      { metric: 'following', value: 1228, own: false, via: 'label', text: '1,228 個跟隨中' },
    ]);
  });
});
