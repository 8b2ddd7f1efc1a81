import fs from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  DOCUMENT_TITLES,
  formCategory,
  type ExportPermit,
  type IntroductionFromTheSeaCertificate,
  type PermitDocument,
  type ReExportCertificate,
  type SpecimenBlock,
} from '../../domain/documents';
import {
  CITES_EPERMIT_NAMESPACE,
  CitesEPermitXmlError,
  citesEPermitXmlOf,
  MAX_CITES_EPERMIT_XML_BYTES,
  RAM_NAMESPACE,
  readCitesEPermitXml,
  type ReadCitesEPermit,
} from '../../forms/cites-epermit-xml';
import { permitDocumentOf, type PermitDocumentInput } from '../../forms/permit-document';
import { exampleNamed, examples, permitInputOf, type Example } from '../support/permit-examples';
import { sharedDataFile } from '../support/shared-data';

// Box 6 with a post-office box, a box the XML carries.
const managementAuthority = {
  name: 'Kenya Wildlife Service',
  address: { streetLines: ['Langata Road'], postOfficeBox: 'P.O. Box 40241', city: 'Nairobi', country: 'KE' },
};
const inputOf = (example: Example, extra: Partial<PermitDocumentInput> = {}) =>
  permitInputOf(example, { managementAuthority, ...extra });
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const documentOf = (file: string, extra: Partial<PermitDocumentInput> = {}) =>
  permitDocumentOf(inputOf(exampleNamed(file), extra));

/** Writes the document, checks the XML is well-formed, and reads it back. */
function roundTrip(document: PermitDocument): { xml: string; read: ReadCitesEPermit } {
  const xml = citesEPermitXmlOf(document);
  expect(XMLValidator.validate(xml)).toBe(true);
  return { xml, read: readCitesEPermitXml(xml) };
}

const sampleDir = 'epix-cites-epermit-xml';
const readShared = (file: string) => fs.readFileSync(sharedDataFile(sampleDir, file), 'utf8');

/** The sample's CITESEPermit element alone, its namespaces declared on it (as a bare document). */
function bareSample(qualifiedRoot: boolean): string {
  const sample = readShared('v2_get_non_final_cites_certificate.xml');
  const inner = sample.slice(sample.indexOf('<CITESEPermit>'), sample.indexOf('</CITESEPermit>'));
  const declarations = `xmlns:urn="${CITES_EPERMIT_NAMESPACE}" xmlns:urn1="${RAM_NAMESPACE}"`;
  return qualifiedRoot
    ? `${inner.replace('<CITESEPermit>', `<urn:CITESEPermit ${declarations}>`)}</urn:CITESEPermit>`
    : `${inner.replace('<CITESEPermit>', `<CITESEPermit ${declarations}>`)}</CITESEPermit>`;
}

/** A message wrapped as EPIX wraps it: SOAP envelope, response element, CITESEPermit. */
function inSoapEnvelope(message: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:v2="urn:CitesDataExchange/v2/">',
    '<soapenv:Header/><soapenv:Body><v2:GetNonFinalCitesCertificateResponse>',
    message.replace(/^<\?xml[^>]*\?>\s*/, ''),
    '<Composite>false</Composite></v2:GetNonFinalCitesCertificateResponse></soapenv:Body></soapenv:Envelope>',
  ].join('\n');
}

/** A hand-written message: the given header and consignment content, prefixes rsm and ram. */
function message(headerContent: string, consignmentContent = ''): string {
  return (
    `<rsm:CITESEPermit xmlns:rsm="${CITES_EPERMIT_NAMESPACE}" xmlns:ram="${RAM_NAMESPACE}">` +
    `<rsm:HeaderExchangedDocument>${headerContent}</rsm:HeaderExchangedDocument>` +
    `<rsm:SpecifiedSupplyChainConsignment>${consignmentContent}</rsm:SpecifiedSupplyChainConsignment>` +
    '</rsm:CITESEPermit>'
  );
}

