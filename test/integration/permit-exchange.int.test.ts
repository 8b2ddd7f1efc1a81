import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import exportToGermany from '../../examples/applications/export-appendix-ii-wild.json';
import leopardExport from '../../examples/applications/export-appendix-i.json';
import leopardImport from '../../examples/applications/import-appendix-i.json';
import handbagReExport from '../../examples/applications/re-export-appendix-ii.json';
import { signExchangeMessage } from '../../activities/exchange/deliveries';
import { loadPartyKeys, type PartyKeyRing } from '../../activities/signing/party-keys';
import {
  decodeSignedPermit,
  signPermitContent,
  verifyPermitSignature,
} from '../../activities/signing/permit-signature';
import { permitDocumentOf } from '../../forms/permit-document';
import type { ExchangeEnvelope } from '../../domain/exchange/messages';
import { readCitesEPermitXml } from '../../forms/cites-epermit-xml';
import { exchangeDeliveryWorkflowId } from '../../workflows/exchange-delivery';
import { lifecycleWorkflowId } from '../../workflows/permit-lifecycle';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { issuePermitThroughApi } from '../support/issued-permit';
import { startTestStack, testConfig, type TestStack } from '../support/test-stack';

interface Incoming {
  id: string;
  number: string;
  fromParty: string;
  status: string;
  documentType: string;
  blocks: { scientificName: string; quantity: number }[];
  exportEndorsement?: { blocks: { block: string; quantity: number }[]; port: string };
}

/**
 * A loopback door in front of a Party's API that can be shut: while it is, connections to it are
 * dropped, as when that Party's server is down.
 */
