import { ROLES, type Role } from '../../domain/roles';
import { apiRouteTable, createApiRouter } from '../../server/app';
import type { AppServices } from '../../server/composition';
import { startTestStack, type TestStack } from '../support/test-stack';

type Rule = 'public' | 'signed-in' | Role[];

/**
 * Who may call each API route, written out by hand. A route added to the API without a line here
 * fails the first test; a route whose service or route-level check disagrees fails the second.
 */
const EXPECTED: Record<string, Rule> = {
  'GET /about': 'public',
  'GET /openapi.json': 'public',
  'GET /docs': 'public',
  'POST /auth/login': 'public',
  'POST /auth/logout': 'signed-in',
  'GET /auth/me': 'signed-in',
  'POST /auth/password': 'signed-in',
  'POST /auth/totp/setup': 'signed-in',
  'POST /auth/totp/enable': 'signed-in',
  'GET /users': ['admin', 'auditor'],
  'POST /users': ['admin'],
  'GET /users/:id': ['admin', 'auditor'],
  'PATCH /users/:id': ['admin'],
  'GET /audit': ['auditor', 'admin'],
  'GET /audit/verification': ['auditor', 'admin'],
  'GET /species': 'public',
  'GET /trade-measures/applicable': ['ma_officer', 'sa_officer', 'customs_officer', 'auditor'],
  'GET /forms': 'signed-in',
  'GET /forms/:formId': 'signed-in',
  'GET /forms/:formId/versions/:version': 'signed-in',
  'GET /forms/:formId/diff': ['form_designer', 'form_publisher', 'auditor'],
  'POST /forms/:formId/versions/:version/republish': ['form_publisher'],
  'PUT /forms/:formId/draft': ['form_designer'],
  'POST /forms/:formId/publish': ['form_publisher'],
  'GET /procedures': 'signed-in',
  'GET /procedures/:id': 'signed-in',
  'GET /procedures/:id/versions/:version': 'signed-in',
  'PUT /procedures/:id/draft': ['form_designer'],
  'POST /procedures/:id/evaluate': ['form_designer', 'form_publisher'],
  'POST /procedures/:id/check': ['form_designer', 'form_publisher'],
  'POST /procedures/:id/publish': ['form_publisher'],
  'GET /tasks': ['ma_officer', 'sa_officer', 'customs_officer'],
  'POST /tasks/:id/decision': ['ma_officer', 'sa_officer', 'customs_officer'],
  'POST /tasks/:id/claim': ['ma_officer', 'sa_officer', 'customs_officer'],
  'POST /tasks/:id/assignment': ['ma_officer', 'sa_officer', 'customs_officer'],
  'POST /tasks/:id/release': ['ma_officer', 'sa_officer', 'customs_officer'],
  'GET /applications': ['applicant', 'ma_officer', 'sa_officer', 'customs_officer', 'auditor'],
  'POST /applications': ['applicant'],
  'POST /applications/:id/withdraw': ['applicant'],
  'POST /applications/:id/amend': ['applicant'],
  'GET /permits/:id': 'signed-in',
  'GET /permits/:id/pdf': 'signed-in',
  'GET /permits/:id/signed': 'signed-in',
  'GET /verify/:token': 'public',
  'GET /quotas': ['ma_officer', 'sa_officer', 'auditor'],
  'GET /dashboard/applications': ['ma_officer', 'sa_officer', 'auditor'],
  'GET /dashboard/processing-times': ['ma_officer', 'sa_officer', 'auditor'],
  'GET /dashboard/permits': ['ma_officer', 'sa_officer', 'auditor'],
  'GET /dashboard/quota-monitoring': ['ma_officer', 'sa_officer', 'auditor'],
  'POST /quotas': ['ma_officer'],
  'POST /quotas/species-plus': ['ma_officer'],
  'GET /exchange/peers': ['admin'],
  'POST /exchange/peers': ['admin'],
  'DELETE /exchange/peers/:party': ['admin'],
  'POST /exchange/inbox': 'public',
  'POST /exchange/requests': 'public',
  'GET /exchange/incoming': ['ma_officer', 'customs_officer'],
  'POST /exchange/incoming/:id/confirmation': ['customs_officer'],
  'POST /permits/:id/endorsement': ['customs_officer'],
  'POST /permits/:id/cancel': ['ma_officer'],
  'POST /permits/:id/replacement': ['ma_officer'],
  'POST /re-export-balances': ['ma_officer'],
  'GET /re-export-balances': ['ma_officer'],
  'POST /permits/:id/import-confirmation': ['ma_officer'],
  'POST /non-detriment-findings': ['sa_officer'],
  'GET /non-detriment-findings': ['sa_officer', 'ma_officer', 'auditor'],
  'GET /applications/:id': 'signed-in',
  'GET /application-drafts': ['applicant'],
  'POST /application-drafts': ['applicant'],
  'GET /application-drafts/:id': ['applicant'],
  'PUT /application-drafts/:id': ['applicant'],
  'DELETE /application-drafts/:id': ['applicant'],
  'POST /uploads': ['applicant', 'ma_officer', 'sa_officer', 'customs_officer'],
  'GET /uploads/:fileId': 'signed-in',
  'POST /system/checks': ['admin'],
  'GET /system/checks/:checkId': ['admin'],
  'GET /reports/annual': ['ma_officer', 'sa_officer', 'auditor'],
  'GET /reports/annual/check': ['ma_officer', 'sa_officer', 'auditor'],
  'GET /reports/illegal-trade': ['ma_officer', 'sa_officer', 'auditor'],
  'POST /seizures': ['ma_officer', 'customs_officer'],
  'PATCH /seizures/:id': ['ma_officer', 'customs_officer'],
  'GET /seizures': ['ma_officer', 'customs_officer', 'auditor'],
};

