import { httpFigures, median, round } from '../../bench/support/figures';
import { httpRows } from '../../bench/support/http-rows';
import { loadProblems, type LoadResult } from '../../bench/support/load';

const run = (requestsPerSecond: number, p50Ms: number, p99Ms: number, extra: Partial<LoadResult> = {}) => ({
  requestsPerSecond,
  p50Ms,
  p99Ms,
  non2xx: 0,
  statusCodes: { '200': 1000 },
  errors: 0,
  requests: 1000,
  durationSeconds: 5,
  ...extra,
});

describe('figures of an HTTP section', () => {
  it('takes medians, and as the ratio the median of each round against its own baseline', () => {
    const figures = httpFigures({
      measured: [run(500, 4, 15), run(300, 6, 30), run(450, 5, 18)],
      baseline: [run(1000, 2, 8), run(500, 3, 12), run(1000, 2, 9)],
    });
    // Rounds' ratios 0.5, 0.6 and 0.45: the second round ran on a busier machine, its neighbour too.
    expect(figures).toMatchObject({
      perSecond: 450,
      baselinePerSecond: 1000,
      ratio: 0.5,
      p50Ms: 5,
      p99Ms: 18,
      baselineP50Ms: 2,
      baselineP99Ms: 9,
      non2xx: 0,
      errors: 0,
    });
  });

  it('adds up the non-2xx answers and errors of every run, baselines included', () => {
    const figures = httpFigures({
      measured: [run(10, 1, 1, { non2xx: 3 })],
      baseline: [run(20, 1, 1, { errors: 2 })],
    });
    expect(figures).toMatchObject({ non2xx: 3, errors: 2, ratio: 0.5 });
  });

  it('refuses rounds without their baselines', () => {
    expect(() => httpFigures({ measured: [run(1, 1, 1)], baseline: [] })).toThrow();
  });

  it('rounds and takes medians of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(round(0.123456, 4)).toBe(0.1235);
  });

  it('lays out rate, p50 and p99 as rows next to the baseline', () => {
    const rows = httpRows(
      { route: 'GET /x', baseline: 'bare express', p99Note: 'goal < 20 ms: met' },
      {
        perSecond: 1234.4,
        baselinePerSecond: 2468.8,
        ratio: 0.5,
        p50Ms: 4,
        baselineP50Ms: 2,
        p99Ms: 12,
        baselineP99Ms: 6,
      },
    );
    expect(rows).toEqual([
      {
        row: 'GET /x: answers a second',
        value: '1,234 /s',
        baseline: '2,469 /s',
        ratio: 0.5,
        note: 'baseline: bare express',
      },
      { row: 'GET /x: p50', value: '4 ms', baseline: '2 ms', ratio: 2 },
      { row: 'GET /x: p99', value: '12 ms', baseline: '6 ms', ratio: 2, note: 'goal < 20 ms: met' },
    ]);
  });
});

describe('what makes a load run worthless', () => {
  it('names answers that were not 2xx by status, and connection errors', () => {
    const problems = loadProblems(
      'round 1',
      run(10, 1, 1, { non2xx: 7, statusCodes: { '200': 993, '429': 5, '404': 2 }, errors: 1 }),
    );
    expect(problems).toEqual([
      'round 1: 7 of 1000 answers were not 2xx (2 × 404, 5 × 429)',
      'round 1: 1 connection errors or timeouts',
    ]);
  });

  it('accepts a clean run, and a warm-up that ended before its first answer', () => {
    expect(loadProblems('round 1', run(10, 1, 1))).toEqual([]);
    const silent = run(0, 0, 0, { requests: 0, statusCodes: {} });
    expect(loadProblems('warm-up', silent, { warmUp: true })).toEqual([]);
    expect(loadProblems('round 1', silent)).toEqual(['round 1: no answer at all']);
  });
});
