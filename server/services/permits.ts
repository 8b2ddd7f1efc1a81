import { APPLICATION_ID } from '../../domain/application-id';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { ApplicationRepository } from '../../store/applications';
import {
  cancelPermit,
  confirmImport,
  endorsePermit,
  lifecycleWorkflowId,
  replaceIssuedPermit,
  type PermitEndorsement,
  type PermitReplacement,
} from '../../workflows/permit-lifecycle';
import { lifecycleAgainstRecord, lifecycleRefusal, refusedForState } from './lifecycles';
import { searchAttributes } from '../../workflows/search-attributes';
import type { PermitRecord, PermitRepository } from '../../store/permits';
import { invalid, notFound, PangolinError, unavailable } from '../errors';
import { endorsedQuantitiesOf, type EndorsedBlock } from '../../domain/documents/endorsed-blocks';
import {
  hasPermission,
  requirePermission,
  requireSignedIn,
  type Caller,
  type UserActor,
} from '../identity/permissions';

export interface PermitView {
  /** The application's id for its first permit; `<application id>-R<n>` for a replacement. */
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
  /** Box 5 of a replacement: the permit it replaces and why. */
  replaces?: PermitRecord['replaces'];
  /** On a replaced permit: the one that replaced it. */
  replacedBy?: PermitRecord['replacedBy'];
  /** The token of `/api/verify/:token`, which its QR code carries. */
  verificationToken?: string;
  /** The public page its QR code opens, for the holder to share with buyers and inspectors. */
  verificationUrl?: string;
  /** Whether it was signed at issuance, so its PDF and JWS can be fetched. */
  signed: boolean;
}

/**
 * Box 14 and 15 as customs enters them: the quantity per block letter (or, as earlier clients send
 * it, one quantity per block in order), the port, the date and the bill of lading.
 */
export type EndorsementInput = Omit<PermitEndorsement, 'officer' | 'permitId' | 'quantities'> & {
  blocks?: EndorsedBlock[];
  quantities?: number[];
};
export type ReplacementInput = Omit<PermitReplacement, 'officer' | 'permitId'>;

const officerOf = (actor: UserActor) => ({
  userId: actor.userId,
  email: actor.email,
  roles: [...actor.roles],
});

/**
 * About fifteen seconds for a lifecycle to catch up with its record: milliseconds as a rule, longer
 * when the worker holding it died and another must take over its task.
 */
const CATCH_UP_ATTEMPTS = 75;
const CATCH_UP_PAUSE_MS = 200;

const PERMIT_ID = new RegExp(String.raw`^${APPLICATION_ID}(-R\d{1,3})?$`);

