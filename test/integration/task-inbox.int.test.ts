import fs from 'node:fs';
import path from 'node:path';
import { eventually } from '../support/eventually';
import { startTestStack, type TestStack } from '../support/test-stack';

interface Task {
  id: string;
  type: string;
  applicationId: string;
  documentType: string;
  openedAt: string;
  assignedTo?: string;
}

const example = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../examples/applications/export-appendix-ii-wild.json'), 'utf8'),
) as { documentType: string; data: Record<string, unknown> };
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('the officers’ task inbox: filters, pages, claims and decisions with attachments', () => {
  let stack: TestStack;
  let applicant: string;
  let ma: string;
  let secondMa: string;
  const ids: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    applicant = await stack.login('applicant@demo.test');
    ma = await stack.login('ma@demo.test');
    const admin = await stack.login('admin@demo.test');
    const created = await stack.api('/api/users', {
      token: admin,
      body: {
        email: 'ma2@demo.test',
        name: 'Second MA officer',
        password: 'a long enough password 2',
        roles: ['ma_officer'],
      },
    });
    expect(created.status).toBe(201);
    secondMa = await stack.login('ma2@demo.test', 'a long enough password 2');
    for (let index = 0; index < 3; index++) {
      const submitted = await stack.api<{ id: string }>('/api/applications', {
        token: applicant,
        body: example,
      });
      expect(submitted.status).toBe(201);
      ids.push(submitted.body.id);
    }
  });
  afterAll(() => stack?.close());

  const inbox = async (token: string, query = '') => {
    const answer = await stack.api<Task[]>(`/api/tasks${query}`, { token });
    expect(answer.status).toBe(200);
    return answer.body.filter((task) => ids.includes(task.applicationId));
  };
  const completenessTasks = () =>
    eventually('the three completeness checks', async () => {
      const open = await inbox(ma, '?step=completeness-check');
      return open.length === 3 ? open : undefined;
    });

  it('filters by step and document type, and pages oldest first with openedAfter', async () => {
    const tasks = await completenessTasks();
    expect(tasks.every((task) => task.type === 'completeness-check')).toBe(true);
    expect(await inbox(ma, '?documentType=import')).toEqual([]);
    expect(await inbox(ma, '?step=final-decision')).toEqual([]);

    const all = (await stack.api<Task[]>('/api/tasks?step=completeness-check', { token: ma })).body;
    const first = (await stack.api<Task[]>('/api/tasks?step=completeness-check&limit=1', { token: ma })).body;
    expect(first).toEqual([all[0]]);
    const next = (
      await stack.api<Task[]>(
        `/api/tasks?step=completeness-check&limit=1&openedAfter=${encodeURIComponent(first[0]!.openedAt)}`,
        { token: ma },
      )
    ).body;
    expect(next).toEqual([all[1]]);

    // One application's tasks only, as its page lists them.
    expect((await inbox(ma, `?applicationId=${ids[1]}`)).map((task) => task.applicationId)).toEqual([ids[1]]);

    // Tasks opened in the same millisecond are all reached, page by page, with the last task's id.
    const sameMoment = new Date('2020-01-01T00:00:00.000Z');
    await stack.store
      .collection('tasks')
      .updateMany({ _id: { $in: all.map((task) => task.id) } as never }, { $set: { openedAt: sameMoment } });
    const paged: string[] = [];
    let query = '?step=completeness-check&limit=1';
    for (let page = 0; page < 5; page++) {
      const [task] = (await stack.api<Task[]>(`/api/tasks${query}`, { token: ma })).body;
      if (!task) break;
      paged.push(task.id);
      query = `?step=completeness-check&limit=1&openedAfter=${encodeURIComponent(task.openedAt)}&afterId=${encodeURIComponent(task.id)}`;
    }
    expect(paged).toEqual(all.map((task) => task.id).sort());

    const wrong = await stack.api<{ errors: Array<{ path: string }> }>('/api/tasks?assigned=everyone', {
      token: ma,
    });
    expect(wrong.status).toBe(422);
    expect((await stack.api('/api/tasks?step[$ne]=x', { token: ma })).status).toBe(422);
  });

  it('lets an officer claim a task, refuses a second claim and a decision by another officer, and gives it back', async () => {
    const [task] = await completenessTasks();
    const claim = await stack.api<Task>(`/api/tasks/${encodeURIComponent(task!.id)}/claim`, {
      token: ma,
      body: {},
    });
    expect(claim.status).toBe(200);
    expect(claim.body.assignedTo).toBe('ma@demo.test');
    expect(
      (await stack.api(`/api/tasks/${encodeURIComponent(task!.id)}/claim`, { token: secondMa, body: {} }))
        .status,
    ).toBe(409);
    expect((await inbox(ma, '?assigned=me')).map((mine) => mine.id)).toEqual([task!.id]);
    expect((await inbox(secondMa, '?assigned=nobody')).map((free) => free.id)).not.toContain(task!.id);
    const byTheOther = await stack.api(`/api/tasks/${encodeURIComponent(task!.id)}/decision`, {
      token: secondMa,
      body: { outcome: 'approve' },
    });
    expect(byTheOther.status).toBe(409);

    // Only to an officer who can decide it: a typo would strand the task.
    for (const officer of ['nobody@demo.test', 'sa@demo.test']) {
      const stranded = await stack.api<{ errors: Array<{ path: string }> }>(
        `/api/tasks/${encodeURIComponent(task!.id)}/assignment`,
        { token: ma, body: { officer } },
      );
      expect(stranded.status).toBe(422);
      expect(stranded.body.errors).toEqual([expect.objectContaining({ path: '/officer' })]);
    }
    // Given to the colleague, who may now decide it; the audit trail keeps both moves.
    const given = await stack.api<Task>(`/api/tasks/${encodeURIComponent(task!.id)}/assignment`, {
      token: ma,
      body: { officer: 'ma2@demo.test' },
    });
    expect(given.body.assignedTo).toBe('ma2@demo.test');
    const released = await stack.api<Task>(`/api/tasks/${encodeURIComponent(task!.id)}/release`, {
      token: secondMa,
      body: {},
    });
    expect(released.status).toBe(200);
    expect(released.body.assignedTo).toBeUndefined();
    const auditor = await stack.login('auditor@demo.test');
    const trail = await stack.api<{ entries: Array<{ action: string; objectId: string }> }>(
      '/api/audit?limit=500',
      { token: auditor },
    );
    expect(
      trail.body.entries.filter((entry) => entry.objectId === task!.id).map((entry) => entry.action),
    ).toEqual(expect.arrayContaining(['task.claimed', 'task.assigned', 'task.released']));
  });

  it('keeps a decision’s attachments with the task, and refuses a file the officer did not upload', async () => {
    const [, task] = await completenessTasks();
    const upload = await stack.api<{ fileId: string }>('/api/uploads', {
      token: ma,
      body: PDF,
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'site-visit.pdf' },
    });
    expect(upload.status).toBe(201);
    const applicantsFile = await stack.api<{ fileId: string }>('/api/uploads', {
      token: applicant,
      body: PDF,
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'invoice.pdf' },
    });
    const notMine = await stack.api<{ errors: Array<{ path: string }> }>(
      `/api/tasks/${encodeURIComponent(task!.id)}/decision`,
      { token: ma, body: { outcome: 'approve', attachments: [{ fileId: applicantsFile.body.fileId }] } },
    );
    expect(notMine.status).toBe(422);
    expect(notMine.body.errors).toEqual([expect.objectContaining({ path: '/attachments/0/fileId' })]);

    const decided = await stack.api(`/api/tasks/${encodeURIComponent(task!.id)}/decision`, {
      token: ma,
      body: { outcome: 'approve', comment: 'Checked on site', attachments: [{ fileId: upload.body.fileId }] },
    });
    expect(decided.status).toBe(200);
    const stored = await eventually('the closed task', async () => {
      const found = await stack.store.collection('tasks').findOne({ _id: task!.id as never });
      return found?.status === 'done' ? found : undefined;
    });
    expect(stored.decision).toMatchObject({
      outcome: 'approve',
      comment: 'Checked on site',
      attachments: [{ fileId: upload.body.fileId, name: 'site-visit.pdf' }],
    });
  });
});
