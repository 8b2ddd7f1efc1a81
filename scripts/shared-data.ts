import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../server/project';

/**
 * The real CITES data the tests and benchmarks read (never copied into the repository): beside
 * the repository as `../shared/data`, or where PANGOLIN_SHARED_DATA points when the clone lives
 * elsewhere.
 */
export function sharedDataDir(): string {
  const candidates = [
    process.env.PANGOLIN_SHARED_DATA,
    path.resolve(projectRoot, '..', 'shared', 'data'),
    path.resolve(projectRoot, '..', '..', 'shared', 'data'),
    '/work/shared/data',
  ].filter((candidate): candidate is string => Boolean(candidate));
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, 'cites-trade-codes')));
  if (!found) {
    throw new Error(
      `The shared CITES data was not found in ${candidates.join(', ')}: set PANGOLIN_SHARED_DATA.`,
    );
  }
  return found;
}
