import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { PangolinError } from '../errors';
import { hasPermission, type Caller, type Permission } from '../identity/permissions';
import { compileBody, compileQuery, fieldProblems, type JsonSchema } from './validation';

/** Who may call a route: anyone, anyone signed in, or holders of a permission. */
export type Access = 'public' | 'signed-in' | { permission: Permission };

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteContext<Body, Query> {
  caller: Caller;
  body: Body;
  query: Query;
  params: Record<string, string>;
  req: Request;
  res: Response;
}

export interface RouteSpec<Body = unknown, Query = Record<string, unknown>> {
  method: HttpMethod;
  /** Express path under /api, e.g. `/users/:id`. */
  path: string;
  access: Access;
  summary: string;
  tag: string;
  body?: JsonSchema;
  query?: JsonSchema;
  /** Documented answers: status -> description (and schema when there is a body). */
  responses: Record<number, { description: string; schema?: JsonSchema; contentType?: string }>;
  /** Extra middleware before access checks (rate limits). */
  before?: RequestHandler[];
  /** POSTs honour Idempotency-Key unless this says otherwise (sign-in, for instance). */
  idempotent?: boolean;
  handler: (context: RouteContext<Body, Query>) => Promise<void>;
}

export interface RouteTableOptions {
  idempotency: RequestHandler;
}

/**
 * Every API route is declared here with its access rule and schemas; the same declarations
 * drive express, the OpenAPI document, and the test that walks every route for every role.
 */
export class RouteTable {
  readonly routes: RouteSpec<never, never>[] = [];

  add<Body, Query = Record<string, unknown>>(spec: RouteSpec<Body, Query>): void {
    this.routes.push(spec as unknown as RouteSpec<never, never>);
  }

  mount(router: Router, options: RouteTableOptions): void {
    for (const spec of this.routes) {
      const validateBody = spec.body ? compileBody(spec.body) : undefined;
      const validateQuery = spec.query ? compileQuery(spec.query) : undefined;
      const handlers: RequestHandler[] = [
        ...(spec.before ?? []),
        checkAccess(spec.access),
        (req, response, next) => {
          if (validateQuery) {
            const query = { ...(req.query as Record<string, unknown>) };
            if (!validateQuery(query))
              throw new PangolinError(
                'invalid',
                'The query parameters are not valid.',
                fieldProblems(validateQuery.errors),
              );
            response.locals.query = query;
          }
          if (validateBody) {
            // is() is false for a body of another type (or of none named), null for no body at all.
            if (req.is('application/json') === false) {
              throw new PangolinError(
                'unsupported-media-type',
                'Send the body as JSON (Content-Type: application/json).',
              );
            }
            if (req.body === undefined) {
              throw new PangolinError('invalid', 'Send a JSON body (Content-Type: application/json).', [
                { path: '/', message: 'is required' },
              ]);
            }
            if (!validateBody(req.body))
              throw new PangolinError(
                'invalid',
                'The data is not valid.',
                fieldProblems(validateBody.errors),
              );
          }
          next();
        },
        ...(spec.method === 'post' && spec.idempotent !== false ? [options.idempotency] : []),
        async (req, response) => {
          await spec.handler({
            caller: callerOf(req),
            body: req.body as never,
            query: (response.locals.query ?? req.query) as never,
            params: req.params as Record<string, string>,
            req,
            res: response,
          });
        },
      ];
      router[spec.method](spec.path, ...handlers);
    }
  }
}

export function callerOf(req: Request): Caller {
  return (
    (req as Request & { caller?: Caller }).caller ?? {
      actor: { kind: 'anonymous' },
      requestId: String(req.id ?? ''),
    }
  );
}

function checkAccess(access: Access): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (access === 'public') return next();
    const { actor } = callerOf(req);
    if (actor.kind !== 'user') throw new PangolinError('not-signed-in', 'Sign in to continue.');
    if (access === 'signed-in') return next();
    if (actor.mustEnrollSecondFactor) {
      throw new PangolinError(
        'not-allowed',
        'Set up two-factor authentication in My account before continuing.',
      );
    }
    if (!hasPermission(actor, access.permission)) {
      throw new PangolinError('not-allowed', `Your role does not allow this (${access.permission}).`);
    }
    next();
  };
}
