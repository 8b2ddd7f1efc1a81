import { Schema, type Connection, type Model } from 'mongoose';

/**
 * What came into the country under one foreign document (the export permit or re-export
 * certificate it crossed the border with), per species, term and unit: the most that re-export
 * certificates may ever take out again.
 */
export interface ImportedQuantity {
  /** `<country>:<document number>|<scientific name>|<term>|<unit>`. */
  key: string;
  /** Null until the Management Authority registers the import: draws are kept, unchecked. */
  imported: number | null;
  registeredBy?: string;
}

/** One re-export certificate's share, with the running total after it. */
interface DrawDocument {
  _id: string;
  key: string;
  applicationId: string;
  quantity: number;
  drawnBefore: number;
}
interface BalanceDocument {
  _id: string;
  imported: number | null;
  lastSeq: number;
  registeredBy?: string;
}

const balanceSchema = new Schema<BalanceDocument>(
  {
    _id: { type: String, required: true },
    imported: { type: Number, default: null },
    lastSeq: { type: Number, required: true },
    registeredBy: { type: String },
  },
  { collection: 'reExportBalances', versionKey: false },
);
const drawSchema = new Schema<DrawDocument>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    applicationId: { type: String, required: true },
    quantity: { type: Number, required: true },
    drawnBefore: { type: Number, required: true },
  },
  { collection: 'reExportDraws', versionKey: false },
);

/** The ledger key of an imported consignment line. */
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

export type DrawAnswer =
  { drawn: true; left: number | null } | { drawn: false; left: number; imported: number };

/**
 * How much of each import re-export certificates have taken. Each draw is a document whose _id is
 * `<key>#<n>`: two certificates drawing at the same moment cannot both be the n-th, so the second
 * reads the first's total and is checked against it (the database's unique _id is the lock).
 */
export class ReExportBalanceRepository {
  private readonly balances: Model<BalanceDocument>;
  private readonly draws: Model<DrawDocument>;

  constructor(connection: Connection) {
    this.balances =
      (connection.models.ReExportBalance as Model<BalanceDocument>) ??
      connection.model<BalanceDocument>('ReExportBalance', balanceSchema);
    this.draws =
      (connection.models.ReExportDraw as Model<DrawDocument>) ??
      connection.model<DrawDocument>('ReExportDraw', drawSchema);
  }

  /** The Management Authority records what came in under the document. */
  async registerImport(key: string, imported: number, registeredBy: string): Promise<void> {
    await this.balances
      .updateOne(
        { _id: key },
        { $set: { imported, registeredBy }, $setOnInsert: { lastSeq: 0 } },
        { upsert: true },
      )
      .exec();
  }

  async balance(key: string): Promise<{ imported: number | null; drawn: number }> {
    const balance = await this.balances.findById(key).lean<BalanceDocument>().exec();
    const { drawn } = await this.end(key, balance?.lastSeq ?? 0);
    return { imported: balance?.imported ?? null, drawn };
  }

  /**
   * Takes `quantity` for the application unless that is more than is left; once per application
   * and key, so a retry finds its own draw.
   */
  async draw(key: string, applicationId: string, quantity: number): Promise<DrawAnswer> {
    const own = await this.draws.findOne({ key, applicationId: String(applicationId) }).lean<DrawDocument>();
    const balance = await this.balances.findById(key).lean<BalanceDocument>().exec();
    const imported = balance?.imported ?? null;
    if (own)
      return { drawn: true, left: imported === null ? null : imported - own.drawnBefore - own.quantity };
    for (let attempt = 0; attempt < 50; attempt++) {
      const { seq, drawn } = await this.end(key, balance?.lastSeq ?? 0);
      if (imported !== null && drawn + quantity > imported)
        return { drawn: false, left: imported - drawn, imported };
      try {
        await this.draws.create({
          _id: `${key}#${seq + 1}`,
          key,
          applicationId,
          quantity,
          drawnBefore: drawn,
        });
      } catch (error) {
        if ((error as { code?: number }).code === 11000) continue;
        throw error;
      }
      await this.balances
        .updateOne(
          { _id: key },
          { $max: { lastSeq: seq + 1 }, $setOnInsert: { imported: null } },
          { upsert: true },
        )
        .exec();
      return { drawn: true, left: imported === null ? null : imported - drawn - quantity };
    }
    throw new Error(`Too many re-export certificates drew on ${key} at the same moment; try again`);
  }

  /** Gives back what the application drew (its certificate was not issued after all). */
  async release(key: string, applicationId: string): Promise<void> {
    const drawn = await this.drawnBy(key, applicationId);
    if (drawn > 0) await this.giveBack(key, applicationId, drawn);
  }

  /** What the application drew on the import, less what it gave back. */
  async drawnBy(key: string, applicationId: string): Promise<number> {
    const own = await this.draws
      .find({ key, applicationId: { $in: [String(applicationId), `${applicationId}~released`] } })
      .lean<DrawDocument[]>()
      .exec();
    return own.reduce((sum, draw) => sum + draw.quantity, 0);
  }

  /**
   * Returns part of the application's draw to the import (the unused part of a certificate): once
   * per application and key, so a retry finds it done.
   */
  async giveBack(key: string, applicationId: string, quantity: number): Promise<void> {
    await this.draw(key, `${applicationId}~released`, -quantity);
  }

  /** The last draw from `from` on (the balance's pointer may lag behind a draw that just happened). */
  private async end(key: string, from: number): Promise<{ seq: number; drawn: number }> {
    let seq = from;
    let drawn = 0;
    if (seq > 0) {
      const last = await this.draws.findById(`${key}#${seq}`).lean<DrawDocument>().exec();
      drawn = last ? last.drawnBefore + last.quantity : 0;
    }
    for (;;) {
      const next = await this.draws
        .findById(`${key}#${seq + 1}`)
        .lean<DrawDocument>()
        .exec();
      if (!next) return { seq, drawn };
      seq += 1;
      drawn = next.drawnBefore + next.quantity;
    }
  }
}
