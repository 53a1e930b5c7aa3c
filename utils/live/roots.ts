/**
 * Where a pass of the live detector (./observer.ts) looks: the roots of a batch's changes (`rootsOf`), and
 * whether a removal can change a prompted count (`nearPrompt`). Pure functions of the DOM, tested alone.
 */
/**
 * A root for a partial pass has fewer elements than this below it (a count has about 1–8), so a pass stays
 * cheap. Elements, not nodes: the browser counts them natively (`subtreeBelow`).
 */
export const SMALL_ROOT_ELEMENTS = 100;
/** How many levels above a change a root may be: enough to hold a count and its label. */
export const ROOT_LEVELS = 6;
/**
 * The roots to detect in for a batch: for each change, the highest small ancestor within ROOT_LEVELS
 * (so a count whose number or label changed is whole inside it); an added subtree under a large
 * parent is its own root. Roots inside other roots are dropped.
 *
 * `large` remembers nodes found large in earlier batches (a timeline, the page's main column), so the
 * batch after them does not count them again: the count is native but goes through the whole subtree (a
 * timeline of thousands of posts), and a growing timeline is reached by every batch. The live layer
 * forgets them on each full scan. (A container that shrinks meanwhile still counts as large: a count
 * left directly inside it waits for that scan — a navigation, a bulk rescan.)
 */
export function rootsOf(touched: ReadonlySet<Node>, added: ReadonlySet<Element>, large?: WeakSet<Node>): Set<Element> {
  const climbed = new Map<Node, Element | null>();
  const small = new Map<Node, boolean>();
  const isSmall = (node: Element): boolean => {
    let known = small.get(node);
    if (known === undefined) {
      known = !large?.has(node) && subtreeBelow(node) < SMALL_ROOT_ELEMENTS;
      small.set(node, known);
      if (!known) large?.add(node);
    }
    return known;
  };
  const climb = (start: Node): Element | null => {
    if (climbed.has(start)) return climbed.get(start) ?? null;
    let root: Element | null = null;
    let node: Node | null = start;
    for (let level = 0; node && level <= ROOT_LEVELS; level++, node = node.parentNode) {
      // Never the whole document (that is a full scan, only done on purpose), and a large node means
      // every ancestor is larger still.
      if (node.nodeType !== 1 || !isSmall(node as Element)) break;
      root = node as Element;
    }
    climbed.set(start, root);
    return root;
  };

  const candidates = new Set<Element>();
  for (const node of touched) {
    if (!node.isConnected) continue;
    const root = climb(node);
    if (root) candidates.add(root);
  }
  for (const element of added) {
    if (!element.isConnected) continue;
    const parent = element.parentNode;
    candidates.add((parent && climb(parent)) ?? element);
  }
  if (candidates.size < 2) return candidates;
  // Is a candidate inside another? Ancestors already walked from one candidate are remembered, so fifty
  // posts added to one timeline walk its ancestors once, not fifty times.
  const coveredAbove = new Map<Node, boolean>();
  const roots = new Set<Element>();
  for (const candidate of candidates) {
    const path: Node[] = [];
    let nested = false;
    for (let node = candidate.parentNode; node; node = node.parentNode) {
      const known = coveredAbove.get(node);
      if (known !== undefined) {
        nested = known;
        break;
      }
      path.push(node);
      if (candidates.has(node as Element)) {
        nested = true;
        break;
      }
    }
    // Every node on the way up is covered exactly when the candidate is (a candidate among them included).
    for (const node of path) coveredAbove.set(node, nested);
    if (!nested) roots.add(candidate);
  }
  return roots;
}

/** How far above a prompted count a removal can still change it: the count's label may sit a few levels away. */
export const REMOVAL_LEVELS = 3;

/**
 * Can removing children of a node change what is detected? Only at a count that has a prompt: the node is
 * the count's element or inside it (a digit or the label went), or the node and the count share an
 * ancestor at most REMOVAL_LEVELS above the count (a label beside it went). Counts that went with the
 * removed nodes are let go by `reconcile` in any case, and a removal adds nothing to find — unless a count
 * stands in for one that went (SiteAdapter.standIns, which the caller handles). A hovercard closing beside
 * another one (X's #layers) is none of these: no detection runs for it.
 *
 * Returns the test for `prompted`, built once per pass: the counts' elements and their ancestors up to
 * REMOVAL_LEVELS go in a set, and a node is near when it or one of its ancestors is in it — one walk up
 * per removal, however many prompts the page has.
 */
export function nearPrompt(prompted: readonly Element[]): (node: Node) => boolean {
  const near = new Set<Node>();
  for (const element of prompted) {
    // A count that went is let go; nothing connected is near it.
    if (!element.isConnected) continue;
    let around: Node | null = element;
    for (let level = 0; around && level <= REMOVAL_LEVELS; level++, around = around.parentNode) near.add(around);
  }
  return (node) => {
    if (near.size === 0 || !node.isConnected) return false;
    for (let at: Node | null = node; at; at = at.parentNode) if (near.has(at)) return true;
    return false;
  };
}

/**
 * How many elements are below `element`. Counted by the browser: a walk in script would make a wrapper in
 * the content script's world for every node it passes (each lookup costs more than the count itself), and
 * a climb asks this of several nested ancestors. Large nodes are asked once (`large` in rootsOf).
 */
function subtreeBelow(element: Element): number {
  return element.getElementsByTagName('*').length;
}
