import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentType } from '../domain/codes/types';

/** The draft being edited, with who saved it last: that person may not publish it. */
export type Draft<Content> = Content & { updatedBy: string; updatedAt: Date };

export interface VersionedRecord<Content> {
  id: string;
  documentType: DocumentType;
  draft: Draft<Content> | null;
  latestVersion: number;
  createdAt: Date;
}

/** An immutable published version; what was filed under it keeps pointing at it. */
export type PublishedVersion<Content> = Content & {
  versionId: string;
  /** The id of the form or procedure the version belongs to. */
  ownerId: string;
  version: number;
  draftAuthor: string;
  publishedBy: string;
  publishedAt: Date;
};

export interface VersionedCollections {
  model: string;
  collection: string;
  versionModel: string;
  versionCollection: string;
  /** The top-level fields of the content, stored as they are. */
  contentFields: readonly string[];
  /** The field naming the owner in stored versions (`formId` for forms). */
  ownerField: string;
  /**
   * Content fields kept as JSON text: FerretDB cannot store arrays directly inside arrays, which
   * JSON Logic rules are full of (`{"in": [x, ["C", "D"]]}`).
   */
  textFields?: readonly string[];
}

/** As stored; the draft's content is whatever the designer saved, typed again when read. */
interface RecordDocument {
  _id: string;
  documentType: DocumentType;
  draft: Record<string, unknown> | null;
  latestVersion: number;
  createdAt: Date;
}
type VersionDocument = Record<string, unknown> & { _id: string };

/** Published versions each process keeps in memory; a Party has a handful of forms with few versions each. */
const KEPT_VERSIONS = 500;

/** Shared cached versions must not be changed by whoever reads them. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

export const versionIdOf = (id: string, version: number) => `${id}@${version}`;

/**
 * Documents that are drafted and then published as numbered versions that never change: national
 * forms and procedures. One draft each; the version's _id (`id@N`) makes two publishers racing for
 * the same number collide, and the loser is told.
 */
export class VersionedDocuments<Content extends object> {
  private readonly records: Model<RecordDocument>;
  private readonly versions: Model<VersionDocument>;
  private readonly publishedVersions = new Map<string, PublishedVersion<Content>>();

  constructor(
    connection: Connection,
    private readonly names: VersionedCollections,
  ) {
    const recordSchema = new Schema<RecordDocument>(
      {
        _id: { type: String, required: true },
        documentType: { type: String, required: true },
        draft: { type: Schema.Types.Mixed, default: null },
        latestVersion: { type: Number, required: true },
        createdAt: { type: Date, required: true },
      },
      { collection: names.collection, versionKey: false, minimize: false },
    );
    const versionSchema = new Schema<VersionDocument>(
      {
        _id: { type: String, required: true },
        [names.ownerField]: { type: String, required: true },
        version: { type: Number, required: true },
        ...Object.fromEntries(
          names.contentFields.map((field) => [field, { type: Schema.Types.Mixed, required: true }]),
        ),
        draftAuthor: { type: String, required: true },
        publishedBy: { type: String, required: true },
        publishedAt: { type: Date, required: true },
      },
      { collection: names.versionCollection, versionKey: false, minimize: false },
    );
    this.records =
      (connection.models[names.model] as Model<RecordDocument>) ??
      connection.model<RecordDocument>(names.model, recordSchema);
    this.versions =
      (connection.models[names.versionModel] as Model<VersionDocument>) ??
      connection.model<VersionDocument>(names.versionModel, versionSchema);
  }

  async list(): Promise<VersionedRecord<Content>[]> {
    const found = await this.records.find().lean<RecordDocument[]>().exec();
    return found.map((document) => this.recordOf(document)).sort((a, b) => a.id.localeCompare(b.id));
  }

  async find(id: string): Promise<VersionedRecord<Content> | undefined> {
    const found = await this.records.findById(id).lean<RecordDocument>().exec();
    return found ? this.recordOf(found) : undefined;
  }

