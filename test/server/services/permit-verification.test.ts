import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPartyKeys, type PartyKeyRing } from '../../../activities/signing/party-keys';
import { signPermitContent } from '../../../activities/signing/permit-signature';
import { permitDocumentOf } from '../../../forms/permit-document';
import { PermitVerificationService } from '../../../server/services/permit-verification';
import type { PermitRecord, PermitRepository } from '../../../store/permits';
import { exampleNamed, permit, permitInputOf } from '../../support/permit-examples';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const anyone = { actor: { kind: 'anonymous' as const }, requestId: undefined };

/** Permits in memory; each read returns the record as it was when the read began, and ends when released. */
class HeldPermits {
  record: PermitRecord;
  readonly reads: (() => void)[] = [];
  tokenLookups = 0;
  hold = false;

  constructor(record: PermitRecord) {
    this.record = record;
  }

  async permitIdOfVerificationToken(token: string): Promise<string | undefined> {
    this.tokenLookups++;
    return token === this.record.verificationToken ? this.record.id : undefined;
  }

  find(id: string): Promise<PermitRecord | undefined> {
    const seen = id === this.record.id ? structuredClone(this.record) : undefined;
    if (!this.hold) return Promise.resolve(seen);
    return new Promise((resolve) => this.reads.push(() => resolve(seen)));
  }

  releaseAll(): void {
    this.reads.splice(0).forEach((release) => release());
  }
}

let workDir: string;
let ring: PartyKeyRing;
let permits: HeldPermits;
let service: PermitVerificationService;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-verification-'));
  ring = await loadPartyKeys({ party: 'KE', keysDir: workDir, environment: {}, production: false });
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

beforeEach(() => {
  const document = permitDocumentOf(
    permitInputOf(exampleNamed('export-appendix-ii-wild.json'), { signatureKeyId: ring.active.kid }),
  );
  permits = new HeldPermits({
    id: 'KE-2026-0123456789AB',
    applicationId: 'KE-2026-0123456789AB',
    number: permit.number,
    party: 'KE',
    documentType: 'export',
    status: 'valid',
    authorisedQuantities: [50],
    validFrom: permit.validFrom,
    validUntil: permit.validUntil,
    issuedAt: new Date(permit.issuedAt),
    nonDetrimentFindingIds: [],
    signedPermit: signPermitContent(ring, document),
    verificationToken: TOKEN,
  });
  service = new PermitVerificationService(
    permits as unknown as PermitRepository,
    ring,
    () => new Date('2026-11-30T12:00:00Z'),
  );
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('public verification of a permit', () => {
  it('answers checks of one permit arriving together with one read of it at a time', async () => {
    permits.hold = true;
    const checks = Array.from({ length: 50 }, () => service.verify(anyone, TOKEN));
    await settle();
    expect(permits.reads).toHaveLength(1);
    permits.releaseAll();
    await settle();
    expect(permits.reads).toHaveLength(1);
    permits.releaseAll();
    for (const answer of await Promise.all(checks))
      expect(answer).toMatchObject({ authentic: true, status: 'valid', number: permit.number });
  });

  it('shows a cancellation to every check that began after it, even while an earlier read runs', async () => {
    permits.hold = true;
    const before = service.verify(anyone, TOKEN);
    await settle();
    permits.record = { ...permits.record, status: 'cancelled' };
    const after = service.verify(anyone, TOKEN);
    permits.releaseAll();
    await settle();
    permits.releaseAll();
    expect((await before).status).toBe('valid');
    expect((await after).status).toBe('cancelled');
  });

  it('finds the permit of a token once, but looks an unknown token up every time', async () => {
    await service.verify(anyone, TOKEN);
    await service.verify(anyone, TOKEN);
    expect(permits.tokenLookups).toBe(1);
    const unknown = 'ZZZZZZZZZZZZZZZZZZZZZZ';
    await expect(service.verify(anyone, unknown)).rejects.toThrow(/No permit has this verification code/);
    await expect(service.verify(anyone, unknown)).rejects.toThrow(/No permit has this verification code/);
    expect(permits.tokenLookups).toBe(3);
  });

  it('says at once when the stored signed permit no longer matches its signature, and again when restored', async () => {
    const signed = permits.record.signedPermit!;
    expect((await service.verify(anyone, TOKEN)).authentic).toBe(true);
    const [header, payload, signature] = signed.split('.') as [string, string, string];
    const altered = Buffer.from(payload, 'base64url').toString('utf8').replace(permit.number, 'KE26999999E');
    permits.record = {
      ...permits.record,
      signedPermit: `${header}.${Buffer.from(altered).toString('base64url')}.${signature}`,
    };
    expect((await service.verify(anyone, TOKEN)).authentic).toBe(false);
    permits.record = { ...permits.record, signedPermit: signed };
    expect((await service.verify(anyone, TOKEN)).authentic).toBe(true);
  });
});
