/**
 * The addons-linter gate (tests/firefox/lint.ts): how findings are matched against the committed
 * baseline, and the facts the baseline's explanations rely on.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoFiles } from './repo-files';
import {
  compareWithBaseline,
  entryAccepts,
  filePattern,
  formatComparison,
  parseBaseline,
  parseReport,
  passes,
  withContext,
  type Baseline,
  type BaselineEntry,
  type LinterMessage,
  type LinterReport,
} from '../firefox/lint';

const ROOT = new URL('../../', import.meta.url);

const preactEntry: BaselineEntry = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  file: '**/*.js',
  near: '.__html',
  max: 2,
  why: 'Preact renders dangerouslySetInnerHTML through innerHTML; we never pass that prop.',
};

const baseline: Baseline = { accepted: [preactEntry] };

function warning(overrides: Partial<LinterMessage> = {}): LinterMessage {
  return {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    file: 'chunks/jsxRuntime-ltlV-6xQ.js',
    line: 1,
    column: 9059,
    context: 'p?(c||(e.innerHTML=p.__html),n.__k=[])',
    ...overrides,
  };
}

function report(parts: Partial<LinterReport>): LinterReport {
  return { errors: [], warnings: [], notices: [], ...parts };
}

describe('filePattern', () => {
  it('matches any hash within a name, not across folders', () => {
    expect(filePattern('chunks/jsxRuntime-*.js').test('chunks/jsxRuntime-ltlV-6xQ.js')).toBe(true);
    expect(filePattern('chunks/*.js').test('chunks/deep/popup.js')).toBe(false);
    expect(filePattern('chunks/*.js').test('chunks/popup.css')).toBe(false);
  });

  it('lets **/ stand for any folders, including none', () => {
    const pattern = filePattern('**/*.js');
    expect(pattern.test('background.js')).toBe(true);
    expect(pattern.test('content-scripts/content.js')).toBe(true);
    expect(pattern.test('manifest.json')).toBe(false);
  });

  it('treats other characters literally', () => {
    expect(filePattern('a.js').test('abjs')).toBe(false);
  });
});

describe('entryAccepts', () => {
  it('accepts the same code in a matching file with the marker near the position', () => {
    expect(entryAccepts(preactEntry, warning())).toBe(true);
  });

  it('refuses another code, another file type, or a finding without the marker nearby', () => {
    expect(entryAccepts(preactEntry, warning({ code: 'DANGEROUS_EVAL' }))).toBe(false);
    expect(entryAccepts(preactEntry, warning({ file: 'manifest.json' }))).toBe(false);
    expect(entryAccepts(preactEntry, warning({ context: 'document.body.innerHTML = location.hash' }))).toBe(false);
    expect(entryAccepts(preactEntry, warning({ context: undefined }))).toBe(false);
  });

  it('needs no context when the entry has no marker', () => {
    expect(entryAccepts({ ...preactEntry, near: undefined }, warning({ context: undefined }))).toBe(true);
  });
});

