import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { PangolinError } from '../errors';

/**
 * Security headers for the API and the web app. The content security policy allows only this
 * site's own scripts and styles (the build has no inline script) and images from data: URLs
 * (QR codes). No CORS headers are ever sent: other origins cannot call the API from a browser.
 *
 * 'unsafe-eval' is there for one reason: ajv, which validates national forms in the browser with
 * exactly the schema and formats the server uses, compiles each schema into a function. Scripts
 * still come only from this origin, so an injected script cannot load; the forms' answers stay
 * checked on the server either way.
 */
export function securityHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", "'unsafe-eval'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}

/** A per-address limit answering with a problem document (429) like every other error. */
export function rateLimiter(name: string, perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    identifier: name,
    handler: (_req, _res, next, options) => {
      next(
        new PangolinError(
          'rate-limited',
          `Too many requests: at most ${options.limit} a minute. Try again in a minute.`,
          [],
          {
            retryAfterSeconds: 60,
          },
        ),
      );
    },
  });
}
