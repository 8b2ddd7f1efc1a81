import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

/*
 * Forms as code: a Management Authority keeps its national forms and procedures in version control.
 *
 *   npm run forms:pull -- --url https://permits.example.org --dir national-forms [--draft]
 *   npm run forms:push -- --url https://permits.example.org --dir national-forms [--publish]
 *
 * pull writes <dir>/forms/<formId>/{form.json, schema.json, ui-schema.json, translations.json} and
 * <dir>/procedures/<procedureId>.json; push saves every one of them as the draft on the server and
 * never publishes. With --publish (a publisher's token) it saves nothing and instead publishes the
 * drafts on the server that are exactly what the directory holds: what is published is what was
 * reviewed. Signing in: PANGOLIN_TOKEN (a bearer token), or --email with PANGOLIN_PASSWORD (and
 * PANGOLIN_TOTP_CODE when the account has a second factor). Only Node built-ins: the compiled file
 * runs on its own.
 *
 * Exit code: 0 when every item went through, 1 when any item failed, 2 when nothing could be done.
 */

const usage = `usage:
  npm run forms:pull -- --url URL --dir DIR [--draft] [--email EMAIL]
  npm run forms:push -- --url URL --dir DIR [--publish] [--email EMAIL]
sign in with PANGOLIN_TOKEN, or --email with PANGOLIN_PASSWORD (+ PANGOLIN_TOTP_CODE when asked)`;

type Json = Record<string, unknown>;

interface Problem {
  path: string;
  message: string;
}

interface Answer<T = Json> {
  status: number;
  body: T;
}

/** Something that stops the whole run (exit code 2): usage, sign-in, an unreachable server. */
class Fatal extends Error {}

/** Ids become file and directory names: nothing that could leave the directory. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

const FORM_FILES = {
  schema: 'schema.json',
  uiSchema: 'ui-schema.json',
  translations: 'translations.json',
} as const;

class Api {
  constructor(
    private readonly baseUrl: string,
    public token?: string,
  ) {}

  async call<T = Json>(method: string, route: string, body?: unknown): Promise<Answer<T>> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${route}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      throw new Fatal(`cannot reach ${this.baseUrl}: ${cause ?? (error as Error).message}`);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text for the message
    }
    return { status: response.status, body: parsed as T };
  }

  /** GET that must succeed; anything else stops the run. */
  async get<T = Json>(route: string): Promise<T> {
    const answer = await this.call<T>('GET', route);
    if (answer.status !== 200) throw new Fatal(`GET ${route} answered ${describe(answer)}`);
    return answer.body;
  }
}

/** `401 Sign in first: ...` from a problem document, or the status and text of anything else. */
function describe(answer: Answer<unknown>): string {
  const body = answer.body as { title?: string; detail?: string } | string | undefined;
  if (typeof body === 'object' && body !== null && (body.title || body.detail)) {
    const parts = body.detail === body.title ? [body.title] : [body.title, body.detail];
    return `${answer.status} ${parts.filter(Boolean).join(': ')}`;
  }
  return `${answer.status}${typeof body === 'string' && body !== '' ? ` ${body.slice(0, 200)}` : ''}`;
}

function problemsOf(answer: Answer<unknown>): Problem[] {
  const errors = (answer.body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors)
    ? errors.map((error: Partial<Problem>) => ({
        path: String(error.path ?? '/'),
        message: String(error.message ?? ''),
      }))
    : [];
}

/** Signs in as asked and answers the token; `ownSession` when this run opened it (and closes it). */
async function signIn(
  api: Api,
  email: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ ownSession: boolean }> {
  if (env.PANGOLIN_TOKEN && !email) {
    api.token = env.PANGOLIN_TOKEN;
    return { ownSession: false };
  }
  if (!email)
    throw new Fatal(`not signed in: set PANGOLIN_TOKEN, or pass --email and set PANGOLIN_PASSWORD\n${usage}`);
  const password = env.PANGOLIN_PASSWORD;
  if (!password) throw new Fatal(`--email ${email} needs the password in PANGOLIN_PASSWORD`);
  let answer = await api.call<{ token?: string; user?: { mustEnrollSecondFactor?: boolean } }>(
    'POST',
    '/api/auth/login',
    { email, password },
  );
  const asksForCode = (a: Answer<unknown>) =>
    a.status === 401 &&
    (a.body as { secondFactorRequired?: boolean } | undefined)?.secondFactorRequired === true;
  if (asksForCode(answer)) {
    const totp = env.PANGOLIN_TOTP_CODE;
    if (!totp)
      throw new Fatal(`${email} has a second factor: set PANGOLIN_TOTP_CODE to the current 6-digit code`);
    answer = await api.call('POST', '/api/auth/login', { email, password, totp });
  }
  if (answer.status !== 200 || !answer.body.token) {
    throw new Fatal(`sign-in of ${email} failed: ${describe(answer)}`);
  }
  api.token = answer.body.token;
  if (answer.body.user?.mustEnrollSecondFactor) {
    await signOut(api);
    throw new Fatal(`${email} must set up two-factor authentication in the web app (My account) first`);
  }
  return { ownSession: true };
}

