import { proxyActivities } from '@temporalio/workflow';
import type { SystemCheckActivities, SystemCheckInput, SystemCheckRecord } from '../activities/system-check';

const { recordSystemCheck } = proxyActivities<SystemCheckActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '10 seconds' },
});

/** Runs one activity that writes to the store: the smallest proof that every part is wired. */
export async function systemCheckWorkflow(input: SystemCheckInput): Promise<SystemCheckRecord> {
  return recordSystemCheck(input);
}
