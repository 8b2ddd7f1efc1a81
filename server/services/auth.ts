import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../domain/roles';
import type { SessionRepository } from '../../store/sessions';
import type { UserRecord, UserRepository } from '../../store/users';
import { invalid, PangolinError } from '../errors';
import { hashPassword, passwordProblem, verifyPassword } from '../identity/passwords';
import { requireSignedIn, type Actor, type Caller } from '../identity/permissions';
import { mustEnrollSecondFactor, toPublicUser, type PublicUser } from '../identity/public-user';
import { matchTotp, newTotpSecret, otpauthUrl } from '../identity/totp';
import type { AuditTrail } from './audit-trail';

export interface AuthSettings {
  party: string;
  sessionTtlMs: number;
  lockAfterFailures: number;
  lockDurationMs: number;
  rolesRequiringTotp: readonly Role[];
}

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
}

// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
const UNKNOWN_USER_HASH = hashPassword(randomBytes(16).toString('hex'));

const wrongCredentials = () => new PangolinError('not-signed-in', 'The email or password is wrong.');

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Signing in and out, sessions, password changes and the TOTP second factor. */
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditTrail,
    private readonly settings: AuthSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(
    input: LoginInput,
    requestId: string | undefined,
  ): Promise<{ token: string; user: PublicUser }> {
    const now = this.now();
    const user = await this.users.findByEmail(input.email);
    if (!user || user.disabled) {
      await verifyPassword(await UNKNOWN_USER_HASH, input.password);
      throw wrongCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) throw lockedOut(user.lockedUntil, now);
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      await this.countFailure(user, requestId);
      throw wrongCredentials();
    }
    if (user.totpEnabled && user.totpSecret) {
      if (!input.totp) {
        throw new PangolinError('not-signed-in', 'Enter the 6-digit code from your authenticator app.', [], {
          secondFactorRequired: true,
        });
      }
      const step = matchTotp(user.totpSecret, input.totp, now.getTime());
      if (step === undefined || !(await this.users.claimTotpStep(user.id, step))) {
        await this.countFailure(user, requestId);
        throw new PangolinError('not-signed-in', 'The code is wrong or was already used.', [], {
          secondFactorRequired: true,
        });
      }
    }
    if (user.failedLogins > 0) await this.users.update(user.id, { failedLogins: 0 });
    const token = randomBytes(32).toString('base64url');
    await this.sessions.create({
      tokenHash: tokenDigest(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.settings.sessionTtlMs),
    });
    await this.audit.record(
      { actor: actorOf(user, ''), requestId },
      { action: 'user.signed-in', objectType: 'user', objectId: user.id },
    );
    return { token, user: toPublicUser(user, this.settings.rolesRequiringTotp) };
  }

  /** The actor behind a session token; anonymous when the token is unknown, expired or its user disabled. */
  async authenticate(token: string | undefined): Promise<Actor> {
    if (!token || token.length > 200) return { kind: 'anonymous' };
    const now = this.now();
    const tokenHash = tokenDigest(token);
    const session = await this.sessions.findLive(tokenHash, now);
    if (!session) return { kind: 'anonymous' };
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) return { kind: 'anonymous' };
    // Sliding expiry, written at most once a minute so reads stay reads.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await this.sessions.extend(tokenHash, now, new Date(now.getTime() + this.settings.sessionTtlMs));
    }
    return actorOf(user, tokenHash, this.settings.rolesRequiringTotp);
  }

  async logout(caller: Caller): Promise<void> {
    const actor = requireSignedIn(caller);
    await this.sessions.delete(actor.sessionId);
    await this.audit.record(caller, {
      action: 'user.signed-out',
      objectType: 'user',
      objectId: actor.userId,
    });
  }

  async me(caller: Caller): Promise<PublicUser> {
    return toPublicUser(await this.signedInUser(caller), this.settings.rolesRequiringTotp);
  }

  async changePassword(
    caller: Caller,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const user = await this.signedInUser(caller);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw invalid('The current password is wrong.', [{ path: '/currentPassword', message: 'is wrong' }]);
    }
    const problem = passwordProblem(input.newPassword, user.email);
    if (problem) throw invalid(problem, [{ path: '/newPassword', message: problem }]);
    await this.users.update(user.id, {
      passwordHash: await hashPassword(input.newPassword),
      passwordChangedAt: this.now(),
    });
    // Anyone who learnt the old password is signed out everywhere but here.
    await this.sessions.deleteAllOf(user.id, requireSignedIn(caller).sessionId);
    await this.audit.record(caller, {
      action: 'user.password-changed',
      objectType: 'user',
      objectId: user.id,
    });
  }

  async setupTotp(caller: Caller): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await this.signedInUser(caller);
    if (user.totpEnabled) throw new PangolinError('conflict', 'Two-factor authentication is already set up.');
    const secret = newTotpSecret();
    await this.users.update(user.id, { totpSecret: secret });
    await this.audit.record(caller, {
      action: 'user.totp-setup-started',
      objectType: 'user',
      objectId: user.id,
    });
    return { secret, otpauthUrl: otpauthUrl(secret, user.email, `Pangolin ${this.settings.party}`) };
  }

  async enableTotp(caller: Caller, input: { code: string }): Promise<void> {
    const user = await this.signedInUser(caller);
    if (user.totpEnabled) throw new PangolinError('conflict', 'Two-factor authentication is already set up.');
    if (!user.totpSecret) throw new PangolinError('conflict', 'Start the set-up first.');
    const step = matchTotp(user.totpSecret, input.code, this.now().getTime());
    if (step === undefined) throw invalid('The code is wrong.', [{ path: '/code', message: 'is wrong' }]);
    await this.users.update(user.id, { totpEnabled: true, totpLastStep: step });
    await this.audit.record(caller, {
      action: 'user.totp-enabled',
      objectType: 'user',
      objectId: user.id,
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
  }

  private async signedInUser(caller: Caller): Promise<UserRecord> {
    const actor = requireSignedIn(caller);
    const user = await this.users.findById(actor.userId);
    if (!user) throw new PangolinError('not-signed-in', 'Sign in to continue.');
    return user;
  }

  private async countFailure(user: UserRecord, requestId: string | undefined): Promise<void> {
    const lockUntil = new Date(this.now().getTime() + this.settings.lockDurationMs);
    const after = await this.users.recordFailedLogin(user.id, this.settings.lockAfterFailures, lockUntil);
    if (after?.lockedUntil && after.lockedUntil.getTime() === lockUntil.getTime()) {
      await this.audit.record(
        { actor: { kind: 'anonymous' }, requestId },
        {
          action: 'user.locked-out',
          objectType: 'user',
          objectId: user.id,
          after: { lockedUntil: lockUntil },
        },
      );
    }
  }
}

function lockedOut(until: Date, now: Date): PangolinError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new PangolinError(
    'rate-limited',
    `Too many failed sign-ins: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`,
    [],
    { retryAfterSeconds: minutes * 60, lockedUntil: until.toISOString() },
  );
}

function actorOf(user: UserRecord, sessionId: string, rolesRequiringTotp: readonly Role[] = []): Actor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    roles: user.roles,
    party: user.party,
    sessionId,
    mustEnrollSecondFactor: mustEnrollSecondFactor(user, rolesRequiringTotp),
  };
}
