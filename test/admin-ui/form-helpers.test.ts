import { ApiError } from '../../admin-ui/src/api/client';
import { fileNameHeader, uploadFile } from '../../admin-ui/src/api/uploads';
import { documentTitle, statusLabel } from '../../admin-ui/src/documents';
import { changeRows, showValue } from '../../admin-ui/src/forms/changes';
import { EVIDENCE_FIELD, withEvidenceFields } from '../../admin-ui/src/forms/evidence-ui';
import { fileSize } from '../../admin-ui/src/forms/file-size';
import { errorPointer, friendlyErrors } from '../../admin-ui/src/forms/form-errors';
import { parseFormVersionId } from '../../admin-ui/src/forms/form-version';
import { jsonText, parseJsonObject } from '../../admin-ui/src/forms/json-text';
import { pruneEmpty } from '../../admin-ui/src/forms/prune-empty';
import { messages, type MessageKey } from '../../admin-ui/src/messages';

const evidenceItem = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['invoice', 'licence'] },
    fileId: { type: 'string' },
    name: { type: 'string' },
    mime: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
  },
};

describe('evidence arrays use the upload field', () => {
  it('finds arrays of file references wherever they are, and keeps the rest of the UI schema', () => {
    const schema = {
      type: 'object',
      properties: {
        evidence: { type: 'array', items: evidenceItem },
        blocks: {
          type: 'array',
          items: { type: 'object', properties: { photos: { type: 'array', items: evidenceItem } } },
        },
        notes: { type: 'string' },
      },
    };
    const ui = { notes: { 'ui:widget': 'textarea' }, 'ui:order': ['notes', '*'] };
    expect(withEvidenceFields(schema, ui)).toEqual({
      notes: { 'ui:widget': 'textarea' },
      'ui:order': ['notes', '*'],
      evidence: { items: { 'ui:field': EVIDENCE_FIELD } },
      blocks: { items: { photos: { items: { 'ui:field': EVIDENCE_FIELD } } } },
    });
    expect(ui).toEqual({ notes: { 'ui:widget': 'textarea' }, 'ui:order': ['notes', '*'] });
  });

  it("respects a designer's own field and leaves forms without evidence alone", () => {
    const schema = { type: 'object', properties: { evidence: { type: 'array', items: evidenceItem } } };
    const ui = { evidence: { items: { 'ui:field': 'custom' } } };
    expect(withEvidenceFields(schema, ui)).toEqual(ui);
    expect(withEvidenceFields({ type: 'object', properties: { a: { type: 'string' } } }, undefined)).toEqual(
      {},
    );
  });
});

