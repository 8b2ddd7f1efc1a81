import { createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json';
import type { PartyKeyRing } from './party-keys';

/**
 * The JWS `typ` of a signed permit. Verification requires it, so that another document signed
 * with the same Party key (an exchange message, say) can never be passed off as a permit.
 */
export const signedPermitType = 'cites-permit+jws';

export type PermitSignatureCheck =
  { valid: true; kid: string; content: unknown } | { valid: false; reason: string };

/** The parts of a compact JWS, decoded but not verified. */
interface DecodedJws {
  header: Record<string, unknown>;
  payloadText: string;
  signingInput: string;
  signature: Buffer;
}

/**
 * Signs permit content with the Party's active key as a compact JWS (RFC 7515, EdDSA per
 * RFC 8037). The payload is the canonical JSON of the content, so the same permit data always
 * gives the same bytes and any holder can check it against the published keys. `typ` tells
 * permits from the Party's other signed documents (exchange messages).
 */
export function signPermitContent(ring: PartyKeyRing, content: unknown, typ = signedPermitType): string {
  const header = canonicalJson({ alg: 'EdDSA', kid: ring.active.kid, typ });
  const signingInput = `${base64url(header)}.${base64url(canonicalJson(content))}`;
  return `${signingInput}.${sign(null, Buffer.from(signingInput, 'ascii'), ring.active.privateKey).toString('base64url')}`;
}

/**
 * Checks that `jws` is a permit signed by one of the keys in `jwks` (active or retired) and
 * returns its content. Strict on purpose: anything but exactly what `signPermitContent` makes is
 * refused, with a reason a border officer or an applicant can read; a document of another `typ`
 * than the one expected is refused too. Never throws.
 */
export function verifyPermitSignature(
  jws: string,
  jwks: { keys: unknown[] },
  typ = signedPermitType,
): PermitSignatureCheck {
  const decoded = decodeJws(jws);
  if (typeof decoded === 'string') return refused(decoded);
  const { header, payloadText, signingInput, signature } = decoded;
  if (header.alg !== 'EdDSA')
    return refused(
      `it is signed with algorithm ${JSON.stringify(header.alg)}; permits are signed with EdDSA`,
    );
  if (header.typ !== typ)
    return refused(
      typ === signedPermitType
        ? `it is a ${JSON.stringify(header.typ)} document, not a signed CITES permit`
        : `it is a ${JSON.stringify(header.typ)} document, not ${typ}`,
    );
  if (header.crit !== undefined)
    return refused('it requires header extensions (crit) this verifier does not know');
  if (typeof header.kid !== 'string' || header.kid === '')
    return refused('it does not say which key signed it (kid)');

  const key = publicKeyOf(header.kid, jwks);
  if (typeof key === 'string') return refused(key);
  if (!signatureMatches(signingInput, key, signature))
    return refused(
      `the signature does not match the content: the permit was altered or not signed by ${header.kid}`,
    );

  let content: unknown;
  try {
    content = JSON.parse(payloadText);
  } catch {
    return refused('the signed content is not JSON');
  }
  if (canonicalJson(content) !== payloadText)
    return refused('the signed content is not in canonical JSON form, so it was not made by Pangolin');
  return { valid: true, kid: header.kid, content };
}

/**
 * The header and content of a signed permit, without checking the signature: for showing what a
 * permit claims to be. Never trust the result without `verifyPermitSignature`.
 *
 * @throws Error with a readable reason when `jws` is not a compact JWS with a JSON payload.
 */
export function decodeSignedPermit(jws: string): { header: Record<string, unknown>; content: unknown } {
  const decoded = decodeJws(jws);
  if (typeof decoded === 'string') throw new Error(`not a signed permit: ${decoded}`);
  try {
    return { header: decoded.header, content: JSON.parse(decoded.payloadText) };
  } catch {
    throw new Error('not a signed permit: the signed content is not JSON');
  }
}

function refused(reason: string): PermitSignatureCheck {
  return { valid: false, reason };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The three parts of a compact JWS, or why they are not one. */
function decodeJws(jws: unknown): DecodedJws | string {
  if (typeof jws !== 'string') return 'it is not text';
  const parts = jws.split('.');
  if (parts.length !== 3) return `it has ${parts.length} part(s) separated by "."; a signed permit has 3`;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const [header, payload, signature] = [headerPart, payloadPart, signaturePart].map(strictBase64url);
  if (!header || !payload || !signature) return 'one of its parts is not canonical base64url';

  const headerText = utf8(header);
  const payloadText = utf8(payload);
  if (headerText === undefined || payloadText === undefined) return 'it is not UTF-8 text';
  let parsedHeader: unknown;
  try {
    parsedHeader = JSON.parse(headerText);
  } catch {
    return 'its header is not JSON';
  }
  if (typeof parsedHeader !== 'object' || parsedHeader === null || Array.isArray(parsedHeader))
    return 'its header is not a JSON object';
  return {
    header: parsedHeader as Record<string, unknown>,
    payloadText,
    signingInput: `${headerPart}.${payloadPart}`,
    signature,
  };
}

/**
 * Decodes base64url only when it is the one encoding of its bytes: Buffer ignores stray
 * characters and the unused low bits of the last one, which would let two different strings
 * carry the same signed permit.
 */
function strictBase64url(part: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The Ed25519 key published under `kid`, or why there is no usable one. */
function publicKeyOf(kid: string, jwks: { keys: unknown[] }): KeyObject | string {
  if (typeof jwks !== 'object' || jwks === null || !Array.isArray(jwks.keys))
    return 'the published key set is not a JWKS (no "keys" array)';
  const matches = jwks.keys.filter(
    (key): key is Record<string, unknown> =>
      typeof key === 'object' && key !== null && (key as Record<string, unknown>).kid === kid,
  );
  if (matches.length === 0) return `it was signed with key ${kid}, which is not among the published keys`;
  if (matches.length > 1) return `the published keys list ${kid} more than once`;
  const { kty, crv, x, alg, use } = matches[0]!;
  if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string')
    return `the published key ${kid} is not an Ed25519 key`;
  if ((alg !== undefined && alg !== 'EdDSA') || (use !== undefined && use !== 'sig'))
    return `the published key ${kid} is not meant for EdDSA signatures`;
  try {
    // Only the public members: a private member published by mistake must not change anything.
    return createPublicKey({ key: { kty, crv, x }, format: 'jwk' });
  } catch {
    return `the published key ${kid} is not a valid Ed25519 public key`;
  }
}

function signatureMatches(signingInput: string, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, Buffer.from(signingInput, 'ascii'), key, signature);
  } catch {
    return false;
  }
}
