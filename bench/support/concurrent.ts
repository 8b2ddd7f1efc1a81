import { performance } from 'node:perf_hooks';

/**
 * Runs `count` jobs with at most `concurrency` in flight, as a steady stream (a new one starts as
 * one ends), and answers their results and the seconds from the first start to the last end.
 */
export async function runConcurrently<T>(
  count: number,
  concurrency: number,
  job: (index: number) => Promise<T>,
): Promise<{ results: T[]; seconds: number }> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await job(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { results, seconds: (performance.now() - started) / 1000 };
}
