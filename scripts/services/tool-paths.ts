import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/project';

/** Where scripts/install-tools.sh puts the service binaries. */
export const toolPaths = {
  temporal: path.join(projectRoot, '.tools', 'venv', 'bin', 'temporal'),
  temporalTestServer: path.join(projectRoot, '.tools', 'venv', 'bin', 'temporal-test-server'),
  ferretdb: path.join(projectRoot, '.tools', 'bin', 'ferretdb'),
};

export function requireTool(tool: keyof typeof toolPaths): string {
  const file = toolPaths[tool];
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: run "npm run tools" (scripts/install-tools.sh) first.`);
  return file;
}
