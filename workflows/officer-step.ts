import { ApplicationFailure, condition, defineUpdate, patched, proxyActivities } from '@temporalio/workflow';
import type { LifecycleActivities } from '../activities/lifecycle';
import type { DocumentType } from '../domain/codes/types';
import { isRole } from '../domain/roles';
import { COMPLETENESS_CHECK } from '../forms/procedures/base-steps';
import type { OutcomeStep } from '../forms/procedures/definition';
import type { ApplicationStatus } from '../store/applications';
import type { AuditActor } from '../store/audit';
import type { DecisionAttachment, DecisionOutcome } from '../store/tasks';

/** An officer's decision on an open step, as the API hands it to the workflow. */
export interface StepDecision {
  step: string;
  outcome: DecisionOutcome;
  comment?: string;
  /** Files the officer attached (their own uploads, checked by the API). */
  attachments?: DecisionAttachment[];
  officer: AuditActor;
}

/** Where an application stands once its lifecycle has it: every status but the moment of submission. */
export type LifecycleStatus = Exclude<ApplicationStatus, 'submitted'>;

/** A step of the procedure as the lifecycle follows it. */
export type FollowedStep = OutcomeStep & {
  state:
    | 'waiting'
    | 'open'
    | 'approved'
    | 'rejected'
    | 'more-information'
    | 'made-by-rule'
    | 'covered-by-finding'
    | 'covered-by-import-permit'
    | 'withdrawn';
};

/** Sent to whichever workflow holds the step: the lifecycle, or the NDF's own child workflow. */
export const decideStep = defineUpdate<{ step: string; outcome: DecisionOutcome }, [StepDecision]>(
  'decideStep',
);

const { openTask, closeTask, cancelTask, recordApplicationEvent, escalateTask } =
  proxyActivities<LifecycleActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { maximumInterval: '30 seconds', nonRetryableErrorTypes: ['PermitNotIssuable'] },
  });

const DAY_MS = 86_400_000;
/** The share of a step's time after which its officers are reminded. */
const REMINDER_AT = 0.8;

const STEP_STATE_AFTER = {
  approve: 'approved',
  reject: 'rejected',
  'more-information': 'more-information',
} as const satisfies Record<DecisionOutcome, FollowedStep['state']>;

const EVENT_AFTER: Record<DecisionOutcome, string> = {
  approve: 'step-approved',
  reject: 'step-rejected',
  'more-information': 'more-information-requested',
};

/**
 * The role that decides a step: its actor when that is a role, else (an officer group of the
 * Management Authority, such as its veterinary services desk) the MA officers.
 */
export function decidingRole(actor: string): string {
  return isRole(actor) ? actor : 'ma_officer';
}

export interface TimelineEntry {
  step?: string;
  note?: string;
  status?: LifecycleStatus;
  by?: AuditActor;
}

/** Writes events to the application's timeline (and audit trail) through the store. */
export function timelineOf(applicationId: string) {
  return (name: string, extra: TimelineEntry = {}) =>
    recordApplicationEvent({
      applicationId,
      event: name,
      by: extra.by ?? null,
      ...(extra.step ? { step: extra.step } : {}),
      ...(extra.note ? { note: extra.note } : {}),
      ...(extra.status ? { status: extra.status } : {}),
    });
}

/**
 * Refuses a decision the step cannot take, before anything is recorded: a step that is not open
 * (or was decided, or the application withdrawn), a wrong role, more information asked anywhere but
 * the completeness check, a refusal without reasons.
 */
