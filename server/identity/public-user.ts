import type { ManagedUser, PublicUser } from '../../domain/accounts';
import type { Role } from '../../domain/roles';
import type { UserRecord } from '../../store/users';

export type { ManagedUser, PublicUser };

export function mustEnrollSecondFactor(user: UserRecord, rolesRequiringTotp: readonly Role[]): boolean {
  const required = user.totpRequired || user.roles.some((role) => rolesRequiringTotp.includes(role));
  return required && !user.totpEnabled;
}

export function toPublicUser(user: UserRecord, rolesRequiringTotp: readonly Role[]): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    party: user.party,
    roles: user.roles,
    totpEnabled: user.totpEnabled,
    totpRequired: user.totpRequired || user.roles.some((role) => rolesRequiringTotp.includes(role)),
    mustEnrollSecondFactor: mustEnrollSecondFactor(user, rolesRequiringTotp),
  };
}

export function toManagedUser(user: UserRecord, rolesRequiringTotp: readonly Role[], now: Date): ManagedUser {
  return {
    ...toPublicUser(user, rolesRequiringTotp),
    disabled: user.disabled,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
  };
}
