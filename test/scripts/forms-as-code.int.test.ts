import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/project';
import { ensureBuilt } from '../support/build';
import { startTestStack, type TestStack } from '../support/test-stack';

const run = promisify(execFile);
const script = path.join(projectRoot, 'dist', 'scripts', 'forms-as-code.js');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled script as `npm run forms:pull|push` does, and answers its exit code and output. */
async function formsAsCode(args: string[], env: Record<string, string>): Promise<Outcome> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of ['PANGOLIN_TOKEN', 'PANGOLIN_PASSWORD', 'PANGOLIN_TOTP_CODE', 'PANGOLIN_URL']) {
    if (!(name in env)) delete childEnv[name];
  }
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { env: childEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const writeJson = (file: string, value: unknown) =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

interface FormView {
  id: string;
  documentType: string;
  published: { version: number; schema: Record<string, unknown> };
  draft?: { schema: Record<string, unknown>; updatedBy: string };
}

describe('forms as code: npm run forms:pull / forms:push', () => {
  let stack: TestStack;
  let designer: string;
  let publisher: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-forms-as-code-'));
  const exportSchemaFile = path.join(dir, 'forms', 'export-permit', 'schema.json');
  const changedTitle = 'Application for a CITES export permit (Kenya, 2026 edition)';

  beforeAll(async () => {
    await ensureBuilt();
    stack = await startTestStack();
    designer = await stack.login('designer@demo.test');
    publisher = await stack.login('publisher@demo.test');
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await stack?.close();
  });

  it('refuses to run without a way to sign in', async () => {
    const outcome = await formsAsCode(['pull', '--url', stack.baseUrl, '--dir', dir], {});
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('PANGOLIN_TOKEN');
  });

  it('pulls every published form into one folder each, as diff-friendly JSON', async () => {
    const outcome = await formsAsCode(['pull', '--url', stack.baseUrl, '--dir', dir], {
      PANGOLIN_TOKEN: designer,
    });
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    expect(outcome.stdout).toContain('form export-permit: published version 1');

    expect(fs.readdirSync(path.join(dir, 'forms')).sort()).toEqual([
      'export-permit',
      'import-permit',
      're-export-certificate',
    ]);
    for (const id of ['export-permit', 'import-permit', 're-export-certificate']) {
      const folder = path.join(dir, 'forms', id);
      expect(fs.readdirSync(folder).sort()).toEqual([
        'form.json',
        'schema.json',
        'translations.json',
        'ui-schema.json',
      ]);
      const served = await stack.api<FormView>(`/api/forms/${id}`, { token: designer });
      expect(readJson(path.join(folder, 'form.json'))).toEqual({
        id,
        documentType: served.body.documentType,
      });
      expect(readJson(path.join(folder, 'schema.json'))).toEqual(served.body.published.schema);
    }
    const text = fs.readFileSync(exportSchemaFile, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(readJson(path.join(dir, 'forms', 'export-permit', 'translations.json'))).toHaveProperty('fr');

    // Procedures come along where the server has them, and are skipped with a word where it does not.
    const procedures = await stack.api<Array<{ id: string }>>('/api/procedures', { token: designer });
    if (procedures.status === 404) {
      expect(outcome.stdout).toContain('procedures: this server has no /api/procedures (404); skipped');
    } else {
      for (const { id } of procedures.body) {
        expect(readJson(path.join(dir, 'procedures', `${id}.json`))).toMatchObject({
          id,
          definition: expect.any(Object),
        });
      }
    }
  });

  it('pushes a changed title as a draft, signing in with email and password, and publishes nothing', async () => {
    const schema = readJson(exportSchemaFile);
    writeJson(exportSchemaFile, { ...schema, title: changedTitle });

    const outcome = await formsAsCode(
      ['push', '--url', stack.baseUrl, '--dir', dir, '--email', 'designer@demo.test'],
      { PANGOLIN_PASSWORD: stack.config.demoPassword },
    );
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    expect(outcome.stdout).toContain('form export-permit: saved draft');
    expect(outcome.stdout).toContain('form import-permit: unchanged (same as published version 1)');

    const form = await stack.api<FormView>('/api/forms/export-permit', { token: designer });
    expect(form.body.draft?.schema.title).toBe(changedTitle);
    expect(form.body.published.version).toBe(1);
    expect(form.body.published.schema.title).toBe('Application for a CITES export permit');
  });

  it('pulls the draft with --draft', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-forms-as-code-draft-'));
    try {
      const outcome = await formsAsCode(['pull', '--url', stack.baseUrl, '--dir', other, '--draft'], {
        PANGOLIN_TOKEN: designer,
      });
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toContain('form export-permit: draft');
      expect(readJson(path.join(other, 'forms', 'export-permit', 'schema.json')).title).toBe(changedTitle);
      expect(readJson(path.join(other, 'forms', 'import-permit', 'schema.json')).title).toBe(
        readJson(path.join(dir, 'forms', 'import-permit', 'schema.json')).title,
      );
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('exits non-zero on a schema the server refuses, printing each problem with its path', async () => {
    const good = fs.readFileSync(exportSchemaFile, 'utf8');
    writeJson(exportSchemaFile, { type: 'nonsense' });
    // Where the server has procedures, a broken one is reported the same way.
    const procedureFile = path.join(dir, 'procedures', 'export-procedure.json');
    const goodProcedure = fs.existsSync(procedureFile) ? fs.readFileSync(procedureFile, 'utf8') : undefined;
    if (goodProcedure !== undefined) {
      const procedure = JSON.parse(goodProcedure) as { definition: Record<string, unknown> };
      writeJson(procedureFile, { ...procedure, definition: { ...procedure.definition, tables: 'none' } });
    }
    try {
      const outcome = await formsAsCode(['push', '--url', stack.baseUrl, '--dir', dir], {
        PANGOLIN_TOKEN: designer,
      });
      expect(outcome.code).toBe(1);
      expect(outcome.stdout).toContain('form export-permit: FAILED 422');
      expect(outcome.stdout).toMatch(/^ {2}\/schema\/type: .+$/m);
      if (goodProcedure !== undefined) {
        expect(outcome.stdout).toContain('procedure export-procedure: FAILED 422');
        expect(outcome.stdout).toMatch(/^ {2}\/definition\/tables: .+$/m);
      }
      expect(outcome.stdout).toMatch(
        new RegExp(`^push: ${goodProcedure === undefined ? 1 : 2} of \\d+ item\\(s\\) FAILED$`, 'm'),
      );
    } finally {
      fs.writeFileSync(exportSchemaFile, good);
      if (goodProcedure !== undefined) fs.writeFileSync(procedureFile, goodProcedure);
    }
    const form = await stack.api<FormView>('/api/forms/export-permit', { token: designer });
    expect(form.body.draft?.schema.title).toBe(changedTitle);
  });

  it('with --publish, a publisher publishes the drafts that are exactly what the directory holds', async () => {
    const outcome = await formsAsCode(['push', '--url', stack.baseUrl, '--dir', dir, '--publish'], {
      PANGOLIN_TOKEN: publisher,
    });
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    expect(outcome.stdout).toContain('form export-permit: published export-permit@2');
    expect(outcome.stdout).toContain('form import-permit: no draft on the server; nothing to publish');

    const form = await stack.api<FormView>('/api/forms/export-permit', { token: designer });
    expect(form.body.published).toMatchObject({ version: 2, schema: { title: changedTitle } });
  });

  it('with --publish, refuses a draft on the server that differs from the directory', async () => {
    const saved = await stack.api('/api/forms/import-permit/draft', {
      method: 'PUT',
      token: designer,
      body: {
        schema: {
          ...readJson(path.join(dir, 'forms', 'import-permit', 'schema.json')),
          title: 'Not reviewed',
        },
        uiSchema: readJson(path.join(dir, 'forms', 'import-permit', 'ui-schema.json')),
        translations: readJson(path.join(dir, 'forms', 'import-permit', 'translations.json')),
      },
    });
    expect(saved.status).toBe(200);
    const outcome = await formsAsCode(['push', '--url', stack.baseUrl, '--dir', dir, '--publish'], {
      PANGOLIN_TOKEN: publisher,
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain(
      'form import-permit: FAILED the draft on the server is not what the directory holds; not published',
    );
    const form = await stack.api<FormView>('/api/forms/import-permit', { token: designer });
    expect(form.body.published.version).toBe(1);
  });
});
