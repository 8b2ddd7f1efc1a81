import { Schema, type Connection, type Model } from 'mongoose';
import type { IsoDate } from '../domain/codes/types';

/** What a standing finding covers; a list left out covers every value. */
export interface FindingScope {
  scientificName: string;
  /** Importing countries (ISO 3166-1 alpha-2). */
  countries?: string[];
  sources?: string[];
  terms?: string[];
  purposes?: string[];
}

/**
 * A non-detriment finding signed by a Scientific Authority officer in advance, for a species and
 * the trade described by its scope, for a period: an application it covers needs no new finding.
 */
export interface NonDetrimentFindingRecord {
  id: string;
  party: string;
  decision: 'positive' | 'negative';
  scope: FindingScope;
  /** Conditions the export must meet (a positive finding) or the reasons (a negative one). */
  conditions?: string;
  validFrom: IsoDate;
  validUntil: IsoDate;
  evidence: string[];
  signedBy: string;
  signedAt: Date;
}

type FindingDocument = Omit<NonDetrimentFindingRecord, 'id'> & { _id: string };

const findingSchema = new Schema<FindingDocument>(
  {
    _id: { type: String, required: true },
    party: { type: String, required: true },
    decision: { type: String, required: true },
    scope: { type: Schema.Types.Mixed, required: true },
    conditions: { type: String },
    validFrom: { type: String, required: true },
    validUntil: { type: String, required: true },
    evidence: { type: [String], default: [] },
    signedBy: { type: String, required: true },
    signedAt: { type: Date, required: true },
  },
  { collection: 'nonDetrimentFindings', versionKey: false, minimize: false },
);

/** Standing non-detriment findings; a Party has tens to hundreds, so they are read whole. */
export class NonDetrimentFindingRepository {
  private readonly model: Model<FindingDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.NonDetrimentFinding as Model<FindingDocument>) ??
      connection.model<FindingDocument>('NonDetrimentFinding', findingSchema);
  }

  async create(finding: NonDetrimentFindingRecord): Promise<void> {
    const { id, ...rest } = finding;
    await this.model.create({ _id: id, ...rest });
  }

  /** Every finding still valid on the date, newest first. */
  async validOn(date: IsoDate): Promise<NonDetrimentFindingRecord[]> {
    const found = await this.model
      .find({ validFrom: { $lte: date }, validUntil: { $gte: date } })
      .sort({ signedAt: -1 })
      .lean<FindingDocument[]>()
      .exec();
    return found.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }

  async list(limit: number): Promise<NonDetrimentFindingRecord[]> {
    const found = await this.model
      .find()
      .sort({ signedAt: -1 })
      .limit(limit)
      .lean<FindingDocument[]>()
      .exec();
    return found.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }
}
