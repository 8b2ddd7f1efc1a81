import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sharedDataFile } from '../../support/shared-data';

/** Reads a CSV or TSV file of the shared CITES data as one record per row, keyed by the header. */
export function readTable(folder: string, file: string, delimiter = ','): Record<string, string>[] {
  const text = readFileSync(sharedDataFile(folder, file), 'utf8');
  return parse(text, { columns: true, delimiter, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
}

/** Reads one column of a record, failing loudly when the file's layout is not the one the test expects. */
export function column(row: Record<string, string>, name: string): string {
  const value = row[name];
  if (value === undefined)
    throw new Error(`column ${name} missing from shared data row ${JSON.stringify(row)}`);
  return value;
}

export const TRADE_CODES_DIR = 'cites-trade-codes';
export const COUNTRIES_DIR = 'countries-iso3166-cites-parties';

/** Rows of citesdb's cites_codes.tsv for one field (`Purpose` or `Source`), as code -> description. */
export function citesdbDescriptions(field: 'Purpose' | 'Source'): Map<string, string> {
  const rows = readTable(TRADE_CODES_DIR, 'citesdb_cites_codes.tsv', '\t');
  return new Map(
    rows
      .filter((row) => column(row, 'field') === field)
      .map((row) => [column(row, 'code'), column(row, 'description')]),
  );
}
