import type { AuditEntry, AuditRepository } from '../../store/audit';
import type { Caller } from '../identity/permissions';

export interface AuditedChange {
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
}

/** How services record a state change: who (from the caller), what, and digests of before/after. */
export class AuditTrail {
  constructor(private readonly entries: AuditRepository) {}

  record(caller: Caller | 'system', change: AuditedChange): Promise<AuditEntry> {
    const actor =
      caller !== 'system' && caller.actor.kind === 'user'
        ? { userId: caller.actor.userId, email: caller.actor.email, roles: [...caller.actor.roles] }
        : null;
    return this.entries.append({
      actor,
      action: change.action,
      objectType: change.objectType,
      objectId: change.objectId,
      before: change.before,
      after: change.after,
      requestId: caller !== 'system' ? (caller.requestId ?? null) : null,
    });
  }
}
