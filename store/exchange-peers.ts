import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A Party this one exchanges permits with. Only active peers are trusted: a message from anyone
 * else, or signed by a key the peer does not publish, is refused.
 */
export interface ExchangePeer {
  party: string;
  /** Where its API is: messages are posted to `<baseUrl>/api/exchange/inbox`. */
  baseUrl: string;
  /** Where its public keys are published; absent when the keys are pinned here. */
  jwksUrl?: string;
  /** Keys agreed out of band (a JWKS's `keys`), used instead of fetching `jwksUrl`. */
  pinnedKeys?: Record<string, unknown>[];
  status: 'active' | 'removed';
  updatedBy: string;
  updatedAt: Date;
}

type PeerDocument = Omit<ExchangePeer, 'party'> & { _id: string };

const peerSchema = new Schema<PeerDocument>(
  {
    _id: { type: String, required: true },
    baseUrl: { type: String, required: true },
    jwksUrl: { type: String },
    pinnedKeys: { type: Schema.Types.Mixed },
    status: { type: String, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'exchangePeers', versionKey: false },
);

/** The directory of trusted peer Parties, by Party code. */
export class ExchangePeerRepository {
  private readonly model: Model<PeerDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.ExchangePeer as Model<PeerDocument>) ??
      connection.model<PeerDocument>('ExchangePeer', peerSchema);
  }

  async save(peer: ExchangePeer): Promise<void> {
    const { party, ...rest } = peer;
    const unset = {
      ...(rest.jwksUrl === undefined ? { jwksUrl: 1 } : {}),
      ...(rest.pinnedKeys === undefined ? { pinnedKeys: 1 } : {}),
    };
    await this.model
      .updateOne(
        { _id: String(party) },
        { $set: rest, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
        { upsert: true },
      )
      .exec();
  }

  async find(party: string): Promise<ExchangePeer | undefined> {
    const found = await this.model.findById(String(party)).lean<PeerDocument>().exec();
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { party: _id, ...rest };
  }

  /** The peer only when it is trusted now. */
  async findActive(party: string): Promise<ExchangePeer | undefined> {
    const peer = await this.find(party);
    return peer?.status === 'active' ? peer : undefined;
  }

  async list(): Promise<ExchangePeer[]> {
    const found = await this.model.find().sort({ _id: 1 }).lean<PeerDocument[]>().exec();
    return found.map(({ _id, ...rest }) => ({ party: _id, ...rest }));
  }
}
