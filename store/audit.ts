import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { canonicalJson } from '../domain/canonical-json';

export interface AuditActor {
  userId: string;
  email: string;
  roles: string[];
}

/** What a caller records; the trail adds the sequence number, time and hash chain. */
export interface AuditEvent {
  /** Null for the system itself (a workflow, the seeding of demo accounts). */
  actor: AuditActor | null;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditEntry {
  seq: number;
  at: Date;
  actor: AuditActor | null;
  action: string;
  objectType: string;
  objectId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export type AuditProblem = { seq: number; kind: 'altered' | 'missing'; message: string };

export interface AuditVerification {
  intact: boolean;
  checked: number;
  /** Hash of the newest entry: publish or note it to detect later removal of the newest entries. */
  head: { seq: number; hash: string } | null;
  firstProblem?: AuditProblem;
}

export const GENESIS_HASH = '0'.repeat(64);

const auditSchema = new Schema<AuditEntry>(
  {
    seq: { type: Number, required: true, unique: true },
    at: { type: Date, required: true },
    actor: { type: Schema.Types.Mixed, default: null },
    action: { type: String, required: true },
    objectType: { type: String, required: true },
    objectId: { type: String, required: true },
    beforeDigest: { type: String, default: null },
    afterDigest: { type: String, default: null },
    requestId: { type: String, default: null },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'auditTrail', versionKey: false },
);
auditSchema.index({ objectType: 1, objectId: 1, seq: 1 });

/** SHA-256 of an object's canonical JSON: the trail keeps digests, not copies of personal data. */
export function digestOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson({ ...entry, at: entry.at.toISOString() }))
    .digest('hex');
}

/**
 * The append-only, hash-chained audit trail. Appending needs no transaction: the unique
 * sequence number makes two concurrent appends collide, and the loser retries on the new head.
 */
export class AuditRepository {
  private readonly model: Model<AuditEntry>;

  constructor(connection: Connection) {
    this.model = connection.models.AuditEntry ?? connection.model<AuditEntry>('AuditEntry', auditSchema);
  }

  async append(event: AuditEvent, at: Date = new Date()): Promise<AuditEntry> {
    for (let attempt = 0; ; attempt++) {
      const head = await this.model
        .findOne({}, { seq: 1, hash: 1 })
        .sort({ seq: -1 })
        .lean<AuditEntry>()
        .exec();
      const unsigned: Omit<AuditEntry, 'hash'> = {
        seq: (head?.seq ?? 0) + 1,
        at,
        actor: event.actor,
        action: event.action,
        objectType: event.objectType,
        objectId: event.objectId,
        beforeDigest: digestOf(event.before),
        afterDigest: digestOf(event.after),
        requestId: event.requestId,
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      const entry: AuditEntry = { ...unsigned, hash: entryHash(unsigned) };
      try {
        await this.model.create(entry);
        return entry;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000 || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
      }
    }
  }

  /** Newest first, `before` a sequence number for paging. */
  async list(limit: number, before?: number): Promise<AuditEntry[]> {
    const filter = before === undefined ? {} : { seq: { $lt: before } };
    return this.model.find(filter, { _id: 0 }).sort({ seq: -1 }).limit(limit).lean<AuditEntry[]>().exec();
  }

  /** Walks the whole trail in order with a cursor (never all in memory) and names the first problem. */
  async verify(): Promise<AuditVerification> {
    let expectedSeq = 1;
    let previous: AuditEntry | undefined;
    let checked = 0;
    const cursor = this.model
      .find({}, { _id: 0 })
      .sort({ seq: 1 })
      .lean<AuditEntry>()
      .cursor({ batchSize: 500 });
    try {
      for await (const raw of cursor) {
        const entry = raw as AuditEntry;
        const problem = checkLink(entry, previous, expectedSeq);
        if (problem) return { intact: false, checked, head: headOf(previous), firstProblem: problem };
        checked++;
        previous = entry;
        expectedSeq = entry.seq + 1;
      }
    } finally {
      await cursor.close();
    }
    return { intact: true, checked, head: headOf(previous) };
  }
}

function checkLink(
  entry: AuditEntry,
  previous: AuditEntry | undefined,
  expectedSeq: number,
): AuditProblem | undefined {
  if (entry.seq !== expectedSeq) {
    return {
      seq: expectedSeq,
      kind: 'missing',
      message: `Entry ${expectedSeq} is missing (the next entry is ${entry.seq}).`,
    };
  }
  const { hash, ...unsigned } = entry;
  if (entryHash({ ...unsigned, at: new Date(unsigned.at) }) !== hash) {
    return {
      seq: entry.seq,
      kind: 'altered',
      message: `Entry ${entry.seq} was altered: its content no longer matches its hash.`,
    };
  }
  const expectedPrev = previous?.hash ?? GENESIS_HASH;
  if (entry.prevHash !== expectedPrev) {
    const altered = previous ? previous.seq : entry.seq;
    return {
      seq: altered,
      kind: 'altered',
      message: `Entry ${altered} was altered or replaced: entry ${entry.seq} was chained to a different one.`,
    };
  }
  return undefined;
}

function headOf(entry: AuditEntry | undefined): AuditVerification['head'] {
  return entry ? { seq: entry.seq, hash: entry.hash } : null;
}
