import { useId, useRef, useState } from 'preact/hooks';
import type { Aim } from '@/utils/journal/records';
import { LIMITS } from '@/utils/journal/records';
import { FOUNDING_QUESTION } from './AimCard';
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

const EMPTY_AIM = 'Write your aim: what you want your connections to lead to, e.g. "Three new clients by March".';

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
      setError({ message: EMPTY_AIM, aimField: true });
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
          <h1 id="aim-heading">{FOUNDING_QUESTION}</h1>
        </div>
        <div class="field">
          <label htmlFor={purposeId}>Purpose</label>
          <input
            ref={purposeInput}
            id={purposeId}
            type="text"
            value={purpose}
            maxLength={LIMITS.purpose}
            autocomplete="off"
            placeholder="An independent design studio"
            onInput={(event) => setPurpose(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label htmlFor={aimId}>Aim</label>
          <input
            ref={aimInput}
            id={aimId}
            type="text"
            value={aim}
            maxLength={LIMITS.aim}
            autocomplete="off"
            required
            placeholder="Three new clients by March"
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
            Save aim
          </button>
          {onCancel && (
            <button type="button" class="quiet" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
