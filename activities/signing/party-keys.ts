import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** One Ed25519 key of the Party. Retired keys carry no private key: they only verify. */
export interface SigningKey {
  kid: string;
  publicKey: KeyObject;
  privateKey?: KeyObject;
  createdAt: string;
  retiredAt?: string;
}

/** The key the Party signs permits with now, and the earlier ones that still verify old permits. */
export interface PartyKeyRing {
  party: string;
  active: SigningKey & { privateKey: KeyObject };
  retired: SigningKey[];
}

/** A public Ed25519 key as published in the Party's JWKS (RFC 7517, RFC 8037). */
export interface PublishedKey {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
}

export interface PartyJwks {
  keys: PublishedKey[];
}

/** Environment variable holding the Party's keys as a JSON array of private JWKs (for secret stores). */
export const signingKeysVariable = 'PANGOLIN_SIGNING_KEYS';

const keyFileSuffix = '.jwk.json';
const ed25519KeyBytes = 32;

/** A key as read, with where it came from so that every complaint can name its source. */
interface KeyRecord {
  key: SigningKey;
  /** The file, or the variable and index, it was read from. */
  source: string;
  /** The parsed file content, kept whole so that retiring a key rewrites only `retiredAt`. */
  stored: Record<string, unknown>;
}

/**
 * Loads the Party's signing keys: from `PANGOLIN_SIGNING_KEYS` when it is set (a secret store
 * injects it), otherwise from the `*.jwk.json` files in `keysDir`. On the first start of a
 * development or demo stack there is no key yet, so one is generated and written there; in
 * production a missing key stops the start, because a fresh key nobody knows about would issue
 * permits no peer has been told to trust.
 *
 * @throws Error naming the variable, directory or file at fault (never printing key material).
 */
export async function loadPartyKeys(options: {
  party: string;
  keysDir?: string;
  environment: NodeJS.ProcessEnv;
  production: boolean;
}): Promise<PartyKeyRing> {
  const { party, keysDir, environment, production } = options;
  const fromEnvironment = environment[signingKeysVariable];
  if (fromEnvironment !== undefined && fromEnvironment.trim() !== '')
    return ringOf(party, recordsFromEnvironment(fromEnvironment), signingKeysVariable);
  if (keysDir === undefined) throw new Error(noKeyMessage(party, undefined));

  const records = await readKeyFiles(keysDir);
  if (records.some(isActive)) return ringOf(party, records, keysDir);
  if (production) throw new Error(noKeyMessage(party, keysDir));
  // The API and the worker start together on the first run: only one of them may create the key.
  return withKeysDirLock(keysDir, async () => {
    if (!(await readKeyFiles(keysDir)).some(isActive)) {
      const { file, content } = newKeyFile(keysDir, party, new Date());
      await writeKeyFile(file, content);
    }
    return ringOf(party, await readKeyFiles(keysDir), keysDir);
  });
}

/**
 * Retires the active key (it keeps verifying the permits it signed) and makes a new one active.
 * Also creates the first key of a production deployment. The old key is marked retired before
 * the new one is written, so a crash in between leaves no active key (a refusal to start that
 * rotating again fixes) rather than two (an ambiguity about which one signs).
 */
export async function rotatePartyKeys(keysDir: string, party: string, now: Date): Promise<PartyKeyRing> {
  return withKeysDirLock(keysDir, async () => {
    const newKey = newKeyFile(keysDir, party, now);
    for (const record of (await readKeyFiles(keysDir)).filter(isActive))
      await writeKeyFile(record.source, { ...record.stored, retiredAt: now.toISOString() });
    await writeKeyFile(newKey.file, newKey.content);
    return ringOf(party, await readKeyFiles(keysDir), keysDir);
  });
}

/** The public half of the key ring, as published for anyone to verify permits offline: active key first. */
export function jwksOf(ring: PartyKeyRing): PartyJwks {
  return { keys: [ring.active, ...ring.retired].map(publishedKeyOf) };
}

/** RFC 7638 thumbprint of an Ed25519 public key: base64url SHA-256 of its required members in order. */
export function jwkThumbprint(publicKey: KeyObject): string {
  const { crv, kty, x } = publicKey.export({ format: 'jwk' });
  return createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url');
}

/**
 * `<party>-<YYYYMMDD>-<first 8 characters of the thumbprint>`: says at a glance whose key it is
 * and how old, and stays unique when keys are rotated twice a day.
 */
