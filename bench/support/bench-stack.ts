import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { startFerretDb } from '../../scripts/services/ferretdb';
import { freePort, type ManagedProcess } from '../../scripts/services/managed-process';
import { startTemporalDevServer } from '../../scripts/services/temporal-dev-server';
import { answersOk, readyWithin, startNodeChild } from './node-child';

export interface BenchCall {
  method?: string;
  token?: string;
  /** Sent as JSON (a string is sent as it is, still as JSON). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BenchStack {
  /** The API process. */
  baseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  mongoUri: string;
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api<T = any>(path: string, call?: BenchCall): Promise<{ status: number; body: T }>;
  /** Signs a demo account in and answers its bearer token. */
  login(email: string): Promise<string>;
  /** Stops the children and the servers this stack started, and removes its temporary directory. */
  close(): Promise<void>;
}

export interface BenchStackOptions {
  party?: string;
  /** Extra environment for the API and the worker. */
  env?: Record<string, string>;
  /** Node flags for the API process only, e.g. `['--cpu-prof', '--cpu-prof-dir=/tmp/prof']`. */
  apiNodeArgs?: string[];
  /** Progress lines (start-up takes a while). */
  log?: (line: string) => void;
}

/** The demo accounts' password (`PANGOLIN_DEMO_PASSWORD` is left at its default). */
const DEMO_PASSWORD = 'pangolin-demo';

/**
 * Pangolin as it runs in production, for measuring: the built worker and API entry points as
 * child processes, against a Temporal dev server and a FerretDB of their own in a temporary
 * directory (or the servers of TEMPORAL_ADDRESS and MONGODB_URI). Demo mode seeds the accounts;
 * the public and sign-in rate limits are at their maxima so that the load is measured, not refused.
 */
export async function startBenchStack(options: BenchStackOptions = {}): Promise<BenchStack> {
  const log = options.log ?? (() => undefined);
  const party = options.party ?? 'KE';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-bench-'));
  const suffix = randomUUID().slice(0, 8);
  const database = `pangolin-bench-${suffix}`;
  const taskQueue = `pangolin-bench-${suffix}`;
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
  const started: ManagedProcess[] = [];
  const stopAll = async () => {
    for (const child of [...started].reverse()) await child.stop(10_000);
  };

  try {
    // Both awaited to the end, so that a failure of one still leaves the other in `started` to stop.
    const [temporal, mongo] = await Promise.allSettled([
      process.env.TEMPORAL_ADDRESS ||
        freePort().then(async (port) => {
          log(`starting a Temporal dev server on 127.0.0.1:${port}`);
          const temporal = await startTemporalDevServer({
            port,
            dbFile: path.join(dir, 'temporal.db'),
            namespace,
            logFile: path.join(dir, 'temporal.log'),
          });
          started.push(temporal.process);
          return temporal.address;
        }),
      process.env.MONGODB_URI ||
        freePort().then(async (port) => {
          log(`starting FerretDB on 127.0.0.1:${port}`);
          const ferretdb = await startFerretDb({
            port,
            dataDir: path.join(dir, 'ferretdb'),
            logFile: path.join(dir, 'ferretdb.log'),
          });
          started.push(ferretdb.process);
          return ferretdb.uri;
        }),
    ]);
    if (temporal.status === 'rejected') throw temporal.reason;
    if (mongo.status === 'rejected') throw mongo.reason;
    const temporalAddress = temporal.value;
    const mongoUri = mongo.value;

    const apiPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      NODE_ENV: 'test',
      PANGOLIN_DEMO: 'true',
      PANGOLIN_PARTY: party,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      MONGODB_URI: mongoUri,
      MONGODB_DATABASE: database,
      PANGOLIN_DATA_DIR: dir,
      PANGOLIN_SIGNING_KEYS_DIR: path.join(dir, 'keys'),
      // The maxima server/config.ts accepts: a benchmark of 429 answers measures nothing.
      PANGOLIN_PUBLIC_REQUESTS_PER_MINUTE: '1000000',
      PANGOLIN_LOGIN_ATTEMPTS_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
    };
    const entry = (name: string) => path.join(__dirname, '..', '..', 'server', `${name}.js`);

    // The worker first: it creates the signing keys on a fresh directory, which the API then reads.
    log('starting the worker');
    const worker = startNodeChild('worker', entry('worker-main'), {
      env,
      logFile: path.join(dir, 'worker.log'),
    });
    started.push(worker);
    // Readiness comes over IPC: at LOG_LEVEL=warn the worker does not print 'worker ready'.
    await readyWithin(worker, 120_000);

    log('starting the API');
    const apiProcess = startNodeChild('API', entry('api-main'), {
      env,
      nodeArgs: options.apiNodeArgs,
      logFile: path.join(dir, 'api.log'),
    });
    started.push(apiProcess);
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    await answersOk(apiProcess, `${baseUrl}/healthz`, 120_000);

    const api = async <T>(urlPath: string, call: BenchCall = {}) => {
      const response = await fetch(`${baseUrl}${urlPath}`, {
        method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
          ...call.headers,
        },
        body:
          call.body === undefined
            ? undefined
            : typeof call.body === 'string'
              ? call.body
              : JSON.stringify(call.body),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // Not JSON: the text as it came.
      }
      return { status: response.status, body: body as T };
    };

    return {
      baseUrl,
      temporalAddress,
      namespace,
      taskQueue,
      mongoUri,
      database,
      api,
      async login(email) {
        const answer = await api<{ token?: string }>('/api/auth/login', {
          body: { email, password: DEMO_PASSWORD },
        });
        if (answer.status !== 200 || !answer.body.token)
          throw new Error(`${email} could not sign in (${answer.status}): ${JSON.stringify(answer.body)}`);
        return answer.body.token;
      },
      async close() {
        await stopAll();
        // A database of our own on someone else's server is dropped; our own server goes with `dir`.
        if (process.env.MONGODB_URI) await dropDatabase(mongoUri, database);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function dropDatabase(uri: string, database: string): Promise<void> {
  const connection = mongoose.createConnection(uri, { dbName: database, serverSelectionTimeoutMS: 5_000 });
  try {
    await connection.asPromise();
    await connection.dropDatabase();
  } catch {
    // Best effort: the benchmark's figures are already out.
  } finally {
    await connection.close();
  }
}
