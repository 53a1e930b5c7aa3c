/**
 * Mozilla's addons-linter on the Firefox build, gated for `npm test`:
 * - any error fails (AMO rejects the upload);
 * - every warning or notice must be accepted by tests/firefox/linter-baseline.json, where each
 *   accepted finding says why it is harmless. A new one fails with the list, so nothing slips in
 *   unreviewed.
 * Run as `npm run lint:firefox` (builds first) or `tsx tests/firefox/lint.ts [BUILD_DIR]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as v from 'valibot';

/** One finding as addons-linter prints it with `--output json` (the fields this gate reads). */
export interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number | null;
  column?: number | null;
  /** Source text around the finding, filled in by `withContext`; baseline entries may require a marker in it. */
  context?: string;
}

export interface LinterReport {
  errors: LinterMessage[];
  warnings: LinterMessage[];
  notices: LinterMessage[];
}

const LinterMessageSchema = v.looseObject({
  code: v.string(),
  message: v.string(),
  file: v.optional(v.string()),
  line: v.optional(v.nullable(v.number())),
  column: v.optional(v.nullable(v.number())),
});

const LinterReportSchema = v.looseObject({
  errors: v.array(LinterMessageSchema),
  warnings: v.array(LinterMessageSchema),
  notices: v.array(LinterMessageSchema),
});

const BaselineEntrySchema = v.strictObject({
  code: v.pipe(v.string(), v.minLength(1)),
  /** Path inside the build, a pattern (see filePattern). */
  file: v.pipe(v.string(), v.minLength(1)),
  /** Text that must appear near the reported position, so an accepted code in the same file cannot cover a new finding. */
  near: v.optional(v.pipe(v.string(), v.minLength(1))),
  /** How many findings this entry accepts. */
  max: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Why the finding is harmless: an entry without a reason is not accepted. */
  why: v.pipe(v.string(), v.trim(), v.minLength(20, 'Each accepted warning needs an explanation (why, at least a sentence).')),
});

const BaselineSchema = v.strictObject({
  $comment: v.optional(v.string()),
  accepted: v.array(BaselineEntrySchema),
});

export type BaselineEntry = v.InferOutput<typeof BaselineEntrySchema>;
export type Baseline = v.InferOutput<typeof BaselineSchema>;

export function parseReport(json: unknown): LinterReport {
  return v.parse(LinterReportSchema, json);
}

/** The baseline file's content, checked; throws a readable message naming the bad field. */
export function parseBaseline(json: unknown): Baseline {
  const result = v.safeParse(BaselineSchema, json);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  throw new Error(`linter baseline is invalid:\n  ${problems.join('\n  ')}`);
}

