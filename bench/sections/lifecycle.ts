import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { percentile, round } from '../support/figures';
import { readyWithin, startNodeChild } from '../support/node-child';
import type { BenchSection } from '../support/section';
import {
  runAutomaticLifecycle,
  standingFindingForFarmSkins,
  type BenchApiCall,
  type OfficerTokens,
} from '../support/automatic-lifecycle';
import { runConcurrently } from '../support/concurrent';
import { activitiesScheduled } from '../support/lifecycle-history';
import { noOpDecision, type noOpLifecycleWorkflow } from '../workflows/no-op-lifecycle';
import { lifecycleWorkflowId } from '../../workflows/permit-lifecycle';

const OFFICER_DECISIONS = 2;

interface Round {
  perSecond: number;
  decisionMs: number[];
}

/**
 * Complete permit lifecycles per second through the API, and the latency of officer decisions
 * under that load, next to a workflow with as many Updates and no-op activities on the same
 * Temporal server, run before and after the lifecycles (the machine's load drifts).
 */
export const lifecycleSection: BenchSection = {
  name: 'lifecycle',
  async run(stack, options) {
    // Quick: one wave of lifecycles all in flight together; full: a stream five times as long.
    const count = options.quick ? 20 : 200;
    const concurrency = options.quick ? 20 : 40;
    // The baseline runs at the same concurrency, before and after (the machine's load drifts).
    const baselineCount = options.quick ? count : count / 2;
    const call = stack.api as BenchApiCall;
    const [applicant, ma, sa, customs] = await Promise.all(
      ['applicant', 'ma', 'sa', 'customs'].map((role) => stack.login(`${role}@demo.test`)),
    );
    const tokens: OfficerTokens = { applicant: applicant!, ma: ma!, sa: sa!, customs: customs! };
    const finding = await call('/api/non-detriment-findings', {
      token: tokens.sa,
      body: standingFindingForFarmSkins,
    });
    if (finding.status !== 201) throw new Error(`the standing finding answered ${finding.status}`);
    const today = new Date().toISOString().slice(0, 10);
    const pollMs = 100;

    const connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection, namespace: stack.namespace });
    const baselineQueue = `bench-no-op-${randomUUID().slice(0, 8)}`;
    const baselineWorker = startNodeChild(
      'baseline worker',
      path.join(__dirname, '..', 'support', 'no-op-worker.js'),
      {
        env: {
          ...process.env,
          TEMPORAL_ADDRESS: stack.temporalAddress,
          TEMPORAL_NAMESPACE: stack.namespace,
          TEMPORAL_TASK_QUEUE: baselineQueue,
        },
      },
    );
    try {
      // Warm-up, and the number of activities one lifecycle schedules (its NDF child included).
      const warm = await runConcurrently(2, 2, () => runAutomaticLifecycle(call, tokens, pollMs, today));
      const activityCount = await activitiesScheduled(
        client,
        lifecycleWorkflowId(warm.results[0]!.applicationId),
      );
      await readyWithin(baselineWorker, 120_000);

      const baselineRound = async (n: number): Promise<Round> => {
        const { results, seconds } = await runConcurrently(n, concurrency, async () => {
          const handle = await client.workflow.start<typeof noOpLifecycleWorkflow>('noOpLifecycleWorkflow', {
            taskQueue: baselineQueue,
            workflowId: `bench-no-op-${randomUUID()}`,
            args: [activityCount, OFFICER_DECISIONS],
          });
          const decisionMs: number[] = [];
          for (let decision = 0; decision < OFFICER_DECISIONS; decision++) {
            const started = performance.now();
            await handle.executeUpdate(noOpDecision, { args: ['approve'] });
            decisionMs.push(performance.now() - started);
          }
          await handle.result();
          return decisionMs;
        });
        return { perSecond: n / seconds, decisionMs: results.flat() };
      };
      const lifecycleRound = async (n: number): Promise<Round> => {
        const { results, seconds } = await runConcurrently(n, concurrency, () =>
          runAutomaticLifecycle(call, tokens, pollMs, today),
        );
        return { perSecond: n / seconds, decisionMs: results.flatMap((run) => run.decisionMs) };
      };

      options.log(`${activityCount} activities per lifecycle; baseline warm-up`);
      await baselineRound(5);
      const before = await baselineRound(baselineCount);
      options.log(`baseline ${round(before.perSecond)} /s; ${count} lifecycles`);
      const lifecycles = await lifecycleRound(count);
      options.log(`lifecycles ${round(lifecycles.perSecond)} /s; baseline again`);
      const after = await baselineRound(baselineCount);

      const baselinePerSecond = (before.perSecond + after.perSecond) / 2;
      const baselineDecisions = [...before.decisionMs, ...after.decisionMs].sort((a, b) => a - b);
      const decisions = [...lifecycles.decisionMs].sort((a, b) => a - b);
      const figures = {
        perSecond: round(lifecycles.perSecond),
        baselinePerSecond: round(baselinePerSecond),
        ratio: round(lifecycles.perSecond / baselinePerSecond, 3),
        lifecycles: count,
        concurrency,
        activitiesPerLifecycle: activityCount,
        decision: {
          p50Ms: round(percentile(decisions, 50)),
          p99Ms: round(percentile(decisions, 99)),
          baselineP50Ms: round(percentile(baselineDecisions, 50)),
          baselineP99Ms: round(percentile(baselineDecisions, 99)),
          decisions: decisions.length,
        },
      };
      return {
        figures,
        rows: [
          {
            row: `lifecycles, ${count} at ${concurrency} in flight, ${activityCount} activities each`,
            value: `${round(lifecycles.perSecond)} /s`,
            baseline: `${round(baselinePerSecond)} /s`,
            ratio: figures.ratio,
          },
          {
            row: `officer decision p50 (${decisions.length} under load)`,
            value: `${figures.decision.p50Ms} ms`,
            baseline: `${figures.decision.baselineP50Ms} ms`,
            ratio: round(figures.decision.p50Ms / figures.decision.baselineP50Ms, 3),
          },
          {
            row: 'officer decision p99',
            value: `${figures.decision.p99Ms} ms`,
            baseline: `${figures.decision.baselineP99Ms} ms`,
            ratio: round(figures.decision.p99Ms / figures.decision.baselineP99Ms, 3),
          },
        ],
      };
    } finally {
      await baselineWorker.stop();
      await connection.close();
    }
  },
};
