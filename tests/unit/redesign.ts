/**
 * What redesigns do to pages, as transformations of a fixture's DOM: the redesign drill
 * (redesign-drill.test.ts) runs detection on every real-page fixture after each and counts what is kept.
 * Each is what a site really did at least once (tests/fixtures/README.md, "Redesign drill").
 */

export interface Redesign {
  name: string;
  /** The site's change, with the example it is modelled on. */
  why: string;
  apply(doc: Document): void;
}

/** A stable stand-in for a build's new hashes: the same token always gets the same new class. */
function rehash(token: string): string {
  let hash = 2166136261;
  for (const ch of `${token}#redesign`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `x${hash.toString(36)}`;
}

function elements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('*'));
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child as Text);
      else if (child.nodeType === 1) walk(child);
    }
  };
  walk(root);
  return out;
}

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export const REDESIGNS: readonly Redesign[] = [
  {
    name: 'classes re-hashed',
    why:
      'a new build renames every generated class (LinkedIn, March 2026: semantic classes became ' +
      'hashes; X, Instagram and Threads re-hash with each release)',
    apply(doc) {
      for (const el of elements(doc)) {
        const value = el.getAttribute('class');
        if (value) el.setAttribute('class', value.split(/\s+/).filter(Boolean).map(rehash).join(' '));
      }
    },
  },
  {
    name: 'test ids removed',
    why: 'a production build strips its test hooks (data-testid, data-e2e)',
    apply(doc) {
      for (const el of elements(doc)) for (const name of ['data-testid', 'data-e2e', 'data-test-id']) el.removeAttribute(name);
    },
  },
  {
    name: 'counts wrapped',
    why: 'a new wrapper around the number and inside the links (X added a parent element in 2023, CPFT#249)',
    apply(doc) {
      for (const text of textNodes(doc.body)) {
        if (!/\p{Nd}/u.test(text.nodeValue ?? '') || !text.parentNode || text.parentNode.nodeName === 'TITLE') continue;
        const wrapper = doc.createElement('span');
        text.parentNode.replaceChild(wrapper, text);
        wrapper.appendChild(text);
      }
      for (const el of Array.from(doc.querySelectorAll('a, button, [role="button"]'))) {
        if (!el.firstChild) continue;
        const inner = doc.createElement('div');
        while (el.firstChild) inner.appendChild(el.firstChild);
        el.appendChild(inner);
      }
    },
  },
  {
    name: 'dual text dropped',
    why: 'the visible copy of LinkedIn’s 2026 dual text (aria-hidden="true" beside a screen-reader twin) goes, leaving the twin',
    apply(doc) {
      for (const el of Array.from(doc.querySelectorAll('[aria-hidden="true"]'))) {
        const text = collapse(el.textContent);
        if (!text || !el.parentElement) continue;
        const twin = Array.from(el.parentElement.children).some((sibling) => sibling !== el && collapse(sibling.textContent) === text);
        if (twin) el.remove();
      }
    },
  },
];
