import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditRepository } from '../../store/audit';
import { connectStore } from '../../store/connection';
import { CLAIM_LEASE_MS } from '../../store/idempotency';
import {
  planApplications,
  travel,
  type Journey,
  type JourneyResult,
  type Officers,
} from './support/application-journeys';
import { discrepancies } from './support/end-state';
import { FaultStack } from './support/fault-stack';
import { Inboxes } from './support/inboxes';
import type { PangolinProcess } from './support/pangolin-process';
import { Progress } from './support/progress';
import { ResilientApi } from './support/resilient-api';

const APPLICATIONS = 200;
/** Submissions are spread out, so that the faults find applications at every stage. */
const SUBMISSION_SPACING_MS = 250;
/** Each kill costs a worker start and the replay of every workflow it held: more often starves the rest. */
const WORKER_KILL_EVERY_MS = 30_000;
/**
 * How long the whole deployment may stand still before the applications under way count as stuck:
 * well beyond a server restart. How long they take in all depends on the machine; it is no measure.
 */
const STUCK_AFTER_MS = 3 * 60_000;
/** A bound for the run, for jest to report a failure rather than time out: 200 journeys take 8–12 minutes here. */
const JOURNEYS_DEADLINE_MS = 25 * 60_000;

/**
 * A Party's deployment loses its parts while 200 applications are in flight: workers are killed
 * again and again, an API process is killed, the Temporal server and the database are stopped and
 * started again. Afterwards every application is where its applicant and officers took it, with
 * one permit number each, a whole timeline and an intact audit trail, and nothing left hanging.
 */
