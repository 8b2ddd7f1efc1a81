import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { toolPaths } from '../../scripts/services/tool-paths';

/** Where the recorded histories the replay test runs are kept, one file per workflow type and path. */
export const HISTORIES_DIR = path.join(__dirname, '..', 'workflows', 'histories');

/**
 * With `PANGOLIN_RECORD_HISTORIES=1`, keeps the history of a finished workflow for the replay test
 * (`test/workflows/replay.int.test.ts`), in the Temporal CLI's JSON, as `temporal workflow show`
 * writes it. Recorded once per workflow version and committed: replaying them against later code is
 * what catches a change that would break workflows still running.
 */
export async function recordHistory(
  temporalAddress: string,
  workflowId: string,
  name: string,
): Promise<void> {
  if (process.env.PANGOLIN_RECORD_HISTORIES !== '1') return;
  const { stdout } = await promisify(execFile)(
    toolPaths.temporal,
    ['workflow', 'show', '--workflow-id', workflowId, '--address', temporalAddress, '--output', 'json'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), stdout);
}
