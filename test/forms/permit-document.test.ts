import type { DocumentType } from '../../domain/codes';
import type {
  ExportPermit,
  ImportPermit,
  PermitDocument,
  ReExportCertificate,
  TravellingExhibitionCertificate,
} from '../../domain/documents';
import { layoutSheets } from '../../domain/documents';
import { PermitDataError, permitDocumentOf } from '../../forms/permit-document';
import {
  exampleNamed,
  examples,
  managementAuthority,
  official,
  permit,
  permitInputOf,
} from '../support/permit-examples';

const inputOf = permitInputOf;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('permitDocumentOf', () => {
  it('covers every shipped example application', () => {
    expect(Object.keys(examples).sort()).toEqual([
      'export-appendix-i.json',
      'export-appendix-ii-captive-bred.json',
      'export-appendix-ii-wild.json',
      'import-appendix-i.json',
      're-export-appendix-ii.json',
    ]);
  });

  it.each(Object.entries(examples))(
    'fills boxes 1, 2, 5a, 6 and 13 the same way for %s',
    (_file, example) => {
      const document = permitDocumentOf(inputOf(example));
      expect(document).toMatchObject({
        documentType: example.documentType,
        permitNumber: 'KE26000123E',
        isCopy: false,
        validFrom: '2026-10-20',
        validUntil: '2027-04-19',
        purpose: example.data.purpose,
        managementAuthority,
        issuance: {
          official,
          place: 'Nairobi',
          date: '2026-10-20',
          signature: { method: 'electronic', keyId: 'ke-ma-2026-01' },
        },
      });
      expect(document.specimens).toHaveLength((example.data.blocks as unknown[]).length);
      expect('replacement' in document).toBe(false);
      expect('securityStampNumber' in document).toBe(false);
    },
  );

  it('maps the Appendix-I leopard trophy export box by box', () => {
    const document = permitDocumentOf(inputOf(exampleNamed('export-appendix-i.json'))) as ExportPermit;
    expect(document.exporter).toEqual({
      name: 'Amina Odhiambo',
      address: { streetLines: ['P.O. Box 1234'], city: 'Nanyuki', country: 'KE' },
    });
    expect(document.importer).toEqual({
      name: 'John Carter',
      address: {
        streetLines: ['400 Main Street'],
        postcode: '59801',
        city: 'Missoula',
        subdivision: 'MT',
        country: 'US',
      },
    });
    expect(document.purpose).toBe('H');
    expect(document.specialConditions).toEqual([]);
    expect(document.specimens).toEqual([
      {
        scientificName: 'Panthera pardus',
        commonName: 'Leopard',
        description: { term: 'TRO', text: 'skin and skull of one adult male', sex: 'male' },
        marks: [{ type: 'tag', value: 'KE-LP-2026-017' }],
        appendix: 'I',
        source: 'W',
        quantity: 1,
        unit: null,
      },
    ]);
    // The import permit reference is evidence for the decision; the standard form has no box for it.
    expect(JSON.stringify(document)).not.toContain('26US12345A');
  });

  it('maps the live ball pythons, their transport conditions becoming a Box 5 special condition', () => {
    const document = permitDocumentOf(inputOf(exampleNamed('export-appendix-ii-wild.json'))) as ExportPermit;
    expect(document.exporter.registrationNumber).toBe('KWS-TR-0421');
    expect(document.importer.address).toEqual({
      streetLines: ['Tiergartenstraße 8'],
      postcode: '10785',
      city: 'Berlin',
      country: 'DE',
    });
    expect(document.purpose).toBe('T');
    expect(document.specialConditions).toEqual([
      'Individually bagged in ventilated boxes, shipped by air under the IATA Live Animals Regulations, container 44.',
    ]);
    expect(document.specimens[0]).toEqual({
      scientificName: 'Python regius',
      commonName: 'Ball python',
      description: { term: 'LIV', text: 'live juveniles', age: 'juvenile' },
      marks: [],
      appendix: 'II',
      source: 'W',
      quantity: 50,
      unit: null,
    });
  });

  it('maps the import of rhinoceros samples, the museum being the importer', () => {
    const document = permitDocumentOf(inputOf(exampleNamed('import-appendix-i.json'))) as ImportPermit;
    expect(document.importer.name).toBe('Nairobi National Museum');
    expect(document.exporter).toEqual({
      name: 'Zoologisches Forschungsmuseum',
      address: { streetLines: ['Adenauerallee 160'], postcode: '53113', city: 'Bonn', country: 'DE' },
    });
    expect(document.purpose).toBe('S');
    expect(document.specimens[0]).toMatchObject({
      scientificName: 'Diceros bicornis',
      description: { term: 'SPE', text: 'tissue samples for DNA analysis' },
      appendix: 'I',
      source: 'W',
      quantity: 24,
    });
    expect(JSON.stringify(document)).not.toContain('population genetics');
  });

  it('maps the re-exported alligator handbags with the country of origin and its permit (Box 12)', () => {
    const document = permitDocumentOf(
      inputOf(exampleNamed('re-export-appendix-ii.json')),
    ) as ReExportCertificate;
    expect(document.importer.address.city).toBe('Paris');
    expect(document.exporter.name).toBe('Nairobi Fine Leather Co.');
    expect(document.specimens[0]).toEqual({
      scientificName: 'Alligator mississippiensis',
      commonName: 'American alligator',
      description: { term: 'LPS', text: 'handbags, alligator leather' },
      marks: [],
      appendix: 'II',
      source: 'C',
      quantity: 12,
      unit: null,
      countryOfOrigin: { country: 'US', permitNumber: '24US98765I', date: '2024-03-02' },
    });
    expect('countryOfLastReExport' in (document.specimens[0] ?? {})).toBe(false);
  });

  it('keeps six blocks in order, which the sheets letter A to F (E and F on a continuation sheet)', () => {
    const example = clone(exampleNamed('export-appendix-ii-wild.json'));
    const [first] = example.data.blocks as Record<string, unknown>[];
    example.data.blocks = Array.from({ length: 6 }, (_, i) => ({ ...first, quantity: i + 1 }));
    const document = permitDocumentOf(inputOf(example));
    expect(document.specimens.map((block) => block.quantity)).toEqual([1, 2, 3, 4, 5, 6]);
    const sheets = layoutSheets(document.specimens);
    expect(sheets.mainSheet.map((entry) => entry.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(sheets.continuationSheets.map((sheet) => sheet.map((entry) => entry.letter))).toEqual([
      ['E', 'F'],
    ]);
  });

  it('maps units, marks, earlier sources, the last re-export and Box 12b where the form has them', () => {
    const example = clone(exampleNamed('re-export-appendix-ii.json'));
    example.data.blocks = [
      {
        scientificName: 'Crocodylus niloticus',
        description: { term: 'SKI' },
        marks: [{ type: 'other', value: 'T-88', description: 'tattoo' }],
        appendix: 'II',
        source: 'I',
        underlyingSource: 'W',
        quantity: 2.5,
        unit: 'KIL',
        countryOfOrigin: { country: 'XX' },
        countryOfLastReExport: { country: 'FR', certificateNumber: 'FR2501030-R', date: '2025-01-03' },
        registeredOperation: 'A-ZW-501',
      },
      {
        scientificName: 'Crocodylus niloticus',
        description: { term: 'SKI', text: '' },
        appendix: 'II',
        source: 'O',
        underlyingSource: 'W',
        quantity: 1,
        unit: '',
        countryOfOrigin: { country: 'ZW', permitNumber: '' },
        dateOfAcquisition: '1970-05-01',
      },
    ];
    const [skins, preConvention] = permitDocumentOf(inputOf(example)).specimens;
    expect(skins).toEqual({
      scientificName: 'Crocodylus niloticus',
      description: { term: 'SKI' },
      marks: [{ type: 'other', value: 'T-88', description: 'tattoo' }],
      appendix: 'II',
      source: 'I',
      underlyingSource: 'W',
      quantity: 2.5,
      unit: 'KIL',
      countryOfOrigin: { country: 'XX' },
      countryOfLastReExport: { country: 'FR', certificateNumber: 'FR2501030-R', date: '2025-01-03' },
      operationOrAcquisition: { kind: 'registered-operation', registrationNumber: 'A-ZW-501' },
    });
    expect(preConvention).toMatchObject({
      description: { term: 'SKI' },
      marks: [],
      unit: null,
      countryOfOrigin: { country: 'ZW' },
      operationOrAcquisition: { kind: 'acquisition', dateOfAcquisition: '1970-05-01' },
    });
  });

  it('ignores form fields the permit has no box for, and leaves absent optional data absent', () => {
    const example = clone(exampleNamed('import-appendix-i.json'));
    example.data.evidence = [{ kind: 'other', fileId: 'abcdefghijklmnop' }];
    example.data.notes = 'Please hurry';
    example.data.somethingNew = { nested: true };
    (example.data.blocks as Record<string, unknown>[])[0]!.colour = 'grey';
    const document = permitDocumentOf(inputOf(example, { signatureKeyId: undefined }));
    expect(JSON.stringify(document)).not.toMatch(/hurry|somethingNew|grey|abcdefghijklmnop/);
    expect('signature' in document.issuance).toBe(false);
    expect(Object.keys(document.specimens[0] ?? {}).sort()).toEqual(
      [
        'appendix',
        'commonName',
        'description',
        'marks',
        'quantity',
        'scientificName',
        'source',
        'unit',
      ].sort(),
    );
  });

  it('leaves transport conditions out when the specimens are not live', () => {
    const example = clone(exampleNamed('export-appendix-ii-wild.json'));
    example.data.live = false;
    (example.data.blocks as { description: { term: string } }[])[0]!.description.term = 'SKI';
    expect(permitDocumentOf(inputOf(example)).specialConditions).toEqual([]);
  });

  it('carries the decision: replacement, security stamp, copy, issue day of a plain date', () => {
    const replacement = { replacedPermitNumber: 'KE26000099E', reason: 'lost' } as const;
    const document = permitDocumentOf(
      inputOf(exampleNamed('export-appendix-i.json'), {
        replacement,
        securityStampNumber: 'A1234567',
        isCopy: true,
        permit: { ...permit, issuedAt: '2026-10-21' },
      }),
    );
    expect(document).toMatchObject({
      replacement,
      securityStampNumber: 'A1234567',
      isCopy: true,
      issuance: { date: '2026-10-21' },
    });
  });

  it('names the holder of a travelling-exhibition certificate and its exhibition', () => {
    const example = clone(exampleNamed('export-appendix-ii-wild.json'));
    example.data.exhibitionName = 'Cirque du Monde';
    const document = permitDocumentOf({
      ...inputOf(example),
      documentType: 'travelling-exhibition',
    }) as TravellingExhibitionCertificate;
    expect(document).toMatchObject({
      documentType: 'travelling-exhibition',
      holder: { name: 'Rift Valley Reptile Traders Ltd' },
      crossings: [],
      exhibitionName: 'Cirque du Monde',
    });
  });

  it('refuses data that does not fill the required boxes, naming every form path at fault', () => {
    const example = clone(exampleNamed('re-export-appendix-ii.json'));
    const block = (example.data.blocks as Record<string, unknown>[])[0]!;
    delete block.countryOfOrigin;
    block.appendix = 'IV';
    block.quantity = -1;
    block.unit = 'BUCKETS';
    example.data.purpose = undefined;
    delete (example.data.importer as Record<string, unknown>).name;
    let error: unknown;
    try {
      permitDocumentOf(inputOf(example));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PermitDataError);
    expect((error as PermitDataError).problems).toEqual(
      expect.arrayContaining([
        'blocks/0/appendix is not an Appendix',
        'blocks/0/quantity is not a positive number',
        'blocks/0/unit is not a unit code',
        'blocks/0/countryOfOrigin is missing (a re-export states the origin)',
        'purpose is missing',
        'importer/name is missing',
      ]),
    );
  });

  it('refuses an application without specimens and a permit without a valid issue date', () => {
    const example = clone(exampleNamed('export-appendix-i.json'));
    example.data.blocks = [];
    expect(() =>
      permitDocumentOf(inputOf(example, { permit: { ...permit, issuedAt: 'yesterday' } })),
    ).toThrow(/blocks has no specimen block.*permit\/issuedAt is not an ISO date/);
  });

  it('gives every document type a document of that type', () => {
    const example = clone(exampleNamed('export-appendix-ii-wild.json'));
    example.data.exhibitionName = 'Cirque du Monde';
    const types: DocumentType[] = [
      'export',
      'import',
      'certificate-of-origin',
      'captive-breeding',
      'ownership',
    ];
    const documents: PermitDocument[] = types.map((documentType) =>
      permitDocumentOf({ ...inputOf(example), documentType }),
    );
    expect(documents.map((document) => document.documentType)).toEqual(types);
  });
});
