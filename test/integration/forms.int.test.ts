import { startTestStack, type TestStack } from '../support/test-stack';

const schemaV1 = {
  type: 'object',
  required: ['exporterCountry'],
  properties: { exporterCountry: { type: 'string', format: 'iso-country', title: 'Exporting country' } },
};
const schemaV2 = {
  ...schemaV1,
  properties: {
    ...schemaV1.properties,
    live: { type: 'boolean' },
    veterinaryCertificate: { type: 'string' },
  },
  if: { properties: { live: { const: true } }, required: ['live'] },
  then: { required: ['veterinaryCertificate'] },
};
const content = (schema: object) => ({
  schema,
  uiSchema: { exporterCountry: { 'ui:autofocus': true } },
  translations: {
    fr: { 'Exporting country': 'Pays exportateur' },
    es: { 'Exporting country': 'País exportador' },
  },
});

describe('national forms: drafts, four-eyes publishing, immutable versions', () => {
  let stack: TestStack;
  let designer: string;
  let publisher: string;
  let applicant: string;
  beforeAll(async () => {
    stack = await startTestStack();
    designer = await stack.login('designer@demo.test');
    publisher = await stack.login('publisher@demo.test');
    applicant = await stack.login('applicant@demo.test');
  });
  afterAll(() => stack?.close());

  it('starts with the default forms for export, re-export and import, published as version 1', async () => {
    const listed = await stack.api<
      Array<{ id: string; documentType: string; published: { versionId: string } }>
    >('/api/forms', {
      token: applicant,
    });
    expect(listed.body.map((form) => [form.id, form.documentType, form.published.versionId])).toEqual([
      ['export-permit', 'export', 'export-permit@1'],
      ['import-permit', 'import', 'import-permit@1'],
      ['re-export-certificate', 're-export', 're-export-certificate@1'],
    ]);
  });

  it('refuses a schema ajv cannot compile, telling the designer why, and saves nothing', async () => {
    const answer = await stack.api('/api/forms/national-export/draft', {
      method: 'PUT',
      token: designer,
      body: {
        documentType: 'export',
        ...content({ type: 'object', properties: { a: { type: 'string', minLenght: 2 } } }),
      },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { path: '/schema', message: expect.stringContaining('unknown keyword: "minLenght"') },
    ]);
    expect((await stack.api('/api/forms/national-export', { token: designer })).status).toBe(404);
  });

  it('publishes only through a second person, as numbered versions that stay as they were', async () => {
    const saved = await stack.api('/api/forms/national-export/draft', {
      method: 'PUT',
      token: designer,
      body: { documentType: 'export', ...content(schemaV1) },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      id: 'national-export',
      documentType: 'export',
      published: null,
      draft: { schema: schemaV1 },
    });

    expect(
      (await stack.api('/api/forms/national-export/publish', { method: 'POST', token: designer })).status,
    ).toBe(403);
    const v1 = await stack.api('/api/forms/national-export/publish', { method: 'POST', token: publisher });
    expect(v1).toMatchObject({ status: 201, body: { versionId: 'national-export@1', version: 1 } });
    expect(
      (await stack.api('/api/forms/national-export/publish', { method: 'POST', token: publisher })).status,
    ).toBe(409);

    await stack.api('/api/forms/national-export/draft', {
      method: 'PUT',
      token: designer,
      body: content(schemaV2),
    });
    const v2 = await stack.api('/api/forms/national-export/publish', { method: 'POST', token: publisher });
    expect(v2.body).toMatchObject({ versionId: 'national-export@2', version: 2 });

    const seenByApplicant = await stack.api('/api/forms/national-export', { token: applicant });
    expect(seenByApplicant.body).toMatchObject({
      published: { versionId: 'national-export@2', schema: schemaV2 },
    });
    expect(seenByApplicant.body).not.toHaveProperty('draft');
    const first = await stack.api('/api/forms/national-export/versions/1', { token: applicant });
    expect(first.body).toMatchObject({
      versionId: 'national-export@1',
      schema: schemaV1,
      translations: content(schemaV1).translations,
    });

    const listed = await stack.api<Array<{ id: string }>>('/api/forms', { token: applicant });
    expect(listed.body.find((form) => form.id === 'national-export')).toEqual({
      id: 'national-export',
      documentType: 'export',
      published: { versionId: 'national-export@2', version: 2 },
    });
  });

  it('shows what changed between versions, and publishes an earlier version again as the next', async () => {
    const diff = await stack.api<{ schema: Array<{ path: string; change: string }> }>(
      '/api/forms/national-export/diff?from=1&to=2',
      {
        token: publisher,
      },
    );
    expect(diff.status).toBe(200);
    expect(diff.body.schema.map((change) => `${change.change} ${change.path}`)).toEqual([
      'added /if',
      'added /properties/live',
      'added /properties/veterinaryCertificate',
      'added /then',
    ]);
    expect(
      (await stack.api('/api/forms/national-export/diff?from=1&to=2', { token: applicant })).status,
    ).toBe(403);
    expect(
      (await stack.api('/api/forms/national-export/diff?from=1&to=9', { token: publisher })).status,
    ).toBe(404);

    const undone = await stack.api('/api/forms/national-export/versions/1/republish', {
      method: 'POST',
      token: publisher,
    });
    expect(undone).toMatchObject({ status: 201, body: { versionId: 'national-export@3', version: 3 } });
    const current = await stack.api('/api/forms/national-export', { token: applicant });
    expect(current.body).toMatchObject({ published: { versionId: 'national-export@3', schema: schemaV1 } });
    expect(
      (await stack.api('/api/forms/national-export/versions/2', { token: applicant })).body,
    ).toMatchObject({ schema: schemaV2 });
  });

  it('does not let one person both design and publish a draft, even holding both roles', async () => {
    const admin = await stack.login('admin@demo.test');
    await stack.api('/api/users', {
      token: admin,
      body: {
        email: 'both@example.org',
        name: 'Both',
        roles: ['form_designer', 'form_publisher'],
        password: 'long enough pass',
      },
    });
    const both = await stack.login('both@example.org', 'long enough pass');
    await stack.api('/api/forms/national-import/draft', {
      method: 'PUT',
      token: both,
      body: { documentType: 'import', ...content(schemaV1) },
    });
    const own = await stack.api('/api/forms/national-import/publish', { method: 'POST', token: both });
    expect(own.status).toBe(403);
    expect(own.body.detail).toMatch(/second person/);
  });

  it('keeps a form to its document type and audits every change', async () => {
    const changed = await stack.api('/api/forms/national-export/draft', {
      method: 'PUT',
      token: designer,
      body: { documentType: 'import', ...content(schemaV1) },
    });
    expect(changed.status).toBe(422);
    const auditor = await stack.login('auditor@demo.test');
    const trail = await stack.api<{ entries: Array<{ action: string; objectId: string }> }>(
      '/api/audit?limit=50',
      { token: auditor },
    );
    const formActions = trail.body.entries
      .filter((entry) => entry.objectId === 'national-export')
      .map((entry) => entry.action);
    expect(formActions.sort()).toEqual([
      'form.created',
      'form.draft-saved',
      'form.published',
      'form.published',
      'form.republished',
    ]);
  });
});
