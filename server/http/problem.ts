import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
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

/** express and body-parser raise their own errors for bad JSON and oversized bodies. */
function toPangolinError(error: unknown): PangolinError | undefined {
  if (error instanceof PangolinError) return error;
  const typed = error as { type?: string; status?: number } | undefined;
  if (typed?.type === 'entity.parse.failed')
    return new PangolinError('malformed', 'The body is not valid JSON.');
  if (typed?.type === 'entity.too.large')
    return new PangolinError('too-large', 'The body is larger than allowed.');
  if (typed?.status === 415 || typed?.type === 'encoding.unsupported') {
    return new PangolinError('malformed', 'The body encoding is not supported.');
  }
  return undefined;
}