describe('readCitesEPermitXml on the EPIX v2 sample (UNEP-WCMC, ../shared/data)', () => {
  const sample = readShared('v2_get_non_final_cites_certificate.xml');

  it('finds CITESEPermit in the SOAP envelope and reads boxes 1 to 6 and 13', () => {
    const read = readCitesEPermitXml(sample);
    expect(read).toMatchObject({
      number: 'XA000000',
      documentType: 're-export',
      isCopy: false,
      validFrom: '2014-01-06',
      validUntil: '2014-07-05',
      issuingCountry: 'XA',
      managementAuthority: { name: 'Authority name', country: 'XA', countryName: 'Neverland' },
      purpose: 'T',
      issuedOn: '2014-01-06',
    });
    expect(read.exporter).toEqual({
      name: 'Consignor name',
      country: 'XA',
      countryName: 'Neverland',
      streetLines: ['Street'],
      postcode: '00000',
      city: 'City',
    });
    expect(read.importer).toMatchObject({ name: 'Consignee name', country: 'XB', countryName: 'Wonderland' });
    expect(read.specialConditions).toHaveLength(1);
    expect(read.specialConditions[0]).toMatch(
      /^For live animals, this permit is only valid .*IATA Live Animals Regulations$/s,
    );
    // The sample's empty elements (Name, IssueLogisticsLocation, security stamp, bill of lading) are absent.
    for (const key of [
      'documentName',
      'issuedAt',
      'issuedBy',
      'securityStampNumber',
      'billOfLading',
      'endorsement',
    ]) {
      expect(read).not.toHaveProperty(key);
    }
  });

  it('reads both blocks with their origin (861) and last re-export (811) documents', () => {
    const { blocks } = readCitesEPermitXml(sample);
    expect(blocks).toEqual([
      {
        block: 'A',
        scientificName: 'Alligator mississippiensis',
        commonName: 'American Alligator',
        term: 'LPS',
        description: 'watchstraps',
        marks: ['XXX'],
        appendix: 'II',
        source: 'W',
        quantity: 5,
        unit: 'PCS',
        origin: { country: 'XC', countryName: 'Pixieland', permitNumber: 'XC12345', date: '2007-07-09' },
        lastReExport: {
          country: 'XA',
          countryName: 'Neverland',
          certificateNumber: 'XA12345',
          date: '2012-02-23',
        },
      },
      {
        block: 'B',
        scientificName: 'Crocodylus siamensis',
        commonName: 'Siamese Crocodile',
        term: 'LPS',
        description: 'watchstraps',
        marks: ['XXX'],
        appendix: 'I',
        source: 'D',
        quantity: 10,
        unit: 'PCS',
        // The sample's 861 document of block B has a date but no number.
        origin: { country: 'TH', countryName: 'Thailand', date: '2007-07-09' },
        lastReExport: {
          country: 'FR',
          countryName: 'France',
          certificateNumber: 'FR1202501030-R',
          date: '2012-02-23',
        },
      },
    ]);
  });

  it.each([
    ['inside its SOAP envelope', () => sample],
    ['as a bare document with the root unqualified', () => bareSample(false)],
    ['as a bare document with the root in the CITESEPermit:2 namespace', () => bareSample(true)],
  ])('reads the same message %s', (_how, xml) => {
    expect(readCitesEPermitXml(xml())).toEqual(readCitesEPermitXml(sample));
  });

  it('refuses the v1 sample, whose root is the old CBFShip, with a clear error', () => {
    const v1 = readShared('v1_get_non_final_cites_certificate.xml');
    expect(v1).toContain('<CBFShip>');
    expect(v1).not.toContain('CITESEPermit');
    expect(() => readCitesEPermitXml(v1)).toThrow(CitesEPermitXmlError);
    expect(() => readCitesEPermitXml(v1)).toThrow(/toolkit v1 CBFShip message .*not a v2 CITESEPermit/);
  });
});