// A file pattern: `**` followed by a slash is any number of folders, `*` any run of characters within
// one name (bundle hashes change every build).
export function filePattern(glob: string): RegExp {
  const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const source = glob
    .split('**/')
    .map((part) => part.split('*').map(escape).join('[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`^${source}$`);
}

export function entryAccepts(entry: BaselineEntry, message: LinterMessage): boolean {
  if (entry.code !== message.code) return false;
  if (!filePattern(entry.file).test(message.file ?? '')) return false;
  return entry.near === undefined || (message.context ?? '').includes(entry.near);
}

export interface Comparison {
  /** Errors are never accepted. */
  errors: LinterMessage[];
  /** Warnings and notices no baseline entry accepts (or beyond an entry's `max`). */
  unexpected: LinterMessage[];
  /** Findings each entry accepted, in baseline order. */
  accepted: Array<{ entry: BaselineEntry; messages: LinterMessage[] }>;
  /** Entries that accepted nothing: the finding is gone and the entry can be removed. */
  unused: BaselineEntry[];
}

export function compareWithBaseline(report: LinterReport, baseline: Baseline): Comparison {
  const accepted = baseline.accepted.map((entry) => ({ entry, messages: [] as LinterMessage[] }));
  const unexpected: LinterMessage[] = [];
  for (const message of [...report.warnings, ...report.notices]) {
    const slot = accepted.find(({ entry, messages }) => messages.length < entry.max && entryAccepts(entry, message));
    if (slot) slot.messages.push(message);
    else unexpected.push(message);
  }
  return {
    errors: [...report.errors],
    unexpected,
    accepted,
    unused: accepted.filter(({ messages }) => messages.length === 0).map(({ entry }) => entry),
  };
}

export function passes(comparison: Comparison): boolean {
  return comparison.errors.length === 0 && comparison.unexpected.length === 0;
}

function where(message: LinterMessage): string {
  if (!message.file) return '';
  const position = message.line ? `:${message.line}${message.column ? `:${message.column}` : ''}` : '';
  return ` (${message.file}${position})`;
}

/** What the terminal shows: a summary line, then every failing finding, one per line. */
export function formatComparison(comparison: Comparison): string {
  const lines: string[] = [];
  const acceptedCount = comparison.accepted.reduce((sum, { messages }) => sum + messages.length, 0);
  lines.push(
    `addons-linter: ${comparison.errors.length} error(s), ${comparison.unexpected.length} new ` +
      `warning(s)/notice(s), ${acceptedCount} accepted by the baseline`,
  );
  if (comparison.errors.length > 0) {
    lines.push('Errors (AMO rejects the package):');
    for (const message of comparison.errors) lines.push(`  ${message.code}: ${message.message}${where(message)}`);
  }
  if (comparison.unexpected.length > 0) {
    lines.push('Not in tests/firefox/linter-baseline.json (fix them, or add an entry that explains why each is harmless):');
    for (const message of comparison.unexpected) lines.push(`  ${message.code}: ${message.message}${where(message)}`);
  }
  for (const { entry, messages } of comparison.accepted) {
    if (messages.length > 0) lines.push(`  accepted ${messages.length}× ${entry.code} in ${entry.file}: ${entry.why}`);
  }
  for (const entry of comparison.unused) {
    lines.push(`  note: baseline entry ${entry.code} in ${entry.file} matched nothing; it can be removed.`);
  }
  return lines.join('\n');
}

/** How many characters around a reported column count as "near" it (minified bundles are one long line). */
const CONTEXT_CHARS = 200;

/** The source text around each finding's position, read from the build. */
export function withContext(report: LinterReport, buildDir: string): LinterReport {
  const cache = new Map<string, string[] | null>();
  const linesOf = (file: string) => {
    if (!cache.has(file)) {
      const full = path.join(buildDir, file);
      cache.set(file, existsSync(full) ? readFileSync(full, 'utf8').split('\n') : null);
    }
    return cache.get(file) ?? null;
  };
  const add = (message: LinterMessage): LinterMessage => {
    if (!message.file || !message.line) return message;
    const text = linesOf(message.file)?.[message.line - 1];
    if (text === undefined) return message;
    const column = message.column ?? 0;
    return { ...message, context: text.slice(Math.max(0, column - CONTEXT_CHARS), column + CONTEXT_CHARS) };
  };
  return { errors: report.errors.map(add), warnings: report.warnings.map(add), notices: report.notices.map(add) };
}

function runLinter(buildDir: string): LinterReport {
  const bin = createRequire(import.meta.url).resolve('addons-linter/bin/addons-linter');
  const run = spawnSync(process.execPath, [bin, buildDir, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // Exit code 1 only means "errors found": the JSON report is still complete.
  try {
    return parseReport(JSON.parse(run.stdout));
  } catch (error) {
    throw new Error(`addons-linter did not print a JSON report (exit ${run.status}).\n${run.stderr || String(error)}`, { cause: error });
  }
}

function main(argv: string[]): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const buildDir = path.resolve(root, argv[0] ?? '.output/firefox-mv3');
  if (!existsSync(path.join(buildDir, 'manifest.json'))) {
    console.error(`No Firefox build in ${buildDir}: run \`npm run build:firefox\` first (or \`npm run lint:firefox\`).`);
    return 2;
  }
  const baseline = parseBaseline(JSON.parse(readFileSync(path.join(root, 'tests/firefox/linter-baseline.json'), 'utf8')));
  const comparison = compareWithBaseline(withContext(runLinter(buildDir), buildDir), baseline);
  const ok = passes(comparison);
  (ok ? console.log : console.error)(formatComparison(comparison));
  return ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
