import { Schema, type Connection, type Model } from 'mongoose';
import type { Taxon } from '../domain/species/taxon';

// The taxon id is the document's _id: FerretDB's SQLite backend finds documents quickly by _id only.
interface TaxonDocument {
  _id: string;
  scientificName: string;
  kingdom: string;
  taxon: Taxon;
  importedAt: Date;
}

interface ChecklistStateDocument {
  key: 'checklist';
  version: number;
  updatedAt: Date;
}

const taxonSchema = new Schema<TaxonDocument>(
  {
    _id: { type: String, required: true },
    scientificName: { type: String, required: true },
    kingdom: { type: String, required: true },
    taxon: { type: Schema.Types.Mixed, required: true },
    importedAt: { type: Date, required: true },
  },
  { collection: 'taxa', versionKey: false, minimize: false },
);

const checklistStateSchema = new Schema<ChecklistStateDocument>(
  {
    key: { type: String, required: true, unique: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'checklistState', versionKey: false },
);

/**
 * The species checklist. Every change bumps a version number, which API processes watch to
 * rebuild their in-memory name index.
 */
function documentOf(taxon: Taxon, importedAt: Date): TaxonDocument {
  return { _id: taxon.id, scientificName: taxon.scientificName, kingdom: taxon.kingdom, taxon, importedAt };
}

export class SpeciesRepository {
  private readonly taxa: Model<TaxonDocument>;
  private readonly state: Model<ChecklistStateDocument>;

  constructor(connection: Connection) {
    this.taxa =
      (connection.models.Taxon as Model<TaxonDocument>) ??
      connection.model<TaxonDocument>('Taxon', taxonSchema);
    this.state =
      (connection.models.ChecklistState as Model<ChecklistStateDocument>) ??
      connection.model<ChecklistStateDocument>('ChecklistState', checklistStateSchema);
  }

  /** Starts replacing the whole checklist (an Index of CITES Species import): the old one goes. */
  async clear(): Promise<void> {
    await this.taxa.deleteMany({}).exec();
  }

  /** Adds taxa to a checklist being replaced; insertMany is by far the fastest write on every backend. */
  async insert(taxa: readonly Taxon[], importedAt: Date): Promise<void> {
    if (taxa.length === 0) return;
    await this.taxa.insertMany(
      taxa.map((taxon) => documentOf(taxon, importedAt)),
      { ordered: false, lean: true },
    );
  }

  /** Inserts or replaces taxa one by one (a Species+ update of a few taxa). */
  async merge(taxa: readonly Taxon[], importedAt: Date): Promise<void> {
    for (const taxon of taxa) {
      const exists = await this.taxa.exists({ _id: { $eq: taxon.id } }).exec();
      if (exists)
        await this.taxa.replaceOne({ _id: { $eq: taxon.id } }, documentOf(taxon, importedAt)).exec();
      else await this.taxa.create(documentOf(taxon, importedAt));
    }
  }

  async count(): Promise<number> {
    return this.taxa.estimatedDocumentCount().exec();
  }

  async find(taxonId: string): Promise<Taxon | undefined> {
    const found = await this.taxa
      .findOne({ taxonId: { $eq: taxonId } })
      .lean<TaxonDocument>()
      .exec();
    return found?.taxon;
  }

  /** Every taxon, streamed. */
  async *all(): AsyncGenerator<Taxon> {
    const cursor = this.taxa.find({}, { taxon: 1 }).lean<TaxonDocument>().cursor({ batchSize: 2_000 });
    try {
      for await (const document of cursor) yield (document as TaxonDocument).taxon;
    } finally {
      await cursor.close();
    }
  }

  async version(): Promise<number> {
    const found = await this.state.findOne({ key: 'checklist' }).lean<ChecklistStateDocument>().exec();
    return found?.version ?? 0;
  }

  async bumpVersion(now: Date): Promise<number> {
    const updated = await this.state
      .findOneAndUpdate(
        { key: 'checklist' },
        { $inc: { version: 1 }, $set: { updatedAt: now } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<ChecklistStateDocument>()
      .exec();
    return updated!.version;
  }
}