describe('citesEPermitXmlOf → readCitesEPermitXml', () => {
  it('covers every shipped example application', () => {
    expect(Object.keys(examples).sort()).toEqual([
      'export-appendix-i.json',
      'export-appendix-ii-captive-bred.json',
      'export-appendix-ii-wild.json',
      'import-appendix-i.json',
      're-export-appendix-ii.json',
    ]);
  });

  it.each(Object.keys(examples))('gives back boxes 1 to 13 of %s', (file) => {
    const document = documentOf(file);
    const { read } = roundTrip(document);
    const parties = document as ExportPermit;
    const party = (p: ExportPermit['importer']) => ({
      name: p.name,
      country: p.address.country,
      streetLines: p.address.streetLines,
    });
    expect(read).toMatchObject({
      number: 'KE26000123E',
      documentType: formCategory(document.documentType),
      documentName: DOCUMENT_TITLES[document.documentType].en,
      isCopy: false,
      validFrom: '2026-10-20',
      validUntil: '2027-04-19',
      issuingCountry: 'KE',
      managementAuthority: {
        name: 'Kenya Wildlife Service',
        country: 'KE',
        countryName: 'Kenya',
        streetLines: ['Langata Road'],
        postOfficeBox: 'P.O. Box 40241',
        city: 'Nairobi',
      },
      importer: party(parties.importer),
      exporter: party(parties.exporter),
      purpose: document.purpose,
      specialConditions: document.specialConditions,
      issuedOn: '2026-10-20',
      issuedAt: 'Nairobi',
      issuedBy: 'Grace Wanjiru',
    });
    expect(read.blocks).toHaveLength(document.specimens.length);
    document.specimens.forEach((block: SpecimenBlock, index) => {
      const got = read.blocks[index];
      expect(got).toMatchObject({
        block: 'ABCD'[index],
        scientificName: block.scientificName,
        commonName: block.commonName,
        term: block.description.term,
        quantity: block.quantity,
        appendix: block.appendix,
        source: block.source,
      });
      // The examples count specimens: no unit, so no unitCode and no unit read back.
      expect(block.unit).toBeNull();
      expect(got).not.toHaveProperty('unit');
      if (block.countryOfOrigin) {
        expect(got?.origin).toMatchObject({
          country: block.countryOfOrigin.country,
          permitNumber: block.countryOfOrigin.permitNumber,
          date: block.countryOfOrigin.date,
        });
      } else {
        expect(got).not.toHaveProperty('origin');
      }
    });
  });

  it('reads the re-exported handbags with their origin permit (Box 12)', () => {
    const { read } = roundTrip(documentOf('re-export-appendix-ii.json'));
    expect(read.documentType).toBe('re-export');
    expect(read.importer).toEqual({
      name: 'Maison Durand SARL',
      country: 'FR',
      countryName: 'France',
      streetLines: ['12 rue du Faubourg'],
      postcode: '75008',
      city: 'Paris',
    });
    expect(read.blocks).toEqual([
      {
        block: 'A',
        scientificName: 'Alligator mississippiensis',
        commonName: 'American alligator',
        term: 'LPS',
        description: 'handbags, alligator leather',
        marks: [],
        appendix: 'II',
        source: 'C',
        quantity: 12,
        origin: {
          country: 'US',
          countryName: 'United States',
          permitNumber: '24US98765I',
          date: '2024-03-02',
        },
      },
    ]);
  });

  it('carries a replacement (Box 5), a copy (Box 1) and the security stamp (Box 5b)', () => {
    const document = documentOf('export-appendix-i.json', {
      replacement: { replacedPermitNumber: 'KE26000099E', reason: 'other', explanation: 'water damage' },
      isCopy: true,
      securityStampNumber: 'A1234567',
    });
    const { read } = roundTrip(document);
    expect(read).toMatchObject({ isCopy: true, securityStampNumber: 'A1234567' });
    expect(read.specialConditions).toEqual([
      'Replaces permit No. KE26000099E — reason: other (water damage)',
    ]);
    // The leopard: sex in Box 9 and its tag as the identifying mark.
    expect(read.blocks[0]).toMatchObject({
      description: 'skin and skull of one adult male; Sex: male',
      marks: ['tag KE-LP-2026-017'],
    });
  });

  it('puts the replaced permit before the transport conditions of live specimens', () => {
    const document = documentOf('export-appendix-ii-wild.json', {
      replacement: { replacedPermitNumber: 'KE26000099E', reason: 'stolen' },
    });
    expect(roundTrip(document).read.specialConditions).toEqual([
      'Replaces permit No. KE26000099E — reason: stolen',
      'Individually bagged in ventilated boxes, shipped by air under the IATA Live Animals Regulations, container 44.',
    ]);
  });

  it('carries the export endorsement per block and for the consignment (Box 14) and the bill of lading (Box 15)', () => {
    const example = clone(exampleNamed('export-appendix-ii-wild.json'));
    const [python] = example.data.blocks as Record<string, unknown>[];
    example.data.blocks = [
      python,
      { ...python, scientificName: 'Python sebae', commonName: 'African rock python', quantity: 10 },
    ];
    const issued = permitDocumentOf(inputOf(example)) as ExportPermit;
    const endorsed: ExportPermit = {
      ...issued,
      exportEndorsement: {
        blocks: [
          { block: 'A', quantity: 48 },
          { block: 'B', quantity: 0 },
        ],
        port: 'Jomo Kenyatta International Airport',
        date: '2026-11-02',
        officer: { name: 'Peter Kamau', title: 'Customs officer' },
      },
      billOfLading: '176-12345675',
    };
    const { read } = roundTrip(endorsed);
    expect(read.endorsement).toEqual({
      date: '2026-11-02',
      port: 'Jomo Kenyatta International Airport',
      officer: 'Peter Kamau',
    });
    expect(read.billOfLading).toBe('176-12345675');
    expect(read.blocks.map((block) => [block.block, block.quantity, block.endorsedQuantity])).toEqual([
      ['A', 50, 48],
      ['B', 10, 0],
    ]);
    // Before endorsement there is none.
    const { read: unendorsed } = roundTrip(issued);
    expect(unendorsed).not.toHaveProperty('endorsement');
    expect(unendorsed).not.toHaveProperty('billOfLading');
    expect(unendorsed.blocks[0]).not.toHaveProperty('endorsedQuantity');
  });

  it('writes a port given as a UN/LOCODE as the location ID too, which EPIX reads', () => {
    const issued = documentOf('export-appendix-ii-wild.json') as ExportPermit;
    const endorsed: ExportPermit = {
      ...issued,
      exportEndorsement: {
        blocks: [{ block: 'A', quantity: 50 }],
        port: 'KENBO',
        date: '2026-11-02',
        officer: { name: 'Peter Kamau' },
      },
    };
    const { xml, read } = roundTrip(endorsed);
    expect(xml).toContain('<ram:ID>KENBO</ram:ID>');
    expect(read.endorsement?.port).toBe('KENBO');
  });

  it('carries quota use (Box 11a), marks (Box 9), units, the last re-export (12a) and Box 12b', () => {
    const example = clone(exampleNamed('re-export-appendix-ii.json'));
    example.data.blocks = [
      {
        scientificName: 'Crocodylus niloticus',
        description: { term: 'SKI', text: 'salted skins' },
        marks: [
          { type: 'tag', value: 'ZW 2025 CN 000123' },
          { type: 'other', value: 'T-88', description: 'tattoo' },
        ],
        appendix: 'II',
        source: 'I',
        underlyingSource: 'W',
        quantity: 2.5,
        unit: 'KIL',
        countryOfOrigin: { country: 'ZW', permitNumber: 'ZW25/0042', date: '2025-01-10' },
        countryOfLastReExport: { country: 'FR', certificateNumber: 'FR2501030-R', date: '2025-01-03' },
        registeredOperation: 'A-ZW-501',
      },
      {
        scientificName: 'Crocodylus niloticus',
        description: { term: 'SKI' },
        appendix: 'II',
        source: 'O',
        underlyingSource: 'W',
        quantity: 1,
        countryOfOrigin: { country: 'XX' },
        dateOfAcquisition: '1970-05-01',
      },
    ];
    const reExport = permitDocumentOf(inputOf(example)) as ReExportCertificate;
    const [skins, old] = reExport.specimens;
    const document: ReExportCertificate = {
      ...reExport,
      specimens: [
        { ...skins!, quotaUse: { usedIncludingThisPermit: 150.5, quota: 500, unit: 'KIL', year: 2026 } },
        old!,
      ],
    };
    const { read } = roundTrip(document);
    expect(read.blocks).toEqual([
      {
        block: 'A',
        scientificName: 'Crocodylus niloticus',
        term: 'SKI',
        description: 'salted skins',
        marks: ['tag ZW 2025 CN 000123', 'tattoo T-88'],
        appendix: 'II',
        source: 'I',
        quantity: 2.5,
        unit: 'KIL',
        quotaUse: { usedIncludingThisPermit: 150.5, quota: 500, unit: 'KIL' },
        origin: { country: 'ZW', countryName: 'Zimbabwe', permitNumber: 'ZW25/0042', date: '2025-01-10' },
        lastReExport: {
          country: 'FR',
          countryName: 'France',
          certificateNumber: 'FR2501030-R',
          date: '2025-01-03',
        },
        registeredOperation: 'A-ZW-501',
      },
      {
        block: 'B',
        scientificName: 'Crocodylus niloticus',
        term: 'SKI',
        marks: [],
        appendix: 'II',
        source: 'O',
        quantity: 1,
        origin: expect.objectContaining({ country: 'XX' }),
        acquisitionDate: '1970-05-01',
      },
    ]);
    expect(read.blocks[1]?.origin).not.toHaveProperty('permitNumber');
  });

  it('counts quota use in specimens without a unit', () => {
    const issued = documentOf('export-appendix-ii-wild.json') as ExportPermit;
    const [python] = issued.specimens;
    const document: ExportPermit = {
      ...issued,
      specimens: [
        {
          ...python!,
          quotaUse: { usedIncludingThisPermit: 650, quota: 3000, unit: null },
          marks: [{ type: 'microchip', value: '985112003456789' }],
        },
      ],
    };
    expect(roundTrip(document).read.blocks[0]).toMatchObject({
      quotaUse: { usedIncludingThisPermit: 650, quota: 3000 },
      marks: ['microchip 985112003456789'],
    });
    expect(roundTrip(document).read.blocks[0]?.quotaUse).not.toHaveProperty('unit');
  });

  it.each([
    ['pre-convention', 'Pre-Convention certificate'],
    ['captive-breeding', 'Captive-breeding certificate'],
    ['certificate-of-origin', 'Certificate of origin'],
  ] as const)('reads a %s certificate as Box 1 "other" with its title', (documentType, title) => {
    const example = clone(exampleNamed('re-export-appendix-ii.json'));
    const block = (example.data.blocks as Record<string, unknown>[])[0]!;
    block.source = 'O';
    block.dateOfAcquisition = '1972-06-30';
    const { read } = roundTrip(permitDocumentOf({ ...inputOf(example), documentType }));
    expect(read).toMatchObject({ documentType: 'other', documentName: title, number: 'KE26000123E' });
    expect(read.blocks[0]).toMatchObject({ source: 'O', acquisitionDate: '1972-06-30' });
  });

  it('names the holder of a travelling-exhibition certificate in Box 4 and its exhibition in Box 5', () => {
    const example = clone(exampleNamed('export-appendix-ii-wild.json'));
    example.data.exhibitionName = 'Cirque du Monde';
    const { read } = roundTrip(
      permitDocumentOf({ ...inputOf(example), documentType: 'travelling-exhibition' }),
    );
    expect(read.exporter).toMatchObject({ name: 'Rift Valley Reptile Traders Ltd', id: 'KWS-TR-0421' });
    expect(read).not.toHaveProperty('importer');
    expect(read.specialConditions[0]).toBe('Exhibition: Cirque du Monde');
  });

  it('names the vessel of an introduction from the sea, which has no exporter', () => {
    const example = clone(exampleNamed('import-appendix-i.json'));
    (example.data.blocks as Record<string, unknown>[])[0]!.source = 'X';
    const certificate = permitDocumentOf({
      ...inputOf(example),
      documentType: 'introduction-from-the-sea',
    }) as IntroductionFromTheSeaCertificate;
    const { read } = roundTrip({ ...certificate, vessel: { name: 'Mv Bahari', flagState: 'KE' } });
    expect(read).toMatchObject({ documentType: 'other', importer: { name: 'Nairobi National Museum' } });
    expect(read).not.toHaveProperty('exporter');
    expect(read.specialConditions).toContain('Vessel: Mv Bahari (Kenya)');
  });

  it('is the same message for the same document (pure)', () => {
    const document = documentOf('re-export-appendix-ii.json');
    expect(citesEPermitXmlOf(document)).toBe(citesEPermitXmlOf(clone(document)));
  });

  it('reads its own message inside a SOAP envelope as well as bare', () => {
    const xml = citesEPermitXmlOf(documentOf('import-appendix-i.json'));
    expect(readCitesEPermitXml(inSoapEnvelope(xml))).toEqual(readCitesEPermitXml(xml));
  });
});

