/** YouTube adapter: phrase reading details the fixtures do not pin down. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detect';

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
