/**
 * One step of the first-run page: where it is in the reflection, its heading (which takes the focus when the
 * step appears, so a keyboard or screen reader user starts at its top), its content in a form (Enter in a
 * field continues), and its buttons — Continue, Back, and a Skip that is always there.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n/t';

export interface StepProps {
  /** 1-based position, and how many steps there are; absent on the closing step. */
  position?: { index: number; total: number };
  title: string;
  children: ComponentChildren;
  /** A sentence for what went wrong, shown in an alert above the buttons. */
  error?: string | null;
  /** The id the alert gets, for a field's aria-describedby. */
  errorId?: string;
  /** Continue (submits the step's form); without it the step has no Continue. */
  onContinue?: () => void;
  busy?: boolean;
  onBack?: () => void;
  onSkip?: () => void;
  /** Buttons of the step's own, after Continue (the closing step's Close). */
  extra?: ComponentChildren;
}

export function Step({ position, title, children, error, errorId, onContinue, busy, onBack, onSkip, extra }: StepProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusHeading(heading);
  return (
    <section class="step" aria-labelledby={headingId}>
      {position && <p class="progress">{t('welcomeProgress', [formatNumber(position.index), formatNumber(position.total)])}</p>}
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <form
        class="step-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onContinue?.();
        }}
      >
        {children}
        {error && (
          <p id={errorId} class="error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          {onContinue && (
            <button type="submit" class="primary" disabled={busy}>
              {t('welcomeContinue')}
            </button>
          )}
          {extra}
          {onBack && (
            <button type="button" class="quiet" onClick={onBack}>
              {t('welcomeBack')}
            </button>
          )}
          {onSkip && (
            <button type="button" class="quiet skip" onClick={onSkip}>
              {t('welcomeSkip')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/**
 * The heading takes the focus when its step appears (each step is a new element: keyed by the page) — in a
 * layout effect, before the browser paints, so the focus never rests on the page's body in between.
 */
function useFocusHeading(heading: RefObject<HTMLHeadingElement | null>): void {
  useLayoutEffect(() => {
    heading.current?.focus();
  }, [heading]);
}
