import exportAppendixII from '../../../examples/applications/export-appendix-ii-wild.json';
import importAppendixI from '../../../examples/applications/import-appendix-i.json';
import reExport from '../../../examples/applications/re-export-appendix-ii.json';
import {
  annualReportRowsOf,
  confirmedTradeOf,
  ownDocumentTypesIn,
  reportedTradeOf,
  reportLayoutOfOwnDocument,
  rowValues,
  type AnnualReportScope,
  type ConfirmedImportFacts,
  type IssuedPermitFacts,
  type ReportedTrade,
} from '../../../domain/annual-report';
import type { DocumentType } from '../../../domain/codes/types';
import type { PermitDocument } from '../../../domain/documents/model';
import { permitDocumentOf } from '../../../forms/permit-document';

function documentOf(documentType: DocumentType, data: object, number: string): PermitDocument {
  return permitDocumentOf({
    documentType,
    data: data as Record<string, unknown>,
    permit: { number, validFrom: '2025-03-01', validUntil: '2025-08-31', issuedAt: '2025-03-01' },
    managementAuthority: {
      name: 'CITES Management Authority of Kenya',
      address: { streetLines: [], country: 'KE' },
    },
    official: { name: 'A. Officer' },
    place: 'Nairobi',
  });
}

const exportPermit: IssuedPermitFacts = {
  documentType: 'export',
  status: 'endorsed',
  issuedOn: '2024-12-20',
  authorisedQuantities: [50, 20],
  endorsement: { quantities: [48, 0], date: '2025-01-05' },
};
const importPermit: IssuedPermitFacts = {
  documentType: 'import',
  status: 'used',
  issuedOn: '2025-01-15',
  authorisedQuantities: [24],
  endorsement: { quantities: [24], date: '2025-02-01' },
  importConfirmation: { quantities: [22] },
};
const scope = (
  year: number,
  layout: AnnualReportScope['layout'],
  basis: AnnualReportScope['basis'],
): AnnualReportScope => ({ year, layout, basis });

describe('which report a document of the Party goes in', () => {
  it.each<[DocumentType, string | undefined]>([
    ['export', 'exporter'],
    ['re-export', 'exporter'],
    ['certificate-of-origin', 'exporter'],
    ['pre-convention', 'exporter'],
    ['captive-breeding', 'exporter'],
    ['artificial-propagation', 'exporter'],
    ['import', 'importer'],
    ['introduction-from-the-sea', 'importer'],
    ['travelling-exhibition', undefined],
    ['ownership', undefined],
  ])('%s: %s', (documentType, layout) => {
    expect(reportLayoutOfOwnDocument(documentType)).toBe(layout);
  });

  it('chooses the document types of a layout', () => {
    expect(
      ownDocumentTypesIn('importer', ['export', 'import', 'ownership', 'introduction-from-the-sea']),
    ).toEqual(['import', 'introduction-from-the-sea']);
  });
});

describe('reportedTradeOf: what a report counts for one of the Party’s permits', () => {
  it.each<[string, IssuedPermitFacts, AnnualReportScope, ReportedTrade | undefined]>([
    [
      'actual trade: the endorsement’s year and quantities, whatever the year of issue',
      exportPermit,
      scope(2025, 'exporter', 'actual'),
      { quantities: [48, 0], date: '2025-01-05' },
    ],
    ['actual trade: not in the year of issue', exportPermit, scope(2024, 'exporter', 'actual'), undefined],
    [
      'permits issued: the year of issue and the authorised quantities',
      exportPermit,
      scope(2024, 'exporter', 'issued'),
      { quantities: [50, 20], date: '2024-12-20' },
    ],
    [
      'permits issued: not in the year of the endorsement',
      exportPermit,
      scope(2025, 'exporter', 'issued'),
      undefined,
    ],
    ['an export is not in the importer’s report', exportPermit, scope(2025, 'importer', 'actual'), undefined],
    [
      'an unendorsed permit is not actual trade',
      { ...exportPermit, status: 'valid', endorsement: undefined },
      scope(2025, 'exporter', 'actual'),
      undefined,
    ],
    [
      'an unendorsed permit was issued all the same',
      { ...exportPermit, status: 'valid', endorsement: undefined },
      scope(2024, 'exporter', 'issued'),
      { quantities: [50, 20], date: '2024-12-20' },
    ],
    [
      'a cancelled permit is not reported as issued',
      { ...exportPermit, status: 'cancelled', endorsement: undefined },
      scope(2024, 'exporter', 'issued'),
      undefined,
    ],
    [
      'a replaced permit is not reported as issued (its replacement is)',
      { ...exportPermit, status: 'replaced', endorsement: undefined },
      scope(2024, 'exporter', 'issued'),
      undefined,
    ],
    [
      'an import used: the quantities confirmed, on the day of the endorsement',
      importPermit,
      scope(2025, 'importer', 'actual'),
      { quantities: [22], date: '2025-02-01' },
    ],
    [
      'an import endorsed but not yet confirmed: the quantities endorsed',
      { ...importPermit, status: 'endorsed', importConfirmation: undefined },
      scope(2025, 'importer', 'actual'),
      { quantities: [24], date: '2025-02-01' },
    ],
    [
      'an import issued',
      importPermit,
      scope(2025, 'importer', 'issued'),
      { quantities: [24], date: '2025-01-15' },
    ],
    ['an import is not in the exporter’s report', importPermit, scope(2025, 'exporter', 'actual'), undefined],
    [
      'an ownership certificate is in neither report',
      { ...exportPermit, documentType: 'ownership' },
      scope(2025, 'exporter', 'actual'),
      undefined,
    ],
  ])('%s', (_name, permit, reportScope, expected) => {
    expect(reportedTradeOf(permit, reportScope)).toEqual(expected);
  });
});

