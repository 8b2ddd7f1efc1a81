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

/** Longer than any request takes, even against servers that are restarting. */
export const CLAIM_LEASE_MS = 120_000;

/** Enough for a claim released or taken over while this one looked, never an endless loop. */
const CLAIM_PASSES = 3;

export type IdempotencyClaim = { claimed: true } | { claimed: false; existing: IdempotencyRecord };

export class IdempotencyRepository {
  private readonly model: Model<IdempotencyRecord & { _id: string }>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.IdempotencyKey as Model<IdempotencyRecord & { _id: string }>) ??
      connection.model<IdempotencyRecord & { _id: string }>('IdempotencyKey', idempotencySchema);
  }

  /**
   * The first request with a key claims it atomically; later ones get what the first stored. A
   * claim still in progress after CLAIM_LEASE_MS was left by a process that died in the middle of
   * the request (it would have answered long before): the retry takes it over and runs.
   */
  async claim(scope: string, requestDigest: string, now: Date): Promise<IdempotencyClaim> {
    // Each pass either claims, finds what is there, or sees the key change hands under it; a few
    // passes settle it, and a key that keeps changing hands is answered as still running.
    for (let pass = 0; ; pass++) {
      if (await this.insertClaim(scope, requestDigest, now)) return { claimed: true };
      const existing = await this.model.findById(String(scope), { _id: 0 }).lean<IdempotencyRecord>().exec();
      if (!existing) {
        if (pass < CLAIM_PASSES) continue;
        return { claimed: false, existing: { scope, requestDigest, state: 'in-progress', createdAt: now } };
      }
      const lapsed =
        existing.state === 'in-progress' &&
        existing.requestDigest === requestDigest &&
        now.getTime() - new Date(existing.createdAt).getTime() > CLAIM_LEASE_MS;
      if (!lapsed || pass >= CLAIM_PASSES || !(await this.takeOver(existing, now)))
        return { claimed: false, existing };
    }
  }

  private async insertClaim(scope: string, requestDigest: string, now: Date): Promise<boolean> {
    try {
      await this.model.create({ _id: scope, scope, requestDigest, state: 'in-progress', createdAt: now });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return false;
    }
  }

  /**
   * Removes a lapsed claim for one retry only. Several retries may find it lapsed at once, and a
   * conditional delete is not atomic on FerretDB: the one whose marker (an insert, arbitrated by
   * the _id index) goes in first removes it; the others wait like any retry.
   */
  private async takeOver(lapsed: IdempotencyRecord, now: Date): Promise<boolean> {
    const marker = `${lapsed.scope}|lapsed|${new Date(lapsed.createdAt).getTime()}`;
    if (!(await this.insertClaim(marker, lapsed.requestDigest, now))) return false;
    await this.model.deleteOne({ _id: { $eq: lapsed.scope }, state: 'in-progress' }).exec();
    return true;
  }

  /** Keeps the answer of the request that claimed the key at `claimedAt`, and of no later one. */
  async complete(
    scope: string,
    claimedAt: Date,
    response: { status: number; contentType: string; body: string },
  ): Promise<void> {
    // The _id as a plain string comes first: the only filter FerretDB on SQLite finds by its index.
    await this.model
      .updateOne({ _id: String(scope), createdAt: claimedAt }, { $set: { state: 'done', ...response } })
      .exec();
  }

  /**
   * A request that failed without an answer worth keeping frees its key for a retry: the claim made
   * at `claimedAt`, never one a later retry made after it lapsed.
   */
  async release(scope: string, claimedAt: Date): Promise<void> {
    await this.model.deleteOne({ _id: String(scope), state: 'in-progress', createdAt: claimedAt }).exec();
  }
}
