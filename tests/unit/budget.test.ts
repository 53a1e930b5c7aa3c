import { describe, expect, it } from 'vitest';
import { checkBudgets, CONTENT_SCRIPT_BUDGET, formatTable, gzippedSize, kB, pageFiles, type BuiltFile } from '../budget';

const file = (path: string, gzipped: number, bytes = gzipped * 3): BuiltFile => ({ path, bytes, gzipped });

describe('size budgets', () => {
  it('is 20 kB gzipped per content script (README "Architecture", targets)', () => {
    expect(CONTENT_SCRIPT_BUDGET).toBe(20_000);
  });

  it('passes content scripts at or under budget and reports the pages', () => {
    const files = [
      file('content-scripts/x.js', 19_999),
      file('content-scripts/linkedin.js', 20_000),
      file('chunks/popup-abc.js', 9_000),
      file('assets/popup-abc.css', 1_500),
      file('background.js', 30_000),
    ];
    const report = checkBudgets(files, { popup: ['chunks/popup-abc.js', 'assets/popup-abc.css'] });
    expect(report.violations).toEqual([]);
    expect(report.rows).toEqual([
      { name: 'content-scripts/linkedin.js', kind: 'content script', bytes: 60_000, gzipped: 20_000, budget: CONTENT_SCRIPT_BUDGET },
      { name: 'content-scripts/x.js', kind: 'content script', bytes: 59_997, gzipped: 19_999, budget: CONTENT_SCRIPT_BUDGET },
      { name: 'popup (2 files)', kind: 'page', bytes: 31_500, gzipped: 10_500 },
    ]);
  });

  it('fails each content script over budget with its numbers', () => {
    const report = checkBudgets([
      file('content-scripts/x.js', 23_412),
      file('content-scripts/reddit.js', 20_001),
      file('content-scripts/ok.js', 100),
    ]);
    expect(report.violations).toEqual([
      'content-scripts/reddit.js is 20.0 kB gzipped (20001 bytes), budget 20.0 kB.',
      'content-scripts/x.js is 23.4 kB gzipped (23412 bytes), budget 20.0 kB.',
    ]);
    expect(checkBudgets([file('content-scripts/x.js', 12_000)], {}, 10_000).violations).toEqual([
      'content-scripts/x.js is 12.0 kB gzipped (12000 bytes), budget 10.0 kB.',
    ]);
  });

  it('fails when there is nothing to check or a page loads a missing file', () => {
    expect(checkBudgets([file('background.js', 1)]).violations).toEqual([
      'No content scripts found in content-scripts/: build the extension first.',
    ]);
    const report = checkBudgets([file('content-scripts/x.js', 1)], { dashboard: ['chunks/gone.js'] });
    expect(report.violations).toEqual(['dashboard.html loads chunks/gone.js, which is not in the build.']);
  });

  it('only counts scripts directly in content-scripts/ (not their CSS or nested files)', () => {
    const report = checkBudgets([
      file('content-scripts/x.js', 1),
      file('content-scripts/x.css', 50_000),
      file('content-scripts/deep/y.js', 50_000),
    ]);
    expect(report.rows.map((row) => row.name)).toEqual(['content-scripts/x.js']);
  });

  it('reads the files a page loads from its HTML', () => {
    const html = `<!DOCTYPE html><html><head>
      <script type="module" crossorigin src="/chunks/popup-B1.js"></script>
      <link rel="modulepreload" crossorigin href="/chunks/jsxRuntime-C2.js">
      <link rel="stylesheet" crossorigin href="/assets/popup-D3.css">
      <link rel="icon" href="/icon.png"><script src="https://example.com/remote.js"></script>
      </head><body><div id="app"></div></body></html>`;
    expect(pageFiles(html)).toEqual(['chunks/popup-B1.js', 'chunks/jsxRuntime-C2.js', 'assets/popup-D3.css']);
  });

  it('measures gzip level 9 and prints kB of 1,000 bytes in a table', () => {
    const text = 'followers '.repeat(1000);
    expect(gzippedSize(text)).toBeLessThan(200);
    expect(gzippedSize(text)).toBeGreaterThan(0);
    expect(kB(23_412)).toBe('23.4 kB');
    const table = formatTable(checkBudgets([file('content-scripts/x.js', 21_000), file('content-scripts/y.js', 2_000)]).rows);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toMatch(/content-scripts\/x\.js\s+63\.0 kB\s+21\.0 kB\s+OVER ≤ 20\.0 kB/);
    expect(table).toMatch(/content-scripts\/y\.js\s+6\.0 kB\s+2\.0 kB\s+ok ≤ 20\.0 kB/);
  });
});
