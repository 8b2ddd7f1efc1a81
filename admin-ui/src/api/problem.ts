export interface FieldProblem {
  /** JSON pointer into the request body, e.g. `/roles/0`. */
  path: string;
  message: string;
}

/**
 * Every failed call ends up as one of these: an RFC 9457 problem from the API, a non-problem
 * error page from something in between, or status 0 when the server could not be reached.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly errors: FieldProblem[];
  /** The whole problem document, extension members included (e.g. `secondFactorRequired`). */
  readonly problem: Readonly<Record<string, unknown>>;
  /** When a throttled request may be retried, if the server said so in any form we understand. */
  readonly retryAt: Date | undefined;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    type?: string;
    errors?: FieldProblem[];
    problem?: Record<string, unknown>;
    retryAt?: Date;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type ?? 'about:blank';
    this.errors = init.errors ?? [];
    this.problem = init.problem ?? {};
    this.retryAt = init.retryAt;
  }

  get unreachable(): boolean {
    return this.status === 0;
  }

  /** Field problems keyed by the first segment of their path, the name of the form field. */
  fieldMessages(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const problem of this.errors) {
      const field = fieldOf(problem.path);
      if (field && !(field in byField)) byField[field] = problem.message;
    }
    return byField;
  }
}

/** `/roles/0` and `roles.0` both name the `roles` field; an empty path names the whole body. */
export function fieldOf(path: string): string {
  const segment = path.replace(/^[/#.]+/, '').split(/[/.[]/)[0] ?? '';
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Builds the error for a non-2xx answer from its status, headers and body text. */
export function problemFrom(
  status: number,
  statusText: string,
  header: (name: string) => string | null,
  body: string,
  now: Date = new Date(),
): ApiError {
  let document: Record<string, unknown> = {};
  if (body.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        document = parsed as Record<string, unknown>;
      }
    } catch {
      // A truncated or non-JSON body still leaves the status to go on.
    }
  }
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const detail = text(document.detail);
  return new ApiError({
    status,
    title: text(document.title) ?? (statusText || `HTTP ${status}`),
    detail,
    type: text(document.type),
    // The contract names the list `problems`; earlier routes call it `errors`.
    errors: [document.problems, document.errors].flatMap((list) =>
      Array.isArray(list) ? list.flatMap(fieldProblem) : [],
    ),
    problem: document,
    retryAt: status === 429 || status === 503 ? retryTime(document, header, detail, now) : undefined,
  });
}

function fieldProblem(value: unknown): FieldProblem[] {
  if (!value || typeof value !== 'object') return [];
  const { path, message } = value as { path?: unknown; message?: unknown };
  if (typeof message !== 'string') return [];
  return [{ path: typeof path === 'string' ? path : '', message }];
}

/** Servers say "later" in several ways; the first one present wins, most precise first. */
function retryTime(
  document: Record<string, unknown>,
  header: (name: string) => string | null,
  detail: string | undefined,
  now: Date,
): Date | undefined {
  for (const key of ['retryAt', 'lockedUntil', 'until']) {
    const value = document[key];
    if (typeof value === 'string') {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return date;
    }
  }
  for (const key of ['retryAfter', 'retryAfterSeconds']) {
    const value = document[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      return new Date(now.getTime() + value * 1000);
    }
  }
  const retryAfter = header('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return new Date(now.getTime() + Number(retryAfter) * 1000);
    const date = new Date(retryAfter);
    if (!Number.isNaN(date.getTime())) return date;
  }
  const stamp = detail?.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/);
  if (stamp) {
    const date = new Date(stamp[0]);
    if (!Number.isNaN(date.getTime())) return date;
  }
  // "in 5 minutes", "for 14 more minutes": one word may stand between the number and the unit.
  const span = detail?.match(/(\d+)\s+(?:[a-z]+\s+)?(second|minute|hour)s?\b/i);
  if (span) {
    const unit = { second: 1, minute: 60, hour: 3600 }[span[2]!.toLowerCase() as 'second'];
    return new Date(now.getTime() + Number(span[1]) * unit * 1000);
  }
  return undefined;
}
