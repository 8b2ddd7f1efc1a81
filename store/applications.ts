import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentType } from '../domain/codes/types';

export interface TimelineEntry {
  at: Date;
  event: string;
  by: string | null;
  note?: string;
}

export interface ApplicationRecord {
  id: string;
  party: string;
  applicantId: string;
  documentType: DocumentType;
  formId: string;
  formVersionId: string;
  data: Record<string, unknown>;
  status: 'submitted';
  timeline: TimelineEntry[];
  submittedAt: Date;
}

type ApplicationDocument = Omit<ApplicationRecord, 'id'> & { _id: string };

const applicationSchema = new Schema<ApplicationDocument>(
  {
    _id: { type: String, required: true },
    party: { type: String, required: true },
    applicantId: { type: String, required: true, index: true },
    documentType: { type: String, required: true },
    formId: { type: String, required: true },
    formVersionId: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    timeline: { type: Schema.Types.Mixed, required: true },
    submittedAt: { type: Date, required: true },
  },
  { collection: 'applications', versionKey: false, minimize: false },
);

/** Applications, keyed by their id (the Party code and a random part). */
export class ApplicationRepository {
  private readonly model: Model<ApplicationDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.Application as Model<ApplicationDocument>) ??
      connection.model<ApplicationDocument>('Application', applicationSchema);
  }

  async create(application: ApplicationRecord): Promise<void> {
    const { id, ...rest } = application;
    await this.model.create({ _id: id, ...rest });
  }

  async find(id: string): Promise<ApplicationRecord | undefined> {
    const found = await this.model.findById(id).lean<ApplicationDocument>().exec();
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { id: _id, ...rest };
  }
}
