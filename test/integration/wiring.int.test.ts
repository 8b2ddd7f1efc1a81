import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { toolPaths } from '../../scripts/services/tool-paths';
import { recordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/test-stack';

const run = promisify(execFile);

describe('a workflow on the real Temporal server writes through an activity, read back through the API', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.login('admin@demo.test');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('runs a system check end to end and serves its record', async () => {
    const started = await stack.api<Record<string, string>>('/api/system/checks', {
      method: 'POST',
      token: admin,
    });
    expect(started.status).toBe(201);
    const check = started.body;
    expect(check).toMatchObject({ party: 'KE', taskQueue: stack.config.temporal.taskQueue });
    expect(check.workflowId).toBe(`KE-system-check-${check.checkId}`);

    // The record was written by the activity into the database, not echoed by the API.
    const stored = await stack.store.collection('systemChecks').findOne({ checkId: check.checkId });
    expect(stored?.workflowId).toBe(check.workflowId);

    const readBack = await stack.api(`/api/system/checks/${check.checkId}`, { token: admin });
    expect(readBack.status).toBe(200);
    expect(readBack.body).toEqual(check);

    await recordHistory(stack.config.temporal.address!, check.workflowId!, 'systemCheckWorkflow');
    const history = await stack.temporal.workflow.getHandle(check.workflowId!).fetchHistory();
    const activityEvents =
      history.events?.filter((event) => event.activityTaskCompletedEventAttributes) ?? [];
    expect(activityEvents).toHaveLength(1);

    const { stdout } = await run(toolPaths.temporal, [
      'workflow',
      'list',
      '--address',
      stack.config.temporal.address!,
      '--query',
      `WorkflowId = '${check.workflowId}'`,
      '--output',
      'json',
    ]);
    const listed = JSON.parse(stdout) as Array<{ execution: { workflowId: string }; status: string }>;
    expect(listed.map((entry) => [entry.execution.workflowId, entry.status])).toEqual([
      [check.workflowId, 'WORKFLOW_EXECUTION_STATUS_COMPLETED'],
    ]);
  });

  it('answers 404 as a problem document for a check that does not exist', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%7B%22%24gt%22%3A%22%22%7D']) {
      const response = await fetch(`${stack.baseUrl}/api/system/checks/${id}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('reports healthy when Temporal and the database answer', async () => {
    const response = await fetch(`${stack.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      party: 'KE',
      temporal: 'ok',
      database: 'ok',
      version: expect.any(String),
    });
  });
});
