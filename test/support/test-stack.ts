import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Connection as StoreConnection } from 'mongoose';
import pino from 'pino';
import { createApp } from '../../server/app';
import { loadConfig, type PangolinConfig } from '../../server/config';
import { HealthService, temporalProbeConnection } from '../../server/services/health';
import { SystemCheckService } from '../../server/services/system-checks';
import { createPangolinWorker } from '../../server/worker';
import { connectStore } from '../../store/connection';
import { SystemCheckRepository } from '../../store/system-checks';

/** Configuration for one test file: its own database and task queue on the shared servers. */
export function testConfig(env: Record<string, string> = {}): PangolinConfig {
  const suffix = randomUUID().slice(0, 8);
  return loadConfig({
    NODE_ENV: 'test',
    PANGOLIN_PARTY: 'KE',
    TEMPORAL_ADDRESS: requiredEnv('TEMPORAL_ADDRESS'),
    MONGODB_URI: requiredEnv('MONGODB_URI'),
    MONGODB_DATABASE: `pangolin-test-${suffix}`,
    TEMPORAL_TASK_QUEUE: `pangolin-test-${suffix}`,
    LOG_LEVEL: 'warn',
    ...env,
  });
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: integration tests run through jest's global setup`);
  return value;
}

export interface TestStack {
  config: PangolinConfig;
  baseUrl: string;
  store: StoreConnection;
  temporal: Client;
  close(): Promise<void>;
}

let runtimeInstalled = false;
function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Another suite in this process installed it already.
  }
}

/** The API and a worker in this process, against the real servers of the global setup. */
export async function startTestStack(config: PangolinConfig = testConfig()): Promise<TestStack> {
  quietTemporalRuntime();
  const logger = pino({ level: 'warn' });
  const store = await connectStore({ uri: config.mongo.uri!, database: config.mongo.database });
  const connection = await Connection.connect({ address: config.temporal.address! });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const probeConnection = temporalProbeConnection({ address: config.temporal.address! });
  const bundlePath = process.env.PANGOLIN_TEST_WORKFLOW_BUNDLE;
  const { worker, connection: workerConnection } = await createPangolinWorker(config, store, {
    bundle: bundlePath ? { codePath: bundlePath } : undefined,
  });
  const workerRun = worker.run();
  const app = createApp(
    {
      health: new HealthService(config.party, probeConnection, config.temporal.namespace, store),
      systemChecks: new SystemCheckService(
        config.party,
        config.temporal.taskQueue,
        temporal,
        new SystemCheckRepository(store),
      ),
    },
    logger,
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    store,
    temporal,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      worker.shutdown();
      await workerRun;
      await workerConnection.close();
      await Promise.all([connection.close(), probeConnection.close()]);
      await store.dropDatabase().catch(() => undefined);
      await store.close();
    },
  };
}