describe('compareWithBaseline', () => {
  it('passes when every warning is accepted', () => {
    const result = compareWithBaseline(report({ warnings: [warning()] }), baseline);
    expect(passes(result)).toBe(true);
    expect(result.unexpected).toEqual([]);
    expect(result.accepted[0]?.messages).toHaveLength(1);
    expect(result.unused).toEqual([]);
  });

  it('never accepts an error, even one a baseline entry would match', () => {
    const error = warning();
    const result = compareWithBaseline(report({ errors: [error] }), baseline);
    expect(passes(result)).toBe(false);
    expect(result.errors).toEqual([error]);
  });

  it('fails on a new warning or notice and lists it', () => {
    const missing = {
      code: 'MISSING_DATA_COLLECTION_PERMISSIONS',
      message: 'The "data_collection_permissions" property is missing.',
      file: 'manifest.json',
    };
    const notice = { code: 'SOME_NOTICE', message: 'Something to know.', file: 'manifest.json' };
    const result = compareWithBaseline(report({ warnings: [warning(), missing], notices: [notice] }), baseline);
    expect(passes(result)).toBe(false);
    expect(result.unexpected).toEqual([missing, notice]);
    const text = formatComparison(result);
    expect(text).toContain('0 error(s), 2 new warning(s)/notice(s), 1 accepted');
    expect(text).toContain('MISSING_DATA_COLLECTION_PERMISSIONS: The "data_collection_permissions" property is missing. (manifest.json)');
    expect(text).toContain('SOME_NOTICE');
  });

  it('accepts at most `max` findings per entry', () => {
    const three = [warning({ file: 'a.js' }), warning({ file: 'b.js' }), warning({ file: 'c.js' })];
    const result = compareWithBaseline(report({ warnings: three }), baseline);
    expect(result.accepted[0]?.messages.map((m) => m.file)).toEqual(['a.js', 'b.js']);
    expect(result.unexpected.map((m) => m.file)).toEqual(['c.js']);
  });

  it('reports entries that matched nothing without failing', () => {
    const result = compareWithBaseline(report({}), baseline);
    expect(passes(result)).toBe(true);
    expect(result.unused).toEqual([preactEntry]);
    expect(formatComparison(result)).toContain('matched nothing; it can be removed');
  });

  it('lists errors with their position', () => {
    const error = { code: 'JSON_INVALID', message: 'Your JSON is not valid.', file: 'manifest.json', line: 3, column: 7 };
    expect(formatComparison(compareWithBaseline(report({ errors: [error] }), baseline))).toContain(
      'JSON_INVALID: Your JSON is not valid. (manifest.json:3:7)',
    );
  });
});

describe('parseBaseline', () => {
  it('reads the committed baseline, every entry explained', () => {
    const committed = parseBaseline(JSON.parse(readFileSync(new URL('tests/firefox/linter-baseline.json', ROOT), 'utf8')));
    expect(committed.accepted.length).toBeGreaterThan(0);
    for (const entry of committed.accepted) expect(entry.why.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses an entry without an explanation, naming the field', () => {
    const bad = { accepted: [{ code: 'UNSAFE_VAR_ASSIGNMENT', file: '**/*.js', max: 1, why: ' ' }] };
    expect(() => parseBaseline(bad)).toThrow(/accepted\.0\.why/);
  });

  it('refuses unknown fields and a missing max', () => {
    expect(() => parseBaseline({ accepted: [{ ...preactEntry, because: 'x' }] })).toThrow(/invalid/);
    const noMax: Record<string, unknown> = { ...preactEntry };
    delete noMax.max;
    expect(() => parseBaseline({ accepted: [noMax] })).toThrow(/max/);
  });
});

describe('parseReport and withContext', () => {
  it('reads addons-linter JSON and the source text around each finding', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rf-lint-'));
    const line = `${'x'.repeat(500)}e.innerHTML=p.__html${'y'.repeat(500)}`;
    writeFileSync(path.join(dir, 'bundle.js'), `first line\n${line}\n`);
    const parsed = parseReport({
      count: 2,
      summary: { errors: 0, warnings: 2, notices: 0 },
      metadata: {},
      errors: [],
      notices: [],
      warnings: [
        {
          _type: 'warning',
          code: 'UNSAFE_VAR_ASSIGNMENT',
          message: 'Unsafe assignment to innerHTML',
          file: 'bundle.js',
          line: 2,
          column: 502,
        },
        {
          _type: 'warning',
          code: 'UNSAFE_VAR_ASSIGNMENT',
          message: 'Unsafe assignment to innerHTML',
          file: 'bundle.js',
          line: 1,
          column: 1,
        },
      ],
    });
    const [near, far] = withContext(parsed, dir).warnings;
    expect(near?.context).toContain('.__html');
    expect(near?.context?.length).toBeLessThanOrEqual(400);
    expect(far?.context).toBe('first line');
    expect(compareWithBaseline(withContext(parsed, dir), baseline).unexpected).toEqual([far]);
  });

  it('refuses output that is not a linter report', () => {
    expect(() => parseReport({ errors: [] })).toThrow();
  });
});

describe('what the baseline’s explanation relies on', () => {
  it('no code of ours passes dangerouslySetInnerHTML', () => {
    const files = repoFiles()
      .filter((file) => /^(entrypoints|components|utils)\/.*\.tsx?$/.test(file))
      .map((file) => path.join(ROOT.pathname, file));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(offenders).toEqual([]);
  });
});
