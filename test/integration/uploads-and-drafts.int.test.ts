import { createHash } from 'node:crypto';
import { AuditRepository, digestOf } from '../../store/audit';
import { UploadRepository } from '../../store/uploads';
import { MAX_DRAFT_BYTES } from '../../server/services/application-drafts';
import { AuditTrail } from '../../server/services/audit-trail';
import { EvidenceUploadService } from '../../server/services/evidence-uploads';
import { MAX_EVIDENCE_BYTES } from '../../server/services/evidence-content';
import { startTestStack, type TestStack } from '../support/test-stack';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d494844520000000100000001080600000000', 'hex'),
]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('JFIF\0'),
  Buffer.from([0xff, 0xd9]),
]);

const nested = (levels: number): Record<string, unknown> => (levels === 0 ? {} : { a: nested(levels - 1) });

interface EvidenceFile {
  fileId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

interface Draft {
  id: string;
  documentType: string;
  formVersionId?: string;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

describe('evidence uploads and application drafts', () => {
  let stack: TestStack;
  let applicant: string;
  let otherApplicant: string;
  let officer: string;
  let designer: string;
  const countOf = (collection: string) => stack.store.collection(collection).countDocuments();
  const upload = (token: string | undefined, bytes: Buffer, mime: string, name?: string) =>
    stack.api<EvidenceFile>('/api/uploads', {
      token,
      body: bytes,
      headers: { 'content-type': mime, ...(name !== undefined ? { 'x-file-name': name } : {}) },
    });

  beforeAll(async () => {
    stack = await startTestStack();
    applicant = await stack.login('applicant@demo.test');
    officer = await stack.login('ma@demo.test');
    designer = await stack.login('designer@demo.test');
    const admin = await stack.login('admin@demo.test');
    const created = await stack.api('/api/users', {
      token: admin,
      body: {
        email: 'zoo@applicants.test',
        name: 'Another applicant',
        roles: ['applicant'],
        password: 'another applicant passphrase',
      },
    });
    expect(created.status).toBe(201);
    otherApplicant = await stack.login('zoo@applicants.test', 'another applicant passphrase');
  });
  afterAll(() => stack?.close());

  describe('evidence uploads', () => {
    it.each([
      ['a PDF', PDF, 'application/pdf', 'Legal acquisition finding.pdf'],
      ['a PNG', PNG, 'image/png', 'pangolin scales.png'],
      ['a JPEG', JPEG, 'image/jpeg', 'Photo d’identité – Kénya.jpg'],
    ])(
      'stores %s with the digest and size the server computed, and gives the bytes back unchanged',
      async (_what, bytes, mime, name) => {
        const stored = await upload(applicant, bytes, mime, encodeURIComponent(name));
        expect(stored.status).toBe(201);
        expect(stored.body).toEqual({
          fileId: expect.stringMatching(/^[0-9a-f]{24}$/),
          name,
          mime,
          size: bytes.length,
          sha256: sha256(bytes),
        });
        expect(stored.headers.get('location')).toBe(`/api/uploads/${stored.body.fileId}`);

        const read = await stack.api(`/api/uploads/${stored.body.fileId}`, { token: applicant });
        expect(read.status).toBe(200);
        expect(read.bytes.equals(bytes)).toBe(true);
        expect(read.headers.get('content-type')).toBe(mime);
        expect(read.headers.get('x-content-type-options')).toBe('nosniff');
        expect(read.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"/\\]+"/);
        expect(decodeURIComponent(read.headers.get('content-disposition')!)).toContain(name);
      },
    );

    it('takes a file of exactly 10 MiB and gives it back byte for byte', async () => {
      const largest = Buffer.concat([PDF, Buffer.alloc(MAX_EVIDENCE_BYTES - PDF.length, 0x25)]);
      largest.writeUInt32BE(0xdeadbeef, MAX_EVIDENCE_BYTES - 4);
      const stored = await upload(applicant, largest, 'application/pdf', 'largest.pdf');
      expect(stored.status).toBe(201);
      expect(stored.body).toMatchObject({ size: MAX_EVIDENCE_BYTES, sha256: sha256(largest) });
      const read = await stack.api(`/api/uploads/${stored.body.fileId}`, { token: officer });
      expect(read.bytes.equals(largest)).toBe(true);
    });

    it('shows a file to its owner and to officers, and to nobody else, as if it did not exist', async () => {
      const stored = await upload(applicant, PDF, 'application/pdf', 'permit-scan.pdf');
      const path = `/api/uploads/${stored.body.fileId}`;
      expect((await stack.api(path, { token: officer })).bytes.equals(PDF)).toBe(true);
      const stranger = await stack.api(path, { token: otherApplicant });
      const nobodysFile = await stack.api('/api/uploads/0123456789abcdef01234567', { token: otherApplicant });
      expect(stranger.status).toBe(404);
      expect(nobodysFile.status).toBe(404);
      expect(stranger.bytes.includes(PDF)).toBe(false);
      expect((await stack.api(path, { token: designer })).status).toBe(404);
      expect((await stack.api(path)).status).toBe(401);
      expect((await stack.api('/api/uploads/%7B%22%24gt%22%3A%22%22%7D', { token: officer })).status).toBe(
        404,
      );
    });

    it('keeps a safe name: no path, no control characters', async () => {
      const stored = await upload(
        applicant,
        PNG,
        'image/png',
        encodeURIComponent('../../etc/x\r\ny\u202Egnp.exe'),
      );
      expect(stored.status).toBe(201);
      expect(stored.body.name).toBe('x ygnp.exe');
    });

    it('audits the upload by its digest, never its content', async () => {
      const me = await stack.api<{ user: { id: string } }>('/api/auth/me', { token: applicant });
      const stored = await upload(applicant, JPEG, 'image/jpeg', 'audited.jpg');
      const entry = await stack.store
        .collection('auditTrail')
        .findOne({ action: 'evidence.uploaded', objectId: stored.body.fileId });
      expect(entry).toMatchObject({ objectType: 'evidence', actor: { userId: me.body.user.id } });
      expect(entry!.afterDigest).toBe(digestOf({ ...stored.body, ownerId: me.body.user.id }));
    });

    describe('refusals store nothing', () => {
      let before: number;
      beforeEach(async () => {
        before = await countOf('uploads');
      });
      afterEach(async () => {
        expect(await countOf('uploads')).toBe(before);
      });

      it.each([
        ['a GIF', 'image/gif', PDF],
        ['HTML', 'text/html', PDF],
        // JSON is parsed by the API's JSON parser before the route sees it: it must be JSON.
        ['JSON', 'application/json', Buffer.from('{"evidence":"%PDF-"}')],
        ['bytes of no particular type', 'application/octet-stream', PDF],
        ['bytes of no declared type', '', PDF],
      ])('refuses %s with 415', async (_what, mime, bytes) => {
        const answer = await upload(applicant, bytes, mime, 'evidence');
        expect(answer.status).toBe(415);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      });

      it.each([
        ['a PNG sent as a PDF', PNG, 'application/pdf'],
        ['a PDF sent as a PNG', PDF, 'image/png'],
        ['an HTML page sent as a JPEG', Buffer.from('<html><script>alert(1)</script>'), 'image/jpeg'],
        ['an empty file', Buffer.alloc(0), 'application/pdf'],
      ])('refuses %s with 422: the content is not what the type says', async (_what, bytes, mime) => {
        const answer = await upload(applicant, bytes, mime, 'evidence');
        expect(answer.status).toBe(422);
        expect(answer.body).toMatchObject({ errors: [{ path: 'body' }] });
      });

      it('refuses a file one byte over 10 MiB with 413, and a much larger body without reading it all', async () => {
        const justOver = Buffer.concat([PDF, Buffer.alloc(MAX_EVIDENCE_BYTES + 1 - PDF.length)]);
        expect((await upload(applicant, justOver, 'application/pdf', 'big.pdf')).status).toBe(413);
        const farOver = Buffer.concat([PDF, Buffer.alloc(MAX_EVIDENCE_BYTES * 2)]);
        expect((await upload(applicant, farOver, 'application/pdf', 'huge.pdf')).status).toBe(413);
      });

      it('refuses an upload without X-File-Name, or with a name that is not URI-encoded, with 422', async () => {
        const unnamed = await upload(applicant, PDF, 'application/pdf');
        expect(unnamed.status).toBe(422);
        expect(unnamed.body).toMatchObject({
          errors: [{ path: 'header:X-File-Name', message: 'is required' }],
        });
        expect((await upload(applicant, PDF, 'application/pdf', '%E0%A4%A')).status).toBe(422);
        expect((await upload(applicant, PDF, 'application/pdf', '..%2F..%2F')).status).toBe(422);
      });

      it('takes uploads from applicants and, for their decisions, officers only', async () => {
        expect((await upload(undefined, PDF, 'application/pdf', 'a.pdf')).status).toBe(401);
        expect((await upload(designer, PDF, 'application/pdf', 'a.pdf')).status).toBe(403);
      });
    });

    it('answers a retried upload with the same Idempotency-Key with its first answer, storing one file', async () => {
      const retry = (bytes: Buffer) =>
        stack.api<EvidenceFile>('/api/uploads', {
          token: applicant,
          body: bytes,
          headers: {
            'content-type': 'application/pdf',
            'x-file-name': 'retried.pdf',
            'idempotency-key': 'upload-1',
          },
        });
      const before = await countOf('uploads');
      const first = await retry(PDF);
      const again = await retry(PDF);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const otherBytes = await retry(Buffer.concat([PDF, Buffer.from('% changed\n')]));
      expect(otherBytes.status).toBe(422);
      expect(await countOf('uploads')).toBe(before + 1);
    });

    it('tells application intake which referenced files are the applicant’s', async () => {
      const me = await stack.api<{ user: { id: string } }>('/api/auth/me', { token: applicant });
      const mine = await upload(applicant, PDF, 'application/pdf', 'mine.pdf');
      const theirs = await upload(otherApplicant, PDF, 'application/pdf', 'theirs.pdf');
      const service = new EvidenceUploadService(
        new UploadRepository(stack.store),
        new AuditTrail(new AuditRepository(stack.store)),
      );
      const owned = await service.ownedFiles(me.body.user.id, [
        mine.body.fileId,
        theirs.body.fileId,
        '0123456789abcdef01234567',
        '{"$gt":""}',
      ]);
      expect([...owned.keys()]).toEqual([mine.body.fileId]);
      expect(owned.get(mine.body.fileId)).toEqual({
        ...mine.body,
        ownerId: me.body.user.id,
        uploadedAt: expect.any(Date),
      });
    });
  });

  describe('application drafts', () => {
    const exportDraft = { documentType: 'export', formVersionId: 'export-permit@1', data: { purpose: 'Z' } };

    it('saves, lists newest first, reads, replaces and deletes the applicant’s own drafts', async () => {
      const first = await stack.api<Draft>('/api/application-drafts', {
        token: applicant,
        body: exportDraft,
      });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        ...exportDraft,
        createdAt: expect.any(String),
        updatedAt: first.body.createdAt,
      });
      expect(first.headers.get('location')).toBe(`/api/application-drafts/${first.body.id}`);
      const second = await stack.api<Draft>('/api/application-drafts', {
        token: applicant,
        body: { documentType: 'import', data: {} },
      });
      expect(second.body).not.toHaveProperty('formVersionId');

      const listed = await stack.api<Draft[]>('/api/application-drafts', { token: applicant });
      expect(listed.body.map((draft) => draft.id)).toEqual([second.body.id, first.body.id]);

      const path = `/api/application-drafts/${first.body.id}`;
      const replaced = await stack.api<Draft>(path, {
        method: 'PUT',
        token: applicant,
        body: { documentType: 're-export', data: { purpose: 'T', specimens: [{ quantity: 2 }] } },
      });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toEqual({
        id: first.body.id,
        documentType: 're-export',
        data: { purpose: 'T', specimens: [{ quantity: 2 }] },
        createdAt: first.body.createdAt,
        updatedAt: expect.any(String),
      });
      expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.updatedAt));
      expect((await stack.api(path, { token: applicant })).body).toEqual(replaced.body);
      const relisted = await stack.api<Draft[]>('/api/application-drafts', { token: applicant });
      expect(relisted.body.map((draft) => draft.id)).toEqual([first.body.id, second.body.id]);

      const deleted = await stack.api(path, { method: 'DELETE', token: applicant });
      expect(deleted.status).toBe(204);
      expect((await stack.api(path, { token: applicant })).status).toBe(404);
      expect((await stack.api(path, { method: 'DELETE', token: applicant })).status).toBe(404);

      const actions = await stack.store
        .collection('auditTrail')
        .find({ objectType: 'application-draft', objectId: first.body.id })
        .sort({ seq: 1 })
        .toArray();
      expect(actions.map((entry) => entry.action)).toEqual([
        'application-draft.saved',
        'application-draft.saved',
        'application-draft.deleted',
      ]);
    });

