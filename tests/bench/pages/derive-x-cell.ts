/**
 * `tsx tests/bench/pages/derive-x-cell.ts SAVED_PAGE.html > tests/bench/pages/x-cell.json`: the benchmark's
 * timeline cell and hovercard body, derived from a real saved X profile page so the generated timeline has
 * the size, depth and attributes of X's own (the page model of `npm run bench`, section "page").
 *
 * Source: SubstrateLabs/brocc, cli/src/brocc_li/tests/html_fixtures/_x-profile.html at
 * 6b2ad2776ad0842033ba8474f3e2d1412a5da745 (saved 2025-04-08; also the source of
 * tests/fixtures/x/profile-other-signedin-2025.html). Kept: every element, its nesting, attribute names,
 * X's atomic classes and inline styles, numbers and the words of count links. Replaced: all other text (by
 * filler of the same length), the
 * account's handle (`{author}`), ids, image addresses and links out. The cell is the page's median-sized
 * post; the hovercard body is the profile header's block around `UserName` (avatar, names, bio, counts),
 * the components X's hovercard is made of — no saved page of a hovercard was found.
 */
import { readFileSync } from 'node:fs';

/** The saved page the model is derived from. */
const SOURCE = 'SubstrateLabs/brocc cli/src/brocc_li/tests/html_fixtures/_x-profile.html @ 6b2ad2776ad0842033ba8474f3e2d1412a5da745';
import { parseHTML } from 'linkedom';

/** [tag, attributes, children]; a string child is text. */
type Tree = [string, Record<string, string>, (Tree | string)[]];

const FILLER = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ';

function filler(length: number): string {
  let out = '';
  while (out.length < length) out += FILLER;
  return out.slice(0, length);
}

/** Inside a count link, the words are X's own UI ("Following", "Followers"), kept: detection reads them. */
const COUNT_LINK = /\/(following|verified_followers|followers)$/;

function tree(element: Element, handle: string, ui = false): Tree {
  const attributes: Record<string, string> = {};
  for (const { name, value } of Array.from(element.attributes)) {
    let kept = value.split(handle).join('{author}');
    if (name === 'src') kept = 'data:,';
    else if (name === 'href' && /^https?:/.test(kept)) kept = 'https://t.co/link';
    else if (name === 'href') kept = kept.replace(/\/status\/\d+/, '/status/{id}').replace(/^\/(?!\{author\})[^/]+$/, '/someone');
    else if (name === 'id' || name === 'aria-labelledby') kept = kept.replace(/id__\w+/g, (_, i: number) => `id__{i}_${i}`);
    else if (name === 'aria-label' || name === 'alt') kept = filler(kept.length);
    attributes[name] = kept;
  }
  const children: (Tree | string)[] = [];
  const inLink = ui || (element.localName === 'a' && COUNT_LINK.test(element.getAttribute('href') ?? ''));
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 1) children.push(tree(child as Element, handle, inLink));
    else if (child.nodeType === 3 && child.textContent)
      children.push(inLink || /^\d+$/.test(child.textContent) ? child.textContent : filler(child.textContent.length));
  }
  return [element.localName, attributes, children];
}

function main(path: string): void {
  const { document } = parseHTML(readFileSync(path, 'utf8'));
  const cells = Array.from(document.querySelectorAll('[data-testid="cellInnerDiv"]')).filter((cell) =>
    cell.querySelector('[data-testid="tweet"]'),
  );
  const size = (element: Element) => element.querySelectorAll('*').length;
  const cell = [...cells].sort((a, b) => size(a) - size(b))[Math.floor(cells.length / 2)];
  const header = document.querySelector('[data-testid="UserName"]')?.parentElement;
  if (!cell || !header) throw new Error(`${path}: no timeline cell or profile header.`);
  const handle = (cell.querySelector('[data-testid^="UserAvatar-Container-"]')?.getAttribute('data-testid') ?? '').replace(
    'UserAvatar-Container-',
    '',
  );
  const headerHandle =
    (header.querySelector('[data-testid^="UserAvatar-Container-"]')?.getAttribute('data-testid') ?? '').replace(
      'UserAvatar-Container-',
      '',
    ) || '@@none@@';
  process.stdout.write(`${JSON.stringify({ source: SOURCE, cell: tree(cell, handle), hovercard: tree(header, headerHandle) })}\n`);
}

main(process.argv[2] ?? '');
