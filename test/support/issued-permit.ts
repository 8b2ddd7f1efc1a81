import example from '../../examples/applications/export-appendix-ii-wild.json';
import { approveUntilIssued, type ApiCall } from '../../scripts/demo/api-client';
import type { TestStack } from './test-stack';

/**
 * Takes an application through the real API to an issued permit: the applicant submits it, the MA
 * and SA officers approve every task it opens. Answers the permit's id (the application's) and number.
 */
export async function issuePermitThroughApi(
  stack: TestStack,
  application: { documentType: string; data: object } = example,
): Promise<{ id: string; number: string }> {
  const [applicant, ma, sa] = (await Promise.all(
    ['applicant@demo.test', 'ma@demo.test', 'sa@demo.test'].map((email) => stack.login(email)),
  )) as [string, string, string];
  return approveUntilIssued(stack.api as ApiCall, { applicant, ma, sa }, application);
}
