import { pangolinVersion } from '../project';
import type { RouteTable } from './route-table';

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'For 422: every field path (JSON pointer into the body) with its message',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    secondFactorRequired: { type: 'boolean', description: 'On a 401 from sign-in: send the TOTP code too' },
    retryAfterSeconds: { type: 'integer', description: 'On a 429: when to try again' },
    lockedUntil: {
      type: 'string',
      format: 'date-time',
      description: 'On a 429 from sign-in: the account is locked until then',
    },
  },
};

/** The OpenAPI 3.1 document, generated from the same declarations that route the requests. */
export function buildOpenApi(routes: RouteTable, party: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes.routes) {
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = route.query?.properties as Record<string, Record<string, unknown>> | undefined;
    for (const [name, schema] of Object.entries(query ?? {}))
      parameters.push({ name, in: 'query', required: false, schema } as never);
    if (route.method === 'post' && route.idempotent !== false) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', maxLength: 255 },
        description: 'A retry with the same key returns the first answer and creates nothing new',
      } as never);
    }
    const access = route.access;
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      'x-pangolin-access': typeof access === 'string' ? access : `permission:${access.permission}`,
      security: access === 'public' ? [] : [{ bearer: [] }, { sessionCookie: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
        : {}),
      responses: {
        ...Object.fromEntries(
          Object.entries(route.responses).map(([status, response]) => [
            status,
            {
              description: response.description,
              ...(response.schema
                ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema } } }
                : {}),
            },
          ]),
        ),
        ...(access === 'public'
          ? {}
          : { 401: problemResponse('Not signed in'), 403: problemResponse('Your role does not allow this') }),
        ...(route.body
          ? {
              400: problemResponse('Malformed JSON'),
              413: problemResponse('Body too large'),
              415: problemResponse('The body is not JSON in UTF-8'),
              422: problemResponse('Invalid data, with every field path and message'),
            }
          : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `Pangolin API (${party})`,
      version: pangolinVersion,
      description:
        'Electronic CITES permits. Errors are RFC 9457 problem documents (application/problem+json).',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/login' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'pangolin_session' },
      },
    },
  };
}

function problemResponse(description: string) {
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}
