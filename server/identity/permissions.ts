import { PangolinError } from '../errors';
import type { Role } from '../../domain/roles';

/**
 * Who may do what. Every service method names one of these on its first line; routes name the
 * same permission so that OpenAPI documents it and a wrong role is refused before anything else.
 */
export const PERMISSIONS = {
  /** Start a system check and read its result. */
  'system.check': ['admin'],
  /** See the accounts and their roles (auditors read everything, change nothing). */
  'users.read': ['admin', 'auditor'],
  /** Create accounts, change roles, lock and unlock. */
  'users.manage': ['admin'],
  /** File an application for a permit or certificate. */
  'applications.submit': ['applicant'],
  /** List applications: applicants their own, the others the Party's. */
  'applications.list': ['applicant', 'ma_officer', 'sa_officer', 'customs_officer', 'auditor'],
  /** See every application of the Party, not only one's own. */
  'applications.read-all': ['ma_officer', 'sa_officer', 'customs_officer', 'auditor'],
  /** Upload a file: applicants' evidence, officers' attachments to their decisions. */
  'evidence.upload': ['applicant', 'ma_officer', 'sa_officer', 'customs_officer'],
  /** See one's open tasks and decide them (each task names the role that decides it). */
  'tasks.work': ['ma_officer', 'sa_officer', 'customs_officer'],
  /** Endorse a permit at the border with the quantities actually exported (Boxes 14 and 15). */
  'permits.endorse': ['customs_officer'],
  /** Cancel an issued permit, or record the importing Party's confirmation of what arrived. */
  'permits.manage': ['ma_officer'],
  /** Sign standing non-detriment findings (Scientific Authority). */
  'findings.sign': ['sa_officer'],
  /** See the standing non-detriment findings. */
  'findings.read': ['sa_officer', 'ma_officer', 'auditor'],
  /** Edit the draft of a national form. */
  'forms.design': ['form_designer'],
  /** Publish a draft someone else saved, as a new immutable version. */
  'forms.publish': ['form_publisher'],
  /** Try procedure rules on sample data and run their test cases (the rule test bench). */
  'forms.test-rules': ['form_designer', 'form_publisher'],
  /** See drafts, not only what is published. */
  'forms.read-drafts': ['form_designer', 'form_publisher', 'auditor'],
  /** See which trade suspensions and stricter domestic measures apply to a trade. */
  'trade-measures.read': ['ma_officer', 'sa_officer', 'customs_officer', 'auditor'],
  /** Set export quotas or import them from Species+. */
  'quotas.manage': ['ma_officer'],
  /** See export quotas and their use (the SA monitors exports against them, Art. IV.3). */
  'quotas.read': ['ma_officer', 'sa_officer', 'auditor'],
  /** See the dashboards: applications over time, processing times, permits, quota use. */
  'dashboards.read': ['ma_officer', 'sa_officer', 'auditor'],
  /** Keep the directory of peer Parties permits are exchanged with. */
  'exchange.peers': ['admin'],
  /** See the permits other Parties sent for consignments coming here. */
  'exchange.incoming': ['ma_officer', 'customs_officer'],
  /** Confirm at import what arrived under another Party's permit (sent back to it, signed). */
  'exchange.confirm': ['customs_officer'],
  /** Read the audit trail and verify its chain. */
  'audit.read': ['auditor', 'admin'],
  /** Download and check the annual trade report and the annual illegal trade report. */
  'reports.read': ['ma_officer', 'sa_officer', 'auditor'],
  /** Record a seizure of specimens in illegal trade, and its follow-up. */
  'seizures.record': ['ma_officer', 'customs_officer'],
  /** See the seizures recorded. */
  'seizures.read': ['ma_officer', 'customs_officer', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Who is calling: a signed-in person, or nobody. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      email: string;
      roles: readonly Role[];
      party: string;
      sessionId: string;
      /** Signed in, but must set up a second factor before doing anything else. */
      mustEnrollSecondFactor: boolean;
    }
  | { kind: 'anonymous' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** What a service needs to know about the call: who, and which request (for the audit trail). */
export interface Caller {
  actor: Actor;
  requestId: string | undefined;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.kind !== 'user' || actor.mustEnrollSecondFactor) return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

/** The first line of every service method that needs a permission. */
export function requirePermission(caller: Caller, permission: Permission): UserActor {
  const actor = requireSignedIn(caller);
  if (actor.mustEnrollSecondFactor) {
    throw new PangolinError(
      'not-allowed',
      'Set up two-factor authentication in My account before continuing.',
    );
  }
  if (!hasPermission(actor, permission)) {
    throw new PangolinError('not-allowed', `Your role does not allow this (${permission}).`);
  }
  return actor;
}

/** For what any signed-in person may do to their own account. */
export function requireSignedIn(caller: Caller): UserActor {
  if (caller.actor.kind !== 'user') throw new PangolinError('not-signed-in', 'Sign in to continue.');
  return caller.actor;
}
