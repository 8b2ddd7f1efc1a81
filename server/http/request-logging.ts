import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** The caller's X-Request-Id when it is a sensible one, else a new one; echoed in the answer. */
function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Every request gets an id (`req.id`, X-Request-Id) and a logger (`req.log`); when the log level
 * shows info, pino-http also writes one line per request. Below info no such line is ever
 * written, yet pino-http would still serialize and redact every request into a child logger for
 * it — a good part of the cost of a cheap request such as a permit check — so then the request's
 * logger is made only if something logs through it.
 */
export function requestLogging(logger: Logger): RequestHandler {
  if (logger.isLevelEnabled('info')) {
    return pinoHttp({
      logger,
      genReqId: requestIdOf,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    });
  }
  return (req, res, next) => {
    req.id = requestIdOf(req, res);
    let log: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => (log ??= logger.child({ req: { id: req.id, method: req.method, url: req.originalUrl } })),
      set: (value: Logger) => (log = value),
    });
    next();
  };
}
