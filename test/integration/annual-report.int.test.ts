import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exportAppendixI from '../../examples/applications/export-appendix-i.json';
import exportAppendixII from '../../examples/applications/export-appendix-ii-wild.json';
import importAppendixI from '../../examples/applications/import-appendix-i.json';
import reExport from '../../examples/applications/re-export-appendix-ii.json';
import { loadPartyKeys, type PartyKeyRing } from '../../activities/signing/party-keys';
import { signPermitContent } from '../../activities/signing/permit-signature';
import type { DocumentType } from '../../domain/codes/types';
import { permitDocumentOf } from '../../forms/permit-document';
import { IncomingPermitRepository } from '../../store/incoming-permits';
import { PermitRepository, type PermitRecord } from '../../store/permits';
import { startTestStack, type TestStack } from '../support/test-stack';

type Data = Record<string, unknown>;

const EXPORTER_HEADER =
  'Appendix,SpeciesName,TermCode,Quantity,UnitCode,TradingPartner,CountryOfOrigin,ExportPermit,OriginPermit,IFSPermit,PurposeCode,SourceCode,Year';
const IMPORTER_HEADER =
  'Appendix,SpeciesName,TermCode,Quantity,UnitCode,TradingPartner,CountryOfOrigin,ImportPermit,ExportPermit,OriginPermit,IFSPermit,PurposeCode,SourceCode,Year';

/** A party of Box 3 or 4 in another country. */
const partyIn = (party: { name: string; address: object }, country: string) => ({
  ...party,
  address: { ...party.address, country },
});

// Two blocks: live pythons and python skins.
const pythonsAndSkins: Data = {
  ...exportAppendixII.data,
  blocks: [
    { ...exportAppendixII.data.blocks[0], quantity: 30 },
    { ...exportAppendixII.data.blocks[0], description: { term: 'SKI', text: 'skins' }, quantity: 20 },
  ],
};
// Live pythons for hunting: a term and purpose the Trade Database does not take together.
const pythonsForHunting: Data = {
  ...exportAppendixII.data,
  purpose: 'H',
  blocks: [{ ...exportAppendixII.data.blocks[0], quantity: 5 }],
};
const pythons = (quantity: number): Data => ({
  ...exportAppendixII.data,
  blocks: [{ ...exportAppendixII.data.blocks[0], quantity }],
});
// A German export of grey parrots and pythons to Kenya, received through the exchange.
const germanExport: Data = {
  ...exportAppendixII.data,
  exporter: partyIn(exportAppendixII.data.exporter, 'DE'),
  importer: partyIn(exportAppendixII.data.importer, 'KE'),
  blocks: [
    {
      scientificName: 'Psittacus erithacus',
      description: { term: 'LIV' },
      marks: [],
      appendix: 'I',
      source: 'C',
      quantity: 10,
    },
    { ...exportAppendixII.data.blocks[0], quantity: 4 },
  ],
};

