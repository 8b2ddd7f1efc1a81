import { Schema, type Connection, type Model } from 'mongoose';

/** An entry of the trail as the next one to be appended needs it. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Entry `_id` of the trail: its hash, and the hash of the entry it was chained to. */
interface AuditLink {
  _id: string;
  hash: string;
  prevHash: string;
}

const linkSchema = new Schema<AuditLink>(
  {
    _id: { type: String, required: true },
    hash: { type: String, required: true },
    prevHash: { type: String, required: true },
  },
  { collection: 'auditTrailLinks', versionKey: false },
);

/**
 * A quick way along the audit trail for appending. FerretDB on SQLite finds a document by its _id
 * quickly only when the _id is a string; an entry's _id is its sequence number, so finding entry n
 * scans the whole trail, and appends that collide (several processes append at once) would grow
 * slower with every entry. Each entry also gets a link under the string `n`. Links are hints, never
 * evidence: one is followed only when it continues the chain from an entry already known, and
 * verification reads the entries alone.
 */
export class AuditLinks {
  private readonly model: Model<AuditLink>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.AuditLink as Model<AuditLink>) ??
      connection.model<AuditLink>('AuditLink', linkSchema);
  }

  /** The links of entries just appended, or found without one. A link not written only costs a scan later. */
  async record(entries: (ChainHead & { prevHash: string })[]): Promise<void> {
    await this.model
      .bulkWrite(
        entries.map((entry) => ({
          updateOne: {
            filter: { _id: String(entry.seq) },
            update: { $set: { hash: entry.hash, prevHash: entry.prevHash } },
            upsert: true,
          },
        })),
        { ordered: false },
      )
      .catch(() => undefined);
  }

  /** The entry after `head`, when a link continues the chain from it. */
  async after(head: ChainHead): Promise<ChainHead | undefined> {
    const link = await this.model
      .findById(String(head.seq + 1))
      .lean<AuditLink>()
      .exec();
    return link && link.prevHash === head.hash ? { seq: head.seq + 1, hash: link.hash } : undefined;
  }

  /** The highest entry with a link (doubling, then bisecting), to be checked against the entry itself. */
  async highest(): Promise<ChainHead | undefined> {
    const linked = async (seq: number) =>
      (await this.model.findById(String(seq)).lean<AuditLink>().exec()) ?? undefined;
    if (!(await linked(1))) return undefined;
    let low = 1;
    let high = 2;
    while (await linked(high)) {
      low = high;
      high *= 2;
    }
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (await linked(middle)) low = middle;
      else high = middle;
    }
    const link = await linked(low);
    return link ? { seq: low, hash: link.hash } : undefined;
  }
}