describe('crashes and restarts while 200 applications are in flight', () => {
  const stack = new FaultStack();
  let temporalConnection: Connection | undefined;

  beforeAll(async () => {
    await stack.start({ apis: 2, workers: 2 });
  }, 300_000);
  afterAll(async () => {
    await temporalConnection?.close();
    // PANGOLIN_KEEP_FAULT_LOGS=1 keeps the processes' logs and the servers' data to look into.
    if (process.env.PANGOLIN_KEEP_FAULT_LOGS) await stack.stop();
    else await stack.dispose();
  }, 120_000);

  it(
    'brings every application to its expected end, exactly once',
    async () => {
      // An answer may take long while a server restarts. A submission left running by a killed API
      // process can be taken over once its claim has lapsed (CLAIM_LEASE_MS), and the retry that
      // takes it over may itself be slow enough to lapse: a careful client keeps trying for a while.
      const api = new ResilientApi(stack.apiUrls, {
        concurrency: 24,
        requestTimeoutMs: 60_000,
        giveUpAfterMs: 3 * CLAIM_LEASE_MS + 120_000,
      });
      const officers = await signIn(api);
      // The inboxes have a line of their own, so that the officers' screens never wait behind decisions.
      const screens = new ResilientApi(stack.apiUrls, {
        concurrency: 2,
        requestTimeoutMs: 30_000,
        giveUpAfterMs: 90_000,
      });
      const inboxes = new Inboxes(screens, [officers.ma, officers.sa]);
      const progress = new Progress();
      const journey: Journey = {
        api,
        inboxes,
        officers,
        progress,
        giveUpWhenStillForMs: STUCK_AFTER_MS,
        deadline: Date.now() + JOURNEYS_DEADLINE_MS,
      };
      const faultLog: string[] = [];

      let travelling = true;
      const reading = inboxes.keepReading(() => travelling, 2_000);
      const journeys = Promise.all(
        planApplications(APPLICATIONS, randomUUID().slice(0, 8)).map(async (plan, index) => {
          await sleep(index * SUBMISSION_SPACING_MS);
          return travel(journey, plan);
        }),
      ).finally(() => (travelling = false));

      const started = Date.now();
      const strike = async (what: string, when: () => boolean, fault: () => Promise<void>) => {
        while (!when()) {
          if (!travelling) return void faultLog.push(`${what}: never, the applications were done first`);
          await sleep(200);
        }
        const at = `${Math.round((Date.now() - started) / 1000)} s (${progress.submitted} submitted, ${progress.issued} issued, ${progress.settled} settled)`;
        await fault();
        faultLog.push(`${what} at ${at}`);
      };
      const faults = Promise.all([
        killWorkersInTurn(stack.workers, () => travelling, faultLog),
        strike(
          'an API process killed',
          () => progress.submitted >= 50,
          async () => {
            await stack.apis[1]!.kill();
            await sleep(3_000);
            await stack.apis[1]!.start();
          },
        ),
        strike(
          'Temporal stopped and started',
          () => progress.submitted >= 120,
          () => stack.services.restart('temporal', 5_000),
        ),
        strike(
          'FerretDB stopped and started',
          () => progress.issued >= 10,
          () => stack.services.restart('ferretdb', 5_000),
        ),
      ]);

      const progressLog = logProgress(path.join(stack.dir, 'progress.log'), () => ({
        ...progress.toJSON(),
        retries: api.retries,
        serverErrors: api.serverErrors.length + screens.serverErrors.length,
        faults: faultLog.length,
      }));
      const results: JourneyResult[] = await journeys.finally(() => clearInterval(progressLog));
      await Promise.all([faults, reading]);
      const exits = stack.exits();
      console.log(
        `crash-and-restart: ${JSON.stringify({ dir: stack.dir, faults: faultLog, retries: api.retries, exits }, null, 2)}`,
      );

      const store = await connectStore({ uri: stack.services.ferretdb!.uri, database: stack.database });
      try {
        temporalConnection = await Connection.connect({ address: stack.services.temporal!.address });
        const temporal = new Client({ connection: temporalConnection });
        // The last steps reach the store and Temporal a moment after the permit shows them.
        let found = await discrepancies(store, temporal, results);
        for (let look = 0; found.length > 0 && look < 20; look++) {
          await sleep(3_000);
          found = await discrepancies(store, temporal, results);
        }
        const audit = await new AuditRepository(store).verify();
        // Everything that went wrong, a line each: one failed check must not hide the others.
        expect([
          ...faultLog.filter((entry) => entry.includes('never')),
          ...(faultLog.filter((entry) => entry.startsWith('worker')).length < 4
            ? ['fewer than 4 worker kills']
            : []),
          ...found,
          ...(audit.intact ? [] : [`audit trail: ${audit.firstProblem?.message}`]),
          ...[...api.serverErrors, ...screens.serverErrors].map((error) => `server error: ${error}`),
          ...exits.crashes.map((crash) => `crash: ${crash}`),
        ]).toEqual([]);
      } finally {
        await store.close();
      }
    },
    JOURNEYS_DEADLINE_MS + 5 * 60_000,
  );
});

/** The applicant and the officers who decide, endorse and confirm, signed in once for the whole run. */
async function signIn(api: ResilientApi): Promise<Officers> {
  const login = async (role: string) => {
    const answer = await api.call<{ token: string }>('/api/auth/login', {
      body: { email: `${role}@demo.test`, password: 'pangolin-demo' },
    });
    if (answer.status !== 200) throw new Error(`${role}@demo.test could not sign in: ${answer.status}`);
    return answer.body.token;
  };
  const [applicant, ma, sa, customs] = await Promise.all(['applicant', 'ma', 'sa', 'customs'].map(login));
  return { applicant: applicant!, ma: ma!, sa: sa!, customs: customs! };
}

/** SIGKILL one worker, start it again, wait, then the other: one of them is always coming back. */
async function killWorkersInTurn(workers: PangolinProcess[], going: () => boolean, log: string[]) {
  for (let turn = 0; going(); turn++) {
    await sleep(WORKER_KILL_EVERY_MS);
    if (!going()) return;
    const victim = workers[turn % workers.length]!;
    await victim.kill();
    await victim.start();
    log.push(`worker ${victim.name} killed and started again`);
  }
}

/** A line every five seconds, for whoever watches a run (or reads a kept one) to see where it is. */
function logProgress(file: string, state: () => object): NodeJS.Timeout {
  const started = Date.now();
  return setInterval(() => {
    fs.appendFileSync(file, `${Math.round((Date.now() - started) / 1000)} s ${JSON.stringify(state())}\n`);
  }, 5_000);
}
