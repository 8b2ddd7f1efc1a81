import type { Request, RequestHandler } from 'express';
import { PangolinError } from '../errors';
import type { Caller } from '../identity/permissions';
import type { AuthService } from '../services/auth';

export const SESSION_COOKIE = 'pangolin_session';

/**
 * Finds who is calling from the bearer token or the session cookie. Cookie-borne requests that
 * change state must come from this site's own pages (Origin check), which with SameSite=Strict
 * closes cross-site request forgery.
 */
export function authenticate(auth: AuthService, publicUrl: string): RequestHandler {
  const ownOrigin = new URL(publicUrl).origin;
  return async (req, _res, next) => {
    const bearer = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.get('authorization') ?? '')?.[1];
    const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    const token = bearer ?? (typeof cookie === 'string' ? cookie : undefined);
    if (!bearer && token && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const origin = req.get('origin');
      if (origin && origin !== ownOrigin && origin !== requestOrigin(req)) {
        throw new PangolinError('not-allowed', 'This request came from another site.');
      }
    }
    const caller: Caller = { actor: await auth.authenticate(token), requestId: String(req.id ?? '') };
    (req as Request & { caller: Caller }).caller = caller;
    next();
  };
}

function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}`;
}
