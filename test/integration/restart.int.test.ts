import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { connectStore } from '../../store/connection';
import { SystemCheckRepository } from '../../store/system-checks';
import { createPangolinWorker } from '../../server/worker';
import { systemCheckWorkflow } from '../../workflows/system-check';
import { OwnServices } from '../support/own-services';
import { testConfig } from '../support/test-stack';

describe('data survives a restart of Temporal and the database', () => {
  const services = new OwnServices();
  afterAll(() => services.dispose());

  it('keeps the finished workflow and the document it wrote', async () => {
    await services.start();
    const config = testConfig({
      TEMPORAL_ADDRESS: services.temporal!.address,
      MONGODB_URI: services.ferretdb!.uri,
    });
    const checkId = randomUUID();
    const workflowId = `KE-system-check-${checkId}`;

    const store = await connectStore({ uri: services.ferretdb!.uri, database: config.mongo.database });
    const { worker, connection: workerConnection } = await createPangolinWorker(config, store, {
      bundle: { codePath: process.env.PANGOLIN_TEST_WORKFLOW_BUNDLE! },
    });
    const connection = await Connection.connect({ address: services.temporal!.address });
    const client = new Client({ connection });
    const result = await worker.runUntil(
      client.workflow.execute(systemCheckWorkflow, {
        workflowId,
        taskQueue: config.temporal.taskQueue,
        args: [{ checkId, party: 'KE' }],
      }),
    );
    expect(result.checkId).toBe(checkId);
    await Promise.all([workerConnection.close(), connection.close(), store.close()]);

    await services.stop();
    expect(services.temporal!.process.hasExited && services.ferretdb!.process.hasExited).toBe(true);
    await services.start();

    const reconnected = await Connection.connect({ address: services.temporal!.address });
    try {
      const description = await new Client({ connection: reconnected }).workflow
        .getHandle(workflowId)
        .describe();
      expect(description.status.name).toBe('COMPLETED');
      const history = await new Client({ connection: reconnected }).workflow
        .getHandle(workflowId)
        .fetchHistory();
      expect(history.events?.length).toBeGreaterThan(5);
    } finally {
      await reconnected.close();
    }

    const reopened = await connectStore({ uri: services.ferretdb!.uri, database: config.mongo.database });
    try {
      expect(await new SystemCheckRepository(reopened).find(checkId)).toMatchObject({ checkId, workflowId });
    } finally {
      await reopened.close();
    }
  });
});
