/** GitHub adapter: which Star counter is reported, and numbers read as en-US whatever the page language. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detect';

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
