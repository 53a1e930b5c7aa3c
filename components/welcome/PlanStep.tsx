/**
 * The optional if-then plan — "When I see my follower count, I will …" — kept with the aim (Journal#setPlan:
 * the aim's record changes in place; an emptied field removes the plan) and shown in the prompt under the aim.
 * Without an aim there is nothing to keep it with: the step says so and offers Back and Skip.
 */
import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
import type { Journal } from '@/utils/journal/journal';
import { LIMITS, type Aim } from '@/utils/journal/records';
import { Step, type StepProps } from './Step';

interface PlanStepProps extends Pick<StepProps, 'position' | 'onBack' | 'onSkip'> {
  draft: string;
  onDraft: (plan: string) => void;
  current: Aim | null | undefined;
  journal: () => Promise<Journal>;
  /** Saved (or nothing to save): the aim as it is now, and what to announce. */
  onDone: (saved: Aim, announcement: string | null) => void;
}

export function PlanStep({ draft, onDraft, current, journal, onDone, ...step }: PlanStepProps) {
  const planId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!current) {
    return (
      <Step {...step} title={t('welcomePlanHeading')}>
        <p class="lead">{t('welcomePlanNeedsAim')}</p>
      </Step>
    );
  }
  const aim = current;

  async function save() {
    const plan = draft.trim();
    if (plan === (aim.plan ?? '')) {
      onDone(aim, null);
      return;
    }
    setBusy(true);
    try {
      const saved = await (await journal()).setPlan(aim.id, plan);
      onDone(saved, t(plan ? 'welcomePlanSaved' : 'welcomePlanRemoved'));
    } catch {
      setError(t('welcomeSaveFailed'));
      setBusy(false);
    }
  }

  return (
    <Step {...step} title={t('welcomePlanHeading')} error={error} errorId={errorId} busy={busy} onContinue={() => void save()}>
      <p class="lead">{t('welcomePlanIntro')}</p>
      <div class="field">
        <label htmlFor={planId}>{t('welcomePlanLabel')}</label>
        <input
          id={planId}
          type="text"
          value={draft}
          maxLength={LIMITS.plan}
          autocomplete="off"
          placeholder={t('welcomePlanPlaceholder')}
          aria-describedby={error ? errorId : undefined}
          onInput={(event) => {
            onDraft(event.currentTarget.value);
            setError(null);
          }}
        />
      </div>
    </Step>
  );
}
