import { useRef } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
import type { Aim } from '@/utils/journal/records';
import { useFocusOnMount } from './focus';
import { formatDate } from './labels';

/** The founding question, in the UI's language: the popup's heading. */
export function foundingQuestion(): string {
  return t('popupFoundingQuestion');
}

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
        <h1 id="aim-heading">{foundingQuestion()}</h1>
        <button ref={edit} type="button" class="quiet" onClick={onEdit}>
          {t('popupEdit')}
        </button>
      </div>
      <dl class="aim-card">
        <dt>{t('popupPurpose')}</dt>
        <dd class="aim-purpose" title={aim.purpose || undefined}>
          {aim.purpose || <span class="muted">{t('popupNoPurpose')}</span>}
        </dd>
        <dt>{t('popupAim')}</dt>
        <dd class="aim-aim" title={aim.aim}>
          {aim.aim}
        </dd>
      </dl>
      <p class="aim-since">{t('popupAimSet', formatDate(aim.createdAt))}</p>
    </section>
  );
}

/** The aim's place while the journal opens: the same box, so nothing moves when it arrives. */
export function AimSkeleton() {
  return (
    <section class="aim" aria-labelledby="aim-heading">
      <div class="aim-head">
        <h1 id="aim-heading">{foundingQuestion()}</h1>
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
