/**
 * The site-health diagnostic holds the structure of a page's count regions and no page text: fed a page
 * full of personal text, none of it survives — neither in text, nor in attributes, nor in addresses.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { diagnosticOf, redactDiagnostic } from '../../utils/health/diagnostic';

const PERSONAL = [
  'Jane',
  'Margarethe',
  'Okonkwo',
  'jane_doe77',
  'Springfield',
  'Acme',
  'secret',
  'Lakeview',
  'Dolores',
  'janedoe',
  'xiaoming',
  '王小明',
  'さくら',
  'Ålesund',
  'Привет',
  'Mustermann',
  'hunter2',
  'Portland',
  'Pizza',
];

const PAGE =
  `<!DOCTYPE html><html lang="en"><body><main>
  <section class="profile-header Jane-Okonkwo" data-testid="UserAvatar-Container-jane_doe77" id="user-janedoe">
    <h1 title="Margarethe Okonkwo">Margarethe Okonkwo</h1>
    <p class="bio">Lives in Springfield, works at Acme, password hunter2. 555 0123 4567. Loves Pizza.</p>
    <img src="https://cdn.example/jane.jpg" alt="Photo of Jane in Portland">
    <a href="/jane_doe77/verified_followers?ref=Lakeview#Dolores" aria-label="12,345 Followers ` +
  `of Jane"><span>12.3K</span> <span>Followers</span></a>
    <a href="/jane_doe77/following"><span>75</span> <span>Following</span></a>
    <div lang="ja">王小明 さくら フォロワー</div>
    <div data-note="Ålesund Привет Mustermann" style="background:url(secret.png)">xiaoming</div>
  </section>
</main></body></html>`;

describe('diagnostic', () => {
  const { document } = parseHTML(PAGE);
  const region = document.querySelector('section') as unknown as Element;
  const text = diagnosticOf([region], { site: 'x', page: 'profile' });

  it('keeps the structure: tags, attribute names, hooks, label words, digits as #', () => {
    expect(text.split('\n').slice(0, 3)).toEqual([
      'running-for diagnostic · x · profile',
      'main',
      '  section class=profile-header~ data-testid=UserAvatar-Container-*_*## id=user-*',
    ]);
    expect(text).toContain('    h1 title="* *" "* *"');
    expect(text).toContain('href=/*_*##/verified_followers?ref=*#*');
    expect(text).toContain('"##.#K"');
    expect(text).toContain('div lang=ja');
    expect(text).toContain('"Followers"');
    expect(text).toContain('フォロワー');
  });

  it('keeps none of the personal text', () => {
    for (const word of PERSONAL) expect(text, word).not.toContain(word);
    expect(text.replace(/\bh[1-6]\b/g, ''), 'no digit but in heading tags').not.toMatch(/\d/);
    expect(text).not.toMatch(/cdn|example|\.jpg|\.png/);
  });

  it('redacts again whatever a content script claims is redacted', () => {
    const forged = 'running-for diagnostic · x · profile\nsection data-name=Margarethe "Jane lives in Springfield 12345"';
    const clean = redactDiagnostic(forged);
    for (const word of ['Margarethe', 'Jane', 'lives', 'Springfield', '12345']) expect(clean).not.toContain(word);
    expect(redactDiagnostic(text)).toBe(text);
  });
});
