import {
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  patched,
  proxyActivities,
  setHandler,
  ParentClosePolicy,
  startChild,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { OutgoingMessage } from '../activities/exchange/deliveries';
import { blockLetter } from '../domain/documents/sheets';
import { exchangeDeliveryWorkflow, exchangeDeliveryWorkflowId } from './exchange-delivery';
import type { LifecycleActivities } from '../activities/lifecycle';
import type { QuotaActivities } from '../activities/quotas';
import type { ProcedureEvaluationActivities } from '../activities/procedure-evaluation';
import type { DocumentType } from '../domain/codes/types';
import {
  isPermitReplacementReason,
  type PermitReplacementReason,
} from '../domain/documents/replacement-reasons';
import { COMPLETENESS_CHECK, FINAL_DECISION } from '../forms/procedures/base-steps';
import type { AuditActor } from '../store/audit';
import type { PermitRecord } from '../store/permits';
import type { DecisionOutcome } from '../store/tasks';
import {
  applicationWithdrawn,
  nonDetrimentFindingWorkflow,
  nonDetrimentFindingWorkflowId,
  settleByStandingFinding,
  type NonDetrimentFindingResult,
} from './non-detriment-finding';
import {
  awaitOfficerDecision,
  decideStep,
  refuseInvalidDecision,
  timelineOf,
  type FollowedStep,
  type LifecycleStatus,
  type StepDecision,
} from './officer-step';
import { searchAttributes } from './search-attributes';

export { decideStep, decidingRole, type LifecycleStatus, type StepDecision } from './officer-step';

export interface PermitLifecycleInput {
  applicationId: string;
  /** The applicant, who alone may withdraw the application. */
  applicantId: string;
  party: string;
  documentType: DocumentType;
}

/**
 * Which permit an action after issuance is meant for. Absent, the application's permit as it stands;
 * present, the action is refused when that permit has been replaced in the meantime.
 */
interface AimedAtPermit {
  permitId?: string;
}

/** Boxes 14 and 15, as customs enters them at the border. */
export interface PermitEndorsement extends AimedAtPermit {
  quantities: number[];
  port: string;
  date: string;
  billOfLading?: string;
  officer: AuditActor;
}

export interface PermitCancellation extends AimedAtPermit {
  reason: string;
  officer: AuditActor;
}

/** The Management Authority replaces a valid permit the holder lost (or had stolen or destroyed). */
export interface PermitReplacement extends AimedAtPermit {
  reason: PermitReplacementReason;
  /** What happened; required when the reason is `other`. */
  explanation?: string;
  officer: AuditActor;
}

/** What the importing Party says arrived, per block. */
export interface ImportConfirmation extends AimedAtPermit {
  quantities: number[];
  officer: AuditActor;
}

/** The applicant's answer to a request for more information: the amended data is already stored. */
export interface Amendment {
  applicantId: string;
}

/** How long an applicant has to answer a request for more information before the case lapses. */
export const AMENDMENT_DAYS = 30;

export interface Withdrawal {
  applicantId: string;
  reason?: string;
}

export interface LifecycleState {
  status: LifecycleStatus;
  steps: FollowedStep[];
  permitNumber: string | null;
  /** The permit as it stands now: a replacement's id once replaced. */
  permitId?: string;
  /** How many times the completeness check has been asked (more than once after amendments). */
  round: number;
  /** Standing non-detriment findings that settled the NDF step. */
  nonDetrimentFindingIds: string[];
}

export const amendApplication = defineUpdate<{ status: 'under-review' }, [Amendment]>('amendApplication');
export const withdrawApplication = defineUpdate<{ status: 'withdrawn' }, [Withdrawal]>('withdrawApplication');
export const endorsePermit = defineUpdate<{ status: 'endorsed' }, [PermitEndorsement]>('endorsePermit');
export const cancelPermit = defineUpdate<{ status: 'cancelled' }, [PermitCancellation]>('cancelPermit');
export const replaceIssuedPermit = defineUpdate<{ permitId: string; number: string }, [PermitReplacement]>(
  'replacePermit',
);
export const confirmImport = defineUpdate<{ status: 'used' }, [ImportConfirmation]>('confirmImport');
export const lifecycleState = defineQuery<LifecycleState>('lifecycleState');
/** An import permit from another Party was received and verified: a held Appendix I export looks again. */
export const importPermitReceived = defineSignal('importPermitReceived');

const { reserveExportQuota, returnExportQuota } = proxyActivities<QuotaActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});
const { evaluateApplicationProcedure } = proxyActivities<ProcedureEvaluationActivities>({
  startToCloseTimeout: '30 seconds',
  // An application whose storing failed after its lifecycle started is never found: give up then.
  retry: { maximumInterval: '30 seconds', maximumAttempts: 12, nonRetryableErrorTypes: ['NotFound'] },
});
const {
  issuePermit,
  updatePermit,
  replacePermit,
  verifiedImportPermitFor,
  drawReExportQuantities,
  returnReExportQuantities,
} = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds', nonRetryableErrorTypes: ['PermitNotIssuable'] },
});

