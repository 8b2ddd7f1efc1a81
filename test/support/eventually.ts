import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls until `probe` returns something (not undefined), for state a workflow reaches a moment
 * after the request that caused it. Gives up after `attempts`, naming what it waited for.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  attempts = 300,
  intervalMs = 100,
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const found = await probe();
    if (found !== undefined) return found;
    await sleep(intervalMs);
  }
  throw new Error(`Gave up waiting for ${what}`);
}
