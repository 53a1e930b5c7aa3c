/**
 * The weekly reminder's settings: on or off, the weekday and the local time. Saved to the settings
 * item the background watches, which moves the alarm (utils/week/reminder.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { nextReminderTime } from '@/utils/week/reminder';
import { reminderItem, repairReminder, type Weekday, type WeeklyReminder } from '@/utils/settings/items';

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** "Monday" in the reader's locale (7 January 2024 was a Sunday). */
function weekdayName(day: Weekday): string {
  return new Date(2024, 0, 7 + day).toLocaleDateString(undefined, { weekday: 'long' });
}

export interface ReminderSettingsProps {
  read?: () => Promise<WeeklyReminder>;
  write?: (value: WeeklyReminder) => Promise<void>;
  now?: () => Date;
}

const readReminder = async () => repairReminder(await reminderItem.getValue());
const writeReminder = (value: WeeklyReminder) => reminderItem.setValue(value);

export function ReminderSettings({ read = readReminder, write = writeReminder, now = () => new Date() }: ReminderSettingsProps) {
  const [reminder, setReminder] = useState<WeeklyReminder | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    read().then(setReminder, () => setError('Your reminder setting could not be read. Reload the page to try again.'));
  }, [read]);

  const save = async (changes: Partial<WeeklyReminder>) => {
    if (!reminder) return;
    const next = repairReminder({ ...reminder, ...changes });
    setReminder(next);
    try {
      await write(next);
      setError(null);
      setStatus(next.enabled ? `Saved. Next reminder: ${describeNext(next, now())}.` : 'Saved. No weekly reminder will be shown.');
    } catch {
      setError('The reminder setting was not saved. Try again.');
    }
  };

  return (
    <section class="card reminder-settings" aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">Weekly reminder</h2>
      <p class="muted">
        A notification with the week in one line — audience, time, outcomes toward your aim — that opens this page. It appears only once you
        have set an aim.
      </p>
      {reminder === undefined ? (
        error ? null : (
          <p class="muted">Loading…</p>
        )
      ) : (
        <form class="reminder-form" onSubmit={(event) => event.preventDefault()}>
          <label class="check">
            <input type="checkbox" checked={reminder.enabled} onChange={(event) => void save({ enabled: event.currentTarget.checked })} />
            Remind me every week
          </label>
          <div class="field">
            <label for="reminder-day">Day</label>
            <select
              id="reminder-day"
              value={String(reminder.day)}
              disabled={!reminder.enabled}
              onChange={(event) => void save({ day: Number(event.currentTarget.value) as Weekday })}
            >
              {WEEKDAYS.map((day) => (
                <option key={day} value={String(day)}>
                  {weekdayName(day)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="reminder-time">Time</label>
            <input
              id="reminder-time"
              type="time"
              value={reminder.time}
              disabled={!reminder.enabled}
              // `change`, not `input`: a half-typed time is not a setting.
              onChange={(event) => {
                if (/^\d{2}:\d{2}$/.test(event.currentTarget.value)) void save({ time: event.currentTarget.value });
              }}
            />
          </div>
        </form>
      )}
      <p role="status" class="reminder-status">
        {status}
      </p>
      {error ? (
        <p role="alert" class="problem">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function describeNext(reminder: WeeklyReminder, now: Date): string {
  const when = nextReminderTime(now, reminder.day, reminder.time);
  return when.toLocaleString(undefined, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' });
}
