/**
 * The budgets' parts (utils/messaging/budgets.ts): per-minute counts, the active-time allowance, the batched
 * refusal counts — and the README's table saying the same numbers as the code. The floods through the
 * message handler are in messages.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGETS, MinuteBudget, RefusalTally, TimeAllowance } from '../../utils/messaging/budgets';
import { BUDGETED_MESSAGES, type RefusalDay } from '../../utils/journal/records';

describe('MinuteBudget', () => {
  it('takes up to the cap per key in a calendar minute, and starts again the next', () => {
    let clock = new Date('2026-11-23T09:00:10.000Z');
    const budget = new MinuteBudget(() => clock);
    expect([1, 2, 3].map(() => budget.take('a', 2))).toEqual([true, true, false]);
    expect(budget.take('b', 2)).toBe(true);
    clock = new Date('2026-11-23T09:00:59.999Z');
    expect(budget.take('a', 2)).toBe(false);
    clock = new Date('2026-11-23T09:01:00.000Z');
    expect(budget.take('a', 2)).toBe(true);
    // A clock set back is a new minute too, never a stuck one.
    clock = new Date('2026-11-23T08:00:00.000Z');
    expect(budget.take('a', 2)).toBe(true);
  });
});

describe('TimeAllowance', () => {
  it("starts full, refills at the clock's pace up to its capacity, and takes nothing it refuses", () => {
    let clock = new Date('2026-11-23T09:00:00.000Z');
    const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
    const allowance = new TimeAllowance(() => clock, 10_000);
    expect(allowance.take('tab', 8_000)).toBe(true);
    expect(allowance.take('tab', 3_000)).toBe(false);
    expect(allowance.take('tab', 2_000)).toBe(true);
    later(1_000);
    expect(allowance.take('tab', 1_001)).toBe(false);
    expect(allowance.take('tab', 1_000)).toBe(true);
    later(60_000);
    expect(allowance.take('tab', 10_001)).toBe(false);
    expect(allowance.take('tab', 10_000)).toBe(true);
    expect(allowance.take('other', 10_000)).toBe(true);
  });

  it('forgets keys whose allowance is full again once it knows many (a forgotten key starts full: the same)', () => {
    let clock = new Date('2026-11-23T09:00:00.000Z');
    const allowance = new TimeAllowance(() => clock, 10_000);
    for (let tab = 0; tab < 1_500; tab++) allowance.take(String(tab), 10_000);
    clock = new Date(clock.getTime() + 10_000);
    allowance.take('new', 1);
    expect((allowance as unknown as { left: Map<string, unknown> }).left.size).toBe(1);
  });
});

describe('RefusalTally', () => {
  it('gathers refusals while a write is in flight, so a burst costs two writes; each add resolves once it is written', async () => {
    const writes: RefusalDay[][] = [];
    let finish: () => void = () => undefined;
    const tally = new RefusalTally(
      (counts) =>
        new Promise<void>((resolve) => {
          writes.push(counts);
          finish = resolve;
        }),
    );
    const first = tally.add('2026-11-23', 'x', 'snapshot/add');
    await Promise.resolve();
    await Promise.resolve();
    expect(writes).toEqual([[{ day: '2026-11-23', siteId: 'x', type: 'snapshot/add', count: 1 }]]);
    const rest = Array.from({ length: 500 }, (_, i) => tally.add('2026-11-23', i % 2 ? 'x' : 'github', 'snapshot/add'));
    finish();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(writes).toHaveLength(2);
    expect(writes[1]).toEqual([
      { day: '2026-11-23', siteId: 'github', type: 'snapshot/add', count: 250 },
      { day: '2026-11-23', siteId: 'x', type: 'snapshot/add', count: 250 },
    ]);
    finish();
    await Promise.all(rest);
  });

  it('a failed write fails its own adds only; the next batch is written', async () => {
    let fail = true;
    const written: RefusalDay[][] = [];
    const tally = new RefusalTally(async (counts) => {
      if (fail) throw new Error('disk full');
      written.push(counts);
    });
    await expect(tally.add('2026-11-23', 'x', 'health/add')).rejects.toThrow('disk full');
    fail = false;
    await tally.add('2026-11-23', 'x', 'health/add');
    expect(written).toEqual([[{ day: '2026-11-23', siteId: 'x', type: 'health/add', count: 1 }]]);
  });
});

describe('the README states the budgets the code holds', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const row = (type: string) => readme.split('\n').find((line) => line.startsWith(`| \`${type}\` |`)) ?? '';
  const n = (value: number) => value.toLocaleString('en-US');

  it('one table row per budgeted message, with its numbers', () => {
    for (const type of BUDGETED_MESSAGES) expect(row(type), type).not.toBe('');
    expect(row('snapshot/add')).toContain(`${n(BUDGETS.snapshot.perMinutePerSite)} per site`);
    expect(row('snapshot/add')).toContain(`${n(BUDGETS.snapshot.newRowsPerDayPerSite)} new rows per site`);
    expect(row('activity/add')).toContain(`${n(BUDGETS.activity.messagesPerMinutePerTab)} messages per tab`);
    expect(row('activity/add')).toContain(`plus ${BUDGETS.activity.activeMsCarryPerTab / 60_000} minutes carried`);
    expect(row('activity/add')).toContain(`\`activeMs\` ${BUDGETS.activity.perDayPerSite.activeMs / 3_600_000} hours`);
    expect(row('activity/add')).toContain(`\`metricsSeen\` ${n(BUDGETS.activity.perDayPerSite.metricsSeen)}`);
    expect(row('activity/add')).toContain(`\`promptsShown\` ${n(BUDGETS.activity.perDayPerSite.promptsShown)}`);
    expect(row('health/add')).toContain(`${n(BUDGETS.health.perMinutePerSite)} page views per site`);
    expect(row('health/add')).toContain(`${n(BUDGETS.health.viewsPerDayPerSite)} page views per site`);
    expect(row('lang/load')).toContain(`${n(BUDGETS.lang.perMinutePerTab)} per tab`);
    expect(row('prompt/frame')).toContain(`${n(BUDGETS.frame.perMinutePerTab)} per tab`);
    expect(row('sites/generic')).toContain(`${n(BUDGETS.generic.perMinutePerTab)} per tab`);
    expect(row('settings/site')).toContain(`${n(BUDGETS.settings.perMinutePerTab)} per tab`);
    expect(row('prompt/answer')).toContain(`${n(BUDGETS.answer.perMinutePerSite)} per site`);
    expect(row('prompt/answer')).toContain(
      `${n(BUDGETS.answer.perDayPerSite)} answers and ${n(BUDGETS.answer.outcomesPerDayPerSite)} outcomes per site`,
    );
  });
});
