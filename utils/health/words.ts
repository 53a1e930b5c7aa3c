/**
 * Site health in plain words, for the dashboard's Sites view: per site, whether Running For still finds
 * the counts on the pages that should show them (utils/health/recorder.ts records each such page view). Pure.
 *
 * - `missing`: the last MISSING_AFTER page views that should have shown counts showed none.
 * - `fallback`: counts are found, but the last time by reading labels (or the generic reader) instead of
 *   the site's usual markers: the site probably changed its markup.
 * - `ok`: found by the site's markers.
 * - `unknown`: no such page view yet (or too few empty ones to say).
 */
import type { HealthDay, SiteHealth } from '../journal/records';

export const HEALTH_STATES = ['ok', 'fallback', 'missing', 'unknown'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

/** This many expected-but-empty page views in a row, and a site is `missing`. */
export const MISSING_AFTER = 3;

export interface SiteHealthSummary {
  siteId: string;
  state: HealthState;
  /** One or two sentences a person can read. */
  sentence: string;
  /** The redacted structure of the last page view that fell back or found nothing. */
  diagnostic: string | null;
  /** This week: page views that should have shown counts, and those that did. */
  expected: number;
  found: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summarizeSiteHealth(
  site: { id: string; name: string },
  week: readonly HealthDay[],
  standing: SiteHealth | undefined,
): SiteHealthSummary {
  const rows = week.filter((row) => row.siteId === site.id);
  const expected = rows.reduce((sum, row) => sum + row.expected, 0);
  const found = rows.reduce((sum, row) => sum + row.found, 0);
  const fellBack = rows.reduce((sum, row) => sum + row.label + row.generic, 0);
  const diagnostic = standing?.diagnostic ?? null;
  const base = { siteId: site.id, diagnostic, expected, found };
  const thisWeek = expected > 0 ? `found the counts on ${found} of ${plural(expected, 'page', 'pages')} that show them this week` : '';

  if (standing && standing.emptyStreak >= MISSING_AFTER) {
    return {
      ...base,
      state: 'missing',
      sentence:
        `${site.name} may have changed: no counts on your last ${plural(standing.emptyStreak, 'visit', 'visits')} ` +
        `to pages that should show them${
          standing.lastFoundVia && standing.lastFoundVia !== 'hook' ? ', not even by reading labels' : ''
        }. ` +
        `Copy the diagnostic into a bug report to help fix it.`,
    };
  }
  if (standing?.lastFoundVia === 'label' || standing?.lastFoundVia === 'generic') {
    const how = standing.lastFoundVia === 'label' ? 'reading the labels beside the numbers' : 'the generic reader';
    return {
      ...base,
      state: 'fallback',
      sentence:
        `${site.name} may have changed its pages: Running For ${thisWeek || 'still finds the counts'}, ` +
        `but by ${how} instead of the site's usual markers${fellBack > 0 && expected > 0 ? ` (${fellBack} of ${found})` : ''}.`,
    };
  }
  if (standing?.lastFoundVia === 'hook') {
    return {
      ...base,
      state: 'ok',
      sentence: thisWeek ? `Working: Running For ${thisWeek}.` : 'Working: the counts were found on your last visit.',
    };
  }
  return {
    ...base,
    state: 'unknown',
    sentence: standing
      ? `Not sure yet: no counts on your last ${plural(standing.emptyStreak, 'visit', 'visits')}; ${MISSING_AFTER} ` +
        `in a row would mean the site changed.`
      : `Not checked yet: open a profile on ${site.name} and Running For checks that it finds the counts.`,
  };
}
