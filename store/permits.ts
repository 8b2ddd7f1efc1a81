import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentType, IsoDate } from '../domain/codes/types';
import type { PermitReplacementReason } from '../domain/documents/replacement-reasons';

/** Where a permit stands after issuance: valid until used, expired, cancelled or replaced. */
export type PermitStatus = 'valid' | 'endorsed' | 'used' | 'expired' | 'cancelled' | 'replaced';

/** Box 5 of a replacement permit: the permit it replaces and why. */
export interface ReplacedPermit {
  permitId: string;
  number: string;
  reason: PermitReplacementReason;
  explanation?: string;
}

/** Boxes 14 and 15: what customs saw leave, per block. */
export interface ExportEndorsement {
  quantities: number[];
  port: string;
  date: string;
  billOfLading?: string;
  by: string;
}

/** An issued permit or certificate. */
export interface PermitRecord {
  /**
   * The application's id for the first permit issued on it; `<application id>-R<n>` for its n-th
   * replacement. An application has one valid permit at a time.
   */
  id: string;
  /** The application it was issued on. */
  applicationId: string;
  number: string;
  party: string;
  documentType: DocumentType;
  status: PermitStatus;
  /** Box 11 per block: the quantities the permit authorises. */
  authorisedQuantities: number[];
  endorsement?: ExportEndorsement;
  /** Quantities the importing Party confirmed received, per block. */
  importConfirmation?: { quantities: number[]; by: string };
  cancellation?: { reason: string; by: string };
  validFrom: IsoDate;
  validUntil: IsoDate;
  issuedAt: Date;
  /** The standing non-detriment findings the permit relied on, if any. */
  nonDetrimentFindingIds: string[];
  /** On a replacement: the permit it replaces and why (Box 5). */
  replaces?: ReplacedPermit;
  /** On a replaced permit: the permit that replaced it. */
  replacedBy?: { permitId: string; number: string };
  /** Boxes 1 to 13 as issued, signed with the Party's key: a compact JWS (permits issued since signing). */
  signedPermit?: string;
  /** The unguessable token of its public verification URL (printed as the QR code). */
  verificationToken?: string;
}

/** The id of an application's n-th replacement permit. */
export function replacementPermitId(applicationId: string, replacement: number): string {
  return `${applicationId}-R${replacement}`;
}

// Permits issued before replacements existed have no applicationId of their own: their _id is it.
type PermitDocument = Omit<PermitRecord, 'id' | 'applicationId'> & { _id: string; applicationId?: string };
interface CounterDocument {
  _id: string;
  last: number;
}
/** Finds a permit from its verification token by `_id`, the one lookup every database does fast. */
interface VerificationDocument {
  _id: string;
  permitId: string;
}
interface SerialDocument {
  _id: string;
  applicationId: string;
}

const permitSchema = new Schema<PermitDocument>(
  {
    _id: { type: String, required: true },
    applicationId: { type: String },
    number: { type: String, required: true },
    party: { type: String, required: true },
    documentType: { type: String, required: true },
    status: { type: String, required: true },
    authorisedQuantities: { type: [Number], default: [] },
    endorsement: { type: Schema.Types.Mixed },
    importConfirmation: { type: Schema.Types.Mixed },
    cancellation: { type: Schema.Types.Mixed },
    validFrom: { type: String, required: true },
    validUntil: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    nonDetrimentFindingIds: { type: [String], default: [] },
    replaces: { type: Schema.Types.Mixed },
    replacedBy: { type: Schema.Types.Mixed },
    signedPermit: { type: String },
    verificationToken: { type: String },
  },
  { collection: 'permits', versionKey: false },
);
const verificationSchema = new Schema<VerificationDocument>(
  { _id: { type: String, required: true }, permitId: { type: String, required: true } },
  { collection: 'permitVerifications', versionKey: false },
);
const serialSchema = new Schema<SerialDocument>(
  { _id: { type: String, required: true }, applicationId: { type: String, required: true } },
  { collection: 'permitSerials', versionKey: false },
);
const counterSchema = new Schema<CounterDocument>(
  { _id: { type: String, required: true }, last: { type: Number, required: true } },
  { collection: 'permitCounters', versionKey: false },
);

/** Issued permits, and the per-Party, per-year serial their numbers come from. */
export class PermitRepository {
  private readonly permits: Model<PermitDocument>;
  private readonly counters: Model<CounterDocument>;
  private readonly serials: Model<SerialDocument>;
  private readonly verifications: Model<VerificationDocument>;

