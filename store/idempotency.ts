import { Schema, type Connection, type Model } from 'mongoose';

export interface IdempotencyRecord {
  /** Caller and key together: two users may happen to pick the same key. */
  scope: string;
  requestDigest: string;
  state: 'in-progress' | 'done';
  status?: number;
  contentType?: string;
  body?: string;
  createdAt: Date;
}

// The scope is the document's _id, so claiming a key is one insert that the _id index arbitrates.
const idempotencySchema = new Schema<IdempotencyRecord & { _id: string }>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    requestDigest: { type: String, required: true },
    state: { type: String, required: true },
    status: Number,
    contentType: String,
    body: String,
    createdAt: { type: Date, required: true, index: true },
  },
  { collection: 'idempotencyKeys', versionKey: false },
);

export type IdempotencyClaim = { claimed: true } | { claimed: false; existing: IdempotencyRecord };

export class IdempotencyRepository {
  private readonly model: Model<IdempotencyRecord & { _id: string }>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.IdempotencyKey as Model<IdempotencyRecord & { _id: string }>) ??
      connection.model<IdempotencyRecord & { _id: string }>('IdempotencyKey', idempotencySchema);
  }

  /** The first request with a key claims it atomically; later ones get what the first stored. */
  async claim(scope: string, requestDigest: string, now: Date): Promise<IdempotencyClaim> {
    try {
      await this.model.create({ _id: scope, scope, requestDigest, state: 'in-progress', createdAt: now });
      return { claimed: true };
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const existing = await this.model
        .findOne({ scope: { $eq: scope } }, { _id: 0 })
        .lean<IdempotencyRecord>()
        .exec();
      if (!existing) return this.claim(scope, requestDigest, now);
      return { claimed: false, existing };
    }
  }

  async complete(
    scope: string,
    response: { status: number; contentType: string; body: string },
  ): Promise<void> {
    await this.model.updateOne({ _id: { $eq: scope } }, { $set: { state: 'done', ...response } }).exec();
  }

  /** A request that failed without an answer worth keeping frees its key for a retry. */
  async release(scope: string): Promise<void> {
    await this.model.deleteOne({ _id: { $eq: scope }, state: 'in-progress' }).exec();
  }
}
