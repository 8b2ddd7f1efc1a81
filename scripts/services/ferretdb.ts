import fs from 'node:fs';
import mongoose from 'mongoose';
import { assertPortFree, ManagedProcess, waitUntilHealthy } from './managed-process';
import { requireTool } from './tool-paths';

export interface FerretDbOptions {
  host?: string;
  port: number;
  /** Directory of SQLite files, one per database. */
  dataDir: string;
  logFile?: string;
  startTimeoutMs?: number;
}

export interface RunningFerretDb {
  /** URI without a database name; callers add theirs. */
  uri: string;
  process: ManagedProcess;
}

/** Starts FerretDB on its SQLite backend, telemetry off, and waits until it answers queries. */
export async function startFerretDb(options: FerretDbOptions): Promise<RunningFerretDb> {
  const host = options.host ?? '127.0.0.1';
  await assertPortFree(host, options.port, 'FerretDB', 'PANGOLIN_DB_PORT');
  fs.mkdirSync(options.dataDir, { recursive: true });
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${options.dataDir.replace(/\/?$/, '/')}`,
    `--listen-addr=${host}:${options.port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    `--state-dir=${options.dataDir}`,
    '--log-level=warn',
  ];
  const process = ManagedProcess.start('FerretDB', requireTool('ferretdb'), args, {
    logFile: options.logFile,
  });
  const uri = `mongodb://${host}:${options.port}/`;
  try {
    await waitUntilHealthy(process, 'FerretDB', () => probeDatabase(uri), options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await process.stop(2_000);
    throw error;
  }
  return { uri, process };
}

/** Succeeds when the server answers a command that reads its storage, not only a ping. */
export async function probeDatabase(uri: string): Promise<void> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 1_500, dbName: 'admin' });
  try {
    await connection.asPromise();
    await connection.db!.admin().listDatabases();
  } finally {
    await connection.close();
  }
}
