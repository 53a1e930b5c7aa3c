/**
 * The weekly reminder: the scheduling maths (pure, pinned clocks, daylight-saving changes in several
 * zones) and the background's behaviour against WXT's fake browser (alarms, notifications, tabs).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../utils/journal/journal';
import {
  REMINDER_ALARM,
  nextReminderTime,
  reminderNotificationId,
  scheduleReminder,
  showReminder,
  startWeeklyReminder,
  weekOfNotification,
  type ReminderBrowser,
  type ReminderOptions,
  type ReminderSettings,
} from '../../utils/week/reminder';
import { reminderItem } from '../../utils/settings/items';

const originalTz = process.env.TZ;
const api = fakeBrowser as unknown as ReminderBrowser;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  process.env.TZ = 'UTC';
});
afterEach(() => {
  process.env.TZ = originalTz;
});

/** A local wall-clock time in the current TZ, as "YYYY-MM-DD HH:MM (weekday)". */
function local(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getDay()];
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time} ${day}`;
}

describe('nextReminderTime', () => {
  it('is the next chosen weekday at the chosen time, later this week or next', () => {
    const thursday = new Date('2026-11-26T10:00:00.000Z');
    expect(local(nextReminderTime(thursday, 0, '18:00'))).toBe('2026-11-29 18:00 Sun');
    expect(local(nextReminderTime(thursday, 1, '09:30'))).toBe('2026-11-30 09:30 Mon');
    // The same weekday: later today, or a week on once the time has passed.
    expect(local(nextReminderTime(thursday, 4, '10:01'))).toBe('2026-11-26 10:01 Thu');
    expect(local(nextReminderTime(thursday, 4, '09:59'))).toBe('2026-12-03 09:59 Thu');
  });

  it('is strictly after now: a reminder that fires exactly on time schedules the next week', () => {
    const firing = new Date('2026-11-29T18:00:00.000Z');
    expect(local(nextReminderTime(firing, 0, '18:00'))).toBe('2026-12-06 18:00 Sun');
  });

  it('keeps the wall-clock time across the autumn change (Europe/Berlin, 25 Oct 2026: 169-hour week)', () => {
    process.env.TZ = 'Europe/Berlin';
    const lastReminder = new Date('2026-10-18T16:00:00.000Z'); // Sunday 18:00 CEST
    const next = nextReminderTime(lastReminder, 0, '18:00');
    expect(local(next)).toBe('2026-10-25 18:00 Sun');
    expect(next.toISOString()).toBe('2026-10-25T17:00:00.000Z'); // CET: UTC+1
    expect((next.getTime() - lastReminder.getTime()) / 3_600_000).toBe(169);
  });

  it('keeps the wall-clock time across the spring change, and moves a time that does not exist past the gap', () => {
    process.env.TZ = 'America/New_York';
    const saturday = new Date('2026-03-07T17:00:00.000Z'); // Saturday noon EST; clocks go forward on Sunday 8 March
    expect(nextReminderTime(saturday, 0, '18:00').toISOString()).toBe('2026-03-08T22:00:00.000Z'); // 18:00 EDT
    const skipped = nextReminderTime(saturday, 0, '02:30'); // 02:00–03:00 does not exist that night
    expect(local(skipped)).toBe('2026-03-08 03:30 Sun');
  });

  it('works in a zone ahead of UTC where the local day differs from the UTC day', () => {
    process.env.TZ = 'Pacific/Auckland';
    const mondayMorning = new Date('2026-11-29T20:00:00.000Z'); // Monday 30 Nov, 09:00 NZDT
    expect(local(mondayMorning)).toBe('2026-11-30 09:00 Mon');
    expect(local(nextReminderTime(mondayMorning, 0, '18:00'))).toBe('2026-12-06 18:00 Sun');
  });
});

describe('notification ids', () => {
  it('carry the week’s first day, and ignore other notifications', () => {
    expect(weekOfNotification(reminderNotificationId('2026-11-23'))).toBe('2026-11-23');
    expect(weekOfNotification('something-else')).toBeUndefined();
    expect(weekOfNotification(reminderNotificationId('not-a-day'))).toBeUndefined();
  });
});

describe('the reminder in the background', () => {
  let clock: Date;
  let settings: ReminderSettings;
  let journal: Journal;

  beforeEach(async () => {
    clock = new Date('2026-11-26T10:00:00.000Z'); // Thursday
    settings = { weekStartsOn: 1, weeklyReminder: { enabled: true, day: 0, time: '18:00' } };
    journal = await Journal.open({ now: () => clock });
  });

  const options = (): ReminderOptions => ({
    api,
    journal: async () => journal,
    readSettings: async () => settings,
    watchSettings: () => () => undefined,
    now: () => clock,
    report: (error) => {
      throw error;
    },
  });

  async function seedWeek() {
    await journal.setAim({ purpose: 'A studio', aim: 'Three new clients by March' });
    await journal.addSnapshot({ siteId: 'x', metric: 'followers', value: 1000, approximate: false, at: '2026-11-20T10:00:00.000Z' });
    await journal.addSnapshot({ siteId: 'x', metric: 'followers', value: 1045, approximate: false, at: '2026-11-25T10:00:00.000Z' });
    await journal.addActivity({ siteId: 'x', day: '2026-11-24', activeMs: 90 * 60_000 + 30_000 });
    await journal.addOutcome({ title: 'Intro call', kind: 'client', at: '2026-11-24T09:00:00.000Z' });
    await journal.addOutcome({ title: 'A template sold', kind: 'sale', at: '2026-11-25T09:00:00.000Z' });
    await journal.addOutcome({ title: 'A referral', kind: 'client', at: '2026-11-26T09:00:00.000Z' });
    await journal.addOutcome({ title: 'Last week', kind: 'client', at: '2026-11-22T09:00:00.000Z' });
  }

  it('sets a one-shot alarm for the next chosen day and time, and clears it when switched off', async () => {
    const when = await scheduleReminder(options());
    expect(when?.toISOString()).toBe('2026-11-29T18:00:00.000Z');
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toMatchObject({
      scheduledTime: Date.parse('2026-11-29T18:00:00.000Z'),
      periodInMinutes: undefined,
    });

    settings = { ...settings, weeklyReminder: { ...settings.weeklyReminder, enabled: false } };
    expect(await scheduleReminder(options())).toBeUndefined();
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('shows nothing before an aim is set', async () => {
    await journal.addOutcome({ title: 'An outcome without an aim', kind: 'client' });
    expect(await showReminder(options())).toBeUndefined();
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('shows nothing when the reminder is off', async () => {
    await seedWeek();
    settings = { ...settings, weeklyReminder: { ...settings.weeklyReminder, enabled: false } };
    expect(await showReminder(options())).toBeUndefined();
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('says the week in one line, in a notification that names the week', async () => {
    await seedWeek();
    const id = await showReminder(options());
    expect(id).toBe(reminderNotificationId('2026-11-23'));
    expect(fakeBrowser.notifications.getAllCreateOptions()[id!]).toMatchObject({
      type: 'basic',
      title: 'Running For',
      message: 'This week: +45 followers, 1 h 30 min on social sites, 3 outcomes toward «Three new clients by March»',
    });
  });

  it('when started: sets the alarm, fires, schedules the next one, and a click opens that week', async () => {
    await seedWeek();
    let settingsChanged: () => void = () => undefined;
    const opened: string[] = [];
    fakeBrowser.tabs.onCreated.addListener((tab) => void opened.push(tab.url ?? ''));
    const stop = startWeeklyReminder({ ...options(), watchSettings: (callback) => ((settingsChanged = callback), () => undefined) });
    await expect
      .poll(() => fakeBrowser.alarms.get(REMINDER_ALARM))
      .toMatchObject({ scheduledTime: Date.parse('2026-11-29T18:00:00.000Z') });

    clock = new Date('2026-11-29T18:00:00.000Z');
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: clock.getTime(), persistAcrossSessions: false });
    await expect.poll(() => Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([reminderNotificationId('2026-11-23')]);
    await expect
      .poll(async () => (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime)
      .toBe(Date.parse('2026-12-06T18:00:00.000Z'));

    await fakeBrowser.notifications.onClicked.trigger(reminderNotificationId('2026-11-23'));
    await expect.poll(() => opened).toEqual(['chrome-extension://test-extension-id/dashboard.html#/week/2026-11-23']);
    await fakeBrowser.notifications.onClicked.trigger('another-extension-notification');

    // A change of day or time moves the alarm.
    settings = { ...settings, weeklyReminder: { enabled: true, day: 3, time: '08:15' } };
    settingsChanged();
    await expect
      .poll(async () => (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime)
      .toBe(Date.parse('2026-12-02T08:15:00.000Z'));

    stop();
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: clock.getTime(), persistAcrossSessions: false });
    expect(opened).toHaveLength(1);
  });

  it('across the autumn clock change in a real zone (Europe/Berlin, 25 Oct 2026): fires once, at 18:00 local, both weeks', async () => {
    process.env.TZ = 'Europe/Berlin';
    clock = new Date('2026-10-22T08:00:00.000Z'); // Thursday, 10:00 in Berlin (summer time, UTC+2)
    await journal.setAim({ purpose: 'A studio', aim: 'Three new clients by March' });
    const shown: string[] = [];
    const stop = startWeeklyReminder(options());
    // Sunday 25 October: the clocks went back at 03:00, so 18:00 local is 17:00 UTC.
    await expect
      .poll(async () => (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime)
      .toBe(Date.parse('2026-10-25T17:00:00.000Z'));
    clock = new Date('2026-10-25T17:00:00.000Z');
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: clock.getTime(), persistAcrossSessions: false });
    await expect.poll(() => Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toHaveLength(1);
    shown.push(...Object.keys(fakeBrowser.notifications.getAllCreateOptions()));
    // Next: Sunday 1 November, 18:00 local — winter time now, still 17:00 UTC: a week of 168 hours after a 169-hour one.
    await expect
      .poll(async () => (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime)
      .toBe(Date.parse('2026-11-01T17:00:00.000Z'));
    const next = (await fakeBrowser.alarms.get(REMINDER_ALARM))!.scheduledTime;
    expect(local(new Date(next))).toBe('2026-11-01 18:00 Sun');
    // The same alarm delivered twice (a browser catching up after sleep) shows nothing more that week.
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: clock.getTime(), persistAcrossSessions: false });
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual(shown);
    stop();
  });

  it('follows the real settings item: switching the reminder off clears the alarm', async () => {
    const stop = startWeeklyReminder({ api, journal: async () => journal, now: () => clock });
    await expect.poll(() => fakeBrowser.alarms.get(REMINDER_ALARM)).toBeDefined();
    await reminderItem.setValue({ enabled: false, day: 0, time: '18:00' });
    await expect.poll(() => fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
    await reminderItem.setValue({ enabled: true, day: 5, time: '07:00' });
    await expect
      .poll(async () => (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime)
      .toBe(Date.parse('2026-11-27T07:00:00.000Z'));
    stop();
  });
});

describe('which week a reminder reports', () => {
  it('is the current week, except on its first day, when it is the week that just ended', async () => {
    const { reportedWeekDate } = await import('../../utils/week/reminder');
    const sunday = new Date(2026, 10, 29, 18, 0); // weeks start Monday: Sunday evening reports this week
    expect(reportedWeekDate(sunday, 1)).toBe(sunday);
    const monday = new Date(2026, 10, 30, 9, 0); // Monday morning: the week that ended yesterday
    expect(reportedWeekDate(monday, 1)).toEqual(new Date(2026, 10, 23));
    expect(reportedWeekDate(monday, 0)).toBe(monday); // weeks starting Sunday: Monday is day two
  });
});
