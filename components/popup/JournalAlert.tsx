import { useRef } from 'preact/hooks';
import { useFocusOnMount } from './focus';

interface JournalAlertProps {
  message: string;
  /** Absent while the problem may clear by itself (another page holding an older journal open). */
  onRetry?: () => void;
}

/** Shown instead of the forms when the journal cannot be opened: why, and a way to try again. */
export function JournalAlert({ message, onRetry }: JournalAlertProps) {
  const retry = useRef<HTMLButtonElement>(null);
  useFocusOnMount(retry, Boolean(onRetry));
  return (
    <section class="journal-alert">
      <h1>Your journal is not available</h1>
      <p role="alert">{message}</p>
      {onRetry && (
        <div class="actions">
          <button ref={retry} type="button" class="primary" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
    </section>
  );
}
