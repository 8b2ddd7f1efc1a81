import example from '../../examples/applications/export-appendix-ii-wild.json';
import { eventually } from './eventually';
import type { TestStack } from './test-stack';

interface OpenTask {
  id: string;
  applicationId: string;
}

/**
 * Takes an application through the real API to an issued permit: the applicant submits it, the MA
 * and SA officers approve every task it opens. Answers the permit's id (the application's) and number.
 */
export async function issuePermitThroughApi(
  stack: TestStack,
  application: { documentType: string; data: object } = example,
): Promise<{ id: string; number: string }> {
  const [applicant, ma, sa] = await Promise.all(
    ['applicant@demo.test', 'ma@demo.test', 'sa@demo.test'].map((email) => stack.login(email)),
  );
  const submitted = await stack.api<{ id: string }>('/api/applications', {
    token: applicant,
    body: application,
  });
  if (submitted.status !== 201)
    throw new Error(`submission answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
  const id = submitted.body.id;
  return eventually(
    `permit for ${id}`,
    async () => {
      for (const token of [ma!, sa!]) {
        const open = (await stack.api<OpenTask[]>('/api/tasks?limit=200', { token })).body;
        for (const task of open.filter((candidate) => candidate.applicationId === id)) {
          await stack.api(`/api/tasks/${encodeURIComponent(task.id)}/decision`, {
            token,
            body: { outcome: 'approve' },
          });
        }
      }
      const permit = await stack.api<{ number: string; status: string }>(`/api/permits/${id}`, {
        token: ma!,
      });
      return permit.status === 200 ? { id, number: permit.body.number } : undefined;
    },
    300,
  );
}
