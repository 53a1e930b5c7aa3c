/**
 * The weekly reminder's settings: on or off, the weekday and the local time. Saved to the settings
 * item the background watches, which moves the alarm (utils/week/reminder.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
import { describeNextReminder, REMINDER_WEEKDAYS, weekdayName } from '@/utils/week/reminder-words';
import { reminderItem, repairReminder, type Weekday, type WeeklyReminder } from '@/utils/settings/items';

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
    read().then(setReminder, () => setError(t('reminderSettingsReadFailed')));
  }, [read]);

  const save = async (changes: Partial<WeeklyReminder>) => {
    if (!reminder) return;
    const next = repairReminder({ ...reminder, ...changes });
    setReminder(next);
    try {
      await write(next);
      setError(null);
      setStatus(next.enabled ? t('reminderSettingsSavedNext', describeNextReminder(next, now())) : t('reminderSettingsSavedOff'));
    } catch {
      setError(t('reminderSettingsSaveFailed'));
    }
  };

  return (
    <section class="card reminder-settings" aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">{t('reminderSettingsHeading')}</h2>
      <p class="muted">{t('reminderSettingsExplanation')}</p>
      {reminder === undefined ? (
        error ? null : (
          <p class="muted">{t('reminderSettingsLoading')}</p>
        )
      ) : (
        <form class="reminder-form" onSubmit={(event) => event.preventDefault()}>
          <label class="check">
            <input type="checkbox" checked={reminder.enabled} onChange={(event) => void save({ enabled: event.currentTarget.checked })} />
            {t('reminderSettingsEnabled')}
          </label>
          <div class="field">
            <label for="reminder-day">{t('reminderSettingsDay')}</label>
            <select
              id="reminder-day"
              value={String(reminder.day)}
              disabled={!reminder.enabled}
              onChange={(event) => void save({ day: Number(event.currentTarget.value) as Weekday })}
            >
              {REMINDER_WEEKDAYS.map((day) => (
                <option key={day} value={String(day)}>
                  {weekdayName(day)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="reminder-time">{t('reminderSettingsTime')}</label>
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
