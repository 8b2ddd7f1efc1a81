import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A system check proves the whole chain works: API -> Temporal -> worker -> activity -> database.
 * An administrator starts one after a deployment; the record shows which worker answered.
 */
export interface SystemCheckRecord {
  checkId: string;
  party: string;
  workflowId: string;
  taskQueue: string;
  workerIdentity: string;
  completedAt: Date;
}

const systemCheckSchema = new Schema<SystemCheckRecord & { _id: string }>(
  {
    _id: { type: String, required: true },
    checkId: { type: String, required: true },
    party: { type: String, required: true },
    workflowId: { type: String, required: true },
    taskQueue: { type: String, required: true },
    workerIdentity: { type: String, required: true },
    completedAt: { type: Date, required: true },
  },
  { collection: 'systemChecks', versionKey: false },
);

export class SystemCheckRepository {
  private readonly model: Model<SystemCheckRecord & { _id: string }>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.SystemCheck as Model<SystemCheckRecord & { _id: string }>) ??
      connection.model<SystemCheckRecord & { _id: string }>('SystemCheck', systemCheckSchema);
  }

  /** Idempotent: an activity retried after a crash writes the same record once. */
  async record(check: SystemCheckRecord): Promise<SystemCheckRecord> {
    const stored = await this.model
      .findOneAndUpdate(
        { checkId: check.checkId },
        { $setOnInsert: check },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<SystemCheckRecord>()
      .exec();
    return withoutId(stored!);
  }

  async find(checkId: string): Promise<SystemCheckRecord | undefined> {
    const found = await this.model
      .findOne({ checkId: { $eq: checkId } })
      .lean<SystemCheckRecord>()
      .exec();
    return found ? withoutId(found) : undefined;
  }
}

function withoutId(record: SystemCheckRecord & { _id?: unknown }): SystemCheckRecord {
  const { _id, ...rest } = record;
  return rest;
}
