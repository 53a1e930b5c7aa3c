/**
 * The weekly reminder — on or off, the weekday and the local time — written as soon as it changes to the
 * setting the dashboard's reminder settings write (utils/settings/items.ts `reminderItem`); the background
 * moves the alarm (utils/week/reminder.ts).
 */
import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
import { repairReminder, type Weekday, type WeeklyReminder } from '@/utils/settings/items';
import { describeNextReminder, REMINDER_WEEKDAYS, weekdayName } from '@/utils/week/reminder-words';
import { Step, type StepProps } from './Step';

interface ReminderStepProps extends Pick<StepProps, 'position' | 'onBack' | 'onSkip'> {
  /** The reminder as saved; undefined while it is read. */
  reminder: WeeklyReminder | undefined;
  write: (value: WeeklyReminder) => Promise<void>;
  onReminder: (value: WeeklyReminder) => void;
  announce: (message: string) => void;
  now: () => Date;
  onNext: () => void;
}

export function ReminderStep({ reminder, write, onReminder, announce, now, onNext, ...step }: ReminderStepProps) {
  const dayId = useId();
  const timeId = useId();
  const [error, setError] = useState<string | null>(null);

  async function save(changes: Partial<WeeklyReminder>) {
    if (!reminder) return;
    const next = repairReminder({ ...reminder, ...changes });
    onReminder(next);
    try {
      await write(next);
      setError(null);
      announce(next.enabled ? t('welcomeReminderSaved', describeNextReminder(next, now())) : t('welcomeReminderOff'));
    } catch {
      setError(t('welcomeSettingFailed'));
    }
  }

  return (
    <Step {...step} title={t('welcomeReminderHeading')} error={error} onContinue={onNext}>
      <p class="lead">{t('welcomeReminderIntro')}</p>
      {reminder === undefined ? (
        <p class="hint">{t('welcomeLoading')}</p>
      ) : (
        <div class="reminder">
          <label class="check">
            <input type="checkbox" checked={reminder.enabled} onChange={(event) => void save({ enabled: event.currentTarget.checked })} />
            {t('welcomeReminderEnabled')}
          </label>
          <div class="pair">
            <div class="field">
              <label htmlFor={dayId}>{t('welcomeReminderDay')}</label>
              <select
                id={dayId}
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
              <label htmlFor={timeId}>{t('welcomeReminderTime')}</label>
              <input
                id={timeId}
                type="time"
                value={reminder.time}
                disabled={!reminder.enabled}
                // `change`, not `input`: a half-typed time is not a setting.
                onChange={(event) => {
                  if (/^\d{2}:\d{2}$/.test(event.currentTarget.value)) void save({ time: event.currentTarget.value });
                }}
              />
            </div>
          </div>
        </div>
      )}
    </Step>
  );
}
