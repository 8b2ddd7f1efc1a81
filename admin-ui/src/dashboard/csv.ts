import type { Figure, FigureTable } from './figure-table';

/** A comma, a double quote or a line break in a field would end it early unless the field is quoted. */
const needsQuotes = /[",\r\n]/;

/** One field as RFC 4180 writes it: quoted, with its quotes doubled, only when it has to be. */
export function csvField(value: Figure): string {
  if (value === null) return '';
  const text = String(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as RFC 4180 CSV: the header row, then one record per row, every line ended by CRLF. */
export function csvOf(table: FigureTable): string {
  return [table.columns, ...table.rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * What a chart's download is called: its name and what it covers, `applications-by-status-2026.csv`
 * for a year or `applications-by-status-2026-01-01-to-2026-03-31.csv` for a range of days.
 */
export function csvFileName(chart: string, scope: string | number): string {
  return `${chart}-${scope}.csv`;
}
