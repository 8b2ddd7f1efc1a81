import { Schema, type Connection, type Model } from 'mongoose';

export interface SessionRecord {
  /** SHA-256 of the token: a copy of the database does not give anyone a session. */
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

const sessionSchema = new Schema<SessionRecord>(
  {
    tokenHash: { type: String, required: true, unique: true },
    userId: { type: String, required: true, index: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { collection: 'sessions', versionKey: false },
);

export class SessionRepository {
  private readonly model: Model<SessionRecord>;

  constructor(connection: Connection) {
    this.model = connection.models.Session ?? connection.model<SessionRecord>('Session', sessionSchema);
  }

  async create(session: SessionRecord): Promise<void> {
    await this.model.create(session);
  }

  async findLive(tokenHash: string, now: Date): Promise<SessionRecord | undefined> {
    const found = await this.model
      .findOne({ tokenHash: { $eq: tokenHash }, expiresAt: { $gt: now } }, { _id: 0 })
      .lean<SessionRecord>()
      .exec();
    return found ?? undefined;
  }

  async extend(tokenHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.model.updateOne({ tokenHash: { $eq: tokenHash } }, { $set: { lastSeenAt, expiresAt } }).exec();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.model.deleteOne({ tokenHash: { $eq: tokenHash } }).exec();
  }

  /** Ends every session of a user, but the one given (after a password change, or when disabled). */
  async deleteAllOf(userId: string, except?: string): Promise<void> {
    await this.model
      .deleteMany({ userId: { $eq: userId }, ...(except ? { tokenHash: { $ne: except } } : {}) })
      .exec();
  }
}