export function keyIdFor(party: string, publicKey: KeyObject, createdAt: Date): string {
  const day = createdAt.toISOString().slice(0, 10).replaceAll('-', '');
  return `${party}-${day}-${jwkThumbprint(publicKey).slice(0, 8)}`;
}

function publishedKeyOf(key: SigningKey): PublishedKey {
  // Built member by member so that a private member can never slip into the published set.
  const { x } = key.publicKey.export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: x!, kid: key.kid, use: 'sig', alg: 'EdDSA' };
}

function noKeyMessage(party: string, keysDir: string | undefined): string {
  const where = keysDir === undefined ? 'no keys directory was given' : `${keysDir} holds no active key`;
  return (
    `no signing key for Party ${party}: ${where}. Set ${signingKeysVariable} to a JSON array of private ` +
    `Ed25519 JWKs (each with a kid; all but one marked "retired": true), or create a key with ` +
    `npm run keys:rotate -- --keys-dir ${keysDir ?? '<dir>'} --party ${party}`
  );
}

function isActive(record: KeyRecord): boolean {
  return record.key.retiredAt === undefined && record.stored.retired !== true;
}

/** Exactly one active key: with two, which one signs would depend on the order files are listed. */
function ringOf(party: string, records: KeyRecord[], origin: string): PartyKeyRing {
  const bySameKid = new Map<string, string>();
  for (const record of records) {
    const earlier = bySameKid.get(record.key.kid);
    if (earlier !== undefined)
      throw new Error(`${record.source}: kid ${record.key.kid} is already used by ${earlier}`);
    bySameKid.set(record.key.kid, record.source);
  }
  const active = records.filter(isActive);
  if (active.length !== 1)
    throw new Error(
      `${origin}: exactly one signing key must be active (not retired), found ${active.length}` +
        (active.length > 1 ? `: ${active.map((record) => record.source).join(', ')}` : ''),
    );
  const { key } = active[0]!;
  if (key.privateKey === undefined)
    throw new Error(`${active[0]!.source}: the active key has no private part d`);
  const retired = records
    .filter((record) => !isActive(record))
    .map(({ key: { privateKey: _unused, ...publicOnly } }) => publicOnly)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.kid.localeCompare(b.kid));
  return { party, active: { ...key, privateKey: key.privateKey }, retired };
}

function recordsFromEnvironment(text: string): KeyRecord[] {
  const parsed = jsonOrUndefined(text);
  if (parsed === undefined)
    throw new Error(`${signingKeysVariable} is not valid JSON (expected an array of private Ed25519 JWKs)`);
  if (!Array.isArray(parsed)) throw new Error(`${signingKeysVariable} must be a JSON array of private JWKs`);
  return parsed.map((item, index) => keyRecordOf(item, `${signingKeysVariable}[${index}]`, false));
}

