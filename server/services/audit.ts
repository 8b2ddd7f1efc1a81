import type { AuditEntry, AuditRepository, AuditVerification } from '../../store/audit';
import { requirePermission, type Caller } from '../identity/permissions';

/** The auditor's view of the trail: read and verify, never change. */
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  async list(
    caller: Caller,
    page: { limit: number; before?: number },
  ): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
    requirePermission(caller, 'audit.read');
    const entries = await this.entries.list(page.limit, page.before);
    const last = entries[entries.length - 1];
    return { entries, nextBefore: entries.length === page.limit && last && last.seq > 1 ? last.seq : null };
  }

  async verify(caller: Caller): Promise<AuditVerification> {
    requirePermission(caller, 'audit.read');
    return this.entries.verify();
  }
}
