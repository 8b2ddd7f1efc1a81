import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentType } from '../domain/codes/types';
import type { ProcedureOutcome } from '../forms/procedures/definition';

export interface TimelineEntry {
  at: Date;
  event: string;
  by: string | null;
  note?: string;
  /** The step it concerns, for task events. */
  step?: string;
  /** Set by the lifecycle's activities, so a retried one does not add the entry twice. */
  eventId?: string;
}

/** Where an application stands; the lifecycle workflow moves it and projects it here. */
export type ApplicationStatus =
  | 'submitted'
  | 'under-review'
  | 'more-information-requested'
  | 'rejected'
  | 'withdrawn'
  | 'issued'
  | 'endorsed'
  | 'used'
  | 'expired'
  | 'cancelled';

export interface ApplicationRecord {
  id: string;
  party: string;
  applicantId: string;
  documentType: DocumentType;
  formId: string;
  formVersionId: string;
  data: Record<string, unknown>;
  /** The procedure version that decided the case at intake, null where the Party has none. */
  procedureVersionId: string | null;
  /** What the rules decided at intake: steps, fee, routing, evidence, with the matched rows. */
  procedure: ProcedureOutcome;
  status: ApplicationStatus;
  timeline: TimelineEntry[];
  submittedAt: Date;
  /** The permit issued on it as it stands now (a replacement's id once replaced). */
  permitId?: string;
}

export type ApplicationWithoutTimeline = Omit<ApplicationRecord, 'timeline'>;

/** What a list of applications shows: no form data, no outcome. */
export type ApplicationSummary = Pick<
  ApplicationRecord,
  'id' | 'documentType' | 'status' | 'formVersionId' | 'submittedAt' | 'applicantId'
>;

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
    procedureVersionId: { type: String, default: null },
    procedure: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    timeline: { type: Schema.Types.Mixed, required: true },
    submittedAt: { type: Date, required: true },
    permitId: { type: String },
  },
  { collection: 'applications', versionKey: false, minimize: false },
);

/** Applications, keyed by their id (the Party code and a random part). */
const timelineEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    event: { type: String, required: true },
    by: { type: String, default: null },
    eventId: { type: String },
    step: { type: String },
    note: { type: String },
  },
  { collection: 'applicationEvents', versionKey: false },
);

export class ApplicationRepository {
  private readonly model: Model<ApplicationDocument>;
  private readonly events: Model<TimelineEntry & { _id: string }>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.Application as Model<ApplicationDocument>) ??
      connection.model<ApplicationDocument>('Application', applicationSchema);
    this.events =
      (connection.models.ApplicationEvent as Model<TimelineEntry & { _id: string }>) ??
      connection.model<TimelineEntry & { _id: string }>('ApplicationEvent', timelineEntrySchema);
  }

  async create(application: ApplicationRecord): Promise<void> {
    const { id, ...rest } = application;
    await this.model.create({ _id: id, ...rest });
  }

  /** Stores the application unless one with its id is there already; answers the one stored. */
  async createOnce(application: ApplicationRecord): Promise<ApplicationRecord> {
    try {
      await this.create(application);
      return application;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return (await this.find(application.id)) ?? application;
    }
  }

  /** Newest first, optionally one applicant's only, a page at a time (before = submittedAt of the last seen). */
  async list(filter: { applicantId?: string; before?: Date; limit: number }): Promise<ApplicationSummary[]> {
    const query: Record<string, unknown> = {};
    if (filter.applicantId !== undefined) query.applicantId = String(filter.applicantId);
    if (filter.before !== undefined) query.submittedAt = { $lt: filter.before };
    const found = await this.model
      .find(query, { documentType: 1, status: 1, formVersionId: 1, submittedAt: 1, applicantId: 1 })
      .sort({ submittedAt: -1, _id: -1 })
      .limit(filter.limit)
      .lean<ApplicationDocument[]>()
      .exec();
    return found.map((document) => ({
      id: document._id,
      documentType: document.documentType,
      status: document.status,
      formVersionId: document.formVersionId,
      submittedAt: document.submittedAt,
      applicantId: document.applicantId,
    }));
  }

  /** The applicant's amended data, answering a request for more information, and what the procedure now decides. */
  async replaceData(id: string, data: Record<string, unknown>, procedure: ProcedureOutcome): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { data, procedure } }).exec();
  }

  /**
   * Adds a timeline entry (once per eventId) and moves the status when one is given. Each entry is
   * a document of its own, keyed `<application>|<eventId>`: findings decided in parallel write
   * their entries at the same moment, and a `$push` onto one array loses some of them on
   * databases that update a document by reading and rewriting it (FerretDB v1 does).
   */
  async recordEvent(id: string, entry: TimelineEntry & { eventId: string }, status?: ApplicationStatus) {
    try {
      await this.events.create({ _id: `${id}|${entry.eventId}`, ...entry });
    } catch (error) {
      // The same activity retried after a crash: its entry is there already.
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    if (status) await this.model.updateOne({ _id: id }, { $set: { status } }).exec();
  }

  /** The permit issued on the application, or the one that replaced it. */
  async setPermit(id: string, permitId: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { permitId } }).exec();
  }

  /**
   * The application as its processing needs it, without the timeline: one read by _id. Reading the
   * entries is a range of _id, which FerretDB on SQLite answers by scanning every application's
   * entries, so the lifecycle's activities, which never need them, leave them.
   */
  async findWithoutTimeline(id: string): Promise<ApplicationWithoutTimeline | undefined> {
    const found = await this.model
      .findById(String(id), { timeline: 0 })
      .lean<Omit<ApplicationDocument, 'timeline'>>()
      .exec();
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { id: _id, ...rest };
  }

  async find(id: string): Promise<ApplicationRecord | undefined> {
    const found = await this.model.findById(String(id)).lean<ApplicationDocument>().exec();
    if (!found) return undefined;
    const { _id, timeline, ...rest } = found;
    // The entries' keys start with the application's id: a range of _id, read in key order.
    const recorded = await this.events
      .find({ _id: { $gte: `${_id}|`, $lt: `${_id}|\uffff` } })
      .lean<(TimelineEntry & { _id: string })[]>()
      .exec();
    const entries = recorded.map(({ _id: _key, ...entry }) => entry);
    return {
      id: _id,
      ...rest,
      // Entries written into the document itself (the submission, and those of earlier versions) come first on ties.
      timeline: [...timeline, ...entries].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime()),
    };
  }

  /** When each application submitted in the period was filed and where it stands now, one at a time. */
  async *submittedBetween(
    from: Date,
    to: Date,
  ): AsyncGenerator<{ submittedAt: Date; status: ApplicationStatus }> {
    const cursor = this.model
      .find({ submittedAt: { $gte: from, $lt: to } }, { submittedAt: 1, status: 1 })
      .lean<{ submittedAt: Date; status: ApplicationStatus }>()
      .cursor();
    for await (const found of cursor) yield { submittedAt: found.submittedAt, status: found.status };
  }
}
