import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  EXPORTER_COLUMNS,
  IMPORTER_COLUMNS,
  checkAnnualReportHeader,
  checkAnnualReportRow,
  formatReportQuantity,
  normaliseReportedAppendix,
  rowValues,
  toAnnualReportCsv,
  toAnnualReportRow,
  toAnnualReportRows,
  type EndorsedPermitLine,
  type ReportRowContext,
} from '../../../domain/annual-report';
import { sharedDataFile } from '../../support/shared-data';

function sample(name: string): { header: string[]; records: Record<string, string>[] } {
  const text = fs.readFileSync(sharedDataFile('cites-trade-codes', name), 'utf8');
  const header = (text.split('\n')[0] ?? '').replace(/\r$/, '').split(',');
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return { header, records };
}

/** The rows the Trade Database's own samples hold, minus their all-empty filler rows. */
function dataRows(records: Record<string, string>[]): Record<string, string>[] {
  return records.filter((r) => Object.values(r).some((v) => v.trim() !== ''));
}

/** Sample rows write Appendix `2`; ours write `II`. Everything else must match cell for cell. */
function comparable(cells: readonly string[], appendixIndex = 0): string[] {
  return cells.map((cell, i) => (i === appendixIndex ? (normaliseReportedAppendix(cell) ?? cell) : cell));
}

const sturgeonExport: EndorsedPermitLine = {
  permit: {
    permitNumber: 'FR1007533178-E',
    documentType: 'export',
    exporterCountry: 'DE',
    importerCountry: 'FR',
    purpose: 'T',
    tradeDate: '2010-09-14',
  },
  block: {
    scientificName: 'Acipenser baerii',
    appendix: 'II',
    term: 'CAV',
    unit: 'KIL',
    source: 'C',
    ifsPermitNumber: 'FR1330592445-M',
  },
  actualQuantity: 6,
};

const sturgeonReExport: EndorsedPermitLine = {
  permit: {
    ...sturgeonExport.permit,
    permitNumber: 'FR1107539121-R',
    documentType: 're-export',
    tradeDate: '2011-02-01',
  },
  block: { ...sturgeonExport.block, source: 'F', countryOfOrigin: 'CN', ifsPermitNumber: null },
  actualQuantity: 0.2,
};

describe('column order of the CITES Trade Database upload', () => {
  it('the exporter layout is the header of annual_report_upload_exporter.csv', () => {
    expect([...EXPORTER_COLUMNS]).toEqual(sample('annual_report_upload_exporter.csv').header);
  });

  it.each(['annual_report_upload_importer.csv', 'annual_report_upload_importer_blanks.csv'])(
    'the importer layout is the header of %s',
    (file) => {
      expect([...IMPORTER_COLUMNS]).toEqual(sample(file).header);
    },
  );

  it('the importer layout is the exporter layout plus ImportPermit', () => {
    expect(IMPORTER_COLUMNS.filter((c) => c !== 'ImportPermit')).toEqual([...EXPORTER_COLUMNS]);
    expect(EXPORTER_COLUMNS).not.toContain('ImportPermit');
  });
});

