import { WorkflowIdConflictPolicy, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { ApplicationRecord } from '../../store/applications';
import {
  amendApplication,
  lifecycleState,
  lifecycleWorkflowId,
  permitLifecycleWorkflow,
  type Withdrawal,
  withdrawApplication,
} from '../../workflows/permit-lifecycle';
import { searchAttributes } from '../../workflows/search-attributes';
import { PangolinError, unavailable } from '../errors';

/** What a lifecycle's validator said, in the API's own kinds of refusal. */
const REFUSALS: Record<string, 'conflict' | 'not-allowed' | 'invalid'> = {
  NotOpen: 'conflict',
  NotWithdrawable: 'conflict',
  NotAmendable: 'conflict',
  AlreadyEndorsed: 'conflict',
  NotEndorsable: 'conflict',
  NotCancellable: 'conflict',
  NotConfirmable: 'conflict',
  NotReplaceable: 'conflict',
  PermitReplaced: 'conflict',
  InvalidReason: 'invalid',
  InvalidQuantities: 'invalid',
  InvalidOutcome: 'invalid',
  WrongRole: 'not-allowed',
  WrongApplicant: 'not-allowed',
  ReasonRequired: 'invalid',
};

/** Refusals for the permit's state that may only mean the lifecycle has not caught up with its record. */
const STATE_REFUSALS = new Set(['NotEndorsable', 'NotCancellable', 'NotConfirmable', 'NotReplaceable']);

/** Whether a lifecycle's validator refused the change for the permit's state. */
export function refusedForState(error: unknown): boolean {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  return cause instanceof ApplicationFailure && STATE_REFUSALS.has(cause.type ?? '');
}

/**
 * Where the lifecycle stands against the permit's record: the activities write the permit as
 * issued (or endorsed) a moment before the workflow moves on, so a caller who read the record in
 * between may be refused for a state the record no longer shows. `behind`: the workflow has not
 * moved on yet; `in-step`: it has (perhaps just now); `apart`: the refusal is not about this.
 */
export function lifecycleAgainstRecord(
  permitStatus: string,
  lifecycleStatus: string,
): 'behind' | 'in-step' | 'apart' {
  const caughtUp: Record<string, { behind: string; inStep: string }> = {
    valid: { behind: 'under-review', inStep: 'issued' },
    endorsed: { behind: 'issued', inStep: 'endorsed' },
  };
  const expected = caughtUp[permitStatus];
  if (expected?.behind === lifecycleStatus) return 'behind';
  if (expected?.inStep === lifecycleStatus) return 'in-step';
  return 'apart';
}

/** A refusal by a lifecycle's update validator as a PangolinError; anything else as Temporal being unavailable. */
export function lifecycleRefusal(error: unknown, doing: string): PangolinError {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type && REFUSALS[cause.type]) {
    return new PangolinError(REFUSALS[cause.type]!, cause.message);
  }
  // A lifecycle that has ended (issued, rejected, withdrawn) takes no more messages.
  if (error instanceof WorkflowNotFoundError || /already completed/i.test((error as Error).message)) {
    return new PangolinError(
      'conflict',
      'This application has been closed; nothing more can be decided on it.',
    );
  }
  return unavailable(`${doing} could not be handed to the lifecycle: ${(error as Error).message}`);
}

/**
 * The API's side of the permit lifecycle workflows: starting one per submitted application
 * (idempotent by workflow id: a repeated start finds the running workflow) and the applicant's
 * withdrawal.
 */
export class Lifecycles {
  constructor(
    private readonly temporal: Client,
    private readonly taskQueue: string,
  ) {}

  async start(application: ApplicationRecord): Promise<string> {
    const workflowId = lifecycleWorkflowId(application.id);
    const appendices = [
      ...new Set(
        (Array.isArray(application.data.blocks) ? application.data.blocks : [])
          .map((block) => (block as { appendix?: unknown }).appendix)
          .filter((appendix): appendix is string => typeof appendix === 'string'),
      ),
    ];
    await this.temporal.workflow.start(permitLifecycleWorkflow, {
      workflowId,
      taskQueue: this.taskQueue,
      args: [
        {
          applicationId: application.id,
          applicantId: application.applicantId,
          party: application.party,
          documentType: application.documentType,
        },
      ],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      typedSearchAttributes: [
        { key: searchAttributes.party, value: application.party },
        { key: searchAttributes.applicationStatus, value: application.status },
        { key: searchAttributes.documentType, value: application.documentType },
        ...(appendices.length > 0 ? [{ key: searchAttributes.appendix, value: appendices.join(',') }] : []),
      ],
    });
    return workflowId;
  }

  /** Whether the lifecycle is waiting for the applicant's answer to a request for more information. */
  async awaitsAmendment(applicationId: string): Promise<boolean> {
    try {
      const state = await this.temporal.workflow
        .getHandle(lifecycleWorkflowId(applicationId))
        .query(lifecycleState);
      return state.status === 'more-information-requested';
    } catch (error) {
      throw lifecycleRefusal(error, 'The amendment');
    }
  }

  async amend(applicationId: string, applicantId: string): Promise<void> {
    try {
      await this.temporal.workflow
        .getHandle(lifecycleWorkflowId(applicationId))
        .executeUpdate(amendApplication, { args: [{ applicantId }] });
    } catch (error) {
      throw lifecycleRefusal(error, 'The amendment');
    }
  }

  async withdraw(applicationId: string, withdrawal: Withdrawal): Promise<void> {
    try {
      await this.temporal.workflow
        .getHandle(lifecycleWorkflowId(applicationId))
        .executeUpdate(withdrawApplication, { args: [withdrawal] });
    } catch (error) {
      throw lifecycleRefusal(error, 'The withdrawal');
    }
  }
}
