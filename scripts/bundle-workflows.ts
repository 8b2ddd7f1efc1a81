import fs from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { prebuiltBundlePath, workflowsEntry } from '../server/worker';

/** Part of `npm run build`: bundles the workflows once so workers start without webpack. */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsEntry() });
  fs.writeFileSync(prebuiltBundlePath, code);
  console.log(`workflow bundle written to ${prebuiltBundlePath} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
