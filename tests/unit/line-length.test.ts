/**
 * Meta-test: no line of code over 140 characters, the print width Prettier formats to (.prettierrc.json).
 * Prettier breaks code but not strings or comments; this catches those. Fixture pages and generated data
 * are exempt (their bytes are the test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE, repoFiles, ROOT } from './repo-files';

const WIDTH = JSON.parse(readFileSync(join(ROOT, '.prettierrc.json'), 'utf8')).printWidth as number;
const FILES = repoFiles().filter((file) => CODE.test(file) && !file.startsWith('tests/fixtures/'));

describe(`no line over ${WIDTH} characters`, () => {
  it('reads the code', () => expect(FILES.length).toBeGreaterThan(100));

  it.each(FILES)('%s', (file) => {
    const long = readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, index) => ([...line].length > WIDTH ? [`${index + 1}: ${[...line].length} characters`] : []));
    expect(long).toEqual([]);
  });
});
