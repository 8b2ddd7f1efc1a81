import {
  isAllowedTermUnit,
  isAppendix,
  isCountryCode,
  isPurposeCode,
  isSourceCode,
  type DocumentType,
} from '../../../domain/codes';
import {
  formCategory,
  layoutSheets,
  type DocumentOf,
  type ExportPermit,
  type ImportPermit,
  type PermitDocument,
  type PreConventionSpecimenBlock,
  type ReExportSpecimenBlock,
  type SpecimenBlock,
  type TradeParty,
} from '../../../domain/documents';

const managementAuthority = {
  name: 'Management Authority of Kenya',
  address: { streetLines: ['Kenya Wildlife Service', 'Langata Road'], city: 'Nairobi', country: 'KE' },
};
const exporter: TradeParty = {
  name: 'Savannah Reptiles Ltd',
  address: { streetLines: ['Plot 12, Mombasa Road'], postcode: '00100', city: 'Nairobi', country: 'KE' },
};
const importer: TradeParty = {
  name: 'Tierpark Nord GmbH',
  address: { streetLines: ['Zooweg 1'], postcode: '20095', city: 'Hamburg', country: 'DE' },
  registrationNumber: 'DE-HH-0042',
};
const issuance = {
  official: { name: 'A. Wanjiru', title: 'Senior Permits Officer' },
  place: 'Nairobi',
  date: '2025-03-03',
  signature: { method: 'electronic', keyId: 'ke-2025-01' },
} as const;
const python: SpecimenBlock = {
  scientificName: 'Python sebae',
  commonName: 'African rock python',
  description: { term: 'LIV', sex: 'female', age: 'juvenile' },
  marks: [{ type: 'microchip', value: '981000012345678' }],
  appendix: 'II',
  source: 'C',
  quantity: 2,
  unit: null,
  quotaUse: { usedIncludingThisPermit: 14, quota: 50, unit: null, year: 2025 },
};
const { quotaUse: _quotaUse, ...pythonOutsideQuota } = python;
const core = <T extends DocumentType>(documentType: T, permitNumber: string) => ({
  documentType,
  permitNumber,
  isCopy: false,
  validUntil: '2025-09-02',
  specialConditions: ['Live animals: transport under the IATA Live Animals Regulations.'],
  purpose: 'T' as const,
  managementAuthority,
  issuance,
});
const reExportBlock: ReExportSpecimenBlock = {
  ...python,
  source: 'W',
  countryOfOrigin: { country: 'TZ', permitNumber: 'TZ-2024-0193', date: '2024-11-20' },
  countryOfLastReExport: { country: 'UG', certificateNumber: 'UG-R-2025-004', date: '2025-01-15' },
};
const antiqueIvory: PreConventionSpecimenBlock = {
  scientificName: 'Loxodonta africana',
  description: { term: 'IVC', text: 'carved figurine' },
  marks: [{ type: 'other', value: 'KE-IV-0007', description: 'engraved registration number' }],
  appendix: 'I',
  source: 'O',
  underlyingSource: 'W',
  quantity: 1,
  unit: null,
  operationOrAcquisition: { kind: 'acquisition', dateOfAcquisition: '1968-05-01' },
};

/** One document of each type: the mapped type makes the compiler check each fixture against its type. */
const documents: { [T in DocumentType]: DocumentOf<T> } = {
  export: {
    ...core('export', 'KE25000123-E'),
    importer,
    exporter,
    specimens: [python],
    securityStampNumber: '7712345',
    exportEndorsement: {
      blocks: [{ block: 'A', quantity: 2 }],
      port: 'Jomo Kenyatta International Airport',
      date: '2025-03-20',
      officer: { name: 'P. Otieno', title: 'Customs officer' },
    },
    billOfLading: '176-12345675',
  },
  're-export': { ...core('re-export', 'KE25000124-R'), importer, exporter, specimens: [reExportBlock] },
  import: {
    ...core('import', 'KE25000125-I'),
    importer,
    exporter,
    specimens: [{ ...python, appendix: 'I' }],
  },
  'certificate-of-origin': {
    ...core('certificate-of-origin', 'KE25000126-O'),
    importer,
    exporter,
    specimens: [{ ...python, appendix: 'III', source: 'W' }],
  },
  'introduction-from-the-sea': {
    ...core('introduction-from-the-sea', 'KE25000127-S'),
    importer,
    vessel: { name: 'Bahari Star', flagState: 'KE' },
    specimens: [
      {
        scientificName: 'Carcharhinus longimanus',
        description: { term: 'FIN' },
        marks: [],
        appendix: 'II',
        source: 'X',
        quantity: 40,
        unit: 'KIL',
      },
    ],
  },
  'pre-convention': {
    ...core('pre-convention', 'KE25000128-P'),
    purpose: 'P',
    importer,
    exporter,
    specimens: [antiqueIvory],
  },
  'captive-breeding': {
    ...core('captive-breeding', 'KE25000129-C'),
    importer,
    exporter,
    specimens: [
      {
        ...python,
        appendix: 'I',
        source: 'D',
        operationOrAcquisition: { kind: 'registered-operation', registrationNumber: 'A-KE-501' },
      },
    ],
  },
  'artificial-propagation': {
    ...core('artificial-propagation', 'KE25000130-A'),
    importer,
    exporter,
    specimens: [
      {
        scientificName: 'Aloe polyphylla',
        description: { term: 'LIV' },
        marks: [],
        appendix: 'I',
        source: 'A',
        quantity: 25,
        unit: null,
      },
    ],
  },
  'travelling-exhibition': {
    ...core('travelling-exhibition', 'KE25000131-T'),
    purpose: 'Q',
    validUntil: '2028-03-02',
    holder: exporter,
    exhibitionName: 'Circus Savannah',
    specimens: [python],
    crossings: [
      {
        direction: 'exit',
        country: 'KE',
        port: 'Namanga',
        date: '2025-04-01',
        officer: { name: 'J. Mutua' },
      },
    ],
  },
  ownership: {
    ...core('ownership', 'KE25000132-W'),
    purpose: 'P',
    validUntil: '2028-03-02',
    holder: importer,
    specimens: [{ ...pythonOutsideQuota, quantity: 1 }],
    crossings: [],
  },
};

