/**
 * The popup: what the user is running for, a one-line outcome log, and the week at a glance.
 * Everything it needs is read in parallel as soon as it loads (see data.ts); until then the same
 * boxes are drawn empty, so nothing moves when the data arrives.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ERROR_TEXTS } from '@/utils/journal/db';
import type { OutcomeInput } from '@/utils/journal/journal';
import type { Outcome } from '@/utils/journal/records';
import type { AimDraft } from './AimForm';
import { AimSkeleton } from './AimCard';
import { AimSection } from './AimSection';
import { describeLoadError, loadPopupData, pageSource, type PopupData, type PopupSource } from './data';
import { JournalAlert } from './JournalAlert';
import { QuickLog } from './QuickLog';
import { ThisWeek } from './ThisWeek';
import { UNDO_MS, useUndoWindow } from './use-undo-window';

export const READY_MARK = 'popup-ready';

export interface PopupProps {
  source?: PopupSource;
  /** How long a just-logged outcome can be undone. */
  undoMs?: number;
}

type Phase = { kind: 'loading'; notice: string | null } | { kind: 'failed'; message: string } | { kind: 'ready'; data: PopupData };

export function Popup({ source = pageSource, undoMs = UNDO_MS }: PopupProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading', notice: null });
  const [attempt, setAttempt] = useState(0);
  const undo = useUndoWindow(undoMs);
  const outcomeInput = useRef<HTMLInputElement>(null);
  const marked = useRef(false);

  // A layout effect runs right after the first render, before the browser paints; a plain effect
  // would wait a frame, and the popup has 100 ms in all.
  useLayoutEffect(() => {
    let current = true;
    const blocked = () => current && setPhase({ kind: 'loading', notice: ERROR_TEXTS.blocked });
    loadPopupData(source, blocked).then(
      (data) => current && setPhase({ kind: 'ready', data }),
      (error: unknown) => current && setPhase({ kind: 'failed', message: describeLoadError(error) }),
    );
    return () => {
      current = false;
    };
  }, [source, attempt]);

  const ready = phase.kind === 'ready';
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    performance.mark(READY_MARK);
    // A returning user opens the popup to log: put them in the Outcome field. First run starts at
    // Purpose instead (AimForm focuses it).
    if (phase.data.aim) outcomeInput.current?.focus();
  }, [ready, phase]);

  if (phase.kind === 'failed') {
    return (
      <main class="popup">
        <JournalAlert
          message={phase.message}
          onRetry={() => {
            setPhase({ kind: 'loading', notice: null });
            setAttempt((count) => count + 1);
          }}
        />
      </main>
    );
  }
  if (phase.kind === 'loading' && phase.notice) {
    return (
      <main class="popup">
        <JournalAlert message={phase.notice} />
      </main>
    );
  }

  const data = ready ? phase.data : undefined;
  const update = (change: (data: PopupData) => PopupData) =>
    setPhase((now) => (now.kind === 'ready' ? { kind: 'ready', data: change(now.data) } : now));

  async function saveAim(draft: AimDraft) {
    if (!data) return;
    const aim = await data.journal.setAim(draft);
    update((now) => ({ ...now, aim }));
  }

  async function logOutcome(input: OutcomeInput) {
    if (!data) return;
    const outcome = await data.journal.addOutcome(input);
    update((now) => ({ ...now, outcomes: [outcome, ...now.outcomes] }));
    undo.offer(outcome.id);
  }

  async function undoOutcome(outcome: Outcome) {
    if (!data) return;
    await data.journal.deleteOutcome(outcome.id);
    undo.close(outcome.id);
    update((now) => ({ ...now, outcomes: now.outcomes.filter((listed) => listed.id !== outcome.id) }));
    // The Undo button that had focus is gone: continue where the next outcome is typed.
    outcomeInput.current?.focus();
  }

  return (
    <main class="popup" aria-busy={ready ? undefined : 'true'}>
      {data ? <AimSection aim={data.aim} onSave={saveAim} /> : <AimSkeleton />}
      <QuickLog ready={ready} onLog={logOutcome} inputRef={outcomeInput} />
      <ThisWeek summary={data} undo={undo} onUndo={undoOutcome} />
    </main>
  );
}
