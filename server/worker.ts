import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPermitSigning } from './party-signing';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundleOption } from '@temporalio/worker';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createActivities } from '../activities';
import type { PangolinConfig } from './config';
import { projectRoot } from './project';
import { temporalAddress, temporalConnectionOptions } from './temporal-connection';

/** Written by `npm run build`, so production workers start without bundling. */
export const prebuiltBundlePath = path.join(projectRoot, 'dist', 'workflow-bundle.js');

/** The workflows module, from source (tests) or from dist (production). */
export function workflowsEntry(): string {
  return require.resolve('../workflows');
}

/** The prebuilt bundle when there is one, else bundle now (once per worker process). */
export async function workflowBundle(logger?: Logger): Promise<WorkflowBundleOption> {
  const entry = workflowsEntry();
  if (entry.endsWith('.js') && fs.existsSync(prebuiltBundlePath)) return { codePath: prebuiltBundlePath };
  logger?.info({ entry }, 'bundling workflows');
  return bundleWorkflowCode({ workflowsPath: entry, logger: quietBundlerLogger });
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

export interface PangolinWorker {
  worker: Worker;
  connection: NativeConnection;
  identity: string;
}

/** A worker on the Party's task queue with every workflow and activity of Pangolin. */
export async function createPangolinWorker(
  config: PangolinConfig,
  store: Connection,
  options: { bundle?: WorkflowBundleOption; logger?: Logger } = {},
): Promise<PangolinWorker> {
  const identity = `${os.hostname()}:${process.pid}`;
  const connection = await NativeConnection.connect(
    temporalConnectionOptions(config, temporalAddress(config)),
  );
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      identity,
      workflowBundle: options.bundle ?? (await workflowBundle(options.logger)),
      activities: createActivities(store, identity, {
        party: config.party,
        supervisors: config.supervisors,
        signing: await loadPermitSigning(config),
      }),
    });
    return { worker, connection, identity };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