const DAY_MS = 86_400_000;
const NON_DETRIMENT = 'sa-non-detriment';
const IMPORT_PERMIT_FIRST = 'ma-import-permit-granted';

/**
 * One application from submission to issuance: the completeness check, then the findings the
 * Convention and the national procedure require (in parallel, as they are independent), then the
 * final decision and the permit. Officers decide through the `decideStep` update, whose validator
 * refuses a wrong role, a step that is not open, or a refusal without reasons before anything is
 * recorded. Steps national law lets a rule decide are recorded as such.
 */
export async function permitLifecycleWorkflow(input: PermitLifecycleInput): Promise<LifecycleState> {
  const evaluation = await evaluateApplicationProcedure({ applicationId: input.applicationId });
  if (!evaluation.outcome) {
    throw ApplicationFailure.nonRetryable(`Application ${input.applicationId} has no procedure outcome`);
  }
  const state: LifecycleState = {
    status: 'under-review',
    steps: evaluation.outcome.steps.map((step) => ({ ...step, state: 'waiting' as const })),
    permitNumber: null,
    round: 1,
    nonDetrimentFindingIds: [],
  };
  const decisions = new Map<string, StepDecision>();
  let withdrawal: Withdrawal | undefined;
  let amended = false;
  let authorised: number[] = [];
  let endorsement: PermitEndorsement | undefined;
  let cancellation: PermitCancellation | undefined;
  let importConfirmation: ImportConfirmation | undefined;
  let replacementRequest: PermitReplacement | undefined;
  let replacementMade: ((permit: PermitRecord) => void) | undefined;
  let currentPermit: PermitRecord | undefined;

  const officerMay = (officer: AuditActor, role: string, or?: string) => {
    if (!officer.roles.includes(role) && !(or && officer.roles.includes(or))) {
      throw ApplicationFailure.nonRetryable(`Only a ${role} may do this`, 'WrongRole');
    }
  };
  /** A replaced permit is void: whoever holds it is told which permit replaced it. */
  const stillCurrent = (request: AimedAtPermit) => {
    if (request.permitId !== undefined && currentPermit && request.permitId !== currentPermit.id) {
      throw ApplicationFailure.nonRetryable(
        `This permit was replaced by ${currentPermit.number}`,
        'PermitReplaced',
      );
    }
  };
  setHandler(
    endorsePermit,
    (request) => {
      endorsement = request;
      return { status: 'endorsed' as const };
    },
    {
      validator: (request) => {
        officerMay(request.officer, 'customs_officer');
        stillCurrent(request);
        if (state.status === 'endorsed' || state.status === 'used' || endorsement) {
          throw ApplicationFailure.nonRetryable(
            'This permit has been endorsed already: one consignment per permit',
            'AlreadyEndorsed',
          );
        }
        if (state.status !== 'issued' || cancellation) {
          throw ApplicationFailure.nonRetryable(
            `A permit that is ${state.status} cannot be endorsed`,
            'NotEndorsable',
          );
        }
        if (request.quantities.length !== authorised.length) {
          throw ApplicationFailure.nonRetryable(
            `Give one quantity for each of the ${authorised.length} blocks`,
            'InvalidQuantities',
          );
        }
        request.quantities.forEach((quantity: number, index: number) => {
          if (!(quantity >= 0) || quantity > authorised[index]!) {
            throw ApplicationFailure.nonRetryable(
              `Block ${index + 1}: ${quantity} is more than the ${authorised[index]} authorised`,
              'InvalidQuantities',
            );
          }
        });
      },
    },
  );
  setHandler(
    cancelPermit,
    (request) => {
      cancellation = request;
      return { status: 'cancelled' as const };
    },
    {
      validator: (request) => {
        officerMay(request.officer, 'ma_officer');
        stillCurrent(request);
        if (state.status !== 'issued' || endorsement || cancellation || replacementRequest) {
          throw ApplicationFailure.nonRetryable(
            `A permit that is ${state.status} cannot be cancelled`,
            'NotCancellable',
          );
        }
        if (!request.reason.trim()) {
          throw ApplicationFailure.nonRetryable('Give the reason for the cancellation', 'ReasonRequired');
        }
      },
    },
  );
  setHandler(
    confirmImport,
    (request) => {
      importConfirmation = request;
      return { status: 'used' as const };
    },
    {
      validator: (request) => {
        // The importing Party's own confirmation arrives signed, through the exchange.
        officerMay(request.officer, 'ma_officer', 'peer_party');
        stillCurrent(request);
        if (state.status !== 'endorsed' || importConfirmation) {
          throw ApplicationFailure.nonRetryable(
            'Only an endorsed permit waits for the import confirmation',
            'NotConfirmable',
          );
        }
        if (request.quantities.length !== authorised.length) {
          throw ApplicationFailure.nonRetryable(
            `Give one quantity for each of the ${authorised.length} blocks`,
            'InvalidQuantities',
          );
        }
      },
    },
  );
  setHandler(
    replaceIssuedPermit,
    async (request) => {
      replacementRequest = request;
      // The caller gets the replacement's number once it is issued.
      const replacement = await new Promise<PermitRecord>((resolve) => (replacementMade = resolve));
      return { permitId: replacement.id, number: replacement.number };
    },
    {
      validator: (request) => {
        officerMay(request.officer, 'ma_officer');
        stillCurrent(request);
        if (state.status !== 'issued' || endorsement || cancellation || replacementRequest) {
          throw ApplicationFailure.nonRetryable(
            `A permit that is ${state.status} cannot be replaced; only a valid permit not yet endorsed`,
            'NotReplaceable',
          );
        }
        if (!isPermitReplacementReason(request.reason)) {
          throw ApplicationFailure.nonRetryable(
            'The reason is one of lost, stolen, destroyed or other',
            'InvalidReason',
          );
        }
        if (request.reason === 'other' && !request.explanation?.trim()) {
          throw ApplicationFailure.nonRetryable('Say why the permit is replaced', 'ReasonRequired');
        }
      },
    },
  );
  const stepNamed = (id: string) => state.steps.find((step) => step.id === id);
  let importPermitArrivals = 0;
  setHandler(importPermitReceived, () => {
    importPermitArrivals++;
  });

  setHandler(lifecycleState, () => state);
  setHandler(
    withdrawApplication,
    (request) => {
      withdrawal = request;
      return { status: 'withdrawn' as const };
    },
    {
      validator: (request) => {
        if (request.applicantId !== input.applicantId) {
          throw ApplicationFailure.nonRetryable(
            'Only the applicant may withdraw an application',
            'WrongApplicant',
          );
        }
        const decided = stepNamed(FINAL_DECISION)?.state;
        if (
          (state.status !== 'under-review' && state.status !== 'more-information-requested') ||
          withdrawal ||
          decided === 'approved' ||
          decided === 'made-by-rule'
        ) {
          throw ApplicationFailure.nonRetryable(
            'The application has been decided; it can no longer be withdrawn',
            'NotWithdrawable',
          );
        }
      },
    },
  );
  setHandler(
    decideStep,
    (decision) => {
      decisions.set(decision.step, decision);
      return { step: decision.step, outcome: decision.outcome };
    },
    {
      validator: (decision) =>
        refuseInvalidDecision(
          stepNamed(decision.step),
          decision,
          decisions.has(decision.step) || withdrawal !== undefined,
        ),
    },
  );

  setHandler(
    amendApplication,
    () => {
      amended = true;
      return { status: 'under-review' as const };
    },
    {
      validator: (amendment) => {
        if (amendment.applicantId !== input.applicantId) {
          throw ApplicationFailure.nonRetryable(
            'Only the applicant may amend an application',
            'WrongApplicant',
          );
        }
        if (state.status !== 'more-information-requested' || amended) {
          throw ApplicationFailure.nonRetryable('No more information has been asked for', 'NotAmendable');
        }
      },
    },
  );

  const event = timelineOf(input.applicationId);

  const setStatus = (status: LifecycleStatus) => {
    state.status = status;
    upsertSearchAttributes([{ key: searchAttributes.applicationStatus, value: status }]);
  };

  /** Waits for an officer's decision on the step, reminding the timeline when its deadline passes. */
  async function humanStep(step: LifecycleState['steps'][number]): Promise<DecisionOutcome | 'withdrawn'> {
    const round = step.id === COMPLETENESS_CHECK ? state.round : 1;
    if (withdrawal) return 'withdrawn';
    if (step.automatic) {
      step.state = 'made-by-rule';
      await event('step-made-by-rule', { step: step.id });
      return 'approve';
    }
    if (step.id === NON_DETRIMENT && patched('ndf-child-workflow')) return scientificAuthorityFinding(step);
    // Lifecycles started before standing findings existed keep going without looking for one.
    if (step.id === NON_DETRIMENT && patched('standing-non-detriment-findings')) {
      const settled = await settleByStandingFinding(input.applicationId, step);
      if (settled) {
        state.nonDetrimentFindingIds = settled.findingIds;
        return settled.outcome;
      }
    }
    // Appendix I: the importing Party's own import permit, received and verified, settles the step.
    const importPermitFirst = step.id === IMPORT_PERMIT_FIRST && patched('verified-import-permits');
    if (importPermitFirst) {
      const received = await verifiedImportPermitFor({
        applicationId: input.applicationId,
        party: input.party,
      });
      if (received?.settled) return coveredByImportPermit(step, received.note);
      if (received) await event('import-permit-not-sufficient', { step: step.id, note: received.note });
    }
    // While the officer has the task, an import permit arriving may settle it (lifecycles from before wait for the officer).
    let settledBy: string | undefined;
    const watching = importPermitFirst && patched('import-permit-arrivals');
    let decided = false;
    const stepOver = () => decided || decisions.has(step.id) || withdrawal !== undefined;
    const watcher = watching ? watchImportPermitArrivals(stepOver, (note) => (settledBy = note)) : undefined;
    const outcome = await awaitOfficerDecision(
      {
        applicationId: input.applicationId,
        documentType: input.documentType,
        decisionOn: (stepId) => decisions.get(stepId),
        ended: () => withdrawal !== undefined || settledBy !== undefined,
      },
      step,
      round,
    );
    decided = true;
    await watcher;
    // The officer's decision, if it came first, stands.
    if (outcome === 'withdrawn' && settledBy !== undefined && !withdrawal) {
      return coveredByImportPermit(step, settledBy);
    }
    return outcome;
  }

  async function coveredByImportPermit(step: FollowedStep, note: string): Promise<'approve'> {
    step.state = 'covered-by-import-permit';
    await event('step-covered-by-import-permit', { step: step.id, note });
    return 'approve';
  }

  /** Looks again at each import permit received until one settles the step or the officer decides it. */
  async function watchImportPermitArrivals(done: () => boolean, settle: (note: string) => void) {
    let seen = importPermitArrivals;
    for (;;) {
      await condition(() => done() || importPermitArrivals > seen);
      if (done()) return;
      seen = importPermitArrivals;
      const received = await verifiedImportPermitFor({
        applicationId: input.applicationId,
        party: input.party,
      });
      if (done()) return;
      if (received?.settled) return settle(received.note);
      if (received)
        await event('import-permit-not-sufficient', { step: IMPORT_PERMIT_FIRST, note: received.note });
    }
  }

  /**
   * The non-detriment finding as its own child workflow, which the SA decides; a withdrawal of the
   * application is passed on to it, so its task is cancelled.
   */
  async function scientificAuthorityFinding(step: FollowedStep): Promise<DecisionOutcome | 'withdrawn'> {
    step.state = 'open';
    const finding = await startChild(nonDetrimentFindingWorkflow, {
      workflowId: nonDetrimentFindingWorkflowId(input.applicationId),
      args: [{ applicationId: input.applicationId, documentType: input.documentType, step }],
    });
    let result: NonDetrimentFindingResult | undefined;
    if (patched('ndf-result-race')) {
      // Whichever comes first: the finding, or the applicant's withdrawal (passed on to the finding).
      const withdrawn = condition(() => withdrawal !== undefined).then(() => undefined);
      result = await Promise.race([finding.result(), withdrawn]);
      if (!result) {
        await finding.signal(applicationWithdrawn);
        result = await finding.result();
      }
    } else {
      // Lifecycles begun before: a condition on state set when the result arrived, as they ran.
      const finished = finding.result().then((answer) => (result = answer));
      await condition(() => result !== undefined || withdrawal !== undefined);
      if (!result) await finding.signal(applicationWithdrawn);
      await finished;
    }
    step.state = result!.state;
    if (result!.standingFindingIds.length) state.nonDetrimentFindingIds = result!.standingFindingIds;
    return result!.outcome;
  }

  const reject = async () => {
    setStatus('rejected');
    await event('rejected', { status: 'rejected' });
    return state;
  };
  const withdrawn = async () => {
    setStatus('withdrawn');
    await event('withdrawn', {
      status: 'withdrawn',
      ...(withdrawal?.reason ? { note: withdrawal.reason } : {}),
    });
    return state;
  };

  setStatus('under-review');
  await event('review-started', { status: 'under-review' });
  // The completeness check, as often as the officer sends the application back and the applicant amends it.
  for (;;) {
    const completeness = await humanStep(stepNamed(COMPLETENESS_CHECK)!);
    if (completeness === 'withdrawn') return withdrawn();
    if (completeness === 'reject') return reject();
    if (completeness === 'approve') break;
    decisions.delete(COMPLETENESS_CHECK);
    setStatus('more-information-requested');
    if (!(await condition(() => amended || withdrawal !== undefined, AMENDMENT_DAYS * DAY_MS))) {
      await event('lapsed', { note: `no answer within ${AMENDMENT_DAYS} days` });
      return reject();
    }
    if (withdrawal) return withdrawn();
    amended = false;
    state.round++;
    // The amended data may change what the procedure asks for.
    const again = await evaluateApplicationProcedure({ applicationId: input.applicationId });
    state.steps = (again.outcome?.steps ?? state.steps).map((step) => ({
      ...step,
      state: 'waiting' as const,
    }));
    setStatus('under-review');
    await event('amended', { status: 'under-review' });
  }

  const findings = state.steps.filter((step) => step.id !== COMPLETENESS_CHECK && step.id !== FINAL_DECISION);
  const outcomes = await Promise.all(findings.map(humanStep));
  if (outcomes.includes('withdrawn')) return withdrawn();
  if (outcomes.includes('reject')) return reject();

  const decision = await humanStep(stepNamed(FINAL_DECISION)!);
  if (decision === 'withdrawn') return withdrawn();
  if (decision === 'reject') return reject();

  // A re-export cannot take out more than came in (lifecycles begun earlier issue as they did).
  if (input.documentType === 're-export' && patched('re-export-balances')) {
    const drawn = await drawReExportQuantities({ applicationId: input.applicationId });
    if (drawn.refused) {
      await event('re-export-quantity-refused', { note: drawn.reason });
      return reject();
    }
    await event('re-export-quantity-drawn', { note: drawn.notes.join('; ') });
  }

  // An export counts against the quotas of its species; never more than is left (exports begun earlier issue as they did).
  let quotaUse: Awaited<ReturnType<typeof reserveExportQuota>> | undefined;
  if (input.documentType === 'export' && patched('export-quotas')) {
    quotaUse = await reserveExportQuota({ applicationId: input.applicationId });
    if (quotaUse.refused) {
      await event('quota-exceeded', { note: quotaUse.reason });
      return reject();
    }
    if (quotaUse.notes.length) await event('quota-reserved', { note: quotaUse.notes.join('; ') });
  }

  const permit: PermitRecord = await issuePermit({
    applicationId: input.applicationId,
    party: input.party,
    documentType: input.documentType,
    nonDetrimentFindingIds: state.nonDetrimentFindingIds,
    ...(decisions.get(FINAL_DECISION) ? { issuedBy: decisions.get(FINAL_DECISION)!.officer } : {}),
    ...(quotaUse && !quotaUse.refused && quotaUse.notes.length ? { quotaUse: quotaUse.quotaUse } : {}),
  });
  state.permitNumber = permit.number;
  // Known to the update validators before anything else is awaited: customs may endorse at once.
  currentPermit = permit;
  state.permitId = permit.id;
  authorised = permit.authorisedQuantities;
  setStatus('issued');
  await event('issued', { status: 'issued', note: permit.number });
  // Lifecycles that ended at issuance before this was added stay as they were.
  if (!patched('permit-after-issuance')) return state;
  return afterIssuance(permit);

  /**
   * The issued permit waits for its export endorsement, its cancellation or the end of its
   * validity (a durable timer: months, across restarts); once endorsed, for the importing Party's
   * confirmation of what arrived, and it is used.
   */
  async function afterIssuance(issued: PermitRecord): Promise<LifecycleState> {
    // Permits issued before the exchange existed were never sent to the other Party.
    const exchanging = patched('permit-exchange');
    /** Tells the Party across the border (when it is a peer), retrying apart from this lifecycle. */
    const sendToPeer = async (message: OutgoingMessage, aboutPermitId: string, what: string) => {
      if (!exchanging) return;
      const messageId = `${aboutPermitId}-${what}`;
      await startChild(exchangeDeliveryWorkflow, {
        workflowId: exchangeDeliveryWorkflowId(messageId),
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [{ messageId, message, aboutPermitId, applicationId: input.applicationId }],
      });
    };
    currentPermit = issued;
    state.permitId = issued.id;
    authorised = issued.authorisedQuantities;
    await sendToPeer({ kind: 'permit', permitId: issued.id }, issued.id, 'permit');
    // A replacement keeps the last day of validity: validity cannot be extended.
    const endOfValidity = Date.parse(`${issued.validUntil}T23:59:59Z`);
    /** What a re-export certificate drew and did not take out goes back to its import. */
    const returnUnusedReExport = async (endorsedQuantities?: number[]) => {
      // Certificates issued before returns existed keep their whole draw.
      if (input.documentType !== 're-export' || !patched('re-export-returns')) return;
      const { notes } = await returnReExportQuantities({
        applicationId: input.applicationId,
        ...(endorsedQuantities ? { endorsedQuantities } : {}),
      });
      if (notes.length) await event('re-export-quantity-returned', { note: notes.join('; ') });
    };
    /** What an export permit reserved of its quotas and did not take out goes back to them. */
    const returnUnusedQuota = async (endorsedQuantities?: number[]) => {
      if (!quotaUse || quotaUse.refused || !quotaUse.notes.length) return;
      const { notes } = await returnExportQuota({
        applicationId: input.applicationId,
        issuedOn: issued.validFrom,
        ...(endorsedQuantities ? { endorsedQuantities } : {}),
      });
      if (notes.length) await event('quota-returned', { note: notes.join('; ') });
    };
    let acted: boolean;
    for (;;) {
      acted = await condition(
        () => endorsement !== undefined || cancellation !== undefined || replacementRequest !== undefined,
        Math.max(0, endOfValidity - Date.now()),
      );
      if (!replacementRequest) break;
      const request = replacementRequest;
      const replaced: PermitRecord = currentPermit;
      currentPermit = await replacePermit({
        applicationId: input.applicationId,
        replacedPermitId: replaced.id,
        reason: request.reason,
        ...(request.explanation ? { explanation: request.explanation } : {}),
        by: request.officer,
      });
      state.permitNumber = currentPermit.number;
      state.permitId = currentPermit.id;
      replacementRequest = undefined;
      await sendToPeer({ kind: 'permit', permitId: currentPermit.id }, currentPermit.id, 'permit');
      await sendToPeer(
        { kind: 'permit-replaced', body: { number: replaced.number, replacedBy: currentPermit.number } },
        replaced.id,
        'replaced',
      );
      await event('permit-replaced', {
        note: `${replaced.number} → ${currentPermit.number} (${request.reason}${request.explanation ? `: ${request.explanation}` : ''})`,
        by: request.officer,
      });
      // Answered once the timeline says so, so the caller's next look finds it there.
      replacementMade?.(currentPermit);
    }
    if (cancellation) {
      await updatePermit({
        applicationId: input.applicationId,
        permitId: currentPermit.id,
        change: {
          status: 'cancelled',
          cancellation: { reason: cancellation.reason, by: cancellation.officer.userId },
        },
        by: cancellation.officer,
      });
      setStatus('cancelled');
      await event('cancelled', { status: 'cancelled', note: cancellation.reason, by: cancellation.officer });
      await sendToPeer(
        { kind: 'permit-cancelled', body: { number: currentPermit.number, reason: cancellation.reason } },
        currentPermit.id,
        'cancelled',
      );
      await returnUnusedReExport();
      await returnUnusedQuota();
      return state;
    }
    if (!acted || !endorsement) {
      await updatePermit({
        applicationId: input.applicationId,
        permitId: currentPermit.id,
        change: { status: 'expired' },
        by: null,
      });
      setStatus('expired');
      await event('expired', { status: 'expired' });
      await returnUnusedReExport();
      await returnUnusedQuota();
      return state;
    }
    const { officer, permitId: _aimedAt, ...endorsed } = endorsement;
    await updatePermit({
      applicationId: input.applicationId,
      permitId: currentPermit.id,
      change: { status: 'endorsed', endorsement: { ...endorsed, by: officer.userId } },
      by: officer,
    });
    setStatus('endorsed');
    await event('endorsed', { status: 'endorsed', note: `${endorsed.port}, ${endorsed.date}`, by: officer });
    await sendToPeer(
      {
        kind: 'export-endorsed',
        body: {
          number: currentPermit.number,
          blocks: endorsed.quantities.map((quantity, index) => ({
            block: blockLetter(index) ?? String(index + 1),
            quantity,
          })),
          port: endorsed.port,
          date: endorsed.date,
        },
      },
      currentPermit.id,
      'endorsed',
    );
    await returnUnusedReExport(endorsed.quantities);
    await returnUnusedQuota(endorsed.quantities);
    await condition(() => importConfirmation !== undefined);
    const confirmation = importConfirmation!;
    await updatePermit({
      applicationId: input.applicationId,
      permitId: currentPermit.id,
      change: {
        status: 'used',
        importConfirmation: { quantities: confirmation.quantities, by: confirmation.officer.userId },
      },
      by: confirmation.officer,
    });
    setStatus('used');
    await event('used', { status: 'used', by: confirmation.officer });
    return state;
  }
}

/** The workflow id of an application's lifecycle: the Party and the application id. */
export function lifecycleWorkflowId(applicationId: string): string {
  return `permit-lifecycle-${applicationId}`;
}
