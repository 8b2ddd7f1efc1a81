import fs from 'node:fs';
import path from 'node:path';
import example from '../../examples/applications/export-appendix-ii-wild.json';
import leopardExport from '../../examples/applications/export-appendix-i.json';
import handbagReExport from '../../examples/applications/re-export-appendix-ii.json';
import captiveSkins from '../../examples/applications/export-appendix-ii-captive-bred.json';
import { IncomingPermitRepository } from '../../store/incoming-permits';
import { ImportPermitArrivals } from '../../server/services/import-permit-arrivals';
import { TaskRepository } from '../../store/tasks';
import { nonDetrimentFindingWorkflowId } from '../../workflows/non-detriment-finding';
import { lifecycleState, lifecycleWorkflowId } from '../../workflows/permit-lifecycle';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/test-stack';

interface Task {
  id: string;
  type: string;
  applicationId: string;
  actor: string;
}
interface Application {
  id: string;
  status: string;
  timeline: { event: string; step?: string; note?: string; by: string | null }[];
}

describe('the permit lifecycle on the real Temporal server', () => {
  let stack: TestStack;
  let applicant: string;
  let ma: string;
  let sa: string;

  beforeAll(async () => {
    stack = await startTestStack();
    [applicant, ma, sa] = (await Promise.all(
      ['applicant@demo.test', 'ma@demo.test', 'sa@demo.test'].map((email) => stack.login(email)),
    )) as [string, string, string];
  });
  afterAll(() => stack?.close());

  const address = () => stack.config.temporal.address!;
  const submit = async (body: object) => {
    const submitted = await stack.api<{ id: string }>('/api/applications', { token: applicant, body });
    expect(submitted.status).toBe(201);
    return submitted.body.id;
  };
  // One application's tasks: the inbox's first page may not reach them once other tests filled it.
  const openTasks = async (token: string, applicationId: string) =>
    (await stack.api<Task[]>(`/api/tasks?applicationId=${applicationId}`, { token })).body;
  const tasksOnceOpen = (token: string, applicationId: string, steps: string[]) =>
    eventually(`tasks ${steps.join(', ')}`, async () => {
      const open = await openTasks(token, applicationId);
      return steps.every((step) => open.some((task) => task.type === step))
        ? open.filter((task) => steps.includes(task.type))
        : undefined;
    });
  const decide = (token: string, task: Task, body: object = { outcome: 'approve' }) =>
    stack.api(`/api/tasks/${encodeURIComponent(task.id)}/decision`, { token, body });
  const application = async (id: string) =>
    (await stack.api<Application>(`/api/applications/${id}`, { token: applicant })).body;
  const statusBecomes = (id: string, status: string) =>
    eventually(`status ${status}`, async () => {
      const found = await application(id);
      return found.status === status ? found : undefined;
    });

  it('takes an Appendix-II wild export through completeness, the findings in parallel and the decision to a permit', async () => {
    const id = await submit(example);
    const [completeness] = await tasksOnceOpen(ma, id, ['completeness-check']);
    expect((await decide(ma, completeness!)).status).toBe(200);

    const saTasks = await tasksOnceOpen(sa, id, ['sa-non-detriment', 'sa-export-monitoring']);
    const maTasks = await tasksOnceOpen(ma, id, [
      'ma-legal-acquisition',
      'ma-live-shipment-conditions',
      'veterinary-check',
    ]);
    for (const task of saTasks) expect((await decide(sa, task)).status).toBe(200);
    for (const task of maTasks) expect((await decide(ma, task)).status).toBe(200);

    const [decision] = await tasksOnceOpen(ma, id, ['final-decision']);
    expect((await decide(ma, decision!)).status).toBe(200);

    const issued = await statusBecomes(id, 'issued');
    const permitNumber = issued.timeline.find((entry) => entry.event === 'issued')?.note;
    expect(permitNumber).toMatch(/^KE\d{2}\d{6}-E$/);
    await recordHistory(address(), lifecycleWorkflowId(id), 'permitLifecycleWorkflow-issued');
    // The SA's finding ran as the lifecycle's child workflow, and the SA's decision went to it.
    const finding = stack.temporal.workflow.getHandle(nonDetrimentFindingWorkflowId(id));
    expect(await finding.result()).toEqual({ outcome: 'approve', state: 'approved', standingFindingIds: [] });
    expect((await finding.describe()).parentExecution?.workflowId).toBe(lifecycleWorkflowId(id));
    await recordHistory(address(), nonDetrimentFindingWorkflowId(id), 'nonDetrimentFindingWorkflow-decided');
    const state = await stack.temporal.workflow.getHandle(lifecycleWorkflowId(id)).query(lifecycleState);
    expect(state).toMatchObject({ status: 'issued', permitNumber });
    expect(state.steps.every((step) => step.state === 'approved')).toBe(true);
    expect(issued.timeline.filter((entry) => entry.event === 'step-approved')).toHaveLength(7);

    const permit = await stack.api<{ number: string; status: string; validFrom: string; validUntil: string }>(
      `/api/permits/${id}`,
      { token: applicant },
    );
    expect(permit.body).toMatchObject({ number: permitNumber, status: 'valid', documentType: 'export' });
    // Six months at most for an export permit (Art. VI.2).
    expect(permit.body.validUntil > permit.body.validFrom).toBe(true);
    expect((await stack.api(`/api/permits/${id}`, { token: ma })).status).toBe(200);
    const customs = await stack.login('customs@demo.test');
    expect((await stack.api(`/api/permits/${id}`, { token: customs })).status).toBe(200);

    // At the border: customs endorses what actually leaves; more than authorised is refused.
    const endorsement = {
      quantities: [48],
      port: 'Nairobi JKIA',
      date: '2026-11-30',
      billOfLading: 'AWB 706-1234',
    };
    const tooMany = await stack.api(`/api/permits/${id}/endorsement`, {
      token: customs,
      body: { ...endorsement, quantities: [51] },
    });
    expect(tooMany.status).toBe(422);
    expect((await stack.api(`/api/permits/${id}/endorsement`, { token: ma, body: endorsement })).status).toBe(
      403,
    );
    expect(
      (await stack.api(`/api/permits/${id}/endorsement`, { token: customs, body: endorsement })).status,
    ).toBe(200);
    await statusBecomes(id, 'endorsed');
    const second = await stack.api(`/api/permits/${id}/endorsement`, { token: customs, body: endorsement });
    expect(second.status).toBe(409);
    expect(
      (await stack.api(`/api/permits/${id}/cancel`, { token: ma, body: { reason: 'Too late' } })).status,
    ).toBe(409);

    // The importing Party confirms what arrived: the permit is used.
    const confirmed = await stack.api(`/api/permits/${id}/import-confirmation`, {
      token: ma,
      body: { quantities: [47] },
    });
    expect(confirmed.status).toBe(200);
    await statusBecomes(id, 'used');
    const used = await stack.api<{ status: string; endorsement: { quantities: number[]; port: string } }>(
      `/api/permits/${id}`,
      { token: applicant },
    );
    expect(used.body).toMatchObject({
      status: 'used',
      endorsement: { quantities: [48], port: 'Nairobi JKIA' },
    });
  });

  it.each(
    fs
      .readdirSync(path.join(__dirname, '../../examples/applications'))
      .filter((file) => file.endsWith('.json'))
      .sort(),
  )('takes the example %s through its whole lifecycle to a permit', async (file) => {
    const body = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../../examples/applications', file), 'utf8'),
    ) as {
      documentType: string;
    };
    const id = await submit(body);
    // Every open task of the case approved by whoever decides it, until none is left.
    const issued = await eventually(
      'the permit',
      async () => {
        for (const token of [ma, sa])
          for (const task of await openTasks(token, id)) await decide(token, task);
        const found = await application(id);
        return found.status === 'issued' ? found : undefined;
      },
      300,
    );
    const suffix = { export: 'E', 're-export': 'R', import: 'I' }[body.documentType];
    expect(issued.timeline.find((entry) => entry.event === 'issued')?.note).toMatch(
      new RegExp(`^KE\\d{8}-${suffix}$`),
    );
  });

  it('refuses a decision by the wrong role or on a closed task, recording nothing', async () => {
    const id = await submit(example);
    const [completeness] = await tasksOnceOpen(ma, id, ['completeness-check']);
    const before = (await application(id)).timeline.length;

    const wrongRole = await decide(sa, completeness!);
    expect(wrongRole.status).toBe(403);
    const byApplicant = await decide(applicant, completeness!);
    expect(byApplicant.status).toBe(403);
    const noReasons = await decide(ma, completeness!, { outcome: 'reject' });
    expect(noReasons.status).toBe(422);
    expect((await application(id)).timeline).toHaveLength(before);

    expect((await decide(ma, completeness!)).status).toBe(200);
    await tasksOnceOpen(sa, id, ['sa-non-detriment']);
    const again = await decide(ma, completeness!);
    expect(again.status).toBe(409);
  });

  it('ends in rejection, with the reasons on the timeline, when a finding is negative', async () => {
    const id = await submit(example);
    const [completeness] = await tasksOnceOpen(ma, id, ['completeness-check']);
    await decide(ma, completeness!);
    const [ndf] = await tasksOnceOpen(sa, id, ['sa-non-detriment']);
    const refused = await decide(sa, ndf!, { outcome: 'reject', comment: 'Export quota for 2026 exhausted' });
    expect(refused.status).toBe(200);
    // The other findings still wait; answering them lets the case end.
    for (const task of await tasksOnceOpen(sa, id, ['sa-export-monitoring'])) await decide(sa, task);
    for (const task of await tasksOnceOpen(ma, id, [
      'ma-legal-acquisition',
      'ma-live-shipment-conditions',
      'veterinary-check',
    ]))
      await decide(ma, task);
    const rejected = await statusBecomes(id, 'rejected');
    await recordHistory(address(), lifecycleWorkflowId(id), 'permitLifecycleWorkflow-rejected');
    expect(rejected.timeline).toContainEqual(
      expect.objectContaining({
        event: 'step-rejected',
        step: 'sa-non-detriment',
        note: 'Export quota for 2026 exhausted',
      }),
    );
    expect(await openTasks(ma, id)).toEqual([]);
  });

  it('sends an application back for more information, takes the amendment and asks the completeness check again', async () => {
    const id = await submit(example);
    const [completeness] = await tasksOnceOpen(ma, id, ['completeness-check']);
    expect((await decide(ma, completeness!, { outcome: 'more-information' })).status).toBe(422);
    const sentBack = await decide(ma, completeness!, {
      outcome: 'more-information',
      comment: 'Attach the invoice of the collector',
    });
    expect(sentBack.status).toBe(200);
    const waiting = await statusBecomes(id, 'more-information-requested');
    expect(waiting.timeline).toContainEqual(
      expect.objectContaining({
        event: 'more-information-requested',
        note: 'Attach the invoice of the collector',
      }),
    );
    expect(await openTasks(ma, id)).toEqual([]);

    const broken = await stack.api(`/api/applications/${id}/amend`, {
      token: applicant,
      body: { data: { ...example.data, purpose: 'nonsense' } },
    });
    expect(broken.status).toBe(422);
    // A zoo, not a trader: the non-commercial fee of the filed procedure version now applies.
    const amended = await stack.api<{ procedure: { fee: { amount: number } } }>(
      `/api/applications/${id}/amend`,
      {
        token: applicant,
        body: { data: { ...example.data, purpose: 'Z', notes: 'Invoice sent by post, reference 2026/114' } },
      },
    );
    expect(amended.status).toBe(200);
    expect(amended.body.procedure.fee.amount).toBe(1000);
    const stored = await stack.api<{ procedure: { fee: { amount: number } } }>(`/api/applications/${id}`, {
      token: applicant,
    });
    expect(stored.body.procedure.fee.amount).toBe(1000);
    const [again] = await tasksOnceOpen(ma, id, ['completeness-check']);
    expect(again!.id).toBe(`${id}:completeness-check:2`);
    expect((await application(id)).status).toBe('under-review');
    expect(
      (await stack.api(`/api/applications/${id}/amend`, { token: applicant, body: { data: example.data } }))
        .status,
    ).toBe(409);

    expect((await decide(ma, again!)).status).toBe(200);
    const [ndf] = await tasksOnceOpen(sa, id, ['sa-non-detriment']);
    expect((await decide(sa, ndf!, { outcome: 'more-information', comment: 'x' })).status).toBe(422);
  });

  it('lets the applicant withdraw before the decision, closing the open tasks', async () => {
    const id = await submit(example);
    const [completeness] = await tasksOnceOpen(ma, id, ['completeness-check']);
    await decide(ma, completeness!);
    await tasksOnceOpen(sa, id, ['sa-non-detriment']);

    const withdrawn = await stack.api(`/api/applications/${id}/withdraw`, {
      token: applicant,
      body: { reason: 'The buyer cancelled the order' },
    });
    expect(withdrawn.status).toBe(200);
    const after = await statusBecomes(id, 'withdrawn');
    await recordHistory(address(), lifecycleWorkflowId(id), 'permitLifecycleWorkflow-withdrawn');
    expect(after.timeline).toContainEqual(
      expect.objectContaining({ event: 'withdrawn', note: 'The buyer cancelled the order' }),
    );
    expect(await openTasks(sa, id)).toEqual([]);
    expect(await openTasks(ma, id)).toEqual([]);
    // The withdrawal reached the SA's finding, which ended without a decision.
    const finding = stack.temporal.workflow.getHandle(nonDetrimentFindingWorkflowId(id));
    expect(await finding.result()).toMatchObject({ outcome: 'withdrawn', state: 'withdrawn' });
    await recordHistory(
      address(),
      nonDetrimentFindingWorkflowId(id),
      'nonDetrimentFindingWorkflow-withdrawn',
    );
    const again = await stack.api(`/api/applications/${id}/withdraw`, { token: applicant, body: {} });
    expect(again.status).toBe(409);
  });

  it('settles the NDF step with a standing finding that covers the case, and records it on the permit', async () => {
    const signed = await stack.api<{ id: string }>('/api/non-detriment-findings', {
      token: sa,
      body: {
        decision: 'positive',
        scope: { scientificName: 'Python regius', countries: ['DE'], sources: ['W'], purposes: ['T'] },
        conditions: 'Juveniles only, at most 500 a year',
        validFrom: '2026-01-01',
        validUntil: '2027-12-31',
      },
    });
    expect(signed.status).toBe(201);
    expect(
      (await stack.api('/api/non-detriment-findings', { token: ma, body: { decision: 'positive' } })).status,
    ).toBe(403);

    const id = await submit(example);
    const [completeness] = await tasksOnceOpen(ma, id, ['completeness-check']);
    await decide(ma, completeness!);
    await tasksOnceOpen(sa, id, ['sa-export-monitoring']);
    expect((await openTasks(sa, id)).map((task) => task.type)).toEqual(['sa-export-monitoring']);
    for (const token of [sa, ma]) for (const task of await openTasks(token, id)) await decide(token, task);
    const [decision] = await tasksOnceOpen(ma, id, ['final-decision']);
    await decide(ma, decision!);
    const issued = await statusBecomes(id, 'issued');
    expect(issued.timeline).toContainEqual(
      expect.objectContaining({
        event: 'step-covered-by-finding',
        step: 'sa-non-detriment',
        note: signed.body.id,
      }),
    );
    const permit = await stack.api<{ nonDetrimentFindingIds?: string[] }>(`/api/permits/${id}`, {
      token: applicant,
    });
    expect(permit.body.nonDetrimentFindingIds).toEqual([signed.body.id]);
    await recordHistory(address(), nonDetrimentFindingWorkflowId(id), 'nonDetrimentFindingWorkflow-standing');
  });

  it('rejects, with the reasons, a case a negative standing finding covers', async () => {
    await stack.api('/api/non-detriment-findings', {
      token: sa,
      body: {
        decision: 'negative',
        scope: { scientificName: 'Python regius', countries: ['FR'] },
        conditions: 'Wild population in decline',
        validFrom: '2026-01-01',
        validUntil: '2027-12-31',
      },
    });
    const toFrance = {
      ...example,
      data: {
        ...example.data,
        importer: { ...example.data.importer, address: { ...example.data.importer.address, country: 'FR' } },
      },
    };
    const id = await submit(toFrance);
    const [completeness] = await tasksOnceOpen(ma, id, ['completeness-check']);
    await decide(ma, completeness!);
    for (const token of [sa, ma])
      for (const task of await eventually('the findings tasks', async () =>
        (await openTasks(token, id)).length > 0 ? openTasks(token, id) : undefined,
      ))
        await decide(token, task);
    const rejected = await statusBecomes(id, 'rejected');
    expect(rejected.timeline).toContainEqual(
      expect.objectContaining({
        event: 'step-rejected',
        step: 'sa-non-detriment',
        note: expect.stringMatching(/negative standing non-detriment finding NDF-KE-/),
      }),
    );
  });

  it('lets national rules make the legal acquisition finding and the decision for a registered farm', async () => {
    const id = await submit(captiveSkins);
    const [completeness] = await tasksOnceOpen(ma, id, ['completeness-check']);
    await decide(ma, completeness!);
    for (const task of await tasksOnceOpen(sa, id, ['sa-non-detriment', 'sa-export-monitoring']))
      await decide(sa, task);
    const issued = await statusBecomes(id, 'issued');
    expect(
      issued.timeline.filter((entry) => entry.event === 'step-made-by-rule').map((entry) => entry.step),
    ).toEqual(expect.arrayContaining(['ma-legal-acquisition', 'final-decision']));
    expect(await openTasks(ma, id)).toEqual([]);

    // The MA cancels the permit with its reason; it can no longer be endorsed.
    const cancelled = await stack.api(`/api/permits/${id}/cancel`, {
      token: ma,
      body: { reason: 'The farm registration was suspended' },
    });
    expect(cancelled.status).toBe(200);
    await statusBecomes(id, 'cancelled');
    const customs = await stack.login('customs@demo.test');
    const late = await stack.api(`/api/permits/${id}/endorsement`, {
      token: customs,
      body: { quantities: [10], port: 'Mombasa', date: '2026-11-30' },
    });
    expect(late.status).toBe(409);
    const permit = await stack.api<{ status: string; cancellation: { reason: string } }>(
      `/api/permits/${id}`,
      {
        token: applicant,
      },
    );
    expect(permit.body).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'The farm registration was suspended' },
    });
  });

  it('replaces a lost permit: a new number with the same validity names the old one in Box 5, and only the new one can be endorsed', async () => {
    const id = await submit(captiveSkins);
    const [completeness] = await tasksOnceOpen(ma, id, ['completeness-check']);
    await decide(ma, completeness!);
    for (const task of await tasksOnceOpen(sa, id, ['sa-non-detriment', 'sa-export-monitoring']))
      await decide(sa, task);
    await statusBecomes(id, 'issued');
    type PermitBody = {
      id: string;
      number: string;
      status: string;
      validUntil: string;
      replaces?: { number: string; reason: string };
      replacedBy?: { permitId: string; number: string };
    };
    const original = (await stack.api<PermitBody>(`/api/permits/${id}`, { token: applicant })).body;
    const customs = await stack.login('customs@demo.test');

    expect(
      (await stack.api(`/api/permits/${id}/replacement`, { token: customs, body: { reason: 'lost' } }))
        .status,
    ).toBe(403);
    const unexplained = await stack.api(`/api/permits/${id}/replacement`, {
      token: ma,
      body: { reason: 'other' },
    });
    expect(unexplained.status).toBe(422);

    const replaced = await stack.api<PermitBody>(`/api/permits/${id}/replacement`, {
      token: ma,
      body: { reason: 'lost', explanation: 'Lost in the post to the exporter' },
    });
    expect(replaced.status).toBe(201);
    const replacement = replaced.body;
    expect(replacement).toMatchObject({
      id: `${id}-R1`,
      status: 'valid',
      validUntil: original.validUntil,
      replaces: { number: original.number, reason: 'lost', explanation: 'Lost in the post to the exporter' },
    });
    expect(replacement.number).not.toBe(original.number);
    expect((await stack.api<PermitBody>(`/api/permits/${id}`, { token: applicant })).body).toMatchObject({
      status: 'replaced',
      replacedBy: { permitId: replacement.id, number: replacement.number },
    });
    const seen = await application(id);
    expect(seen).toMatchObject({ permitId: replacement.id, status: 'issued' });
    expect(seen.timeline).toContainEqual(
      expect.objectContaining({
        event: 'permit-replaced',
        note: expect.stringContaining(replacement.number),
      }),
    );

    // The replaced permit is void at the border; its replacement is endorsed.
    const endorsement = { quantities: [10], port: 'Mombasa', date: '2026-11-30' };
    const onTheOld = await stack.api<{ detail: string }>(`/api/permits/${id}/endorsement`, {
      token: customs,
      body: endorsement,
    });
    expect(onTheOld.status).toBe(409);
    expect(onTheOld.body.detail).toContain(replacement.number);
    expect(
      (
        await stack.api(`/api/permits/${replacement.id}/endorsement`, {
          token: customs,
          body: endorsement,
        })
      ).status,
    ).toBe(200);
    await statusBecomes(id, 'endorsed');
    await recordHistory(address(), lifecycleWorkflowId(id), 'permitLifecycleWorkflow-replaced');
    expect(
      (await stack.api(`/api/permits/${replacement.id}/replacement`, { token: ma, body: { reason: 'lost' } }))
        .status,
    ).toBe(409);
  });

  describe('Appendix I: the import permit comes first (Art. III.2(d))', () => {
    /** The MA's import permit task open, and every other finding (the SA's NDF too) decided. */
    const onlyImportPermitStepLeft = async (id: string) => {
      const state = await stack.temporal.workflow.getHandle(lifecycleWorkflowId(id)).query(lifecycleState);
      const undecided = state.steps.filter((step) => step.state === 'open' || step.state === 'waiting');
      const open = await openTasks(ma, id);
      return undecided.map((step) => step.id).join() === 'ma-import-permit-granted,final-decision' &&
        open.length === 1 &&
        open[0]!.type === 'ma-import-permit-granted'
        ? open
        : undefined;
    };
    const decideAllBut = async (id: string, held: string) => {
      for (const token of [ma, sa])
        for (const task of await openTasks(token, id)) if (task.type !== held) await decide(token, task);
    };

    it('holds the export until the Management Authority has the import permit, then issues it', async () => {
      const id = await submit(leopardExport);
      const [held] = await eventually('only the import permit step left', async () => {
        await decideAllBut(id, 'ma-import-permit-granted');
        return onlyImportPermitStepLeft(id);
      });
      // Nothing else opens while it waits: no final decision, no permit.
      expect((await application(id)).status).toBe('under-review');
      expect(
        (await decide(ma, held!, { outcome: 'approve', comment: 'US import permit 26US12345A seen' })).status,
      ).toBe(200);
      const [decision] = await tasksOnceOpen(ma, id, ['final-decision']);
      await decide(ma, decision!);
      await statusBecomes(id, 'issued');
    });

    it('is settled by the importing Party’s verified import permit, without a task', async () => {
      const incoming = new IncomingPermitRepository(stack.store);
      await incoming.keepOnce({
        id: 'US:26US99999A',
        number: '26US99999A',
        fromParty: 'US',
        documentType: 'import',
        status: 'valid',
        validUntil: '2099-12-31',
        exporterCountry: 'KE',
        importerCountry: 'US',
        blocks: [{ scientificName: 'Panthera pardus', quantity: 1 }],
        signedPermit: 'eyJ.eyJ.sig',
        verifiedAt: new Date(),
      });
      const id = await submit({
        ...leopardExport,
        data: { ...leopardExport.data, importPermit: { permitNumber: '26US99999A', date: '2026-11-01' } },
      });
      const issued = await eventually(
        'the permit',
        async () => {
          await decideAllBut(id, 'ma-import-permit-granted');
          const found = await application(id);
          return found.status === 'issued' ? found : undefined;
        },
        300,
      );
      expect(issued.timeline).toContainEqual(
        expect.objectContaining({
          event: 'step-covered-by-import-permit',
          step: 'ma-import-permit-granted',
          note: 'US 26US99999A verified',
        }),
      );
      expect(issued.timeline.some((entry) => entry.step === 'ma-import-permit-granted' && entry.by)).toBe(
        false,
      );
    });

    it('closes the officer’s task when the import permit arrives while it is open', async () => {
      const id = await submit({
        ...leopardExport,
        data: { ...leopardExport.data, importPermit: { permitNumber: '26US77777A', date: '2026-11-20' } },
      });
      await eventually('only the import permit step left', async () => {
        await decideAllBut(id, 'ma-import-permit-granted');
        return onlyImportPermitStepLeft(id);
      });
      const arrivals = new ImportPermitArrivals(new TaskRepository(stack.store), stack.temporal);
      await new IncomingPermitRepository(stack.store).keepOnce({
        id: 'US:26US77777A',
        number: '26US77777A',
        fromParty: 'US',
        documentType: 'import',
        status: 'valid',
        validUntil: '2099-12-31',
        exporterCountry: 'KE',
        importerCountry: 'US',
        blocks: [{ scientificName: 'Panthera pardus', quantity: 1 }],
        signedPermit: 'eyJ.eyJ.sig',
        verifiedAt: new Date(),
      });
      expect(await arrivals.announce()).toBeGreaterThanOrEqual(1);

      const [decision] = await tasksOnceOpen(ma, id, ['final-decision']);
      expect((await openTasks(ma, id)).map((task) => task.type)).toEqual(['final-decision']);
      expect((await application(id)).timeline).toContainEqual(
        expect.objectContaining({
          event: 'step-covered-by-import-permit',
          step: 'ma-import-permit-granted',
          note: 'US 26US77777A verified',
        }),
      );
      await decide(ma, decision!);
      await statusBecomes(id, 'issued');
      await recordHistory(
        address(),
        lifecycleWorkflowId(id),
        'permitLifecycleWorkflow-import-permit-arrived',
      );
    });
  });

  it('refuses a re-export certificate for more than is left of the original import', async () => {
    const origin = { country: 'US', permitNumber: '24US55555I', date: '2024-03-02' };
    const line = {
      country: 'US',
      documentNumber: '24US55555I',
      scientificName: 'Alligator mississippiensis',
      term: 'LPS',
    };
    const registered = await stack.api('/api/re-export-balances', {
      token: ma,
      body: { ...line, quantity: 40 },
    });
    expect(registered.status).toBe(201);
    const reExport = (quantity: number) => ({
      ...handbagReExport,
      data: {
        ...handbagReExport.data,
        blocks: handbagReExport.data.blocks.map((block) => ({ ...block, quantity, countryOfOrigin: origin })),
      },
    });
    const approveAll = (id: string, until: string) =>
      eventually(
        until,
        async () => {
          for (const token of [ma, sa])
            for (const task of await openTasks(token, id)) await decide(token, task);
          const found = await application(id);
          return found.status === until ? found : undefined;
        },
        300,
      );

    const first = await approveAll(await submit(reExport(12)), 'issued');
    expect(first.timeline).toContainEqual(
      expect.objectContaining({
        event: 're-export-quantity-drawn',
        note: 'A: 12 taken, 28 left under US 24US55555I',
      }),
    );
    const tooMany = await approveAll(await submit(reExport(30)), 'rejected');
    expect(tooMany.timeline).toContainEqual(
      expect.objectContaining({
        event: 're-export-quantity-refused',
        note: 'A: 30 asked, 28 of 40 left of the import under US 24US55555I',
      }),
    );
    const balance = await stack.api<{ left: number }>(
      `/api/re-export-balances?${new URLSearchParams(line).toString()}`,
      { token: ma },
    );
    expect(balance.body).toMatchObject({ imported: 40, drawn: 12, left: 28 });

    // Customs endorses 5 of the 12: the other 7 go back to the import.
    const endorsed = await stack.api(`/api/permits/${first.id}/endorsement`, {
      token: await stack.login('customs@demo.test'),
      body: { quantities: [5], port: 'Mombasa', date: '2026-11-30' },
    });
    expect(endorsed.status).toBe(200);
    const returned = await eventually('the unused part returned', async () => {
      const found = await application(first.id);
      return found.timeline.find((entry) => entry.event === 're-export-quantity-returned');
    });
    expect(returned.note).toBe('A: 7 returned to the import under US 24US55555I');
    const balanceOf = async () =>
      (
        await stack.api<{ drawn: number; left: number }>(
          `/api/re-export-balances?${new URLSearchParams(line).toString()}`,
          { token: ma },
        )
      ).body;
    expect(await balanceOf()).toMatchObject({ drawn: 5, left: 35 });

    // A certificate cancelled before it was used gives all of its quantity back.
    const cancelledOne = await approveAll(await submit(reExport(30)), 'issued');
    expect(await balanceOf()).toMatchObject({ drawn: 35, left: 5 });
    const cancelled = await stack.api(`/api/permits/${cancelledOne.id}/cancel`, {
      token: ma,
      body: { reason: 'The buyer went bankrupt' },
    });
    expect(cancelled.status).toBe(200);
    await statusBecomes(cancelledOne.id, 'cancelled');
    await eventually('the cancelled draw returned', async () =>
      (await balanceOf()).left === 35 ? true : undefined,
    );
    expect(await balanceOf()).toMatchObject({ drawn: 5, left: 35 });
  });
});
