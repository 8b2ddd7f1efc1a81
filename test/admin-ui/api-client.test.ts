import { ApiError, createApiClient, fieldOf, problemFrom } from '../../admin-ui/src/api/client';

const noHeaders = () => null;
const now = new Date('2026-03-01T10:00:00Z');

describe('problem documents become typed errors', () => {
  it('keeps status, title, detail, type, field problems and extension members', () => {
    const error = problemFrom(
      422,
      'Unprocessable Entity',
      noHeaders,
      JSON.stringify({
        type: 'about:blank',
        title: 'The data is not valid',
        status: 422,
        detail: 'email is taken',
        errors: [
          { path: '/email', message: 'is already used' },
          { path: '/roles/1', message: 'is not a role' },
          { path: '/roles/0', message: 'second problem for roles' },
          { nonsense: true },
        ],
        requestId: 'r-1',
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      title: 'The data is not valid',
      detail: 'email is taken',
      type: 'about:blank',
      errors: [
        { path: '/email', message: 'is already used' },
        { path: '/roles/1', message: 'is not a role' },
        { path: '/roles/0', message: 'second problem for roles' },
      ],
    });
    expect(error.problem.requestId).toBe('r-1');
    expect(error.fieldMessages()).toEqual({ email: 'is already used', roles: 'is not a role' });
    expect(error.retryAt).toBeUndefined();
  });

  it('reads the second-factor flag of a 401', () => {
    const error = problemFrom(
      401,
      'Unauthorized',
      noHeaders,
      '{"title":"Sign in first","status":401,"detail":"Enter the code","secondFactorRequired":true}',
    );
    expect(error.status).toBe(401);
    expect(error.problem.secondFactorRequired).toBe(true);
  });

  it('falls back to the status text for an error page that is not a problem document', () => {
    const error = problemFrom(502, 'Bad Gateway', noHeaders, '<html><body>proxy error</body></html>');
    expect(error).toMatchObject({ status: 502, title: 'Bad Gateway', detail: undefined, errors: [] });
    expect(problemFrom(500, '', noHeaders, '{"title": broken').title).toBe('HTTP 500');
  });

  it.each<[string, Record<string, unknown>, Record<string, string>, string]>([
    [
      'lockedUntil',
      { lockedUntil: '2026-03-01T10:15:00.000Z', retryAfterSeconds: 60 },
      {},
      '2026-03-01T10:15:00.000Z',
    ],
    ['retryAfterSeconds', { retryAfterSeconds: 90 }, {}, '2026-03-01T10:01:30.000Z'],
    ['a Retry-After header in seconds', {}, { 'retry-after': '120' }, '2026-03-01T10:02:00.000Z'],
    [
      'a Retry-After date',
      {},
      { 'retry-after': 'Sun, 01 Mar 2026 11:00:00 GMT' },
      '2026-03-01T11:00:00.000Z',
    ],
    [
      'a timestamp in the detail',
      { detail: 'Locked until 2026-03-01T10:30:00Z.' },
      {},
      '2026-03-01T10:30:00.000Z',
    ],
    ['minutes in the detail', { detail: 'locked for 14 more minutes.' }, {}, '2026-03-01T10:14:00.000Z'],
  ])('finds when a 429 may be retried from %s', (_how, extra, headers, expected) => {
    const error = problemFrom(
      429,
      'Too Many Requests',
      (name) => headers[name] ?? null,
      JSON.stringify({ title: 'Too many', status: 429, ...extra }),
      now,
    );
    expect(error.retryAt?.toISOString()).toBe(expected);
  });

  it('leaves the retry time unknown when nothing says it', () => {
    const error = problemFrom(
      429,
      'Too Many Requests',
      noHeaders,
      '{"title":"Too many","detail":"Slow down."}',
    );
    expect(error.retryAt).toBeUndefined();
  });

  it.each([
    ['/email', 'email'],
    ['/roles/0', 'roles'],
    ['email', 'email'],
    ['roles.2', 'roles'],
    ['roles[2]', 'roles'],
    ['', ''],
    ['/a~1b', 'a/b'],
  ])('takes the field of path %j as %j', (path, field) => {
    expect(fieldOf(path)).toBe(field);
  });
});

interface Recorded {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(answer: (url: string) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return answer(url);
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, body: Record<string, unknown>) =>
  json(status, { type: 'about:blank', status, ...body }, 'application/problem+json');

describe('the API client', () => {
  const user = {
    id: 'u1',
    email: 'admin@demo.test',
    name: 'Admin',
    party: 'KE',
    roles: ['admin'],
    totpEnabled: false,
    totpRequired: false,
    mustEnrollSecondFactor: false,
  };

  it('sends JSON with the session cookie of this site only, and never keeps the token', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { token: 'secret-token', user }));
    const api = createApiClient({ fetch });
    await expect(api.login({ email: 'admin@demo.test', password: 'pw' })).resolves.toEqual(user);
    expect(calls[0]!.url).toBe('/api/auth/login');
    expect(calls[0]!.init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect((calls[0]!.init!.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(calls[0]!.init!.body as string)).toEqual({ email: 'admin@demo.test', password: 'pw' });
    expect(JSON.stringify(api)).not.toContain('secret-token');
  });

  it('turns a problem answer into an ApiError', async () => {
    const { fetch } = fakeFetch(() =>
      problem(422, { title: 'Invalid', errors: [{ path: '/newPassword', message: 'too short' }] }),
    );
    const api = createApiClient({ fetch });
    const failure = await api.changePassword('old', 'short').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).fieldMessages()).toEqual({ newPassword: 'too short' });
  });

  it('answers status 0 when the server cannot be reached', async () => {
    const api = createApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const failure = (await api.about().catch((error: unknown) => error)) as ApiError;
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.status).toBe(0);
    expect(failure.unreachable).toBe(true);
  });

  it('reports an ended session on a signed-in call, not on sign-in or the session probe', async () => {
    const ended = jest.fn();
    const { fetch } = fakeFetch(() => problem(401, { title: 'Sign in first' }));
    const api = createApiClient({ fetch, onSessionEnded: ended });

    await expect(api.me()).resolves.toBeUndefined();
    await expect(api.login({ email: 'a@b.c', password: 'x' })).rejects.toMatchObject({ status: 401 });
    expect(ended).not.toHaveBeenCalled();

    await expect(api.listUsers()).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('does not mistake other failures of the session probe for being signed out', async () => {
    const { fetch } = fakeFetch(() => problem(503, { title: 'Unavailable' }));
    await expect(createApiClient({ fetch }).me()).rejects.toMatchObject({ status: 503 });
  });

  it('reads the health answer also when it is 503', async () => {
    const degraded = { status: 'degraded', party: 'KE', temporal: 'down', database: 'ok', version: '1' };
    const { fetch } = fakeFetch(() => json(503, degraded));
    await expect(createApiClient({ fetch }).health()).resolves.toEqual(degraded);
  });

  it('answers undefined for 204 and pages the audit trail with limit and before', async () => {
    const { fetch, calls } = fakeFetch((url) =>
      url.startsWith('/api/audit')
        ? json(200, { entries: [], nextBefore: null })
        : new Response(null, { status: 204 }),
    );
    const api = createApiClient({ fetch });
    await expect(api.enableTotp('123456')).resolves.toBeUndefined();
    await api.audit();
    await api.audit({ limit: 20, before: 351 });
    expect(calls.map((call) => call.url)).toEqual([
      '/api/auth/totp/enable',
      '/api/audit?limit=50',
      '/api/audit?limit=20&before=351',
    ]);
  });

  it('escapes user ids in paths', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, user));
    await createApiClient({ fetch }).updateUser('a/b?c', { unlock: true });
    expect(calls[0]!.url).toBe('/api/users/a%2Fb%3Fc');
    expect(calls[0]!.init?.method).toBe('PATCH');
    expect(JSON.parse(calls[0]!.init!.body as string)).toEqual({ unlock: true });
  });
});

