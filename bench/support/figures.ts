import type { LoadResult } from './load';

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The p-th percentile (0–100) of values sorted ascending, by the nearest-rank method. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs of a route and of its baseline, taken in pairs: `measured[i]` ran next to `baseline[i]`. */
export interface PairedRuns {
  measured: LoadResult[];
  baseline: LoadResult[];
}

/**
 * The figures of an HTTP section: medians of the rounds, and as the ratio the median of each
 * round's ratio to the baseline run next to it (on a shared machine the load moves from one
 * minute to the next, and neighbours move with it).
 */
export function httpFigures(runs: PairedRuns): Record<string, number> {
  if (runs.measured.length === 0 || runs.measured.length !== runs.baseline.length)
    throw new Error('httpFigures needs as many baseline runs as measured runs, at least one');
  const ratios = runs.measured.map((run, i) => {
    const baseline = runs.baseline[i]!.requestsPerSecond;
    return baseline > 0 ? run.requestsPerSecond / baseline : 0;
  });
  const all = [...runs.measured, ...runs.baseline];
  return {
    perSecond: round(median(runs.measured.map((run) => run.requestsPerSecond)), 1),
    baselinePerSecond: round(median(runs.baseline.map((run) => run.requestsPerSecond)), 1),
    ratio: round(median(ratios), 4),
    p50Ms: median(runs.measured.map((run) => run.p50Ms)),
    p99Ms: median(runs.measured.map((run) => run.p99Ms)),
    baselineP50Ms: median(runs.baseline.map((run) => run.p50Ms)),
    baselineP99Ms: median(runs.baseline.map((run) => run.p99Ms)),
    non2xx: all.reduce((sum, run) => sum + run.non2xx, 0),
    errors: all.reduce((sum, run) => sum + run.errors, 0),
  };
}