async function doorTo(target: string) {
  let open = true;
  const server = http.createServer(async (request, response) => {
    if (!open) return request.socket.destroy();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    shut: () => (open = false),
    reopen: () => (open = true),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('two Parties exchange permits over HTTP on loopback', () => {
  let kenya: TestStack;
  let germany: TestStack;
  let germanyDoor: Awaited<ReturnType<typeof doorTo>>;
  let germanKeys: PartyKeyRing;
  const germanKeysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-de-keys-'));

  beforeAll(async () => {
    kenya = await startTestStack();
    germany = await startTestStack(
      testConfig({ PANGOLIN_PARTY: 'DE', PANGOLIN_SIGNING_KEYS_DIR: germanKeysDir }),
    );
    germanKeys = await loadPartyKeys({
      party: 'DE',
      keysDir: germanKeysDir,
      environment: {},
      production: false,
    });
    germanyDoor = await doorTo(germany.baseUrl);
    const peer = async (stack: TestStack, body: object) => {
      const admin = await stack.login('admin@demo.test');
      const saved = await stack.api('/api/exchange/peers', { token: admin, body });
      expect(saved.status).toBe(200);
    };
    await peer(kenya, {
      party: 'DE',
      baseUrl: germanyDoor.url,
      jwksUrl: `${germany.baseUrl}/.well-known/jwks.json`,
    });
    await peer(germany, {
      party: 'KE',
      baseUrl: kenya.baseUrl,
      jwksUrl: `${kenya.baseUrl}/.well-known/jwks.json`,
    });
  });
  afterAll(async () => {
    await germanyDoor?.close();
    await Promise.all([kenya?.close(), germany?.close()]);
  });

  const incomingAtGermany = async () =>
    (
      await germany.api<Incoming[]>('/api/exchange/incoming', {
        token: await germany.login('customs@demo.test'),
      })
    ).body;
  const arrivedInGermany = (number: string) =>
    eventually(
      `permit ${number} in Germany`,
      async () => (await incomingAtGermany()).find((permit) => permit.number === number),
      300,
    );
  const kenyanTimeline = async (id: string) =>
    (
      await kenya.api<{ timeline: { event: string; note?: string }[] }>(`/api/applications/${id}`, {
        token: await kenya.login('ma@demo.test'),
      })
    ).body.timeline;
  /** A message as Germany signs it, for sending by hand. */
  const fromGermany = (
    envelope: Omit<ExchangeEnvelope, 'from' | 'to' | 'sentAt'> & { sentAt?: string },
    keys = germanKeys,
  ) =>
    signExchangeMessage(keys, {
      from: 'DE',
      to: 'KE',
      sentAt: new Date().toISOString(),
      ...envelope,
    } as ExchangeEnvelope);
  const toKenya = (message: string) => kenya.api('/api/exchange/inbox', { body: { message } });

  it('sends an export permit to the importing Party, takes back its customs’ confirmation, and closes the permit as used', async () => {
    const { id, number } = await issuePermitThroughApi(kenya, exportToGermany);
    const arrived = await arrivedInGermany(number);
    expect(arrived).toMatchObject({
      fromParty: 'KE',
      status: 'valid',
      documentType: 'export',
      blocks: [{ scientificName: 'Python regius', quantity: 50 }],
    });
    await eventually('delivery on the timeline', async () =>
      (await kenyanTimeline(id)).find(
        (entry) => entry.event === 'exchange-delivered' && entry.note === 'permit to DE',
      ),
    );
    // What arrived is the permit Kenya signed, with its XML.
    const stored = await germany.store.collection('incomingPermits').findOne({ _id: arrived.id as never });
    const jwks = (await kenya.api<{ keys: unknown[] }>('/.well-known/jwks.json')).body;
    expect(verifyPermitSignature(stored!.signedPermit as string, jwks)).toMatchObject({ valid: true });
    expect(readCitesEPermitXml(stored!.xml as string)).toMatchObject({ number, documentType: 'export' });

    // Kenyan customs endorse 48 of the 50; Germany learns what left.
    const kenyanCustoms = await kenya.login('customs@demo.test');
    const endorsed = await kenya.api(`/api/permits/${id}/endorsement`, {
      token: kenyanCustoms,
      body: { blocks: [{ block: 'A', quantity: 48 }], port: 'Nairobi JKIA', date: '2026-11-30' },
    });
    expect(endorsed.status).toBe(200);
    await eventually('the endorsement in Germany', async () =>
      (await incomingAtGermany()).find((permit) => permit.number === number && permit.exportEndorsement),
    );

    // German customs confirm 47 arrived (one died on the way); Kenya's permit is used with that.
    const germanCustoms = await germany.login('customs@demo.test');
    const tooMany = await germany.api(
      `/api/exchange/incoming/${encodeURIComponent(arrived.id)}/confirmation`,
      {
        token: germanCustoms,
        body: { blocks: [{ block: 'A', quantity: 51 }], date: '2026-12-01' },
      },
    );
    expect(tooMany.status).toBe(422);
    const confirmed = await germany.api(
      `/api/exchange/incoming/${encodeURIComponent(arrived.id)}/confirmation`,
      {
        token: germanCustoms,
        body: { blocks: [{ block: 'A', quantity: 47 }], date: '2026-12-01' },
      },
    );
    expect(confirmed.status).toBe(200);
    const used = await eventually(
      'the permit used in Kenya',
      async () => {
        const permit = await kenya.api<{
          status: string;
          importConfirmation?: { quantities: number[]; by: string };
        }>(`/api/permits/${id}`, { token: kenyanCustoms });
        return permit.body.status === 'used' ? permit.body : undefined;
      },
      300,
    );
    expect(used.importConfirmation).toEqual({ quantities: [47], by: 'peer:DE' });
    await recordHistory(
      kenya.config.temporal.address!,
      lifecycleWorkflowId(id),
      'permitLifecycleWorkflow-exchanged',
    );
    await recordHistory(
      kenya.config.temporal.address!,
      exchangeDeliveryWorkflowId(`${id}-permit`),
      'exchangeDeliveryWorkflow-delivered',
    );
    const again = await germany.api(`/api/exchange/incoming/${encodeURIComponent(arrived.id)}/confirmation`, {
      token: germanCustoms,
      body: { blocks: [{ block: 'A', quantity: 47 }], date: '2026-12-01' },
    });
    expect(again.status).toBe(409);
  });

  it('refuses a forged message, one signed by an unknown key, a stale one and a replay, storing nothing', async () => {
    // A German import permit signed by hand, so that Germany's own delivery of it does not interfere.
    const number = 'DE26990001-I';
    const signedPermit = signPermitContent(
      germanKeys,
      permitDocumentOf({
        documentType: 'import',
        data: {
          ...leopardImport.data,
          importer: {
            ...leopardImport.data.importer,
            address: { ...leopardImport.data.importer.address, country: 'DE' },
          },
          exporter: {
            ...leopardImport.data.exporter,
            address: { ...leopardImport.data.exporter.address, country: 'KE' },
          },
        },
        permit: { number, validFrom: '2026-11-30', validUntil: '2027-11-29', issuedAt: '2026-11-30' },
        managementAuthority: {
          name: 'Bundesamt für Naturschutz',
          address: { streetLines: [], country: 'DE' },
        },
        official: { name: 'A. Officer' },
        place: 'Bonn',
        signatureKeyId: germanKeys.active.kid,
      }),
    );
    const incomingBefore = await kenya.store.collection('incomingPermits').countDocuments();
    const receivedBefore = await kenya.store.collection('exchangeReceived').countDocuments();
    const permitMessage = (messageId: string, extra: object = {}) =>
      fromGermany({
        messageId,
        kind: 'permit',
        body: {
          signedPermit,
          xml: '<x/>',
          permit: decodeSignedPermit(signedPermit).content as never,
          status: 'valid',
        },
        ...extra,
      });

    // Forged: the content changed after signing.
    const genuine = permitMessage('forged-0001');
    const [header, payload, signature] = genuine.split('.') as [string, string, string];
    const altered = Buffer.from(payload, 'base64url').toString('utf8').replace('"KE"', '"US"');
    const forged = await toKenya(`${header}.${Buffer.from(altered).toString('base64url')}.${signature}`);
    expect(forged.status).toBe(403);
    // A key Germany never published.
    const strangerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-stranger-'));
    const stranger = await loadPartyKeys({
      party: 'DE',
      keysDir: strangerDir,
      environment: {},
      production: false,
    });
    expect(
      (
        await toKenya(
          fromGermany({ messageId: 'stranger-0001', kind: 'permit', body: {} as never }, stranger),
        )
      ).status,
    ).toBe(403);
    // Ten minutes old.
    const stale = permitMessage('stale-000001', { sentAt: new Date(Date.now() - 600_000).toISOString() });
    expect((await toKenya(stale)).status).toBe(422);
    expect(await kenya.store.collection('incomingPermits').countDocuments()).toBe(incomingBefore);
    expect(await kenya.store.collection('exchangeReceived').countDocuments()).toBe(receivedBefore);

    // The genuine one is taken once; the same message again is refused and changes nothing.
    const message = permitMessage('genuine-0001');
    expect((await toKenya(message)).status).toBe(200);
    const replay = await toKenya(message);
    expect(replay.status).toBe(409);
    expect(await kenya.store.collection('incomingPermits').countDocuments()).toBe(incomingBefore + 1);
    expect(await kenya.store.collection('exchangeReceived').countDocuments()).toBe(receivedBefore + 1);
    expect(
      await kenya.store.collection('incomingPermits').findOne({ _id: `DE:${number}` as never }),
    ).toMatchObject({
      documentType: 'import',
      status: 'valid',
    });

    // A removed peer is no longer trusted.
    const admin = await kenya.login('admin@demo.test');
    expect((await kenya.api('/api/exchange/peers/DE', { method: 'DELETE', token: admin })).status).toBe(200);
    expect((await toKenya(permitMessage('after-removal-1'))).status).toBe(403);
    expect(await kenya.store.collection('exchangeReceived').countDocuments()).toBe(receivedBefore + 1);
    const restored = await kenya.api('/api/exchange/peers', {
      token: admin,
      body: { party: 'DE', baseUrl: germanyDoor.url, jwksUrl: `${germany.baseUrl}/.well-known/jwks.json` },
    });
    expect(restored.status).toBe(200);
  });

  it('keeps sending while the importing Party is offline, and delivers once when it is back', async () => {
    germanyDoor.shut();
    const { id, number } = await issuePermitThroughApi(kenya, exportToGermany);
    // Long enough for several attempts to fail.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect((await incomingAtGermany()).some((permit) => permit.number === number)).toBe(false);
    germanyDoor.reopen();
    await arrivedInGermany(number);
    await eventually('delivery on the timeline', async () =>
      (await kenyanTimeline(id)).find((entry) => entry.event === 'exchange-delivered'),
    );
    expect(await germany.store.collection('incomingPermits').countDocuments({ number })).toBe(1);
    await recordHistory(
      kenya.config.temporal.address!,
      exchangeDeliveryWorkflowId(`${id}-permit`),
      'exchangeDeliveryWorkflow-retried',
    );
  });

  it('answers a signed request for a permit only to the Party it is for', async () => {
    const forGermany = await issuePermitThroughApi(kenya, exportToGermany);
    const forFrance = await issuePermitThroughApi(kenya, handbagReExport);
    const ask = (number: string, messageId: string) =>
      kenya.api<{ message: string }>('/api/exchange/requests', {
        body: { message: fromGermany({ messageId, kind: 'permit-request', body: { number } }) },
      });
    const answer = await ask(forGermany.number, 'pull-0000001');
    expect(answer.status).toBe(200);
    const reply = decodeSignedPermit(answer.body.message).content as ExchangeEnvelope<'permit'>;
    expect(reply).toMatchObject({ from: 'KE', to: 'DE', kind: 'permit' });
    expect(decodeSignedPermit(reply.body.signedPermit).content).toMatchObject({
      permitNumber: forGermany.number,
    });
    expect((await ask(forFrance.number, 'pull-0000002')).status).toBe(404);
    expect((await ask('KE26999999-E', 'pull-0000003')).status).toBe(404);
  });

  it('lets the importing Party’s import permit settle an Appendix I export by itself', async () => {
    const importPermit = await issuePermitThroughApi(germany, {
      ...leopardImport,
      data: {
        ...leopardImport.data,
        importer: {
          ...leopardImport.data.importer,
          address: { ...leopardImport.data.importer.address, country: 'DE' },
        },
        exporter: {
          ...leopardImport.data.exporter,
          address: { ...leopardImport.data.exporter.address, country: 'KE' },
        },
        // The trophy the Kenyan export is for.
        blocks: leopardImport.data.blocks.map((block) => ({
          ...block,
          scientificName: 'Panthera pardus',
          quantity: 1,
          description: { term: 'TRO', text: 'skin and skull of one adult male' },
        })),
      },
    });
    await eventually(
      'the import permit in Kenya',
      async () =>
        (await kenya.store
          .collection('incomingPermits')
          .findOne({ _id: `DE:${importPermit.number}` as never })) ?? undefined,
      300,
    );
    const { id } = await issuePermitThroughApi(kenya, {
      ...leopardExport,
      data: {
        ...leopardExport.data,
        importer: {
          ...leopardExport.data.importer,
          address: { ...leopardExport.data.importer.address, country: 'DE' },
        },
        importPermit: { permitNumber: importPermit.number, date: '2026-11-30' },
      },
    });
    expect(await kenyanTimeline(id)).toContainEqual(
      expect.objectContaining({
        event: 'step-covered-by-import-permit',
        note: `DE ${importPermit.number} verified`,
      }),
    );
  });
});
