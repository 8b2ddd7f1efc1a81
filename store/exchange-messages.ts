import { Schema, type Connection, type Model } from 'mongoose';

/** A message taken from a peer, kept by `<sender>:<messageId>` so the same one is never taken twice. */
interface ReceivedMessageDocument {
  _id: string;
  kind: string;
  receivedAt: Date;
}

const receivedSchema = new Schema<ReceivedMessageDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'exchangeReceived', versionKey: false },
);

/** The ids of messages received from peers: the guard against a replayed message. */
export class ReceivedMessageRepository {
  private readonly model: Model<ReceivedMessageDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.ExchangeReceived as Model<ReceivedMessageDocument>) ??
      connection.model<ReceivedMessageDocument>('ExchangeReceived', receivedSchema);
  }

  async seen(from: string, messageId: string): Promise<boolean> {
    return (await this.model.exists({ _id: `${String(from)}:${String(messageId)}` }).exec()) !== null;
  }

  /** Records the message as taken; false when it was already (a replay that raced this one). */
  async record(from: string, messageId: string, kind: string, receivedAt: Date): Promise<boolean> {
    try {
      await this.model.create({ _id: `${from}:${messageId}`, kind, receivedAt });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }
}
