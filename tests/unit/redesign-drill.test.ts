/**
 * The redesign drill: every real-page fixture, transformed the way redesigns transform pages
 * (tests/unit/redesign.ts), must keep at least 95 % of its counts per transformation — the same metric,
 * value and own flag — with no false positive at all. What the hooks lose, the label and generic layers
 * (utils/sites/layers.ts) must find.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../utils/detection/detect';
import { parseWith, realCases, type ExpectedDetection, type FixtureCase } from './fixture-dom';
import { REDESIGNS } from './redesign';

const KEEP = 0.95;

interface Tally {
  expected: number;
  kept: number;
  missed: string[];
  falsePositives: string[];
}

const key = (item: { metric: string; value: number; own: boolean }) => `${item.metric}=${item.value}${item.own ? ' (own)' : ''}`;

function drill(fixture: FixtureCase, apply?: (doc: Document) => void): Tally {
  const doc = parseWith('linkedom', fixture.html, fixture.url);
  apply?.(doc);
  const found = detect(doc, fixture.url, fixture.lang).map(key);
  const left = [...found];
  const missed: string[] = [];
  for (const item of fixture.expect as ExpectedDetection[]) {
    const at = left.indexOf(key(item));
    if (at >= 0) left.splice(at, 1);
    else missed.push(`${fixture.site}/${fixture.file}: ${key(item)}`);
  }
  return {
    expected: fixture.expect.length,
    kept: fixture.expect.length - missed.length,
    missed,
    falsePositives: left.map((item) => `${fixture.site}/${fixture.file}: ${item}`),
  };
}

function total(tallies: Tally[]): Tally {
  return tallies.reduce(
    (sum, t) => ({
      expected: sum.expected + t.expected,
      kept: sum.kept + t.kept,
      missed: sum.missed.concat(t.missed),
      falsePositives: sum.falsePositives.concat(t.falsePositives),
    }),
    { expected: 0, kept: 0, missed: [], falsePositives: [] },
  );
}

const cases = realCases();

describe('redesign drill (real-page fixtures)', () => {
  it('has real-page fixtures with counts to drill', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(total(cases.map((fixture) => drill(fixture))).expected).toBeGreaterThan(0);
  });

  it('finds every count before any redesign', () => {
    const before = total(cases.map((fixture) => drill(fixture)));
    expect(before.missed).toEqual([]);
    expect(before.falsePositives).toEqual([]);
  });

  it.each(REDESIGNS.map((redesign) => [redesign.name, redesign] as const))(
    '%s: keeps ≥ 95 % of counts, no false positive',
    (_name, redesign) => {
      const after = total(cases.map((fixture) => drill(fixture, (doc) => redesign.apply(doc))));
      expect(after.falsePositives, redesign.why).toEqual([]);
      const share = after.kept / after.expected;
      expect(share, `${after.kept} of ${after.expected} kept; missed:\n${after.missed.join('\n')}`).toBeGreaterThanOrEqual(KEEP);
    },
  );
});
