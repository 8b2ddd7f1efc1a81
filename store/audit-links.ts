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

  /**
   * The furthest entry linked on from `head`, or `head` itself when no link continues the chain from
   * it. A process that appended nothing for a while may be hundreds of entries behind: it gets there
   * by doubling its step, then bisecting, in a few dozen lookups instead of one per entry. Links are
   * written only for entries that went in, so a link at n means entry n is there with that hash;
   * a missing link (its writer died) stops the search short, and appending then finds out.
   */
  async furthest(head: ChainHead): Promise<ChainHead> {
    const next = await this.at(head.seq + 1);
    if (!next || next.prevHash !== head.hash) return head;
    let low: ChainHead = { seq: head.seq + 1, hash: next.hash };
    let step = 2;
    for (let link = await this.at(head.seq + step); link; link = await this.at(head.seq + step)) {
      low = { seq: head.seq + step, hash: link.hash };
      step *= 2;
    }
    let high = head.seq + step;
    while (high - low.seq > 1) {
      const middle = Math.floor((low.seq + high) / 2);
      const link = await this.at(middle);
      if (link) low = { seq: middle, hash: link.hash };
      else high = middle;
    }
    return low;
  }

  /** The highest entry with a link, to be checked against the entry itself. */
  async highest(): Promise<ChainHead | undefined> {
    const first = await this.at(1);
    if (!first) return undefined;
    return this.furthest({ seq: 0, hash: first.prevHash });
  }

  private async at(seq: number): Promise<AuditLink | undefined> {
    return (await this.model.findById(String(seq)).lean<AuditLink>().exec()) ?? undefined;
  }
}
