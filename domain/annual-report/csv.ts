import { annualReportColumns, rowValues, type AnnualReportLayout, type AnnualReportRow } from './rows';

/** One CSV cell: quoted when it holds a comma, a quote or a line break, with quotes doubled. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line of cells, LF-terminated like the Trade Database's samples. */
export function csvLine(values: readonly string[]): string {
  return values.map(csvCell).join(',') + '\n';
}

/** The header line of a report's upload file. */
export function annualReportCsvHeader(layout: AnnualReportLayout): string {
  return csvLine(annualReportColumns(layout));
}

/** The line of one row, in the column order of its layout. */
export function annualReportCsvLine(row: AnnualReportRow): string {
  return csvLine(rowValues(row));
}

/**
 * The upload file of one report: the header line, then one line per row of that layout, LF-terminated like
 * the Trade Database's samples. Rows of the other layout belong in the other report and are left out.
 */
export function toAnnualReportCsv(layout: AnnualReportLayout, rows: readonly AnnualReportRow[]): string {
  let text = annualReportCsvHeader(layout);
  for (const row of rows) {
    if (row.layout === layout) text += annualReportCsvLine(row);
  }
  return text;
}