describe('citesEPermitXmlOf element paths (cites-domain.md §1.2)', () => {
  const issued = permitDocumentOf(
    inputOf(exampleNamed('re-export-appendix-ii.json'), { securityStampNumber: 'A1234567' }),
  ) as ReExportCertificate;
  const [handbags] = issued.specimens;
  const document: ReExportCertificate = {
    ...issued,
    specimens: [
      {
        ...handbags!,
        unit: 'PCS',
        countryOfLastReExport: { country: 'FR', certificateNumber: 'FR2501030-R', date: '2025-01-03' },
        quotaUse: { usedIncludingThisPermit: 20, quota: 100, unit: 'PCS' },
      },
    ],
    exportEndorsement: {
      blocks: [{ block: 'A', quantity: 11 }],
      port: 'Mombasa',
      date: '2026-11-02',
      officer: { name: 'Peter Kamau' },
    },
    billOfLading: 'MSKU1234567',
  };
  const xml = citesEPermitXmlOf(document);
  const tree: unknown = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  }).parse(xml);

  /** The text (and unitCode) at a path like `rsm:HeaderExchangedDocument/ram:ID`, [n] picking a repetition. */
  function at(pathText: string): { text?: string; unitCode?: string; listID?: string } | undefined {
    let node: unknown = (tree as Record<string, unknown[]>)['rsm:CITESEPermit']?.[0];
    for (const step of pathText.split('/')) {
      const [, name, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(step) ?? [];
      node = (node as Record<string, unknown[]> | undefined)?.[name ?? '']?.[Number(index ?? 0)];
    }
    if (node === undefined) return undefined;
    if (typeof node === 'string') return { text: node };
    const element = node as Record<string, string>;
    return {
      text: element['#text'],
      ...(element['@_unitCode'] ? { unitCode: element['@_unitCode'] } : {}),
      ...(element['@_listID'] ? { listID: element['@_listID'] } : {}),
    };
  }

  it('declares the two namespaces of the v2 sample on the CITESEPermit root', () => {
    const root = (tree as Record<string, Record<string, string>[]>)['rsm:CITESEPermit']?.[0];
    expect(root?.['@_xmlns:rsm']).toBe(CITES_EPERMIT_NAMESPACE);
    expect(root?.['@_xmlns:ram']).toBe(RAM_NAMESPACE);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CITESEPermit ')).toBe(true);
  });

  const HED = 'rsm:HeaderExchangedDocument';
  const SSCC = 'rsm:SpecifiedSupplyChainConsignment';
  const ITEM = `${SSCC}/ram:IncludedSupplyChainConsignmentItem`;
  it.each([
    ['1', `${HED}/ram:ID`, { text: 'KE26000123E' }],
    ['1', `${HED}/ram:TypeCode`, { text: 'R' }],
    ['1', `${HED}/ram:Name`, { text: 'Re-export certificate' }],
    ['1', `${HED}/ram:CopyIndicator`, { text: 'false' }],
    ['2', `${HED}/ram:EffectiveSpecifiedPeriod/ram:StartDateTime`, { text: '2026-10-20T00:00:00' }],
    ['2', `${HED}/ram:EffectiveSpecifiedPeriod/ram:EndDateTime`, { text: '2027-04-19T23:59:59' }],
    ['3', `${SSCC}/ram:ConsigneeTradeParty/ram:Name`, { text: 'Maison Durand SARL' }],
    [
      '3',
      `${SSCC}/ram:ConsigneeTradeParty/ram:PostalTradeAddress/ram:StreetName`,
      { text: '12 rue du Faubourg' },
    ],
    ['3a', `${SSCC}/ram:ConsigneeTradeParty/ram:PostalTradeAddress/ram:CountryID`, { text: 'FR' }],
    ['4', `${SSCC}/ram:ConsignorTradeParty/ram:Name`, { text: 'Nairobi Fine Leather Co.' }],
    ['4', `${SSCC}/ram:ConsignorTradeParty/ram:PostalTradeAddress/ram:CountryID`, { text: 'KE' }],
    ['5a', `${HED}/ram:PurposeCode`, { text: 'T' }],
    ['5b', `${HED}/ram:FirstSignatoryDocumentAuthentication/ram:ID`, { text: 'A1234567' }],
    [
      '6',
      `${HED}/ram:FirstSignatoryDocumentAuthentication/ram:ProviderTradeParty/ram:Name`,
      { text: 'Kenya Wildlife Service' },
    ],
    [
      '7',
      `${ITEM}/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:ScientificName`,
      { text: 'Alligator mississippiensis' },
    ],
    [
      '8',
      `${ITEM}/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:CommonName`,
      { text: 'American alligator' },
    ],
    [
      '9',
      `${ITEM}/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:Description`,
      { text: 'handbags, alligator leather' },
    ],
    [
      '9',
      `${ITEM}/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:TypeCode`,
      { text: 'LPS' },
    ],
    ['10', `${ITEM}/ram:IncludedSupplyChainTradeLineItem/ram:TypeCode`, { text: 'II' }],
    ['10', `${ITEM}/ram:IncludedSupplyChainTradeLineItem/ram:TypeExtensionCode`, { text: 'C' }],
    ['11', `${ITEM}/ram:TransportLogisticsPackage/ram:ItemQuantity`, { text: '12', unitCode: 'PCS' }],
    [
      '11a',
      `${ITEM}/ram:ApplicableCrossBorderRegulatoryProcedure/ram:UsedToDateQuotaQuantity`,
      { text: '20', unitCode: 'PCS' },
    ],
    [
      '11a',
      `${ITEM}/ram:ApplicableCrossBorderRegulatoryProcedure/ram:AnnualQuotaQuantity`,
      { text: '100', unitCode: 'PCS' },
    ],
    ['12', `${ITEM}/ram:OriginTradeCountry/ram:ID`, { text: 'US' }],
    ['12', `${ITEM}/ram:AssociatedReferencedDocument[0]/ram:TypeCode`, { text: '861', listID: '1001' }],
    ['12', `${ITEM}/ram:AssociatedReferencedDocument[0]/ram:ID`, { text: '24US98765I' }],
    ['12', `${ITEM}/ram:AssociatedReferencedDocument[0]/ram:IssueDateTime`, { text: '2024-03-02T00:00:00' }],
    ['12a', `${ITEM}/ram:ExportTradeCountry/ram:ID`, { text: 'FR' }],
    ['12a', `${ITEM}/ram:AssociatedReferencedDocument[1]/ram:TypeCode`, { text: '811', listID: '1001' }],
    ['12a', `${ITEM}/ram:AssociatedReferencedDocument[1]/ram:ID`, { text: 'FR2501030-R' }],
    ['13', `${HED}/ram:IssueLogisticsLocation/ram:Name`, { text: 'Nairobi' }],
    ['13', `${HED}/ram:IssueDateTime`, { text: '2026-10-20T00:00:00' }],
    [
      '13',
      `${HED}/ram:ThirdSignatoryDocumentAuthentication/ram:ProviderTradeParty/ram:Name`,
      { text: 'Grace Wanjiru' },
    ],
    ['14', `${ITEM}/ram:ExaminationTransportEvent/ram:UnitQuantity`, { text: '11', unitCode: 'PCS' }],
    [
      '14',
      `${SSCC}/ram:ExaminationTransportEvent/ram:ActualOccurrenceDateTime`,
      { text: '2026-11-02T00:00:00' },
    ],
    [
      '14',
      `${SSCC}/ram:ExaminationTransportEvent/ram:OccurrenceLogisticsLocation/ram:Name`,
      { text: 'Mombasa' },
    ],
    ['15', `${SSCC}/ram:TransportContractReferencedDocument/ram:ID`, { text: 'MSKU1234567' }],
  ])('Box %s at %s', (_box, pathText, expected) => {
    expect(at(pathText)).toEqual(expected);
  });

  it('leaves empty boxes out rather than sending empty elements', () => {
    expect(xml).not.toMatch(/<(\w+:\w+)[^>]*><\/\1>/);
    expect(at(`${HED}/ram:IssueLogisticsLocation/ram:ID`)).toBeUndefined();
  });
});

