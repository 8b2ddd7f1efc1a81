import { annualReportColumns, rowValues, type AnnualReportLayout, type AnnualReportRow } from './rows';

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The upload file of one report: the header line, then one line per row of that layout, LF-terminated like
 * the Trade Database's samples. Rows of the other layout belong in the other report and are left out.
 */
export function toAnnualReportCsv(layout: AnnualReportLayout, rows: readonly AnnualReportRow[]): string {
  const lines = [annualReportColumns(layout).join(',')];
  for (const row of rows) {
    if (row.layout === layout) lines.push(rowValues(row).map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}
