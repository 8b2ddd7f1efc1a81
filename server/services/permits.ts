import type { ApplicationRepository } from '../../store/applications';
import type { PermitRecord, PermitRepository } from '../../store/permits';
import { notFound } from '../errors';
import { hasPermission, requireSignedIn, type Caller } from '../identity/permissions';

export interface PermitView {
  /** The permit's id; one permit per application, so the application's id. */
  id: string;
  number: string;
  status: PermitRecord['status'];
  documentType: PermitRecord['documentType'];
  validFrom: string;
  validUntil: string;
  applicationId: string;
  issuedAt: Date;
  /** The standing non-detriment findings the permit relied on. */
  nonDetrimentFindingIds: string[];
}

const APPLICATION_ID = /^[A-Z]{2}-\d{4}-[0-9A-F]{12}$/;

/** Issued permits, seen by the holder (the applicant) and the Party's officers. */
export class PermitService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly applications: ApplicationRepository,
  ) {}

  async get(caller: Caller, id: string): Promise<PermitView> {
    const actor = requireSignedIn(caller);
    const permit = APPLICATION_ID.test(id) ? await this.permits.forApplication(id) : undefined;
    const application = permit ? await this.applications.find(permit.applicationId) : undefined;
    const visible =
      application !== undefined &&
      (application.applicantId === actor.userId || hasPermission(caller.actor, 'applications.read-all'));
    // The same answer whether it does not exist or is someone else's.
    if (!permit || !visible) throw notFound(`Permit ${id}`);
    return {
      id: permit.applicationId,
      number: permit.number,
      status: permit.status,
      documentType: permit.documentType,
      validFrom: permit.validFrom,
      validUntil: permit.validUntil,
      applicationId: permit.applicationId,
      issuedAt: permit.issuedAt,
      nonDetrimentFindingIds: permit.nonDetrimentFindingIds ?? [],
    };
  }
}