describe('escaping', () => {
  const nasty = [
    `Smith & Sons <Wild> "Trading" 'Ltd'`,
    ']]> <![CDATA[ not cdata ]]> <!-- not a comment -->',
    'literally &amp; &#60; &lt; &nbsp;',
    'line one\r\nline two\ttabbed\rthree',
    'emoji 🐍 and 中文 and Ümlaut',
  ];

  it.each(nasty)('keeps %j whole and the XML well-formed', (text) => {
    const issued = documentOf('export-appendix-ii-wild.json') as ExportPermit;
    const [python] = issued.specimens;
    const document: ExportPermit = {
      ...issued,
      importer: { ...issued.importer, name: text, address: { ...issued.importer.address, city: text } },
      specialConditions: [text],
      specimens: [
        {
          ...python!,
          commonName: text,
          description: { term: 'LIV', text },
          marks: [{ type: 'other', value: text, description: 'label' }],
        },
      ],
      exportEndorsement: {
        blocks: [{ block: 'A', quantity: 50 }],
        port: text,
        date: '2026-11-02',
        officer: { name: text },
      },
      billOfLading: text,
    };
    const { xml, read } = roundTrip(document);
    expect(xml).not.toContain('<Wild>');
    expect(xml).not.toContain('\r');
    expect(read.importer).toMatchObject({ name: text, city: text });
    expect(read.specialConditions).toEqual([text]);
    expect(read.blocks[0]).toMatchObject({ commonName: text, description: text, marks: [`label ${text}`] });
    expect(read.endorsement).toEqual({ date: '2026-11-02', port: text, officer: text });
    expect(read.billOfLading).toBe(text);
  });

  it('leaves out characters XML cannot carry (controls, lone surrogates) instead of breaking the message', () => {
    const issued = documentOf('export-appendix-i.json') as ExportPermit;
    const document: ExportPermit = {
      ...issued,
      importer: { ...issued.importer, name: 'John\u0000 Carter\u0007\uFFFF\uD800' },
    };
    const { read } = roundTrip(document);
    expect(read.importer?.name).toBe('John Carter');
  });
});