/** Issued permits, seen by the holder (the applicant) and the Party's officers. */
export class PermitService {
  constructor(
    private readonly permits: PermitRepository,
    private readonly applications: ApplicationRepository,
    private readonly temporal: Client,
    private readonly publicUrl: string,
    /** How the service waits for a lifecycle to catch up; tests wait no time. */
    private readonly pause: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Customs at the border: the quantities that actually leave, per block, the port and the date. */
  async endorse(caller: Caller, id: string, input: EndorsementInput): Promise<PermitView> {
    const officer = requirePermission(caller, 'permits.endorse');
    const { blocks, quantities: inOrder, ...boxes } = input;
    if ((blocks === undefined) === (inOrder === undefined)) {
      throw invalid('Give the quantity exported per block.', [
        {
          path: '/blocks',
          message: 'is required: [{block, quantity}] per block that leaves (or `quantities`, not both)',
        },
      ]);
    }
    await this.send(id, (handle, permitId, permit) => {
      let quantities = inOrder ?? [];
      if (blocks) {
        const endorsed = endorsedQuantitiesOf(blocks, permit.authorisedQuantities.length);
        if (!endorsed.ok) throw invalid('Check the blocks endorsed.', endorsed.problems);
        quantities = endorsed.quantities;
      }
      return handle.executeUpdate(endorsePermit, {
        args: [{ ...boxes, quantities, permitId, officer: officerOf(officer) }],
      });
    });
    return this.get(caller, id);
  }

  async cancel(caller: Caller, id: string, reason: string): Promise<PermitView> {
    const officer = requirePermission(caller, 'permits.manage');
    await this.send(id, (handle, permitId) =>
      handle.executeUpdate(cancelPermit, { args: [{ reason, permitId, officer: officerOf(officer) }] }),
    );
    return this.get(caller, id);
  }

  /**
   * The Management Authority replaces a valid permit the holder lost (or had stolen or destroyed):
   * the answer is the replacement, whose Box 5 names this one; this one is marked replaced.
   */
  async replace(caller: Caller, id: string, input: ReplacementInput): Promise<PermitView> {
    const officer = requirePermission(caller, 'permits.manage');
    const replacement = await this.send(id, (handle, permitId) =>
      handle.executeUpdate(replaceIssuedPermit, {
        args: [{ ...input, permitId, officer: officerOf(officer) }],
      }),
    );
    return this.get(caller, replacement.permitId);
  }

  /** The importing Party's confirmation of what arrived (entered by the MA until it arrives by exchange). */
  async confirmImport(caller: Caller, id: string, quantities: number[]): Promise<PermitView> {
    const officer = requirePermission(caller, 'permits.manage');
    await this.send(id, (handle, permitId) =>
      handle.executeUpdate(confirmImport, { args: [{ quantities, permitId, officer: officerOf(officer) }] }),
    );
    return this.get(caller, id);
  }

  /**
   * Sends an update to the lifecycle of the permit's application, naming the permit it is meant
   * for, once the lifecycle has caught up with the permit's record (for a few seconds at most). A
   * refusal for the permit's state that came all the same is tried again: validators record
   * nothing, so another try is safe.
   */
  private async send<T>(
    id: string,
    update: (
      handle: ReturnType<Client['workflow']['getHandle']>,
      permitId: string,
      permit: PermitRecord,
    ) => Promise<T>,
  ): Promise<T> {
    let triedInStep = false;
    for (let attempt = 1; ; attempt++) {
      const permit = PERMIT_ID.test(id) ? await this.permits.find(id) : undefined;
      if (!permit) throw notFound(`Permit ${id}`);
      const handle = this.temporal.workflow.getHandle(lifecycleWorkflowId(permit.applicationId));
      // Sent only once the lifecycle has taken in the activity result its record shows. An Update
      // that reaches the workflow in the same task as that result is, after a worker crash, replayed
      // by the SDK in another order than it first ran: a nondeterminism error that stops the lifecycle.
      const before = await this.standing(handle, permit);
      if (before === 'behind' || before === 'unknown') {
        if (attempt >= CATCH_UP_ATTEMPTS)
          throw unavailable(
            "The permit's lifecycle is still catching up after a restart; try again shortly.",
          );
        await this.pause(CATCH_UP_PAUSE_MS);
        continue;
      }
      try {
        return await update(handle, permit.id, permit);
      } catch (error) {
        if (error instanceof PangolinError) throw error;
        if (attempt < CATCH_UP_ATTEMPTS && refusedForState(error)) {
          const standing = await this.standing(handle, permit);
          if (standing === 'behind') {
            await this.pause(CATCH_UP_PAUSE_MS);
            continue;
          }
          // It caught up between the refusal and the query: its answer now is the real one.
          if (standing === 'in-step' && !triedInStep) {
            triedInStep = true;
            continue;
          }
        }
        throw lifecycleRefusal(error, 'The change of the permit');
      }
    }
  }

  /**
   * Where the lifecycle stands against the permit's record, by the status it last recorded on its
   * execution. A query would not do: a worker answering one replays the whole history, activity
   * results the workflow has not yet taken in included. `unknown` when Temporal does not answer;
   * `apart` when the lifecycle no longer exists or records no status (the update then gives the
   * right refusal).
   */
  private async standing(
    handle: ReturnType<Client['workflow']['getHandle']>,
    permit: PermitRecord,
  ): Promise<ReturnType<typeof lifecycleAgainstRecord> | 'unknown'> {
    try {
      const description = await handle.describe();
      const status = description.typedSearchAttributes.get(searchAttributes.applicationStatus);
      return status === undefined ? 'apart' : lifecycleAgainstRecord(permit.status, status);
    } catch (error) {
      return error instanceof WorkflowNotFoundError ? 'apart' : 'unknown';
    }
  }

  async get(caller: Caller, id: string): Promise<PermitView> {
    const actor = requireSignedIn(caller);
    const permit = PERMIT_ID.test(id) ? await this.permits.find(id) : undefined;
    const application = permit
      ? await this.applications.findWithoutTimeline(permit.applicationId)
      : undefined;
    const visible =
      application !== undefined &&
      (application.applicantId === actor.userId || hasPermission(caller.actor, 'applications.read-all'));
    // The same answer whether it does not exist or is someone else's.
    if (!permit || !visible) throw notFound(`Permit ${id}`);
    return {
      id: permit.id,
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
      ...(permit.replaces ? { replaces: permit.replaces } : {}),
      ...(permit.replacedBy ? { replacedBy: permit.replacedBy } : {}),
      ...(permit.verificationToken
        ? {
            verificationToken: permit.verificationToken,
            verificationUrl: `${this.publicUrl}/verify/${permit.verificationToken}`,
          }
        : {}),
      signed: permit.signedPermit !== undefined,
    };
  }
}
