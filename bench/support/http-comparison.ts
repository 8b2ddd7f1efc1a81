import { httpFigures, type PairedRuns } from './figures';
import { loadProblems, runLoad, type LoadOptions } from './load';

/** One side of a comparison: everything autocannon needs but the connections and duration. */
export type LoadTarget = Omit<LoadOptions, 'connections' | 'durationSeconds'>;

export interface ComparisonPlan {
  connections: number;
  warmUpSeconds: number;
  roundSeconds: number;
  rounds: number;
}

/** How long the HTTP sections load each side: short in `--quick`, longer otherwise. */
export function comparisonPlan(quick: boolean, connections: number): ComparisonPlan {
  return quick
    ? { connections, warmUpSeconds: 2, roundSeconds: 5, rounds: 1 }
    : { connections, warmUpSeconds: 3, roundSeconds: 20, rounds: 3 };
}

export interface Comparison {
  figures: Record<string, number>;
  runs: PairedRuns;
  problems: string[];
}

/**
 * Loads the route and its baseline in turns under the same plan: both warmed up first (JIT,
 * connection pools), then paired rounds, the order swapped every round so neither side always
 * follows the other. Every non-2xx answer or error, warm-up included, is a problem.
 */
export async function compareWithBaseline(
  measured: LoadTarget,
  baseline: LoadTarget,
  plan: ComparisonPlan,
  log: (line: string) => void,
): Promise<Comparison> {
  const problems: string[] = [];
  const load = async (target: LoadTarget, what: string, seconds: number, warmUp = false) => {
    const result = await runLoad({ ...target, connections: plan.connections, durationSeconds: seconds });
    problems.push(...loadProblems(what, result, { warmUp }));
    log(
      `${what}: ${result.requestsPerSecond.toFixed(0)}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms` +
        (result.non2xx + result.errors > 0 ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ''),
    );
    return result;
  };

  await load(baseline, 'baseline warm-up', plan.warmUpSeconds, true);
  await load(measured, 'warm-up', plan.warmUpSeconds, true);
  const runs: PairedRuns = { measured: [], baseline: [] };
  for (let round = 1; round <= plan.rounds; round++) {
    if (round % 2 === 1) {
      runs.baseline.push(await load(baseline, `round ${round} baseline`, plan.roundSeconds));
      runs.measured.push(await load(measured, `round ${round}`, plan.roundSeconds));
    } else {
      runs.measured.push(await load(measured, `round ${round}`, plan.roundSeconds));
      runs.baseline.push(await load(baseline, `round ${round} baseline`, plan.roundSeconds));
    }
  }
  const figures = {
    ...httpFigures(runs),
    connections: plan.connections,
    roundSeconds: plan.roundSeconds,
    rounds: plan.rounds,
  };
  return { figures, runs, problems };
}
