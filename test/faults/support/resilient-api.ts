import { setTimeout as sleep } from 'node:timers/promises';

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export interface ApiRequest {
  token?: string;
  body?: unknown;
  method?: string;
  /** Sent as `Idempotency-Key`: a retry of a request whose answer was lost then creates nothing new. */
  idempotencyKey?: string;
}

/** Waits for one of a fixed number of slots: the driver must not take the machine from the system it drives. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(count: number) {
    this.free = count;
  }

  async hold<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/**
 * The client a careful integrator writes against a Party's API behind a load balancer: requests
 * go round the API processes; a connection that fails (a process killed, or restarting) and a 503
 * (a server it depends on is restarting) are tried again, on the next process, until the deadline.
 * Any other 5xx is a defect of the API: it is retried too, but kept for the test to report.
 */
export class ResilientApi {
  /** Every 5xx but 503, as `METHOD path -> status detail`. */
  readonly serverErrors: string[] = [];
  /** How many requests had to be sent again, by reason. */
  readonly retries = { connection: 0, unavailable: 0, stillRunning: 0 };
  private turn = 0;
  private readonly slots: Slots;

  constructor(
    private readonly baseUrls: string[],
    private readonly options: { concurrency: number; requestTimeoutMs: number; giveUpAfterMs: number },
  ) {
    this.slots = new Slots(options.concurrency);
  }

  async call<T = Record<string, unknown>>(path: string, request: ApiRequest = {}): Promise<ApiAnswer<T>> {
    const method = request.method ?? (request.body === undefined ? 'GET' : 'POST');
    const deadline = Date.now() + this.options.giveUpAfterMs;
    let lastProblem = '';
    while (Date.now() < deadline) {
      const baseUrl = this.baseUrls[this.turn++ % this.baseUrls.length]!;
      let answer: ApiAnswer<T> & { detail: string };
      try {
        answer = await this.slots.hold(() => this.send<T>(baseUrl, path, method, request));
      } catch (error) {
        this.retries.connection++;
        lastProblem = `${baseUrl}: ${(error as Error).message}`;
        await sleep(250);
        continue;
      }
      if (answer.status === 503) {
        this.retries.unavailable++;
        lastProblem = `503 ${answer.detail}`;
        await sleep(1_000);
        continue;
      }
      if (answer.status >= 500) {
        this.serverErrors.push(`${method} ${path} -> ${answer.status} ${answer.detail}`);
        lastProblem = `${answer.status} ${answer.detail}`;
        await sleep(1_000);
        continue;
      }
      if (answer.status === 409 && request.idempotencyKey && /still running/.test(answer.detail)) {
        this.retries.stillRunning++;
        lastProblem = `409 ${answer.detail}`;
        await sleep(1_000);
        continue;
      }
      return { status: answer.status, body: answer.body };
    }
    throw new Error(
      `${method} ${path} got no answer in ${this.options.giveUpAfterMs / 1000} s; last: ${lastProblem}`,
    );
  }

  private async send<T>(
    baseUrl: string,
    path: string,
    method: string,
    request: ApiRequest,
  ): Promise<ApiAnswer<T> & { detail: string }> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    const detail =
      typeof body === 'object' && body !== null ? String((body as { detail?: unknown }).detail ?? '') : text;
    return { status: response.status, body: body as T, detail: detail.slice(0, 300) };
  }
}
