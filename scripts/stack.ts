import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ConfigError, type PangolinConfig } from '../server/config';
import { redactUri } from '../store/connection';
import { startFerretDb } from './services/ferretdb';
import {
  assertPortFree,
  errorMessage,
  freePort,
  ManagedProcess,
  waitUntilHealthy,
} from './services/managed-process';
import { startTemporalDevServer } from './services/temporal-dev-server';

export interface StackOptions {
  /** Start the Temporal dev server and FerretDB unless TEMPORAL_ADDRESS / MONGODB_URI say otherwise. */
  embedded: boolean;
}

const say = (line: string) => process.stdout.write(`[pangolin] ${line}\n`);

/**
 * Runs Pangolin's processes until Ctrl-C: the embedded services (for `npm start`), then the
 * worker and the API. Any process that dies takes the stack down with a message saying why.
 */
export async function runStack(options: StackOptions): Promise<void> {
  let config: PangolinConfig;
  try {
    config = loadConfig();
  } catch (error) {
    say(error instanceof ConfigError ? error.message : errorMessage(error));
    process.exit(1);
  }
  const processes: ManagedProcess[] = [];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    for (const child of [...processes].reverse()) await child.stop(15_000);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      say(`${signal} again: killing every process now`);
      processes.forEach((child) => child.kill());
      process.exit(130);
    }
    say(`${signal}: stopping (Ctrl-C again to kill at once)...`);
    void stopAll().then(() => {
      say('stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const env: NodeJS.ProcessEnv = { ...process.env, PANGOLIN_PARTY: config.party };
    let temporalUi: string | undefined;
    // Checked first so a taken port is reported before minutes of start-up, not after.
    await assertPortFree(config.http.host, config.http.port, 'API and web app', 'PORT');
    if (options.embedded) {
      const logDir = prepareDataDir(config.dataDir);
      if (!config.temporal.address) {
        say(`starting the Temporal dev server on 127.0.0.1:${config.temporal.embedded.port}...`);
        const temporal = await startTemporalDevServer({
          port: config.temporal.embedded.port,
          uiPort: config.temporal.embedded.uiPort,
          dbFile: path.join(config.dataDir, 'temporal.db'),
          namespace: config.temporal.namespace,
          logFile: path.join(logDir, 'temporal.log'),
        });
        processes.push(temporal.process);
        env.TEMPORAL_ADDRESS = temporal.address;
        temporalUi = temporal.uiUrl;
      }
      if (!config.mongo.uri) {
        say(`starting FerretDB on 127.0.0.1:${config.mongo.embedded.port}...`);
        const ferretDbDir = path.join(config.dataDir, 'ferretdb');
        const ferretdb = await startFerretDb({
          port: config.mongo.embedded.port,
          dataDir: ferretDbDir,
          logFile: path.join(logDir, 'ferretdb.log'),
        }).catch((error: unknown) => {
          throw new Error(
            `${errorMessage(error)}\nIf ${ferretDbDir} is damaged, move it away to start afresh.`,
          );
        });
        processes.push(ferretdb.process);
        env.MONGODB_URI = ferretdb.uri;
      }
    } else if (!config.temporal.address || !config.mongo.uri) {
      throw new Error(
        'npm run serve needs TEMPORAL_ADDRESS and MONGODB_URI; npm start runs the embedded stack instead.',
      );
    }

    const entry = (name: string) => path.join(__dirname, '..', 'server', `${name}.js`);

    // One scrape target: the API's /metrics includes the worker's exporter.
    const workerMetricsPort = config.workerMetrics.port ?? (await freePort());
    env.PANGOLIN_WORKER_METRICS_PORT = String(workerMetricsPort);
    env.PANGOLIN_WORKER_METRICS_URL ??= `http://127.0.0.1:${workerMetricsPort}/metrics`;
    if (temporalUi) env.PANGOLIN_TEMPORAL_UI_URL ??= temporalUi;

    say('starting the worker...');
    const worker = ManagedProcess.start('worker', process.execPath, [entry('worker-main')], {
      env,
      ipc: true,
      echo: true,
    });
    processes.push(worker);
    await withTimeout(worker.ready(), 120_000, 'the worker did not become ready within 120 s');

    say('starting the API and web app...');
    const api = ManagedProcess.start('API', process.execPath, [entry('api-main')], {
      env,
      ipc: true,
      echo: true,
    });
    processes.push(api);
    await withTimeout(api.ready(), 60_000, 'the API did not become ready within 60 s');
    const base = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}`;
    await waitUntilHealthy(api, 'the API', () => expectHealthy(`${base}/healthz`), 60_000);

    printUrls(config, base, env, temporalUi);
    const ended = await Promise.race(processes.map((child) => child.exited.then(() => child)));
    if (!stopping) {
      say(`${ended.describeExit()}\nstopping the others.`);
      await stopAll();
      process.exit(1);
    }
  } catch (error) {
    if (stopping) return;
    say(errorMessage(error));
    await stopAll();
    process.exit(1);
  }
}

function prepareDataDir(dataDir: string): string {
  const logDir = path.join(dataDir, 'logs');
  try {
    fs.mkdirSync(logDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    throw new Error(
      `The data directory ${dataDir} cannot be written (${errorMessage(error)}): set PANGOLIN_DATA_DIR.`,
      { cause: error },
    );
  }
  return logDir;
}

async function expectHealthy(url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (response.status !== 200)
    throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function printUrls(
  config: PangolinConfig,
  base: string,
  env: NodeJS.ProcessEnv,
  temporalUi: string | undefined,
): void {
  const lines = [
    `Pangolin ${config.party} is running${config.demo ? ' in demo mode' : ''}:`,
    `  web app and API   ${base}/`,
    `  health            ${base}/healthz`,
    ...(temporalUi ? [`  Temporal Web UI   ${temporalUi}`] : []),
    `  Temporal          ${env.TEMPORAL_ADDRESS} (namespace ${config.temporal.namespace}, task queue ${config.temporal.taskQueue})`,
    `  database          ${redactUri(env.MONGODB_URI ?? '')} (database ${config.mongo.database})`,
    ...(env.TEMPORAL_ADDRESS === `127.0.0.1:${config.temporal.embedded.port}` || !config.temporal.address
      ? [`  data              ${config.dataDir}`]
      : []),
    'Press Ctrl-C to stop.',
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