describe('confirmedTradeOf: another Party’s permit that customs here confirmed', () => {
  const confirmed: ConfirmedImportFacts = {
    documentType: 'export',
    importConfirmation: {
      blocks: [
        { block: 'C', quantity: 3 },
        { block: 'A', quantity: 10 },
      ],
      date: '2025-10-01',
    },
  };

  it.each<[string, ConfirmedImportFacts, AnnualReportScope, ReportedTrade | undefined]>([
    [
      'quantities by block letter, blocks not named at 0',
      confirmed,
      scope(2025, 'importer', 'actual'),
      { quantities: [10, 0, 3], date: '2025-10-01' },
    ],
    ['another year', confirmed, scope(2024, 'importer', 'actual'), undefined],
    [
      'a report of permits issued (the other Party issued it)',
      confirmed,
      scope(2025, 'importer', 'issued'),
      undefined,
    ],
    ['the exporter’s report', confirmed, scope(2025, 'exporter', 'actual'), undefined],
    ['not confirmed', { documentType: 'export' }, scope(2025, 'importer', 'actual'), undefined],
    [
      'another Party’s import permit (for an export from here)',
      { ...confirmed, documentType: 'import' },
      scope(2025, 'importer', 'actual'),
      undefined,
    ],
  ])('%s', (_name, permit, reportScope, expected) => {
    expect(confirmedTradeOf(permit, reportScope)).toEqual(expected);
  });
});

describe('annualReportRowsOf: the rows of a signed document', () => {
  const twoBlocks = {
    ...exportAppendixII.data,
    blocks: [
      exportAppendixII.data.blocks[0],
      {
        ...exportAppendixII.data.blocks[0],
        description: { term: 'SKI', text: 'skins' },
        quantity: 20,
      },
    ],
  };

  it.each<[string, PermitDocument, ReportedTrade, 'exporter' | 'importer', string[][]]>([
    [
      'an export of two blocks, one of which left',
      documentOf('export', twoBlocks, 'KE25000002-E'),
      { quantities: [30, 0], date: '2025-03-05' },
      'exporter',
      [['II', 'Python regius', 'LIV', '30', '', 'DE', '', 'KE25000002-E', '', '', 'T', 'W', '2025']],
    ],
    [
      'the same export as issued: both blocks',
      documentOf('export', twoBlocks, 'KE25000002-E'),
      { quantities: [50, 20], date: '2025-03-01' },
      'exporter',
      [
        ['II', 'Python regius', 'LIV', '50', '', 'DE', '', 'KE25000002-E', '', '', 'T', 'W', '2025'],
        ['II', 'Python regius', 'SKI', '20', '', 'DE', '', 'KE25000002-E', '', '', 'T', 'W', '2025'],
      ],
    ],
    [
      'a re-export: the country of origin and its permit',
      documentOf('re-export', reExport.data, 'KE25000003-R'),
      { quantities: [10], date: '2025-04-03' },
      'exporter',
      [
        [
          'II',
          'Alligator mississippiensis',
          'LPS',
          '10',
          '',
          'FR',
          'US',
          'KE25000003-R',
          '24US98765I',
          '',
          'T',
          'C',
          '2025',
        ],
      ],
    ],
    [
      'an import permit: the exporter is the partner, the number goes in ImportPermit',
      documentOf('import', importAppendixI.data, 'KE25000004-I'),
      { quantities: [22], date: '2025-02-01' },
      'importer',
      [['I', 'Diceros bicornis', 'SPE', '22', '', 'DE', '', 'KE25000004-I', '', '', '', 'S', 'W', '2025']],
    ],
    [
      'another Party’s export confirmed here, in the importer’s report',
      documentOf(
        'export',
        {
          ...exportAppendixII.data,
          exporter: { ...exportAppendixII.data.exporter, address: { streetLines: [], country: 'DE' } },
          importer: { ...exportAppendixII.data.importer, address: { streetLines: [], country: 'KE' } },
        },
        'DE25000123-E',
      ),
      { quantities: [7.25], date: '2025-10-01' },
      'importer',
      [['II', 'Python regius', 'LIV', '7.25', '', 'DE', '', '', 'DE25000123-E', '', '', 'T', 'W', '2025']],
    ],
    [
      'nothing counted: no row',
      documentOf('export', exportAppendixII.data, 'KE25000001-E'),
      { quantities: [0], date: '2025-03-05' },
      'exporter',
      [],
    ],
  ])('%s', (_name, document, trade, layout, expected) => {
    expect(annualReportRowsOf(document, trade, layout).map(rowValues)).toEqual(expected);
  });

  it('gives no row for a document that names no importer', () => {
    const ownership = {
      ...documentOf('export', exportAppendixII.data, 'KE25000005-O'),
      documentType: 'ownership',
    } as unknown as PermitDocument;
    const { importer: _importer, ...withoutImporter } = ownership as unknown as Record<string, unknown>;
    expect(
      annualReportRowsOf(
        withoutImporter as unknown as PermitDocument,
        { quantities: [1], date: '2025-01-01' },
        'exporter',
      ),
    ).toEqual([]);
  });
});
