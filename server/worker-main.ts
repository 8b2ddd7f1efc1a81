import { Runtime } from '@temporalio/worker';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { connectStore } from '../store/connection';
import { mongoUri } from './mongo-uri';
import { createPangolinWorker } from './worker';
import { runMain } from './run-main';
import { temporalLoggerFor } from './temporal-logger';

/** Entry point of a worker process. SIGINT/SIGTERM drain running tasks, then exit. */
runMain('worker', async () => {
  const config = loadConfig();
  const logger = createLogger(config, 'worker');
  Runtime.install({
    logger: temporalLoggerFor(logger),
    shutdownSignals: ['SIGINT', 'SIGTERM'],
    // Workflow, activity and task-slot counts for Prometheus, from the SDK's core.
    ...(config.workerMetrics.port
      ? {
          telemetryOptions: {
            metrics: { prometheus: { bindAddress: `127.0.0.1:${config.workerMetrics.port}` } },
          },
        }
      : {}),
  });
  const store = await connectStore({ uri: mongoUri(config), database: config.mongo.database });
  const { worker, connection, identity } = await createPangolinWorker(config, store, { logger });
  logger.info(
    { taskQueue: config.temporal.taskQueue, namespace: config.temporal.namespace, identity },
    'worker ready',
  );
  process.send?.({ ready: 'worker' });
  try {
    await worker.run();
  } finally {
    await connection.close();
    await store.close();
    logger.info('worker stopped');
  }
});