describe('annual trade reports and the illegal trade report', () => {
  let stack: TestStack;
  let ma: string;
  let sa: string;
  let auditor: string;
  let customs: string;
  let applicant: string;
  let kenyanKeys: PartyKeyRing;
  let germanKeys: PartyKeyRing;

  const signed = (
    ring: PartyKeyRing,
    documentType: DocumentType,
    data: Data,
    number: string,
    issuedOn: string,
    country = 'KE',
  ) =>
    signPermitContent(
      ring,
      permitDocumentOf({
        documentType,
        data,
        permit: {
          number,
          validFrom: issuedOn,
          validUntil: `${Number(issuedOn.slice(0, 4)) + 1}-01-31`,
          issuedAt: issuedOn,
        },
        managementAuthority: {
          name: `CITES Management Authority of ${country}`,
          address: { streetLines: [], country },
        },
        official: { name: 'A. Officer' },
        place: country === 'KE' ? 'Nairobi' : 'Bonn',
        signatureKeyId: ring.active.kid,
      }),
    );

  /** One of Kenya's permits as the lifecycle leaves it, signed at issuance. */
  const permit = async (
    number: string,
    documentType: DocumentType,
    data: Data,
    issuedOn: string,
    after: Partial<PermitRecord> & { status: PermitRecord['status'] },
    options: { unsigned?: boolean } = {},
  ) => {
    const blocks = (data.blocks as { quantity: number }[]).map((block) => block.quantity);
    await new PermitRepository(stack.store).createOnce({
      id: `KE-${number}`,
      applicationId: `KE-${number}`,
      number,
      party: 'KE',
      documentType,
      authorisedQuantities: blocks,
      validFrom: issuedOn,
      validUntil: `${Number(issuedOn.slice(0, 4)) + 1}-01-31`,
      issuedAt: new Date(`${issuedOn}T09:30:00Z`),
      nonDetrimentFindingIds: [],
      ...(options.unsigned ? {} : { signedPermit: signed(kenyanKeys, documentType, data, number, issuedOn) }),
      ...after,
    });
  };
  const endorsed = (quantities: number[], date: string) => ({
    quantities,
    port: 'Nairobi JKIA',
    date,
    by: 'customs-officer-id',
  });

  beforeAll(async () => {
    stack = await startTestStack();
    [ma, sa, auditor, customs, applicant] = (await Promise.all(
      ['ma@demo.test', 'sa@demo.test', 'auditor@demo.test', 'customs@demo.test', 'applicant@demo.test'].map(
        (email) => stack.login(email),
      ),
    )) as [string, string, string, string, string];
    kenyanKeys = await loadPartyKeys({
      party: 'KE',
      keysDir: stack.config.signingKeysDir,
      environment: {},
      production: false,
    });
    germanKeys = await loadPartyKeys({
      party: 'DE',
      keysDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-report-de-keys-')),
      environment: {},
      production: false,
    });

    // 2024: an export endorsed that year, and one issued in December but shipped in January.
    await permit('KE24000007-E', 'export', pythons(40), '2024-03-01', {
      status: 'used',
      endorsement: endorsed([40], '2024-03-10'),
      importConfirmation: { quantities: [40], by: 'peer' },
    });
    await permit('KE24000009-E', 'export', exportAppendixI.data, '2024-12-20', {
      status: 'endorsed',
      endorsement: endorsed([1], '2025-01-05'),
    });
    // 2025, exports.
    await permit('KE25000001-E', 'export', pythons(50), '2025-02-10', {
      status: 'endorsed',
      endorsement: endorsed([48], '2025-02-20'),
    });
    await permit('KE25000002-E', 'export', pythonsAndSkins, '2025-03-01', {
      status: 'endorsed',
      endorsement: endorsed([30, 0], '2025-03-05'),
    });
    await permit('KE25000003-R', 're-export', reExport.data, '2025-04-01', {
      status: 'endorsed',
      endorsement: endorsed([10], '2025-04-03'),
    });
    await permit('KE25000005-E', 'export', pythons(15), '2025-05-01', { status: 'valid' });
    await permit('KE25000006-E', 'export', pythons(25), '2025-06-01', {
      status: 'cancelled',
      cancellation: { reason: 'applicant withdrew', by: 'ma' },
    });
    await permit('KE25000011-E', 'export', pythons(8), '2025-06-15', {
      status: 'replaced',
      replacedBy: { permitId: 'KE-KE25000011-E-R1', number: 'KE25000012-E' },
    });
    await permit('KE25000008-E', 'export', pythonsForHunting, '2025-07-01', {
      status: 'endorsed',
      endorsement: endorsed([5], '2025-07-02'),
    });
    // Issued before permits were signed: no boxes on record to report from.
    await permit(
      'KE25000010-E',
      'export',
      pythons(6),
      '2025-08-01',
      { status: 'endorsed', endorsement: endorsed([6], '2025-08-03') },
      { unsigned: true },
    );
    // 2025, imports: one used (24 endorsed at the border, 22 confirmed arrived), one not yet.
    await permit('KE25000004-I', 'import', importAppendixI.data, '2025-01-15', {
      status: 'used',
      endorsement: endorsed([24], '2025-02-01'),
      importConfirmation: { quantities: [22], by: 'ma' },
    });
    await permit(
      'KE25000013-I',
      'import',
      { ...importAppendixI.data, blocks: [{ ...importAppendixI.data.blocks[0], quantity: 6 }] },
      '2025-09-01',
      { status: 'valid' },
    );
    // A German export received, confirmed at import for its first block only; another received, not confirmed.
    const incoming = new IncomingPermitRepository(stack.store);
    for (const [number, confirmed] of [
      ['DE25000123-E', true],
      ['DE25000124-E', false],
    ] as const) {
      await incoming.keepOnce({
        id: `DE:${number}`,
        number,
        fromParty: 'DE',
        documentType: 'export',
        status: confirmed ? 'used' : 'valid',
        validUntil: '2026-01-31',
        exporterCountry: 'DE',
        importerCountry: 'KE',
        blocks: [
          { scientificName: 'Psittacus erithacus', quantity: 10 },
          { scientificName: 'Python regius', quantity: 4 },
        ],
        signedPermit: signed(germanKeys, 'export', germanExport, number, '2025-09-20', 'DE'),
        verifiedAt: new Date('2025-09-20T12:00:00Z'),
        ...(confirmed
          ? {
              importConfirmation: {
                blocks: [
                  { block: 'A', quantity: 9 },
                  { block: 'B', quantity: 0 },
                ],
                date: '2025-10-01',
                by: 'customs@demo.test',
              },
            }
          : {}),
      });
    }
  });
  afterAll(() => stack?.close());

  const report = async (query: string, token = ma) => {
    const answer = await stack.api<string>(`/api/reports/annual?${query}`, { token });
    return { ...answer, text: answer.bytes.toString('utf8') };
  };
  /** The header line, then the data rows sorted: the report's order is the database's. */
  const linesOf = (text: string) => {
    const [header, ...rows] = text.split('\n');
    expect(rows.pop()).toBe('');
    return [header, ...rows.sort()];
  };

  it('reports the exports endorsed in 2025 with the quantities endorsed (actual trade, the default)', async () => {
    const answer = await report('year=2025&layout=exporter', auditor);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="annual-report-KE-2025-exporter-actual.csv"',
    );
    expect(linesOf(answer.text)).toEqual([
      EXPORTER_HEADER,
      'I,Panthera pardus,TRO,1,,US,,KE24000009-E,,,H,W,2025',
      'II,Alligator mississippiensis,LPS,10,,FR,US,KE25000003-R,24US98765I,,T,C,2025',
      'II,Python regius,LIV,30,,DE,,KE25000002-E,,,T,W,2025',
      'II,Python regius,LIV,48,,DE,,KE25000001-E,,,T,W,2025',
      'II,Python regius,LIV,5,,DE,,KE25000008-E,,,H,W,2025',
    ]);
    expect((await report('year=2025&layout=exporter&basis=actual', sa)).text).toBe(answer.text);
  });

  it('reports the permits issued in 2025 with the quantities authorised (basis=issued)', async () => {
    const answer = await report('year=2025&layout=exporter&basis=issued');
    expect(answer.status).toBe(200);
    expect(linesOf(answer.text)).toEqual([
      EXPORTER_HEADER,
      'II,Alligator mississippiensis,LPS,12,,FR,US,KE25000003-R,24US98765I,,T,C,2025',
      'II,Python regius,LIV,15,,DE,,KE25000005-E,,,T,W,2025',
      'II,Python regius,LIV,30,,DE,,KE25000002-E,,,T,W,2025',
      'II,Python regius,LIV,5,,DE,,KE25000008-E,,,H,W,2025',
      'II,Python regius,LIV,50,,DE,,KE25000001-E,,,T,W,2025',
      'II,Python regius,SKI,20,,DE,,KE25000002-E,,,T,W,2025',
    ]);
  });

  it('reports 2024 on both bases', async () => {
    expect(linesOf((await report('year=2024&layout=exporter')).text)).toEqual([
      EXPORTER_HEADER,
      'II,Python regius,LIV,40,,DE,,KE24000007-E,,,T,W,2024',
    ]);
    expect(linesOf((await report('year=2024&layout=exporter&basis=issued')).text)).toEqual([
      EXPORTER_HEADER,
      'I,Panthera pardus,TRO,1,,US,,KE24000009-E,,,H,W,2024',
      'II,Python regius,LIV,40,,DE,,KE24000007-E,,,T,W,2024',
    ]);
    expect((await report('year=2024&layout=importer')).text).toBe(`${IMPORTER_HEADER}\n`);
  });

  it('reports the imports confirmed in 2025: this Party’s import permits used and other Parties’ permits customs confirmed', async () => {
    expect(linesOf((await report('year=2025&layout=importer')).text)).toEqual([
      IMPORTER_HEADER,
      'I,Diceros bicornis,SPE,22,,DE,,KE25000004-I,,,,S,W,2025',
      'I,Psittacus erithacus,LIV,9,,DE,,,DE25000123-E,,,T,C,2025',
    ]);
    expect(linesOf((await report('year=2025&layout=importer&basis=issued')).text)).toEqual([
      IMPORTER_HEADER,
      'I,Diceros bicornis,SPE,24,,DE,,KE25000004-I,,,,S,W,2025',
      'I,Diceros bicornis,SPE,6,,DE,,KE25000013-I,,,,S,W,2025',
    ]);
  });

  it('lists each row the Trade Database would refuse and why, and the permits that give no row', async () => {
    const answer = await stack.api<{
      rows: number;
      refusedRows: number;
      problems: number;
      unreportable: number;
      byCode: Record<string, number>;
      truncated: boolean;
      refused: {
        row: number | null;
        permitNumber: string;
        column: string | null;
        code: string;
        reason: string;
      }[];
    }>('/api/reports/annual/check?year=2025&layout=exporter', { token: ma });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      party: 'KE',
      year: 2025,
      layout: 'exporter',
      basis: 'actual',
      rows: 5,
      refusedRows: 1,
      problems: 2,
      unreportable: 1,
      byCode: { 'term-purpose-not-allowed': 1, 'not-signed': 1 },
      truncated: false,
    });
    const bad = answer.body.refused.find((r) => r.code === 'term-purpose-not-allowed')!;
    expect(bad).toEqual({
      row: expect.any(Number),
      permitNumber: 'KE25000008-E',
      column: 'PurposeCode',
      code: 'term-purpose-not-allowed',
      reason: 'LIV may not be reported with purpose H.',
    });
    // The row number is the line of the file (after the header) that holds the refused row.
    const lines = (await report('year=2025&layout=exporter')).text.split('\n');
    expect(lines[bad.row!]).toBe('II,Python regius,LIV,5,,DE,,KE25000008-E,,,H,W,2025');
    expect(answer.body.refused).toContainEqual({
      row: null,
      permitNumber: 'KE25000010-E',
      column: null,
      code: 'not-signed',
      reason: 'Issued before permits were signed: its boxes are not on record, so it gives no row.',
    });

    const clean = await stack.api('/api/reports/annual/check?year=2025&layout=importer', { token: auditor });
    expect(clean.body).toMatchObject({ rows: 2, refusedRows: 0, problems: 0, unreportable: 0, refused: [] });
  });

  it('refuses a strict download while any row would be refused, and gives a clean one', async () => {
    const refused = await stack.api<{ detail: string; errors: { path: string; message: string }[] }>(
      '/api/reports/annual?year=2025&layout=exporter&strict=true',
      { token: ma },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(
      /^1 of 5 rows would be refused by the CITES Trade Database; 1 permits give no row/,
    );
    expect(refused.body).toMatchObject({
      summary: { rows: 5, refusedRows: 1, unreportable: 1 },
    });
    expect(refused.body.errors).toContainEqual({
      path: expect.stringMatching(/^\/rows\/\d+\/PurposeCode$/),
      message: 'KE25000008-E: LIV may not be reported with purpose H.',
    });
    const clean = await report('year=2024&layout=exporter&strict=true');
    expect(clean.status).toBe(200);
    expect(clean.text).toBe(`${EXPORTER_HEADER}\nII,Python regius,LIV,40,,DE,,KE24000007-E,,,T,W,2024\n`);
  });

  it('answers a wrong role 403 and a bad year 422', async () => {
    for (const token of [customs, applicant]) {
      expect((await stack.api('/api/reports/annual?year=2025&layout=exporter', { token })).status).toBe(403);
      expect((await stack.api('/api/reports/annual/check?year=2025&layout=exporter', { token })).status).toBe(
        403,
      );
      expect((await stack.api('/api/reports/illegal-trade?year=2025', { token })).status).toBe(403);
    }
    for (const year of ['abc', '25', '1974', String(new Date().getUTCFullYear() + 1)]) {
      const answer = await stack.api<{ errors: { path: string }[] }>(
        `/api/reports/annual?year=${year}&layout=exporter`,
        { token: ma },
      );
      expect({ year, status: answer.status }).toEqual({ year, status: 422 });
      expect(answer.body.errors[0]!.path).toBe('/year');
      const check = await stack.api(`/api/reports/annual/check?year=${year}&layout=importer`, { token: ma });
      expect({ year, status: check.status }).toEqual({ year, status: 422 });
    }
    expect((await stack.api('/api/reports/annual?year=2025&layout=both', { token: ma })).status).toBe(422);
    expect((await stack.api('/api/reports/annual?layout=exporter', { token: ma })).status).toBe(422);
  });

  describe('seizures', () => {
    const scales = {
      date: '2025-03-01',
      reference: 'KRA/JKIA/2025/041',
      scientificName: 'Smutsia temminckii',
      appendix: 'I',
      term: 'SCA',
      quantity: 412.5,
      unit: 'KIL',
      countryOfOrigin: 'UG',
      countriesOfTransit: ['AE', 'TH'],
      countryOfDestination: 'VN',
      location: 'Nairobi JKIA, cargo terminal',
      detectionMethod: 'x-ray',
      transportMode: 'air',
      concealment: 'declared as cashew nuts',
      detectedBy: 'Kenya Revenue Authority',
    };

    it('records seizures, audits them, lists them by year and exports the illegal trade report', async () => {
      const first = await stack.api<{ id: string; recordedBy: string }>('/api/seizures', {
        token: customs,
        body: scales,
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ ...scales, party: 'KE', recordedBy: 'customs@demo.test' });
      const second = await stack.api<{ id: string }>('/api/seizures', {
        token: ma,
        body: {
          date: '2025-07-09',
          scientificName: 'Python regius',
          term: 'LIV',
          quantity: 3,
          location: 'Busia border post',
          transportMode: 'road',
          detectedBy: 'KWS canine unit',
        },
      });
      expect(second.status).toBe(201);
      const earlier = await stack.api('/api/seizures', {
        token: customs,
        body: { ...scales, date: '2024-11-30', reference: 'KRA/MSA/2024/007', location: 'Mombasa port' },
      });
      expect(earlier.status).toBe(201);

      const followedUp = await stack.api(`/api/seizures/${first.body.id}`, {
        method: 'PATCH',
        token: ma,
        body: { legalAction: 'two arrests; prosecution pending', disposal: 'held as evidence' },
      });
      expect(followedUp.status).toBe(200);
      expect(followedUp.body).toMatchObject({ legalAction: 'two arrests; prosecution pending' });

      const listed = await stack.api<{ id: string; date: string }[]>('/api/seizures?year=2025', {
        token: auditor,
      });
      expect(listed.status).toBe(200);
      expect(listed.body.map((s) => [s.id, s.date])).toEqual([
        [second.body.id, '2025-07-09'],
        [first.body.id, '2025-03-01'],
      ]);

      const file = await stack.api('/api/reports/illegal-trade?year=2025', { token: sa });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(linesOf(file.bytes.toString('utf8'))).toEqual([
        'Year,SeizureDate,Reference,SpeciesName,Appendix,TermCode,Description,Quantity,UnitCode,CountryOfOrigin,CountryOfExport,CountriesOfTransit,CountryOfDestination,DetectionLocation,DetectionMethod,TransportMode,MethodOfConcealment,DetectedBy,OffenderNationalities,LegalAction,Disposal,AdditionalInformation',
        '2025,2025-03-01,KRA/JKIA/2025/041,Smutsia temminckii,I,SCA,,412.5,KIL,UG,,AE;TH,VN,"Nairobi JKIA, cargo terminal",x-ray,air,declared as cashew nuts,Kenya Revenue Authority,,two arrests; prosecution pending,held as evidence,',
        '2025,2025-07-09,,Python regius,,LIV,,3,,,,,,Busia border post,,road,,KWS canine unit,,,,',
      ]);

      const audited = await stack.store
        .collection('auditTrail')
        .find({ objectType: 'seizure' }, { projection: { action: 1, objectId: 1, 'actor.email': 1 } })
        .toArray();
      expect(audited.map((e) => [e.action, e.objectId, (e.actor as { email: string }).email]).sort()).toEqual(
        [
          ['seizure.followed-up', first.body.id, 'ma@demo.test'],
          ['seizure.recorded', first.body.id, 'customs@demo.test'],
          ['seizure.recorded', second.body.id, 'ma@demo.test'],
          ['seizure.recorded', (earlier.body as { id: string }).id, 'customs@demo.test'],
        ].sort(),
      );
    });

    it('refuses unknown codes and impossible records with the fields at fault, storing nothing', async () => {
      const before = await stack.store.collection('seizures').countDocuments();
      const bad = await stack.api<{ errors: { path: string; message: string }[] }>('/api/seizures', {
        token: customs,
        body: { ...scales, unit: 'LTR', countryOfOrigin: 'QQ', countriesOfTransit: ['AE', 'SU'] },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e) => e.path)).toEqual([
        '/unit',
        '/countryOfOrigin',
        '/countriesOfTransit/1',
      ]);
      const future = await stack.api('/api/seizures', {
        token: customs,
        body: { ...scales, date: '2099-01-01' },
      });
      expect(future.status).toBe(422);
      const unknownTerm = await stack.api('/api/seizures', {
        token: customs,
        body: { ...scales, term: 'ZZZ' },
      });
      expect(unknownTerm.status).toBe(422);
      const missing = await stack.api('/api/seizures', { token: customs, body: { date: '2025-01-01' } });
      expect(missing.status).toBe(422);
      expect(await stack.store.collection('seizures').countDocuments()).toBe(before);
      expect(
        (
          await stack.api('/api/seizures/00000000-0000-4000-8000-000000000000', {
            method: 'PATCH',
            token: ma,
            body: { disposal: 'destroyed' },
          })
        ).status,
      ).toBe(404);
    });

    it('lets only customs and the Management Authority record, and refuses a bad year', async () => {
      for (const token of [sa, auditor, applicant]) {
        expect((await stack.api('/api/seizures', { token, body: scales })).status).toBe(403);
      }
      expect((await stack.api('/api/seizures?year=2025', { token: applicant })).status).toBe(403);
      expect((await stack.api('/api/seizures?year=twenty', { token: ma })).status).toBe(422);
      expect((await stack.api('/api/reports/illegal-trade?year=1800', { token: ma })).status).toBe(422);
      expect(
        (await stack.api(`/api/reports/illegal-trade?year=${new Date().getUTCFullYear() + 1}`, { token: ma }))
          .status,
      ).toBe(422);
    });
  });
});
