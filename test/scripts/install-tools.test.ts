import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/project';

const run = promisify(execFile);
const script = path.join(projectRoot, 'scripts', 'install-tools.sh');
const realTools = path.join(projectRoot, '.tools');

/** A PATH with the basic shell tools but neither python3 nor go, like a bare machine. */
function barePath(dir: string): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  for (const tool of [
    'bash',
    'mkdir',
    'dirname',
    'grep',
    'sed',
    'cat',
    'rm',
    'cp',
    'chmod',
    'id',
    'printf',
  ]) {
    const found = ['/usr/bin', '/bin']
      .map((d) => path.join(d, tool))
      .find((candidate) => fs.existsSync(candidate));
    if (found) fs.symlinkSync(found, path.join(bin, tool));
  }
  return bin;
}

async function install(env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('/bin/bash', [script], { env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('scripts/install-tools.sh', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-tools-'));
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('skips what is installed at the pinned versions', async () => {
    const result = await install({ ...process.env, PANGOLIN_TOOLS_DIR: realTools });
    expect(result.code).toBe(0);
    expect(result.output).toContain('Temporal CLI 1.9.1 and test server 1.40.0 already installed');
    expect(result.output).toContain('FerretDB v1.24.2 already installed');
  });

  it('stops with one clear line when python3 is missing', async () => {
    const tools = path.join(scratch, 'tools');
    const result = await install({ PATH: barePath(scratch), PANGOLIN_TOOLS_DIR: tools });
    expect(result.code).toBe(1);
    expect(result.output.trim()).toBe(
      '[tools] python3 is missing: install Python 3 with venv (Debian: apt-get install python3 python3-venv).',
    );
  });

  it('stops with one clear line when go is missing and FerretDB must be built', async () => {
    const tools = path.join(scratch, 'tools');
    fs.mkdirSync(tools);
    fs.symlinkSync(path.join(realTools, 'venv'), path.join(tools, 'venv'));
    const result = await install({ PATH: barePath(scratch), PANGOLIN_TOOLS_DIR: tools });
    expect(result.code).toBe(1);
    expect(result.output.trim().split('\n').pop()).toBe(
      '[tools] go is missing: install Go 1.22 or newer (https://go.dev/doc/install or Debian: apt-get install golang).',
    );
  });
});
