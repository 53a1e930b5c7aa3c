import type { RefObject } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
import type { OutcomeInput } from '@/utils/journal/journal';
import { LIMITS, type OutcomeKind } from '@/utils/journal/records';
import { kindChoices, SITE_CHOICES } from './labels';

/** An unclassified outcome is "Other", never silently a client. */
const DEFAULT_KIND: OutcomeKind = 'other';

interface QuickLogProps {
  /** False while the journal opens: the form is shown (so nothing moves) but cannot be used yet. */
  ready: boolean;
  /** Saves; rejects with a message-bearing error when the write fails (the typed text then stays). */
  onLog: (input: OutcomeInput) => Promise<void>;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** Log what a connection produced in one line: Outcome, Kind, optional Site, Enter. */
export function QuickLog({ ready, onLog, inputRef }: QuickLogProps) {
  const outcomeId = useId();
  const kindId = useId();
  const siteId = useId();
  const errorId = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<OutcomeKind>(DEFAULT_KIND);
  const [site, setSite] = useState('');
  const [error, setError] = useState<{ message: string; titleField: boolean } | null>(null);
  const [status, setStatus] = useState('');
  const saving = useRef(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (saving.current || !ready) return;
    if (!title.trim()) {
      setError({ message: t('popupTitleRequired'), titleField: true });
      inputRef.current?.focus();
      return;
    }
    saving.current = true;
    setError(null);
    try {
      await onLog({ title, kind, siteId: site || null });
      setStatus(t('popupLogged', title.trim()));
      setTitle('');
      setKind(DEFAULT_KIND);
      setSite('');
    } catch (failure) {
      setStatus('');
      setError({ message: failure instanceof Error ? failure.message : String(failure), titleField: false });
    } finally {
      saving.current = false;
    }
  }

  return (
    <section class="log" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('logOutcome')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={!ready}>
          <div class="field">
            <label htmlFor={outcomeId}>{t('popupOutcome')}</label>
            <input
              ref={inputRef}
              id={outcomeId}
              type="text"
              value={title}
              maxLength={LIMITS.title}
              autocomplete="off"
              required
              placeholder={t('popupOutcomePlaceholder')}
              aria-invalid={error?.titleField ? 'true' : undefined}
              aria-describedby={error?.titleField ? errorId : undefined}
              onInput={(event) => {
                setTitle(event.currentTarget.value);
                setStatus('');
                if (error?.titleField) setError(null);
              }}
            />
          </div>
          <div class="pair">
            <div class="field">
              <label htmlFor={kindId}>{t('kindLabel')}</label>
              <select id={kindId} value={kind} onChange={(event) => setKind(event.currentTarget.value as OutcomeKind)}>
                {kindChoices().map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label htmlFor={siteId}>
                {t('popupSite')} <span class="muted">{t('popupOptional')}</span>
              </label>
              <select id={siteId} value={site} onChange={(event) => setSite(event.currentTarget.value)}>
                <option value="">{t('popupSiteNone')}</option>
                {SITE_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {error && (
            <p id={errorId} class="error" role="alert">
              {error.message}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="primary">
              {t('popupLogOutcome')}
            </button>
            <p class="status" role="status">
              {status}
            </p>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
