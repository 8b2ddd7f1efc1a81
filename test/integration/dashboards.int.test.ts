import { issuePermitThroughApi } from '../support/issued-permit';
import { eventually } from '../support/eventually';
import { startTestStack, type TestStack } from '../support/test-stack';

const year = new Date().getUTCFullYear();

describe('the dashboards’ figures', () => {
  let stack: TestStack;
  let sa: string;

  beforeAll(async () => {
    stack = await startTestStack();
    sa = await stack.login('sa@demo.test');
    const ma = await stack.login('ma@demo.test');
    const quota = await stack.api('/api/quotas', {
      token: ma,
      body: { year, scientificName: 'Python regius', quantity: 120 },
    });
    expect(quota.status).toBe(200);
    const customs = await stack.login('customs@demo.test');
    for (const endorsed of [40, undefined]) {
      const { id } = await issuePermitThroughApi(stack);
      if (endorsed === undefined) continue;
      const answer = await stack.api(`/api/permits/${id}/endorsement`, {
        token: customs,
        body: { blocks: [{ block: 'A', quantity: endorsed }], port: 'Mombasa', date: `${year}-11-30` },
      });
      expect(answer.status).toBe(200);
    }
  });
  afterAll(() => stack?.close());

  it('counts applications by the status they have now, per month', async () => {
    const month = new Date().toISOString().slice(0, 7);
    // The application's status follows its permit a moment later.
    const counts = await eventually('both statuses', async () => {
      const answer = await stack.api<{ series: { period: string; counts: Record<string, number> }[] }>(
        '/api/dashboard/applications?interval=month',
        { token: sa },
      );
      const found = answer.body.series.find((entry) => entry.period === month)?.counts;
      return found?.endorsed === 1 && found.issued === 1 ? found : undefined;
    });
    expect(counts).toEqual({ endorsed: 1, issued: 1 });
  });

  it('gives the median and 90th percentile time of each step', async () => {
    const answer = await stack.api<{ step: string; decided: number; medianDays: number; p90Days: number }[]>(
      '/api/dashboard/processing-times',
      { token: sa },
    );
    const completeness = answer.body.find((step) => step.step === 'completeness-check');
    expect(completeness).toMatchObject({ decided: 2 });
    expect(completeness!.medianDays).toBeGreaterThanOrEqual(0);
    expect(completeness!.p90Days).toBeGreaterThanOrEqual(completeness!.medianDays);
  });

  it('counts permits by species and partner country', async () => {
    const answer = await stack.api('/api/dashboard/permits', { token: sa });
    expect(answer.body).toEqual({
      bySpecies: [{ scientificName: 'Python regius', permits: 2, quantity: 100 }],
      byPartner: [{ country: 'DE', permits: 2 }],
    });
  });

  it('sets what customs endorsed against what permits hold of the quota', async () => {
    const monitoring = await eventually('the unused part returned', async () => {
      const answer = await stack.api<{ reserved: number; exported: number }[]>(
        `/api/dashboard/quota-monitoring?year=${year}`,
        { token: sa },
      );
      return answer.body[0]?.reserved === 90 ? answer.body : undefined;
    });
    expect(monitoring).toEqual([
      expect.objectContaining({
        scientificName: 'Python regius',
        quota: 120,
        reserved: 90,
        exported: 40,
        warning: 'none',
      }),
    ]);
    expect(
      (await stack.api('/api/dashboard/permits', { token: await stack.login('applicant@demo.test') })).status,
    ).toBe(403);
  });
});
