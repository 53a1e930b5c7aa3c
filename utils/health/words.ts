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
import { formatNumber, plural, t } from '../i18n/t';
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
  const thisWeek = expected > 0 ? plural('healthWeek', expected, [formatNumber(found), formatNumber(expected)]) : '';

  if (standing && standing.emptyStreak >= MISSING_AFTER) {
    return {
      ...base,
      state: 'missing',
      sentence: plural('healthMissing', standing.emptyStreak, [site.name, formatNumber(standing.emptyStreak)]),
    };
  }
  if (standing?.lastFoundVia === 'label' || standing?.lastFoundVia === 'generic') {
    const labels = standing.lastFoundVia === 'label';
    const sentence =
      fellBack > 0 && expected > 0
        ? t(labels ? 'healthFallbackLabels' : 'healthFallbackGeneric', [site.name, formatNumber(fellBack), formatNumber(found)])
        : t(labels ? 'healthFallbackLabelsNow' : 'healthFallbackGenericNow', site.name);
    return { ...base, state: 'fallback', sentence };
  }
  if (standing?.lastFoundVia === 'hook') {
    return { ...base, state: 'ok', sentence: thisWeek ? t('healthOk', thisWeek) : t('healthOkLast') };
  }
  return {
    ...base,
    state: 'unknown',
    sentence: standing
      ? plural('healthUnsure', standing.emptyStreak, [formatNumber(standing.emptyStreak), formatNumber(MISSING_AFTER)])
      : t('healthUnchecked', site.name),
  };
}
