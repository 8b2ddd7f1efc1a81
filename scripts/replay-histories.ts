import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from '@temporalio/worker';
import { prebuiltBundlePath } from '../server/worker';

/**
 * Replays recorded workflow histories (Temporal CLI JSON, `temporal workflow show -o json`) against
 * the workflow code of this build. A workflow change that running permits could not follow fails
 * here, naming the history, instead of in production months later.
 *
 *   npm run workflows:replay -- [--dir test/workflows/histories] [--bundle dist/workflow-bundle.js]
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, bundle: { type: 'string' } },
  });
  const dir = path.resolve(values.dir ?? path.join('test', 'workflows', 'histories'));
  const bundle = path.resolve(values.bundle ?? prebuiltBundlePath);
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  let failed = 0;
  for (const file of files) {
    const history: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    try {
      await Worker.runReplayHistory({ workflowBundle: { codePath: bundle } }, history, `replay-${file}`);
      console.log(`replayed ${file}`);
    } catch (error) {
      failed++;
      console.error(`FAILED ${file}: ${(error as Error).name}: ${(error as Error).message}`);
    }
  }
  console.log(`${files.length - failed} replayed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
