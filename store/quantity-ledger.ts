import { Schema, type Connection, type Model } from 'mongoose';

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
  limit?: number | null;
  /** The name re-export balances kept their limit under before quotas shared the ledger. */
  imported?: number | null;
  lastSeq: number;
  registeredBy?: string;
}

const balanceSchema = new Schema<BalanceDocument>(
  {
    _id: { type: String, required: true },
    limit: { type: Number, default: null },
    imported: { type: Number },
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

export type DrawAnswer = { drawn: true; left: number | null } | { drawn: false; left: number; limit: number };

/**
 * How much of a limited quantity documents have taken: of an import, what re-export certificates
 * took out again; of an export quota, what export permits took. Each draw is a document whose _id
 * is `<key>#<n>`: two documents drawing at the same moment cannot both be the n-th, so the second
 * reads the first's total and is checked against it (the database's unique _id is the lock; a
 * findAndModify counter is not atomic on every MongoDB-protocol database).
 */
export class QuantityLedger {
  private readonly balances: Model<BalanceDocument>;
  private readonly draws: Model<DrawDocument>;

  /** `name` (`reExport`, `quota`) names the ledger's collections: `<name>Balances`, `<name>Draws`. */
  constructor(connection: Connection, name: string) {
    const model = name.charAt(0).toUpperCase() + name.slice(1);
    this.balances =
      (connection.models[`${model}Balance`] as Model<BalanceDocument>) ??
      connection.model<BalanceDocument>(
        `${model}Balance`,
        balanceSchema.clone().set('collection', `${name}Balances`),
      );
    this.draws =
      (connection.models[`${model}Draw`] as Model<DrawDocument>) ??
      connection.model<DrawDocument>(`${model}Draw`, drawSchema.clone().set('collection', `${name}Draws`));
  }

  /** Sets how much may be drawn in all (null: not known yet, draws are kept unchecked). */
  async setLimit(key: string, limit: number | null, registeredBy: string): Promise<void> {
    await this.balances
      .updateOne(
        { _id: key },
        { $set: { limit, registeredBy }, $setOnInsert: { lastSeq: 0 } },
        { upsert: true },
      )
      .exec();
  }

  async balance(key: string): Promise<{ limit: number | null; drawn: number }> {
    const balance = await this.balances.findById(key).lean<BalanceDocument>().exec();
    const { drawn } = await this.end(key, balance?.lastSeq ?? 0);
    return { limit: limitOf(balance), drawn };
  }

  /**
   * Takes `quantity` for the application unless that is more than is left; once per application
   * and key, so a retry finds its own draw.
   */
  async draw(key: string, applicationId: string, quantity: number): Promise<DrawAnswer> {
    const own = await this.draws.findOne({ key, applicationId: String(applicationId) }).lean<DrawDocument>();
    const balance = await this.balances.findById(key).lean<BalanceDocument>().exec();
    const limit = limitOf(balance);
    if (own) return { drawn: true, left: limit === null ? null : limit - own.drawnBefore - own.quantity };
    for (let attempt = 0; attempt < 50; attempt++) {
      const { seq, drawn } = await this.end(key, balance?.lastSeq ?? 0);
      if (limit !== null && drawn + quantity > limit) return { drawn: false, left: limit - drawn, limit };
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
          { $max: { lastSeq: seq + 1 }, $setOnInsert: { limit: null } },
          { upsert: true },
        )
        .exec();
      return { drawn: true, left: limit === null ? null : limit - drawn - quantity };
    }
    throw new Error(`Too many documents drew on ${key} at the same moment; try again`);
  }

  /** Gives back what the application drew (its document was not issued after all). */
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
   * Returns part of the application's draw (the unused part of its document): once
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

function limitOf(balance: BalanceDocument | null | undefined): number | null {
  return balance?.limit ?? balance?.imported ?? null;
}