describe('forms, procedures and applications in the API client', () => {
  it('reads the contract’s problems list as well as the older errors list', () => {
    const error = problemFrom(
      422,
      'Unprocessable Entity',
      noHeaders,
      JSON.stringify({
        title: 'The data is not valid',
        problems: [{ path: '/data/blocks/0/quantity', message: 'must be > 0' }],
        errors: [{ path: '/schema/type', message: 'must be equal to one of the allowed values' }],
      }),
    );
    expect(error.errors).toEqual([
      { path: '/data/blocks/0/quantity', message: 'must be > 0' },
      { path: '/schema/type', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('calls each endpoint with its method, path and body', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { outcome: { fee: 1 } }));
    const api = createApiClient({ fetch });
    const content = { schema: { type: 'object' }, uiSchema: {}, translations: { fr: {} } };
    await api.listForms();
    await api.getForm('export permit');
    await api.getFormVersion('export-permit', 3);
    await api.saveFormDraft('export-permit', content);
    await api.publishForm('export-permit');
    await api.republishFormVersion('export-permit', 1);
    await api.diffForm('export-permit', 1, 2);
    await api.saveProcedureDraft('export-procedure', { formId: 'export-permit' });
    await expect(
      api.evaluateProcedure('export-procedure', { purpose: 'T' }, { formId: 'f' }),
    ).resolves.toEqual({
      fee: 1,
    });
    await api.checkProcedure('export-procedure');
    await api.publishProcedure('export-procedure');
    await api.createDraft({ documentType: 'export', data: {} });
    await api.updateDraft('d1', { documentType: 'export', formVersionId: 'export-permit@1', data: { a: 1 } });
    await api.deleteDraft('d1');
    await api.listApplications({ before: '2026-03-01T10:00:00.000Z' });
    await api.submitApplication(
      { documentType: 'export', data: {}, formVersionId: 'export-permit@2', draftId: 'd1' },
      'fr',
    );
    const seen = calls.map((call) => `${call.init?.method ?? 'GET'} ${call.url}`);
    expect(seen).toEqual([
      'GET /api/forms',
      'GET /api/forms/export%20permit',
      'GET /api/forms/export-permit/versions/3',
      'PUT /api/forms/export-permit/draft',
      'POST /api/forms/export-permit/publish',
      'POST /api/forms/export-permit/versions/1/republish',
      'GET /api/forms/export-permit/diff?from=1&to=2',
      'PUT /api/procedures/export-procedure/draft',
      'POST /api/procedures/export-procedure/evaluate',
      'POST /api/procedures/export-procedure/check',
      'POST /api/procedures/export-procedure/publish',
      'POST /api/application-drafts',
      'PUT /api/application-drafts/d1',
      'DELETE /api/application-drafts/d1',
      'GET /api/applications?limit=50&before=2026-03-01T10%3A00%3A00.000Z',
      'POST /api/applications',
    ]);
    const body = (index: number) => JSON.parse(calls[index]!.init!.body as string) as unknown;
    expect(body(3)).toEqual(content);
    expect(body(7)).toEqual({ definition: { formId: 'export-permit' } });
    expect(body(8)).toEqual({ definition: { formId: 'f' }, data: { purpose: 'T' } });
    expect(body(9)).toEqual({});
    expect(body(15)).toEqual({
      documentType: 'export',
      data: {},
      formVersionId: 'export-permit@2',
      draftId: 'd1',
    });
    // Messages about the application come back in the language of the web app.
    expect((calls[15]!.init!.headers as Record<string, string>)['accept-language']).toBe('fr');
    expect((calls[0]!.init!.headers as Record<string, string>)['accept-language']).toBeUndefined();
  });
});
