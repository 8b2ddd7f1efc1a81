import { defineQuery, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { LifecycleActivities } from '../activities/lifecycle';
import type { DocumentType } from '../domain/codes/types';
import type { DecisionOutcome } from '../store/tasks';
import {
  awaitOfficerDecision,
  decideStep,
  refuseInvalidDecision,
  timelineOf,
  type FollowedStep,
  type StepDecision,
} from './officer-step';

export interface NonDetrimentFindingInput {
  applicationId: string;
  documentType: DocumentType;
  /** The procedure's NDF step: its title, deciding role and deadline. */
  step: FollowedStep;
}

/** How the Scientific Authority's finding came out, and what the lifecycle records of it. */
export interface NonDetrimentFindingResult {
  outcome: DecisionOutcome | 'withdrawn';
  state: FollowedStep['state'];
  /** The standing findings that settled it without a task. */
  standingFindingIds: string[];
}

/** The applicant withdrew the application: the finding is no longer needed. */
export const applicationWithdrawn = defineSignal('applicationWithdrawn');
export const findingStep = defineQuery<FollowedStep>('findingStep');

const { standingFindingFor } = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * The Scientific Authority's non-detriment finding for one application (Art. III.2(a), IV.2(a)),
 * a child of the permit lifecycle. A standing finding whose scope and validity cover the case settles
 * it at once (a negative one refuses it); otherwise an SA officer decides the task, sending the
 * `decideStep` update here rather than to the lifecycle. Its own workflow lets the SA's work be
 * listed, followed and, when national practice changes, versioned apart from the permit.
 */
export async function nonDetrimentFindingWorkflow(
  input: NonDetrimentFindingInput,
): Promise<NonDetrimentFindingResult> {
  const step: FollowedStep = { ...input.step, state: 'waiting' };
  let decision: StepDecision | undefined;
  let withdrawn = false;
  setHandler(findingStep, () => step);
  setHandler(applicationWithdrawn, () => {
    withdrawn = true;
  });
  setHandler(
    decideStep,
    (request) => {
      decision = request;
      return { step: request.step, outcome: request.outcome };
    },
    {
      validator: (request) =>
        refuseInvalidDecision(
          request.step === step.id ? step : undefined,
          request,
          decision !== undefined || withdrawn,
        ),
    },
  );
  const done = (outcome: NonDetrimentFindingResult['outcome'], standingFindingIds: string[] = []) => ({
    outcome,
    state: step.state,
    standingFindingIds,
  });

  const settled = await settleByStandingFinding(input.applicationId, step);
  if (settled) return done(settled.outcome, settled.findingIds);
  if (withdrawn) return done('withdrawn');
  const outcome = await awaitOfficerDecision(
    {
      applicationId: input.applicationId,
      documentType: input.documentType,
      decisionOn: (stepId) => (stepId === step.id ? decision : undefined),
      ended: () => withdrawn,
      decidedIn: workflowInfo().workflowId,
    },
    step,
    1,
  );
  return done(outcome);
}

/**
 * Settles the NDF step with the standing findings that cover the case, if any: approved by a
 * positive one (the permit records it), refused with its id by a negative one.
 */
export async function settleByStandingFinding(
  applicationId: string,
  step: FollowedStep,
): Promise<{ outcome: 'approve' | 'reject'; findingIds: string[] } | undefined> {
  const standing = await standingFindingFor({ applicationId });
  if (!standing) return undefined;
  const event = timelineOf(applicationId);
  const ids = standing.findingIds.join(', ');
  if (standing.decision === 'negative') {
    step.state = 'rejected';
    await event('step-rejected', { step: step.id, note: `negative standing non-detriment finding ${ids}` });
    return { outcome: 'reject', findingIds: [] };
  }
  step.state = 'covered-by-finding';
  await event('step-covered-by-finding', { step: step.id, note: ids });
  return { outcome: 'approve', findingIds: standing.findingIds };
}

/** The workflow id of an application's non-detriment finding. */
export function nonDetrimentFindingWorkflowId(applicationId: string): string {
  return `non-detriment-finding-${applicationId}`;
}
