import captiveBredSkins from '../../examples/applications/export-appendix-ii-captive-bred.json';

/** What the driver needs of the API: a call with a bearer token and an optional JSON body. */
export type BenchApiCall = <T = unknown>(
  path: string,
  call?: { method?: string; token?: string; body?: unknown },
) => Promise<{ status: number; body: T }>;

export interface OfficerTokens {
  applicant: string;
  ma: string;
  sa: string;
  customs: string;
}

/** The Scientific Authority's standing finding that settles the NDF of every such application. */
export const standingFindingForFarmSkins = {
  decision: 'positive',
  scope: { scientificName: 'Crocodylus niloticus', countries: ['DE'], sources: ['C'], purposes: ['T'] },
  conditions: 'Skins of registered operations only',
  validFrom: '2020-01-01',
  validUntil: '2099-12-31',
};

export interface LifecycleRun {
  applicationId: string;
  /** Milliseconds each officer decision took, API call to answer. */
  decisionMs: number[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One permit's whole life through the API on the automatic path: filed; the completeness check
 * and the Scientific Authority's export monitoring decided by officers (the two findings no rule
 * may make here); the NDF settled by the standing finding, legal acquisition and the decision by
 * rule; the permit endorsed by customs and its import confirmed; done when the permit is used.
 */
export async function runAutomaticLifecycle(
  call: BenchApiCall,
  tokens: OfficerTokens,
  pollMs: number,
  today: string,
): Promise<LifecycleRun> {
  const submitted = await call<{ id: string }>('/api/applications', {
    token: tokens.applicant,
    // Skins of a registered captive-breeding operation: legal acquisition and the decision go by rule.
    body: captiveBredSkins,
  });
  expectStatus('the application', submitted, 201);
  const applicationId = submitted.body.id;
  const decisionMs: number[] = [];

  const decide = async (token: string, step: string) => {
    const task = await until(`${step} of ${applicationId}`, pollMs, async () => {
      const open = await call<{ id: string; type: string }[]>(`/api/tasks?applicationId=${applicationId}`, {
        token,
      });
      return open.status === 200 ? open.body.find((candidate) => candidate.type === step) : undefined;
    });
    const started = performance.now();
    const decided = await call(`/api/tasks/${encodeURIComponent(task.id)}/decision`, {
      token,
      body: { outcome: 'approve' },
    });
    decisionMs.push(performance.now() - started);
    expectStatus(`the decision on ${step}`, decided, 200);
  };
  const permitBecomes = (status: string) =>
    until(`permit ${applicationId} ${status}`, pollMs, async () => {
      const permit = await call<{ status: string }>(`/api/permits/${applicationId}`, { token: tokens.ma });
      return permit.status === 200 && permit.body.status === status ? true : undefined;
    });

  await decide(tokens.ma, 'completeness-check');
  await decide(tokens.sa, 'sa-export-monitoring');
  await permitBecomes('valid');
  expectStatus(
    'the endorsement',
    await call(`/api/permits/${applicationId}/endorsement`, {
      token: tokens.customs,
      body: { quantities: [200], port: 'Jomo Kenyatta International Airport', date: today },
    }),
    200,
  );
  await permitBecomes('endorsed');
  expectStatus(
    'the import confirmation',
    await call(`/api/permits/${applicationId}/import-confirmation`, {
      token: tokens.ma,
      body: { quantities: [200] },
    }),
    200,
  );
  await permitBecomes('used');
  return { applicationId, decisionMs };
}

function expectStatus(what: string, answer: { status: number; body: unknown }, expected: number): void {
  if (answer.status !== expected) {
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
}

/** Polls until `probe` gives a value; a lifecycle that stalls for two minutes fails the benchmark. */
async function until<T>(what: string, pollMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited two minutes for ${what}`);
    await pause(pollMs);
  }
}