describe('toAnnualReportRow', () => {
  it('reproduces the rows of the exporter sample from endorsed permit lines', () => {
    const expected = dataRows(sample('annual_report_upload_exporter.csv').records).map((r) =>
      comparable(EXPORTER_COLUMNS.map((c) => r[c] ?? '')),
    );
    const ours = [sturgeonExport, sturgeonReExport].map((line) => rowValues(toAnnualReportRow(line)));
    expect(ours).toEqual(expected);
  });

  it('reproduces the rows of the importer sample from the export documents the importer received', () => {
    const expected = dataRows(sample('annual_report_upload_importer.csv').records).map((r) =>
      comparable(IMPORTER_COLUMNS.map((c) => r[c] ?? '')),
    );
    const received = [
      {
        ...sturgeonExport,
        permit: { ...sturgeonExport.permit, exporterCountry: 'FR', importerCountry: 'GB' },
      },
      {
        ...sturgeonReExport,
        permit: { ...sturgeonReExport.permit, exporterCountry: 'FR', importerCountry: 'GB' },
        block: { ...sturgeonReExport.block, ifsPermitNumber: 'FR1330592445-M' },
      },
    ];
    expect(received.map((line) => rowValues(toAnnualReportRow(line, 'importer')))).toEqual(expected);
  });

  it('an Appendix-I export names the importer as partner and leaves its import permit out of the exporter report', () => {
    const row = toAnnualReportRow({
      permit: {
        permitNumber: 'KE25000001-E',
        documentType: 'export',
        exporterCountry: 'KE',
        importerCountry: 'US',
        purpose: 'S',
        tradeDate: '2025-03-01',
        partnerPermitNumber: 'US-25-IMP-9',
      },
      block: { scientificName: 'Diceros bicornis', appendix: 'I', term: 'SPE', unit: 'MLT', source: 'W' },
      actualQuantity: 12.5,
    });
    expect(row.layout).toBe('exporter');
    expect(row.cells).toEqual({
      Appendix: 'I',
      SpeciesName: 'Diceros bicornis',
      TermCode: 'SPE',
      Quantity: '12.5',
      UnitCode: 'MLT',
      TradingPartner: 'US',
      CountryOfOrigin: '',
      ExportPermit: 'KE25000001-E',
      OriginPermit: '',
      IFSPermit: '',
      PurposeCode: 'S',
      SourceCode: 'W',
      Year: '2025',
    });
  });

  it('an import permit goes in the importer report with the export permit it was presented with', () => {
    const row = toAnnualReportRow({
      permit: {
        permitNumber: 'US25000009-I',
        documentType: 'import',
        exporterCountry: 'KE',
        importerCountry: 'US',
        purpose: 'S',
        tradeDate: '2025-03-04',
        partnerPermitNumber: 'KE25000001-E',
      },
      block: { scientificName: 'Diceros bicornis', appendix: 'I', term: 'SPE', unit: 'MLT', source: 'W' },
      actualQuantity: 12.5,
    });
    expect(row.layout).toBe('importer');
    expect(row.cells).toMatchObject({
      TradingPartner: 'KE',
      ImportPermit: 'US25000009-I',
      ExportPermit: 'KE25000001-E',
    });
  });

  it('an introduction from the sea is imported from ZZ under its IFS certificate', () => {
    const row = toAnnualReportRow({
      permit: {
        permitNumber: 'US25000010-M',
        documentType: 'introduction-from-the-sea',
        exporterCountry: null,
        importerCountry: 'US',
        purpose: 'S',
        tradeDate: '2025-05-20',
      },
      block: { scientificName: 'Caretta caretta', appendix: 'I', term: 'BOD', source: 'X' },
      actualQuantity: 2,
    });
    expect(row.layout).toBe('importer');
    expect(row.cells).toMatchObject({
      TradingPartner: 'ZZ',
      ImportPermit: '',
      ExportPermit: '',
      IFSPermit: 'US25000010-M',
    });
  });

  it('reports actual trade: blocks with nothing shipped give no row', () => {
    const rows = toAnnualReportRows([sturgeonExport, { ...sturgeonReExport, actualQuantity: 0 }]);
    expect(rows.map((r) => r.cells.ExportPermit)).toEqual(['FR1007533178-E']);
  });

  it.each([
    [6, '6'],
    [0.2, '0.2'],
    [0.1 + 0.2, '0.3'],
    [1234567.5, '1234567.5'],
    [7.525, '7.525'],
    [1e-9, '0'],
  ])('writes quantity %p as %s', (quantity, text) => {
    expect(formatReportQuantity(quantity)).toBe(text);
  });
});

describe('toAnnualReportCsv', () => {
  it('starts with the sample header line and reads back to the same rows', () => {
    const rows = toAnnualReportRows([sturgeonExport, sturgeonReExport]);
    const csv = toAnnualReportCsv('exporter', rows);
    const headerLine = fs
      .readFileSync(sharedDataFile('cites-trade-codes', 'annual_report_upload_exporter.csv'), 'utf8')
      .split('\n')[0];
    expect(csv.split('\n')[0]).toBe(headerLine);
    const back = parse(csv, { columns: true }) as Record<string, string>[];
    expect(back.map((r) => EXPORTER_COLUMNS.map((c) => r[c]))).toEqual(rows.map(rowValues));
  });

  it('quotes cells that hold commas or quotes, and leaves rows of the other layout out', () => {
    const odd = toAnnualReportRow({
      ...sturgeonExport,
      block: { ...sturgeonExport.block, scientificName: 'Acipenser baerii, "hybrid"' },
    });
    const imported = toAnnualReportRow(sturgeonExport, 'importer');
    const csv = toAnnualReportCsv('exporter', [odd, imported]);
    expect(csv.split('\n')).toHaveLength(3);
    expect(csv).toContain('"Acipenser baerii, ""hybrid"""');
    const [record] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(record?.SpeciesName).toBe('Acipenser baerii, "hybrid"');
  });
});

