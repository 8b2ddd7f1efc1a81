import type { Client } from '@temporalio/client';
import type { Connection } from 'mongoose';
import { lifecycleWorkflowId } from '../../../workflows/permit-lifecycle';
import type { ExpectedEnd, JourneyResult } from './application-journeys';

/** The timeline events an application has once at its end, and those it must never have. */
const TIMELINE: Record<ExpectedEnd, { once: string[]; never: string[] }> = {
  used: {
    once: ['submitted', 'review-started', 'issued', 'endorsed', 'used'],
    never: ['rejected', 'withdrawn'],
  },
  issued: { once: ['submitted', 'review-started', 'issued'], never: ['endorsed', 'rejected', 'withdrawn'] },
  rejected: { once: ['submitted', 'review-started', 'rejected'], never: ['issued', 'withdrawn'] },
  withdrawn: { once: ['submitted', 'withdrawn'], never: ['issued', 'rejected'] },
};

/** Where the permit of an application at its end stands; no permit at all when refused or withdrawn. */
const PERMIT_STATUS: Record<ExpectedEnd, string | undefined> = {
  used: 'used',
  issued: 'valid',
  rejected: undefined,
  withdrawn: undefined,
};

interface StoredPermit {
  _id: string;
  applicationId?: string;
  number: string;
  status: string;
}

type TimelineEntry = { event: string; step?: string };

/**
 * Every way the store and Temporal differ from what the applications' plans say, one line each:
 * an empty list is a system that came through the faults whole.
 */
export async function discrepancies(
  store: Connection,
  temporal: Client,
  journeys: JourneyResult[],
): Promise<string[]> {
  const found: string[] = [];
  const ids = journeys.flatMap((journey) => (journey.id ? [journey.id] : []));
  for (const journey of journeys) {
    if (journey.problem)
      found.push(`${journey.id ?? journey.plan.key}: ${journey.problem} (expected ${journey.plan.expected})`);
  }

  const permits = await store
    .collection<StoredPermit>('permits')
    .find({}, { projection: { signedPermit: 0 } })
    .toArray();
  const holders = new Map<string, string[]>();
  for (const permit of permits)
    holders.set(permit.number, [...(holders.get(permit.number) ?? []), permit._id]);
  for (const [number, ids] of holders) {
    if (ids.length > 1) found.push(`permit number ${number} given to ${ids.join(', ')}`);
  }

  // The database is this suite's own: more than one application per submission is a duplicate.
  const stored = await store.collection('applications').countDocuments();
  if (stored !== ids.length) found.push(`${stored} applications stored for ${ids.length} submitted`);

  const { statuses, timelines } = await applicationsAsStored(store, ids);
  for (const journey of journeys.filter((each) => each.id)) {
    const id = journey.id!;
    const expected = journey.plan.expected;
    const own = permits.filter((permit) => (permit.applicationId ?? permit._id) === id);
    const permitStatus = PERMIT_STATUS[expected];
    if (own.length !== (permitStatus === undefined ? 0 : 1))
      found.push(`${id} (${expected}) has ${own.length} permits`);
    else if (permitStatus !== undefined && own[0]!.status !== permitStatus)
      found.push(`${id} (${expected}): its permit is ${own[0]!.status}`);

    if (statuses.get(id) !== expected)
      found.push(`${id} is stored as ${statuses.get(id)}, expected ${expected}`);
    const counts = new Map<string, number>();
    for (const entry of timelines.get(id) ?? []) {
      const key = entry.step ? `${entry.event} ${entry.step}` : entry.event;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts)
      if (count > 1) found.push(`${id}: timeline has "${key}" ${count} times`);
    for (const event of TIMELINE[expected].once)
      if (!counts.has(event)) found.push(`${id} (${expected}): timeline lacks "${event}"`);
    for (const event of TIMELINE[expected].never)
      if (counts.has(event)) found.push(`${id} (${expected}): timeline has "${event}"`);
  }

  const openTasks = await store
    .collection('tasks')
    .find({ applicationId: { $in: ids }, status: 'open' })
    .toArray();
  for (const task of openTasks) found.push(`task ${String(task._id)} is still open`);

  found.push(...(await workflowsNotAtRest(temporal, journeys)));
  return found;
}

/**
 * Each application's status and timeline (the entries in its document and those stored on their
 * own), read in two sweeps: reading 200 applications one by one would scan the entries 200 times.
 */
async function applicationsAsStored(
  store: Connection,
  ids: string[],
): Promise<{ statuses: Map<string, string>; timelines: Map<string, TimelineEntry[]> }> {
  const statuses = new Map<string, string>();
  const timelines = new Map<string, TimelineEntry[]>();
  const stored = await store
    .collection<{ _id: string; status: string; timeline: TimelineEntry[] }>('applications')
    .find({ _id: { $in: ids } }, { projection: { status: 1, timeline: 1 } })
    .toArray();
  for (const application of stored) {
    statuses.set(application._id, application.status);
    timelines.set(application._id, [...application.timeline]);
  }
  for await (const entry of store.collection<TimelineEntry & { _id: string }>('applicationEvents').find({})) {
    timelines.get(entry._id.slice(0, entry._id.indexOf('|')))?.push(entry);
  }
  return { statuses, timelines };
}

/**
 * Each lifecycle is closed, having completed, unless its permit was left valid: that one waits
 * for the border (or the end of its validity). Nothing else of these applications still runs.
 */
async function workflowsNotAtRest(temporal: Client, journeys: JourneyResult[]): Promise<string[]> {
  const found: string[] = [];
  const running: string[] = [];
  for await (const execution of temporal.workflow.list({ query: 'ExecutionStatus = "Running"' })) {
    running.push(execution.workflowId);
  }
  for (const journey of journeys.filter((each) => each.id)) {
    const id = journey.id!;
    const lifecycle = lifecycleWorkflowId(id);
    const status = (await temporal.workflow.getHandle(lifecycle).describe()).status.name;
    if (status !== (journey.plan.expected === 'issued' ? 'RUNNING' : 'COMPLETED'))
      found.push(`${lifecycle} is ${status}`);
    for (const workflowId of running) {
      if (workflowId.includes(id) && workflowId !== lifecycle) found.push(`${workflowId} is still running`);
    }
  }
  return found;
}
