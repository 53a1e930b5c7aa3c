/**
 * `npm run budget`: size budgets of the built extension (README "Architecture", targets), checked in `npm test`.
 *
 * - Every content script (`content-scripts/*.js`, one per supported site plus the one for added sites)
 *   must be at most 20 kB gzipped: it is loaded on every page of the sites people spend hours on.
 * - The popup and dashboard bundles (the scripts, preloaded chunks and stylesheets their HTML loads)
 *   are reported, not limited.
 *
 * Sizes are gzip level 9 (node:zlib), in kB of 1,000 bytes. Prints a table; a content script over
 * budget fails with its numbers. Reads `.output/chrome-mv3` (build it first) or the folder given.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 20 kB gzipped (README "Architecture", targets). */
export const CONTENT_SCRIPT_BUDGET = 20_000;
export const CONTENT_SCRIPTS_DIR = 'content-scripts';
/** The extension pages whose bundles are reported. */
export const PAGES = ['popup', 'dashboard'] as const;

export interface BuiltFile {
  /** Relative to the build folder, with forward slashes. */
  path: string;
  bytes: number;
  gzipped: number;
}

export interface BudgetRow {
  /** A content script's path, or a page's name. */
  name: string;
  kind: 'content script' | 'page';
  bytes: number;
  gzipped: number;
  /** Undefined for what is only reported. */
  budget?: number;
}

export interface BudgetReport {
  rows: BudgetRow[];
  /** One sentence per content script over budget. */
  violations: string[];
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function gzippedSize(content: string | Uint8Array): number {
  return gzipSync(content, { level: 9 }).length;
}

/** The files an extension page loads: its module script, the chunks it preloads, its stylesheets. */
export function pageFiles(html: string): string[] {
  const files: string[] = [];
  for (const match of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const tag = match[0];
    const rel = /\brel="([^"]*)"/i.exec(tag)?.[1];
    const url = /\b(?:src|href)="([^"]*)"/i.exec(tag)?.[1];
    if (!url || /^[a-z]+:/i.test(url)) continue;
    if (match[1]!.toLowerCase() === 'link' && rel !== 'modulepreload' && rel !== 'stylesheet') continue;
    const path = url.replace(/^\//, '');
    if (!files.includes(path)) files.push(path);
  }
  return files;
}

/**
 * Check built files against the budget. `pages` maps each page to the files it loads (pageFiles); a
 * page's row sums them. Content scripts are every `.js` file directly in content-scripts/.
 */
export function checkBudgets(
  files: readonly BuiltFile[],
  pages: Readonly<Record<string, readonly string[]>> = {},
  budget: number = CONTENT_SCRIPT_BUDGET,
): BudgetReport {
  const rows: BudgetRow[] = [];
  const violations: string[] = [];
  const contentScripts = files
    .filter((file) => new RegExp(`^${CONTENT_SCRIPTS_DIR}/[^/]+\\.js$`).test(file.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (contentScripts.length === 0) violations.push(`No content scripts found in ${CONTENT_SCRIPTS_DIR}/: build the extension first.`);
  for (const file of contentScripts) {
    rows.push({ name: file.path, kind: 'content script', bytes: file.bytes, gzipped: file.gzipped, budget });
    if (file.gzipped > budget)
      violations.push(`${file.path} is ${kB(file.gzipped)} gzipped (${file.gzipped} bytes), budget ${kB(budget)}.`);
  }
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const [page, loaded] of Object.entries(pages)) {
    let bytes = 0;
    let gzipped = 0;
    for (const path of loaded) {
      const file = byPath.get(path);
      if (!file) {
        violations.push(`${page}.html loads ${path}, which is not in the build.`);
        continue;
      }
      bytes += file.bytes;
      gzipped += file.gzipped;
    }
    rows.push({ name: `${page} (${loaded.length} files)`, kind: 'page', bytes, gzipped });
  }
  return { rows, violations };
}

export function formatTable(rows: readonly BudgetRow[]): string {
  const header = ['', 'minified', 'gzipped', 'budget'];
  const lines = rows.map((row) => [
    row.name,
    kB(row.bytes),
    kB(row.gzipped),
    row.budget === undefined ? 'reported' : `${row.gzipped <= row.budget ? 'ok' : 'OVER'} ≤ ${kB(row.budget)}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  return [header, ...lines]
    .map((cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    .join('\n');
}

/** Every file under `dir`, relative, with its sizes. */
export function readBuild(dir: string): BuiltFile[] {
  const files: BuiltFile[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(entry.name)) {
        const content = readFileSync(join(dir, path));
        files.push({ path, bytes: content.length, gzipped: gzippedSize(content) });
      }
    }
  };
  walk('');
  return files;
}

function main(argv: readonly string[]): number {
  const dir = resolve(argv[0] ?? '.output/chrome-mv3');
  let files: BuiltFile[];
  const pages: Record<string, string[]> = {};
  try {
    files = readBuild(dir);
    for (const page of PAGES) pages[page] = pageFiles(readFileSync(join(dir, `${page}.html`), 'utf8'));
  } catch (error) {
    console.error(`budget: cannot read the build in ${dir} (run \`wxt build\` first): ${(error as Error).message}`);
    return 2;
  }
  const report = checkBudgets(files, pages);
  console.log(formatTable(report.rows));
  if (report.violations.length === 0) {
    console.log(`\nEvery content script is within ${kB(CONTENT_SCRIPT_BUDGET)} gzipped.`);
    return 0;
  }
  console.error(`\nSize budget exceeded:\n${report.violations.map((line) => `  ${line}`).join('\n')}`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exit(main(process.argv.slice(2)));
