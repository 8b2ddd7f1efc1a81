/** The shapes the Pangolin API answers with, as the web app relies on them. */

export const roles = [
  'applicant',
  'ma_officer',
  'sa_officer',
  'customs_officer',
  'form_designer',
  'form_publisher',
  'admin',
  'auditor',
  'peer_party',
] as const;

export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export interface About {
  party: string;
  demo: boolean;
  version: string;
  temporalUiUrl?: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  party: string;
  roles: Role[];
  totpEnabled: boolean;
  totpRequired: boolean;
  mustEnrollSecondFactor: boolean;
}

export interface ManagedUser {
  id: string;
  email: string;
  name: string;
  party: string;
  roles: Role[];
  totpEnabled: boolean;
  totpRequired: boolean;
  disabled: boolean;
  lockedUntil: string | null;
}

export interface NewUser {
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
