/**
 * Streams a species checklist file into taxa: the Index of CITES Species CSV (plain or gzipped, full or
 * compact layout) or a Species+ `taxon_concepts` JSON response (bare or as a recorded cassette).
 *
 * The CSV is parsed as it is read, one record at a time, so the 98 MB unpacked index never sits in
 * memory as one string; JSON files are small and read whole.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { Transform, pipeline, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse, type CsvError } from 'csv-parse';

import {
  checkIndexCsvHeader,
  parseIndexCsvRecord,
  type IndexCsvRecord,
} from '../../domain/species/index-csv';
import {
  parseSpeciesPlusTaxonConcept,
  speciesPlusTaxonConcepts,
  unwrapSpeciesPlusResponses,
} from '../../domain/species/speciesplus';
import type { Taxon, TaxonRejection } from '../../domain/species/taxon';

/** The file formats the reader understands. */
export type ChecklistFormat = 'index-csv' | 'index-csv-gz' | 'speciesplus-json';

/** How far a read has come. For a gzipped file the bytes are compressed bytes, as is the total. */
export interface ChecklistProgress {
  readonly rowsRead: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

/** A row the parsers turned down, with where it was and why. */
export interface RejectedRow {
  /** The record keyed by column name (CSV), the raw text (CSV syntax error) or the JSON object. */
  readonly row: unknown;
  readonly reason: TaxonRejection;
  /** Line of the CSV file where the record ends. */
  readonly line?: number;
}

/** One result of a read: a taxon or a rejected row. */
export type ChecklistItem = { readonly taxon: Taxon } | { readonly rejected: RejectedRow };

/** Options of {@link readChecklist}. */
export interface ReadChecklistOptions {
  /** Skips detection. */
  readonly format?: ChecklistFormat;
  /** Called every `progressEveryRows` rows and once at the end. */
  readonly onProgress?: (progress: ChecklistProgress) => void;
  readonly progressEveryRows?: number;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Works out a checklist file's format from its first bytes (gzip magic number, JSON's opening brace),
 * falling back to the file name.
 */
export async function detectChecklistFormat(file: string): Promise<ChecklistFormat> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) return 'index-csv-gz';
    const text = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (text.startsWith('{') || text.startsWith('[')) return 'speciesplus-json';
    if (text.length > 0) return 'index-csv';
  } finally {
    await handle.close();
  }
  if (/\.gz$/i.test(file)) return 'index-csv-gz';
  if (/\.json$/i.test(file)) return 'speciesplus-json';
  return 'index-csv';
}

/**
 * Reads a checklist file as taxa and rejected rows, in file order.
 *
 * Rows that cannot become taxa are yielded as `{rejected}` with a reason; the read goes on. Only a
 * file-level problem throws: unreadable file, a CSV header without the required columns, a JSON
 * document that is not JSON or holds no taxon concepts. Stopping the iteration early closes the file.
 */
export async function* readChecklist(
  file: string,
  options: ReadChecklistOptions = {},
): AsyncGenerator<ChecklistItem, void, undefined> {
  const format = options.format ?? (await detectChecklistFormat(file));
  if (format === 'speciesplus-json') yield* readSpeciesPlusJson(file, options);
  else yield* readIndexCsv(file, format === 'index-csv-gz', options);
}

class ByteCounter extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

async function* readIndexCsv(
  file: string,
  gzipped: boolean,
  options: ReadChecklistOptions,
): AsyncGenerator<ChecklistItem, void, undefined> {
  const totalBytes = (await stat(file)).size;
  const every = Math.max(1, options.progressEveryRows ?? 1000);
  /** Records csv-parse skipped, each with the number of records it had emitted before it, for ordering. */
  const skipped: { before: number; rejected: RejectedRow }[] = [];
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const counter = new ByteCounter();
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      skipped.push({
        before: parser.info.records,
        rejected: {
          row: raw ?? null,
          reason: { code: 'csv-syntax', message: error?.message ?? 'Unreadable CSV record.' },
          ...(typeof error?.['lines'] === 'number' ? { line: error['lines'] } : {}),
        },
      });
      return undefined;
    },
  });
  const stages = gzipped ? [input, counter, createGunzip(), parser] : [input, counter, parser];
  // Errors reach the iteration below: pipeline destroys the parser with the first error.
  pipeline(stages, () => undefined);

  const intern = interner();
  let header: string[] | undefined;
  let rowsRead = 0;
  const progress = (): ChecklistProgress => ({ rowsRead, bytesRead: counter.bytes, totalBytes });
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; records: number };
    }>) {
      // csv-parse reads ahead, so a skipped record may be reported before records that precede it.
      while (skipped.length > 0 && skipped[0]!.before < item.info.records) {
        rowsRead += 1;
        yield { rejected: skipped.shift()!.rejected };
      }
      if (header === undefined) {
        header = item.record.map((name) => name.trim());
        const check = checkIndexCsvHeader(header);
        if (!check.ok) {
          throw new Error(
            `${file} is not an Index of CITES Species CSV: missing columns ${check.missing.join(', ')}`,
          );
        }
        continue;
      }
      rowsRead += 1;
      const record = toRecord(header, item.record);
      if (item.record.length !== header.length) {
        yield {
          rejected: {
            row: record,
            line: item.info.lines,
            reason: {
              code: 'column-count',
              message: `The record has ${item.record.length} fields; the header has ${header.length}.`,
            },
          },
        };
      } else {
        const result = parseIndexCsvRecord(record, { intern });
        yield result.ok
          ? { taxon: result.taxon }
          : { rejected: { row: record, reason: result.reason, line: item.info.lines } };
      }
      if (rowsRead % every === 0) options.onProgress?.(progress());
    }
    for (const { rejected } of skipped.splice(0)) {
      rowsRead += 1;
      yield { rejected };
    }
    if (header === undefined) throw new Error(`${file} is empty: no CSV header.`);
    options.onProgress?.(progress());
  } finally {
    input.destroy();
    parser.destroy();
  }
}

function toRecord(header: readonly string[], fields: readonly string[]): IndexCsvRecord {
  const record: Record<string, string> = {};
  header.forEach((name, i) => {
    const value = fields[i];
    if (value !== undefined) record[name] = value;
  });
  return record;
}

/** Shares one copy of texts that repeat across rows (the same orchid annotation on 30,000 rows). */
function interner(limit = 200_000): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    if (seen.size < limit) seen.set(text, text);
    return text;
  };
}

async function* readSpeciesPlusJson(
  file: string,
  options: ReadChecklistOptions,
): AsyncGenerator<ChecklistItem, void, undefined> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const { payloads, errors } = unwrapSpeciesPlusResponses(json);
  const concepts = payloads.flatMap(speciesPlusTaxonConcepts);
  if (concepts.length === 0) throw new Error(`${file} holds no Species+ taxon_concepts.`);
  const totalBytes = Buffer.byteLength(text);
  const every = Math.max(1, options.progressEveryRows ?? 1000);
  let rowsRead = 0;
  for (const message of errors) {
    rowsRead += 1;
    yield { rejected: { row: null, reason: { code: 'malformed-record', message } } };
  }
  for (const concept of concepts) {
    rowsRead += 1;
    const result = parseSpeciesPlusTaxonConcept(concept);
    yield result.ok ? { taxon: result.taxon } : { rejected: { row: concept, reason: result.reason } };
    if (rowsRead % every === 0) options.onProgress?.({ rowsRead, bytesRead: totalBytes, totalBytes });
  }
  options.onProgress?.({ rowsRead, bytesRead: totalBytes, totalBytes });
}
