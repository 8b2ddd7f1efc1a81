import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import fs from 'node:fs';
import path from 'node:path';
import { searchAttributeFlags } from '../../workflows/search-attributes';
import { assertPortFree, freePort, ManagedProcess, waitUntilHealthy } from './managed-process';
import { requireTool } from './tool-paths';

export interface TemporalDevServerOptions {
  host?: string;
  port: number;
  /** Web UI port; absent means headless. */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; absent means in memory. */
  dbFile?: string;
  namespace?: string;
  logFile?: string;
  startTimeoutMs?: number;
}

export interface RunningTemporal {
  address: string;
  uiUrl: string | undefined;
  process: ManagedProcess;
}

/**
 * Starts `temporal server start-dev` and waits until its frontend answers. Closed workflows are
 * kept 30 days instead of the dev server's 24 hours so `temporal workflow list` still shows them.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const host = options.host ?? '127.0.0.1';
  const namespace = options.namespace ?? 'default';
  await assertPortFree(host, options.port, 'Temporal server', 'TEMPORAL_PORT');
  if (options.uiPort !== undefined)
    await assertPortFree(host, options.uiPort, 'Temporal Web UI', 'TEMPORAL_UI_PORT');
  if (options.dbFile) fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });

  const args = ['server', 'start-dev', '--ip', host, '--port', String(options.port), '--log-level', 'warn'];
  args.push(...(options.uiPort !== undefined ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  // Left to itself the dev server picks these among the kernel's ephemeral ports, where an
  // outgoing connection can take them first; ours come from outside that range.
  args.push('--http-port', String(await freePort(host)), '--metrics-port', String(await freePort(host)));
  // Write-ahead logging: one write of the log per commit instead of the page and a rollback
  // journal, which doubles what the server gets through on one disk (bench/, BENCHMARKS.md). The
  // synchronous level stays SQLite's default, so a commit is on disk when it is acknowledged.
  if (options.dbFile) args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal');
  if (namespace !== 'default') args.push('--namespace', namespace);
  args.push(...searchAttributeFlags());

  const process = ManagedProcess.start('Temporal dev server', requireTool('temporal'), args, {
    logFile: options.logFile,
  });
  const address = `${host}:${options.port}`;
  try {
    await waitUntilHealthy(
      process,
      'Temporal dev server',
      () => probeTemporal(address, namespace),
      options.startTimeoutMs ?? 60_000,
    );
    await keepClosedWorkflows(address, namespace);
  } catch (error) {
    await process.stop(2_000);
    throw explainTemporalFailure(error, options.dbFile);
  }
  return {
    address,
    uiUrl: options.uiPort !== undefined ? `http://${host}:${options.uiPort}` : undefined,
    process,
  };
}

/** Succeeds when the frontend answers and the namespace is registered. */
export async function probeTemporal(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 2_000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } finally {
    await connection.close();
  }
}

async function keepClosedWorkflows(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 2_000 });
  try {
    await connection.workflowService.updateNamespace({
      namespace,
      config: { workflowExecutionRetentionTtl: msToTs('30 days') },
    });
  } finally {
    await connection.close();
  }
}

function explainTemporalFailure(error: unknown, dbFile: string | undefined): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (dbFile && /database|sqlite|malformed|not a database|file is/i.test(message)) {
    return new Error(
      `${message}\nThe Temporal data file ${dbFile} looks damaged: move it away to start afresh.`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}
