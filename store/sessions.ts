import { Schema, type Connection, type Model } from 'mongoose';

export interface SessionRecord {
  /** SHA-256 of the token: a copy of the database does not give anyone a session. */
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

// The token digest is the document's _id: every API request looks its session up by it.
type SessionDocument = Omit<SessionRecord, 'tokenHash'> & { _id: string };

const sessionSchema = new Schema<SessionDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { collection: 'sessions', versionKey: false },
);

export class SessionRepository {
  private readonly model: Model<SessionDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.Session as Model<SessionDocument>) ??
      connection.model<SessionDocument>('Session', sessionSchema);
  }

  async create(session: SessionRecord): Promise<void> {
    const { tokenHash, ...rest } = session;
    await this.model.create({ _id: tokenHash, ...rest });
  }

  async findLive(tokenHash: string, now: Date): Promise<SessionRecord | undefined> {
    const found = await this.model
      .findById(tokenHash)
      .lean<Omit<SessionRecord, 'tokenHash'> & { _id: string }>()
      .exec();
    if (!found || found.expiresAt <= now) return undefined;
    const { _id, ...rest } = found;
    return { tokenHash: _id, ...rest };
  }

  async extend(tokenHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.model.updateOne({ _id: { $eq: tokenHash } }, { $set: { lastSeenAt, expiresAt } }).exec();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.model.deleteOne({ _id: { $eq: tokenHash } }).exec();
  }

  /** Ends every session of a user, but the one given (after a password change, or when disabled). */
  async deleteAllOf(userId: string, except?: string): Promise<void> {
    await this.model
      .deleteMany({ userId: { $eq: userId }, ...(except ? { _id: { $ne: except } } : {}) })
      .exec();
  }
}
