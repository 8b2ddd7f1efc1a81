import { requireTool } from '../../../scripts/services/tool-paths';
import { ensureBuilt } from '../../support/build';

/**
 * The fault suites run the built API and worker entry points as processes they can kill, next to a
 * Temporal server and FerretDB of their own: they need dist/ up to date and the service binaries.
 */
export default async function globalSetup(): Promise<void> {
  requireTool('temporal');
  requireTool('ferretdb');
  await ensureBuilt();
}
