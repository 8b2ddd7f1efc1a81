import { runConcurrently } from '../../bench/support/concurrent';
import { percentile } from '../../bench/support/figures';

describe('running lifecycles side by side', () => {
  it('runs every job once, never more than the concurrency at a time, and keeps results in order', async () => {
    let running = 0;
    let most = 0;
    const { results, seconds } = await runConcurrently(25, 4, async (index) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, index % 3));
      running--;
      return index * 2;
    });
    expect(results).toEqual(Array.from({ length: 25 }, (_, index) => index * 2));
    expect(most).toBe(4);
    expect(seconds).toBeGreaterThan(0);
  });

  it('starts no more lanes than there are jobs', async () => {
    let most = 0;
    let running = 0;
    await runConcurrently(2, 10, async () => {
      most = Math.max(most, ++running);
      await Promise.resolve();
      running--;
    });
    expect(most).toBe(2);
  });
});

describe('percentiles of decision latencies', () => {
  it.each([
    [50, 50],
    [99, 99],
    [100, 100],
    [1, 1],
    [0, 1],
  ])('takes the nearest rank: p%s of 1..100 is %s', (p, expected) => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(sorted, p)).toBe(expected);
  });

  it('is NaN for no values, and the value itself for one', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([7], 99)).toBe(7);
  });
});