/** The Box 1 line a document prints: its number, its tick-box, and for "Other" the document it is. */
function box1(document: PermitDocument): string {
  switch (document.documentType) {
    case 'export':
    case 're-export':
    case 'import':
      return `${document.permitNumber} [${formCategory(document.documentType)}]`;
    case 'certificate-of-origin':
    case 'introduction-from-the-sea':
    case 'pre-convention':
    case 'captive-breeding':
    case 'artificial-propagation':
    case 'travelling-exhibition':
    case 'ownership':
      return `${document.permitNumber} [other: ${document.documentType}]`;
    default: {
      const unreachable: never = document;
      return unreachable;
    }
  }
}

/** Who the document names as the parties, whichever boxes its type uses for them. */
function partiesOf(document: PermitDocument): string[] {
  if ('holder' in document) return [document.holder.name];
  if (document.documentType === 'introduction-from-the-sea') return [document.importer.name];
  return [document.exporter.name, document.importer.name];
}

describe('permit documents', () => {
  const all = Object.entries(documents) as [DocumentType, PermitDocument][];

  it.each(all)('a %s document carries its type as the discriminant', (documentType, document) => {
    expect(document.documentType).toBe(documentType);
  });

  it.each(all)('a %s document survives JSON unchanged, as signing and exchange need', (_, document) => {
    expect(JSON.parse(JSON.stringify(document))).toStrictEqual(document);
  });

  it.each(all)('the %s fixture uses only codes of the code lists', (_, document) => {
    expect(isPurposeCode(document.purpose)).toBe(true);
    expect(isCountryCode(document.managementAuthority.address.country)).toBe(true);
    for (const block of document.specimens) {
      expect(isAppendix(block.appendix)).toBe(true);
      expect(isSourceCode(block.source)).toBe(true);
      expect(isAllowedTermUnit(block.description.term, block.unit)).toBe(true);
    }
  });

  it('prints Box 1 from the discriminant', () => {
    expect(box1(documents.export)).toBe('KE25000123-E [export]');
    expect(box1(documents['re-export'])).toBe('KE25000124-R [re-export]');
    expect(box1(documents['pre-convention'])).toBe('KE25000128-P [other: pre-convention]');
  });

  it('names the parties through the boxes each type has', () => {
    expect(partiesOf(documents.export)).toEqual(['Savannah Reptiles Ltd', 'Tierpark Nord GmbH']);
    expect(partiesOf(documents['introduction-from-the-sea'])).toEqual(['Tierpark Nord GmbH']);
    expect(partiesOf(documents['travelling-exhibition'])).toEqual(['Savannah Reptiles Ltd']);
  });

  it('endorses quantities by the letters the layout gives the blocks', () => {
    const permit: ExportPermit = {
      ...documents.export,
      specimens: Array.from({ length: 6 }, (_, index) => ({ ...python, quantity: index + 1 })),
      exportEndorsement: {
        blocks: [
          { block: 'A', quantity: 1 },
          { block: 'F', quantity: 5 },
        ],
        port: 'Mombasa',
        date: '2025-03-21',
        officer: { name: 'P. Otieno' },
      },
    };
    const layout = layoutSheets(permit.specimens);
    const letters = [...layout.mainSheet, ...layout.continuationSheets.flat()].map((block) => block.letter);
    const endorsed = permit.exportEndorsement?.blocks.map((entry) => entry.block) ?? [];
    expect(endorsed.every((letter) => letters.includes(letter))).toBe(true);
    expect(layout.continuationSheets[0]?.find((block) => block.letter === 'F')?.block.quantity).toBe(6);
  });

  it('rejects, at compile time, documents that break the form', () => {
    // @ts-expect-error a re-export certificate must state the country of origin (Box 12)
    const noOrigin: ReExportSpecimenBlock = { ...python };
    // @ts-expect-error a pre-Convention block has source O
    const wildPreConvention: PreConventionSpecimenBlock = { ...antiqueIvory, source: 'W' };
    const importWithEndorsement: ImportPermit = {
      ...documents.import,
      // @ts-expect-error an import permit is not endorsed at export (Box 14)
      exportEndorsement: documents.export.exportEndorsement,
    };
    // @ts-expect-error an introduction-from-the-sea certificate has no exporter
    const ifsExporter: DocumentOf<'introduction-from-the-sea'>['exporter'] = exporter;
    // @ts-expect-error a count is null, not an empty string
    const emptyUnit: SpecimenBlock = { ...python, unit: '' };
    expect([noOrigin, wildPreConvention, importWithEndorsement, ifsExporter, emptyUnit]).toHaveLength(5);
  });
});
