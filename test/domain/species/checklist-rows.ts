import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

import { sharedDataFile } from '../../support/shared-data';

export const INDEX_DIR = 'cites-species-index-2017';
export const COMPACT_INDEX = sharedDataFile(INDEX_DIR, 'index_of_cites_species_2017_compact.csv');
export const FULL_INDEX_GZ = sharedDataFile(INDEX_DIR, 'Index_of_CITES_Species_2017-04-21_17-27.csv.gz');

/**
 * The records of the Index of CITES Species with these full names, keyed by name, read straight from the
 * shared data with csv-parse (independently of the reader under test). Stops once all are found.
 */
export async function indexRows(
  file: string,
  names: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  const wanted = new Set(names);
  const found = new Map<string, Record<string, string>>();
  const source = createReadStream(file);
  const parser = parse({ columns: true, bom: true });
  (file.endsWith('.gz') ? source.pipe(createGunzip()) : source).pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      const name = record['FullName'];
      if (name !== undefined && wanted.has(name)) {
        found.set(name, record);
        if (found.size === wanted.size) break;
      }
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
  return found;
}

/** The record for a name, failing the test when the data file does not have it. */
export function rowOf(rows: Map<string, Record<string, string>>, name: string): Record<string, string> {
  const row = rows.get(name);
  if (row === undefined) throw new Error(`${name} is not in the checklist file`);
  return row;
}
