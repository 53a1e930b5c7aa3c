/** GitHub adapter: which Star counter is reported, and numbers read as en-US whatever the page language. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';

const REPO = 'https://github.com/octo-jane/lumen';

function counter(id: string, count: number, text: string, attrs = true): string {
  const exact = attrs ? ` title="${count.toLocaleString('en-US')}" aria-label="${count} users starred this repository"` : '';
  return `<span id="${id}"${exact} class="Counter js-social-count">${text}</span>`;
}

function repoPage(lang: string, starButton: string): Document {
  return parseHTML(`<html lang="${lang}"><body><div id="repository-container-header">${starButton}</div></body></html>`)
    .document as unknown as Document;
}

function starButton(starred: boolean): string {
  return `<div class="js-toggler-container js-social-container starring-container${starred ? ' on' : ''}">
    <div class="starred BtnGroup">${counter('repo-stars-counter-unstar', 12346, '12.3k')}</div>
    <div class="unstarred BtnGroup">${counter('repo-stars-counter-star', 12345, '12.3k')}</div></div>`;
}

describe('github star counter', () => {
  it('reports only the counter of the state the toggler shows', () => {
    expect(detect(repoPage('en', starButton(false)), REPO).map((d) => d.value)).toEqual([12345]);
    expect(detect(repoPage('en', starButton(true)), REPO).map((d) => d.value)).toEqual([12346]);
  });

  it('reads the exact title as en-US on a page whose lang says otherwise', () => {
    for (const lang of ['de', 'fr', 'pt-BR']) {
      const [found] = detect(repoPage(lang, starButton(false)), REPO);
      expect(found).toMatchObject({ metric: 'stars', value: 12345, approximate: false, text: '12.3k' });
    }
  });

  it('falls back to the abbreviated text when no exact attribute is there', () => {
    const [found] = detect(repoPage('en', counter('repo-stars-counter-star', 0, '12.3k', false)), REPO);
    expect(found).toMatchObject({ value: 12300, approximate: true });
  });
});

describe('github star counter, 2021 markup (a.social-count in both toggler forms)', () => {
  const socialCount = (count: number) =>
    `<a class="social-count js-social-count" href="/octo-jane/lumen/stargazers" aria-label="${count} ` +
    `users starred this repository">${count}</a>`;
  const toggler = (on: boolean, cls = 'js-toggler-container js-social-container starring-container') =>
    `<div class="${cls}${on ? ' on' : ''}">
      <form class="starred js-social-form" action="/octo-jane/lumen/unstar"><button>Unstar</button> ${socialCount(38)}</form>
      <form class="unstarred js-social-form" action="/octo-jane/lumen/star"><button>Star</button> ${socialCount(37)}</form></div>`;

  it('reports the shown form’s counter, exact from the aria-label', () => {
    expect(detect(repoPage('en', toggler(false)), REPO).map((d) => [d.value, d.text])).toEqual([[37, '37']]);
    expect(detect(repoPage('en', toggler(true)), REPO).map((d) => d.value)).toEqual([38]);
  });

  it('tells the states apart by the forms’ actions when the classes are renamed', () => {
    expect(detect(repoPage('en', toggler(false, 'x1 x2 x3')), REPO).map((d) => d.value)).toEqual([37]);
  });

  it('never reads another repository’s stargazers counter', () => {
    const other =
      `<a class="social-count js-social-count" href="/sam-dev/tiny-lib/stargazers" aria-label="5 ` + `users starred this repository">5</a>`;
    expect(detect(repoPage('en', other), REPO)).toEqual([]);
  });
});

describe('github repo header region', () => {
  it('reads "Star 254" by its label when the counter loses its id and aria-label', () => {
    const button =
      `<ul class="pagehead-actions"><li><a href="/login?return_to=%2Focto-jane%2Flumen" class="btn-sm ` +
      `btn">Fork <span class="Counter">17</span></a></li>
      <li><a href="/login?return_to=%2Focto-jane%2Flumen" class="btn-sm btn"><span class="d-inline">` +
      `Star</span> <span class="Counter">254</span></a></li></ul>`;
    expect(detect(repoPage('en', button), REPO).map(({ metric, value, via }) => ({ metric, value, via }))).toEqual([
      { metric: 'stars', value: 254, via: 'label' },
    ]);
  });
});

describe('github profile', () => {
  const PROFILE = 'https://github.com/octo-jane';
  const page = (card: string, nav = '') =>
    parseHTML(
      `<html lang="en"><body class="page-profile"><div class="h-card" itemscope ` +
        `itemtype="http://schema.org/Person">${card}</div>${nav}</body></html>`,
    ).document as unknown as Document;
  const tabs = `<nav class="UnderlineNav-body" aria-label="User profile">
    <a class="UnderlineNav-item" href="/octo-jane?tab=stars">Stars <span class="Counter">7</span></a>
    <a class="UnderlineNav-item" href="/octo-jane?tab=followers">Followers <span class="Counter">1.2k</span></a>
    <a class="UnderlineNav-item" href="/octo-jane?tab=following">Following <span class="Counter">3</span></a></nav>`;

  it('reads the 2019 tab row’s counters outside the h-card, never the Stars tab', () => {
    const found = detect(page('<h1 class="vcard-names"><span itemprop="additionalName">octo-jane</span></h1>', tabs), PROFILE);
    expect(found.map(({ metric, value, approximate, own }) => ({ metric, value, approximate, own }))).toEqual([
      { metric: 'followers', value: 1200, approximate: true, own: false },
      { metric: 'following', value: 3, own: false, approximate: false },
    ]);
  });

  it('takes the h-card’s "Edit" button (2019) for your own profile, even with its classes renamed', () => {
    const found = detect(page('<button type="button" class="x9">Edit</button>', tabs), PROFILE);
    expect(found.map((d) => d.own)).toEqual([true, true]);
  });

  it('does not read a link to someone else’s followers outside the sidebar', () => {
    const nav = `<nav><a href="/sam-dev?tab=followers">Followers <span class="Counter">9</span></a></nav>`;
    expect(detect(page('', nav), PROFILE)).toEqual([]);
  });
});