describe('small helpers', () => {
  it('reads form version ids', () => {
    expect(parseFormVersionId('export-permit@3')).toEqual({ formId: 'export-permit', version: 3 });
    expect(parseFormVersionId('export-permit@0')).toBeNull();
    expect(parseFormVersionId('export-permit')).toBeNull();
    expect(parseFormVersionId('../x@1')).toBeNull();
  });

  it('reads JSON objects and says why other text is refused', () => {
    expect(parseJsonObject('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonObject('[1]')).toEqual({ ok: false, message: 'not an object' });
    expect(parseJsonObject('{"a": }').ok).toBe(false);
    expect(jsonText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it('shows change rows whichever way the server names the kind of change', () => {
    expect(
      changeRows([
        { path: '/properties/x', op: 'add', after: { type: 'string' } },
        { path: '/required/0', change: 'removed', before: 'x' },
        { path: '', op: 'replace', before: 1, after: 2 },
      ]),
    ).toEqual([
      { path: '/properties/x', kind: 'added', before: '', after: '{"type":"string"}' },
      { path: '/required/0', kind: 'removed', before: '"x"', after: '' },
      { path: '/', kind: 'changed', before: '1', after: '2' },
    ]);
    expect(showValue({ long: 'x'.repeat(80) })).toContain('\n');
  });

  it('writes file sizes for people', () => {
    expect(fileSize(850)).toBe('850 B');
    expect(fileSize(12_500)).toBe('12.5 kB');
    expect(fileSize(3_200_000)).toBe('3.2 MB');
    expect(fileSize(12_500, 'fr')).toBe('12,5 kB');
  });

  it('encodes file names for the X-File-Name header', () => {
    expect(fileNameHeader('permis d’origine é.pdf')).toBe('permis%20d%E2%80%99origine%20%C3%A9.pdf');
  });

  it('names document types and statuses in the reader’s language', () => {
    const t = (key: MessageKey) => messages.fr[key];
    expect(documentTitle('re-export', 'es')).toBe('Certificado de reexportación');
    expect(statusLabel('submitted', t)).toBe('Envoyée');
    expect(statusLabel('some_new_status', t)).toBe('some_new_status');
  });
});

describe('browser validation messages', () => {
  const error = (name: string, property: string, params: Record<string, unknown> = {}) => ({
    name,
    property,
    params,
    message: `raw ${name}`,
    stack: `${property} raw ${name}`,
    schemaPath: '',
  });

  it('drops the if half of a condition and words Pangolin formats as the server does', () => {
    const errors = friendlyErrors(
      [
        error('if', '.'),
        error('format', '.blocks.0.source', { format: 'cites-source' }),
        error('format', '.email', { format: 'email' }),
        error('required', '.transportConditions'),
      ],
      'fr',
    );
    expect(errors.map((each) => each.message)).toEqual([
      'doit être un code de source CITES',
      'raw format',
      'raw required',
    ]);
    expect(errors[0]!.stack).toBe('.blocks.0.source doit être un code de source CITES');
  });

  it('turns RJSF property paths into JSON pointers', () => {
    expect(errorPointer({ property: '.blocks.0.quantity' })).toBe('/blocks/0/quantity');
    expect(errorPointer({ property: '.' })).toBe('/');
    expect(errorPointer({ property: undefined })).toBe('/');
  });
});

describe('uploading evidence', () => {
  class FakeRequest {
    headers: Record<string, string> = {};
    sent: unknown;
    opened = '';
    withCredentials = false;
    status = 0;
    statusText = '';
    responseText = '';
    private listeners: Record<string, () => void> = {};
    private progress: (event: { lengthComputable: boolean; loaded: number; total: number }) => void =
      () => {};
    upload = {
      addEventListener: (_type: 'progress', listener: FakeRequest['progress']) => {
        this.progress = listener;
      },
    };
    open(method: string, url: string) {
      this.opened = `${method} ${url}`;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    addEventListener(type: string, listener: () => void) {
      this.listeners[type] = listener;
    }
    getResponseHeader() {
      return null;
    }
    send(body: unknown) {
      this.sent = body;
    }
    answer(status: number, body: unknown) {
      this.progress({ lengthComputable: true, loaded: 5, total: 10 });
      this.status = status;
      this.responseText = JSON.stringify(body);
      this.listeners.load?.();
    }
    fail() {
      this.listeners.error?.();
    }
  }

  const file = new File(['%PDF-1.7'], 'Licence é.pdf', { type: 'application/pdf' });

  it('sends the raw file with its type and encoded name, and reports progress', async () => {
    const request = new FakeRequest();
    const progress: number[] = [];
    const stored = { fileId: 'f1', name: 'Licence é.pdf', mime: 'application/pdf', size: 8, sha256: 'ab' };
    const done = uploadFile(
      file,
      (sent, total) => progress.push(sent / total),
      () => request,
    );
    request.answer(201, stored);
    await expect(done).resolves.toEqual(stored);
    expect(request.opened).toBe('POST /api/uploads');
    expect(request.headers['content-type']).toBe('application/pdf');
    expect(request.headers['x-file-name']).toBe('Licence%20%C3%A9.pdf');
    expect(request.sent).toBe(file);
    expect(request.withCredentials).toBe(true);
    expect(progress).toEqual([0.5]);
  });

  it('turns a refusal into an ApiError with its status, and a lost connection into status 0', async () => {
    const refused = new FakeRequest();
    const failing = uploadFile(file, undefined, () => refused);
    refused.answer(415, { title: 'Unsupported', status: 415 });
    await expect(failing).rejects.toMatchObject({ status: 415, title: 'Unsupported' });

    const lost = new FakeRequest();
    const unreachable = uploadFile(file, undefined, () => lost);
    lost.fail();
    await expect(unreachable).rejects.toBeInstanceOf(ApiError);
    await expect(unreachable).rejects.toMatchObject({ status: 0 });
  });
});

describe('form data without empty sections', () => {
  it('drops undefined members and objects left empty, at any depth, and keeps array positions', () => {
    expect(
      pruneEmpty({
        purpose: 'T',
        importPermit: {},
        notes: undefined,
        blocks: [
          { quantity: 1, countryOfOrigin: { country: undefined }, description: { term: 'LIV' } },
          {},
          'x',
        ],
        exporter: { name: '', address: { streetLines: [] } },
        live: false,
        count: 0,
      }),
    ).toEqual({
      purpose: 'T',
      blocks: [{ quantity: 1, description: { term: 'LIV' } }, {}, 'x'],
      exporter: { name: '', address: { streetLines: [] } },
      live: false,
      count: 0,
    });
  });
});
