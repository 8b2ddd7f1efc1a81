import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../../server/app';
import { PangolinError } from '../../../server/errors';
import type { AppServices } from '../../../server/composition';
import { loadConfig } from '../../../server/config';

// Services are fakes here: this suite is about how the HTTP layer answers, not about Temporal.
const auth = {
  authenticate: async () => ({
    kind: 'user',
    userId: 'u1',
    email: 'admin@example.org',
    roles: ['admin'],
    party: 'KE',
    sessionId: 's1',
    mustEnrollSecondFactor: false,
  }),
};
const health = {
  check: async () => ({ status: 'ok', party: 'KE', temporal: 'ok', database: 'ok', version: 't' }),
};
const systemChecks = {
  run: async (): Promise<never> => {
    throw new Error('database exploded at 10.0.0.3');
  },
  find: async (_caller: unknown, id: string): Promise<never> => {
    if (id === 'while-the-database-restarts') {
      throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.3:27017'), {
        name: 'MongoServerSelectionError',
      });
    }
    throw new PangolinError('not-found', `System check ${id} was not found`);
  },
};

describe('HTTP errors are problem documents', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const services = { health, systemChecks, auth } as unknown as AppServices;
    const app = createApp(loadConfig({ NODE_ENV: 'test' }), services, pino({ level: 'silent' }));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each([
    [
      'malformed JSON',
      { method: 'POST', path: '/api/system/checks', body: '{"a":', type: 'application/json' },
      400,
    ],
    [
      'a body over the size limit',
      {
        method: 'POST',
        path: '/api/system/checks',
        body: `{"a":"${'x'.repeat(1_100_000)}"}`,
        type: 'application/json',
      },
      413,
    ],
    ['an unknown API route', { method: 'GET', path: '/api/nothing-here' }, 404],
    ['a missing record', { method: 'GET', path: '/api/system/checks/abc' }, 404],
    ['an unexpected failure', { method: 'POST', path: '/api/system/checks' }, 500],
    [
      'the database out of reach',
      { method: 'GET', path: '/api/system/checks/while-the-database-restarts' },
      503,
    ],
  ])('%s', async (_case, request, status) => {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      body: 'body' in request ? request.body : undefined,
      headers: 'type' in request ? { 'content-type': request.type } : {},
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+|10\.0\.0\.3/);
  });

  it('tags every answer with a request id, keeping a well-formed one the caller sent', async () => {
    const given = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const minted = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
