/**
 * Which freshly logged outcomes can still be undone. Each gets a few seconds; the clock pauses while
 * the Undo button is focused or under the pointer (WCAG 2.2.1: nobody loses the chance mid-reach),
 * and the chance ends when they leave it after the time is up.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export const UNDO_MS = 6000;

export interface UndoWindow {
  /** Ids whose Undo is still offered. */
  open: ReadonlySet<string>;
  offer(id: string): void;
  close(id: string): void;
  /** The user is on the Undo button (focus or pointer): keep it while `held`. */
  hold(id: string, held: boolean): void;
}

export function useUndoWindow(ms: number = UNDO_MS): UndoWindow {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  /** How many reasons (focus, pointer) hold each id open. */
  const holds = useRef(new Map<string, number>());
  const expired = useRef(new Set<string>());

  const close = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    holds.current.delete(id);
    expired.current.delete(id);
    setOpen((current) => {
      if (!current.has(id)) return current;
      const next = new Set(current);
      next.delete(id);
      return next;
    });
  }, []);

  const offer = useCallback(
    (id: string) => {
      setOpen((current) => new Set(current).add(id));
      timers.current.set(
        id,
        setTimeout(() => {
          timers.current.delete(id);
          if ((holds.current.get(id) ?? 0) > 0) expired.current.add(id);
          else close(id);
        }, ms),
      );
    },
    [ms, close],
  );

  const hold = useCallback(
    (id: string, held: boolean) => {
      const count = Math.max(0, (holds.current.get(id) ?? 0) + (held ? 1 : -1));
      holds.current.set(id, count);
      if (count === 0 && expired.current.has(id)) close(id);
    },
    [close],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return { open, offer, close, hold };
}
