import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../utils/detection/detect';
import { pageTypeOf } from '../../utils/sites';
import { examples, substack } from '../../utils/sites/substack';

function scan(body: string, url: string, lang = 'en') {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="${lang}"><body>${body}</body></html>`);
  return detect(document as unknown as Document, url).map(({ metric, value, approximate, own, text }) => ({
    metric,
    value,
    approximate,
    own,
    text,
  }));
}

/** A post's end call to action as Substack serves it (microlinkhq/metascraper's 2024 capture). */
function endCta(line: string, title = '<h3>Subscribe to Jane’s Notes</h3>', lineClass = 'end-cta-author-subs') {
  return (
    `<article class="typography newsletter-post post"><div class="available-content"><div ` +
    `class="body markup"><p>4,800 subscribers!</p></div></div>
    <div ` +
    `class="post-end-cta-full">${title}<p class="${lineClass}">${line}</p><p class="end-cta-hero-text">Notes.</p>
    <div class="subscribe-widget" ` +
    `data-component-name="SubscribeWidget"><button>Subscribe</button></div></div></article>`
  );
}

describe('substack page types', () => {
  it('classifies each example as its own page type only', () => {
    for (const [name, list] of Object.entries(examples)) {
      for (const example of list) expect(pageTypeOf(substack, new URL(example)), example).toBe(name);
    }
  });
});

describe('substack counts', () => {
  it('lets the link path decide between subscribers and followers', () => {
    // French "abonnés" is listed as followers first in the shared label words; the href says subscribers.
    const found = scan(
      `<main><a href="https://substack.com/@jean/subscribers">1,2 k abonnés</a></main>`,
      'https://substack.com/@jean',
      'fr',
    );
    expect(found).toEqual([{ metric: 'subscribers', value: 1200, approximate: true, own: false, text: '1,2 k abonnés' }]);
  });

  it('reads a trailing "+" as a lower bound', () => {
    const found = scan(`<main><a href="/@jane/subscribers">276K+ subscribers</a></main>`, 'https://substack.com/@jane');
    expect(found).toMatchObject([{ metric: 'subscribers', value: 276000, approximate: true }]);
  });

  it('ignores links whose text is not a count, and counts of other metrics', () => {
    const found = scan(
      `<main><a href="/@jane/subscribers">See all</a><a href="/@jane/followers">12 likes</a><a ` +
        `href="/@jane/subscribers/export">978 subscribers</a></main>`,
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

describe('substack ranking lines', () => {
  it('reads the end call to action’s count: “By NAME · Over 2,000 subscribers”', () => {
    expect(scan(endCta('By Jane Doe · Over 2,000 subscribers'), 'https://jane.substack.com/p/why')).toEqual([
      { metric: 'subscribers', value: 2000, approximate: true, own: false, text: 'Over 2,000 subscribers' },
    ]);
  });

  it('never reads tier words, which have no number', () => {
    for (const tier of ['Hundreds of paid subscribers', 'Thousands of paid subscribers', 'Tens of thousands of paid subscribers']) {
      expect(scan(endCta(`By Jane Doe · ${tier}`), 'https://jane.substack.com/p/why')).toEqual([]);
    }
  });

  it('finds the line without its class, after the title in the subscribe widget’s block', () => {
    const found = detect(
      parseHTML(`<html lang="en"><body>${endCta('By Jane Doe · Over 2,000 subscribers', '<h3>Subscribe</h3>', 'x1b2c3')}</body></html>`)
        .document as unknown as Document,
      'https://jane.substack.com/p/why',
    );
    expect(found.map(({ metric, value, via }) => ({ metric, value, via }))).toEqual([{ metric: 'subscribers', value: 2000, via: 'label' }]);
  });

  it('reads the publication hovercard’s meta line, not its @name, hero text or a note in the feed', () => {
    const found = scan(
      `<div class="ProseMirror FeedProseMirror"><p><strong>Almost at 5,000 subscribers!!</strong>` +
        `</p><p><strong>5,000 subscribers</strong></p></div>
       <div data-radix-popper-content-wrapper=""><div><a href="https://bob.substack.com"><div>` +
        `@bob</div></a><div>12,000 subscribers read it.</div><div class="meta-EgzBVA">OVER 18,000 SUBSCRIBERS</div></div></div>`,
      'https://substack.com/home',
    );
    expect(found).toEqual([{ metric: 'subscribers', value: 18000, approximate: true, own: false, text: 'OVER 18,000 SUBSCRIBERS' }]);
  });

  it('leaves a publication on its own domain to the generic detector', () => {
    const { document } = parseHTML(`<html lang="en"><body>${endCta('By Jane Doe · Over 2,000 subscribers')}</body></html>`);
    const doc = document as unknown as Document;
    expect(substack.detect(doc, { url: new URL('https://janesnotes.example.com/p/why'), doc, lang: 'en', page: undefined })).toEqual([]);
  });
});

describe('substack own profile', () => {
  it('takes the Dashboard button in the profile header for own, not the one in the navigation', () => {
    const header = (controls: string) =>
      `<div class="sideNav-O74Ik5"><button data-href="https://sam.substack.com/publish/home?utm_source=menu">Dashboard</button></div>
       <main><div><div><h1>Sam</h1><div><a href="/@sam/subscribers">978 subscribers</a></div></div>${controls}</div></main>`;
    expect(scan(header('<div><button>Subscribe</button></div>'), 'https://substack.com/@sam')).toMatchObject([{ own: false }]);
    expect(
      scan(header('<div><button data-href="https://sam.substack.com/publish/home">Dashboard</button></div>'), 'https://substack.com/@sam'),
    ).toMatchObject([{ own: true }]);
    expect(scan(header('<div><button>Profil bearbeiten</button></div>'), 'https://substack.com/@sam')).toMatchObject([{ own: true }]);
  });
});