async function signOut(api: Api): Promise<void> {
  await api.call('POST', '/api/auth/logout').catch(() => undefined);
}

function safeId(kind: string, id: unknown): string {
  if (typeof id !== 'string' || !SAFE_ID.test(id))
    throw new Fatal(`the server named a ${kind} ${JSON.stringify(id)}`);
  return id;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function readJson(file: string): Promise<unknown> {
  const text = await fs.readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

async function readJsonObject(file: string, fallback?: Json): Promise<Json> {
  const exists = await fs
    .stat(file)
    .then(() => true)
    .catch(() => false);
  if (!exists && fallback !== undefined) return fallback;
  const value = await readJson(file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${file} must hold a JSON object`);
  }
  return value as Json;
}

/** The same JSON whatever the order of object keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Json)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

interface FormContent {
  schema: Json;
  uiSchema: Json;
  translations: Json;
}

interface FormView {
  id: string;
  documentType: string;
  published: (FormContent & { version: number; versionId: string }) | null;
  draft?: FormContent;
}

interface ProcedureView {
  id: string;
  documentType: string;
  published?: { definition: Json; version?: number; versionId?: string } | null;
  draft?: { definition: Json };
}

const contentOf = (content: FormContent): FormContent => ({
  schema: content.schema,
  uiSchema: content.uiSchema,
  translations: content.translations,
});

// ---------------------------------------------------------------------------------------------- pull

async function pull(api: Api, dir: string, draft: boolean): Promise<number> {
  const forms = await api.get<Array<{ id: string }>>('/api/forms');
  for (const { id: listedId } of forms) {
    const id = safeId('form', listedId);
    const form = await api.get<FormView>(`/api/forms/${encodeURIComponent(id)}`);
    const useDraft = form.draft !== undefined && (draft || form.published === null);
    const content = useDraft ? form.draft : form.published;
    if (!content) {
      console.log(`form ${id}: nothing to pull (no published version, and no draft visible to you)`);
      continue;
    }
    const folder = path.join(dir, 'forms', id);
    await writeJson(path.join(folder, 'form.json'), { id, documentType: form.documentType });
    for (const [part, file] of Object.entries(FORM_FILES)) {
      await writeJson(path.join(folder, file), content[part as keyof FormContent] ?? {});
    }
    const what = useDraft
      ? `draft${form.published === null ? ' (never published)' : ''}`
      : `published version ${form.published!.version}`;
    console.log(`form ${id}: ${what} -> ${folder}`);
  }

  const list = await api.call<Array<{ id: string }>>('GET', '/api/procedures');
  if (list.status === 404) {
    console.log('procedures: this server has no /api/procedures (404); skipped');
    return 0;
  }
  if (list.status !== 200) throw new Fatal(`GET /api/procedures answered ${describe(list)}`);
  for (const { id: listedId } of list.body) {
    const id = safeId('procedure', listedId);
    const procedure = await api.get<ProcedureView>(`/api/procedures/${encodeURIComponent(id)}`);
    const useDraft = procedure.draft !== undefined && (draft || !procedure.published);
    const definition = useDraft ? procedure.draft?.definition : procedure.published?.definition;
    if (!definition) {
      console.log(`procedure ${id}: nothing to pull (no published version, and no draft visible to you)`);
      continue;
    }
    const file = path.join(dir, 'procedures', `${id}.json`);
    await writeJson(file, { id, documentType: procedure.documentType, definition });
    const version = procedure.published?.version;
    console.log(
      `procedure ${id}: ${useDraft ? 'draft' : `published${version ? ` version ${version}` : ''}`} -> ${file}`,
    );
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------- push

interface LocalForm extends FormContent {
  id: string;
  documentType: string;
}

interface LocalProcedure {
  id: string;
  documentType: string;
  definition: Json;
}

/** Every item of the directory, or why it cannot be read. */
type Local<T> = { id: string; item?: T; error?: string };

async function listEntries(folder: string): Promise<import('node:fs').Dirent[]> {
  try {
    return (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function localForms(dir: string): Promise<Local<LocalForm>[]> {
  const folder = path.join(dir, 'forms');
  const found: Local<LocalForm>[] = [];
  for (const entry of await listEntries(folder)) {
    if (!entry.isDirectory()) continue;
    const id = entry.name;
    try {
      if (!SAFE_ID.test(id)) throw new Error(`forms/${id}: a form id is letters, digits, - and _`);
      const meta = await readJsonObject(path.join(folder, id, 'form.json'));
      if (meta.id !== undefined && meta.id !== id) {
        throw new Error(`forms/${id}/form.json names the form ${JSON.stringify(meta.id)}, not ${id}`);
      }
      if (typeof meta.documentType !== 'string') throw new Error(`forms/${id}/form.json has no documentType`);
      found.push({
        id,
        item: {
          id,
          documentType: meta.documentType,
          schema: await readJsonObject(path.join(folder, id, FORM_FILES.schema)),
          uiSchema: await readJsonObject(path.join(folder, id, FORM_FILES.uiSchema), {}),
          translations: await readJsonObject(path.join(folder, id, FORM_FILES.translations), {}),
        },
      });
    } catch (error) {
      found.push({ id, error: (error as Error).message });
    }
  }
  return found;
}

async function localProcedures(dir: string): Promise<Local<LocalProcedure>[]> {
  const folder = path.join(dir, 'procedures');
  const found: Local<LocalProcedure>[] = [];
  for (const entry of await listEntries(folder)) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const id = entry.name.slice(0, -'.json'.length);
    try {
      if (!SAFE_ID.test(id))
        throw new Error(`procedures/${entry.name}: a procedure id is letters, digits, - and _`);
      const file = await readJsonObject(path.join(folder, entry.name));
      if (file.id !== undefined && file.id !== id) {
        throw new Error(`procedures/${entry.name} names the procedure ${JSON.stringify(file.id)}, not ${id}`);
      }
      if (typeof file.documentType !== 'string')
        throw new Error(`procedures/${entry.name} has no documentType`);
      const definition = file.definition;
      if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
        throw new Error(`procedures/${entry.name} has no definition object`);
      }
      found.push({ id, item: { id, documentType: file.documentType, definition: definition as Json } });
    } catch (error) {
      found.push({ id, error: (error as Error).message });
    }
  }
  return found;
}

/** Prints what went wrong with one item; answers false so callers can count failures. */
function report(label: string, answer: Answer<unknown>): false {
  const problems = problemsOf(answer);
  console.log(`${label}: FAILED ${describe(answer)}`);
  for (const problem of problems) console.log(`  ${problem.path}: ${problem.message}`);
  return false;
}

async function pushForm(api: Api, form: LocalForm): Promise<boolean> {
  const label = `form ${form.id}`;
  const route = `/api/forms/${encodeURIComponent(form.id)}`;
  const current = await api.call<FormView>('GET', route);
  if (current.status === 200) {
    const { draft, published } = current.body;
    if (draft && sameJson(contentOf(draft), contentOf(form))) {
      console.log(`${label}: unchanged (the draft on the server is the same)`);
      return true;
    }
    if (!draft && published && sameJson(contentOf(published), contentOf(form))) {
      console.log(`${label}: unchanged (same as published version ${published.version})`);
      return true;
    }
  }
  const answer = await api.call('PUT', `${route}/draft`, {
    documentType: form.documentType,
    schema: form.schema,
    uiSchema: form.uiSchema,
    translations: form.translations,
  });
  if (answer.status === 200) {
    console.log(`${label}: saved draft`);
    return true;
  }
  return report(label, answer);
}

async function pushProcedure(api: Api, procedure: LocalProcedure): Promise<boolean> {
  const label = `procedure ${procedure.id}`;
  const route = `/api/procedures/${encodeURIComponent(procedure.id)}`;
  const current = await api.call<ProcedureView>('GET', route);
  if (current.status === 200) {
    const { draft, published } = current.body;
    if (draft && sameJson(draft.definition, procedure.definition)) {
      console.log(`${label}: unchanged (the draft on the server is the same)`);
      return true;
    }
    if (!draft && published && sameJson(published.definition, procedure.definition)) {
      console.log(`${label}: unchanged (same as the published version)`);
      return true;
    }
  }
  const answer = await api.call('PUT', `${route}/draft`, {
    documentType: procedure.documentType,
    definition: procedure.definition,
  });
  if (answer.status === 200) {
    console.log(`${label}: saved draft`);
    return true;
  }
  return report(label, answer);
}

/** Publishes the server's draft only when it is exactly what the directory holds. */
async function publishItem(
  api: Api,
  label: string,
  route: string,
  draftMatches: (view: Json) => boolean | undefined,
): Promise<boolean> {
  const current = await api.call<Json>('GET', route);
  if (current.status !== 200) return report(label, current);
  const matches = draftMatches(current.body);
  if (matches === undefined) {
    console.log(`${label}: no draft on the server; nothing to publish`);
    return true;
  }
  if (!matches) {
    console.log(`${label}: FAILED the draft on the server is not what the directory holds; not published`);
    return false;
  }
  const answer = await api.call<{ versionId?: string; version?: number }>('POST', `${route}/publish`);
  if (answer.status === 200 || answer.status === 201) {
    console.log(`${label}: published${answer.body?.versionId ? ` ${answer.body.versionId}` : ''}`);
    return true;
  }
  return report(label, answer);
}

async function push(api: Api, dir: string, publish: boolean): Promise<number> {
  const forms = await localForms(dir);
  const procedures = await localProcedures(dir);
  if (forms.length === 0 && procedures.length === 0) {
    throw new Fatal(`${dir} holds no forms/<formId>/ and no procedures/<id>.json`);
  }
  let failed = 0;
  for (const { id, item, error } of forms) {
    if (!item) {
      console.log(`form ${id}: FAILED ${error}`);
      failed++;
      continue;
    }
    const ok = publish
      ? await publishItem(api, `form ${id}`, `/api/forms/${encodeURIComponent(id)}`, (view) => {
          const draft = (view as unknown as FormView).draft;
          return draft ? sameJson(contentOf(draft), contentOf(item)) : undefined;
        })
      : await pushForm(api, item);
    if (!ok) failed++;
  }

  if (procedures.length > 0) {
    const probe = await api.call('GET', '/api/procedures');
    if (probe.status === 404) {
      console.log(
        `procedures: FAILED this server has no /api/procedures (404); ${procedures.length} procedure file(s) not pushed`,
      );
      failed += procedures.length;
      procedures.length = 0;
    }
  }
  for (const { id, item, error } of procedures) {
    if (!item) {
      console.log(`procedure ${id}: FAILED ${error}`);
      failed++;
      continue;
    }
    const ok = publish
      ? await publishItem(api, `procedure ${id}`, `/api/procedures/${encodeURIComponent(id)}`, (view) => {
          const draft = (view as unknown as ProcedureView).draft;
          return draft ? sameJson(draft.definition, item.definition) : undefined;
        })
      : await pushProcedure(api, item);
    if (!ok) failed++;
  }

  const total = forms.length + procedures.length;
  console.log(
    failed === 0
      ? `${publish ? 'publish' : 'push'}: ${total} item(s) done${publish ? '' : '; nothing was published'}`
      : `${publish ? 'publish' : 'push'}: ${failed} of ${total} item(s) FAILED`,
  );
  return failed === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------- main

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        dir: { type: 'string' },
        email: { type: 'string' },
        draft: { type: 'boolean', default: false },
        publish: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new Fatal(`${(error as Error).message}\n${usage}`, { cause: error });
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const url = values.url ?? env.PANGOLIN_URL;
  if ((command !== 'pull' && command !== 'push') || positionals.length > 1 || !url || !values.dir) {
    throw new Fatal(usage);
  }
  if (command === 'pull' && values.publish) throw new Fatal('--publish goes with push');
  if (command === 'push' && values.draft) throw new Fatal('--draft goes with pull');
  const api = new Api(url.replace(/\/+$/, ''));
  const { ownSession } = await signIn(api, values.email, env);
  try {
    const dir = path.resolve(values.dir);
    return command === 'pull' ? await pull(api, dir, values.draft) : await push(api, dir, values.publish);
  } finally {
    if (ownSession) await signOut(api);
  }
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`forms-as-code: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof Fatal ? 2 : 1;
  },
);
