import { apiRouteTable } from '../../server/app';
import { DEMO_ACCOUNTS } from '../../server/identity/demo-accounts';
import { PERMISSIONS } from '../../server/identity/permissions';
import type { Access } from '../../server/http/route-table';
import type { AppServices } from '../../server/composition';
import type { JsonSchema } from '../../server/http/validation';
import { startTestStack, testConfig, type TestStack } from '../support/test-stack';

const operator = { $gt: '' };

/**
 * A body for a route's schema with one scalar property replaced by a query operator. Object-typed
 * properties (a form's JSON Schema, application data) are documents that are stored, never queried by.
 */
function bodiesWithOperator(schema: JsonSchema): Array<[string, Record<string, unknown>]> {
  const properties = (schema.properties ?? {}) as Record<string, { type?: string }>;
  return Object.entries(properties)
    .filter(([, property]) => property.type !== 'object')
    .map(([name]) => [name, { ...sampleBody(schema), [name]: operator }]);
}

function sampleBody(schema: JsonSchema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<
    string,
    { type?: string; format?: string; items?: unknown }
  >;
  const sample: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.type === 'string')
      sample[name] = property.format === 'email' ? 'someone@example.org' : 'some text 12345';
    else if (property.type === 'array') sample[name] = ['applicant'];
    else if (property.type === 'boolean') sample[name] = true;
  }
  return sample;
}

describe('hardening', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.login('admin@demo.test');
  });
  afterAll(() => stack?.close());

  it('refuses a query operator in every body field of every route, storing nothing', async () => {
    const routes = apiRouteTable(stack.config, {} as AppServices).routes.filter((route) => route.body);
    expect(routes.length).toBeGreaterThan(4);
    const usersBefore = await stack.store.collection('users').countDocuments();
    // Each route is called by a role it admits, so that the body is what gets refused.
    const tokenFor = async (access: Access) => {
      if (typeof access === 'string') return admin;
      const role = PERMISSIONS[access.permission][0];
      return stack.login(DEMO_ACCOUNTS.find((account) => account.role === role)!.email);
    };
    for (const route of routes) {
      const token = await tokenFor(route.access);
      for (const [field, body] of bodiesWithOperator(route.body!)) {
        const path = `/api${route.path.replace(':id', '0123456789abcdef01234567').replace(':formId', 'export-permit')}`;
        const answer = await stack.api(path, { method: route.method.toUpperCase(), token, body });
        expect({ route: route.path, field, status: answer.status }).toEqual({
          route: route.path,
          field,
          status: 422,
        });
        expect(answer.body.errors).toContainEqual({ path: `/${field}`, message: expect.any(String) });
      }
    }
    expect(await stack.store.collection('users').countDocuments()).toBe(usersBefore);
  });

  it('never signs anyone in with operators in place of credentials', async () => {
    const answer = await stack.api('/api/auth/login', { body: { email: operator, password: operator } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { path: '/email', message: 'must be text' },
      { path: '/password', message: 'must be text' },
    ]);
    expect((await stack.api('/api/auth/me', { token: '{"$gt":""}' })).status).toBe(401);
    const jsonCookie = await stack.api('/api/auth/me', {
      headers: { cookie: `pangolin_session=${encodeURIComponent('j:{"$gt":""}')}` },
    });
    expect(jsonCookie.status).toBe(401);
  });

  it.each([
    '/api/audit?before[$gt]=1',
    '/api/audit?limit[$ne]=1',
    '/api/species?q[$regex]=.*',
    '/api/users/%7B%22%24gt%22%3A%22%22%7D',
    '/api/system/checks/%7B%22%24gt%22%3A%22%22%7D',
  ])('refuses operators smuggled through %s', async (path) => {
    const answer = await stack.api(path, { token: admin });
    expect([404, 422]).toContain(answer.status);
  });

  it('sends security headers and no CORS headers, even to a cross-origin preflight', async () => {
    const page = await fetch(`${stack.baseUrl}/api/about`, { headers: { origin: 'https://evil.example' } });
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // Scripts from this origin only; eval for ajv's compiled form validators, never inline scripts.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-eval';");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${stack.baseUrl}/api/users`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('refuses a cookie-borne change from another site, accepts it from its own', async () => {
    const cookie = `pangolin_session=${admin}`;
    const body = { email: 'csrf@example.org', name: 'X', roles: ['applicant'], password: 'long enough pass' };
    const forged = await stack.api('/api/users', {
      body,
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
    expect(await stack.store.collection('users').countDocuments({ email: 'csrf@example.org' })).toBe(0);
    const own = await stack.api('/api/users', { body, headers: { cookie, origin: stack.baseUrl } });
    expect(own.status).toBe(201);
  });

  it('answers a retried POST with its first answer and creates nothing new', async () => {
    const body = {
      email: 'retry@example.org',
      name: 'Retry',
      roles: ['applicant'],
      password: 'long enough pass',
    };
    const headers = { 'idempotency-key': 'create-retry-user-1' };
    const first = await stack.api('/api/users', { token: admin, body, headers });
    const again = await stack.api('/api/users', { token: admin, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await stack.store.collection('users').countDocuments({ email: 'retry@example.org' })).toBe(1);

    const otherBody = await stack.api('/api/users', {
      token: admin,
      body: { ...body, name: 'Other' },
      headers,
    });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.errors).toEqual([
      { path: 'header:Idempotency-Key', message: 'was already used with another body' },
    ]);

    const check1 = await stack.api('/api/system/checks', {
      method: 'POST',
      token: admin,
      headers: { 'idempotency-key': 'check-1' },
    });
    const check2 = await stack.api('/api/system/checks', {
      method: 'POST',
      token: admin,
      headers: { 'idempotency-key': 'check-1' },
    });
    expect(check2.body).toEqual(check1.body);
    expect(await stack.store.collection('systemChecks').countDocuments()).toBe(1);
  });

  it('publishes an OpenAPI 3.1 document of every route, and a browsable page', async () => {
    const document = await stack.api<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/api/openapi.json',
    );
    expect(document.body.openapi).toBe('3.1.0');
    const documented = Object.entries(document.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    const routes = apiRouteTable(stack.config, {} as AppServices).routes.map(
      (route) => `${route.method} /api${route.path.replace(/:(\w+)/g, '{$1}')}`,
    );
    expect(documented.sort()).toEqual(routes.sort());
    const docs = await fetch(`${stack.baseUrl}/api/docs`);
    expect(await docs.text()).toContain('/api/docs/assets/swagger-ui-bundle.js');
    const bundle = await fetch(`${stack.baseUrl}/api/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
  });

  it('counts requests per route for Prometheus', async () => {
    await stack.api('/api/about');
    const metrics = await (await fetch(`${stack.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /pangolin_http_requests_total\{method="GET",route="\/api\/about",status="200"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /pangolin_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/about"\}/,
    );
    expect(metrics).toContain('pangolin_api_process_cpu_seconds_total');
  });
});

describe('rate limits', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(testConfig({ PANGOLIN_LOGIN_ATTEMPTS_PER_MINUTE: '3' }));
  });
  afterAll(() => stack?.close());

  it('slows down repeated sign-in attempts from one address with a 429 problem document', async () => {
    const attempt = () =>
      stack.api('/api/auth/login', { body: { email: 'someone@example.org', password: 'guess' } });
    for (let n = 0; n < 3; n++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited.body.detail).toMatch(/at most 3 a minute/);
  });
});
