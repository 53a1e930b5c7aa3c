/** YouTube adapter: phrase reading details the fixtures do not pin down. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { parseWith } from './fixture-dom';

function searchResult(lang: string, videoCount: string): Document {
  const html = `<html lang="${lang}"><body><ytd-channel-renderer><div id="metadata">
    <yt-formatted-string id="subscribers">@jane</yt-formatted-string>
    <span id="video-count">${videoCount}</span></div></ytd-channel-renderer></body></html>`;
  return parseHTML(html).document as unknown as Document;
}

const SEARCH = 'https://www.youtube.com/results?search_query=x';

describe('youtube subscriber phrases', () => {
  it.each([
    ['es', '1,23\u00a0M de suscriptores', 1230000],
    ['pt-BR', '1,2\u00a0mi de inscritos', 1200000],
    ['fr', '12,3\u00a0k abonnés', 12300],
    ['ru', '12,3\u00a0тыс. подписчиков', 12300],
  ])('reads %s "%s" as subscribers', (lang, text, value) => {
    const found = detect(searchResult(lang, text), SEARCH);
    expect(found.map((d) => [d.metric, d.value, d.approximate])).toEqual([['subscribers', value, true]]);
  });

  it.each([
    ['fr', '1,2\u00a0M de vues'],
    ['en', '456 videos'],
    ['en', ''],
  ])('ignores %s "%s" (views, videos, a hidden count)', (lang, text) => {
    expect(detect(searchResult(lang, text), SEARCH)).toEqual([]);
  });
});

const fixture = (name: string) => readFileSync(new URL(`../fixtures/youtube/${name}`, import.meta.url), 'utf8');
const summary = (doc: Document, url: string) =>
  detect(doc, url).map(({ metric, value, own, text, via }) => ({ metric, value, own, text, via }));

describe('youtube pages left behind, hidden (single-page navigation)', () => {
  const url = 'https://www.youtube.com/channel/UC0000000000000000000001';

  it('reads no count in the hidden watch page behind a channel, even where it still shows one', () => {
    const doc = parseWith('linkedom', fixture('channel-other-loggedin-2025-b.html'), url);
    const stale = doc.querySelector('ytd-watch-flexy[hidden] #owner-sub-count');
    expect(stale).not.toBeNull();
    stale!.textContent = '9.87M subscribers';
    expect(summary(doc, url).map(({ text }) => text)).toEqual(['5.22K subscribers']);
  });

  it('reads no count in a hidden channel page behind the home feed', () => {
    const channel = parseWith('linkedom', fixture('channel-other-loggedin-2025.html'), url);
    const home = parseWith('linkedom', fixture('home-loggedin-2025-12.html'), 'https://www.youtube.com/');
    const browse = home.importNode(channel.querySelector('ytd-browse')!, true) as Element;
    browse.setAttribute('hidden', '');
    browse.removeAttribute('role');
    home.querySelector('ytd-page-manager')!.appendChild(browse);
    expect(detect(home, 'https://www.youtube.com/')).toEqual([]);
    browse.removeAttribute('hidden');
    expect(detect(home, 'https://www.youtube.com/').map(({ text }) => text)).toEqual(['10.4K subscribers']);
  });
});

/** A redesign the drill does not make: YouTube renames its custom elements and ids (the 2024 header replaced c4's). */
function renameTags(doc: Document, tags: Readonly<Record<string, string>>, ids: readonly string[]): void {
  for (const [from, to] of Object.entries(tags)) {
    for (const el of Array.from(doc.querySelectorAll(from))) {
      const renamed = doc.createElement(to);
      for (const { name, value } of Array.from(el.attributes)) renamed.setAttribute(name, value);
      while (el.firstChild) renamed.appendChild(el.firstChild);
      el.replaceWith(renamed);
    }
  }
  for (const id of ids) for (const el of Array.from(doc.querySelectorAll(`#${id}`))) el.setAttribute('id', `${id}-2027`);
}

const RENAMED = {
  'yt-page-header-view-model': 'yt-page-header-2027',
  'yt-content-metadata-view-model': 'yt-metadata-2027',
  'ytd-video-owner-renderer': 'ytd-owner-2027',
};
const RENAMED_IDS = ['page-header', 'owner', 'owner-sub-count'];

// Both DOMs: happy-dom counts the elements `around` may take (linkedom's getElementsByTagName('*') is empty).
describe.each(['happy-dom', 'linkedom'] as const)('youtube regions by landmarks, where the tags are gone (%s)', (kind) => {
  it.each([
    ['channel-other-loggedin-2025.html', 'https://www.youtube.com/channel/UC0000000000000000000001', 10400, false],
    ['channel-other-loggedin-2025-b.html', 'https://www.youtube.com/channel/UC0000000000000000000001', 5220, false],
    ['channel-own-2025.html', 'https://www.youtube.com/@user3', 12300, true],
    ['channel-other-de-2025.html', 'https://www.youtube.com/@user3', 1200000, false],
    ['watch-other-loggedin-2025.html', 'https://www.youtube.com/watch?v=user3', 23500, false],
    ['watch-own-ja-2025.html', 'https://www.youtube.com/watch?v=user3', 12000, true],
  ])('%s', (file, url, value, own) => {
    const doc = parseWith(kind, fixture(file), url);
    renameTags(doc, RENAMED, RENAMED_IDS);
    const found = summary(doc, url);
    expect(found.map(({ metric, value: v, own: o }) => ({ metric, value: v, own: o }))).toEqual([{ metric: 'subscribers', value, own }]);
    expect(found[0]!.via).not.toBe('hook');
  });

  it.each(['#owner-sub-count-2027', '#owner-2027'])(
    'does not read the description’s copies of the owner’s count when %s goes',
    (selector) => {
      const doc = parseWith(kind, fixture('watch-other-loggedin-2025.html'), 'https://www.youtube.com/watch?v=user3');
      renameTags(doc, RENAMED, RENAMED_IDS);
      doc.querySelector(selector)!.remove();
      expect(detect(doc, 'https://www.youtube.com/watch?v=user3')).toEqual([]);
    },
  );
});

describe('youtube own channel, by the viewer’s channel id', () => {
  const url = 'https://www.youtube.com/channel/UC0000000000000000000001';

  it('is not yours when the guide’s Studio link is another channel’s', () => {
    const doc = parseWith('linkedom', fixture('channel-other-loggedin-2025-b.html'), url);
    expect(doc.querySelector('#guide a[href^="https://studio.youtube.com/channel/UC0000000000000000000002"]')).not.toBeNull();
    expect(summary(doc, url).map(({ own }) => own)).toEqual([false]);
  });

  it('is yours when it is this channel’s', () => {
    const doc = parseWith('linkedom', fixture('channel-other-loggedin-2025-b.html'), url);
    const link = doc.querySelector('#guide a[href^="https://studio.youtube.com/channel/"]')!;
    link.setAttribute('href', 'https://studio.youtube.com/channel/UC0000000000000000000001/videos');
    expect(summary(doc, url).map(({ own }) => own)).toEqual([true]);
  });
});
