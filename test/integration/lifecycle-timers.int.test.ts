import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Connection } from 'mongoose';
import { createActivities } from '../../activities';
import { TaskRepository, taskIdOf } from '../../store/tasks';
import { evaluateProcedure, requirementsOfApplication } from '../../forms/procedures';
import { prepareStore } from '../../server/composition';
import { loadPermitSigning } from '../../server/party-signing';
import { ApplicationRepository, type ApplicationRecord } from '../../store/applications';
import { connectStore } from '../../store/connection';
import { ProcedureRepository } from '../../store/procedures';
import {
  decideStep,
  lifecycleState,
  permitLifecycleWorkflow,
  type LifecycleState,
} from '../../workflows/permit-lifecycle';
import { findingStep, nonDetrimentFindingWorkflowId } from '../../workflows/non-detriment-finding';
import { searchAttributes } from '../../workflows/search-attributes';
import { eventually } from '../support/eventually';
import { testConfig } from '../support/test-stack';
import { createTimeSkippingEnvironment } from '../support/time-skipping';

const ma = { userId: 'ma-1', email: 'ma@example.org', roles: ['ma_officer'] };
const sa = { userId: 'sa-1', email: 'sa@example.org', roles: ['sa_officer'] };
/** temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD */
const KEYWORD = 2;

/** Registered-farm crocodile skins: the MA's findings and decision are made by rule. */
const farmData = {
  exporter: { name: 'Farm', address: { streetLines: ['1 Road'], city: 'Nairobi', country: 'KE' } },
  importer: { name: 'Tannery', address: { streetLines: ['2 Rue'], city: 'Paris', country: 'FR' } },
  purpose: 'T',
  blocks: [
    {
      scientificName: 'Crocodylus niloticus',
      description: { term: 'SKI' },
      appendix: 'II',
      source: 'C',
      quantity: 200,
      registeredOperation: 'A-KE-501',
    },
  ],
};

/**
 * Timers that run for days and months in real life, on Temporal's time-skipping test server: a
 * step left undecided past its deadline is escalated, and an issued permit nobody uses expires at
 * the end of its validity.
 */
describe('lifecycle timers', () => {
  const config = testConfig();
  let env: TestWorkflowEnvironment;
  let store: Connection;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    // The test server knows no custom search attributes until told, as a real cluster's operator would.
    await env.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: Object.fromEntries(Object.values(searchAttributes).map((key) => [key.name, KEYWORD])),
    });
    store = await connectStore({ uri: config.mongo.uri!, database: config.mongo.database });
    await prepareStore(config, store);
  });
  afterAll(async () => {
    await store?.dropDatabase().catch(() => undefined);
    await store?.close();
    await env?.teardown();
  });

  it('reminds, then escalates an overdue completeness check, and expires a permit that is never used', async () => {
    const procedure = (await new ProcedureRepository(store).findVersion('export-procedure', 1))!;
    const now = new Date(await env.currentTimeMs());
    const application: ApplicationRecord = {
      id: `KE-2026-${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
      party: 'KE',
      applicantId: 'applicant-1',
      documentType: 'export',
      formId: 'export-permit',
      formVersionId: 'export-permit@1',
      procedureVersionId: procedure.versionId,
      procedure: evaluateProcedure(
        procedure.definition,
        farmData,
        requirementsOfApplication('export', 'KE', farmData),
      ),
      data: farmData,
      status: 'submitted',
      timeline: [{ at: now, event: 'submitted', by: 'applicant-1' }],
      submittedAt: now,
    };
    const applications = new ApplicationRepository(store);
    await applications.create(application);

    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'lifecycle-timers',
      workflowBundle: { codePath: process.env.PANGOLIN_TEST_WORKFLOW_BUNDLE! },
      activities: createActivities(store, 'timers-test', {
        party: 'KE',
        supervisors: { ma_officer: 'head.ma@demo.test' },
        signing: await loadPermitSigning(config),
      }),
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(permitLifecycleWorkflow, {
        workflowId: `timers-${application.id}`,
        taskQueue: 'lifecycle-timers',
        args: [
          { applicationId: application.id, applicantId: 'applicant-1', party: 'KE', documentType: 'export' },
        ],
      });
      const stepOpen = (step: string) =>
        eventually(`${step} open`, async () => {
          // The state is there once the procedure has been evaluated, a moment after the start.
          const state: LifecycleState | undefined = await handle.query(lifecycleState).catch(() => undefined);
          return state?.steps.find((candidate) => candidate.id === step)?.state === 'open'
            ? state
            : undefined;
        });

      await stepOpen('completeness-check');
      await env.sleep('11 days');
      await eventually('the escalation', async () =>
        (await applications.find(application.id))!.timeline.some((entry) => entry.event === 'step-escalated')
          ? true
          : undefined,
      );
      // The overdue task went to the MA's supervisor, flagged for every MA officer to see.
      expect(
        await new TaskRepository(store).find(taskIdOf(application.id, 'completeness-check')),
      ).toMatchObject({
        status: 'open',
        assignedTo: 'head.ma@demo.test',
        escalatedTo: 'head.ma@demo.test',
        escalatedAt: expect.any(Date),
      });
      expect((await applications.find(application.id))!.timeline).toContainEqual(
        expect.objectContaining({
          event: 'step-escalated',
          step: 'completeness-check',
          note: 'escalated to head.ma@demo.test',
        }),
      );
      await handle.executeUpdate(decideStep, {
        args: [{ step: 'completeness-check', outcome: 'approve', officer: ma }],
      });
      // The NDF is the Scientific Authority's own child workflow: the decision goes there.
      const finding = env.client.workflow.getHandle(nonDetrimentFindingWorkflowId(application.id));
      await eventually('the NDF task', async () =>
        (await finding.query(findingStep).catch(() => undefined))?.state === 'open' ? true : undefined,
      );
      await finding.executeUpdate(decideStep, {
        args: [{ step: 'sa-non-detriment', outcome: 'approve', officer: sa }],
      });
      await stepOpen('sa-export-monitoring');
      await handle.executeUpdate(decideStep, {
        args: [{ step: 'sa-export-monitoring', outcome: 'approve', officer: sa }],
      });
      await eventually('the permit', async () =>
        (await handle.query(lifecycleState)).status === 'issued' ? true : undefined,
      );
      await env.sleep('200 days');
      expect(await handle.result()).toMatchObject({ status: 'expired' });
    });

    const stored = (await applications.find(application.id))!;
    expect(stored.status).toBe('expired');
    expect(stored.timeline.map((entry) => entry.event)).toEqual(
      expect.arrayContaining([
        'step-reminder',
        'step-overdue',
        'step-escalated',
        'step-made-by-rule',
        'issued',
        'expired',
      ]),
    );
    const permit = await store.collection('permits').findOne({ _id: application.id as never });
    expect(permit).toMatchObject({ status: 'expired' });
  });
});