async function readKeyFiles(keysDir: string): Promise<KeyRecord[]> {
  let names: string[];
  try {
    names = await fs.readdir(keysDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`cannot read the keys directory ${keysDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const records: KeyRecord[] = [];
  for (const name of names.filter((entry) => entry.endsWith(keyFileSuffix)).sort()) {
    const file = path.join(keysDir, name);
    const parsed = jsonOrUndefined(await fs.readFile(file, 'utf8'));
    if (parsed === undefined) throw new Error(`${file} is not valid JSON (expected one private Ed25519 JWK)`);
    records.push(keyRecordOf(parsed, file, true));
  }
  return records;
}

/**
 * The parsed value, or undefined (which JSON cannot express) when the text is not JSON. The
 * parser's own error quotes the text around the mistake, which would put key material in logs.
 */
function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Checks one private JWK from `source`; messages name the source and member, never a value. */
function keyRecordOf(value: unknown, source: string, createdAtRequired: boolean): KeyRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    refuse(source, 'is not a JWK object');
  const stored = value as Record<string, unknown>;
  const { kid, kty, crv, x, d, createdAt, retiredAt, retired } = stored;
  if (typeof kid !== 'string' || !/^[\w.:-]{1,128}$/.test(kid))
    refuse(source, 'kid must be 1-128 letters, digits, "_", ".", ":" or "-"');
  const where = `${source} (${kid})`;
  if (kty !== 'OKP' || crv !== 'Ed25519')
    refuse(where, 'only Ed25519 keys are used (kty "OKP", crv "Ed25519")');
  if (!isKeyBytes(x)) refuse(where, 'x must be the 32-byte public key in base64url');
  if (d !== undefined && !isKeyBytes(d)) refuse(where, 'd must be the 32-byte private key in base64url');
  if (retired !== undefined && typeof retired !== 'boolean') refuse(where, 'retired must be true or false');
  if (createdAtRequired && createdAt === undefined) refuse(where, 'createdAt is missing');
  if (!isTimeOrAbsent(createdAt)) refuse(where, 'createdAt must be an ISO 8601 date and time');
  if (!isTimeOrAbsent(retiredAt)) refuse(where, 'retiredAt must be an ISO 8601 date and time');

  const { publicKey, privateKey } = keyObjectsOf(x, d, where);
  const key: SigningKey = { kid, publicKey, createdAt: createdAt ?? dayOfKid(kid) };
  if (privateKey !== undefined) key.privateKey = privateKey;
  if (retiredAt !== undefined) key.retiredAt = retiredAt;
  return { key, source, stored };
}

function keyObjectsOf(
  x: string,
  d: string | undefined,
  where: string,
): { publicKey: KeyObject; privateKey?: KeyObject } {
  const jwk = { kty: 'OKP', crv: 'Ed25519', x };
  try {
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    if (d === undefined) return { publicKey };
    const privateKey = createPrivateKey({ key: { ...jwk, d }, format: 'jwk' });
    // node:crypto accepts an x that does not belong to d; every signature would then fail to verify.
    if (createPublicKey(privateKey).export({ format: 'jwk' }).x !== x)
      refuse(where, 'x is not the public key of d (the key material is corrupted)');
    return { publicKey, privateKey };
  } catch (error) {
    if (error instanceof KeyMaterialError) throw error;
    return refuse(where, 'is not a valid Ed25519 key');
  }
}

/** A complaint about key material; its message names where the key came from, never its value. */
class KeyMaterialError extends Error {}

function refuse(where: string, problem: string): never {
  throw new KeyMaterialError(`${where}: ${problem}`);
}

function isTimeOrAbsent(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
}

function isKeyBytes(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^[A-Za-z0-9_-]+$/.test(value) &&
    Buffer.from(value, 'base64url').length === ed25519KeyBytes &&
    Buffer.from(value, 'base64url').toString('base64url') === value
  );
}

/** Keys given by an operator may lack createdAt; a kid in the standard form still tells the day. */
function dayOfKid(kid: string): string {
  const day = /-(\d{4})(\d{2})(\d{2})-[\w-]{8}$/.exec(kid);
  return day ? `${day[1]}-${day[2]}-${day[3]}T00:00:00.000Z` : '';
}

/** A freshly generated key and the file it belongs in; made before anything is written, so a bad party changes nothing. */
function newKeyFile(
  keysDir: string,
  party: string,
  now: Date,
): { file: string; content: Record<string, unknown> } {
  if (!/^[A-Z]{2}$/.test(party))
    throw new Error(`party ${party} must be an ISO 3166-1 alpha-2 code such as KE`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const kid = keyIdFor(party, publicKey, now);
  const { kty, crv, x, d } = privateKey.export({ format: 'jwk' });
  return {
    file: path.join(keysDir, `${kid}${keyFileSuffix}`),
    content: { kid, kty, crv, x, d, createdAt: now.toISOString() },
  };
}

/**
 * Writes a key file readable by its owner only, through a synced temporary file and a rename, so
 * a crash never leaves a half-written key that would stop the next start.
 */
async function writeKeyFile(file: string, content: Record<string, unknown>): Promise<void> {
  await ensureKeysDir(path.dirname(file));
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    await handle.chmod(0o600); // the umask may only narrow the mode; this makes it exact
    await handle.writeFile(`${JSON.stringify(content, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
}

async function ensureKeysDir(keysDir: string): Promise<void> {
  await fs.mkdir(path.dirname(keysDir), { recursive: true });
  try {
    await fs.mkdir(keysDir, { mode: 0o700 });
    await fs.chmod(keysDir, 0o700);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

const staleLockMs = 10_000;

/**
 * Runs `work` while holding a lock directory inside `keysDir` (mkdir is atomic), so that two
 * processes never create or rotate keys at the same time. A lock left by a crashed process is
 * taken over once it is older than any key operation could take.
 */
async function withKeysDirLock<T>(keysDir: string, work: () => Promise<T>): Promise<T> {
  await ensureKeysDir(keysDir);
  const lock = path.join(keysDir, '.lock');
  for (;;) {
    try {
      await fs.mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = await fs.stat(lock).then(
        (stat) => Date.now() - stat.mtimeMs,
        () => 0,
      );
      if (since > staleLockMs) await fs.rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}
