import path from 'node:path';
import os from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Connection as StoreConnection } from 'mongoose';
import pino from 'pino';
import { createApp } from '../../server/app';
import { loadConfig, type PangolinConfig } from '../../server/config';
import { temporalProbeConnection } from '../../server/services/health';
import { loadSigningKeys } from '../../server/party-signing';
import { createServices, prepareStore } from '../../server/composition';
import { createPangolinWorker } from '../../server/worker';
import { connectStore } from '../../store/connection';

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
    PANGOLIN_DEMO: 'true',
    PANGOLIN_LOGIN_ATTEMPTS_PER_MINUTE: '10000',
    // One key ring for every test stack: permits signed by one verify on another.
    PANGOLIN_SIGNING_KEYS_DIR: path.join(os.tmpdir(), 'pangolin-test-signing-keys'),
    ...env,
  });
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: integration tests run through jest's global setup`);
  return value;
}

export interface ApiCall {
  method?: string;
  token?: string;
  /** JSON (an object or a JSON text), or raw bytes (a Buffer) sent as they are with the Content-Type in headers. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  /** The answer exactly as sent, for answers that are not text (downloads). */
  bytes: Buffer;
}

export interface TestStack {
  config: PangolinConfig;
  baseUrl: string;
  store: StoreConnection;
  temporal: Client;
  /** Calls the API with a bearer token, JSON in and out. */
  api<T = Record<string, unknown>>(path: string, call?: ApiCall): Promise<ApiAnswer<T>>;
  /** Signs in (demo password unless given) and returns the bearer token. */
  login(email: string, password?: string): Promise<string>;
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

/**
 * The API and a worker in this process, against the real servers of the global setup. Without the
 * worker (`{worker: false}`), the test runs workers of its own, e.g. as processes it can kill.
 */
export async function startTestStack(
  config: PangolinConfig = testConfig(),
  options: { worker?: boolean } = {},
): Promise<TestStack> {
  quietTemporalRuntime();
  const logger = pino({ level: 'warn' });
  const store = await connectStore({ uri: config.mongo.uri!, database: config.mongo.database });
  const connection = await Connection.connect({ address: config.temporal.address! });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const probeConnection = temporalProbeConnection({ address: config.temporal.address! });
  const bundlePath = process.env.PANGOLIN_TEST_WORKFLOW_BUNDLE;
  const inProcess =
    options.worker === false
      ? undefined
      : await createPangolinWorker(config, store, {
          bundle: bundlePath ? { codePath: bundlePath } : undefined,
        });
  const workerRun = inProcess?.worker.run();
  await prepareStore(config, store);
  const app = createApp(
    config,
    createServices(config, store, temporal, probeConnection, await loadSigningKeys(config)),
    logger,
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = async <T>(path: string, call: ApiCall = {}): Promise<ApiAnswer<T>> => {
    const raw = Buffer.isBuffer(call.body);
    const response = await fetch(`${baseUrl}${path}`, {
      method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(call.body !== undefined
          ? { 'content-type': raw ? 'application/octet-stream' : 'application/json' }
          : {}),
        ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
        ...call.headers,
      },
      body:
        call.body === undefined
          ? undefined
          : raw || typeof call.body === 'string'
            ? (call.body as string | Buffer)
            : JSON.stringify(call.body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: body as T, bytes };
  };
  return {
    config,
    baseUrl,
    store,
    temporal,
    api,
    async login(email, password = config.demoPassword) {
      const answer = await api<{ token: string }>('/api/auth/login', { body: { email, password } });
      if (answer.status !== 200)
        throw new Error(`login of ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body.token;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      inProcess?.worker.shutdown();
      await workerRun;
      await inProcess?.connection.close();
      await Promise.all([connection.close(), probeConnection.close()]);
      await store.dropDatabase().catch(() => undefined);
      await store.close();
    },
  };
}
