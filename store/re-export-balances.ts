import type { Connection } from 'mongoose';
import { QuantityLedger } from './quantity-ledger';

/**
 * The ledger key of what came into the country under one foreign document (the export permit or
 * re-export certificate it crossed the border with), per species, term and unit: the most that
 * re-export certificates may ever take out again.
 */
export function importedQuantityKey(parts: {
  country: string;
  documentNumber: string;
  scientificName: string;
  term: string;
  unit?: string;
}): string {
  return [
    `${parts.country}:${parts.documentNumber}`,
    parts.scientificName.trim().toLowerCase(),
    parts.term,
    parts.unit || 'specimens',
  ].join('|');
}

/** How much of each import re-export certificates have taken out again. */
export class ReExportBalanceRepository extends QuantityLedger {
  constructor(connection: Connection) {
    super(connection, 'reExport');
  }
}
