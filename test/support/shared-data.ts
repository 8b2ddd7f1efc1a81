import path from 'node:path';

/** Real CITES data lives outside the repository, beside it; tests read it from there. */
export const sharedDataDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

export function sharedDataFile(...segments: string[]): string {
  return path.join(sharedDataDir, ...segments);
}
