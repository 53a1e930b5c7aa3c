/**
 * The Sites view's warning when the background refused updates from a site this week for going over a
 * budget (utils/messaging/budgets.ts): caps no real tab reaches, so a refusal means a page was sending far
 * more than it should. Nothing is shown in a week without refusals — which is every normal week.
 */
import { useEffect, useState } from 'preact/hooks';
import { siteName } from '@/components/labels';
import { formatNumber, plural } from '@/utils/i18n/t';
import type { Journal } from '@/utils/journal/journal';
import type { RefusalDay } from '@/utils/journal/records';
import type { Weekday } from '@/utils/settings/items';
import { weekBounds } from '@/utils/week/calendar';

export interface RefusalNoticeProps {
  journal: Journal;
  now: () => Date;
  weekStartsOn: Weekday;
  /** Bumped when the journal may have changed elsewhere. */
  revision: number;
}

export interface SiteRefusals {
  siteId: string;
  count: number;
  sentence: string;
}

/** This week's refusals per site, most first, each with the sentence the view shows. */
export function summarizeRefusals(rows: readonly RefusalDay[], name: (siteId: string) => string = siteName): SiteRefusals[] {
  const bySite = new Map<string, number>();
  for (const row of rows) bySite.set(row.siteId, (bySite.get(row.siteId) ?? 0) + row.count);
  return [...bySite]
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([siteId, count]) => ({
      siteId,
      count,
      sentence: plural('refusedUpdates', count, [formatNumber(count), name(siteId)]),
    }));
}

export function RefusalNotice({ journal, now, weekStartsOn, revision }: RefusalNoticeProps) {
  const [refusals, setRefusals] = useState<SiteRefusals[]>([]);

  useEffect(() => {
    let live = true;
    const bounds = weekBounds(now(), weekStartsOn);
    journal.refusals(bounds.firstDay, bounds.lastDay).then(
      (rows) => live && setRefusals(summarizeRefusals(rows)),
      // A warning that cannot be read is left out: the rest of the view still works.
      (error: unknown) => console.warn('Running For: could not read refused updates', error),
    );
    return () => {
      live = false;
    };
  }, [journal, now, weekStartsOn, revision]);

  if (refusals.length === 0) return null;
  return (
    <div class="problem refusals" data-testid="refusals">
      {refusals.map((site) => (
        <p key={site.siteId} data-site={site.siteId} data-count={site.count}>
          {site.sentence}
        </p>
      ))}
    </div>
  );
}
