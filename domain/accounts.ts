import type { Role } from './roles';

/**
 * Account shapes shared by the API and the web app. They never carry the password hash or the
 * TOTP secret.
 */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  party: string;
  roles: Role[];
  totpEnabled: boolean;
  totpRequired: boolean;
  mustEnrollSecondFactor: boolean;
}

/** What an administrator sees of an account. */
export interface ManagedUser extends PublicUser {
  disabled: boolean;
  lockedUntil: string | null;
}

export interface NewUserInput {
  email: string;
  name: string;
  roles: Role[];
  password: string;
}

export interface UserChanges {
  name?: string;
  roles?: Role[];
  disabled?: boolean;
  totpRequired?: boolean;
  unlock?: true;
}
