/**
 * Public permit verification, `GET /api/verify/:token`, at 200 concurrent connections: what a
 * port full of phones scanning QR codes asks of one API process. One permit is issued through the
 * API first; the baseline is bare express answering the same JSON.
 */
import example from '../../examples/applications/export-appendix-ii-wild.json';
import { approveUntilIssued, type ApiCall } from '../../scripts/demo/api-client';
import { startBareExpress } from '../support/bare-express';
import type { BenchStack } from '../support/bench-stack';
import { compareWithBaseline, comparisonPlan } from '../support/http-comparison';
import { httpRows } from '../support/http-rows';
import type { BenchSection, SectionOptions, SectionResult } from '../support/section';

const CONNECTIONS = 200;
/** The goals: at least half of bare express's rate, and p99 under 20 ms at 200 connections. */
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 20;

export const verifySection: BenchSection = {
  name: 'verify',
  async run(stack: BenchStack, { quick, log }: SectionOptions): Promise<SectionResult> {
    const token = await issuedPermitToken(stack);
    const path = `/api/verify/${token}`;
    const sample = await stack.api<{ authentic?: boolean }>(path);
    if (sample.status !== 200 || sample.body.authentic !== true)
      throw new Error(`${path} answered ${sample.status}: ${JSON.stringify(sample.body)}`);
    log(`verifying permit token ${token} (${JSON.stringify(sample.body).length} bytes of JSON)`);

    const bare = await startBareExpress(sample.body);
    try {
      const { figures, problems } = await compareWithBaseline(
        { url: `${stack.baseUrl}${path}` },
        { url: bare.url },
        comparisonPlan(quick, CONNECTIONS),
        log,
      );
      return {
        rows: httpRows(
          {
            route: `GET /api/verify/:token, ${CONNECTIONS} connections`,
            baseline: 'bare express answering the same JSON',
            rateNote: `goal ≥ ${GOAL_RATIO} ×: ${figures.ratio! >= GOAL_RATIO ? 'met' : 'MISSED'}`,
            p99Note: `goal < ${GOAL_P99_MS} ms: ${figures.p99Ms! < GOAL_P99_MS ? 'met' : 'MISSED'}`,
          },
          figures,
        ),
        figures: { ...figures, goalRatio: GOAL_RATIO, goalP99Ms: GOAL_P99_MS },
        problems,
      };
    } finally {
      await bare.close();
    }
  },
};

/** Takes the example application to an issued permit and answers the token its QR code carries. */
async function issuedPermitToken(stack: BenchStack): Promise<string> {
  const [applicant, ma, sa] = await Promise.all(
    ['applicant@demo.test', 'ma@demo.test', 'sa@demo.test'].map((email) => stack.login(email)),
  );
  const { id } = await approveUntilIssued(
    stack.api as ApiCall,
    { applicant: applicant!, ma: ma!, sa: sa! },
    example,
  );
  const permit = await stack.api<{ verificationToken?: string; verificationUrl?: string }>(
    `/api/permits/${encodeURIComponent(id)}`,
    { token: ma },
  );
  const token = permit.body.verificationToken ?? permit.body.verificationUrl?.split('/').pop();
  if (permit.status !== 200 || !token)
    throw new Error(`permit ${id} has no verification token: ${JSON.stringify(permit.body)}`);
  return token;
}
