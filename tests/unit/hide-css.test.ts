/**
 * Hide mode's stylesheets: generation, and every site's `hide` selectors checked against its fixture
 * pages, metric by metric — each detected count's number is hidden by its metric's stylesheet, by no other
 * metric's, the prompt chip beside it is not, and nothing else on the page (posts, bios, trap content) is.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { hideCss, hideCssPath, hideStylesheets, splitSelectorList } from '../../utils/settings/hide-css';
import { adapters, HIDE, siteMetrics } from '../../utils/sites';
import { METRICS, type Metric } from '../../utils/sites/types';
import { fixtureCases, fixtureSites, parseWith } from './fixture-dom';
import { COPIES } from './hide-copies';

describe('hideCss', () => {
  it('writes one visibility rule per selector, so one unknown selector cannot drop the others', () => {
    const css = hideCss('X', 'following', 'a[href$="/following"] > span:first-child,\n  a[href$="/following"] > div > span:first-child');
    expect(css).toContain('a[href$="/following"] > span:first-child {\n  visibility: hidden !important;\n}\n');
    expect(css).toContain('a[href$="/following"] > div > span:first-child {\n  visibility: hidden !important;\n}\n');
    expect(css).toMatch(/^\/\* Running For: hide mode for X, following /);
    expect(css.match(/visibility: hidden !important/g)).toHaveLength(2);
    // Layout is kept: nothing is taken out of the flow.
    expect(css).not.toMatch(/display\s*:/);
  });

  it('splits selector lists only at top-level commas', () => {
    expect(splitSelectorList('a:not(b, c) > d, [title="1,2"] e ,f')).toEqual(['a:not(b, c) > d', '[title="1,2"] e', 'f']);
    expect(splitSelectorList(" a[x='\\'a,b'] , ")).toEqual(["a[x='\\'a,b']"]);
    expect(splitSelectorList('')).toEqual([]);
  });

  it('cannot be tricked into ending its comment by a site name', () => {
    expect(hideCss('evil */ body', 'followers', 'b')).not.toMatch(/\*\/ body/);
  });

  it('makes one file per site and metric with hide selectors, named after the site id and the metric', () => {
    const sites = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      { id: 'c', name: 'C' },
    ];
    expect(hideStylesheets(sites, { a: { following: '.g', followers: '.f', karma: ' , ' }, c: {} })).toEqual([
      { relativeDest: 'hide/a-followers.css', contents: hideCss('A', 'followers', '.f') },
      { relativeDest: 'hide/a-following.css', contents: hideCss('A', 'following', '.g') },
    ]);
    expect(hideCssPath('x', 'followers')).toBe('hide/x-followers.css');
  });
});

/** Elements matched by any of the selectors (css-select in linkedom: full Selectors 4 `:not()`). */
function hidden(doc: Document, selectors: string): Element[] {
  return splitSelectorList(selectors).flatMap((selector) => Array.from(doc.querySelectorAll(selector)));
}

/** A site's hide selectors for one metric (none: an empty list). */
const selectorsOf = (site: string, metric: Metric): string => HIDE[site]?.[metric] ?? '';

function isHiddenBy(node: Node, hiddenEls: readonly Element[]): boolean {
  return hiddenEls.some((el) => el.contains(node));
}

/** Text nodes under `el` that show digits (any script's: ١٢, １２). */
function digitTexts(el: Element): Text[] {
  const out: Text[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 && /\p{Nd}/u.test(child.textContent ?? '')) out.push(child as Text);
      else if (child.nodeType === 1) walk(child);
    }
  };
  walk(el);
  return out;
}

describe('every supported site has hide selectors, a stylesheet per metric it shows', () => {
  const files = hideStylesheets(adapters, HIDE).map((sheet) => sheet.relativeDest);
  it.each(adapters.map((adapter) => [adapter.id, adapter] as const))('%s', (_id, adapter) => {
    const metrics = siteMetrics(adapter.id);
    expect(metrics.length).toBeGreaterThan(0);
    expect(Object.keys(HIDE[adapter.id] ?? {}).sort()).toEqual([...metrics].sort());
    for (const metric of metrics) expect(files).toContain(hideCssPath(adapter.id, metric));
    expect(files.filter((file) => file.startsWith(`hide/${adapter.id}-`))).toHaveLength(metrics.length);
  });

  it('has no stylesheet but per site and metric', () => {
    const names = adapters.flatMap((adapter) => METRICS.map((metric) => hideCssPath(adapter.id, metric)));
    expect(files.filter((file) => !names.includes(file))).toEqual([]);
  });
});

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A screen-reader twin (LinkedIn renders each string twice): a sibling of the count with the same text. */
function isTwin(el: Element, count: Element): boolean {
  return el !== count && el.parentElement === count.parentElement && textOf(el) === textOf(count);
}

/** `<span class="x">` "12.3K": enough to find a stray match in the fixture. */
function describeElement(el: Element): string {
  const attributes = Array.from(el.attributes, (attr) => `${attr.name}="${attr.value}"`).join(' ');
  return `<${el.localName}${attributes ? ` ${attributes}` : ''}> "${textOf(el)}"`;
}

const sitesWithFixtures = fixtureSites().filter((site) => adapters.some((adapter) => adapter.id === site));

describe.each(sitesWithFixtures)('hide selectors of %s on its fixtures', (site) => {
  const metrics = siteMetrics(site);
  describe.each(fixtureCases(site))('$file', (fixture) => {
    const doc = parseWith('linkedom', fixture.html, fixture.url);
    const detections = detect(doc, fixture.url, fixture.lang);
    const hiddenBy = new Map(metrics.map((metric) => [metric, hidden(doc, selectorsOf(site, metric))] as const));
    const allHidden = [...hiddenBy.values()].flat();

    it('hides the digits of every detected count with its metric’s stylesheet', () => {
      const shown = detections.flatMap((d) =>
        digitTexts(d.element)
          .filter((text) => !isHiddenBy(text, hiddenBy.get(d.metric) ?? []))
          .map((text) => `${d.metric} "${d.text}": "${text.textContent}"`),
      );
      expect(shown).toEqual([]);
      if (detections.length > 0) expect(allHidden.length).toBeGreaterThan(0);
    });

    it('hides no digit of a count with another metric’s stylesheet', () => {
      const crossed = metrics.flatMap((metric) =>
        detections
          .filter((d) => d.metric !== metric)
          .flatMap((d) => digitTexts(d.element).filter((text) => isHiddenBy(text, hiddenBy.get(metric)!)))
          .map((text) => `${metric} sheet hides "${text.textContent}"`),
      );
      expect(crossed).toEqual([]);
    });

    it('leaves the prompt chip visible: nothing hidden contains the count’s parent, where the chip goes', () => {
      const covered = detections
        .filter((d) => d.element.parentElement && isHiddenBy(d.element.parentElement, allHidden))
        .map((d) => d.text);
      expect(covered).toEqual([]);
    });

    it('hides nothing but counts: every element a metric’s stylesheet hides is inside a count of that metric, or a copy of one', () => {
      const stray = metrics.flatMap((metric) => {
        const copies = COPIES[site]?.[metric];
        return hiddenBy
          .get(metric)!
          .filter((el) => !detections.some((d) => d.metric === metric && (d.element.contains(el) || isTwin(el, d.element))))
          .filter((el) => textOf(el) !== '' && !(copies && el.matches(copies)))
          .map((el) => `${metric}: ${describeElement(el)}`);
      });
      expect(stray).toEqual([]);
    });
  });
});
