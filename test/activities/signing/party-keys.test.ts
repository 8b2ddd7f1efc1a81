import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  jwkThumbprint,
  jwksOf,
  keyIdFor,
  loadPartyKeys,
  rotatePartyKeys,
  signingKeysVariable,
} from '../../../activities/signing/party-keys';

// RFC 8037 appendix A.1-A.3: an Ed25519 key and its RFC 7638 thumbprint.
const rfcKey = {
  kty: 'OKP',
  crv: 'Ed25519',
  d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
  x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
};

let keysDir: string;
beforeEach(() => {
  keysDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-keys-')), 'keys');
});
afterEach(() => {
  fs.rmSync(path.dirname(keysDir), { recursive: true, force: true });
});

const development = { party: 'KE', environment: {}, production: false };

function privateJwk(kid: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { kty, crv, x, d } = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return { kid, kty, crv, x, d, ...extra };
}

function keyFiles(): string[] {
  return fs.readdirSync(keysDir).filter((name) => name.endsWith('.jwk.json'));
}

describe('key ids', () => {
  it('use the RFC 7638 thumbprint (RFC 8037 test vector)', () => {
    const publicKey = createPrivateKey({ key: rfcKey, format: 'jwk' });
    expect(jwkThumbprint(publicKey)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    expect(keyIdFor('KE', publicKey, new Date('2026-03-09T23:59:00Z'))).toBe('KE-20260309-kPrK_qmx');
  });
});

describe('loadPartyKeys from a keys directory', () => {
  it('generates a key on the first development start and loads the same one back', async () => {
    const first = await loadPartyKeys({ ...development, keysDir });
    expect(first.active.kid).toMatch(/^KE-\d{8}-[\w-]{8}$/);
    expect(first.retired).toEqual([]);
    expect(keyFiles()).toEqual([`${first.active.kid}.jwk.json`]);

    const again = await loadPartyKeys({ ...development, keysDir, production: true });
    expect(again.active.kid).toBe(first.active.kid);
    expect(again.active.publicKey.equals(first.active.publicKey)).toBe(true);
    expect(again.active.createdAt).toBe(first.active.createdAt);
  });

  it('writes the private key readable by its owner only, in a directory only its owner can enter', async () => {
    const ring = await loadPartyKeys({ ...development, keysDir });
    expect(fs.statSync(path.join(keysDir, `${ring.active.kid}.jwk.json`)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(keysDir).mode & 0o777).toBe(0o700);
  });

  it('creates a single key when the API and the worker start together', async () => {
    const rings = await Promise.all([1, 2, 3].map(() => loadPartyKeys({ ...development, keysDir })));
    expect(new Set(rings.map((ring) => ring.active.kid)).size).toBe(1);
    expect(keyFiles()).toHaveLength(1);
  });

  it('refuses to start in production without a key, saying what to set', async () => {
    const start = loadPartyKeys({ ...development, keysDir, production: true });
    await expect(start).rejects.toThrow(signingKeysVariable);
    await expect(start).rejects.toThrow(keysDir);
    await expect(start).rejects.toThrow('npm run keys:rotate');
    expect(fs.existsSync(keysDir)).toBe(false);
  });

  it('refuses without a keys directory or the variable', async () => {
    await expect(loadPartyKeys(development)).rejects.toThrow(signingKeysVariable);
  });

  it.each<[string, string, (key: Record<string, unknown>) => string]>([
    ['not JSON', 'is not valid JSON', (key) => JSON.stringify(key).replace(/}$/, ',}')],
    ['not an object', 'is not a JWK object', (key) => JSON.stringify([key])],
    ['without kid', 'kid must be', (key) => JSON.stringify({ ...key, kid: undefined })],
    ['an RSA key', 'only Ed25519 keys', (key) => JSON.stringify({ ...key, kty: 'RSA' })],
    [
      'with a short d',
      'd must be the 32-byte',
      (key) => JSON.stringify({ ...key, d: String(key.d).slice(0, 40) }),
    ],
    [
      'with the x of another key',
      'x is not the public key of d',
      (key) => JSON.stringify({ ...key, x: rfcKey.x }),
    ],
    ['without createdAt', 'createdAt is missing', (key) => JSON.stringify({ ...key, createdAt: undefined })],
    [
      'with a createdAt that is no date',
      'createdAt must be an ISO 8601',
      (key) => JSON.stringify({ ...key, createdAt: 'yesterday' }),
    ],
  ])('names the file, never the private key, when it is %s', async (_case, reason, content) => {
    const key = privateJwk('KE-1', { createdAt: '2026-01-01T00:00:00Z' });
    const file = path.join(keysDir, 'KE-1.jwk.json');
    fs.mkdirSync(keysDir, { recursive: true });
    fs.writeFileSync(file, content(key), { mode: 0o600 });
    const error = await loadPartyKeys({ ...development, keysDir }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain(reason);
    expect((error as Error).message).not.toContain(String(key.d).slice(0, 20));
  });

  it('refuses two active keys rather than pick one', async () => {
    fs.mkdirSync(keysDir, { recursive: true });
    for (const kid of ['KE-a', 'KE-b'])
      fs.writeFileSync(
        path.join(keysDir, `${kid}.jwk.json`),
        JSON.stringify(privateJwk(kid, { createdAt: '2026-01-01T00:00:00Z' })),
      );
    await expect(loadPartyKeys({ ...development, keysDir })).rejects.toThrow(/exactly one .* found 2/);
  });
});

describe('loadPartyKeys from PANGOLIN_SIGNING_KEYS', () => {
  it('uses the one key not retired and keeps the retired ones for verifying, without their private part', async () => {
    const keys = [
      privateJwk('KE-old', { retired: true, createdAt: '2025-01-01T00:00:00Z' }),
      privateJwk('KE-now'),
    ];
    const environment = { [signingKeysVariable]: JSON.stringify(keys) };
    const ring = await loadPartyKeys({ party: 'KE', keysDir, environment, production: true });
    expect(ring.active.kid).toBe('KE-now');
    expect(ring.active.privateKey.export({ format: 'jwk' }).d).toBe(keys[1]!.d);
    expect(ring.retired.map((key) => key.kid)).toEqual(['KE-old']);
    expect(ring.retired[0]!.privateKey).toBeUndefined();
    expect(fs.existsSync(keysDir)).toBe(false);
  });

  it.each<[string, string, (secret: Record<string, unknown>) => unknown]>([
    ['not JSON', 'is not valid JSON', (secret) => `[{"d":"${String(secret.d)}"`],
    ['not an array', 'must be a JSON array', (secret) => JSON.stringify(secret)],
    ['with every key retired', 'found 0', (secret) => JSON.stringify([{ ...secret, retired: true }])],
    ['with two active keys', 'found 2', (secret) => JSON.stringify([secret, privateJwk('KE-2')])],
    [
      'with a kid used twice',
      'is already used by',
      (secret) => JSON.stringify([secret, { ...privateJwk('KE-1'), retired: true }]),
    ],
    [
      'with an active key without d',
      'has no private part d',
      (secret) => JSON.stringify([{ ...secret, d: undefined }]),
    ],
    [
      'with a retired flag that is not a boolean',
      'retired must be true or false',
      (secret) => JSON.stringify([{ ...secret, retired: 'yes' }]),
    ],
    ['with a P-256 key', 'only Ed25519 keys', (secret) => JSON.stringify([{ ...secret, crv: 'P-256' }])],
  ])('refuses a value %s, naming the variable and never the private key', async (_case, reason, value) => {
    const secret = privateJwk('KE-1');
    const environment = { [signingKeysVariable]: value(secret) as string };
    const error = await loadPartyKeys({ ...development, environment }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(signingKeysVariable);
    expect((error as Error).message).toContain(reason);
    expect((error as Error).message).not.toContain(secret.d);
  });
});

describe('rotatePartyKeys', () => {
  it('makes a new key active and retires the previous one, which stays published', async () => {
    const before = await loadPartyKeys({ ...development, keysDir });
    const rotatedAt = new Date('2030-05-06T07:08:09Z');
    const after = await rotatePartyKeys(keysDir, 'KE', rotatedAt);

    expect(after.active.kid).toMatch(/^KE-20300506-/);
    expect(after.retired.map((key) => [key.kid, key.retiredAt])).toEqual([
      [before.active.kid, rotatedAt.toISOString()],
    ]);
    expect(after.retired[0]!.privateKey).toBeUndefined();
    const reloaded = await loadPartyKeys({ ...development, keysDir, production: true });
    expect(reloaded.active.kid).toBe(after.active.kid);
    expect(jwksOf(reloaded).keys.map((key) => key.kid)).toEqual([after.active.kid, before.active.kid]);
    for (const name of keyFiles()) expect(fs.statSync(path.join(keysDir, name)).mode & 0o777).toBe(0o600);
  });

  it('leaves the active key in place when the new one cannot be made', async () => {
    const before = await loadPartyKeys({ ...development, keysDir });
    await expect(rotatePartyKeys(keysDir, 'Kenya', new Date())).rejects.toThrow('ISO 3166-1 alpha-2');
    const after = await loadPartyKeys({ ...development, keysDir, production: true });
    expect(after.active.kid).toBe(before.active.kid);
    expect(after.retired).toEqual([]);
  });

  it('creates the first key of a production deployment', async () => {
    const ring = await rotatePartyKeys(keysDir, 'KE', new Date());
    expect((await loadPartyKeys({ ...development, keysDir, production: true })).active.kid).toBe(
      ring.active.kid,
    );
  });
});

describe('jwksOf', () => {
  it('publishes public Ed25519 keys for EdDSA signatures, active first, and no private member', async () => {
    await loadPartyKeys({ ...development, keysDir });
    const ring = await rotatePartyKeys(keysDir, 'KE', new Date());
    const jwks = jwksOf(ring);
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys[0]!.kid).toBe(ring.active.kid);
    for (const key of jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', use: 'sig', alg: 'EdDSA' });
    }
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });
});
