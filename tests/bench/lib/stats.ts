/** Summaries and reports shared by benchmark sections. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface Stats {
  samples: number;
  median: number;
  p95: number;
  max: number;
  min: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
    min: sorted[0] ?? Number.NaN,
  };
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * The median of per-round differences `a[i] − b[i]`: what A adds over B, each round compared with the
 * run of B right beside it, so drift of the machine over the whole run cancels out.
 */
export function medianDifference(a: readonly number[], b: readonly number[]): number {
  const rounds = Math.min(a.length, b.length);
  return median(Array.from({ length: rounds }, (_, i) => a[i]! - b[i]!));
}

/** `part / whole`, or NaN when the whole is not positive (nothing to be a share of). */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : Number.NaN;
}

export interface Growth {
  /** k in cost ∝ size^k, fitted by least squares on log–log: 1 is linear. */
  exponent: number;
  /** How much the cost multiplies when the size does ×10: 10^k (10 is linear). */
  perTenfold: number;
}

/** How a cost grows with size, from (size, cost) points with positive values. */
export function growth(points: ReadonlyArray<{ size: number; cost: number }>): Growth {
  const usable = points.filter((point) => point.size > 0 && point.cost > 0);
  if (usable.length < 2) return { exponent: Number.NaN, perTenfold: Number.NaN };
  const xs = usable.map((point) => Math.log10(point.size));
  const ys = usable.map((point) => Math.log10(point.cost));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  xs.forEach((x, i) => {
    covariance += (x - meanX) * (ys[i]! - meanY);
    variance += (x - meanX) ** 2;
  });
  const exponent = variance > 0 ? covariance / variance : Number.NaN;
  return { exponent, perTenfold: 10 ** exponent };
}

export const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

export const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : '–');

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

/** A ratio ("2.36×"), or – where there is none. */
export const times = (value: number, digits = 2) => (Number.isFinite(value) ? `${value.toFixed(digits)}×` : '–');

/** A plain-text table: the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Results go to `.output/bench/<name>.json`, next to the build they measured. */
export function writeResult(name: string, result: unknown): string {
  const path = resolve('.output/bench', `${name}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
