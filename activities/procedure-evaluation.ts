import { ApplicationFailure } from '@temporalio/activity';
import { evaluateProcedure, requirementsOfApplication, type ProcedureOutcome } from '../forms/procedures';
import type { ApplicationRepository } from '../store/applications';
import type { ProcedureRepository } from '../store/procedures';

export interface ProcedureEvaluationInput {
  applicationId: string;
}

export interface ProcedureEvaluation {
  procedureVersionId: string | null;
  outcome: ProcedureOutcome | null;
}

/**
 * The national procedure's decision for an application, made again inside the lifecycle so that
 * the rule outcome (steps, deadlines, routing, matched rows) is recorded in the workflow history.
 * It always reads the version the application was filed under: a procedure published since does
 * not change a running case.
 */
export function createProcedureEvaluationActivities(
  applications: ApplicationRepository,
  procedures: ProcedureRepository,
) {
  return {
    async evaluateApplicationProcedure(input: ProcedureEvaluationInput): Promise<ProcedureEvaluation> {
      const application = await applications.findWithoutTimeline(input.applicationId);
      if (!application) {
        // The API starts the lifecycle before it stores the application, so this can run first
        // (a busy or restarting database): worth retrying. The workflow's retry policy gives up
        // after a few minutes, when the storing must have failed.
        throw ApplicationFailure.retryable(
          `Application ${input.applicationId} is not stored (yet)`,
          'ApplicationNotStored',
        );
      }
      const versionId = application.procedureVersionId;
      const match = versionId ? /^(.+)@(\d+)$/.exec(versionId) : null;
      const version = match ? await procedures.findVersion(match[1]!, Number(match[2])) : undefined;
      if (versionId && !version) {
        throw ApplicationFailure.nonRetryable(`Procedure version ${versionId} does not exist`, 'NotFound');
      }
      if (!version) return { procedureVersionId: null, outcome: null };
      return {
        procedureVersionId: version.versionId,
        outcome: evaluateProcedure(
          version.definition,
          application.data,
          requirementsOfApplication(application.documentType, application.party, application.data),
        ),
      };
    },
  };
}

export type ProcedureEvaluationActivities = ReturnType<typeof createProcedureEvaluationActivities>;
