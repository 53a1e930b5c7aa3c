import { useRef } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
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
      <h1>{t('popupJournalUnavailable')}</h1>
      <p role="alert">{message}</p>
      {onRetry && (
        <div class="actions">
          <button ref={retry} type="button" class="primary" onClick={onRetry}>
            {t('popupTryAgain')}
          </button>
        </div>
      )}
    </section>
  );
}
