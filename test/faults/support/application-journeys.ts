import { setTimeout as sleep } from 'node:timers/promises';
import example from '../../../examples/applications/export-appendix-ii-wild.json';
import type { Inboxes, OpenTask } from './inboxes';
import type { Progress } from './progress';
import type { ResilientApi } from './resilient-api';

/** Where an application is meant to end. */
export type ExpectedEnd = 'used' | 'rejected' | 'withdrawn' | 'issued';

export interface PlannedApplication {
  /** Its Idempotency-Key: a resubmission after a lost answer must find the same application. */
  key: string;
  expected: ExpectedEnd;
  /** When the applicant withdraws: before any decision, or while the findings are open. */
  withdrawal?: 'at-once' | 'during-findings';
}

export interface Officers {
  applicant: string;
  ma: string;
  sa: string;
  customs: string;
}

export interface JourneyResult {
  plan: PlannedApplication;
  id?: string;
  /** Why it did not reach its expected end, if it did not. */
  problem?: string;
}

export interface Journey {
  api: ResilientApi;
  inboxes: Inboxes;
  officers: Officers;
  progress: Progress;
  /**
   * A journey still under way gives up, and reports where its application is stuck, once no
   * application at all has moved for this long (a server restart stops everything for a while)...
   */
  giveUpWhenStillForMs: number;
  /** ...or at this time, however the others move. */
  deadline: number;
}

const FINAL_DECISION = 'final-decision';
const COMPLETENESS_CHECK = 'completeness-check';
/** Between two looks at an application that is waiting for its lifecycle. */
const LOOK_AGAIN_MS = 4_000;
/** Between two sendings of an action whose effect has not shown yet. */
const SEND_AGAIN_MS = 20_000;
/** The example's one block of 50 live Python regius, all of which leave and arrive. */
const QUANTITY = example.data.blocks[0]!.quantity;

/**
 * Most applications go all the way (issued, endorsed at export, confirmed at import: used); every
 * tenth is refused at the final decision, every tenth withdrawn by its applicant (half before any
 * decision, half while the findings are open), and every twentieth is issued and left valid.
 */
export function planApplications(count: number, run: string): PlannedApplication[] {
  return Array.from({ length: count }, (_, index) => {
    const key = `faults-${run}-${index}`;
    if (index % 10 === 3) return { key, expected: 'rejected' };
    if (index % 10 === 6)
      return { key, expected: 'withdrawn', withdrawal: index % 20 === 6 ? 'at-once' : 'during-findings' };
    if (index % 20 === 9) return { key, expected: 'issued' };
    return { key, expected: 'used' };
  });
}

/**
 * Takes one application through the API to its planned end, the way people do: the applicant
 * files it, officers decide what their inboxes show, customs endorse the permit and the MA records
 * the import confirmation, each looking again until the step shows. Any action may have been done
 * already by an attempt whose answer was lost: a refusal as "no longer open" (409) only means so.
 */
export async function travel(journey: Journey, plan: PlannedApplication): Promise<JourneyResult> {
  const { api, officers, progress } = journey;
  let id: string | undefined;
  try {
    const submitted = await api.call<{ id: string }>('/api/applications', {
      token: officers.applicant,
      body: example,
      idempotencyKey: plan.key,
    });
    if (submitted.status !== 201) throw new Error(`the submission answered ${submitted.status}`);
    id = submitted.body.id;
    progress.count('submitted');

    const reviewed = await review(journey, plan, id);
    if (reviewed === 'withdrawn') {
      await untilApplicationIs(journey, id, 'withdrawn');
    } else if (plan.expected === 'rejected') {
      await untilApplicationIs(journey, id, 'rejected');
    } else {
      await untilPermit(journey, id, 'valid');
      progress.count('issued');
      if (plan.expected === 'used') {
        await untilPermit(journey, id, 'endorsed', () =>
          api.call(`/api/permits/${id}/endorsement`, {
            token: officers.customs,
            body: {
              blocks: [{ block: 'A', quantity: QUANTITY }],
              port: 'Jomo Kenyatta International Airport',
              date: new Date().toISOString().slice(0, 10),
            },
          }),
        );
        await untilPermit(journey, id, 'used', () =>
          api.call(`/api/permits/${id}/import-confirmation`, {
            token: officers.ma,
            body: { quantities: [QUANTITY] },
          }),
        );
      }
    }
    progress.count('settled');
    return { plan, id };
  } catch (error) {
    return { plan, ...(id ? { id } : {}), problem: (error as Error).message };
  }
}

