import path from 'node:path';
import example from '../../examples/applications/export-appendix-ii-wild.json';
import { eventually } from '../support/eventually';
import { Launched } from '../support/launch';
import { startTestStack, testConfig, type TestStack } from '../support/test-stack';

interface Task {
  id: string;
  type: string;
  applicationId: string;
}

const workerMain = path.join(__dirname, '..', '..', 'dist', 'server', 'worker-main.js');

/**
 * The worker is a process that may die at any moment (SIGKILL: no draining, no goodbye). Decisions
 * sent while it is dead wait in Temporal; the next worker carries every application to its permit,
 * and each gets exactly one number.
 */
describe('a worker killed in the middle of issuing permits', () => {
  const config = testConfig();
  let stack: TestStack;
  let worker: Launched | undefined;
  const startWorker = async () => {
    worker = new Launched(process.execPath, [workerMain], {
      ...process.env,
      NODE_ENV: 'test',
      PANGOLIN_PARTY: config.party,
      TEMPORAL_ADDRESS: config.temporal.address!,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      MONGODB_URI: config.mongo.uri!,
      MONGODB_DATABASE: config.mongo.database,
      LOG_LEVEL: 'info',
    });
    await worker.waitFor('worker ready');
  };

  beforeAll(async () => {
    stack = await startTestStack(config, { worker: false });
    await startWorker();
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await stack?.close();
  });

  it('completes every application exactly once, with one distinct permit number each', async () => {
    const [applicant, ma, sa] = (await Promise.all(
      ['applicant@demo.test', 'ma@demo.test', 'sa@demo.test'].map((email) => stack.login(email)),
    )) as [string, string, string];
    const tasksOf = async (token: string) => (await stack.api<Task[]>('/api/tasks', { token })).body;
    const decideAll = async (token: string, ids: Set<string>, which: (step: string) => boolean) => {
      const open = (await tasksOf(token)).filter((task) => ids.has(task.applicationId) && which(task.type));
      await Promise.all(
        open.map((task) =>
          stack.api(`/api/tasks/${encodeURIComponent(task.id)}/decision`, {
            token,
            body: { outcome: 'approve' },
          }),
        ),
      );
      return open.length;
    };

    const ids = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const submitted = await stack.api<{ id: string }>('/api/applications', {
        token: applicant,
        body: example,
      });
      expect(submitted.status).toBe(201);
      ids.add(submitted.body.id);
    }
    // Completeness and the findings, with the worker alive.
    await eventually('completeness tasks', async () =>
      (await decideAll(ma, ids, (step) => step === 'completeness-check')) === 0 ? undefined : true,
    );
    await eventually('every finding decided', async () => {
      await decideAll(sa, ids, () => true);
      await decideAll(ma, ids, (step) => step !== 'final-decision');
      const waiting = (await tasksOf(ma)).filter((task) => ids.has(task.applicationId));
      return waiting.length > 0 &&
        waiting.every((task) => task.type === 'final-decision') &&
        waiting.length === ids.size
        ? true
        : undefined;
    });

    // The final decisions go out; the worker is killed while they are being taken.
    const finals = decideAll(ma, ids, (step) => step === 'final-decision');
    await new Promise((resolve) => setTimeout(resolve, 150));
    worker!.child.kill('SIGKILL');
    await worker!.exited;
    await startWorker();
    await finals;

    const issued = await eventually(
      'every permit',
      async () => {
        const found = await Promise.all(
          [...ids].map(
            async (id) =>
              (await stack.api<{ status: string }>(`/api/applications/${id}`, { token: applicant })).body,
          ),
        );
        return found.every((application) => application.status === 'issued') ? found : undefined;
      },
      300,
    );
    expect(issued).toHaveLength(ids.size);

    const permits = await stack.store
      .collection('permits')
      .find({ _id: { $in: [...ids] } as never })
      .toArray();
    expect(permits).toHaveLength(ids.size);
    expect(new Set(permits.map((permit) => permit.number)).size).toBe(ids.size);
    const issuedEvents = await Promise.all(
      [...ids].map(async (id) => {
        const application = await stack.api<{ timeline: { event: string }[] }>(`/api/applications/${id}`, {
          token: applicant,
        });
        return application.body.timeline.filter((entry) => entry.event === 'issued').length;
      }),
    );
    expect(issuedEvents).toEqual([...ids].map(() => 1));
  });
});
