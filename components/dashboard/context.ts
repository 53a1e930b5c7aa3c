/**
 * What every dashboard view gets from the dashboard (Dashboard.tsx): its own module, so the views and the
 * dashboard that routes to them do not import each other.
 */
import type { Journal } from '@/utils/journal/journal';
import type { Weekday } from '@/utils/settings/items';

/** What every view gets from the dashboard. */
export interface ViewContext {
  journal: Journal;
  weekStartsOn: Weekday;
  now: () => Date;
  /** Bumped when the journal may have changed elsewhere (another tab, the popup): views reload. */
  revision: number;
  /** A view changed something the header shows (the aim, after an import or deleting everything). */
  onJournalChanged: () => void;
}
