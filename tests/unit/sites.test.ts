/**
 * In-DOM tests for every site adapter, driven by tests/fixtures/<site>/expected.json, on two DOMs
 * (happy-dom and linkedom), plus the cross-check that no adapter finds anything on another site's pages.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { adapters, pageTypeOf } from '../../utils/sites';
import type { SiteContext } from '../../utils/sites/types';
import { fixtureCases, fixtureSites, parseWith, type DomKind } from './fixture-dom';

const DOMS: DomKind[] = ['happy-dom', 'linkedom'];

describe.each(fixtureSites())('site %s', (site) => {
  describe.each(fixtureCases(site))('$file', (fixture) => {
    it.each(DOMS)('finds exactly the expected counts (%s)', (kind) => {
      const doc = parseWith(kind, fixture.html, fixture.url);
      const found = detect(doc, fixture.url, fixture.lang).map(({ site: s, metric, value, approximate, own, text, via }, index) => ({
        site: s,
        metric,
        value,
        approximate,
        own,
        text,
        // The layer is checked where the fixture names it.
        ...(fixture.expect[index]?.via ? { via } : {}),
      }));
      expect(found).toEqual(fixture.expect.map((item) => ({ site: fixture.site === 'generic' ? 'generic' : site, ...item })));
    });
  });
});

describe('no adapter finds anything on another site’s pages', () => {
  const all = fixtureSites().flatMap((site) => fixtureCases(site));
  for (const adapter of adapters) {
    it(`${adapter.id} finds nothing elsewhere`, () => {
      for (const fixture of all) {
        if (fixture.site === adapter.id) continue;
        const doc = parseWith('linkedom', fixture.html, fixture.url);
        const url = new URL(fixture.url);
        const ctx: SiteContext = {
          url,
          doc,
          lang: fixture.lang ?? doc.documentElement.getAttribute('lang') ?? undefined,
          page: pageTypeOf(adapter, url),
        };
        const found = adapter.detect(doc, ctx).map((item) => `${item.metric}=${item.value} "${item.text}"`);
        expect(found, `${adapter.id} on ${fixture.site}/${fixture.file}`).toEqual([]);
      }
    });
  }
});
