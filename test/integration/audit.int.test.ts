import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { connectStore } from '../../store/connection';
import { AuditRepository, entryHash } from '../../store/audit';
import { AuditLinks } from '../../store/audit-links';
import { projectRoot } from '../../server/project';
import { ensureBuilt } from '../support/build';
import { testConfig } from '../support/test-stack';
import type { Connection } from 'mongoose';

const run = promisify(execFile);

function event(n: number) {
  return {
    actor: { userId: `u${n % 3}`, email: `officer${n % 3}@example.org`, roles: ['ma_officer'] },
    action: 'permit.issued',
    objectType: 'permit',
    objectId: `KE26${String(n).padStart(6, '0')}E`,
    before: { status: 'approved' },
    after: { status: 'issued', n },
    requestId: `req-${n}`,
  };
}

describe('the audit trail is a hash chain that shows tampering', () => {
  const config = testConfig();
  let store: Connection;
  let trail: AuditRepository;
  beforeAll(async () => {
    store = await connectStore({ uri: config.mongo.uri!, database: config.mongo.database });
  });
  afterAll(async () => {
    await store.dropDatabase();
    await store.close();
  });
  beforeEach(async () => {
    await store.collection('auditTrail').deleteMany({});
    await store.collection('auditTrailLinks').deleteMany({});
    // A new repository, as a process starting on this trail would have: none remembers a head.
    trail = new AuditRepository(store);
  });

  it('chains concurrent appends without gaps or forks, also from two processes at once', async () => {
    // A second repository has its own queue, like a second API process: its appends really race.
    const otherProcess = new AuditRepository(
      await connectStore({ uri: config.mongo.uri!, database: config.mongo.database }),
    );
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => (n % 2 === 0 ? trail : otherProcess).append(event(n))),
    );
    const verification = await trail.verify();
    expect(verification).toMatchObject({ intact: true, checked: 40, head: { seq: 40 } });
    const entries = await trail.list(100);
    expect(new Set(entries.map((entry) => entry.prevHash)).size).toBe(40);
    expect(entries[0]!.beforeDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entries)).not.toContain('approved');
  });

  it('catches up with hundreds of entries appended elsewhere in a few dozen lookups, not one per entry', async () => {
    const otherConnection = await connectStore({ uri: config.mongo.uri!, database: config.mongo.database });
    const otherProcess = new AuditRepository(otherConnection);
    await trail.append(event(0));
    // The other process appends 300 while this one appends nothing, one at a time.
    for (let n = 1; n <= 300; n++) await otherProcess.append(event(n));
    const lookups = jest.spyOn(AuditLinks.prototype as unknown as { at: (seq: number) => unknown }, 'at');
    try {
      // This process still takes entry 1 for the newest: its append collides and catches up.
      const appended = await trail.append(event(301));
      expect(appended.seq).toBe(302);
      // Doubling from entry 1 to 257, then bisecting up to 301: about 2 × log2(300).
      expect(lookups.mock.calls.length).toBeLessThanOrEqual(24);
    } finally {
      lookups.mockRestore();
      await otherConnection.close();
    }
    expect(await trail.verify()).toMatchObject({ intact: true, checked: 302 });
  });

  it.each([
    ['a changed field', { $set: { action: 'permit.cancelled' } }, { seq: 3, kind: 'altered' }],
    ['a changed actor', { $set: { 'actor.email': 'someone@else.org' } }, { seq: 3, kind: 'altered' }],
    ['a changed before-digest', { $set: { beforeDigest: 'f'.repeat(64) } }, { seq: 3, kind: 'altered' }],
  ])('names the first altered entry after %s', async (_change, update, problem) => {
    for (let n = 1; n <= 5; n++) await trail.append(event(n));
    await store.collection('auditTrail').updateOne({ seq: 3 }, update);
    expect(await trail.verify()).toMatchObject({ intact: false, checked: 2, firstProblem: problem });
  });

  it('names an entry altered with its hash recomputed, by the broken link to the next one', async () => {
    for (let n = 1; n <= 5; n++) await trail.append(event(n));
    const [forged] = await store.collection('auditTrail').find({ seq: 2 }).toArray();
    const { _id, hash: _hash, ...rest } = forged!;
    const altered = { ...rest, action: 'permit.cancelled' } as never as Parameters<typeof entryHash>[0];
    await store
      .collection('auditTrail')
      .updateOne({ _id }, { $set: { action: 'permit.cancelled', hash: entryHash(altered) } });
    expect(await trail.verify()).toMatchObject({ intact: false, firstProblem: { seq: 2, kind: 'altered' } });
  });

  it('names a missing entry', async () => {
    for (let n = 1; n <= 5; n++) await trail.append(event(n));
    await store.collection('auditTrail').deleteOne({ seq: 4 });
    expect(await trail.verify()).toMatchObject({
      intact: false,
      checked: 3,
      firstProblem: { seq: 4, kind: 'missing' },
    });
  });

  it('is verified by a command that exits non-zero naming the problem', async () => {
    for (let n = 1; n <= 3; n++) await trail.append(event(n));
    await ensureBuilt();
    const env = { ...process.env, MONGODB_URI: config.mongo.uri, MONGODB_DATABASE: config.mongo.database };
    const command = path.join(projectRoot, 'dist', 'scripts', 'verify-audit.js');
    const intact = await run(process.execPath, [command], { env });
    expect(intact.stdout).toMatch(/^audit trail intact: 3 entries, head 3 [0-9a-f]{64}/);

    await store.collection('auditTrail').updateOne({ seq: 2 }, { $set: { objectId: 'KE26999999E' } });
    const broken = await run(process.execPath, [command], { env }).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(broken).toMatchObject({ code: 1 });
    expect((broken as { stdout: string }).stdout).toContain('Entry 2 was altered');
  });
});
