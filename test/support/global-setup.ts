import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startFerretDb } from '../../scripts/services/ferretdb';
import { freePort, type ManagedProcess } from '../../scripts/services/managed-process';
import { startTemporalDevServer } from '../../scripts/services/temporal-dev-server';
import { workflowsEntry } from '../../server/worker';
import { ensureBuilt } from './build';

/**
 * Integration suites run against the real Temporal dev server and FerretDB, started here once on
 * free ports with throw-away data, unless TEMPORAL_ADDRESS / MONGODB_URI point at running servers.
 * The Temporal server is started by us and attached to, because @temporalio/testing allows it only
 * five seconds to come up, which is not enough on two busy cores.
 */
export default async function globalSetup(): Promise<void> {
  const started: ManagedProcess[] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-test-'));
  (globalThis as { pangolinTestServices?: unknown }).pangolinTestServices = { started, scratch };

  const [temporal, ferretdb] = await Promise.all([
    process.env.TEMPORAL_ADDRESS
      ? undefined
      : freePort().then((port) =>
          startTemporalDevServer({ port, dbFile: path.join(scratch, 'temporal.db') }),
        ),
    process.env.MONGODB_URI
      ? undefined
      : freePort().then((port) => startFerretDb({ port, dataDir: path.join(scratch, 'ferretdb') })),
  ]);
  if (temporal) {
    started.push(temporal.process);
    process.env.TEMPORAL_ADDRESS = temporal.address;
  }
  if (ferretdb) {
    started.push(ferretdb.process);
    process.env.MONGODB_URI = ferretdb.uri;
  }

  // Suites start the real entry points and load the web app from dist/: build once, up front.
  await ensureBuilt();

  // One bundle for every suite: bundling costs seconds each time.
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsEntry(), logger: silent });
  const bundlePath = path.join(scratch, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, code);
  process.env.PANGOLIN_TEST_WORKFLOW_BUNDLE = bundlePath;
}

const silent = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};
