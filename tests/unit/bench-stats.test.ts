/** The benchmark's pure helpers (tests/bench/lib/stats.ts, tests/bench/sections.ts): the figures the README quotes come from these. */
import { describe, expect, it } from 'vitest';
import { growth, median, medianDifference, percent, percentile, share, stats, table, times, verdict } from '../bench/lib/stats';
import { sectionArgs } from '../bench/sections';

describe('percentile and stats', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 100)).toBe(20);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes unsorted samples', () => {
    expect(stats([5, 1, 3])).toEqual({ samples: 3, median: 3, p95: 5, max: 5, min: 1 });
    expect(median([4, 1, 3, 2])).toBe(2);
  });
});

describe('medianDifference', () => {
  it('pairs rounds, so a drift shared by both setups cancels out', () => {
    // The machine gets slower each round; the extension always adds 10.
    const without = [100, 200, 300];
    const withExtension = [110, 210, 310];
    expect(medianDifference(withExtension, without)).toBe(10);
    // Unpaired medians would say the same here, but not when one round is an outlier.
    expect(medianDifference([110, 500, 310], without)).toBe(10);
  });

  it('uses only the rounds both setups completed', () => {
    expect(medianDifference([1, 2, 3, 4], [0, 0])).toBe(1);
  });
});

describe('share', () => {
  it('is a fraction of a positive whole', () => {
    expect(share(5, 50)).toBe(0.1);
    expect(share(-2, 40)).toBe(-0.05);
  });

  it('is NaN when the whole is not positive (a floor below noise has no ratio)', () => {
    expect(share(5, 0)).toBeNaN();
    expect(share(5, -1)).toBeNaN();
  });
});

describe('growth', () => {
  it('is ×10 per ×10 for a linear cost', () => {
    const result = growth([1_000, 10_000, 50_000].map((size) => ({ size, cost: size * 0.002 })));
    expect(result.exponent).toBeCloseTo(1, 10);
    expect(result.perTenfold).toBeCloseTo(10, 8);
  });

  it('is ×100 per ×10 for a quadratic cost, ×1 for a constant one', () => {
    expect(growth([10, 100, 1_000].map((size) => ({ size, cost: size * size }))).perTenfold).toBeCloseTo(100, 6);
    expect(growth([10, 100, 1_000].map((size) => ({ size, cost: 7 }))).exponent).toBeCloseTo(0, 10);
  });

  it('ignores points it cannot take the logarithm of, and needs two', () => {
    expect(
      growth([
        { size: 10, cost: 0 },
        { size: 100, cost: 5 },
      ]).exponent,
    ).toBeNaN();
    expect(
      growth([
        { size: 10, cost: 1 },
        { size: 100, cost: 10 },
        { size: 1000, cost: -3 },
      ]).perTenfold,
    ).toBeCloseTo(10, 8);
  });
});

describe('formatting', () => {
  it('prints verdicts, percentages and aligned tables', () => {
    expect(verdict(true)).toBe('PASS');
    expect(verdict(false)).toBe('FAIL');
    expect(percent(0.1234)).toBe('12.3 %');
    expect(percent(Number.NaN)).toBe('–');
    expect(times(2.356)).toBe('2.36×');
    expect(times(14.73, 1)).toBe('14.7×');
    expect(times(Number.POSITIVE_INFINITY)).toBe('–');
    expect(
      table([
        ['name', 'ms'],
        ['a', '1.0'],
        ['longer', '12.5'],
      ]).split('\n'),
    ).toEqual(['name      ms', '──────  ────', 'a        1.0', 'longer  12.5']);
  });
});

describe('sectionArgs', () => {
  it('reads --only lists, --only=, and bare names', () => {
    expect(sectionArgs(['--only', 'page'])).toEqual(['page']);
    expect(sectionArgs(['--only', 'page,popup'])).toEqual(['page', 'popup']);
    expect(sectionArgs(['--only=week'])).toEqual(['week']);
    expect(sectionArgs(['week', 'popup'])).toEqual(['week', 'popup']);
    expect(sectionArgs([])).toEqual([]);
    expect(sectionArgs(['--only'])).toEqual([]);
  });
});
