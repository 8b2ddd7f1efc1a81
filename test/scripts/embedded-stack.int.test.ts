import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { assertPortFree, freePort } from '../../scripts/services/managed-process';
import { toolPaths } from '../../scripts/services/tool-paths';
import { projectRoot } from '../../server/project';
import { ensureBuilt } from '../support/build';
import { Launched } from '../support/launch';

const run = promisify(execFile);

async function adminToken(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.test', password: 'pangolin-demo' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

function runSystemCheck(port: number, token: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/api/system/checks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}
const launcher = path.join(projectRoot, 'dist', 'scripts', 'embedded-stack.js');

/** The environment of `npm start` on a machine where nothing Pangolin needs is running yet. */
async function stackEnv(dataDir: string) {
  const ports = {
    api: await freePort(),
    temporal: await freePort(),
    ui: await freePort(),
    db: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PANGOLIN_PARTY: 'CH',
    PANGOLIN_DATA_DIR: dataDir,
    PORT: String(ports.api),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.ui),
    PANGOLIN_DB_PORT: String(ports.db),
    NODE_ENV: 'development',
  };
  delete env.TEMPORAL_ADDRESS;
  delete env.MONGODB_URI;
  delete env.MONGODB_DATABASE;
  delete env.TEMPORAL_TASK_QUEUE;
  return { env, ports };
}

describe('npm start: the embedded stack', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-stack-'));
  beforeAll(async () => {
    await ensureBuilt();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts everything, prints the URLs, stops cleanly on Ctrl-C and resumes with the same data', async () => {
    const { env, ports } = await stackEnv(dataDir);
    const first = new Launched(process.execPath, [launcher], env);
    await first.waitFor('Press Ctrl-C to stop.');
    expect(first.output).toContain(`web app and API   http://127.0.0.1:${ports.api}/`);
    expect(first.output).toContain(`Temporal Web UI   http://127.0.0.1:${ports.ui}`);
    expect(first.output).toContain('task queue pangolin-ch');

    const health = await fetch(`http://127.0.0.1:${ports.api}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', party: 'CH', temporal: 'ok', database: 'ok' });
    const ui = await fetch(`http://127.0.0.1:${ports.ui}/`);
    expect(ui.status).toBe(200);

    const started = await runSystemCheck(ports.api, await adminToken(ports.api));
    expect(started.status).toBe(201);
    const metrics = await (await fetch(`http://127.0.0.1:${ports.api}/metrics`)).text();
    expect(metrics).toMatch(
      /pangolin_http_requests_total\{method="POST",route="\/api\/system\/checks",status="201"\} 1/,
    );
    expect(metrics).toMatch(/temporal_workflow_completed\{[^}]*workflow_type="systemCheckWorkflow"[^}]*\} 1/);
    expect(metrics).toMatch(/temporal_activity_execution_latency/);
    const about = (await (await fetch(`http://127.0.0.1:${ports.api}/api/about`)).json()) as Record<
      string,
      unknown
    >;
    expect(about).toMatchObject({ party: 'CH', demo: true, temporalUiUrl: `http://127.0.0.1:${ports.ui}` });
    const check = (await started.json()) as { checkId: string; workflowId: string };

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    for (const [name, port] of Object.entries(ports)) await assertPortFree('127.0.0.1', port, name, name);

    const second = new Launched(process.execPath, [launcher], env);
    try {
      await second.waitFor('Press Ctrl-C to stop.');
      const again = await fetch(`http://127.0.0.1:${ports.api}/api/system/checks/${check.checkId}`, {
        headers: { authorization: `Bearer ${await adminToken(ports.api)}` },
      });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ checkId: check.checkId, workflowId: check.workflowId });
      const { stdout } = await run(toolPaths.temporal, [
        'workflow',
        'list',
        '--address',
        `127.0.0.1:${ports.temporal}`,
        '--output',
        'json',
      ]);
      expect(stdout).toContain(check.workflowId);
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  });

  it('names a port that is already taken instead of hanging', async () => {
    const { env, ports } = await stackEnv(fs.mkdtempSync(path.join(dataDir, 'busy-')));
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(ports.api, '127.0.0.1', resolve));
    try {
      const stack = new Launched(process.execPath, [launcher], env);
      expect(await stack.exited).toBe(1);
      expect(stack.output).toContain(`Port ${ports.api} on 127.0.0.1 (API and web app) is already in use`);
      expect(stack.output).toContain('set PORT');
    } finally {
      squatter.close();
    }
  });

  it('says which data file is damaged', async () => {
    const damaged = fs.mkdtempSync(path.join(dataDir, 'damaged-'));
    fs.writeFileSync(path.join(damaged, 'temporal.db'), Buffer.alloc(8192, 7));
    const { env } = await stackEnv(damaged);
    const stack = new Launched(process.execPath, [launcher], env);
    expect(await stack.exited).toBe(1);
    expect(stack.output).toContain(
      `The Temporal data file ${path.join(damaged, 'temporal.db')} looks damaged`,
    );
  });

  it('stops everything with a message when one of its processes dies', async () => {
    const { env, ports } = await stackEnv(fs.mkdtempSync(path.join(dataDir, 'crash-')));
    const stack = new Launched(process.execPath, [launcher], env);
    await stack.waitFor('Press Ctrl-C to stop.');
    const workerPid = Number(/"identity":"[^"]*:(\d+)"/.exec(stack.output)?.[1]);
    expect(workerPid).toBeGreaterThan(0);
    process.kill(workerPid, 'SIGKILL');
    expect(await stack.exited).toBe(1);
    expect(stack.output).toContain('worker was killed by SIGKILL');
    for (const [name, port] of Object.entries(ports)) await assertPortFree('127.0.0.1', port, name, name);
  });
});

describe('npm run serve: only the API and the worker, against given servers', () => {
  const serve = path.join(projectRoot, 'dist', 'scripts', 'serve.js');
  beforeAll(async () => {
    await ensureBuilt();
  });

  it('joins the running Temporal server and database and starts nothing else', async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      PANGOLIN_PARTY: 'FR',
      PORT: String(port),
      MONGODB_DATABASE: `pangolin-serve-${port}`,
      TEMPORAL_TASK_QUEUE: `pangolin-serve-${port}`,
    };
    const served = new Launched(process.execPath, [serve], env);
    try {
      await served.waitFor('Press Ctrl-C to stop.');
      expect(served.output).not.toContain('starting the Temporal dev server');
      expect(served.output).not.toContain('starting FerretDB');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', party: 'FR' });
      const check = await runSystemCheck(port, await adminToken(port));
      expect(check.status).toBe(201);
    } finally {
      served.child.kill('SIGINT');
      expect(await served.exited).toBe(0);
    }
  });

  it('refuses to start without TEMPORAL_ADDRESS and MONGODB_URI', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()) };
    delete env.TEMPORAL_ADDRESS;
    const served = new Launched(process.execPath, [serve], env);
    expect(await served.exited).toBe(1);
    expect(served.output).toContain('npm run serve needs TEMPORAL_ADDRESS and MONGODB_URI');
  });
});
