/**
 * Your data: what is stored, export (backup and CSV), import (all-or-nothing merge), delete everything —
 * the journal and every setting, the sites the user added with their permissions. Nothing leaves the
 * device: files are made in the page and saved through `<a download>`.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { backupFilename, exportBackup, serializeBackup } from '@/utils/journal/backup/export';
import { backupSizeError, parseBackup } from '@/utils/journal/backup/validate';
import { importBackup } from '@/utils/journal/backup/import';
import { outcomesCsv, outcomesCsvFilename } from '@/utils/journal/csv';
import { type ImportReport } from '@/utils/journal/backup/format';
import { STORES, toJournalError, type StoreName } from '@/utils/journal/db';
import { deleteAllSettings, hasStoredSettings } from '@/utils/settings/items';
import { formatNumber, messagesLocale, plural, t } from '@/utils/i18n/t';
import type { ViewContext } from './context';
import { downloadText } from './download';
import { SITE_NAMES } from '../labels';
import { countOf, listSentence, storeName } from './labels';

type Counts = Record<StoreName, number>;

/** The settings' side of "Delete all data" (utils/settings/items.ts; tests pass a fake). */
export interface SettingsData {
  /** Is any setting changed from its default? */
  stored(): Promise<boolean>;
  /** Delete every setting and give back the added sites' permissions; returns the origins given back. */
  deleteAll(): Promise<string[]>;
}

const browserSettings: SettingsData = { stored: () => hasStoredSettings(), deleteAll: () => deleteAllSettings() };

type Busy = 'export' | 'csv' | 'import' | 'delete' | null;
type Problem = { title: string; detail: string } | null;

