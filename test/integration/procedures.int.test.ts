import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createProcedureEvaluationActivities } from '../../activities/procedure-evaluation';
import { DEFAULT_PROCEDURES } from '../../forms/defaults/procedures';
import { ApplicationRepository } from '../../store/applications';
import { ProcedureRepository } from '../../store/procedures';
import type { ProcedureDefinition } from '../../forms/procedures/definition';
import { startTestStack, type TestStack } from '../support/test-stack';

const exportDefault = DEFAULT_PROCEDURES.find((procedure) => procedure.id === 'export-procedure')!.definition;
const example = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../examples/applications', name), 'utf8')) as {
    documentType: string;
    data: Record<string, unknown>;
  };

/** The default export procedure with one more table in front. */
const withTable = (table: ProcedureDefinition['tables'][number]): ProcedureDefinition => ({
  ...exportDefault,
  tables: [table, ...exportDefault.tables],
});

describe('national procedures: rules checked at save, tested and guarded at publish, applied at intake', () => {
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

  it('starts with the default procedures published as version 1', async () => {
    const list = await stack.api('/api/procedures', { token: applicant });
    expect(list.status).toBe(200);
    expect(list.body).toEqual(
      expect.arrayContaining(
        ['export-procedure', 're-export-procedure', 'import-procedure'].map((id) =>
          expect.objectContaining({ id, published: { versionId: `${id}@1`, version: 1 } }),
        ),
      ),
    );
  });

  it.each([
    ['a rule reading __proto__', { var: '__proto__' }, '/definition/tables/0/rows/0/when/var', /__proto__/],
    [
      'a field the form lacks',
      { '==': [{ var: 'price' }, 1] },
      '/definition/tables/0/rows/0/when/==/0/var',
      /not a field/,
    ],
    [
      'an operator not allowed',
      { log: 1 },
      '/definition/tables/0/rows/0/when/log',
      /not an allowed operator/,
    ],
  ])('refuses at save %s, with its path, and saves nothing', async (_name, when, path, message) => {
    const saved = await stack.api('/api/procedures/export-procedure/draft', {
      method: 'PUT',
      token: designer,
      body: {
        definition: withTable({ id: 'extra', hitPolicy: 'first', rows: [{ id: 'r', when, then: {} }] }),
      },
    });
    expect(saved.status).toBe(422);
    expect(saved.body.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    const procedure = await stack.api('/api/procedures/export-procedure', { token: designer });
    expect(procedure.body.draft).toBeUndefined();
  });

  it('refuses at publish a procedure removing the NDF step for Appendix-II wild exports', async () => {
    const noNdf = withTable({
      id: 'shortcuts',
      hitPolicy: 'first',
      rows: [
        {
          id: 'wild-appendix-ii',
          when: {
            some: [
              { var: 'blocks' },
              { and: [{ '==': [{ var: 'appendix' }, 'II'] }, { '==': [{ var: 'source' }, 'W'] }] },
            ],
          },
          then: { skipSteps: ['sa-non-detriment'] },
        },
      ],
    });
    const saved = await stack.api('/api/procedures/export-procedure/draft', {
      method: 'PUT',
      token: designer,
      body: { definition: noNdf },
    });
    expect(saved.status).toBe(200);
    const check = await stack.api<{ publishable: boolean; convention: { message: string }[] }>(
      '/api/procedures/export-procedure/check',
      { token: publisher, body: {} },
    );
    expect(check.body.publishable).toBe(false);
    expect(check.body.convention[0]!.message).toMatch(/skips the step "sa-non-detriment".*Art\. IV\.2\(a\)/);

    const published = await stack.api<{ errors: { message: string }[] }>(
      '/api/procedures/export-procedure/publish',
      { method: 'POST', token: publisher },
    );
    expect(published.status).toBe(422);
    expect(published.body.errors.map((problem) => problem.message).join()).toMatch(
      /sa-non-detriment.*shortcuts\/wild-appendix-ii/,
    );
    const procedure = await stack.api<{ published: { version: number } }>(
      '/api/procedures/export-procedure',
      {
        token: publisher,
      },
    );
    expect(procedure.body.published.version).toBe(1);
  });

  it('refuses at publish while a test case fails, naming the difference', async () => {
    const wrongExpectation: ProcedureDefinition = {
      ...exportDefault,
      testCases: [{ ...exportDefault.testCases[0]!, expect: { fee: 42 } }],
    };
    await stack.api('/api/procedures/export-procedure/draft', {
      method: 'PUT',
      token: designer,
      body: { definition: wrongExpectation },
    });
    const published = await stack.api('/api/procedures/export-procedure/publish', {
      method: 'POST',
      token: publisher,
    });
    expect(published.status).toBe(422);
    expect(published.body.errors).toContainEqual({
      path: '/definition/testCases/0',
      message: 'test case live-wild-python fails: /fee expected 42, got 5000',
    });
  });

  it('evaluates a definition on the test bench without saving it', async () => {
    const bench = await stack.api<{ outcome: { steps: { id: string }[] } }>(
      '/api/procedures/export-procedure/evaluate',
      {
        token: designer,
        body: { definition: exportDefault, data: example('export-appendix-ii-wild.json').data },
      },
    );
    expect(bench.status).toBe(200);
    expect(bench.body.outcome).toMatchObject({
      fee: { amount: 5000, currency: 'KES' },
      requiredEvidence: ['proof-of-legal-acquisition', 'veterinary-health-certificate'],
      routing: { office: 'headquarters', officerGroup: 'permits-desk' },
    });
    expect(bench.body.outcome.steps.map((step: { id: string }) => step.id)).toContain('veterinary-check');
  });

  it('publishes through a second person, and new applications are decided by the new version', async () => {
    const higherFee: ProcedureDefinition = {
      ...exportDefault,
      tables: exportDefault.tables.map((table) =>
        table.id === 'fees'
          ? {
              ...table,
              rows: table.rows.map((row) =>
                row.id === 'commercial' ? { ...row, then: { fee: 6000 } } : row,
              ),
            }
          : table,
      ),
      testCases: exportDefault.testCases.map((testCase) =>
        testCase.id === 'live-wild-python'
          ? { ...testCase, expect: { ...testCase.expect, fee: 6000 } }
          : testCase,
      ),
    };
    const filedUnderV1 = await stack.api<{ id: string; procedureVersionId: string }>('/api/applications', {
      token: applicant,
      body: example('export-appendix-ii-wild.json'),
    });
    expect(filedUnderV1.body.procedureVersionId).toBe('export-procedure@1');
    const saved = await stack.api('/api/procedures/export-procedure/draft', {
      method: 'PUT',
      token: designer,
      body: { definition: higherFee },
    });
    expect(saved.status).toBe(200);
    const published = await stack.api('/api/procedures/export-procedure/publish', {
      method: 'POST',
      token: publisher,
    });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ versionId: 'export-procedure@2', version: 2 });

    const submitted = await stack.api<{ id: string; procedure: { matchedRows: unknown[] } }>(
      '/api/applications',
      {
        token: applicant,
        body: example('export-appendix-ii-wild.json'),
      },
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      procedureVersionId: 'export-procedure@2',
      procedure: { fee: { amount: 6000 }, autoApprove: false },
      missingEvidence: ['proof-of-legal-acquisition', 'veterinary-health-certificate'],
    });
    expect(submitted.body.procedure.matchedRows).toContainEqual({ tableId: 'fees', rowIds: ['commercial'] });

    // The lifecycle's activity decides again under the version each application was filed under.
    const activities = createProcedureEvaluationActivities(
      new ApplicationRepository(stack.store),
      new ProcedureRepository(stack.store),
    );
    const environment = new MockActivityEnvironment();
    const [underV1, underV2] = await Promise.all(
      [filedUnderV1.body.id, submitted.body.id].map((applicationId) =>
        environment.run(activities.evaluateApplicationProcedure, { applicationId }),
      ),
    );
    expect(underV1).toMatchObject({
      procedureVersionId: 'export-procedure@1',
      outcome: { fee: { amount: 5000 } },
    });
    expect(underV2).toMatchObject({
      procedureVersionId: 'export-procedure@2',
      outcome: { fee: { amount: 6000 } },
    });
    expect((underV2 as { outcome: unknown }).outcome).toEqual(submitted.body.procedure);

    const audit = await stack.api<{ entries: { action: string }[] }>('/api/audit?limit=100', {
      token: await stack.login('auditor@demo.test'),
    });
    const actions = audit.body.entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['procedure.draft-saved', 'procedure.published']));
  });
});

