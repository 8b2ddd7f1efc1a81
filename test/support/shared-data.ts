import path from 'node:path';
import { sharedDataDir as findSharedDataDir } from '../../scripts/shared-data';

/** Real CITES data lives outside the repository; tests read it from there. */
export const sharedDataDir = findSharedDataDir();

export function sharedDataFile(...segments: string[]): string {
  return path.join(sharedDataDir, ...segments);
}