/**
 * The officers decide every task the inboxes show for the application (refusing the final
 * decision when that is the plan) until the final decision is taken, unless the applicant
 * withdraws first: 'decided', or 'withdrawn' once the withdrawal is accepted.
 */
async function review(
  journey: Journey,
  plan: PlannedApplication,
  id: string,
): Promise<'decided' | 'withdrawn'> {
  const { api, officers, inboxes } = journey;
  const withdraw = async () => {
    await act('the withdrawal', () =>
      api.call(`/api/applications/${id}/withdraw`, {
        token: officers.applicant,
        body: { reason: 'The consignment was called off by the importer.' },
      }),
    );
    return 'withdrawn' as const;
  };
  if (plan.withdrawal === 'at-once') return withdraw();
  // A task decided stays in the inboxes a moment, until its lifecycle has closed it.
  const decided = new Set<string>();
  for (;;) {
    await inboxes.fresh();
    checkDeadline(journey, 'waiting for its tasks');
    const open = inboxes.openTasksOf(id).filter((task) => !decided.has(task.id));
    if (plan.withdrawal === 'during-findings' && open.some((task) => task.type !== COMPLETENESS_CHECK))
      return withdraw();
    for (const task of open) {
      await decide(api, task, plan);
      journey.progress.count('decided');
      decided.add(task.id);
      if (task.type === FINAL_DECISION) return 'decided';
    }
  }
}

async function decide(api: ResilientApi, task: OpenTask, plan: PlannedApplication): Promise<void> {
  const refuse = plan.expected === 'rejected' && task.type === FINAL_DECISION;
  await act(`the decision on ${task.type}`, () =>
    api.call(`/api/tasks/${encodeURIComponent(task.id)}/decision`, {
      token: task.token,
      body: refuse
        ? { outcome: 'reject', comment: 'The specimens were not shown to be legally acquired.' }
        : { outcome: 'approve' },
    }),
  );
}

/** 200, or 409: an earlier attempt whose answer was lost did it already. */
async function act(what: string, request: () => Promise<{ status: number; body: unknown }>): Promise<void> {
  const answer = await request();
  if (answer.status !== 200 && answer.status !== 409) {
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
}

/**
 * Reads the permit (one lookup by its id, however many applications there are) until it shows
 * `status`; while it still shows the status before, the action that moves it is sent, and sent
 * again now and then (an answer of 409 may have come a moment before the lifecycle could take it).
 */
async function untilPermit(
  journey: Journey,
  id: string,
  status: string,
  action?: () => Promise<{ status: number; body: unknown }>,
): Promise<void> {
  let sentAt = 0;
  for (;;) {
    const permit = await journey.api.call<{ status: string }>(`/api/permits/${id}`, {
      token: journey.officers.ma,
    });
    if (permit.status === 200 && permit.body.status === status) return;
    if (permit.status !== 200 && permit.status !== 404)
      throw new Error(`its permit answered ${permit.status}`);
    checkDeadline(
      journey,
      `its permit ${permit.status === 200 ? `is ${permit.body.status}` : 'is not issued'}`,
    );
    if (permit.status === 200 && action && Date.now() - sentAt > SEND_AGAIN_MS) {
      sentAt = Date.now();
      await act(`the move to ${status}`, action);
    }
    await sleep(LOOK_AGAIN_MS);
  }
}

/** The application with its timeline: looked at only when no permit can tell where it is. */
async function untilApplicationIs(journey: Journey, id: string, status: string): Promise<void> {
  for (;;) {
    const application = await journey.api.call<{ status: string }>(`/api/applications/${id}`, {
      token: journey.officers.ma,
    });
    if (application.status !== 200) throw new Error(`reading it answered ${application.status}`);
    if (application.body.status === status) return;
    checkDeadline(journey, `it is ${application.body.status}, not ${status}`);
    await sleep(2 * LOOK_AGAIN_MS);
  }
}

function checkDeadline(journey: Journey, where: string): void {
  const stillFor = journey.progress.stillFor();
  if (stillFor > journey.giveUpWhenStillForMs)
    throw new Error(`gave up when no application had moved for ${Math.round(stillFor / 1000)} s: ${where}`);
  if (Date.now() > journey.deadline) throw new Error(`gave up at the deadline: ${where}`);
}
