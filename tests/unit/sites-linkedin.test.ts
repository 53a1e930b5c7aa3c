import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detect } from '../../utils/detect';
import { pageTypeOf } from '../../utils/sites';
import { linkedin } from '../../utils/sites/linkedin';
import { parseWith } from './fixture-dom';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/linkedin/${name}`, import.meta.url), 'utf8');

describe('linkedin page types', () => {
  for (const [type, page] of Object.entries(linkedin.pages)) {
    it.each(page.examples)(`${type}: %s`, (example) => {
      expect(pageTypeOf(linkedin, new URL(example))).toBe(type);
    });
  }
});

describe('linkedin partial scans (what the content script does on mutations)', () => {
  const url = 'https://www.linkedin.com/in/mariana-souza/';

  it.each(['happy-dom', 'linkedom'] as const)('a subtree of the top card finds the counts inside it only (%s)', (kind) => {
    const doc = parseWith(kind, fixture('profile-2026-pt.html'), url);
    // The counts row of the top card (hashed class from the fixture).
    const row = doc.querySelector('section[componentkey$="TopcardSection"] .d5c4b3a2');
    expect(row).toBeTruthy();
    const found = detect(row!, url).map(({ metric, value, text }) => ({ metric, value, text }));
    expect(found).toEqual([
      { metric: 'followers', value: 10842, text: '10.842 seguidores' },
      { metric: 'connections', value: 500, text: '500+ conexões' },
    ]);
  });

  it('a subtree outside every card finds nothing', () => {
    const doc = parseWith('linkedom', fixture('profile-2026-pt.html'), url);
    expect(detect(doc.querySelector('nav')!, url)).toEqual([]);
  });

  it('reads the top card only on /in/<slug>/ pages, not on the same markup under another path', () => {
    const doc = parseWith('linkedom', fixture('profile-2025-h2-de.html'), url);
    expect(detect(doc, 'https://www.linkedin.com/in/max-muster/details/experience/')).toEqual([]);
  });

  it('counts the visible copy once, not its screen-reader twin', () => {
    const doc = parseWith('linkedom', fixture('profile-2026-own-fr.html'), 'https://www.linkedin.com/in/camille-martin/');
    const found = detect(doc, 'https://www.linkedin.com/in/camille-martin/');
    expect(found.every((item) => item.element.getAttribute('aria-hidden') === 'true' || item.element.tagName === 'A')).toBe(true);
    expect(found.map((item) => item.text)).toEqual(['1 234 abonnés', '500+ relations', '1 234 abonnés']);
  });
});
