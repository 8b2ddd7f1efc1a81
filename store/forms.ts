import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentType } from '../domain/codes/types';

import type { FormContent } from '../forms/form-content';

export type { FormContent };

export interface FormDraft extends FormContent {
  updatedBy: string;
  updatedAt: Date;
}

export interface FormRecord {
  id: string;
  documentType: DocumentType;
  draft: FormDraft | null;
  latestVersion: number;
  createdAt: Date;
}

/** An immutable published version; applications keep pointing at the one they were filed under. */
export interface FormVersionRecord extends FormContent {
  versionId: string;
  formId: string;
  version: number;
  draftAuthor: string;
  publishedBy: string;
  publishedAt: Date;
}

type FormDocument = Omit<FormRecord, 'id'> & { _id: string };
type FormVersionDocument = Omit<FormVersionRecord, 'versionId'> & { _id: string };

const formSchema = new Schema<FormDocument>(
  {
    _id: { type: String, required: true },
    documentType: { type: String, required: true },
    draft: { type: Schema.Types.Mixed, default: null },
    latestVersion: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'forms', versionKey: false, minimize: false },
);

const formVersionSchema = new Schema<FormVersionDocument>(
  {
    _id: { type: String, required: true },
    formId: { type: String, required: true },
    version: { type: Number, required: true },
    schema: { type: Schema.Types.Mixed, required: true },
    uiSchema: { type: Schema.Types.Mixed, required: true },
    translations: { type: Schema.Types.Mixed, required: true },
    draftAuthor: { type: String, required: true },
    publishedBy: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'formVersions', versionKey: false, minimize: false },
);

export const formVersionId = (formId: string, version: number) => `${formId}@${version}`;

/** National forms: one draft each, and numbered versions that are written once and never changed. */
export class FormRepository {
  private readonly forms: Model<FormDocument>;
  private readonly versions: Model<FormVersionDocument>;

  constructor(connection: Connection) {
    this.forms =
      (connection.models.Form as Model<FormDocument>) ?? connection.model<FormDocument>('Form', formSchema);
    this.versions =
      (connection.models.FormVersion as Model<FormVersionDocument>) ??
      connection.model<FormVersionDocument>('FormVersion', formVersionSchema);
  }

  async list(): Promise<FormRecord[]> {
    const found = await this.forms.find().lean<FormDocument[]>().exec();
    return found.map(formOf).sort((a, b) => a.id.localeCompare(b.id));
  }

  async find(formId: string): Promise<FormRecord | undefined> {
    const found = await this.forms.findById(formId).lean<FormDocument>().exec();
    return found ? formOf(found) : undefined;
  }

  /** Creates the form with its first draft, or replaces the draft of an existing one. */
  async saveDraft(
    formId: string,
    documentType: DocumentType,
    draft: FormDraft,
    now: Date,
  ): Promise<FormRecord> {
    const saved = await this.forms
      .findOneAndUpdate(
        { _id: formId },
        { $set: { draft }, $setOnInsert: { documentType, latestVersion: 0, createdAt: now } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<FormDocument>()
      .exec();
    return formOf(saved!);
  }

  /**
   * Freezes the draft as the next version. The version's _id (form@N) makes two publishers racing
   * for the same number collide; the loser is told (undefined). The draft is cleared only if it is
   * still the one that was published.
   */
  async publish(form: FormRecord, publishedBy: string, now: Date): Promise<FormVersionRecord | undefined> {
    const draft = form.draft!;
    const published = await this.appendVersion(form, draft, draft.updatedBy, publishedBy, now);
    if (published) {
      await this.forms
        .updateOne({ _id: form.id, 'draft.updatedAt': draft.updatedAt }, { $set: { draft: null } })
        .exec();
    }
    return published;
  }

  /** Publishes an earlier version's content again as the next version; a pending draft stays. */
  async republish(
    form: FormRecord,
    earlier: FormVersionRecord,
    publishedBy: string,
    now: Date,
  ): Promise<FormVersionRecord | undefined> {
    return this.appendVersion(form, earlier, earlier.draftAuthor, publishedBy, now);
  }

  private async appendVersion(
    form: FormRecord,
    content: FormContent,
    draftAuthor: string,
    publishedBy: string,
    now: Date,
  ): Promise<FormVersionRecord | undefined> {
    const version = form.latestVersion + 1;
    const record: FormVersionRecord = {
      versionId: formVersionId(form.id, version),
      formId: form.id,
      version,
      schema: content.schema,
      uiSchema: content.uiSchema,
      translations: content.translations,
      draftAuthor,
      publishedBy,
      publishedAt: now,
    };
    try {
      const { versionId, ...rest } = record;
      await this.versions.create({ _id: versionId, ...rest });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return undefined;
      throw error;
    }
    await this.forms
      .updateOne({ _id: form.id, latestVersion: { $lt: version } }, { $set: { latestVersion: version } })
      .exec();
    return record;
  }

  async findVersion(formId: string, version: number): Promise<FormVersionRecord | undefined> {
    const found = await this.versions
      .findById(formVersionId(formId, version))
      .lean<FormVersionDocument>()
      .exec();
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { versionId: _id, ...rest };
  }
}

function formOf(document: FormDocument): FormRecord {
  const { _id, ...rest } = document;
  return { id: _id, ...rest };
}