export function DataView({
  journal,
  now,
  revision,
  onJournalChanged,
  settings = browserSettings,
}: ViewContext & { settings?: SettingsData }) {
  const [counts, setCounts] = useState<Counts | undefined>(undefined);
  const [settingsStored, setSettingsStored] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [confirming, setConfirming] = useState(false);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);

  const loadCounts = useCallback(async () => {
    try {
      setCounts(await journal.counts());
    } catch (failure) {
      setProblem({ title: t('dataReadFailed'), detail: toJournalError(failure).message });
    }
    // Only decides whether "Delete all data" has anything to delete: a failed read leaves it possible.
    setSettingsStored(await settings.stored().catch(() => true));
  }, [journal, settings]);

  useEffect(() => {
    void loadCounts();
  }, [loadCounts, revision]);

  // When the dialog closes, focus returns to the button that opened it (the page behind a modal dialog
  // is inert until then, so this cannot happen in the cancel handler). After deleting, that button is
  // disabled: the view's heading takes focus instead.
  const wasConfirming = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming || !wasConfirming.current) {
      wasConfirming.current = confirming;
      return;
    }
    wasConfirming.current = false;
    const button = deleteButtonRef.current;
    if (button && !button.disabled) button.focus();
    else headingRef.current?.focus();
  }, [confirming]);

  /** Run one data operation: one at a time, its outcome in the status or alert region. */
  const run = async (what: Exclude<Busy, null>, work: () => Promise<string>, failureTitle: string) => {
    setBusy(what);
    setMessage('');
    setProblem(null);
    try {
      setMessage(await work());
    } catch (failure) {
      setProblem({ title: failureTitle, detail: toJournalError(failure).message });
    } finally {
      setBusy(null);
    }
  };

  const exportJson = () =>
    run(
      'export',
      async () => {
        const at = now();
        const backup = await exportBackup(journal, at);
        const filename = backupFilename(at);
        downloadText(serializeBackup(backup), filename, 'application/json');
        const stored = STORES.map((store) => countOf(store, backup[store].length));
        return t('dataBackupSaved', [filename, listSentence(stored)]);
      },
      t('dataBackupFailed'),
    );

  const exportCsv = () =>
    run(
      'csv',
      async () => {
        const [outcomes, aims] = await Promise.all([journal.outcomes(), journal.aims()]);
        const filename = outcomesCsvFilename(now());
        downloadText(outcomesCsv(outcomes, aims, Object.fromEntries(SITE_NAMES)), filename, 'text/csv');
        return plural('dataCsvSaved', outcomes.length, [filename, formatNumber(outcomes.length)]);
      },
      t('dataCsvFailed'),
    );

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy('import');
    setMessage('');
    setProblem(null);
    const notImported = t('dataImportFailed', file.name);
    try {
      // Checked on the file's size before reading it: a huge wrong file must not be read into memory.
      const tooLarge = backupSizeError(file.size);
      if (tooLarge) {
        setProblem({ title: notImported, detail: tooLarge });
        return;
      }
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) {
        setProblem({ title: notImported, detail: parsed.error });
        return;
      }
      const result = await importBackup(journal, parsed.backup);
      onJournalChanged();
      // Counts first, then the message: whoever reads the message sees the new counts.
      await loadCounts();
      setMessage(describeImport(file.name, result));
    } catch (failure) {
      setProblem({ title: notImported, detail: toJournalError(failure).message });
    } finally {
      // Clear the choice so picking the same file again (a second import) fires `change` again.
      input.value = '';
      setBusy(null);
    }
  };

  const deleteEverything = async () => {
    setConfirming(false);
    setBusy('delete');
    setMessage('');
    setProblem(null);
    try {
      try {
        await journal.deleteAll();
      } catch (failure) {
        setProblem({ title: t('dataDeleteFailed'), detail: toJournalError(failure).message });
        return;
      }
      onJournalChanged();
      let givenBack: string[] | undefined;
      let settingsFailure: unknown;
      try {
        givenBack = await settings.deleteAll();
      } catch (failure) {
        settingsFailure = failure;
      }
      // Counts first, then the message: whoever reads the message sees the new counts.
      await loadCounts();
      if (givenBack) setMessage(deletedMessage(givenBack));
      else
        setProblem({
          title: t('dataSettingsNotDeleted'),
          detail: settingsFailure instanceof Error ? settingsFailure.message : String(settingsFailure),
        });
    } finally {
      setBusy(null);
    }
  };

  const total = counts ? STORES.reduce((sum, store) => sum + counts[store], 0) : undefined;
  const nothingStored = total === 0 && !settingsStored;

  return (
    <section class="view" aria-labelledby="data-heading">
      <h1 id="data-heading" ref={headingRef} tabIndex={-1}>
        {t('dataHeading')}
      </h1>
      <p class="lede">{t('dataLede')}</p>

      <section class="card" aria-labelledby="stored-heading">
        <h2 id="stored-heading">{t('dataStoredHeading')}</h2>
        {counts ? (
          <table class="counts">
            <tbody>
              {STORES.map((store) => (
                <tr key={store}>
                  <th scope="row">{storeName(store)}</th>
                  <td data-testid={`count-${store}`}>{formatNumber(counts[store])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t('dataCounting')}</p>
        )}
      </section>

      <div class="messages">
        <p role="status" class="status-message" data-testid="data-status">
          {message}
        </p>
        {problem ? (
          <div class="problem" role="alert" data-testid="data-problem">
            <p>
              <strong>{problem.title}</strong>
            </p>
            <p>{problem.detail}</p>
          </div>
        ) : null}
      </div>

      <section class="card" aria-labelledby="backup-heading">
        <h2 id="backup-heading">{t('dataBackupHeading')}</h2>
        <p>{t('dataBackupExplanation')}</p>
        <div class="actions">
          <button type="button" class="primary" disabled={busy !== null} onClick={() => void exportJson()}>
            {t('dataExportBackup')}
          </button>
          <span class="file-picker">
            <label for="import-backup" class={busy !== null ? 'button disabled' : 'button'}>
              {t('dataImportBackup')}
            </label>
            <input
              id="import-backup"
              class="visually-hidden-file"
              type="file"
              accept=".json,application/json"
              disabled={busy !== null}
              onChange={(event) => void importFile(event.currentTarget)}
            />
          </span>
        </div>
      </section>

      <section class="card" aria-labelledby="csv-heading">
        <h2 id="csv-heading">{t('dataCsvHeading')}</h2>
        <p>{t('dataCsvExplanation')}</p>
        <div class="actions">
          <button type="button" disabled={busy !== null} onClick={() => void exportCsv()}>
            {t('dataExportCsv')}
          </button>
        </div>
      </section>

      <section class="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('dataDeleteHeading')}</h2>
        <p>{t('dataDeleteExplanation')}</p>
        <div class="actions">
          <button
            ref={deleteButtonRef}
            type="button"
            class="danger"
            disabled={busy !== null || nothingStored}
            onClick={() => {
              setMessage('');
              setProblem(null);
              setConfirming(true);
            }}
          >
            {t('dataDeleteOpen')}
          </button>
          {nothingStored ? <span class="muted">{t('dataNothingStored')}</span> : null}
        </div>
      </section>

      {confirming ? (
        <ConfirmDeleteDialog
          counts={counts}
          onConfirm={() => void deleteEverything()}
          onExport={() => void exportJson()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}

interface ConfirmProps {
  counts: Counts | undefined;
  onConfirm: () => void;
  onExport: () => void;
  onCancel: () => void;
}

/** A modal dialog: the user types "delete" (in the UI's language) to confirm; Escape, Cancel or the backdrop's Escape cancel. */
function ConfirmDeleteDialog({ counts, onConfirm, onExport, onCancel }: ConfirmProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const word = t('dataConfirmWord');
  const confirmed = foldWord(typed) === foldWord(word);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const stored = counts ? STORES.filter((store) => counts[store] > 0).map((store) => countOf(store, counts[store])) : [];

  return (
    <dialog
      ref={dialogRef}
      class="confirm"
      aria-labelledby="confirm-delete-heading"
      aria-describedby="confirm-delete-what"
      // Escape: the browser fires `cancel` on a modal dialog; handle it as Cancel (and own the close).
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed) onConfirm();
        }}
      >
        <h2 id="confirm-delete-heading">{t('dataConfirmHeading')}</h2>
        <p id="confirm-delete-what">{stored.length ? t('dataConfirmWhat', listSentence(stored)) : t('dataConfirmWhatSettings')}</p>
        <p>
          {withSlot(
            t('dataConfirmBackupFirst', SLOT),
            <button type="button" class="link" onClick={onExport}>
              {t('dataConfirmExportFirst')}
            </button>,
          )}
        </p>
        <div class="field">
          <label for="confirm-delete-input">{withSlot(t('dataConfirmType', SLOT), <strong>{word}</strong>)}</label>
          <input
            id="confirm-delete-input"
            type="text"
            autoComplete="off"
            autoFocus
            spellcheck={false}
            value={typed}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="danger" disabled={!confirmed}>
            {t('dataConfirmDelete')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('dataConfirmCancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** After "Delete all data": what went, and which added sites Running For no longer has access to. */
export function deletedMessage(givenBack: readonly string[]): string {
  const sites = givenBack.map((origin) => new URL(origin).host);
  if (sites.length === 0) return t('dataDeleted');
  // One site or several, not the number's plural category: the sentence is about a list.
  return sites.length === 1 ? t('dataDeletedSite', sites[0]!) : t('dataDeletedSites', listSentence(sites));
}

/**
 * "Imported running-for-backup-2026-11-26.json: added 3 outcomes and 1 aim; already here: 2 outcomes." One
 * whole message for each combination of added (or nothing new), already here and raised days of activity.
 */
export function describeImport(filename: string, result: ImportReport): string {
  const listed = (counts: Record<StoreName, number>) =>
    STORES.filter((store) => counts[store] > 0).map((store) => countOf(store, counts[store]));
  const added = listed(result.added);
  const kept = listed(result.skipped);
  const merged = result.merged;
  const subs = [filename, ...(added.length ? [listSentence(added)] : []), ...(kept.length ? [listSentence(kept)] : [])];
  if (merged > 0) {
    const withCount = [...subs, formatNumber(merged)];
    if (added.length && kept.length) return plural('dataImportedAddedKeptMerged', merged, withCount);
    if (added.length) return plural('dataImportedAddedMerged', merged, withCount);
    if (kept.length) return plural('dataImportedNothingNewKeptMerged', merged, withCount);
    return plural('dataImportedNothingNewMerged', merged, withCount);
  }
  if (added.length && kept.length) return t('dataImportedAddedKept', subs);
  if (added.length) return t('dataImportedAdded', subs);
  if (kept.length) return t('dataImportedNothingNewKept', subs);
  return t('dataImportedNothingNew', subs);
}

/** The confirmation word as typed or as written: case, spacing around it and Unicode composition do not count. */
function foldWord(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase(messagesLocale());
}

/** Stands in a message for an element (a button, a bold word) that `withSlot` puts in its place. */
const SLOT = '\uE000';

/** A message with an element where it had `SLOT`; at its end if a translation lost the placeholder. */
function withSlot(text: string, element: ComponentChildren): ComponentChildren {
  const at = text.indexOf(SLOT);
  if (at < 0)
    return (
      <>
        {text} {element}
      </>
    );
  return (
    <>
      {text.slice(0, at)}
      {element}
      {text.slice(at + SLOT.length)}
    </>
  );
}
