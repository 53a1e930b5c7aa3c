/**
 * Opening the journal on first use. A failed open is not cached, so "try again" (or the next message)
 * really tries again. Extension pages (popup, dashboard) keep one connection per page; the background
 * keeps one for the service worker's life.
 */
import { Journal, type JournalOptions } from './journal';

/** A getter that opens the journal on first call and shares that connection afterwards. */
export function lazyJournal(open: () => Promise<Journal> = () => Journal.open()): () => Promise<Journal> {
  let opening: Promise<Journal> | undefined;
  return () => {
    opening ??= open().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
}

let page: (() => Promise<Journal>) | undefined;

/** The page's journal; the options of the first call (its open/blocked hooks) apply. */
export function pageJournal(options: JournalOptions = {}): Promise<Journal> {
  page ??= lazyJournal(() => Journal.open(options));
  return page();
}
