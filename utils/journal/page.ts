/**
 * The journal as extension pages (popup, dashboard) open it: one connection per page, opened on first
 * use. A failed open is not cached, so "try again" really tries again.
 */
import { Journal, type JournalOptions } from './journal';

let opening: Promise<Journal> | undefined;

export function pageJournal(options: JournalOptions = {}): Promise<Journal> {
  opening ??= Journal.open(options).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
