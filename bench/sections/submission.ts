/**
 * Submission, `POST /api/applications` with the applicant's token and the example Appendix II
 * export: validation, the procedure, the start of the application's lifecycle workflow in
 * Temporal, the stored record and its audit entry — every submission is a new application. The
 * baseline is bare express parsing a JSON body of the same bytes and answering the API's answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/project';
import { startBareExpress } from '../support/bare-express';
import type { BenchStack } from '../support/bench-stack';
import { compareWithBaseline, comparisonPlan } from '../support/http-comparison';
import { httpRows } from '../support/http-rows';
import type { BenchSection, SectionOptions, SectionResult } from '../support/section';

/** Applicants submitting at once: more only queue at the Temporal server and the database. */
const CONNECTIONS = 8;

export const submissionSection: BenchSection = {
  name: 'submission',
  async run(stack: BenchStack, { quick, log }: SectionOptions): Promise<SectionResult> {
    const body = fs.readFileSync(
      path.join(projectRoot, 'examples', 'applications', 'export-appendix-ii-wild.json'),
      'utf8',
    );
    const applicant = await stack.login('applicant@demo.test');
    const headers = { authorization: `Bearer ${applicant}`, 'content-type': 'application/json' };
    const sample = await stack.api<{ id?: string }>('/api/applications', { body, headers });
    if (sample.status !== 201 || !sample.body.id)
      throw new Error(`POST /api/applications answered ${sample.status}: ${JSON.stringify(sample.body)}`);

    const bare = await startBareExpress(sample.body);
    try {
      const { figures, problems } = await compareWithBaseline(
        { url: `${stack.baseUrl}/api/applications`, method: 'POST', headers, body },
        { url: bare.url, method: 'POST', headers: { 'content-type': 'application/json' }, body },
        comparisonPlan(quick, CONNECTIONS),
        log,
      );
      return {
        rows: httpRows(
          {
            route: `POST /api/applications, ${CONNECTIONS} connections`,
            baseline: 'bare express parsing the same JSON body',
            rateNote: 'each submission starts a lifecycle workflow',
          },
          figures,
        ),
        figures,
        problems,
      };
    } finally {
      await bare.close();
    }
  },
};
