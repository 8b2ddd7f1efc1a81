import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as workflows from '../../workflows';
import { HISTORIES_DIR } from '../support/histories';

const recorded = fs
  .readdirSync(HISTORIES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();
const projectRoot = path.join(__dirname, '..', '..');

/**
 * Every recorded history replays against the workflow code as it is now. A change that would make
 * a workflow in flight (a permit waiting months for its endorsement) take another path fails here;
 * such a change goes behind `patched()` (see README, "Changing a workflow"). The replay runs in its
 * own Node process, as `npm run workflows:replay` does: jest's module sandbox breaks the SDK's
 * protobuf decoding of histories.
 */
describe('recorded workflow histories replay against the current code', () => {
  it('has a recorded history for every workflow type', () => {
    const types = new Set(recorded.map((file) => file.replace(/\.json$/, '').split('-')[0]));
    expect([...types].sort()).toEqual(Object.keys(workflows).sort());
  });

  it('replays every one of them', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(projectRoot, 'dist', 'scripts', 'replay-histories.js'),
        '--dir',
        HISTORIES_DIR,
        '--bundle',
        process.env.PANGOLIN_TEST_WORKFLOW_BUNDLE!,
      ],
      { cwd: projectRoot },
    );
    expect(stdout).toContain(`${recorded.length} replayed, 0 failed`);
    for (const file of recorded) expect(stdout).toContain(`replayed ${file}`);
  });
});