  /** Creates the document with its first draft, or replaces the draft of an existing one. */
  async saveDraft(
    id: string,
    documentType: DocumentType,
    draft: Draft<Content>,
    now: Date,
  ): Promise<VersionedRecord<Content>> {
    const saved = await this.records
      .findOneAndUpdate(
        { _id: id },
        {
          $set: { draft: this.toStored(draft as Record<string, unknown>) },
          $setOnInsert: { documentType, latestVersion: 0, createdAt: now },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<RecordDocument>()
      .exec();
    return this.recordOf(saved!);
  }

  /**
   * Freezes the draft as the next version; undefined when someone else published that number
   * first. The draft is cleared only if it is still the one that was published.
   */
  async publish(
    record: VersionedRecord<Content>,
    publishedBy: string,
    now: Date,
  ): Promise<PublishedVersion<Content> | undefined> {
    const draft = record.draft!;
    const published = await this.appendVersion(record, draft, draft.updatedBy, publishedBy, now);
    if (published) {
      await this.records
        .updateOne({ _id: record.id, 'draft.updatedAt': draft.updatedAt }, { $set: { draft: null } })
        .exec();
    }
    return published;
  }

  /** Publishes an earlier version's content again as the next version; a pending draft stays. */
  async republish(
    record: VersionedRecord<Content>,
    earlier: PublishedVersion<Content>,
    publishedBy: string,
    now: Date,
  ): Promise<PublishedVersion<Content> | undefined> {
    return this.appendVersion(record, earlier, earlier.draftAuthor, publishedBy, now);
  }

  /**
   * A published version. Versions never change, so each process keeps the ones it has read: intake
   * then finds the same schema object every time and its compiled validator with it.
   */
  async findVersion(id: string, version: number): Promise<PublishedVersion<Content> | undefined> {
    const versionId = versionIdOf(id, version);
    const known = this.publishedVersions.get(versionId);
    if (known) return known;
    const found = await this.versions.findById(versionId).lean<VersionDocument>().exec();
    if (!found) return undefined;
    const { _id, [this.names.ownerField]: ownerId, ...rest } = this.fromStored(found);
    const published = deepFreeze({
      ...(rest as object),
      versionId: _id,
      ownerId,
    }) as PublishedVersion<Content>;
    if (this.publishedVersions.size >= KEPT_VERSIONS) {
      this.publishedVersions.delete(this.publishedVersions.keys().next().value!);
    }
    this.publishedVersions.set(versionId, published);
    return published;
  }

  /** The newest published version of a form or procedure, if it has one. */
  async latestVersion(record: VersionedRecord<Content>): Promise<PublishedVersion<Content> | undefined> {
    return record.latestVersion > 0 ? this.findVersion(record.id, record.latestVersion) : undefined;
  }

  /** The content fields alone, as designers edit them. */
  contentOf(source: Content): Content {
    const fields = source as Record<string, unknown>;
    return Object.fromEntries(this.names.contentFields.map((field) => [field, fields[field]])) as Content;
  }

  private toStored<Stored extends Record<string, unknown>>(content: Stored): Stored {
    const copy: Record<string, unknown> = { ...content };
    for (const field of this.names.textFields ?? []) copy[field] = JSON.stringify(copy[field]);
    return copy as Stored;
  }

  private fromStored<Stored extends Record<string, unknown>>(stored: Stored): Stored {
    const copy: Record<string, unknown> = { ...stored };
    for (const field of this.names.textFields ?? []) {
      if (typeof copy[field] === 'string') copy[field] = JSON.parse(copy[field]);
    }
    return copy as Stored;
  }

  private recordOf(document: RecordDocument): VersionedRecord<Content> {
    const { _id, draft, ...rest } = document;
    return { id: _id, draft: (draft && this.fromStored(draft)) as Draft<Content> | null, ...rest };
  }

  private async appendVersion(
    record: VersionedRecord<Content>,
    content: Content,
    draftAuthor: string,
    publishedBy: string,
    now: Date,
  ): Promise<PublishedVersion<Content> | undefined> {
    const version = record.latestVersion + 1;
    const versionId = versionIdOf(record.id, version);
    const frozen = { version, ...this.contentOf(content), draftAuthor, publishedBy, publishedAt: now };
    try {
      await this.versions.create({
        _id: versionId,
        [this.names.ownerField]: record.id,
        ...this.toStored(frozen),
      });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return undefined;
      throw error;
    }
    await this.records
      .updateOne({ _id: record.id, latestVersion: { $lt: version } }, { $set: { latestVersion: version } })
      .exec();
    return { ...frozen, versionId, ownerId: record.id } as PublishedVersion<Content>;
  }
}
