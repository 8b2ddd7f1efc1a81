/**
 * The one error type services throw. Its kind alone decides the HTTP status (server/http/problem.ts),
 * so a service never thinks in status codes.
 */
export type PangolinErrorKind =
  | 'malformed' // the request could not be read at all (bad JSON)
  | 'invalid' // readable, but the data breaks a rule
  | 'not-signed-in'
  | 'not-allowed'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type' // a body of a type this route does not take (an upload that is not a PDF)
  | 'rate-limited' // too many attempts; try again later
  | 'unavailable'; // a dependency (Temporal, database) is down

export interface FieldProblem {
  /** JSON pointer into the request body, e.g. `/blocks/0/quantity`. */
  path: string;
  message: string;
}

export class PangolinError extends Error {
  constructor(
    readonly kind: PangolinErrorKind,
    message: string,
    readonly fieldProblems: FieldProblem[] = [],
    /** Extra members of the problem document a client acts on, e.g. `secondFactorRequired`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PangolinError';
  }
}

export const notFound = (what: string) => new PangolinError('not-found', `${what} was not found`);
export const invalid = (message: string, fieldProblems: FieldProblem[] = []) =>
  new PangolinError('invalid', message, fieldProblems);
export const unavailable = (message: string) => new PangolinError('unavailable', message);
