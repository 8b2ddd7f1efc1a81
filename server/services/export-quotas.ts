import { randomUUID } from 'node:crypto';
import { quotaWarningOf, type ExportQuota, type QuotaWarning } from '../../domain/quotas/export-quota';
import type { ExportQuotaRepository, QuotaLedger } from '../../store/export-quotas';
import { PangolinError } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';

export type QuotaInput = Omit<ExportQuota, 'id' | 'party' | 'source' | 'terms' | 'sources' | 'purposes'> & {
  id?: string;
  terms?: string[];
  sources?: string[];
  purposes?: string[];
};

/** A quota with its use: what permits issued against it took (reserved at issuance, less what came back). */
export interface QuotaView extends ExportQuota {
  used: number;
  left: number | null;
  /** 'nearly-used' from 80%, 'used-up' at 100%. */
  warning: QuotaWarning;
}

/** A `cites_quotas` element of the Species+ API (`taxon_concepts/:id/cites_legislation`). */
interface SpeciesPlusQuota {
  id?: number;
  quota?: number | null;
  publication_date?: string;
  notes?: string;
  unit?: string | null;
  is_current?: boolean;
  geo_entity?: { iso_code2?: string };
}

/**
 * The Party's export quotas: entered by the Management Authority or imported from Species+, every
 * change audited; their use comes from the quota ledger that issuance draws on.
 */
export class ExportQuotaService {
  constructor(
    private readonly party: string,
    private readonly quotas: ExportQuotaRepository,
    private readonly ledger: QuotaLedger,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(caller: Caller, year: number): Promise<QuotaView[]> {
    requirePermission(caller, 'quotas.read');
    return Promise.all((await this.quotas.ofYear(year)).map((quota) => this.viewOf(quota)));
  }

  async save(caller: Caller, input: QuotaInput): Promise<QuotaView> {
    const officer = requirePermission(caller, 'quotas.manage');
    const before = input.id ? await this.quotas.find(input.id) : undefined;
    if (input.id && !before) throw new PangolinError('not-found', `Quota ${input.id} was not found`);
    const quota: ExportQuota = {
      ...input,
      id: input.id ?? randomUUID(),
      party: this.party,
      terms: input.terms ?? [],
      sources: input.sources ?? [],
      purposes: input.purposes ?? [],
      source: before?.source ?? 'management-authority',
    };
    if (quota.quantity !== null) {
      const { drawn } = await this.ledger.balance(quota.id);
      if (quota.quantity < drawn) {
        throw new PangolinError('conflict', `Permits have already taken ${drawn}; the quota cannot be less.`);
      }
    }
    await this.store(quota, officer.email);
    await this.audit.record(caller, {
      action: before ? 'quota.changed' : 'quota.set',
      objectType: 'export-quota',
      objectId: quota.id,
      before: before ?? null,
      after: quota,
    });
    return this.viewOf(quota);
  }

  /**
   * Takes this Party's quotas from a Species+ `cites_legislation` answer for one taxon (other
   * Parties' quotas in it are skipped); the year is that of publication. Imported again, a quota
   * is updated, not duplicated.
   */
  async importSpeciesPlus(
    caller: Caller,
    input: { scientificName: string; legislation: { cites_quotas?: unknown } },
  ): Promise<{ imported: number; skipped: number }> {
    const officer = requirePermission(caller, 'quotas.manage');
    const rows = Array.isArray(input.legislation.cites_quotas)
      ? (input.legislation.cites_quotas as SpeciesPlusQuota[])
      : undefined;
    if (!rows) {
      throw new PangolinError('invalid', 'This is not a Species+ cites_legislation answer.', [
        { path: '/legislation/cites_quotas', message: 'is required: the list of quotas' },
      ]);
    }
    let imported = 0;
    for (const row of rows) {
      const year = Number(row.publication_date?.slice(0, 4));
      if (row.geo_entity?.iso_code2 !== this.party || !Number.isInteger(year) || row.id === undefined)
        continue;
      const quota: ExportQuota = {
        id: `species-plus-${row.id}`,
        party: this.party,
        year,
        scientificName: input.scientificName,
        terms: [],
        sources: [],
        purposes: [],
        ...(row.unit ? { unit: row.unit } : {}),
        // Species+ writes -1 (or nothing) for a quota in preparation.
        quantity: typeof row.quota === 'number' && row.quota >= 0 ? row.quota : null,
        basedOnNonDetrimentFinding: false,
        ...(row.notes ? { notes: row.notes } : {}),
        source: 'species+',
        ...(row.publication_date ? { publishedOn: row.publication_date } : {}),
      };
      await this.store(quota, officer.email);
      imported++;
    }
    await this.audit.record(caller, {
      action: 'quota.imported',
      objectType: 'export-quota',
      objectId: input.scientificName,
      before: null,
      after: { imported, skipped: rows.length - imported },
    });
    return { imported, skipped: rows.length - imported };
  }

  private async store(quota: ExportQuota, by: string): Promise<void> {
    await this.quotas.save(quota, by, this.now());
    await this.ledger.setLimit(quota.id, quota.quantity, by);
  }

  private async viewOf(quota: ExportQuota): Promise<QuotaView> {
    const { drawn } = await this.ledger.balance(quota.id);
    return {
      ...quota,
      used: drawn,
      left: quota.quantity === null ? null : quota.quantity - drawn,
      warning: quotaWarningOf(drawn, quota.quantity),
    };
  }
}
