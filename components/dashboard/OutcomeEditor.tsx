/**
 * Edit one outcome in place: title, kind, site, note and date. Escape or Cancel leaves it unchanged.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';
import { toJournalError } from '@/utils/journal/db';
import type { OutcomePatch } from '@/utils/journal/journal';
import { LIMITS, localDay, OUTCOME_KINDS, type Outcome, type OutcomeKind } from '@/utils/journal/records';
import { kindLabel, siteName } from '../labels';
import { moveToDay } from '@/utils/week/calendar';

export type OutcomeChanges = Required<OutcomePatch>;

interface Props {
  outcome: Outcome;
  /** Site ids to offer, in order. */
  siteIds: readonly string[];
  /** Saves; a rejection's message is shown in the form (role="alert") and the form stays open. */
  onSave: (changes: OutcomeChanges) => Promise<void>;
  onCancel: () => void;
}

export function OutcomeEditor({ outcome, siteIds, onSave, onCancel }: Props) {
  const [title, setTitle] = useState(outcome.title);
  const [kind, setKind] = useState<OutcomeKind>(outcome.kind);
  const [siteId, setSiteId] = useState(outcome.siteId ?? '');
  const [note, setNote] = useState(outcome.note);
  const [day, setDay] = useState(localDay(new Date(outcome.at)));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const id = (field: string) => `edit-${outcome.id}-${field}`;
  // An outcome logged through a site that is no longer offered keeps it as a choice.
  const sites = outcome.siteId && !siteIds.includes(outcome.siteId) ? [...siteIds, outcome.siteId] : siteIds;

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!title.trim()) return setError(t('outcomesTitleMissing'));
    const at = day === localDay(new Date(outcome.at)) ? outcome.at : moveToDay(outcome.at, day);
    if (!at) return setError(t('outcomesDateMissing'));
    setSaving(true);
    setError(null);
    try {
      await onSave({ title, kind, siteId: siteId || null, note, at });
    } catch (failure) {
      setError(toJournalError(failure).message);
      setSaving(false);
    }
  };

  return (
    <form
      class="editor"
      aria-label={t('outcomesEditorLabel', outcome.title)}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <div class="field wide">
        <label for={id('title')}>{t('outcomesTitle')}</label>
        <input
          ref={titleRef}
          id={id('title')}
          type="text"
          required
          maxLength={LIMITS.title}
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={id('kind')}>{t('outcomesKind')}</label>
        <select id={id('kind')} value={kind} onChange={(event) => setKind(event.currentTarget.value as OutcomeKind)}>
          {OUTCOME_KINDS.map((value) => (
            <option key={value} value={value}>
              {kindLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('site')}>{t('outcomesSite')}</label>
        <select id={id('site')} value={siteId} onChange={(event) => setSiteId(event.currentTarget.value)}>
          <option value="">{t('outcomesNoSite')}</option>
          {sites.map((value) => (
            <option key={value} value={value}>
              {siteName(value)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('date')}>{t('outcomesDate')}</label>
        <input id={id('date')} type="date" required value={day} onInput={(event) => setDay(event.currentTarget.value)} />
      </div>
      <div class="field wide">
        <label for={id('note')}>{t('outcomesNote')}</label>
        <textarea id={id('note')} rows={3} maxLength={LIMITS.note} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </div>
      {error ? (
        <p class="problem wide" role="alert">
          {error}
        </p>
      ) : null}
      <div class="editor-actions wide">
        <button type="submit" class="primary" disabled={saving}>
          {t('outcomesSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('outcomesCancel')}
        </button>
      </div>
    </form>
  );
}