describe('application intake applies the Convention, the procedure and evidence ownership', () => {
  let stack: TestStack;
  let applicant: string;
  beforeAll(async () => {
    stack = await startTestStack();
    applicant = await stack.login('applicant@demo.test');
  });
  afterAll(() => stack?.close());

  it('refuses an Appendix-I export for commercial purposes at the purpose field', async () => {
    const body = example('export-appendix-i.json');
    const refused = await stack.api('/api/applications', {
      token: applicant,
      body: { ...body, data: { ...body.data, purpose: 'T' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual({
      path: '/data/purpose',
      message: expect.stringMatching(/commercial/i),
    });
  });

  it('refuses field names the database cannot keep, storing nothing', async () => {
    const body = example('export-appendix-ii-wild.json');
    const refused = await stack.api<{ errors: { path: string }[] }>('/api/applications', {
      token: applicant,
      body: { ...body, data: { ...body.data, notes: { $gt: '' } } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: '/data/notes/$gt' }));
    const list = await stack.api<unknown[]>('/api/applications', { token: applicant });
    expect(list.body).toEqual([]);
  });

  it('refuses evidence that points at a file the applicant did not upload', async () => {
    const body = example('export-appendix-ii-wild.json');
    const refused = await stack.api('/api/applications', {
      token: applicant,
      body: {
        ...body,
        data: {
          ...body.data,
          evidence: [
            {
              kind: 'proof-of-legal-acquisition',
              fileId: '0123456789abcdef01234567',
              name: 'receipt.pdf',
              mime: 'application/pdf',
              size: 10,
              sha256: '0'.repeat(64),
            },
          ],
        },
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual({
      path: '/data/evidence/0/fileId',
      message: 'is not a file you uploaded',
    });
  });

  it('submits from a saved draft, removes the draft, and lists the application', async () => {
    const body = example('export-appendix-ii-wild.json');
    const draft = await stack.api('/api/application-drafts', { token: applicant, body });
    expect(draft.status).toBe(201);
    const submitted = await stack.api('/api/applications', {
      token: applicant,
      body: { ...body, draftId: draft.body.id },
    });
    expect(submitted.status).toBe(201);
    expect((await stack.api(`/api/application-drafts/${draft.body.id}`, { token: applicant })).status).toBe(
      404,
    );
    const list = await stack.api<{ id: string }[]>('/api/applications', { token: applicant });
    expect(list.body[0]).toMatchObject({
      id: submitted.body.id,
      status: 'submitted',
      documentType: 'export',
    });
    const officer = await stack.login('ma@demo.test');
    const party = await stack.api<{ id: string }[]>('/api/applications', { token: officer });
    expect(party.body.map((application: { id: string }) => application.id)).toContain(submitted.body.id);
  });
});
