/**
 * Hide mode's stylesheets: one file per site and metric (`hide/<id>-<metric>.css`), generated at build time
 * from the adapters' `hide` selectors (wxt.config.ts) and registered by the background to inject at
 * `document_start` for the metrics the user hides on each site (utils/settings/registrations.ts), so those
 * numbers never paint while the others stay.
 */
import { METRICS, type HideSelectors, type Metric, type SiteAdapter } from '../sites/types';

/** Where a site's hide stylesheet for one metric lives in the built extension. */
export function hideCssPath(siteId: string, metric: Metric): string {
  return `hide/${siteId}-${metric}.css`;
}

/**
 * Split a selector list at its top-level commas: commas inside `:not(a, b)`, `[title="a,b"]` or
 * `"…"` belong to one selector.
 */
export function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < list.length; i++) {
    const char = list[i]!;
    if (quote) {
      if (char === '\\') {
        current += char + (list[i + 1] ?? '');
        i++;
        continue;
      }
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '(' || char === '[') {
      depth++;
    } else if (char === ')' || char === ']') {
      depth = Math.max(0, depth - 1);
    } else if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * The stylesheet that hides one metric's numbers on a site. `visibility: hidden` rather than
 * `display: none`: the number keeps its box, so nothing shifts and the prompt chip beside it stays where
 * it was. One rule per selector, because a browser drops a whole rule when one selector in its list is
 * unknown to it — one unsupported hook must not un-hide every other number.
 */
export function hideCss(siteName: string, metric: Metric, selectors: string): string {
  const rules = splitSelectorList(selectors).map((selector) => `${selector} {\n  visibility: hidden !important;\n}\n`);
  const name = siteName.replace(/\*\//g, '');
  return `/* Running For: hide mode for ${name}, ${metric} (generated from utils/sites at build time). */\n${rules.join('')}`;
}

export interface HideStylesheet {
  /** Path in the built extension, e.g. `hide/x-followers.css`. */
  relativeDest: string;
  contents: string;
}

/** Every hide stylesheet: one per site and metric with selectors in `hide` (the registry's HIDE). */
export function hideStylesheets(
  sites: readonly Pick<SiteAdapter, 'id' | 'name'>[],
  hide: Readonly<Record<string, HideSelectors>>,
): HideStylesheet[] {
  return sites.flatMap((site) =>
    METRICS.filter((metric) => splitSelectorList(hide[site.id]?.[metric] ?? '').length > 0).map((metric) => ({
      relativeDest: hideCssPath(site.id, metric),
      contents: hideCss(site.name, metric, hide[site.id]![metric]!),
    })),
  );
}
