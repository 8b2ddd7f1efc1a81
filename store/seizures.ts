import { Schema, type Connection, type Model } from 'mongoose';
import type { Seizure, SeizureFollowUp } from '../domain/illegal-trade/seizures';

type SeizureDocument = Omit<Seizure, 'id'> & { _id: string };

const seizureSchema = new Schema<SeizureDocument>(
  {
    _id: { type: String, required: true },
    party: { type: String, required: true },
    date: { type: String, required: true },
    reference: { type: String },
    scientificName: { type: String, required: true },
    appendix: { type: String },
    term: { type: String, required: true },
    description: { type: String },
    quantity: { type: Number, required: true },
    unit: { type: String, default: undefined },
    countryOfOrigin: { type: String },
    countryOfExport: { type: String },
    countriesOfTransit: { type: [String], default: undefined },
    countryOfDestination: { type: String },
    location: { type: String, required: true },
    detectionMethod: { type: String },
    transportMode: { type: String },
    concealment: { type: String },
    detectedBy: { type: String, required: true },
    offenderNationalities: { type: [String], default: undefined },
    legalAction: { type: String },
    disposal: { type: String },
    notes: { type: String },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    updatedAt: { type: Date },
  },
  { collection: 'seizures', versionKey: false },
);

const yearFilter = (year: number) => ({ date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } });

function seizureOf({ _id, ...rest }: SeizureDocument): Seizure {
  return { id: _id, ...rest };
}

/** Seizures of specimens in illegal trade, for the annual illegal trade report. The id is the _id. */
export class SeizureRepository {
  private readonly model: Model<SeizureDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.Seizure as Model<SeizureDocument>) ??
      connection.model<SeizureDocument>('Seizure', seizureSchema);
  }

  async create(seizure: Seizure): Promise<void> {
    const { id, ...rest } = seizure;
    await this.model.create({ _id: id, ...rest });
  }

  async find(id: string): Promise<Seizure | undefined> {
    const found = await this.model.findById(String(id)).lean<SeizureDocument>().exec();
    return found ? seizureOf(found) : undefined;
  }

  /** Records the follow-up; the fields given replace the ones stored. */
  async followUp(id: string, change: SeizureFollowUp, at: Date): Promise<void> {
    await this.model.updateOne({ _id: String(id) }, { $set: { ...change, updatedAt: at } }).exec();
  }

  /** The seizures of a year, newest first, at most `limit`. */
  async inYear(year: number, limit: number): Promise<Seizure[]> {
    const found = await this.model
      .find(yearFilter(year))
      .sort({ date: -1, _id: 1 })
      .limit(limit)
      .lean<SeizureDocument[]>()
      .exec();
    return found.map(seizureOf);
  }

  /** The seizures of a year, streamed in the order the database keeps them (the report sorts nothing). */
  ofYear(year: number): AsyncIterable<Seizure> {
    const cursor = this.model.find(yearFilter(year)).lean<SeizureDocument>().cursor({ batchSize: 500 });
    return {
      async *[Symbol.asyncIterator]() {
        try {
          for await (const document of cursor) yield seizureOf(document as SeizureDocument);
        } finally {
          await cursor.close();
        }
      },
    };
  }
}
