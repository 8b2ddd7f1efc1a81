import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/project';
import { ensureBuilt } from '../support/build';
import { startTestStack, testConfig, type TestStack } from '../support/test-stack';
import { authenticatorCode } from '../support/totp';

const run = promisify(execFile);

describe('identity: accounts, sessions, lock-out and the second factor', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await startTestStack(
      testConfig({ PANGOLIN_LOCK_AFTER_FAILURES: '3', PANGOLIN_LOCK_MINUTES: '15' }),
    );
    admin = await stack.login('admin@demo.test');
  });
  afterAll(() => stack?.close());

  async function newUser(email: string, roles = ['ma_officer']) {
    const created = await stack.api<{ id: string }>('/api/users', {
      token: admin,
      body: { email, name: 'Test Officer', roles, password: 'correct horse battery' },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('seeds one demo account per role of the contract', async () => {
    const users = await stack.api<Array<{ email: string; roles: string[] }>>('/api/users', { token: admin });
    const demo = users.body.filter((user) => user.email.endsWith('@demo.test'));
    expect(Object.fromEntries(demo.map((user) => [user.email, user.roles]))).toEqual({
      'admin@demo.test': ['admin'],
      'applicant@demo.test': ['applicant'],
      'auditor@demo.test': ['auditor'],
      'customs@demo.test': ['customs_officer'],
      'designer@demo.test': ['form_designer'],
      'ma@demo.test': ['ma_officer'],
      'publisher@demo.test': ['form_publisher'],
      'sa@demo.test': ['sa_officer'],
    });
    expect(JSON.stringify(users.body)).not.toMatch(/passwordHash|totpSecret|argon2/);
  });

  it('signs in with a bearer token and an httpOnly, SameSite session cookie, and signs out', async () => {
    const login = await stack.api<{ token: string; user: { email: string } }>('/api/auth/login', {
      body: { email: 'MA@demo.test', password: 'pangolin-demo' },
    });
    expect(login.status).toBe(200);
    expect(login.body.user.email).toBe('ma@demo.test');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^pangolin_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = /^pangolin_session=([\w-]+)/.exec(cookie)![1]!;
    expect(session).toBe(login.body.token);

    const byCookie = await stack.api('/api/auth/me', { headers: { cookie: `pangolin_session=${session}` } });
    expect(byCookie.status).toBe(200);
    const byBearer = await stack.api('/api/auth/me', { token: login.body.token });
    expect(byBearer.status).toBe(200);

    expect((await stack.api('/api/auth/logout', { method: 'POST', token: login.body.token })).status).toBe(
      204,
    );
    expect((await stack.api('/api/auth/me', { token: login.body.token })).status).toBe(401);
  });

  it('answers a wrong password and an unknown email alike, without saying which', async () => {
    const wrongPassword = await stack.api('/api/auth/login', {
      body: { email: 'sa@demo.test', password: 'nope' },
    });
    const unknown = await stack.api('/api/auth/login', {
      body: { email: 'nobody@demo.test', password: 'nope' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrongPassword.body.detail).toBe(unknown.body.detail);
  });

  it('locks an account for a while after repeated failures, even with the right password, and audits it', async () => {
    const id = await newUser('locked@example.org');
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(
        (
          await stack.api('/api/auth/login', {
            body: { email: 'locked@example.org', password: 'wrong password!' },
          })
        ).status,
      ).toBe(401);
    }
    const locked = await stack.api('/api/auth/login', {
      body: { email: 'locked@example.org', password: 'correct horse battery' },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/locked for 15 more minutes/);

    const auditor = await stack.login('auditor@demo.test');
    const trail = await stack.api<{ entries: Array<{ action: string; objectId: string }> }>(
      '/api/audit?limit=20',
      { token: auditor },
    );
    expect(trail.body.entries).toContainEqual(
      expect.objectContaining({ action: 'user.locked-out', objectId: id }),
    );

    const unlocked = await stack.api(`/api/users/${id}`, {
      method: 'PATCH',
      token: admin,
      body: { unlock: true },
    });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect(
      (
        await stack.api('/api/auth/login', {
          body: { email: 'locked@example.org', password: 'correct horse battery' },
        })
      ).status,
    ).toBe(200);
  });

  it('asks for the TOTP code once set up, and refuses a wrong or replayed code', async () => {
    await newUser('totp@example.org');
    const token = await stack.login('totp@example.org', 'correct horse battery');
    const setup = await stack.api<{ secret: string; otpauthUrl: string }>('/api/auth/totp/setup', {
      method: 'POST',
      token,
    });
    expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);
    // A code from another secret: wrong but for a one-in-a-million coincidence.
    const wrongCode = authenticatorCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const refused = await stack.api('/api/auth/totp/enable', { token, body: { code: wrongCode } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ path: '/code', message: 'is wrong' }]);
    const now = Date.now();
    expect(
      (
        await stack.api('/api/auth/totp/enable', {
          token,
          body: { code: authenticatorCode(setup.body.secret, now - 30_000) },
        })
      ).status,
    ).toBe(204);

    const withoutCode = await stack.api('/api/auth/login', {
      body: { email: 'totp@example.org', password: 'correct horse battery' },
    });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.secondFactorRequired).toBe(true);

    const code = authenticatorCode(setup.body.secret);
    const withCode = await stack.api('/api/auth/login', {
      body: { email: 'totp@example.org', password: 'correct horse battery', totp: code },
    });
    expect(withCode.status).toBe(200);
    const replayed = await stack.api('/api/auth/login', {
      body: { email: 'totp@example.org', password: 'correct horse battery', totp: code },
    });
    expect(replayed.status).toBe(401);
    expect(replayed.body.secondFactorRequired).toBe(true);
  });

  it('holds an officer who must use a second factor at the set-up until it is done', async () => {
    const id = await newUser('must-enrol@example.org', ['auditor']);
    await stack.api(`/api/users/${id}`, { method: 'PATCH', token: admin, body: { totpRequired: true } });
    const token = await stack.login('must-enrol@example.org', 'correct horse battery');
    const me = await stack.api<{ user: { mustEnrollSecondFactor: boolean } }>('/api/auth/me', { token });
    expect(me.body.user.mustEnrollSecondFactor).toBe(true);
    const blocked = await stack.api('/api/audit', { token });
    expect(blocked.status).toBe(403);
    expect(blocked.body.detail).toMatch(/two-factor/);

    const setup = await stack.api<{ secret: string }>('/api/auth/totp/setup', { method: 'POST', token });
    await stack.api('/api/auth/totp/enable', { token, body: { code: authenticatorCode(setup.body.secret) } });
    expect((await stack.api('/api/audit', { token })).status).toBe(200);
  });

  it('changes a password, refusing a weak one, and signs out the other sessions', async () => {
    await newUser('changer@example.org');
    const here = await stack.login('changer@example.org', 'correct horse battery');
    const elsewhere = await stack.login('changer@example.org', 'correct horse battery');
    const weak = await stack.api('/api/auth/password', {
      token: here,
      body: { currentPassword: 'correct horse battery', newPassword: 'short' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body.errors).toEqual([{ path: '/newPassword', message: 'Use at least 12 characters.' }]);
    const changed = await stack.api('/api/auth/password', {
      token: here,
      body: { currentPassword: 'correct horse battery', newPassword: 'a much longer passphrase' },
    });
    expect(changed.status).toBe(204);
    expect((await stack.api('/api/auth/me', { token: here })).status).toBe(200);
    expect((await stack.api('/api/auth/me', { token: elsewhere })).status).toBe(401);
    await expect(stack.login('changer@example.org', 'correct horse battery')).rejects.toThrow(/401/);
    await expect(stack.login('changer@example.org', 'a much longer passphrase')).resolves.toEqual(
      expect.any(String),
    );
  });

  it('ends the sessions of a disabled account and refuses its sign-in', async () => {
    const id = await newUser('leaver@example.org');
    const token = await stack.login('leaver@example.org', 'correct horse battery');
    expect(
      (await stack.api(`/api/users/${id}`, { method: 'PATCH', token: admin, body: { disabled: true } }))
        .status,
    ).toBe(200);
    expect((await stack.api('/api/auth/me', { token })).status).toBe(401);
    expect(
      (
        await stack.api('/api/auth/login', {
          body: { email: 'leaver@example.org', password: 'correct horse battery' },
        })
      ).status,
    ).toBe(401);
  });

  it('keeps an admin from locking themselves out', async () => {
    const me = await stack.api<{ user: { id: string } }>('/api/auth/me', { token: admin });
    const answer = await stack.api(`/api/users/${me.body.user.id}`, {
      method: 'PATCH',
      token: admin,
      body: { roles: ['auditor'] },
    });
    expect(answer.status).toBe(409);
  });

  it('creates the first admin of a real deployment from the command line, where no demo account exists', async () => {
    await ensureBuilt();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PANGOLIN_PARTY: 'KE',
      MONGODB_URI: stack.config.mongo.uri,
      MONGODB_DATABASE: `${stack.config.mongo.database}-production`,
      PANGOLIN_ADMIN_PASSWORD: 'first admin passphrase',
    };
    const script = path.join(projectRoot, 'dist', 'scripts', 'create-admin.js');
    const { stdout } = await run(
      process.execPath,
      [script, '--email', 'Head@MA.example', '--name', 'Head of MA'],
      { env },
    );
    expect(stdout).toContain('created admin head@ma.example for Party KE');
    const again = await run(
      process.execPath,
      [script, '--email', 'head@ma.example', '--name', 'Head of MA'],
      { env },
    ).catch((error: { stderr: string }) => error);
    expect((again as { stderr: string }).stderr).toContain('An account for head@ma.example already exists.');
    const users = await stack.store
      .useDb(`${stack.config.mongo.database}-production`)
      .collection('users')
      .find()
      .toArray();
    expect(users.map((user) => [user.email, user.roles])).toEqual([['head@ma.example', ['admin']]]);
  });
});
