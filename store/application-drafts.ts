import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentType } from '../domain/codes/types';

/** What an applicant saves while filling in a form; only submitting it makes an application. */
export interface ApplicationDraftContent {
  documentType: DocumentType;
  formVersionId?: string;
  data: Record<string, unknown>;
}

export interface ApplicationDraftRecord extends ApplicationDraftContent {
  id: string;
  ownerId: string;
  createdAt: Date;
  updatedAt: Date;
}

type ApplicationDraftDocument = Omit<ApplicationDraftRecord, 'id'> & { _id: string };

const applicationDraftSchema = new Schema<ApplicationDraftDocument>(
  {
    _id: { type: String, required: true },
    ownerId: { type: String, required: true, index: true },
    documentType: { type: String, required: true },
    formVersionId: { type: String, required: false },
    data: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'applicationDrafts', versionKey: false, minimize: false },
);

/**
 * Unfinished applications, keyed by their random id. Every read and write names the owner too, so
 * that a draft id alone never reaches someone else's draft.
 */
export class ApplicationDraftRepository {
  private readonly model: Model<ApplicationDraftDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.ApplicationDraft as Model<ApplicationDraftDocument>) ??
      connection.model<ApplicationDraftDocument>('ApplicationDraft', applicationDraftSchema);
  }

  async create(draft: ApplicationDraftRecord): Promise<void> {
    const { id, ...rest } = draft;
    await this.model.create({ _id: id, ...rest });
  }

  async findOwned(ownerId: string, id: string): Promise<ApplicationDraftRecord | undefined> {
    const found = await this.model.findById(id).lean<ApplicationDraftDocument>().exec();
    return found && found.ownerId === ownerId ? draftOf(found) : undefined;
  }

  /** The owner's drafts, the one changed last first. */
  async listOwned(ownerId: string): Promise<ApplicationDraftRecord[]> {
    const found = await this.model
      .find({ ownerId: { $eq: ownerId } })
      .lean<ApplicationDraftDocument[]>()
      .exec();
    return found.map(draftOf).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  }

  /** Replaces the content of the owner's draft; undefined when there is no such draft of theirs. */
  async replaceOwned(
    ownerId: string,
    id: string,
    content: ApplicationDraftContent,
    updatedAt: Date,
  ): Promise<ApplicationDraftRecord | undefined> {
    const { formVersionId, ...always } = content;
    const saved = await this.model
      .findOneAndUpdate(
        { _id: { $eq: id }, ownerId: { $eq: ownerId } },
        {
          $set: { ...always, ...(formVersionId !== undefined ? { formVersionId } : {}), updatedAt },
          ...(formVersionId === undefined ? { $unset: { formVersionId: 1 } } : {}),
        },
        { returnDocument: 'after' },
      )
      .lean<ApplicationDraftDocument>()
      .exec();
    return saved ? draftOf(saved) : undefined;
  }

  /** Whether the owner's draft existed (and is now gone). */
  async deleteOwned(ownerId: string, id: string): Promise<boolean> {
    const { deletedCount } = await this.model
      .deleteOne({ _id: { $eq: id }, ownerId: { $eq: ownerId } })
      .exec();
    return deletedCount === 1;
  }
}

function draftOf(document: ApplicationDraftDocument): ApplicationDraftRecord {
  const { _id, ...rest } = document;
  return { id: _id, ...rest };
}
