import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { NoOpActivities } from '../support/no-op-activities';

const { noOp } = proxyActivities<NoOpActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '10 seconds' },
});

/** An officer's decision in the baseline: accepted and answered, nothing else. */
export const noOpDecision = defineUpdate<number, [string]>('noOpDecision');

/**
 * The lifecycle benchmark's baseline: the same number of officer decisions (workflow Updates) and
 * of activities as a permit lifecycle, each activity doing nothing and run one after the other.
 * What remains is the cost of Temporal and the worker alone.
 */
export async function noOpLifecycleWorkflow(activityCount: number, decisionCount: number): Promise<number> {
  let decided = 0;
  setHandler(noOpDecision, () => ++decided);
  await condition(() => decided >= decisionCount);
  for (let step = 0; step < activityCount; step++) await noOp(step);
  return activityCount;
}
