import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sleepDaysWorkflow } from '../support/fixtures/timer-workflows';
import { createTimeSkippingEnvironment } from '../support/time-skipping';

describe('the time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('lets a six-month timer elapse in a test', async () => {
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../support/fixtures/timer-workflows'),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'time-skipping',
      workflowBundle,
    });
    const before = await env.currentTimeMs();
    const waitedDays = await worker.runUntil(
      env.client.workflow.execute(sleepDaysWorkflow, {
        workflowId: 'sleep-183-days',
        taskQueue: 'time-skipping',
        args: [183],
      }),
    );
    expect(waitedDays).toBeGreaterThanOrEqual(183);
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(183 * 86_400_000);
  });
});
