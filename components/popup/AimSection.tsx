import { useState } from 'preact/hooks';
import type { Aim } from '@/utils/journal/records';
import { AimCard } from './AimCard';
import { AimForm, type AimDraft } from './AimForm';

interface AimSectionProps {
  aim: Aim | undefined;
  onSave: (draft: AimDraft) => Promise<void>;
}

/** First run: the founding question. Later: the current aim, edited in place. */
export function AimSection({ aim, onSave }: AimSectionProps) {
  const [editing, setEditing] = useState(false);
  // Once the user has been in the form, returning to the card puts focus back on Edit.
  const [returned, setReturned] = useState(false);

  if (!aim || editing) {
    return (
      <AimForm
        // A fresh form per aim: Cancel then Edit starts again from what is saved.
        key={aim?.id ?? 'first-run'}
        current={aim}
        onSave={async (draft) => {
          await onSave(draft);
          setEditing(false);
          setReturned(true);
        }}
        onCancel={
          aim
            ? () => {
                setEditing(false);
                setReturned(true);
              }
            : undefined
        }
      />
    );
  }
  return <AimCard aim={aim} focusEdit={returned} onEdit={() => setEditing(true)} />;
}
