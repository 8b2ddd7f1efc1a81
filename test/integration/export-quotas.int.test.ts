import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import exportToGermany from '../../examples/applications/export-appendix-ii-wild.json';
import { createQuotaActivities } from '../../activities/quotas';
import { decodeSignedPermit } from '../../activities/signing/permit-signature';
import { ApplicationRepository, type ApplicationRecord } from '../../store/applications';
import { ExportQuotaRepository, QuotaLedger } from '../../store/export-quotas';
import { PermitRepository } from '../../store/permits';
import { approveUntilIssued, type ApiCall } from '../../scripts/demo/api-client';
import { sharedDataFile } from '../support/shared-data';
import { lifecycleWorkflowId } from '../../workflows/permit-lifecycle';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/test-stack';

interface QuotaView {
  id: string;
  quantity: number | null;
  used: number;
  left: number | null;
  warning: string;
}
interface Application {
  status: string;
  timeline: { event: string; note?: string }[];
}

const year = new Date().getUTCFullYear();
const pythons = (quantity: number) => ({
  ...exportToGermany,
  data: {
    ...exportToGermany.data,
    blocks: exportToGermany.data.blocks.map((block) => ({ ...block, quantity })),
  },
});

describe('export quotas: reserved at issuance, never over-issued, returned when unused', () => {
  let stack: TestStack;
  let ma: string;
  let sa: string;
  let applicant: string;
  let call: ApiCall;

  beforeAll(async () => {
    stack = await startTestStack();
    call = stack.api as ApiCall;
    [ma, sa, applicant] = (await Promise.all(
      ['ma@demo.test', 'sa@demo.test', 'applicant@demo.test'].map((email) => stack.login(email)),
    )) as [string, string, string];
  });
  afterAll(() => stack?.close());

  const setQuota = async (body: object) => {
    const answer = await stack.api<QuotaView>('/api/quotas', { token: ma, body: { year, ...body } });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const quotaNow = async (id: string) =>
    (await stack.api<QuotaView[]>(`/api/quotas?year=${year}`, { token: sa })).body.find(
      (quota) => quota.id === id,
    )!;
  const application = async (id: string) =>
    (await stack.api<Application>(`/api/applications/${id}`, { token: applicant })).body;

  it('issues exactly as many permits as the quota allows when 50 are issued at the same moment', async () => {
    const quota = await setQuota({ scientificName: 'Varanus niloticus', quantity: 10 });
    const applications = new ApplicationRepository(stack.store);
    const data = {
      ...exportToGermany.data,
      blocks: [{ ...exportToGermany.data.blocks[0]!, scientificName: 'Varanus niloticus', quantity: 1 }],
    };
    const ids = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const id = `KE-${year}-${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
        await applications.create({
          id,
          party: 'KE',
          applicantId: 'applicant-1',
          documentType: 'export',
          formId: 'export-permit',
          formVersionId: 'export-permit@1',
          procedureVersionId: 'export-procedure@1',
          procedure: { steps: [] },
          data,
          status: 'submitted',
          timeline: [],
          submittedAt: new Date(),
        } as unknown as ApplicationRecord);
        return id;
      }),
    );
    const { reserveExportQuota } = createQuotaActivities({
      applications,
      quotas: new ExportQuotaRepository(stack.store),
      ledger: new QuotaLedger(stack.store),
    });
    const answers = await Promise.all(ids.map((applicationId) => reserveExportQuota({ applicationId })));
    expect(answers.filter((answer) => !answer.refused)).toHaveLength(10);
    expect(answers.filter((answer) => answer.refused)).toHaveLength(40);
    expect(await quotaNow(quota.id)).toMatchObject({ quantity: 10, used: 10, left: 0, warning: 'used-up' });
    // Box 11a of the permits reserved: the running total, each one different, up to the quota.
    const used = answers.flatMap((answer) =>
      answer.refused ? [] : [answer.quotaUse[0]!.usedIncludingThisPermit],
    );
    expect(used.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('prints the quota use in Box 11a, refuses a permit over what is left, and gives back what customs did not endorse', async () => {
    const quota = await setQuota({ scientificName: 'Python regius', sources: ['W'], quantity: 60 });
    const first = await approveUntilIssued(call, { applicant, ma, sa }, pythons(50));
    const signed = (await new PermitRepository(stack.store).find(first.id))!.signedPermit!;
    expect(
      (decodeSignedPermit(signed).content as { specimens: { quotaUse?: object }[] }).specimens[0]!.quotaUse,
    ).toEqual({ usedIncludingThisPermit: 50, quota: 60, unit: null, year });
    expect(await quotaNow(quota.id)).toMatchObject({ used: 50, left: 10, warning: 'nearly-used' });

    // 20 more is over what is left: refused with the figures.
    const second = await stack.api<{ id: string }>('/api/applications', {
      token: applicant,
      body: pythons(20),
    });
    await eventually(
      'the refusal',
      async () => {
        for (const token of [ma, sa]) {
          const open = (
            await stack.api<{ id: string }[]>(`/api/tasks?applicationId=${second.body.id}`, { token })
          ).body;
          for (const task of open) {
            await stack.api(`/api/tasks/${encodeURIComponent(task.id)}/decision`, {
              token,
              body: { outcome: 'approve' },
            });
          }
        }
        return (await application(second.body.id)).status === 'rejected' ? true : undefined;
      },
      300,
    );
    expect((await application(second.body.id)).timeline).toContainEqual(
      expect.objectContaining({
        event: 'quota-exceeded',
        note: `A: 20 asked, 10 of the ${year} quota of 60 for Python regius left`,
      }),
    );

    // Customs endorse 44 of the 50: 6 go back to the quota.
    const customs = await stack.login('customs@demo.test');
    const endorsed = await stack.api(`/api/permits/${first.id}/endorsement`, {
      token: customs,
      body: { blocks: [{ block: 'A', quantity: 44 }], port: 'Mombasa', date: `${year}-11-30` },
    });
    expect(endorsed.status).toBe(200);
    await eventually('the unused part back', async () =>
      (await quotaNow(quota.id)).used === 44 ? true : undefined,
    );
    expect(await quotaNow(quota.id)).toMatchObject({ used: 44, left: 16 });
    await recordHistory(
      stack.config.temporal.address!,
      lifecycleWorkflowId(first.id),
      'permitLifecycleWorkflow-quota',
    );
  });

  it('lets a quota set on the Scientific Authority’s finding settle the NDF step of exports within it', async () => {
    await setQuota({
      scientificName: 'Hippopotamus amphibius',
      quantity: 100,
      basedOnNonDetrimentFinding: true,
    });
    const hippos = pythons(2);
    hippos.data.blocks = hippos.data.blocks.map((block) => ({
      ...block,
      scientificName: 'Hippopotamus amphibius',
    }));
    const { id } = await approveUntilIssued(call, { applicant, ma, sa }, hippos);
    const found = await application(id);
    expect(found.timeline).toContainEqual(
      expect.objectContaining({ event: 'step-covered-by-finding', note: expect.stringMatching(/^quota:/) }),
    );
  });

  it('imports this Party’s quotas from a Species+ answer, and refuses a wrong role or a quota below what is used', async () => {
    const recorded = JSON.parse(
      fs.readFileSync(sharedDataFile('speciesplus-api-fixtures', 'spp_cites_legislation_def.json'), 'utf8'),
    ) as { http_interactions: { response: { body: { string: string } } }[] };
    const legislation = JSON.parse(recorded.http_interactions[0]!.response.body.string) as {
      cites_quotas: { geo_entity: { iso_code2: string } }[];
    };
    const imported = await stack.api<{ imported: number; skipped: number }>('/api/quotas/species-plus', {
      token: ma,
      body: { scientificName: 'Loxodonta africana', legislation },
    });
    expect(imported.status).toBe(200);
    // Of the 38 range States' quotas in the answer, Kenya's alone: a zero quota published in 2022.
    expect(imported.body).toEqual({ imported: 1, skipped: legislation.cites_quotas.length - 1 });
    const elephants = (await stack.api<QuotaView[]>('/api/quotas?year=2022', { token: sa })).body;
    expect(elephants).toEqual([
      expect.objectContaining({
        scientificName: 'Loxodonta africana',
        quantity: 0,
        used: 0,
        warning: 'used-up',
      }),
    ]);
    // Imported twice, it is updated, not doubled.
    await stack.api('/api/quotas/species-plus', {
      token: ma,
      body: { scientificName: 'Loxodonta africana', legislation },
    });
    expect((await stack.api<QuotaView[]>('/api/quotas?year=2022', { token: sa })).body).toHaveLength(1);

    expect(
      (
        await stack.api('/api/quotas', {
          token: sa,
          body: { year, scientificName: 'Kinixys belliana', quantity: 1 },
        })
      ).status,
    ).toBe(403);
    const invalid = await stack.api<{ errors: { path: string }[] }>('/api/quotas', {
      token: ma,
      body: { year, scientificName: 'Python regius', quantity: -1 },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((error) => error.path)).toContain('/quantity');
    // Permits took 10 of the monitor lizards' quota: it cannot be cut below that.
    const lizards = (
      await stack.api<(QuotaView & { scientificName: string })[]>(`/api/quotas?year=${year}`, { token: ma })
    ).body.find((quota) => quota.scientificName === 'Varanus niloticus')!;
    const cut = await stack.api('/api/quotas', {
      token: ma,
      body: { id: lizards.id, year, scientificName: 'Varanus niloticus', quantity: 5 },
    });
    expect(cut.status).toBe(409);
  });
});
