import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { canonicalJson } from '../domain/canonical-json';
import { AuditLinks, type ChainHead } from './audit-links';

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

// The sequence number is also the document's _id: unique by construction, and the only key
// FerretDB's SQLite backend looks up quickly.
const auditSchema = new Schema<AuditEntry & { _id: number }>(
  {
    _id: { type: Number, required: true },
    seq: { type: Number, required: true },
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
auditSchema.index({ objectType: 1, objectId: 1 });

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
 * How long a missing link is waited for, step by step, before the entries themselves are read: the
 * winner writes its links right after its entries, but under load that can take a second or two,
 * and reading entries by sequence number scans the whole trail on FerretDB.
 */
const LINK_WAITS_MS = [25, 50, 100, 200, 400, 800, 1_600];

/** At most this many appends of one process go into one insert. */
const MAX_BATCH = 100;

/** The events as entries following `head`, each chained to the one before. */
function chainAfter(head: ChainHead, events: { event: AuditEvent; at: Date }[]): AuditEntry[] {
  let previous = head;
  return events.map(({ event, at }) => {
    const unsigned: Omit<AuditEntry, 'hash'> = {
      seq: previous.seq + 1,
      at,
      actor: event.actor,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      beforeDigest: digestOf(event.before),
      afterDigest: digestOf(event.after),
      requestId: event.requestId,
      prevHash: previous.hash,
    };
    const entry: AuditEntry = { ...unsigned, hash: entryHash(unsigned) };
    previous = entry;
    return entry;
  });
}

/**
 * The append-only, hash-chained audit trail. Appending needs no transaction: the sequence number
 * is the _id, so two processes appending at once collide and the loser moves on to the new head.
 */
export class AuditRepository {
  private readonly model: Model<AuditEntry & { _id: number }>;
  private readonly links: AuditLinks;
  /**
   * Appends wait here while this process's previous batch is being written; they then go in
   * together, in one insert, so that a busy process does not fall behind its own trail. Only other
   * processes' appends can collide.
   */
  private waiting: { event: AuditEvent; at: Date; done: (entry: AuditEntry | Error) => void }[] = [];
  private writing = false;
  /** The newest entry this process knows of; others may have appended since. */
  private head: ChainHead | undefined;

  constructor(connection: Connection) {
    this.model =
      (connection.models.AuditEntry as Model<AuditEntry & { _id: number }>) ??
      connection.model<AuditEntry & { _id: number }>('AuditEntry', auditSchema);
    this.links = new AuditLinks(connection);
  }

  append(event: AuditEvent, at: Date = new Date()): Promise<AuditEntry> {
    const appended = new Promise<AuditEntry>((resolve, reject) =>
      this.waiting.push({
        event,
        at,
        done: (entry) => (entry instanceof Error ? reject(entry) : resolve(entry)),
      }),
    );
    void this.writeWaiting();
    return appended;
  }

  private async writeWaiting(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        await this.appendInOrder(batch).catch((error: unknown) => {
          for (const waiter of batch) waiter.done(error instanceof Error ? error : new Error(String(error)));
        });
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * Chains the waiting events after the newest entry and inserts them in order, catching up after
   * each collision; each waiter is answered as soon as its entry is in.
   */
  private async appendInOrder(batch: AuditRepository['waiting']): Promise<void> {
    let head = this.head ?? (await this.findHead());
    let left = batch;
    for (let attempt = 0; ; attempt++) {
      const entries = chainAfter(head, left);
      const inserted = await this.insertUntilCollision(entries);
      if (inserted > 0) {
        head = { seq: entries[inserted - 1]!.seq, hash: entries[inserted - 1]!.hash };
        this.head = head;
        await this.links.record(entries.slice(0, inserted));
        left.slice(0, inserted).forEach((waiter, index) => waiter.done(entries[index]!));
        left = left.slice(inserted);
      }
      if (left.length === 0) return;
      if (attempt >= 100) throw new Error('the audit trail kept moving on: 100 appends collided');
      head = await this.catchUp(head);
    }
  }

  /** How many of the entries went in: an ordered insert stops at the first sequence number taken. */
  private async insertUntilCollision(entries: AuditEntry[]): Promise<number> {
    try {
      await this.model.insertMany(
        entries.map((entry) => ({ _id: entry.seq, ...entry })),
        { ordered: true },
      );
      return entries.length;
    } catch (error) {
      const failure = error as { code?: number; result?: { insertedCount?: number } };
      if (failure.code !== 11000) throw error;
      return failure.result?.insertedCount ?? 0;
    }
  }

  /**
   * Another process took the entry after `head`: on to the newest one by the links. The entry that
   * won gets its link a moment after it is stored, so a missing link is waited for briefly before
   * the entries themselves are read (needed when a process died in between).
   */
  private async catchUp(head: ChainHead): Promise<ChainHead> {
    for (const waitMs of LINK_WAITS_MS) {
      const reached = await this.links.furthest(head);
      if (reached.seq > head.seq) return reached;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    return this.walkForward(head);
  }

  /** Follows the chain from a known entry to the newest one: by the links, then by _id to be sure. */
  private async walkForward(from: ChainHead): Promise<ChainHead> {
    let head = from;
    for (;;) {
      head = await this.links.furthest(head);
      const next = await this.model
        .findById(head.seq + 1, { seq: 1, hash: 1, prevHash: 1 })
        .lean<ChainHead & { prevHash: string }>()
        .exec();
      if (!next) return head;
      await this.links.record([next]);
      head = { seq: next.seq, hash: next.hash };
    }
  }

  /**
   * The newest entry: near the highest link, made sure of by reading that entry; else (a trail from
   * before the links) with _id lookups of the entries (doubling, then bisecting).
   */
  private async findHead(): Promise<ChainHead> {
    const linked = await this.links.highest();
    if (linked) {
      const entry = await this.model.findById(linked.seq, { seq: 1, hash: 1 }).lean<ChainHead>().exec();
      if (entry?.hash === linked.hash) return this.walkForward({ seq: entry.seq, hash: entry.hash });
    }
    const exists = async (seq: number) => (await this.model.exists({ _id: seq }).exec()) !== null;
    if (!(await exists(1))) return { seq: 0, hash: GENESIS_HASH };
    let low = 1;
    let high = 2;
    while (await exists(high)) {
      low = high;
      high *= 2;
    }
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (await exists(middle)) low = middle;
      else high = middle;
    }
    const entry = await this.model.findById(low, { seq: 1, hash: 1 }).lean<ChainHead>().exec();
    return this.walkForward({ seq: entry!.seq, hash: entry!.hash });
  }

  /** Newest first, `before` a sequence number for paging. */
  async list(limit: number, before?: number): Promise<AuditEntry[]> {
    const newest =
      before === undefined ? (await this.walkForward(this.head ?? (await this.findHead()))).seq : before - 1;
    const ids = Array.from({ length: Math.max(0, Math.min(limit, newest)) }, (_, index) => newest - index);
    if (ids.length === 0) return [];
    const found = await this.model
      .find({ _id: { $in: ids } }, { _id: 0 })
      .lean<AuditEntry[]>()
      .exec();
    return found.sort((a, b) => b.seq - a.seq);
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
