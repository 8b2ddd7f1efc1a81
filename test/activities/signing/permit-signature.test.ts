import { createHmac, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonicalJson } from '../../../domain/canonical-json';
import {
  jwksOf,
  loadPartyKeys,
  rotatePartyKeys,
  type PartyKeyRing,
} from '../../../activities/signing/party-keys';
import {
  decodeSignedPermit,
  signPermitContent,
  verifyPermitSignature,
} from '../../../activities/signing/permit-signature';

const base64urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const permit = {
  permitNumber: 'KE26000001E',
  documentType: 'export-permit',
  issuedAt: '2026-03-09T08:00:00.000Z',
  exporter: { name: 'Nairobi Reptile Park', country: 'KE' },
  importer: { name: 'Zoo Zürich', country: 'CH' },
  blocks: [{ taxon: 'Python sebae', appendix: 'II', source: 'C', purpose: 'Z', quantity: 2, unit: 'NAR' }],
};

let workDir: string;
let keysDir: string;
let ring: PartyKeyRing;
beforeEach(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-signing-'));
  keysDir = path.join(workDir, 'keys');
  ring = await loadPartyKeys({ party: 'KE', keysDir, environment: {}, production: false });
});
afterEach(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

function encode(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A compact JWS with any header and payload, signed like the real thing, to probe the verifier. */
function forge(header: unknown, payloadText: string, privateKey: KeyObject = ring.active.privateKey): string {
  const signingInput = `${encode(JSON.stringify(header))}.${encode(payloadText)}`;
  return `${signingInput}.${sign(null, Buffer.from(signingInput), privateKey).toString('base64url')}`;
}

/** The same JWS with the character at `index` of one part replaced by another base64url character. */
function withCharacterChanged(jws: string, part: number, index: number): string {
  const parts = jws.split('.');
  const original = parts[part]!;
  const replacement = base64urlAlphabet[(base64urlAlphabet.indexOf(original[index]!) + 1) % 64];
  parts[part] = original.slice(0, index) + replacement + original.slice(index + 1);
  return parts.join('.');
}

describe('signPermitContent', () => {
  it('makes a compact EdDSA JWS over the canonical JSON of the permit', () => {
    const jws = signPermitContent(ring, permit);
    const [header, payload, signature] = jws.split('.');
    expect(Buffer.from(header!, 'base64url').toString()).toBe(
      `{"alg":"EdDSA","kid":"${ring.active.kid}","typ":"cites-permit+jws"}`,
    );
    expect(Buffer.from(payload!, 'base64url').toString('utf8')).toBe(canonicalJson(permit));
    expect(jws).not.toMatch(/[=+/\s]/);
    expect(
      verify(
        null,
        Buffer.from(`${header}.${payload}`),
        ring.active.publicKey,
        Buffer.from(signature!, 'base64url'),
      ),
    ).toBe(true);
  });

  it('gives the same payload whatever order the permit fields were written in', () => {
    const reordered = Object.fromEntries(Object.entries(permit).reverse());
    expect(signPermitContent(ring, reordered)).toBe(signPermitContent(ring, permit));
  });
});

describe('verifyPermitSignature', () => {
  it('accepts a permit signed with the active key and returns its content', () => {
    expect(verifyPermitSignature(signPermitContent(ring, permit), jwksOf(ring))).toEqual({
      valid: true,
      kid: ring.active.kid,
      content: permit,
    });
  });

  it.each([
    ['header', 0],
    ['payload', 1],
    ['signature', 2],
  ])('refuses the permit when any single character of the %s is changed', (_part, part) => {
    const jws = signPermitContent(ring, permit);
    const jwks = jwksOf(ring);
    const length = jws.split('.')[part]!.length;
    expect(length).toBeGreaterThan(0);
    for (let index = 0; index < length; index++) {
      const check = verifyPermitSignature(withCharacterChanged(jws, part, index), jwks);
      if (check.valid) throw new Error(`changing character ${index} of the ${_part} went unnoticed`);
    }
  });

  it.each<[string, unknown]>([
    ['none', 'none'],
    ['HS256', 'HS256'],
    ['ES256', 'ES256'],
    ['eddsa', 'eddsa'],
    ['missing', undefined],
  ])('refuses alg %s', (_case, alg) => {
    const jws = forge({ alg, kid: ring.active.kid, typ: 'cites-permit+jws' }, canonicalJson(permit));
    expect(verifyPermitSignature(jws, jwksOf(ring))).toEqual({
      valid: false,
      reason: expect.stringContaining('permits are signed with EdDSA'),
    });
  });

  it('refuses an unsigned permit (alg none, empty signature)', () => {
    const header = encode(JSON.stringify({ alg: 'none', kid: ring.active.kid, typ: 'cites-permit+jws' }));
    const check = verifyPermitSignature(`${header}.${encode(canonicalJson(permit))}.`, jwksOf(ring));
    expect(check).toEqual({ valid: false, reason: expect.stringContaining('algorithm "none"') });
  });

  it('refuses an HS256 token whose HMAC secret is the published public key', () => {
    const { x } = jwksOf(ring).keys[0]!;
    const signingInput = `${encode(JSON.stringify({ alg: 'HS256', kid: ring.active.kid, typ: 'cites-permit+jws' }))}.${encode(canonicalJson(permit))}`;
    const mac = createHmac('sha256', x).update(signingInput).digest('base64url');
    expect(verifyPermitSignature(`${signingInput}.${mac}`, jwksOf(ring)).valid).toBe(false);
  });

  it('refuses a permit signed with a key the Party never published', async () => {
    const stranger = await loadPartyKeys({
      party: 'KE',
      keysDir: path.join(workDir, 'other-keys'),
      environment: {},
      production: false,
    });
    const check = verifyPermitSignature(signPermitContent(stranger, permit), jwksOf(ring));
    expect(check).toEqual({
      valid: false,
      reason: `it was signed with key ${stranger.active.kid}, which is not among the published keys`,
    });
  });

  it('refuses a signature made by another key under the published kid', async () => {
    const stranger = await loadPartyKeys({
      party: 'KE',
      keysDir: path.join(workDir, 'other-keys'),
      environment: {},
      production: false,
    });
    const jws = forge(
      { alg: 'EdDSA', kid: ring.active.kid, typ: 'cites-permit+jws' },
      canonicalJson(permit),
      stranger.active.privateKey,
    );
    expect(verifyPermitSignature(jws, jwksOf(ring))).toEqual({
      valid: false,
      reason: expect.stringContaining('the signature does not match the content'),
    });
  });

  it('still verifies a permit signed before its key was rotated, and the new key signs new permits', async () => {
    const signedBefore = signPermitContent(ring, permit);
    const rotated = await rotatePartyKeys(keysDir, 'KE', new Date('2031-01-01T00:00:00Z'));
    const restarted = await loadPartyKeys({ party: 'KE', keysDir, environment: {}, production: true });
    const newJwks = jwksOf(restarted);

    expect(verifyPermitSignature(signedBefore, newJwks)).toEqual({
      valid: true,
      kid: ring.active.kid,
      content: permit,
    });
    const signedAfter = signPermitContent(restarted, { ...permit, permitNumber: 'KE31000001E' });
    expect(restarted.active.kid).toBe(rotated.active.kid);
    expect(restarted.active.kid).not.toBe(ring.active.kid);
    expect(verifyPermitSignature(signedAfter, newJwks)).toMatchObject({
      valid: true,
      kid: rotated.active.kid,
    });
    expect(decodeSignedPermit(signedAfter).header.kid).toBe(rotated.active.kid);
  });

  it.each([
    ['members out of order', '{"permitNumber":"KE26000001E","documentType":"export-permit"}'],
    ['whitespace', '{"permitNumber": "KE26000001E"}'],
    ['a number written as 2.0', '{"quantity":2.0}'],
    ['an escaped letter', '{"permitNumber":"\\u004BE26000001E"}'],
  ])('refuses a payload with %s, which Pangolin never signs', (_case, payloadText) => {
    const jws = forge({ alg: 'EdDSA', kid: ring.active.kid, typ: 'cites-permit+jws' }, payloadText);
    expect(verifyPermitSignature(jws, jwksOf(ring))).toEqual({
      valid: false,
      reason: expect.stringContaining('not in canonical JSON form'),
    });
  });

  it.each([
    ['plain text', 'KE26000001E'],
    ['JSON after a byte order mark', '\ufeff{"permitNumber":"KE26000001E"}'],
  ])('refuses a signed payload of %s', (_case, payloadText) => {
    const jws = forge({ alg: 'EdDSA', kid: ring.active.kid, typ: 'cites-permit+jws' }, payloadText);
    expect(verifyPermitSignature(jws, jwksOf(ring))).toEqual({
      valid: false,
      reason: 'the signed content is not JSON',
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['another typ', { typ: 'JWT' }, 'not a signed CITES permit'],
    ['no typ', { typ: undefined }, 'not a signed CITES permit'],
    ['critical extensions', { crit: ['b64'], b64: false }, 'crit'],
    ['no kid', { kid: undefined }, 'which key signed it'],
    ['an empty kid', { kid: '' }, 'which key signed it'],
  ])('refuses a header with %s', (_case, change, reason) => {
    const header = { alg: 'EdDSA', kid: ring.active.kid, typ: 'cites-permit+jws', ...change };
    const jws = forge(header, canonicalJson(permit));
    expect(verifyPermitSignature(jws, jwksOf(ring))).toEqual({
      valid: false,
      reason: expect.stringContaining(reason),
    });
  });

  it.each<[string, (jws: string) => unknown, string]>([
    ['empty text', () => '', '1 part(s)'],
    ['two parts', (jws) => jws.split('.').slice(0, 2).join('.'), '2 part(s)'],
    ['four parts', (jws) => `${jws}.e30`, '4 part(s)'],
    ['a trailing newline', (jws) => `${jws}\n`, 'not canonical base64url'],
    ['base64 padding', (jws) => `${jws}==`, 'not canonical base64url'],
    ['standard base64 characters', (jws) => `${jws.slice(0, -1)}/`, 'not canonical base64url'],
    ['a header that is not JSON', (jws) => `${encode('{alg')}${jws.slice(jws.indexOf('.'))}`, 'not JSON'],
    [
      'a header that is an array',
      (jws) => `${encode('[]')}${jws.slice(jws.indexOf('.'))}`,
      'not a JSON object',
    ],
    ['something that is not text', () => 42, 'not text'],
    ['nothing', () => undefined, 'not text'],
  ])('refuses %s without throwing', (_case, tamper, reason) => {
    const jws = tamper(signPermitContent(ring, permit)) as string;
    expect(verifyPermitSignature(jws, jwksOf(ring))).toEqual({
      valid: false,
      reason: expect.stringContaining(reason),
    });
  });

  it.each<[string, (jwks: ReturnType<typeof jwksOf>) => unknown, string]>([
    ['no keys array', () => ({}), 'not a JWKS'],
    ['null', () => null, 'not a JWKS'],
    ['the kid twice', (jwks) => ({ keys: [...jwks.keys, ...jwks.keys] }), 'more than once'],
    [
      'an RSA key under the kid',
      (jwks) => ({ keys: [{ ...jwks.keys[0], kty: 'RSA' }] }),
      'not an Ed25519 key',
    ],
    ['the key for another algorithm', (jwks) => ({ keys: [{ ...jwks.keys[0], alg: 'ES256' }] }), 'not meant'],
    ['the key for encryption', (jwks) => ({ keys: [{ ...jwks.keys[0], use: 'enc' }] }), 'not meant'],
    ['a malformed x', (jwks) => ({ keys: [{ ...jwks.keys[0], x: 'AAAA' }] }), 'not a valid Ed25519'],
  ])('refuses when the published key set has %s', (_case, tamper, reason) => {
    const jwks = tamper(jwksOf(ring)) as { keys: unknown[] };
    expect(verifyPermitSignature(signPermitContent(ring, permit), jwks)).toEqual({
      valid: false,
      reason: expect.stringContaining(reason),
    });
  });
});

describe('decodeSignedPermit', () => {
  it('shows the header and content without verifying', () => {
    const forged = forge({ alg: 'none', kid: 'KE-x', typ: 'cites-permit+jws' }, canonicalJson(permit));
    expect(decodeSignedPermit(forged)).toEqual({
      header: { alg: 'none', kid: 'KE-x', typ: 'cites-permit+jws' },
      content: permit,
    });
  });

  it('refuses text that is not a compact JWS', () => {
    expect(() => decodeSignedPermit('KE26000001E')).toThrow('not a signed permit: it has 1 part(s)');
  });
});
