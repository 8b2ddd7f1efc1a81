import { Schema, type Connection, type Model } from 'mongoose';
import type { TradeMeasure } from '../domain/species/trade-measures';

interface TradeMeasureDocument {
  /** The measure's id: FerretDB's SQLite backend finds documents quickly by _id only. */
  _id: string;
  measure: TradeMeasure;
  importedAt: Date;
}

const tradeMeasureSchema = new Schema<TradeMeasureDocument>(
  {
    _id: { type: String, required: true },
    measure: { type: Schema.Types.Mixed, required: true },
    importedAt: { type: Date, required: true },
  },
  { collection: 'tradeMeasures', versionKey: false, minimize: false },
);

/** CITES trade suspensions, stricter domestic measures and EU decisions, as imported from Species+. */
export class TradeMeasureRepository {
  private readonly model: Model<TradeMeasureDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.TradeMeasure as Model<TradeMeasureDocument>) ??
      connection.model<TradeMeasureDocument>('TradeMeasure', tradeMeasureSchema);
  }

  /** Inserts new measures and replaces the ones already stored (an import run twice stores each once). */
  async upsert(measures: readonly TradeMeasure[], importedAt: Date): Promise<void> {
    for (const measure of measures) {
      const document = { _id: measure.id, measure, importedAt };
      if (await this.model.exists({ _id: { $eq: measure.id } }).exec()) {
        await this.model.replaceOne({ _id: { $eq: measure.id } }, document).exec();
      } else {
        await this.model.create(document);
      }
    }
  }

  /** All measures; there are a few thousand at most, and matching them is done in memory. */
  async all(): Promise<TradeMeasure[]> {
    const found = await this.model.find({}, { measure: 1 }).lean<TradeMeasureDocument[]>().exec();
    return found.map((document) => document.measure);
  }
}
