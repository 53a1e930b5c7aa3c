/** The repository's files as git sees them — tracked, and new ones not ignored — for the meta-tests that read its sources. */
import { execFileSync } from 'node:child_process';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** Code: what the compilers and the browser read (fixtures are data, and left out). */
export const CODE = /\.(ts|tsx|mts|js|mjs|css)$/;

/** Every file, relative to the root. */
export function repoFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
}
