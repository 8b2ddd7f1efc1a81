import type { Client } from '@temporalio/client';
import type { ApplicationRepository } from '../../store/applications';
import {
  cancelPermit,
  confirmImport,
  endorsePermit,
  lifecycleWorkflowId,
  type PermitEndorsement,
} from '../../workflows/permit-lifecycle';
import { lifecycleRefusal } from './lifecycles';
import type { PermitRecord, PermitRepository } from '../../store/permits';
import { notFound } from '../errors';
import {
  hasPermission,
  requirePermission,
  requireSignedIn,
  type Caller,
  type UserActor,
} from '../identity/permissions';

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
  authorisedQuantities: number[];
  endorsement?: PermitRecord['endorsement'];
  importConfirmation?: PermitRecord['importConfirmation'];
  cancellation?: PermitRecord['cancellation'];
}

export type EndorsementInput = Omit<PermitEndorsement, 'officer'>;

const officerOf = (actor: UserActor) => ({
  userId: actor.userId,
  email: actor.email,
  roles: [...actor.roles],
});

const APPLICATION_ID = /^[A-Z]{2}-\d{4}-[0-9A-F]{12}$/;

/** Issued permits, seen by the holder (the applicant) and the Party's officers. */
export class PermitService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly applications: ApplicationRepository,
    private readonly temporal: Client,
  ) {}

  /** Customs at the border: the quantities that actually leave, per block, the port and the date. */
  async endorse(caller: Caller, id: string, input: EndorsementInput): Promise<PermitView> {
    const officer = requirePermission(caller, 'permits.endorse');
    await this.send(id, (handle) =>
      handle.executeUpdate(endorsePermit, { args: [{ ...input, officer: officerOf(officer) }] }),
    );
    return this.get(caller, id);
  }

  async cancel(caller: Caller, id: string, reason: string): Promise<PermitView> {
    const officer = requirePermission(caller, 'permits.manage');
    await this.send(id, (handle) =>
      handle.executeUpdate(cancelPermit, { args: [{ reason, officer: officerOf(officer) }] }),
    );
    return this.get(caller, id);
  }

  /** The importing Party's confirmation of what arrived (entered by the MA until it arrives by exchange). */
  async confirmImport(caller: Caller, id: string, quantities: number[]): Promise<PermitView> {
    const officer = requirePermission(caller, 'permits.manage');
    await this.send(id, (handle) =>
      handle.executeUpdate(confirmImport, { args: [{ quantities, officer: officerOf(officer) }] }),
    );
    return this.get(caller, id);
  }

  private async send(
    id: string,
    update: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<unknown>,
  ): Promise<void> {
    const permit = APPLICATION_ID.test(id) ? await this.permits.forApplication(id) : undefined;
    if (!permit) throw notFound(`Permit ${id}`);
    try {
      await update(this.temporal.workflow.getHandle(lifecycleWorkflowId(permit.applicationId)));
    } catch (error) {
      throw lifecycleRefusal(error, 'The change of the permit');
    }
  }

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
      authorisedQuantities: permit.authorisedQuantities ?? [],
      ...(permit.endorsement ? { endorsement: permit.endorsement } : {}),
      ...(permit.importConfirmation ? { importConfirmation: permit.importConfirmation } : {}),
      ...(permit.cancellation ? { cancellation: permit.cancellation } : {}),
    };
  }
}
