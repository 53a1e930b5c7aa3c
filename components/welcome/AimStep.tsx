/**
 * The last two of the five questions, answered: "What does big mean to you?" becomes the purpose, "When you
 * get big, what will you accomplish?" the aim — the same record the popup's AimForm writes (Journal#setAim:
 * a new aim archives the current one). Unchanged answers write nothing.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
import type { Journal } from '@/utils/journal/journal';
import { LIMITS, type Aim } from '@/utils/journal/records';
import { Step, type StepProps } from './Step';

export interface AimDraft {
  purpose: string;
  aim: string;
}

interface AimStepProps extends Pick<StepProps, 'position' | 'onBack' | 'onSkip'> {
  draft: AimDraft;
  onDraft: (draft: AimDraft) => void;
  /** The aim saved now, if any (its plan goes with a changed aim). */
  current: Aim | null | undefined;
  journal: () => Promise<Journal>;
  /** Saved (or nothing to save): the next step. */
  onDone: (saved: Aim) => void;
}

export function AimStep({ draft, onDraft, current, journal, onDone, ...step }: AimStepProps) {
  const purposeId = useId();
  const aimId = useId();
  const purposeHint = useId();
  const aimHint = useId();
  const errorId = useId();
  const [error, setError] = useState<{ message: string; aimField: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const aimInput = useRef<HTMLInputElement>(null);

  async function save() {
    const purpose = draft.purpose.trim();
    const aim = draft.aim.trim();
    if (!aim) {
      setError({ message: t('welcomeAimRequired'), aimField: true });
      aimInput.current?.focus();
      return;
    }
    if (current && current.aim === aim && current.purpose === purpose) {
      onDone(current);
      return;
    }
    setBusy(true);
    try {
      const saved = await (await journal()).setAim({ purpose, aim, ...(current?.plan ? { plan: current.plan } : {}) });
      onDone(saved);
    } catch {
      // What was typed stays in the fields; only the sentence below them changes.
      setError({ message: t('welcomeSaveFailed'), aimField: false });
      setBusy(false);
    }
  }

  const invalid = error?.aimField === true;
  return (
    <Step {...step} title={t('welcomeAimHeading')} error={error?.message} errorId={errorId} busy={busy} onContinue={() => void save()}>
      <p class="lead">{t('welcomeAimIntro')}</p>
      <div class="field">
        <label htmlFor={purposeId}>{t('welcomeBigMeaning')}</label>
        <input
          id={purposeId}
          type="text"
          value={draft.purpose}
          maxLength={LIMITS.purpose}
          autocomplete="off"
          aria-describedby={purposeHint}
          onInput={(event) => onDraft({ ...draft, purpose: event.currentTarget.value })}
        />
        <p id={purposeHint} class="hint">
          {t('welcomeBigMeaningHint')}
        </p>
      </div>
      <div class="field">
        <label htmlFor={aimId}>{t('welcomeBigAccomplish')}</label>
        <input
          ref={aimInput}
          id={aimId}
          type="text"
          value={draft.aim}
          maxLength={LIMITS.aim}
          autocomplete="off"
          aria-required="true"
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? `${aimHint} ${errorId}` : aimHint}
          onInput={(event) => {
            onDraft({ ...draft, aim: event.currentTarget.value });
            if (invalid) setError(null);
          }}
        />
        <p id={aimHint} class="hint">
          {t('welcomeBigAccomplishHint')}
        </p>
      </div>
    </Step>
  );
}
