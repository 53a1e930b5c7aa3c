/**
 * Your data: what is stored, export (backup and CSV), import (all-or-nothing merge), delete everything —
 * the journal and every setting, the sites the user added with their permissions. Nothing leaves the
 * device: files are made in the page and saved through `<a download>`.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { backupFilename, exportBackup, serializeBackup } from '@/utils/journal/backup/export';
import { backupSizeError, parseBackup } from '@/utils/journal/backup/validate';
import { importBackup } from '@/utils/journal/backup/import';
import { outcomesCsv, outcomesCsvFilename } from '@/utils/journal/csv';
import { type ImportReport } from '@/utils/journal/backup/format';
import { STORES, toJournalError, type StoreName } from '@/utils/journal/db';
import { deleteAllSettings, hasStoredSettings } from '@/utils/settings/items';
import type { ViewContext } from './context';
import { downloadText } from './download';
import { SITE_NAMES } from '../labels';
import { countOf, listSentence, STORE_LABELS } from './labels';

/** The word the user types to confirm deleting everything. */
export const DELETE_CONFIRMATION = 'delete';

type Counts = Record<StoreName, number>;

/** The settings' side of "Delete all data" (utils/settings/items.ts; tests pass a fake). */
export interface SettingsData {
  /** Is any setting changed from its default? */
  stored(): Promise<boolean>;
  /** Delete every setting and give back the added sites' permissions; returns the origins given back. */
  deleteAll(): Promise<string[]>;
}

const browserSettings: SettingsData = { stored: () => hasStoredSettings(), deleteAll: () => deleteAllSettings() };

/** What "Delete all data" removes besides the journal, for the page and the confirmation. */
export const SETTINGS_DELETED =
  'every setting: the sites you added (and the access you gave Running For to them), each ' +
  'site’s mode, snoozes, the first day of your week and the weekly reminder';
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
      setProblem({ title: 'Could not read your journal.', detail: toJournalError(failure).message });
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
        return `Backup saved as ${filename}: ${listSentence(stored)}.`;
      },
      'The backup was not made.',
    );

  const exportCsv = () =>
    run(
      'csv',
      async () => {
        const [outcomes, aims] = await Promise.all([journal.outcomes(), journal.aims()]);
        const filename = outcomesCsvFilename(now());
        downloadText(outcomesCsv(outcomes, aims, Object.fromEntries(SITE_NAMES)), filename, 'text/csv');
        return `Saved ${filename}: ${countOf('outcomes', outcomes.length)}.`;
      },
      'The CSV file was not made.',
    );

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy('import');
    setMessage('');
    setProblem(null);
    const notImported = `${file.name} was not imported. Nothing in your journal was changed.`;
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
        setProblem({ title: 'Nothing was deleted.', detail: toJournalError(failure).message });
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
          title: 'Your journal was deleted, but not your settings.',
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
        Your data
      </h1>
      <p class="lede">
        Everything Running For knows is stored in this browser, on this device. It never sends anything anywhere. Keep a backup, move it to
        another browser, or delete it.
      </p>

      <section class="card" aria-labelledby="stored-heading">
        <h2 id="stored-heading">Stored in this browser</h2>
        {counts ? (
          <table class="counts">
            <tbody>
              {STORES.map((store) => (
                <tr key={store}>
                  <th scope="row">{capitalise(STORE_LABELS[store].many)}</th>
                  <td data-testid={`count-${store}`}>{counts[store].toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">Counting…</p>
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
        <h2 id="backup-heading">Backup</h2>
        <p>
          A backup is one JSON file with every aim, outcome, answer, count snapshot and day of activity. Importing it merges: records
          already here are kept, nothing is added twice.
        </p>
        <div class="actions">
          <button type="button" class="primary" disabled={busy !== null} onClick={() => void exportJson()}>
            Export backup
          </button>
          <span class="file-picker">
            <label for="import-backup" class={busy !== null ? 'button disabled' : 'button'}>
              Import backup
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
        <h2 id="csv-heading">Spreadsheet</h2>
        <p>Your outcomes as a CSV file, for a spreadsheet. (This is not a backup: it cannot be imported.)</p>
        <div class="actions">
          <button type="button" disabled={busy !== null} onClick={() => void exportCsv()}>
            Export outcomes as CSV
          </button>
        </div>
      </section>

      <section class="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete all data</h2>
        <p>
          Removes every aim, outcome, answer, snapshot and day of activity from this browser, and {SETTINGS_DELETED}. Running For is then as
          it was when installed. It cannot be undone.
        </p>
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
            Delete all data…
          </button>
          {nothingStored ? <span class="muted">Nothing stored.</span> : null}
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

/** A modal dialog: the user types "delete" to confirm; Escape, Cancel or the backdrop's Escape cancel. */
function ConfirmDeleteDialog({ counts, onConfirm, onExport, onCancel }: ConfirmProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim().toLowerCase() === DELETE_CONFIRMATION;

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
        <h2 id="confirm-delete-heading">Delete all data?</h2>
        <p id="confirm-delete-what">
          {stored.length
            ? `This deletes ${listSentence(stored)} from this browser, and ${SETTINGS_DELETED}.`
            : `This deletes ${SETTINGS_DELETED}.`}{' '}
          It cannot be undone.
        </p>
        <p>
          Might you want it back?{' '}
          <button type="button" class="link" onClick={onExport}>
            Export a backup first
          </button>
          .
        </p>
        <div class="field">
          <label for="confirm-delete-input">
            To confirm, type <strong>{DELETE_CONFIRMATION}</strong>
          </label>
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
            Delete everything
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** After "Delete all data": what went, and which added sites Running For no longer has access to. */
export function deletedMessage(givenBack: readonly string[]): string {
  const sites = givenBack.map((origin) => new URL(origin).host);
  const access =
    sites.length === 0
      ? ''
      : `; ${listSentence(sites)} ${sites.length === 1 ? 'is' : 'are'} no longer added, and Running ` +
        `For has no access to ${sites.length === 1 ? 'it' : 'them'}`;
  return `All data deleted. Your journal is empty and your settings are back to a fresh install’s${access}.`;
}

/** "Imported running-for-backup-2026-11-26.json: added 3 outcomes and 1 aim; 2 outcomes were already here." */
export function describeImport(filename: string, result: ImportReport): string {
  const added = STORES.filter((store) => result.added[store] > 0).map((store) => countOf(store, result.added[store]));
  const skipped = STORES.filter((store) => result.skipped[store] > 0).map((store) => countOf(store, result.skipped[store]));
  const parts = [added.length ? `added ${listSentence(added)}` : 'nothing new to add'];
  if (skipped.length) parts.push(`already here: ${listSentence(skipped)}`);
  if (result.merged > 0) {
    parts.push(`${countOf('activity', result.merged)} brought up to the larger totals in the file`);
  }
  return `Imported ${filename}: ${parts.join('; ')}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
