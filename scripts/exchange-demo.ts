import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import example from '../examples/applications/export-appendix-ii-wild.json';
import { apiClient, approveUntilIssued, type ApiCall } from './demo/api-client';
import { startFerretDb } from './services/ferretdb';
import { errorMessage, freePort, ManagedProcess, waitUntilHealthy } from './services/managed-process';
import { startTemporalDevServer } from './services/temporal-dev-server';

const say = (line: string) => process.stdout.write(`[exchange demo] ${line}\n`);
const PASSWORD = 'pangolin-demo';

interface Party {
  code: string;
  baseUrl: string;
  call: ApiCall;
  login: (email: string) => Promise<string>;
}

/**
 * `npm run exchange:demo`: Kenya and Germany on one machine, each with its own API, worker and
 * database on one Temporal server and one FerretDB, exchanging a permit end to end: Kenya issues an
 * export permit for pythons going to Germany, Germany receives it, Kenyan customs endorse it,
 * German customs confirm what arrived, and Kenya's permit ends as used. Everything runs in a
 * temporary directory and stops at the end; exit code 0 means the round trip worked.
 */
async function main(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-exchange-demo-'));
  const processes: ManagedProcess[] = [];
  const stopAll = async () => {
    for (const child of [...processes].reverse()) await child.stop(15_000);
  };
  try {
    say(`working in ${workDir}`);
    const temporal = await startTemporalDevServer({
      port: await freePort(),
      dbFile: path.join(workDir, 'temporal.db'),
      logFile: path.join(workDir, 'temporal.log'),
    });
    processes.push(temporal.process);
    const ferretdb = await startFerretDb({
      port: await freePort(),
      dataDir: path.join(workDir, 'ferretdb'),
      logFile: path.join(workDir, 'ferretdb.log'),
    });
    processes.push(ferretdb.process);
    say(`Temporal at ${temporal.address}, FerretDB at ${ferretdb.uri}`);

    const start = async (code: string): Promise<Party> => {
      const port = await freePort();
      // What anyone runs for a second Party: npm run serve with its own Party, port and database.
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PANGOLIN_PARTY: code,
        PORT: String(port),
        MONGODB_DATABASE: `pangolin-${code.toLowerCase()}-demo`,
        TEMPORAL_ADDRESS: temporal.address,
        MONGODB_URI: ferretdb.uri,
        PANGOLIN_DATA_DIR: path.join(workDir, code.toLowerCase()),
        PANGOLIN_DEMO: 'true',
        PANGOLIN_DEMO_PASSWORD: PASSWORD,
        PANGOLIN_WORKER_METRICS_PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
      };
      const entry = (name: string) => path.join(__dirname, '..', 'server', `${name}.js`);
      const worker = ManagedProcess.start(`${code} worker`, process.execPath, [entry('worker-main')], {
        env,
        ipc: true,
        logFile: path.join(workDir, `${code}-worker.log`),
      });
      processes.push(worker);
      await worker.ready();
      const api = ManagedProcess.start(`${code} API`, process.execPath, [entry('api-main')], {
        env,
        ipc: true,
        logFile: path.join(workDir, `${code}-api.log`),
      });
      processes.push(api);
      await api.ready();
      const baseUrl = `http://127.0.0.1:${port}`;
      await waitUntilHealthy(
        api,
        `${code}'s API`,
        async () => {
          const health = await fetch(`${baseUrl}/healthz`);
          if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
        },
        60_000,
      );
      const client = apiClient(baseUrl);
      say(`${code} is up at ${baseUrl}`);
      return { code, baseUrl, call: client.call, login: (email) => client.login(email, PASSWORD) };
    };
    const [kenya, germany] = [await start('KE'), await start('DE')];

    for (const [party, peer] of [
      [kenya, germany],
      [germany, kenya],
    ] as const) {
      const admin = await party.login('admin@demo.test');
      const saved = await party.call('/api/exchange/peers', {
        token: admin,
        body: { party: peer.code, baseUrl: peer.baseUrl, jwksUrl: `${peer.baseUrl}/.well-known/jwks.json` },
      });
      if (saved.status !== 200) throw new Error(`${party.code} could not list ${peer.code} as a peer`);
    }
    say('each lists the other as a trusted peer');

    const tokens = {
      applicant: await kenya.login('applicant@demo.test'),
      ma: await kenya.login('ma@demo.test'),
      sa: await kenya.login('sa@demo.test'),
    };
    const permit = await approveUntilIssued(kenya.call, tokens, example);
    say(`KE issued export permit ${permit.number} for 50 Python regius to DE`);

    const germanCustoms = await germany.login('customs@demo.test');
    type Incoming = { id: string; number: string; status: string; exportEndorsement?: unknown };
    const incoming = async () =>
      (await germany.call<Incoming[]>('/api/exchange/incoming', { token: germanCustoms })).body.find(
        (candidate) => candidate.number === permit.number,
      );
    const arrived = await until('the permit to reach DE', incoming);
    say(`DE received ${arrived.number}, signature verified, as an expected consignment`);

    const kenyanCustoms = await kenya.login('customs@demo.test');
    const endorsed = await kenya.call(`/api/permits/${permit.id}/endorsement`, {
      token: kenyanCustoms,
      body: {
        blocks: [{ block: 'A', quantity: 48 }],
        port: 'Nairobi JKIA',
        date: today(),
        billOfLading: 'AWB 706-1',
      },
    });
    if (endorsed.status !== 200)
      throw new Error(`the endorsement was refused: ${JSON.stringify(endorsed.body)}`);
    await until('the endorsement to reach DE', async () =>
      (await incoming())?.exportEndorsement ? true : undefined,
    );
    say('KE customs endorsed 48 at Nairobi JKIA; DE knows what left');

    const confirmed = await germany.call(
      `/api/exchange/incoming/${encodeURIComponent(arrived.id)}/confirmation`,
      {
        token: germanCustoms,
        body: { blocks: [{ block: 'A', quantity: 47 }], date: today() },
      },
    );
    if (confirmed.status !== 200)
      throw new Error(`the confirmation was refused: ${JSON.stringify(confirmed.body)}`);
    say('DE customs confirmed 47 arrived');

    const used = await until('the permit to be used in KE', async () => {
      const answer = await kenya.call<{ status: string; importConfirmation?: { quantities: number[] } }>(
        `/api/permits/${permit.id}`,
        { token: tokens.ma },
      );
      return answer.body.status === 'used' ? answer.body : undefined;
    });
    say(
      `KE's permit ${permit.number} is used, with DE's quantities ${JSON.stringify(used.importConfirmation?.quantities)}`,
    );
    say('round trip complete');
  } finally {
    await stopAll();
  }
}

const today = () => new Date().toISOString().slice(0, 10);

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(errorMessage(error));
    process.exit(1);
  },
);
