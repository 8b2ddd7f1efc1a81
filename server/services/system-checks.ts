import { randomUUID } from 'node:crypto';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import type { SystemCheckRecord, SystemCheckRepository } from '../../store/system-checks';
import { systemCheckWorkflow } from '../../workflows/system-check';
import { notFound, unavailable } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';

export type SystemCheckOutcome =
  | { state: 'completed'; check: SystemCheckRecord }
  | { state: 'running'; checkId: string; workflowId: string };

const checkIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Starts a system check workflow on the Party's task queue and waits a little for a worker to
 * finish it, so an administrator sees in one call whether the whole chain works.
 */
export class SystemCheckService {
  constructor(
    private readonly party: string,
    private readonly taskQueue: string,
    private readonly temporal: Client,
    private readonly systemChecks: SystemCheckRepository,
    private readonly audit: AuditTrail,
    private readonly waitMs = 20_000,
  ) {}

  async run(caller: Caller): Promise<SystemCheckOutcome> {
    requirePermission(caller, 'system.check');
    const checkId = randomUUID();
    const workflowId = `${this.party}-system-check-${checkId}`;
    let handle;
    try {
      handle = await this.temporal.workflow.start(systemCheckWorkflow, {
        workflowId,
        taskQueue: this.taskQueue,
        args: [{ checkId, party: this.party }],
        workflowExecutionTimeout: '10 minutes',
      });
    } catch (error) {
      throw unavailable(`Temporal did not accept the system check: ${(error as Error).message}`);
    }
    await this.audit.record(caller, {
      action: 'system-check.started',
      objectType: 'system-check',
      objectId: checkId,
    });
    let timer: NodeJS.Timeout | undefined;
    const stillRunning = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.waitMs);
    });
    try {
      const check = await Promise.race([handle.result(), stillRunning]);
      return check ? { state: 'completed', check } : { state: 'running', checkId, workflowId };
    } catch (error) {
      if (error instanceof WorkflowFailedError)
        throw unavailable(`The system check failed: ${error.cause?.message ?? error.message}`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async find(caller: Caller, checkId: string): Promise<SystemCheckRecord> {
    requirePermission(caller, 'system.check');
    const check = checkIdPattern.test(checkId) ? await this.systemChecks.find(checkId) : undefined;
    if (!check) throw notFound(`System check ${checkId}`);
    return check;
  }
}