export function refuseInvalidDecision(
  step: FollowedStep | undefined,
  decision: StepDecision,
  closed: boolean,
): void {
  if (!step || step.state !== 'open' || closed) {
    throw ApplicationFailure.nonRetryable(`The step ${decision.step} is not open for a decision`, 'NotOpen');
  }
  if (!decision.officer.roles.includes(decidingRole(step.actor))) {
    throw ApplicationFailure.nonRetryable(
      `The step ${decision.step} is decided by ${decidingRole(step.actor)}`,
      'WrongRole',
    );
  }
  if (decision.outcome === 'more-information' && decision.step !== COMPLETENESS_CHECK) {
    throw ApplicationFailure.nonRetryable(
      'Only the completeness check sends an application back for more information',
      'InvalidOutcome',
    );
  }
  if (decision.outcome !== 'approve' && !decision.comment?.trim()) {
    throw ApplicationFailure.nonRetryable('A refusal needs its reasons in the comment', 'ReasonRequired');
  }
}

export interface OfficerStepContext {
  applicationId: string;
  documentType: DocumentType;
  /** The officer's decision on the step once given. */
  decisionOn: (stepId: string) => StepDecision | undefined;
  /** The step ended without a decision: the application was withdrawn, or the step settled another way. */
  ended: () => boolean;
  /** The workflow the officer's decision goes to, when it is not the application's lifecycle. */
  decidedIn?: string;
}

/**
 * Opens the step's task and waits for the officer: a reminder on the timeline when four fifths of
 * the time have gone, escalation to the role's supervisor when the deadline passes, then the
 * decision recorded on the task and the timeline (or, when the step ended otherwise, its task
 * cancelled and `withdrawn` answered).
 */
export async function awaitOfficerDecision(
  context: OfficerStepContext,
  step: FollowedStep,
  round: number,
): Promise<DecisionOutcome | 'withdrawn'> {
  const { applicationId } = context;
  const event = timelineOf(applicationId);
  // Open before the task exists in the store: an officer who sees it there can decide at once.
  step.state = 'open';
  await openTask({
    applicationId,
    round,
    documentType: context.documentType,
    step: step.id,
    title: step.title,
    actor: decidingRole(step.actor),
    deadlineDays: step.deadlineDays,
    ...(context.decidedIn ? { workflowId: context.decidedIn } : {}),
  });
  const answered = () => context.decisionOn(step.id) !== undefined || context.ended();
  let waitMs = step.deadlineDays * DAY_MS;
  // A reminder when four fifths of the time have gone, before the deadline passes.
  if (patched('step-reminders')) {
    const reminderMs = Math.floor(waitMs * REMINDER_AT);
    if (!(await condition(answered, reminderMs))) {
      await event('step-reminder', {
        step: step.id,
        note: `due in ${step.deadlineDays - Math.floor(step.deadlineDays * REMINDER_AT)} days`,
      });
    }
    waitMs -= reminderMs;
  }
  if (!answered() && !(await condition(answered, waitMs))) {
    await event('step-overdue', {
      step: step.id,
      note: `no decision within ${step.deadlineDays} days; escalated`,
    });
    // Lifecycles overdue before supervisors existed were only flagged on the timeline.
    if (patched('step-escalation')) {
      const { escalatedTo } = await escalateTask({
        applicationId,
        step: step.id,
        round,
        actor: decidingRole(step.actor),
      });
      await event('step-escalated', { step: step.id, note: `escalated to ${escalatedTo}` });
    }
    await condition(answered);
  }
  const decision = context.decisionOn(step.id);
  if (!decision) {
    step.state = 'withdrawn';
    await cancelTask({ applicationId, step: step.id, round });
    return 'withdrawn';
  }
  step.state = STEP_STATE_AFTER[decision.outcome];
  await closeTask({
    applicationId,
    round,
    step: step.id,
    decision: {
      outcome: decision.outcome,
      ...(decision.comment ? { comment: decision.comment } : {}),
      ...(decision.attachments?.length ? { attachments: decision.attachments } : {}),
      by: decision.officer.userId,
      at: new Date().toISOString(),
    },
  });
  await event(EVENT_AFTER[decision.outcome], {
    step: step.id,
    by: decision.officer,
    ...(decision.comment ? { note: decision.comment } : {}),
    ...(decision.outcome === 'more-information' ? { status: 'more-information-requested' as const } : {}),
  });
  return decision.outcome;
}
