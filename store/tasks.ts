import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentType, LocalizedText } from '../domain/codes/types';

/** Approve, refuse, or (the completeness check only) send back to the applicant for more information. */
export type DecisionOutcome = 'approve' | 'reject' | 'more-information';

/** A file the officer attached to a decision: an upload of their own, by its id. */
export interface DecisionAttachment {
  fileId: string;
  name?: string;
}

/** An officer's decision on a step. */
export interface TaskDecision {
  outcome: DecisionOutcome;
  comment?: string;
  attachments?: DecisionAttachment[];
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
  /** The officer (by e-mail) who claimed it or was given it; others leave it to them. */
  assignedTo?: string;
  /** When its deadline passed and it went to a supervisor. */
  escalatedAt?: Date;
  /** The supervisor (e-mail) or, where none is configured, the role it was escalated to. */
  escalatedTo?: string;
  /** The workflow the decision goes to, when not the application's lifecycle (the NDF's own). */
  workflowId?: string;
}

/** Which open tasks an officer wants to see, a page at a time (oldest first). */
export interface TaskFilter {
  /** The roles whose tasks are shown. */
  actors: readonly string[];
  step?: string;
  documentType?: string;
  /** An officer's e-mail: their tasks; null: nobody's yet. */
  assignedTo?: string | null;
  /** Only tasks whose deadline passed before this moment. */
  dueBefore?: Date;
  escalatedOnly?: boolean;
  /** The page after the task opened at this moment (the last one of the previous page). */
  openedAfter?: Date;
  /** With `openedAfter`, that last task's id: tasks opened in the same millisecond are not skipped. */
  afterId?: string;
  applicationId?: string;
  limit: number;
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
    assignedTo: { type: String },
    escalatedAt: { type: Date },
    escalatedTo: { type: String },
    workflowId: { type: String },
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

  /** Records the decision on the open task; a retried activity finds it decided and leaves it. */
  async close(id: string, decision: TaskDecision): Promise<void> {
    await this.changeOpen(id, { status: 'done', decision });
  }

  async cancel(id: string): Promise<void> {
    await this.changeOpen(id, { status: 'cancelled' });
  }

  /**
   * Only the task's own lifecycle closes or cancels it, one step after another. FerretDB on SQLite
   * finds the document of an update quickly only when the filter is its _id alone (with the status
   * too, it reads every task ever opened), so whether it is still open is read first.
   */
  private async changeOpen(id: string, change: Partial<TaskDocument>): Promise<void> {
    const task = await this.model.findById(id, { status: 1 }).lean<Pick<TaskDocument, 'status'>>().exec();
    if (task?.status !== 'open') return;
    await this.model.updateOne({ _id: id }, { $set: change }).exec();
  }

  async find(id: string): Promise<TaskRecord | undefined> {
    const found = await this.model.findById(id).lean<TaskDocument>().exec();
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { id: _id, ...rest };
  }

  /** Open tasks matching the filter, oldest first. */
  async search(filter: TaskFilter): Promise<TaskRecord[]> {
    const query: Record<string, unknown> = { status: 'open', actor: { $in: filter.actors.map(String) } };
    if (filter.step !== undefined) query.step = String(filter.step);
    if (filter.documentType !== undefined) query.documentType = String(filter.documentType);
    if (filter.assignedTo === null) query.assignedTo = { $exists: false };
    else if (filter.assignedTo !== undefined) query.assignedTo = String(filter.assignedTo);
    if (filter.dueBefore) query.dueAt = { $lt: filter.dueBefore };
    if (filter.escalatedOnly) query.escalatedAt = { $exists: true };
    if (filter.applicationId !== undefined) query.applicationId = String(filter.applicationId);
    if (filter.openedAfter && filter.afterId !== undefined) {
      query.$or = [
        { openedAt: { $gt: filter.openedAfter } },
        { openedAt: filter.openedAfter, _id: { $gt: String(filter.afterId) } },
      ];
    } else if (filter.openedAfter) query.openedAt = { $gt: filter.openedAfter };
    const found = await this.model
      .find(query)
      .sort({ openedAt: 1, _id: 1 })
      .limit(filter.limit)
      .lean<TaskDocument[]>()
      .exec();
    return found.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }

  /**
   * Gives the open task to an officer. With `onlyIfFree`, only when nobody has it yet (a claim):
   * false when someone else was first.
   */
  async assign(id: string, officerEmail: string, onlyIfFree: boolean): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: id, status: 'open', ...(onlyIfFree ? { assignedTo: { $exists: false } } : {}) },
        { $set: { assignedTo: officerEmail } },
      )
      .exec();
    return result.matchedCount === 1;
  }

  /** Gives the task back to everyone with its role. */
  async release(id: string): Promise<void> {
    await this.model.updateOne({ _id: id, status: 'open' }, { $unset: { assignedTo: 1 } }).exec();
  }

  /** The deadline passed: the task goes to the supervisor (when one is named), flagged as escalated. */
  async escalate(id: string, escalatedTo: string, at: Date, supervisorEmail?: string): Promise<void> {
    await this.model
      .updateOne(
        { _id: id, status: 'open', escalatedAt: { $exists: false } },
        {
          $set: { escalatedAt: at, escalatedTo, ...(supervisorEmail ? { assignedTo: supervisorEmail } : {}) },
        },
      )
      .exec();
  }

  /** The tasks decided in the period, with when they were opened and decided, one at a time. */
  async *decidedBetween(
    from: Date,
    to: Date,
  ): AsyncGenerator<{ step: string; title: TaskRecord['title']; openedAt: Date; decidedAt: Date }> {
    const cursor = this.model
      .find(
        { status: 'done', 'decision.at': { $gte: from, $lt: to } },
        { step: 1, title: 1, openedAt: 1, decision: 1 },
      )
      .lean<TaskDocument>()
      .cursor();
    for await (const task of cursor) {
      if (task.decision)
        yield { step: task.step, title: task.title, openedAt: task.openedAt, decidedAt: task.decision.at };
    }
  }
}
