/**
 * Meta-test: every file or folder the comments and the README name exists here. Comments cite files to
 * say where a rule lives; after a move, a name that points nowhere sends a newcomer looking for nothing.
 * Checked: repo-rooted paths (`utils/…`, `components/…`, `entrypoints/…`, `tests/…`, `assets/…`) and
 * paths relative to the file (starting `./` or `../`), in the comments of every tracked source file and in
 * the README; and nothing points outside the repository (a design file that is not in it, the shared notes).
 * Code is not read: string literals are test data, and imports are the typechecker's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE, repoFiles, ROOT } from './repo-files';

const tracked = repoFiles()
  .filter((file) => CODE.test(file) || file === 'README.md')
  .filter((file) => !file.startsWith('tests/fixtures/') && !file.startsWith('tests/bench/pages/'));

const ROOTED = /(?<![\w./@'’-]|'s `)((?:utils|components|entrypoints|tests|assets)\/[\w.*/<>-]*[\w/])/g;
const RELATIVE = /(?<![\w./@-])(\.\.?\/[\w./-]*\.(?:tsx?|mts|css|json|md))\b/g;

/**
 * A path as written: a file, a folder, or a module named without its extension; globs and placeholders (`*`,
 * `<id>`) are read up to them.
 */
function exists(path: string): boolean {
  const placeholder = /[*<]/.test(path);
  const plain = path.replace(/[*<].*$/, '').replace(/\/$/, '');
  if (plain === '') return true;
  const full = join(ROOT, plain);
  if (['', '.ts', '.tsx', '.mts', '.js', '/index.ts'].some((suffix) => existsSync(full + suffix))) return true;
  // `tests/unit/sites-<id>.test.ts`: some file in the folder starts that way.
  return placeholder && existsSync(dirname(full)) && readdirSync(dirname(full)).some((name) => name.startsWith(basename(full)));
}

/** The prose of a source line: a comment line, or what follows `// ` after code. */
function commentOf(line: string): string | undefined {
  const trimmed = line.trimStart();
  if (/^(\*|\/\/|\/\*)/.test(trimmed)) return trimmed;
  const at = line.indexOf(' // ');
  return at >= 0 ? line.slice(at) : undefined;
}

const OUTSIDE = /DESIGN\.md|\.\.\/shared\//;

describe('every file the code and the README name exists', () => {
  it('has files to read', () => expect(tracked.length).toBeGreaterThan(100));

  it.each(tracked)('%s', (file) => {
    const missing: string[] = [];
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((whole, index) => {
        const line = file === 'README.md' ? whole : commentOf(whole);
        if (line === undefined) return;
        if (OUTSIDE.test(line)) missing.push(`${index + 1}: points outside the repository: ${line.trim()}`);
        for (const [, path] of line.matchAll(ROOTED)) if (!exists(path!)) missing.push(`${index + 1}: ${path}`);
        if (file === 'README.md') return;
        for (const [, path] of line.matchAll(RELATIVE)) {
          const target = normalize(join(dirname(file), path!));
          if (!exists(target)) missing.push(`${index + 1}: ${path} (${target})`);
        }
      });
    expect(missing).toEqual([]);
  });
});
