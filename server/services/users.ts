import type { NewUserInput, UserChanges } from '../../domain/accounts';
import type { Role } from '../../domain/roles';
import type { UserRepository } from '../../store/users';
import { notFound, PangolinError, invalid } from '../errors';
import { hashPassword, passwordProblem } from '../identity/passwords';
import { requirePermission, type Caller } from '../identity/permissions';
import { toManagedUser, type ManagedUser } from '../identity/public-user';
import type { SessionRepository } from '../../store/sessions';
import type { AuditTrail } from './audit-trail';

export type { NewUserInput, UserChanges };

/** Account administration: admins only, every change audited. */
export class UserService {
  constructor(
    private readonly party: string,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditTrail,
    private readonly rolesRequiringTotp: readonly Role[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(caller: Caller): Promise<ManagedUser[]> {
    requirePermission(caller, 'users.read');
    return (await this.users.list()).map((user) => toManagedUser(user, this.rolesRequiringTotp, this.now()));
  }

  async get(caller: Caller, id: string): Promise<ManagedUser> {
    requirePermission(caller, 'users.read');
    const user = await this.users.findById(id);
    if (!user) throw notFound(`User ${id}`);
    return toManagedUser(user, this.rolesRequiringTotp, this.now());
  }

  async create(caller: Caller, input: NewUserInput): Promise<ManagedUser> {
    requirePermission(caller, 'users.manage');
    const created = await createAccount(
      this.users,
      this.audit,
      caller,
      { ...input, party: this.party },
      this.now(),
    );
    return toManagedUser(created, this.rolesRequiringTotp, this.now());
  }

  async update(caller: Caller, id: string, changes: UserChanges): Promise<ManagedUser> {
    const actor = requirePermission(caller, 'users.manage');
    const before = await this.users.findById(id);
    if (!before) throw notFound(`User ${id}`);
    if (
      actor.userId === id &&
      (changes.disabled === true || (changes.roles && !changes.roles.includes('admin')))
    ) {
      throw new PangolinError(
        'conflict',
        'You cannot disable yourself or remove your own admin role; ask another admin.',
      );
    }
    if (changes.roles && changes.roles.length === 0) {
      throw invalid('A user needs at least one role.', [{ path: '/roles', message: 'must not be empty' }]);
    }
    const after = await this.users.update(id, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.roles !== undefined ? { roles: [...new Set(changes.roles)] } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      ...(changes.totpRequired !== undefined ? { totpRequired: changes.totpRequired } : {}),
      ...(changes.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
    });
    if (!after) throw notFound(`User ${id}`);
    if (changes.disabled) await this.sessions.deleteAllOf(id);
    await this.audit.record(caller, {
      action: 'user.updated',
      objectType: 'user',
      objectId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return toManagedUser(after, this.rolesRequiringTotp, this.now());
  }
}

/** Shared by the admin screen, the first-admin command and demo seeding. */
export async function createAccount(
  users: UserRepository,
  audit: AuditTrail,
  caller: Caller | 'system',
  input: NewUserInput & { party: string },
  now: Date,
) {
  const email = input.email.trim().toLowerCase();
  const problem = passwordProblem(input.password, email);
  if (problem) throw invalid(problem, [{ path: '/password', message: problem }]);
  if (await users.findByEmail(email))
    throw new PangolinError('conflict', `An account for ${email} already exists.`);
  const created = await users
    .create({
      email,
      name: input.name.trim(),
      party: input.party,
      roles: [...new Set(input.roles)],
      passwordHash: await hashPassword(input.password),
      totpRequired: false,
      disabled: false,
      passwordChangedAt: now,
      createdAt: now,
    })
    .catch((error: { code?: number }) => {
      if (error.code === 11000)
        throw new PangolinError('conflict', `An account for ${email} already exists.`);
      throw error;
    });
  await audit.record(caller, {
    action: 'user.created',
    objectType: 'user',
    objectId: created.id,
    after: auditView(created),
  });
  return created;
}

/** What the audit digests cover: the account's settings, not its secrets. */
function auditView(user: {
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  totpRequired: boolean;
  lockedUntil: Date | null;
}) {
  return {
    email: user.email,
    name: user.name,
    roles: user.roles,
    disabled: user.disabled,
    totpRequired: user.totpRequired,
    lockedUntil: user.lockedUntil,
  };
}