describe('readCitesEPermitXml tolerance', () => {
  it('ignores unknown elements, comments and other prefixes, and leaves absent what is missing', () => {
    const xml =
      `<?xml version="1.0"?><!-- from another Party -->` +
      `<CITESEPermit xmlns="${CITES_EPERMIT_NAMESPACE}" xmlns:x="urn:example:abie:99">` +
      '<HeaderExchangedDocument><x:Unknown><x:ID>not this</x:ID></x:Unknown>' +
      '<x:ID>FR2601234-E</x:ID><x:TypeCode>Export</x:TypeCode><x:Extension a="1"/></HeaderExchangedDocument>' +
      '<SpecifiedSupplyChainConsignment><x:IncludedSupplyChainConsignmentItem>' +
      '<x:IncludedSupplyChainTradeLineItem><x:SpecifiedTradeProduct><x:ScientificName>Psittacus erithacus' +
      '</x:ScientificName></x:SpecifiedTradeProduct></x:IncludedSupplyChainTradeLineItem>' +
      '<x:TransportLogisticsPackage><x:ItemQuantity unitCode="?">many</x:ItemQuantity></x:TransportLogisticsPackage>' +
      '</x:IncludedSupplyChainConsignmentItem></SpecifiedSupplyChainConsignment><Trailer/></CITESEPermit>';
    expect(readCitesEPermitXml(xml)).toEqual({
      number: 'FR2601234-E',
      documentType: 'export',
      isCopy: false,
      specialConditions: [],
      blocks: [{ block: 'A', scientificName: 'Psittacus erithacus', marks: [] }],
    });
  });

  it.each([
    ['E', undefined, 'export'],
    ['R', undefined, 're-export'],
    ['I', undefined, 'import'],
    ['O', 'Pre-Convention certificate', 'other'],
    ['re-export', undefined, 're-export'],
    [undefined, 'Re-export certificate', 're-export'],
    [undefined, 'Export permit', 'export'],
    [undefined, 'Import permit', 'import'],
    ['X', 'Permis d’exportation', 'export'],
    [undefined, undefined, 'other'],
  ])('reads TypeCode %j with Name %j as %s', (typeCode, name, expected) => {
    const header =
      '<ram:ID>XX1</ram:ID>' +
      (name === undefined ? '' : `<ram:Name>${name}</ram:Name>`) +
      (typeCode === undefined ? '' : `<ram:TypeCode>${typeCode}</ram:TypeCode>`);
    expect(readCitesEPermitXml(message(header)).documentType).toBe(expected);
  });

  it.each([
    ['861', 'origin'],
    ['811', 'lastReExport'],
    ['E', 'origin'],
    ['Export', 'origin'],
    ['R', 'lastReExport'],
    ['Re-export', 'lastReExport'],
    ['999', undefined],
  ])('takes a referenced document with TypeCode %s as %s', (code, box) => {
    const item =
      '<ram:IncludedSupplyChainConsignmentItem><ram:AssociatedReferencedDocument>' +
      `<ram:IssueDateTime>2025-01-03</ram:IssueDateTime><ram:TypeCode>${code}</ram:TypeCode>` +
      '<ram:ID>DOC-1</ram:ID></ram:AssociatedReferencedDocument></ram:IncludedSupplyChainConsignmentItem>';
    const [block] = readCitesEPermitXml(message('<ram:ID>XX1</ram:ID>', item)).blocks;
    if (box === 'origin') expect(block?.origin).toEqual({ permitNumber: 'DOC-1', date: '2025-01-03' });
    else expect(block).not.toHaveProperty('origin');
    if (box === 'lastReExport') {
      expect(block?.lastReExport).toEqual({ certificateNumber: 'DOC-1', date: '2025-01-03' });
    } else {
      expect(block).not.toHaveProperty('lastReExport');
    }
  });

  it.each([
    ['2014-07-05T12:03:52.000+02:00', '2014-07-05'],
    ['2014-07-05', '2014-07-05'],
    ['20140705', '2014-07-05'],
    ['5 July 2014', undefined],
  ])('reads the date %s as %s', (text, expected) => {
    const read = readCitesEPermitXml(
      message(
        `<ram:ID>XX1</ram:ID><ram:EffectiveSpecifiedPeriod><ram:EndDateTime>${text}</ram:EndDateTime></ram:EffectiveSpecifiedPeriod>`,
      ),
    );
    expect(read.validUntil).toBe(expected);
  });

  it('decodes references and CDATA once, and takes the issuing country from the exporter without Box 6', () => {
    const read = readCitesEPermitXml(
      message(
        '<ram:ID><![CDATA[A&B]]>&#x2D;&#49;</ram:ID><ram:TypeCode>E</ram:TypeCode>' +
          '<ram:Information>&amp;#60; is not &lt;</ram:Information><ram:CopyIndicator>true</ram:CopyIndicator>',
        '<ram:ConsignorTradeParty><ram:Name>Exporter</ram:Name><ram:PostalTradeAddress>' +
          '<ram:CountryID>TZ</ram:CountryID></ram:PostalTradeAddress></ram:ConsignorTradeParty>',
      ),
    );
    expect(read).toMatchObject({
      number: 'A&B-1',
      specialConditions: ['&#60; is not <'],
      isCopy: true,
      issuingCountry: 'TZ',
    });
  });
});