const samplePath = (path: string) =>
  path
    .replace(':id', '0123456789abcdef01234567')
    .replace(':checkId', '00000000-0000-4000-8000-000000000000')
    .replace(':fileId', '0123456789abcdef01234567')
    .replace(':formId', 'export-permit')
    .replace(':party', 'DE')
    .replace(':version', '1');

describe('every API route for every role', () => {
  let stack: TestStack;
  const passwords: Record<Role, { email: string; password: string }> = {} as never;

  beforeAll(async () => {
    stack = await startTestStack();
    const admin = await stack.login('admin@demo.test');
    for (const role of ROLES) {
      const email = `${role.replace('_', '-')}@access.test`;
      const created = await stack.api('/api/users', {
        token: admin,
        body: { email, name: role, roles: [role], password: 'access test passphrase' },
      });
      expect(created.status).toBe(201);
      passwords[role] = { email, password: 'access test passphrase' };
    }
  });
  afterAll(() => stack?.close());

  it('has a rule in this test for every route of the table, and the router has no route outside the table', () => {
    const services = {} as AppServices;
    const table = apiRouteTable(stack.config, services).routes.map(
      (route) => `${route.method.toUpperCase()} ${route.path}`,
    );
    expect([...table].sort()).toEqual(Object.keys(EXPECTED).sort());

    const router = createApiRouter(stack.config, {
      auth: {},
      idempotencyKeys: {},
    } as AppServices) as unknown as {
      stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
    };
    const mounted = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`),
      )
      .filter((route) => !route.startsWith('GET /docs/'));
    expect([...new Set(mounted)].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s answers each role as its rule says', async (route, rule) => {
    const [method, path] = route.split(' ') as [string, string];
    const call = async (token?: string) =>
      stack.api(`/api${samplePath(path)}`, { method, token, ...(method === 'GET' ? {} : { body: {} }) });

    const anonymous = await call();
    if (rule === 'public') expect([401, 403]).not.toContain(anonymous.status);
    else expect(anonymous.status).toBe(401);

    for (const role of ROLES) {
      const token = await stack.login(passwords[role].email, passwords[role].password);
      const answer = await call(token);
      const allowed = rule === 'public' || rule === 'signed-in' || rule.includes(role);
      // The role rides along in the compared value so that a failure names it.
      const refused = answer.status === 401 || answer.status === 403;
      expect({ role, status: answer.status, refused }).toEqual({
        role,
        status: allowed ? answer.status : 403,
        refused: !allowed,
      });
      expect(answer.status).toBeLessThan(500);
    }
  });
});