    it('keeps drafts private to their owner: others get 404 and change nothing', async () => {
      const mine = await stack.api<Draft>('/api/application-drafts', { token: applicant, body: exportDraft });
      const path = `/api/application-drafts/${mine.body.id}`;
      expect((await stack.api(path, { token: otherApplicant })).status).toBe(404);
      const overwrite = await stack.api(path, {
        method: 'PUT',
        token: otherApplicant,
        body: { documentType: 'import', data: { hijacked: true } },
      });
      expect(overwrite.status).toBe(404);
      expect((await stack.api(path, { method: 'DELETE', token: otherApplicant })).status).toBe(404);
      const theirs = await stack.api<Draft[]>('/api/application-drafts', { token: otherApplicant });
      expect(theirs.body.map((draft) => draft.id)).not.toContain(mine.body.id);
      expect((await stack.api(path, { token: applicant })).body).toEqual(mine.body);
      // Officers see applications, not what applicants have not submitted.
      expect((await stack.api(path, { token: officer })).status).toBe(403);
      expect((await stack.api('/api/application-drafts', { token: officer })).status).toBe(403);
    });

    describe('refusals store nothing', () => {
      let before: number;
      beforeEach(async () => {
        before = await countOf('applicationDrafts');
      });
      afterEach(async () => {
        expect(await countOf('applicationDrafts')).toBe(before);
      });

      it.each([
        ['an unknown document type', { documentType: 'hunting-licence', data: {} }, '/documentType'],
        ['no document type', { data: {} }, '/documentType'],
        ['data that is a list', { documentType: 'export', data: [] }, '/data'],
        ['data that is text', { documentType: 'export', data: 'x' }, '/data'],
        ['no data', { documentType: 'export' }, '/data'],
        ['an unknown field', { documentType: 'export', data: {}, status: 'approved' }, '/status'],
        [
          'a field name like a query operator',
          { documentType: 'export', data: { $where: '1' } },
          '/data/$where',
        ],
        [
          'a dotted field name deep down',
          { documentType: 'export', data: { specimens: [{ 'a.b': 1 }] } },
          '/data/specimens/0/a.b',
        ],
        ['a NUL in a field name', { documentType: 'export', data: { 'x\u0000/y': 1 } }, '/data/x\u0000~1y'],
        ['data nested too deep', { documentType: 'export', data: nested(40) }, `/data${'/a'.repeat(32)}`],
      ])('refuses %s with 422', async (_what, body, path) => {
        const answer = await stack.api('/api/application-drafts', { token: applicant, body });
        expect(answer.status).toBe(422);
        expect(answer.body.errors).toContainEqual({ path, message: expect.any(String) });
      });

      it('refuses a new draft over 512 KiB with 413', async () => {
        const big = { documentType: 'export', data: { remarks: 'x'.repeat(MAX_DRAFT_BYTES) } };
        expect((await stack.api('/api/application-drafts', { token: applicant, body: big })).status).toBe(
          413,
        );
      });

      it('refuses an oversized replacement and keeps the draft as it was', async () => {
        const draft = await stack.api<Draft>('/api/application-drafts', {
          token: applicant,
          body: exportDraft,
        });
        before += 1;
        const path = `/api/application-drafts/${draft.body.id}`;
        const big = { documentType: 'export', data: { remarks: 'x'.repeat(MAX_DRAFT_BYTES) } };
        expect((await stack.api(path, { method: 'PUT', token: applicant, body: big })).status).toBe(413);
        expect((await stack.api(path, { token: applicant })).body).toEqual(draft.body);
      });

      it('takes drafts from applicants only', async () => {
        expect((await stack.api('/api/application-drafts', { body: exportDraft })).status).toBe(401);
        expect(
          (await stack.api('/api/application-drafts', { token: officer, body: exportDraft })).status,
        ).toBe(403);
      });
    });
  });
});
