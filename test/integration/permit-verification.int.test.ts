import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPartyKeys, rotatePartyKeys } from '../../activities/signing/party-keys';
import { decodeSignedPermit, verifyPermitSignature } from '../../activities/signing/permit-signature';
import { PermitVerificationService } from '../../server/services/permit-verification';
import { PermitRepository } from '../../store/permits';
import { eventually } from '../support/eventually';
import { issuePermitThroughApi } from '../support/issued-permit';
import { startTestStack, testConfig, type TestStack } from '../support/test-stack';

interface Verification {
  authentic: boolean;
  status: string;
  number: string;
  replacedBy?: string;
  permitId?: string;
  detail?: string;
  blocks: { block: string; quantity: number; endorsedQuantity?: number }[];
  exporter?: { name: string; country: string };
}

describe('signed permits, their PDF, public verification and the border endorsement', () => {
  let stack: TestStack;
  let ma: string;
  let customs: string;
  let applicant: string;
  const permitsPerMinute = 200;

  beforeAll(async () => {
    stack = await startTestStack(
      testConfig({ PANGOLIN_PUBLIC_REQUESTS_PER_MINUTE: String(permitsPerMinute) }),
    );
    [ma, customs, applicant] = (await Promise.all(
      ['ma@demo.test', 'customs@demo.test', 'applicant@demo.test'].map((email) => stack.login(email)),
    )) as [string, string, string];
  });
  afterAll(() => stack?.close());

  const tokenOf = async (id: string) =>
    (await new PermitRepository(stack.store).find(id))!.verificationToken!;
  const verify = (token: string, bearer?: string) =>
    stack.api<Verification>(`/api/verify/${token}`, bearer ? { token: bearer } : {});
  const page = async (token: string, language = 'en') => {
    const answer = await fetch(`${stack.baseUrl}/verify/${token}?lang=${language}`);
    return { status: answer.status, html: await answer.text() };
  };

  it('signs the permit at issuance: the JWS verifies with the published keys, and any change breaks it', async () => {
    const { id, number } = await issuePermitThroughApi(stack);
    const jwks = await stack.api<{ keys: { kid: string; x: string }[] }>('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    const signed = await stack.api(`/api/permits/${id}/signed`, { token: applicant });
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-type')).toMatch(/^application\/jose/);
    const jws = signed.bytes.toString('utf8');
    const check = verifyPermitSignature(jws, jwks.body);
    expect(check).toMatchObject({ valid: true, kid: jwks.body.keys[0]!.kid });
    expect(check.valid && check.content).toMatchObject({
      permitNumber: number,
      documentType: 'export',
      managementAuthority: { name: 'CITES Management Authority of Kenya', address: { country: 'KE' } },
      issuance: { signature: { method: 'electronic', keyId: jwks.body.keys[0]!.kid } },
    });
    // One character changed anywhere in the content: the signature no longer matches.
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const content = Buffer.from(payload, 'base64url')
      .toString('utf8')
      .replace(number, `${number.slice(0, -1)}X`);
    const altered = `${header}.${Buffer.from(content).toString('base64url')}.${signature}`;
    expect(verifyPermitSignature(altered, jwks.body).valid).toBe(false);

    // Stored altered, the public check says it is not authentic.
    const permits = stack.store.collection('permits');
    await permits.updateOne({ _id: id as never }, { $set: { signedPermit: altered } });
    expect((await verify(await tokenOf(id))).body).toMatchObject({ authentic: false });
    await permits.updateOne({ _id: id as never }, { $set: { signedPermit: jws } });
    expect((await verify(await tokenOf(id))).body).toMatchObject({ authentic: true });
  });

  it('still verifies a permit after the key that signed it was retired', async () => {
    const { id, number } = await issuePermitThroughApi(stack);
    const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-rotated-'));
    fs.cpSync(stack.config.signingKeysDir, keysDir, { recursive: true });
    const before = await loadPartyKeys({ party: 'KE', keysDir, environment: {}, production: false });
    const rotated = await rotatePartyKeys(keysDir, 'KE', new Date(Date.now() + 86_400_000));
    expect(rotated.active.kid).not.toBe(before.active.kid);
    expect(rotated.retired.map((key) => key.kid)).toContain(before.active.kid);
    const service = new PermitVerificationService(new PermitRepository(stack.store), rotated);
    expect(
      await service.verify({ actor: { kind: 'anonymous' }, requestId: undefined }, await tokenOf(id)),
    ).toMatchObject({ authentic: true, number, signature: { keyId: before.active.kid } });
  });

  it('answers the public check with the status and what the consignment must match, and no addresses', async () => {
    const { id, number } = await issuePermitThroughApi(stack);
    const token = await tokenOf(id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const answer = await verify(token);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      authentic: true,
      status: 'valid',
      number,
      documentType: 'export',
      issuingParty: 'KE',
      exporter: { country: 'KE' },
      blocks: [{ block: 'A', scientificName: 'Python regius', appendix: 'II', source: 'W' }],
    });
    expect(answer.body.permitId).toBeUndefined();
    const text = JSON.stringify(answer.body);
    expect(text).not.toMatch(/streetLines|postcode|city/);
    // The Party's customs officer also gets the permit's id, to endorse it.
    expect((await verify(token, customs)).body.permitId).toBe(id);
    // The holder sees where the QR code leads, to share it with a buyer.
    const held = await stack.api<{ verificationUrl: string; signed: boolean }>(`/api/permits/${id}`, {
      token: applicant,
    });
    expect(held.body).toMatchObject({
      verificationToken: token,
      verificationUrl: `${stack.config.http.publicUrl}/verify/${token}`,
      signed: true,
    });

    const { html, status } = await page(token);
    expect(status).toBe(200);
    expect(html).toContain('>Valid<');
    expect(html).toContain(number);
    expect(html).toContain('Python regius');
    expect(html).toContain(`/customs?token=${token}`);
  });

  it('answers an unknown, altered or malformed code with the same 404', async () => {
    const { id } = await issuePermitThroughApi(stack);
    const token = await tokenOf(id);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const answers = await Promise.all(
      [altered, 'AAAAAAAAAAAAAAAAAAAAAA', 'not-a-token', '%7B%22%24gt%22%3A%22%22%7D'].map((code) =>
        verify(code),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ detail: answers[0]!.body.detail });
    }
    const { status, html } = await page(altered, 'fr');
    expect(status).toBe(404);
    expect(html).toContain('Aucun permis ne porte ce code de vérification');
  });

  it('serves the PDF on the standard form, with the number, the QR code’s URL, and COPY on a copy', async () => {
    const { id, number } = await issuePermitThroughApi(stack);
    const token = await tokenOf(id);
    const textOf = (pdf: Buffer) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-pdf-')), 'permit.pdf');
      fs.writeFileSync(file, pdf);
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    };
    const original = await stack.api(`/api/permits/${id}/pdf`, { token: applicant });
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('application/pdf');
    const text = textOf(original.bytes);
    expect(text).toContain(number);
    expect(text).toContain(`/verify/${token}`);
    expect(text).toContain('Python regius');
    expect(text).not.toMatch(/\bCOPY\b/);

    const copy = await stack.api(`/api/permits/${id}/pdf?copy=true&language=fr`, { token: ma });
    expect(copy.status).toBe(200);
    expect(textOf(copy.bytes)).toMatch(/COPIE/);
    // Anyone who may not see the permit is told it is not found, as if it did not exist.
    const other = await stack.login('designer@demo.test');
    expect((await stack.api(`/api/permits/${id}/pdf`, { token: other })).status).toBe(404);
  });

  it('takes one endorsement per block letter, refuses a second, and shows it to whoever checks the permit', async () => {
    const { id } = await issuePermitThroughApi(stack);
    const token = await tokenOf(id);
    const endorse = (body: object) => stack.api(`/api/permits/${id}/endorsement`, { token: customs, body });
    const boxes = { port: 'Nairobi JKIA', date: '2026-11-30', billOfLading: 'AWB 706-12345678' };

    const wrongBlock = await endorse({ ...boxes, blocks: [{ block: 'C', quantity: 1 }] });
    expect(wrongBlock.status).toBe(422);
    expect(JSON.stringify(wrongBlock.body)).toContain('/blocks/0/block');
    const tooMany = await endorse({ ...boxes, blocks: [{ block: 'A', quantity: 51 }] });
    expect(tooMany.status).toBe(422);
    expect((await endorse({ ...boxes, blocks: [{ block: 'A', quantity: 48 }] })).status).toBe(200);
    expect((await endorse({ ...boxes, blocks: [{ block: 'A', quantity: 1 }] })).status).toBe(409);

    const checked = await eventually('the endorsement on the check', async () => {
      const answer = (await verify(token)).body;
      return answer.status === 'endorsed' ? answer : undefined;
    });
    expect(checked.blocks[0]).toMatchObject({ quantity: 50, endorsedQuantity: 48 });
    expect((await page(token)).html).toContain('Endorsed at export');
  });

  it('tells whoever checks a cancelled or replaced permit, in their language', async () => {
    const cancelled = await issuePermitThroughApi(stack);
    expect(
      (await stack.api(`/api/permits/${cancelled.id}/cancel`, { token: ma, body: { reason: 'Fraud' } }))
        .status,
    ).toBe(200);
    const cancelledToken = await tokenOf(cancelled.id);
    await eventually('cancelled', async () =>
      (await verify(cancelledToken)).body.status === 'cancelled' ? true : undefined,
    );
    expect((await page(cancelledToken)).html).toContain('>Cancelled<');
    expect((await page(cancelledToken, 'es')).html).toContain('>Anulado<');
    expect(
      (
        await stack.api(`/api/permits/${cancelled.id}/endorsement`, {
          token: customs,
          body: { blocks: [{ block: 'A', quantity: 1 }], port: 'Mombasa', date: '2026-11-30' },
        })
      ).status,
    ).toBe(409);

    const lost = await issuePermitThroughApi(stack);
    const replacement = await stack.api<{ id: string; number: string }>(
      `/api/permits/${lost.id}/replacement`,
      {
        token: ma,
        body: { reason: 'lost' },
      },
    );
    expect(replacement.status).toBe(201);
    const lostToken = await tokenOf(lost.id);
    expect((await verify(lostToken)).body).toMatchObject({
      status: 'replaced',
      replacedBy: replacement.body.number,
    });
    expect((await page(lostToken)).html).toContain(`→ ${replacement.body.number}`);
    const newToken = await tokenOf(replacement.body.id);
    expect(newToken).not.toBe(lostToken);
    expect((await verify(newToken)).body).toMatchObject({
      authentic: true,
      status: 'valid',
      number: replacement.body.number,
      replaces: lost.number,
    });
    const jws = (await stack.api(`/api/permits/${replacement.body.id}/signed`, { token: ma })).bytes.toString(
      'utf8',
    );
    expect(decodeSignedPermit(jws).content).toMatchObject({
      replacement: { replacedPermitNumber: lost.number, reason: 'lost' },
    });
  });

  it('limits how often one address may check permits', async () => {
    const answers: number[] = [];
    for (let i = 0; i < permitsPerMinute + 5; i++)
      answers.push((await verify('AAAAAAAAAAAAAAAAAAAAAB')).status);
    expect(answers).toContain(429);
    expect(answers.filter((status) => status !== 404 && status !== 429)).toEqual([]);
  });
});
