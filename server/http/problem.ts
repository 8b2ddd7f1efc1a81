import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isDatabaseUnreachable } from '../../store/unreachable';
import { PangolinError, type PangolinErrorKind } from '../errors';

const statusOf: Record<PangolinErrorKind, number> = {
  malformed: 400,
  'not-signed-in': 401,
  'not-allowed': 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  invalid: 422,
  'rate-limited': 429,
  unavailable: 503,
};

const titleOf: Record<PangolinErrorKind, string> = {
  malformed: 'The request could not be read',
  'not-signed-in': 'Sign in first',
  'not-allowed': 'You are not allowed to do this',
  'not-found': 'Not found',
  conflict: 'This conflicts with the current state',
  'too-large': 'The request is too large',
  'unsupported-media-type': 'This type of content is not accepted here',
  invalid: 'The data is not valid',
  'rate-limited': 'Too many attempts',
  unavailable: 'A service Pangolin depends on is unavailable',
};

/** Answers unknown routes under /api with a problem document instead of express's HTML page. */
export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new PangolinError('not-found', `There is no ${req.method} ${req.path}`));
};

/**
 * Maps every error to an RFC 9457 problem document. Anything that is not a PangolinError is a
 * bug or an outage: it is logged with its stack and answered without one.
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = toPangolinError(error);
    const status = known ? statusOf[known.kind] : 500;
    if (!known) logger.error({ err: error, requestId: req.id }, 'unexpected error');
    res
      .status(status)
      .type('application/problem+json')
      .json({
        type: 'about:blank',
        title: known ? titleOf[known.kind] : 'Internal error',
        status,
        detail: known ? known.message : 'Something went wrong on our side; it has been logged.',
        instance: req.originalUrl,
        ...(req.id ? { requestId: req.id } : {}),
        ...(known && known.fieldProblems.length > 0 ? { errors: known.fieldProblems } : {}),
        ...(known ? known.extensions : {}),
      });
  };
}

/** body-parser's error types, as a client acts on them. */
const readingProblems = new Map<unknown, string>([
  ['entity.parse.failed', 'The body is not valid JSON.'],
  ['entity.too.large', 'The body is larger than allowed.'],
  ['charset.unsupported', 'Send JSON in UTF-8.'],
  [
    'encoding.unsupported',
    'This Content-Encoding is not supported: send the body as it is, or gzip, deflate or br.',
  ],
  ['request.aborted', 'The request was cut off before its body was complete.'],
  ['request.size.invalid', 'The body is not as long as its Content-Length says.'],
]);

/**
 * body-parser raises errors meant for the client (http-errors marks them `expose`) with a 4xx status
 * and a type, and express's router a URIError with status 400 for a path it cannot decode. Their
 * status is kept, with a sentence of ours, since their messages quote the request back; a status
 * Pangolin has no kind for is a request that could not be read.
 */
function toPangolinError(error: unknown): PangolinError | undefined {
  if (error instanceof PangolinError) return error;
  // A database restarting is an outage the client waits out (503), not a fault of ours (500).
  if (isDatabaseUnreachable(error))
    return new PangolinError(
      'unavailable',
      'The database cannot take requests at the moment; try again shortly.',
    );
  const { status, type, expose } = (error ?? {}) as { status?: unknown; type?: unknown; expose?: unknown };
  if (expose !== true && !(error instanceof URIError)) return undefined;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  const kind =
    (Object.keys(statusOf) as PangolinErrorKind[]).find((candidate) => statusOf[candidate] === status) ??
    'malformed';
  const detail =
    error instanceof URIError ? 'The path is not valid percent-encoding.' : readingProblems.get(type);
  return new PangolinError(kind, detail ?? `${titleOf[kind]}.`);
}
