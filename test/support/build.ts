import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/project';

const run = promisify(execFile);

const sources = [
  'domain',
  'forms',
  'workflows',
  'activities',
  'store',
  'server',
  'scripts',
  'admin-ui/src',
  'admin-ui/index.html',
  'admin-ui/vite.config.mts',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
].map((entry) => path.join(projectRoot, entry));
const stamp = path.join(projectRoot, 'dist', '.build-stamp');

function newestChange(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...fs.readdirSync(target).map((entry) => newestChange(path.join(target, entry))),
  );
}

function buildIsCurrent(): boolean {
  const built = fs.statSync(stamp, { throwIfNoEntry: false });
  return Boolean(built) && built!.mtimeMs >= Math.max(...sources.map(newestChange));
}

/**
 * Runs `npm run build` when dist/ (server, worker bundle, web app) is older than its sources.
 * Suites that start the real entry points or load the web app need it; the global setup calls it
 * first, and a lock keeps parallel workers from building over each other.
 */
export async function ensureBuilt(): Promise<void> {
  if (buildIsCurrent()) return;
  const lock = path.join(
    os.tmpdir(),
    `pangolin-build-${Buffer.from(projectRoot).toString('hex').slice(-24)}`,
  );
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      // A build never takes this long; the lock belongs to a worker that was killed.
      if (held && Date.now() - held.mtimeMs > 240_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for the build (lock ${lock})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (!buildIsCurrent()) {
      await run('npm', ['run', 'build', '--silent'], { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 });
      fs.writeFileSync(stamp, new Date().toISOString());
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
