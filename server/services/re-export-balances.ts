import { importedQuantityKey, type ReExportBalanceRepository } from '../../store/re-export-balances';
import { requirePermission, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';

/** One line of an import: the document it came in under, the species, term, unit and quantity. */
export interface ImportedLine {
  country: string;
  documentNumber: string;
  scientificName: string;
  term: string;
  unit?: string;
}

export interface ReExportBalanceView extends ImportedLine {
  imported: number | null;
  drawn: number;
  /** What re-export certificates may still take; null while the import is not registered. */
  left: number | null;
}

/**
 * What came into the country and how much re-export certificates have taken out again. The
 * Management Authority registers an import from the customs declaration and the foreign document.
 */
export class ReExportBalanceService {
  constructor(
    private readonly balances: ReExportBalanceRepository,
    private readonly audit: AuditTrail,
  ) {}

  async registerImport(
    caller: Caller,
    line: ImportedLine & { quantity: number },
  ): Promise<ReExportBalanceView> {
    const officer = requirePermission(caller, 'permits.manage');
    const key = importedQuantityKey(line);
    const { limit: imported, drawn } = await this.balances.balance(key);
    const before = { imported, drawn };
    await this.balances.setLimit(key, line.quantity, officer.userId);
    await this.audit.record(caller, {
      action: 're-export-balance.import-registered',
      objectType: 're-export-balance',
      objectId: key,
      before,
      after: { imported: line.quantity },
    });
    return this.get(caller, line);
  }

  async get(caller: Caller, line: ImportedLine): Promise<ReExportBalanceView> {
    requirePermission(caller, 'permits.manage');
    const { limit: imported, drawn } = await this.balances.balance(importedQuantityKey(line));
    return { ...line, imported, drawn, left: imported === null ? null : imported - drawn };
  }
}
