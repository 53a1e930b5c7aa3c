import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Move focus to `ref` when it mounts (or when `when` turns true). Used where the next step is obvious —
 * the first field of a form just opened, the Edit button after saving — so keyboard users never land
 * on <body> when the element they were on goes away.
 */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>, when = true): void {
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [ref, when]);
}
