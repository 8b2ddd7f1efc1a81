import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const projectRoot = path.join(__dirname, '..', '..');

/**
 * `npm run exchange:demo` as anyone would run it: two Parties started as separate processes on
 * their own Temporal server and FerretDB, a permit sent, endorsed, confirmed and closed as used.
 */
describe('the exchange demo', () => {
  it('runs the whole round trip between two Parties on this machine', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(projectRoot, 'dist', 'scripts', 'exchange-demo.js')],
      { cwd: projectRoot, env: { ...process.env, TEMPORAL_ADDRESS: '', MONGODB_URI: '' } },
    );
    expect(stdout).toMatch(/KE issued export permit (KE\d{8}-E)/);
    expect(stdout).toContain('DE received');
    expect(stdout).toMatch(/KE's permit KE\d{8}-E is used, with DE's quantities \[47\]/);
    expect(stdout).toContain('round trip complete');
  }, 600_000);
});
