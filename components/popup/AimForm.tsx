import { useId, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
import type { Aim } from '@/utils/journal/records';
import { LIMITS } from '@/utils/journal/records';
import { foundingQuestion } from './AimCard';
import { useFocusOnMount } from './focus';

export interface AimDraft {
  purpose: string;
  aim: string;
}

interface AimFormProps {
  /** The aim being changed; undefined on first run. */
  current: Aim | undefined;
  /** Saves (archiving the current aim); rejects with a message-bearing error when the write fails. */
  onSave: (draft: AimDraft) => Promise<void>;
  /** Absent on first run: there is nothing to go back to. */
  onCancel?: () => void;
}

/** The founding question as a form: Purpose (may be short) and Aim (required). */
export function AimForm({ current, onSave, onCancel }: AimFormProps) {
  const purposeId = useId();
  const aimId = useId();
  const errorId = useId();
  const [purpose, setPurpose] = useState(current?.purpose ?? '');
  const [aim, setAim] = useState(current?.aim ?? '');
  const [error, setError] = useState<{ message: string; aimField: boolean } | null>(null);
  const saving = useRef(false);
  const purposeInput = useRef<HTMLInputElement>(null);
  const aimInput = useRef<HTMLInputElement>(null);
  useFocusOnMount(purposeInput);

  async function submit(event: Event) {
    event.preventDefault();
    if (saving.current) return;
    if (!aim.trim()) {
      setError({ message: t('popupAimRequired'), aimField: true });
      aimInput.current?.focus();
      return;
    }
    saving.current = true;
    try {
      await onSave({ purpose, aim });
    } catch (failure) {
      // The typed words stay in the fields; only the sentence below them changes.
      setError({ message: failure instanceof Error ? failure.message : String(failure), aimField: false });
      saving.current = false;
    }
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <section class="aim" aria-labelledby="aim-heading">
      <form class="aim-form" onSubmit={submit} onKeyDown={cancelOnEscape} noValidate>
        <div class="aim-head">
          <h1 id="aim-heading">{foundingQuestion()}</h1>
        </div>
        <div class="field">
          <label htmlFor={purposeId}>{t('popupPurpose')}</label>
          <input
            ref={purposeInput}
            id={purposeId}
            type="text"
            value={purpose}
            maxLength={LIMITS.purpose}
            autocomplete="off"
            placeholder={t('popupPurposePlaceholder')}
            onInput={(event) => setPurpose(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label htmlFor={aimId}>{t('popupAim')}</label>
          <input
            ref={aimInput}
            id={aimId}
            type="text"
            value={aim}
            maxLength={LIMITS.aim}
            autocomplete="off"
            required
            placeholder={t('popupAimPlaceholder')}
            aria-invalid={error?.aimField ? 'true' : undefined}
            aria-describedby={error?.aimField ? errorId : undefined}
            onInput={(event) => {
              setAim(event.currentTarget.value);
              if (error?.aimField) setError(null);
            }}
          />
        </div>
        {error && (
          <p id={errorId} class="error" role="alert">
            {error.message}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary">
            {t('popupSaveAim')}
          </button>
          {onCancel && (
            <button type="button" class="quiet" onClick={onCancel}>
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
