import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { noOpActivities } from './no-op-activities';

/**
 * A worker process for the baseline workflow, started like Pangolin's own worker (one process,
 * the SDK's default slots) on a task queue of its own on the same Temporal server.
 * Environment: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: ['SIGINT', 'SIGTERM'] });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: process.env.TEMPORAL_TASK_QUEUE!,
    workflowsPath: require.resolve('../workflows/no-op-lifecycle'),
    activities: noOpActivities,
  });
  process.send?.({ ready: 'no-op worker' });
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
