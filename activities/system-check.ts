import { Context } from '@temporalio/activity';
import type { SystemCheckRecord, SystemCheckRepository } from '../store/system-checks';

export type { SystemCheckRecord };

export interface SystemCheckInput {
  checkId: string;
  party: string;
}

export function createSystemCheckActivities(systemChecks: SystemCheckRepository, workerIdentity: string) {
  return {
    /** Writes the check's record, naming the worker that ran it. */
    async recordSystemCheck(input: SystemCheckInput): Promise<SystemCheckRecord> {
      const { info } = Context.current();
      return systemChecks.record({
        checkId: input.checkId,
        party: input.party,
        workflowId: info.workflowExecution?.workflowId ?? info.activityId,
        taskQueue: info.taskQueue,
        workerIdentity,
        completedAt: new Date(),
      });
    },
  };
}

export type SystemCheckActivities = ReturnType<typeof createSystemCheckActivities>;
