import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { Role } from '../domain/roles';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  party: string;
  roles: Role[];
  passwordHash: string;
  totpSecret: string | null;
  totpEnabled: boolean;
  /** The last TOTP step used, so one code cannot be replayed within its window. */
  totpLastStep: number | null;
  totpRequired: boolean;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
}

type UserDocument = Omit<UserRecord, 'id'> & { _id: Types.ObjectId };

const userSchema = new Schema<UserDocument>(
  {
    email: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    party: { type: String, required: true },
    roles: { type: [String], required: true },
    passwordHash: { type: String, required: true },
    totpSecret: { type: String, default: null },
    totpEnabled: { type: Boolean, default: false },
    totpLastStep: { type: Number, default: null },
    totpRequired: { type: Boolean, default: false },
    disabled: { type: Boolean, default: false },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: { type: Date, default: null },
    passwordChangedAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'users', versionKey: false },
);

export type NewUser = Omit<
  UserRecord,
  'id' | 'totpSecret' | 'totpEnabled' | 'totpLastStep' | 'failedLogins' | 'lockedUntil'
>;

/** Accounts. Emails are stored lower-case; every query compares with $eq, never an operator from input. */
export class UserRepository {
  private readonly model: Model<UserDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.User as Model<UserDocument>) ?? connection.model<UserDocument>('User', userSchema);
  }

  async create(user: NewUser): Promise<UserRecord> {
    const created = await this.model.create({
      ...user,
      email: user.email.toLowerCase(),
      totpSecret: null,
      totpEnabled: false,
      totpLastStep: null,
      failedLogins: 0,
      lockedUntil: null,
    });
    return toRecord(created.toObject());
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const found = await this.model
      .findOne({ email: { $eq: email.toLowerCase() } })
      .lean<UserDocument>()
      .exec();
    return found ? toRecord(found) : undefined;
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const found = await this.model.findById(new Types.ObjectId(id)).lean<UserDocument>().exec();
    return found ? toRecord(found) : undefined;
  }

  async list(): Promise<UserRecord[]> {
    const found = await this.model.find().sort({ email: 1 }).lean<UserDocument[]>().exec();
    return found.map(toRecord);
  }

  async update(
    id: string,
    changes: Partial<Omit<UserRecord, 'id' | 'email' | 'createdAt'>>,
  ): Promise<UserRecord | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const updated = await this.model
      .findByIdAndUpdate(new Types.ObjectId(id), { $set: changes }, { returnDocument: 'after' })
      .lean<UserDocument>()
      .exec();
    return updated ? toRecord(updated) : undefined;
  }

  /** Counts a failed sign-in atomically, so parallel guesses cannot slip past the lock-out. */
  async recordFailedLogin(id: string, lockAfter: number, lockUntil: Date): Promise<UserRecord | undefined> {
    const counted = await this.model
      .findByIdAndUpdate(new Types.ObjectId(id), { $inc: { failedLogins: 1 } }, { returnDocument: 'after' })
      .lean<UserDocument>()
      .exec();
    if (!counted) return undefined;
    if (counted.failedLogins >= lockAfter)
      return this.update(id, { lockedUntil: lockUntil, failedLogins: 0 });
    return toRecord(counted);
  }

  /** Accepts a TOTP step only if it is newer than the last one used (no replay). */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const claimed = await this.model
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id), $or: [{ totpLastStep: null }, { totpLastStep: { $lt: step } }] },
        { $set: { totpLastStep: step } },
      )
      .lean()
      .exec();
    return claimed !== null;
  }
}

function toRecord(document: UserDocument): UserRecord {
  const { _id, ...rest } = document;
  return { id: _id.toString(), ...rest, roles: [...rest.roles] };
}
