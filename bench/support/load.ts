import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Concurrent connections, each sending its next request when the last is answered. */
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  /** 2xx answers a second: anything else is not the work being measured. */
  requestsPerSecond: number;
  /** Latency of the 2xx answers (autocannon's resolution is 1 ms). */
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, and how many of each status. */
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  requests: number;
  durationSeconds: number;
}

/**
 * Loads one URL with autocannon from this process. The servers under load are child processes,
 * so the load generator never shares their event loop.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body !== undefined ? { body: options.body } : {}),
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stats.count ?? 0;
  return {
    requestsPerSecond: result.duration > 0 ? result['2xx'] / result.duration : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors,
    requests: result.requests.total,
    durationSeconds: result.duration,
  };
}

/**
 * What makes a run worthless, in words (empty when nothing does): a benchmark of 404s or 429s
 * measures the error path, not the route. A warm-up may end before its first answer; a measured
 * run may not.
 */
export function loadProblems(what: string, result: LoadResult, options: { warmUp?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (result.non2xx > 0) {
    const codes = Object.entries(result.statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, count]) => `${count} × ${code}`)
      .join(', ');
    problems.push(`${what}: ${result.non2xx} of ${result.requests} answers were not 2xx (${codes})`);
  }
  if (result.errors > 0) problems.push(`${what}: ${result.errors} connection errors or timeouts`);
  if (result.requests === 0 && !options.warmUp) problems.push(`${what}: no answer at all`);
  return problems;
}
