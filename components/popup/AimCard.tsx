import { useRef } from 'preact/hooks';
import type { Aim } from '@/utils/journal/records';
import { useFocusOnMount } from './focus';
import { formatDate } from './labels';

export const FOUNDING_QUESTION = 'What are you running for?';

interface AimCardProps {
  aim: Aim;
  onEdit: () => void;
  /** Focus Edit on mount: after saving or cancelling, focus returns where editing began. */
  focusEdit: boolean;
}

/** The current purpose and aim: the answer to the founding question. */
export function AimCard({ aim, onEdit, focusEdit }: AimCardProps) {
  const edit = useRef<HTMLButtonElement>(null);
  useFocusOnMount(edit, focusEdit);
  return (
    <section class="aim" aria-labelledby="aim-heading">
      <div class="aim-head">
        <h1 id="aim-heading">{FOUNDING_QUESTION}</h1>
        <button ref={edit} type="button" class="quiet" onClick={onEdit}>
          Edit
        </button>
      </div>
      <dl class="aim-card">
        <dt>Purpose</dt>
        <dd class="aim-purpose" title={aim.purpose || undefined}>
          {aim.purpose || <span class="muted">No purpose written down yet.</span>}
        </dd>
        <dt>Aim</dt>
        <dd class="aim-aim" title={aim.aim}>
          {aim.aim}
        </dd>
      </dl>
      <p class="aim-since">Aim set {formatDate(aim.createdAt)}</p>
    </section>
  );
}

/** The aim's place while the journal opens: the same box, so nothing moves when it arrives. */
export function AimSkeleton() {
  return (
    <section class="aim" aria-labelledby="aim-heading">
      <div class="aim-head">
        <h1 id="aim-heading">{FOUNDING_QUESTION}</h1>
      </div>
      <div class="aim-card" aria-hidden="true">
        <span class="placeholder label" />
        <span class="placeholder line" />
        <span class="placeholder label" />
        <span class="placeholder line wide" />
      </div>
    </section>
  );
}
