import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentType, LocalizedText } from '../domain/codes/types';

/** Approve, refuse, or (the completeness check only) send back to the applicant for more information. */
export type DecisionOutcome = 'approve' | 'reject' | 'more-information';

/** An officer's decision on a step. */
export interface TaskDecision {
  outcome: DecisionOutcome;
  comment?: string;
  by: string;
  at: Date;
}

/** A human step of a permit lifecycle waiting for (or given) an officer's decision. */
export interface TaskRecord {
  /** `<applicationId>:<stepId>`: one task per step of an application. */
  id: string;
  applicationId: string;
  step: string;
  title: LocalizedText;
  /** The role that decides it. */
  actor: string;
  documentType: DocumentType;
  status: 'open' | 'done' | 'cancelled';
  openedAt: Date;
  dueAt: Date;
  decision?: TaskDecision;
}

type TaskDocument = Omit<TaskRecord, 'id'> & { _id: string };

const taskSchema = new Schema<TaskDocument>(
  {
    _id: { type: String, required: true },
    applicationId: { type: String, required: true },
    step: { type: String, required: true },
    title: { type: Schema.Types.Mixed, required: true },
    actor: { type: String, required: true },
    documentType: { type: String, required: true },
    status: { type: String, required: true },
    openedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    decision: { type: Schema.Types.Mixed },
  },
  { collection: 'tasks', versionKey: false, minimize: false },
);

/** A step asked again (after the applicant amended the application) is a new task: round 2, 3... */
export const taskIdOf = (applicationId: string, step: string, round = 1) =>
  round === 1 ? `${applicationId}:${step}` : `${applicationId}:${step}:${round}`;

/** The officers' task inbox, projected from the lifecycle workflows by idempotent activities. */
export class TaskRepository {
  private readonly model: Model<TaskDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.Task as Model<TaskDocument>) ?? connection.model<TaskDocument>('Task', taskSchema);
  }

  /** Opens the task once; a retried activity finds it there and changes nothing. */
  async open(task: Omit<TaskRecord, 'status' | 'decision'>): Promise<void> {
    const { id, ...rest } = task;
    await this.model
      .updateOne({ _id: id }, { $setOnInsert: { ...rest, status: 'open' } }, { upsert: true })
      .exec();
  }

  async close(id: string, decision: TaskDecision): Promise<void> {
    await this.model.updateOne({ _id: id, status: 'open' }, { $set: { status: 'done', decision } }).exec();
  }

  async cancel(id: string): Promise<void> {
    await this.model.updateOne({ _id: id, status: 'open' }, { $set: { status: 'cancelled' } }).exec();
  }

  async find(id: string): Promise<TaskRecord | undefined> {
    const found = await this.model.findById(id).lean<TaskDocument>().exec();
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { id: _id, ...rest };
  }

  /** Open tasks for any of these roles, oldest first. */
  async openFor(actors: readonly string[], limit: number): Promise<TaskRecord[]> {
    const found = await this.model
      .find({ status: 'open', actor: { $in: actors.map(String) } })
      .sort({ openedAt: 1, _id: 1 })
      .limit(limit)
      .lean<TaskDocument[]>()
      .exec();
    return found.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }
}
