import { Schema, type Connection, type Model } from 'mongoose';
import type { ExportQuota } from '../domain/quotas/export-quota';
import { QuantityLedger } from './quantity-ledger';

type QuotaDocument = Omit<ExportQuota, 'id'> & { _id: string; updatedBy: string; updatedAt: Date };

const quotaSchema = new Schema<QuotaDocument>(
  {
    _id: { type: String, required: true },
    party: { type: String, required: true },
    year: { type: Number, required: true },
    scientificName: { type: String, required: true },
    population: { type: String },
    terms: { type: [String], default: [] },
    sources: { type: [String], default: [] },
    purposes: { type: [String], default: [] },
    unit: { type: String },
    quantity: { type: Number, default: null },
    basedOnNonDetrimentFinding: { type: Boolean, default: false },
    notes: { type: String },
    source: { type: String, required: true },
    publishedOn: { type: String },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'exportQuotas', versionKey: false, minimize: false },
);

/** The Party's export quotas, by id; their use is kept in the quota ledger. */
export class ExportQuotaRepository {
  private readonly model: Model<QuotaDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.ExportQuota as Model<QuotaDocument>) ??
      connection.model<QuotaDocument>('ExportQuota', quotaSchema);
  }

  async save(quota: ExportQuota, updatedBy: string, updatedAt: Date): Promise<void> {
    const { id, ...rest } = quota;
    await this.model
      .replaceOne({ _id: String(id) }, { ...rest, updatedBy, updatedAt }, { upsert: true })
      .exec();
  }

  async find(id: string): Promise<ExportQuota | undefined> {
    const found = await this.model.findById(String(id)).lean<QuotaDocument>().exec();
    return found ? quotaOf(found) : undefined;
  }

  /** A year's quotas, a few hundred at most for any Party. */
  async ofYear(year: number): Promise<ExportQuota[]> {
    const found = await this.model
      .find({ year: Number(year) })
      .sort({ scientificName: 1 })
      .lean<QuotaDocument[]>()
      .exec();
    return found.map(quotaOf);
  }
}

function quotaOf({ _id, updatedBy: _by, updatedAt: _at, ...rest }: QuotaDocument): ExportQuota {
  return { id: _id, ...rest };
}

/** What export permits took of each quota, keyed by the quota's id. */
export class QuotaLedger extends QuantityLedger {
  constructor(connection: Connection) {
    super(connection, 'quota');
  }
}