describe('the Trade Database checks on report rows', () => {
  const importer: ReportRowContext = { layout: 'importer', reportingParty: 'GB', kingdom: 'Animalia' };

  it.each<[string, string[], string[], boolean]>([
    ['annual_report_upload_exporter.csv', [...EXPORTER_COLUMNS], [], false],
    ['annual_report_upload_importer.csv', [...IMPORTER_COLUMNS], [], false],
    ['annual_report_upload_correct_all_columns.csv', [...IMPORTER_COLUMNS], [], false],
    ['annual_report_upload_incorrect.csv', [...IMPORTER_COLUMNS], ['Year'], false],
  ])('header of %s', (file, layoutColumns, missing, outOfOrder) => {
    const check = checkAnnualReportHeader(sample(file).header);
    expect(check.layout).toBe(layoutColumns.includes('ImportPermit') ? 'importer' : 'exporter');
    expect(check.missing).toEqual(missing);
    expect(check.unexpected).toEqual([]);
    expect(check.outOfOrder).toBe(outOfOrder);
  });

  it('spots columns in the wrong order and columns that do not belong', () => {
    const check = checkAnnualReportHeader([
      'SpeciesName',
      'Appendix',
      ...EXPORTER_COLUMNS.slice(2),
      'Remarks',
    ]);
    expect(check).toEqual({ layout: 'exporter', missing: [], unexpected: ['Remarks'], outOfOrder: true });
  });

  it('the rows of annual_report_upload_incorrect.csv fail only for their missing year', () => {
    const { records } = sample('annual_report_upload_incorrect.csv');
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(checkAnnualReportRow(record, importer).map((i) => `${i.path} ${i.code}`)).toEqual([
        '/Year required',
      ]);
      expect(checkAnnualReportRow({ ...record, Year: '2011' }, importer)).toEqual([]);
    }
  });

  it('the rows of annual_report_upload_importer_blanks.csv: one unknown term (COV), the rest clean', () => {
    const rows = dataRows(sample('annual_report_upload_importer_blanks.csv').records);
    expect(rows).toHaveLength(10);
    const found = rows.map((r, i) => checkAnnualReportRow(r, importer).map((x) => `${i}${x.path} ${x.code}`));
    expect(found.flat()).toEqual(['0/TermCode unknown-term']);
  });

  it('the rows we produce pass the same checks', () => {
    for (const row of toAnnualReportRows([sturgeonExport, sturgeonReExport])) {
      expect(
        checkAnnualReportRow(row.cells, { layout: 'exporter', reportingParty: 'DE', kingdom: 'Animalia' }),
      ).toEqual([]);
    }
  });

  const good: Record<string, string> = {
    Appendix: 'II',
    SpeciesName: 'Acipenser baerii',
    TermCode: 'CAV',
    Quantity: '6',
    UnitCode: 'KIL',
    TradingPartner: 'FR',
    CountryOfOrigin: '',
    ExportPermit: 'FR1007533178-E',
    OriginPermit: '',
    IFSPermit: '',
    PurposeCode: 'T',
    SourceCode: 'C',
    Year: '2010',
  };

  it.each<[string, Record<string, string>, ReportRowContext, string[]]>([
    ['a clean row', {}, importer, []],
    ['a two-digit year', { Year: '10' }, importer, ['/Year invalid-year']],
    ['a quantity in words', { Quantity: 'six' }, importer, ['/Quantity not-a-number']],
    ['Appendix IV', { Appendix: 'IV' }, importer, ['/Appendix unknown-appendix']],
    ['Appendix N (not listed) is reportable', { Appendix: 'N' }, importer, []],
    ['a blank source and purpose are tolerated', { SourceCode: '', PurposeCode: '' }, importer, []],
    ['an unknown partner', { TradingPartner: 'QQ' }, importer, ['/TradingPartner unknown-country']],
    ['the special code for unknown origin', { CountryOfOrigin: 'XX' }, importer, []],
    [
      'exporter = importer in an exporter report',
      {},
      { layout: 'exporter', reportingParty: 'FR', kingdom: 'Animalia' },
      ['/TradingPartner exporter-is-importer'],
    ],
    [
      'origin = exporter in an importer report',
      { CountryOfOrigin: 'FR' },
      importer,
      ['/CountryOfOrigin exporter-is-origin'],
    ],
    ['source A for an animal', { SourceCode: 'A' }, importer, ['/SourceCode source-not-for-kingdom']],
    [
      'source A when the kingdom is not known',
      { SourceCode: 'A' },
      { layout: 'importer', reportingParty: 'GB' },
      [],
    ],
    ['caviar in litres', { UnitCode: 'LTR' }, importer, ['/UnitCode term-unit-not-allowed']],
    [
      'values are trimmed and upper-cased',
      { TermCode: ' cav ', UnitCode: 'kil', Appendix: 'ii' },
      importer,
      [],
    ],
  ])('%s', (_name, change, context, expected) => {
    expect(checkAnnualReportRow({ ...good, ...change }, context).map((i) => `${i.path} ${i.code}`)).toEqual(
      expected,
    );
  });
});