  constructor(connection: Connection) {
    this.permits =
      (connection.models.Permit as Model<PermitDocument>) ??
      connection.model<PermitDocument>('Permit', permitSchema);
    this.serials =
      (connection.models.PermitSerial as Model<SerialDocument>) ??
      connection.model<SerialDocument>('PermitSerial', serialSchema);
    this.counters =
      (connection.models.PermitCounter as Model<CounterDocument>) ??
      connection.model<CounterDocument>('PermitCounter', counterSchema);
    this.verifications =
      (connection.models.PermitVerification as Model<VerificationDocument>) ??
      connection.model<VerificationDocument>('PermitVerification', verificationSchema);
  }

  /**
   * The next serial for a Party and year, held by this application. Each serial is a document whose
   * _id is the serial itself, so two permits can never get the same one: the database refuses the
   * second insert, whatever else runs at the same moment (FerretDB's findAndModify is not atomic
   * under concurrency, so a plain `$inc` counter is not enough). The counter only says where to start.
   */
  async nextSerial(party: string, year: number, applicationId: string): Promise<number> {
    const key = `${party}-${year}`;
    const start = (await this.counters.findById(key).lean<CounterDocument>().exec())?.last ?? 0;
    for (let serial = start + 1; ; serial++) {
      try {
        await this.serials.create({ _id: `${key}-${serial}`, applicationId });
      } catch (error) {
        if ((error as { code?: number }).code === 11000) continue;
        throw error;
      }
      await this.counters.updateOne({ _id: key }, { $max: { last: serial } }, { upsert: true }).exec();
      return serial;
    }
  }

  /**
   * Stores the permit unless one with its id exists, and makes its verification token findable; the
   * stored one is returned either way (a retry after a crash completes what the first try began).
   */
  async createOnce(permit: PermitRecord): Promise<PermitRecord> {
    const { id, ...rest } = permit;
    let stored = permit;
    try {
      await this.permits.create({ _id: id, ...rest });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      stored = (await this.find(id))!;
    }
    if (stored.verificationToken) {
      await this.verifications
        .updateOne(
          { _id: stored.verificationToken },
          { $setOnInsert: { permitId: stored.id } },
          { upsert: true },
        )
        .exec();
    }
    return stored;
  }

  /** The permit with this number (numbers are unique within the Party). */
  async findByNumber(number: string): Promise<PermitRecord | undefined> {
    const found = await this.permits
      .findOne({ number: String(number) })
      .lean<PermitDocument>()
      .exec();
    return found ? this.find(found._id) : undefined;
  }

  /** The permit a verification token was printed on, if any. */
  async findByVerificationToken(token: string): Promise<PermitRecord | undefined> {
    const permitId = await this.permitIdOfVerificationToken(token);
    return permitId ? this.find(permitId) : undefined;
  }

  /** The id of the permit a verification token was printed on: once set, it never changes. */
  async permitIdOfVerificationToken(token: string): Promise<string | undefined> {
    const entry = await this.verifications.findById(String(token)).lean<VerificationDocument>().exec();
    return entry?.permitId;
  }

  /** Moves the permit on after issuance and keeps what moved it (endorsement, confirmation, cancellation, replacement). */
  async update(
    id: string,
    change: Pick<PermitRecord, 'status'> &
      Partial<Pick<PermitRecord, 'endorsement' | 'importConfirmation' | 'cancellation' | 'replacedBy'>>,
  ): Promise<void> {
    await this.permits.updateOne({ _id: id }, { $set: change }).exec();
  }

  async find(id: string): Promise<PermitRecord | undefined> {
    const found = await this.permits.findById(id).lean<PermitDocument>().exec();
    if (!found) return undefined;
    const { _id, applicationId, ...rest } = found;
    return { id: _id, applicationId: applicationId ?? _id, ...rest };
  }

  /** The application's permit as it stands now: the first one issued, or the last that replaced it. */
  async forApplication(applicationId: string): Promise<PermitRecord | undefined> {
    let permit = await this.find(applicationId);
    // Each replacement names the next; the chain is short (a lost permit is rarely lost twice).
    for (let hops = 0; permit?.replacedBy && hops < 100; hops++) {
      const next = await this.find(permit.replacedBy.permitId);
      if (!next) break;
      permit = next;
    }
    return permit;
  }

  /** Permits issued in the period, one at a time (a year's permits are never all held in memory). */
  async *issuedBetween(from: Date, to: Date): AsyncGenerator<PermitRecord> {
    const cursor = this.permits
      .find({ issuedAt: { $gte: from, $lt: to } })
      .lean<PermitDocument>()
      .cursor();
    for await (const { _id, applicationId, ...rest } of cursor)
      yield { id: _id, applicationId: applicationId ?? _id, ...rest };
  }
}
