import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/project';
import { startTestStack, type TestStack } from '../support/test-stack';

const examplesDir = path.join(projectRoot, 'examples', 'applications');
const examples = fs
  .readdirSync(examplesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'))] as const);
const example = (file: string) => examples.find(([name]) => name === file)![1];

describe('application intake on the published national forms', () => {
  let stack: TestStack;
  let applicant: string;
  beforeAll(async () => {
    stack = await startTestStack();
    applicant = await stack.login('applicant@demo.test');
  });
  afterAll(() => stack?.close());

  it.each(examples)('accepts the example %s as shipped', async (_file, body) => {
    const answer = await stack.api<{ id: string; status: string; formVersionId: string }>(
      '/api/applications',
      { token: applicant, body },
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'submitted', formVersionId: expect.stringMatching(/@1$/) });
    expect(answer.headers.get('location')).toBe(`/api/applications/${answer.body.id}`);
    const read = await stack.api<{ status: string; timeline: { event: string }[] }>(
      `/api/applications/${answer.body.id}`,
      { token: applicant },
    );
    expect(read.body).toMatchObject({ id: answer.body.id, documentType: body.documentType });
    // Its lifecycle may already have taken it up by the time it is read.
    expect(['submitted', 'under-review']).toContain(read.body.status);
    expect(read.body.timeline[0]).toMatchObject({ event: 'submitted' });
  });

  it('refuses incomplete data with every field path, in the applicant’s language, storing nothing', async () => {
    const body = example('export-appendix-i.json');
    const before = await stack.store.collection('applications').countDocuments();
    const broken = {
      ...body,
      data: {
        ...body.data,
        importPermit: undefined,
        blocks: [{ ...body.data.blocks[0], scientificName: 'Panthera imaginaria', source: 'Q' }],
      },
    };
    const answer = await stack.api('/api/applications', {
      token: applicant,
      body: JSON.parse(JSON.stringify(broken)),
      headers: { 'accept-language': 'fr' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        // RJSF names a missing field by its title, as the applicant sees it on the form.
        {
          path: '/data/importPermit',
          message: "requiert la propriété 'Import permit of the importing country (Appendix I)'",
        },
        { path: '/data/blocks/0/scientificName', message: 'doit être un nom d’espèce de la liste CITES' },
        { path: '/data/blocks/0/source', message: 'doit être un code de source CITES' },
      ]),
    );
    expect(await stack.store.collection('applications').countDocuments()).toBe(before);
  });

  it('makes one application of a double submit with the same Idempotency-Key', async () => {
    const body = example('export-appendix-ii-wild.json');
    const headers = { 'idempotency-key': 'double-click-42' };
    const first = await stack.api<{ id: string }>('/api/applications', { token: applicant, body, headers });
    const second = await stack.api<{ id: string }>('/api/applications', { token: applicant, body, headers });
    expect(second.body.id).toBe(first.body.id);
    expect(await stack.store.collection('applications').countDocuments({ _id: first.body.id } as never)).toBe(
      1,
    );
  });

  it('shows an application to its applicant and the Party’s officers, and to no other applicant', async () => {
    const created = await stack.api<{ id: string }>('/api/applications', {
      token: applicant,
      body: example('export-appendix-ii-wild.json'),
    });
    const admin = await stack.login('admin@demo.test');
    await stack.api('/api/users', {
      token: admin,
      body: { email: 'other@example.org', name: 'Other', roles: ['applicant'], password: 'long enough pass' },
    });
    const other = await stack.login('other@example.org', 'long enough pass');
    expect((await stack.api(`/api/applications/${created.body.id}`, { token: other })).status).toBe(404);
    expect(
      (await stack.api(`/api/applications/${created.body.id}`, { token: await stack.login('ma@demo.test') }))
        .status,
    ).toBe(200);
    expect(
      (
        await stack.api(`/api/applications/${created.body.id}`, {
          token: await stack.login('auditor@demo.test'),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await stack.api('/api/applications', {
          token: await stack.login('ma@demo.test'),
          body: example('export-appendix-ii-wild.json'),
        })
      ).status,
    ).toBe(403);
  });

  it('keeps an application on the form version it was filed under after a new version is published', async () => {
    const filed = await stack.api<{ id: string }>('/api/applications', {
      token: applicant,
      body: example('export-appendix-ii-wild.json'),
    });
    const designer = await stack.login('designer@demo.test');
    const form = await stack.api<{
      published: { schema: Record<string, unknown>; uiSchema: object; translations: object };
    }>('/api/forms/export-permit', {
      token: designer,
    });
    const stricter = {
      ...form.body.published.schema,
      required: [...(form.body.published.schema.required as string[]), 'notes'],
    };
    await stack.api('/api/forms/export-permit/draft', {
      method: 'PUT',
      token: designer,
      body: {
        schema: stricter,
        uiSchema: form.body.published.uiSchema,
        translations: form.body.published.translations,
      },
    });
    expect(
      (
        await stack.api('/api/forms/export-permit/publish', {
          method: 'POST',
          token: await stack.login('publisher@demo.test'),
        })
      ).status,
    ).toBe(201);

    expect((await stack.api(`/api/applications/${filed.body.id}`, { token: applicant })).body).toMatchObject({
      formVersionId: 'export-permit@1',
    });
    const onNewVersion = await stack.api('/api/applications', {
      token: applicant,
      body: example('export-appendix-ii-wild.json'),
    });
    expect(onNewVersion.status).toBe(422);
    expect(onNewVersion.body.errors).toEqual([
      {
        path: '/data/notes',
        message: "must have required property 'Anything else the Management Authority should know'",
      },
    ]);
    const onOldVersion = await stack.api('/api/applications', {
      token: applicant,
      body: { ...example('export-appendix-ii-wild.json'), formVersionId: 'export-permit@1' },
    });
    expect(onOldVersion.status).toBe(201);
  });
});
