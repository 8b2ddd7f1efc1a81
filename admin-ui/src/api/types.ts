/** The shapes the Pangolin API answers with, as the web app relies on them. */
import type { Role } from '../../../domain/roles';

export { ROLES as roles, isRole, type Role } from '../../../domain/roles';
export type {
  ManagedUser,
  NewUserInput as NewUser,
  PublicUser as User,
  UserChanges,
} from '../../../domain/accounts';

export interface About {
  party: string;
  demo: boolean;
  version: string;
  temporalUiUrl?: string;
}

export interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { userId?: string; email?: string; roles?: Role[] } | null;
  action: string;
  objectType: string;
  objectId: string;
  requestId?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerification {
  intact: boolean;
  checked: number;
  firstProblem?: { seq: number; kind: 'altered' | 'missing'; message: string };
}

export interface Health {
  status: 'ok' | 'degraded';
  party: string;
  temporal: 'ok' | 'down';
  database: 'ok' | 'down';
  version: string;
}
