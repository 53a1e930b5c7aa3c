/**
 * The outcomes as CSV, for spreadsheets.
 */
import { localDay, type Aim, type Outcome } from './records';
import { by } from './backup/format';

const CSV_HEADER = ['Date', 'Title', 'Kind', 'Site', 'Note', 'Aim'];

/**
 * Outcomes as CSV (RFC 4180) for spreadsheets, oldest first: CRLF line ends, quotes where needed, a
 * UTF-8 byte order mark so Excel reads accents, and no cell a spreadsheet would run as a formula.
 * `siteNames` maps site ids to display names (`{ linkedin: 'LinkedIn' }`); unknown ids are shown as is.
 */
export function outcomesCsv(outcomes: readonly Outcome[], aims: readonly Aim[], siteNames: Record<string, string> = {}): string {
  const aimText = new Map(aims.map((aim) => [aim.id, aim.aim]));
  const rows = [...outcomes].sort(by('at', 'id')).map((outcome) => [
    localDateTime(new Date(outcome.at)),
    outcome.title,
    outcome.kind,
    // hasOwn: a site id such as "constructor" must not find Object.prototype's members.
    outcome.siteId === null ? '' : Object.hasOwn(siteNames, outcome.siteId) ? siteNames[outcome.siteId]! : outcome.siteId,
    outcome.note,
    outcome.aimId === null ? '' : (aimText.get(outcome.aimId) ?? ''),
  ]);
  return `\uFEFF${[CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** `running-for-outcomes-YYYY-MM-DD.csv`, the user's local date. */
export function outcomesCsvFilename(date: Date): string {
  return `running-for-outcomes-${localDay(date)}.csv`;
}

function csvCell(value: string): string {
  // Spreadsheets run a cell starting with these as a formula (OWASP "CSV injection"); an apostrophe
  // makes it text and is hidden by Excel and Sheets.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** `YYYY-MM-DD HH:MM` in local time, a form spreadsheets read as a date and time. */
function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
