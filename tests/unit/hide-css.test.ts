/**
 * Hide mode's stylesheets: generation, and every site's `hide` selectors checked against its fixture
 * pages — each detected count's number is hidden, the prompt chip beside it is not, and nothing else
 * on the page (posts, bios, trap content) is.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { hideCss, hideCssPath, hideStylesheets, splitSelectorList } from '../../utils/settings/hide-css';
import { adapters, HIDE } from '../../utils/sites';
import { fixtureCases, fixtureSites, parseWith } from './fixture-dom';
import { COPIES } from './hide-copies';

describe('hideCss', () => {
  it('writes one visibility rule per selector, so one unknown selector cannot drop the others', () => {
    const css = hideCss('X', 'a[href$="/following"] > span:first-child,\n  a[href$="/followers"] > span:first-child');
    expect(css).toContain('a[href$="/following"] > span:first-child {\n  visibility: hidden !important;\n}\n');
    expect(css).toContain('a[href$="/followers"] > span:first-child {\n  visibility: hidden !important;\n}\n');
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
    expect(hideCss('evil */ body', 'b')).not.toMatch(/\*\/ body/);
  });

  it('makes one file per site with hide selectors, named after the site id', () => {
    const sites = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      { id: 'c', name: 'C' },
    ];
    expect(hideStylesheets(sites, { a: '.n', c: ' , ' })).toEqual([{ relativeDest: 'hide/a.css', contents: hideCss('A', '.n') }]);
    expect(hideCssPath('x')).toBe('hide/x.css');
  });
});

/** Elements matched by any of the site's hide selectors (css-select in linkedom: full Selectors 4 `:not()`). */
function hidden(doc: Document, selectors: string): Element[] {
  return splitSelectorList(selectors).flatMap((selector) => Array.from(doc.querySelectorAll(selector)));
}

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

describe('every supported site has hide selectors', () => {
  it.each(adapters.map((adapter) => [adapter.id, adapter] as const))('%s', (_id, adapter) => {
    expect(splitSelectorList(HIDE[adapter.id] ?? '').length).toBeGreaterThan(0);
    expect(hideStylesheets(adapters, HIDE).map((sheet) => sheet.relativeDest)).toContain(hideCssPath(adapter.id));
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
  const adapter = adapters.find((candidate) => candidate.id === site)!;
  describe.each(fixtureCases(site))('$file', (fixture) => {
    const doc = parseWith('linkedom', fixture.html, fixture.url);
    const detections = detect(doc, fixture.url, fixture.lang);
    const hiddenEls = hidden(doc, HIDE[adapter.id] ?? '');

    it('hides the digits of every detected count', () => {
      const shown = detections.flatMap((d) =>
        digitTexts(d.element)
          .filter((text) => !isHiddenBy(text, hiddenEls))
          .map((text) => `${d.metric} "${d.text}": "${text.textContent}"`),
      );
      expect(shown).toEqual([]);
      if (detections.length > 0) expect(hiddenEls.length).toBeGreaterThan(0);
    });

    it('leaves the prompt chip visible: nothing hidden contains the count’s parent, where the chip goes', () => {
      const covered = detections
        .filter((d) => d.element.parentElement && isHiddenBy(d.element.parentElement, hiddenEls))
        .map((d) => d.text);
      expect(covered).toEqual([]);
    });

    it('hides nothing but counts: every hidden element is inside a detected count, or a copy of one', () => {
      const copies = COPIES[site];
      const stray = hiddenEls
        .filter((el) => !detections.some((d) => d.element.contains(el) || isTwin(el, d.element)))
        .filter((el) => textOf(el) !== '' && !(copies && el.matches(copies)))
        .map(describeElement);
      expect(stray).toEqual([]);
    });
  });
});
