import fs from 'node:fs/promises';
import type { Taxon } from '../../domain/species/taxon';
import { mapSpeciesPlusTradeMeasures, type TradeMeasure } from '../../domain/species/trade-measures';
import { unwrapSpeciesPlusResponses } from '../../domain/species/speciesplus';
import {
  detectChecklistFormat,
  readChecklist,
  type ChecklistProgress,
  type RejectedRow,
} from '../checklist/read-checklist';
import type { SpeciesRepository } from '../../store/species';
import type { TradeMeasureRepository } from '../../store/trade-measures';
import type { AuditTrail } from './audit-trail';

export interface ChecklistImportReport {
  rowsRead: number;
  taxaStored: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  /** The first rejected rows, for the operator to look at. */
  examples: RejectedRow[];
}

/**
 * Imports an Index of CITES Species CSV (plain or gzipped) or a Species+ JSON file into the store,
 * streaming in batches so the 98 MB index never sits in memory; bad rows are counted, not fatal.
 * The Index is the whole checklist and replaces what was there (the seed list included); a
 * Species+ file updates the taxa it contains.
 */
export async function importChecklist(
  file: string,
  species: SpeciesRepository,
  audit: AuditTrail,
  options: { onProgress?: (progress: ChecklistProgress) => void; batchSize?: number; now?: Date } = {},
): Promise<ChecklistImportReport> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 1_000;
  const report: ChecklistImportReport = {
    rowsRead: 0,
    taxaStored: 0,
    rejected: 0,
    rejectedByReason: {},
    examples: [],
  };
  const replacesChecklist = (await detectChecklistFormat(file)) !== 'speciesplus-json';
  if (replacesChecklist) await species.clear();
  let batch: Taxon[] = [];
  const flush = async () => {
    if (replacesChecklist) await species.insert(batch, now);
    else await species.merge(batch, now);
    report.taxaStored += batch.length;
    batch = [];
  };
  for await (const item of readChecklist(file, {
    onProgress: options.onProgress,
    progressEveryRows: 2_000,
  })) {
    report.rowsRead++;
    if ('taxon' in item) {
      batch.push(item.taxon);
      if (batch.length >= batchSize) await flush();
    } else {
      report.rejected++;
      report.rejectedByReason[item.rejected.reason.code] =
        (report.rejectedByReason[item.rejected.reason.code] ?? 0) + 1;
      if (report.examples.length < 20) report.examples.push(item.rejected);
    }
  }
  await flush();
  await species.bumpVersion(now);
  await audit.record('system', {
    action: 'checklist.imported',
    objectType: 'checklist',
    objectId: file.split('/').pop() ?? file,
    after: { rowsRead: report.rowsRead, taxaStored: report.taxaStored, rejected: report.rejected },
  });
  return report;
}

export interface TradeMeasureImportReport {
  measuresStored: number;
  rejected: number;
  reasons: string[];
}

/**
 * Imports Species+ legislation (CITES suspensions, EU decisions) from an API response or a recorded
 * response file; the taxon is the one the response was requested for.
 */
export async function importTradeMeasures(
  file: string,
  measuresStore: TradeMeasureRepository,
  species: SpeciesRepository,
  audit: AuditTrail,
  options: { speciesPlusId?: number; now?: Date } = {},
): Promise<TradeMeasureImportReport> {
  const json = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  const { payloads, errors } = unwrapSpeciesPlusResponses(json);
  const speciesPlusId = options.speciesPlusId ?? speciesPlusIdInRecording(json);
  const taxon = speciesPlusId === undefined ? undefined : await species.find(String(speciesPlusId));
  const measures: TradeMeasure[] = [];
  const reasons: string[] = errors.map(String);
  for (const payload of payloads) {
    const mapped = mapSpeciesPlusTradeMeasures(payload, { speciesPlusId, taxonName: taxon?.scientificName });
    measures.push(...mapped.measures);
    reasons.push(...mapped.rejected.map((rejection) => rejection.reason));
  }
  await measuresStore.upsert(measures, options.now ?? new Date());
  await audit.record('system', {
    action: 'trade-measures.imported',
    objectType: 'trade-measures',
    objectId: file.split('/').pop() ?? file,
    after: { measures: measures.length, rejected: reasons.length },
  });
  return { measuresStored: measures.length, rejected: reasons.length, reasons };
}

/** A recorded Species+ response names its taxon in the request URL. */
function speciesPlusIdInRecording(json: unknown): number | undefined {
  const match = /\/taxon_concepts\/(\d+)\//.exec(JSON.stringify(json).slice(0, 4_000));
  return match ? Number(match[1]) : undefined;
}
