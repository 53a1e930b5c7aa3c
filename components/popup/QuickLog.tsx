import type { RefObject } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import type { OutcomeInput } from '@/utils/journal/journal';
import { LIMITS, type OutcomeKind } from '@/utils/journal/records';
import { KIND_CHOICES, SITE_CHOICES } from './labels';

/** An unclassified outcome is "Other", never silently a client. */
const DEFAULT_KIND: OutcomeKind = 'other';
const EMPTY_TITLE = 'Write what happened first, e.g. "Intro call with a studio from a LinkedIn post".';

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
      setError({ message: EMPTY_TITLE, titleField: true });
      inputRef.current?.focus();
      return;
    }
    saving.current = true;
    setError(null);
    try {
      await onLog({ title, kind, siteId: site || null });
      setStatus(`Logged “${title.trim()}”.`);
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
      <h2 id="log-heading">Log an outcome</h2>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={!ready}>
          <div class="field">
            <label htmlFor={outcomeId}>Outcome</label>
            <input
              ref={inputRef}
              id={outcomeId}
              type="text"
              value={title}
              maxLength={LIMITS.title}
              autocomplete="off"
              required
              placeholder="A client via a LinkedIn connection"
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
              <label htmlFor={kindId}>Kind</label>
              <select id={kindId} value={kind} onChange={(event) => setKind(event.currentTarget.value as OutcomeKind)}>
                {KIND_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label htmlFor={siteId}>
                Site <span class="muted">(optional)</span>
              </label>
              <select id={siteId} value={site} onChange={(event) => setSite(event.currentTarget.value)}>
                <option value="">None</option>
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
              Log outcome
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
