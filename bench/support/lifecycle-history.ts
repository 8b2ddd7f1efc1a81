import type { Client } from '@temporalio/client';

/**
 * How many activities a workflow and its children scheduled, read from their histories: the
 * baseline workflow runs as many, so both sides do the same number of round trips.
 */
export async function activitiesScheduled(client: Client, workflowId: string): Promise<number> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  let count = 0;
  for (const event of history.events ?? []) {
    if (event.activityTaskScheduledEventAttributes) count++;
    const child = event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
    if (child) count += await activitiesScheduled(client, child);
  }
  return count;
}