describe('readCitesEPermitXml refusals', () => {
  const own = citesEPermitXmlOf(documentOf('export-appendix-i.json'));

  it.each([
    [
      'a CITESEPermit in another namespace',
      '<CITESEPermit xmlns="urn:example:not-cites"><HeaderExchangedDocument><ID>X1</ID></HeaderExchangedDocument></CITESEPermit>',
      /CITESEPermit element is in namespace urn:example:not-cites, not in urn:un:unece:uncefact:data:standard:CITESEPermit:2/,
    ],
    [
      'a CITESEPermit of toolkit v3 (another namespace)',
      own.replaceAll(CITES_EPERMIT_NAMESPACE, 'urn:un:unece:uncefact:data:standard:CITESEPermit:3'),
      /namespace urn:un:unece:uncefact:data:standard:CITESEPermit:3/,
    ],
    [
      'a CITESEPermit without any namespace',
      '<CITESEPermit><HeaderExchangedDocument><ID>X1</ID></HeaderExchangedDocument></CITESEPermit>',
      /CITESEPermit element is in no namespace/,
    ],
    [
      'another message',
      '<Invoice xmlns="urn:example:invoice"><ID>1</ID></Invoice>',
      /no CITESEPermit element; its root is Invoice/,
    ],
    [
      'no document number',
      own.replace('<ram:ID>KE26000123E</ram:ID>', '<ram:ID>  </ram:ID>'),
      /no document number \(HeaderExchangedDocument\/ID/,
    ],
    [
      'no header',
      message('').replace(/<rsm:HeaderExchangedDocument>.*<\/rsm:HeaderExchangedDocument>/, ''),
      /no HeaderExchangedDocument/,
    ],
    [
      'a DOCTYPE with nested entities (billion laughs)',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>' +
        `<CITESEPermit xmlns="${CITES_EPERMIT_NAMESPACE}"><HeaderExchangedDocument><ID>&lol2;</ID></HeaderExchangedDocument></CITESEPermit>`,
      /DOCTYPE or ENTITY declaration, which is refused/,
    ],
    [
      'a DOCTYPE with an external entity',
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
      /DOCTYPE/,
    ],
    [
      'more than 2 MiB',
      `${own}<!--${'x'.repeat(MAX_CITES_EPERMIT_XML_BYTES)}-->`,
      /too large: over 2097152 bytes/,
    ],
    [
      'more than 2 MiB in UTF-8 though fewer characters',
      `${own}<!--${'é'.repeat(MAX_CITES_EPERMIT_XML_BYTES / 2 + 1)}-->`,
      /too large/,
    ],
    ['XML that is not well-formed', own.slice(0, own.length - 40), /not well-formed XML/],
    [
      'text that is not XML',
      'CITESEPermit KE26000123E',
      /not well-formed XML: char 'C' is not expected\. \(line 1, column 1\)/,
    ],
    ['an empty message', '', /not well-formed XML: Start tag expected\. \(line 1\)$/],
  ])('refuses %s with a CitesEPermitXmlError', (_what, xml, reason) => {
    let error: unknown;
    try {
      readCitesEPermitXml(xml);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CitesEPermitXmlError);
    expect((error as Error).message).toMatch(reason);
  });

  it('reads a message just under the size limit', () => {
    const padded = `${own}<!--${'x'.repeat(MAX_CITES_EPERMIT_XML_BYTES - own.length - 8)}-->`;
    expect(Buffer.byteLength(padded)).toBeLessThanOrEqual(MAX_CITES_EPERMIT_XML_BYTES);
    expect(readCitesEPermitXml(padded).number).toBe('KE26000123E');
  });
});
