import type { Appendix, CountryCode, DocumentType, IsoDate, PurposeCode, SourceCode } from '../codes/types';

/**
 * Columns of an exporter's annual-report upload, in the order the CITES Trade Database accepts them
 * (its own sample `annual_report_upload_exporter.csv`). No ImportPermit: an exporter does not know it.
 */
export const EXPORTER_COLUMNS = [
  'Appendix',
  'SpeciesName',
  'TermCode',
  'Quantity',
  'UnitCode',
  'TradingPartner',
  'CountryOfOrigin',
  'ExportPermit',
  'OriginPermit',
  'IFSPermit',
  'PurposeCode',
  'SourceCode',
  'Year',
] as const;

/** Columns of an importer's annual-report upload: the exporter's plus ImportPermit after CountryOfOrigin. */
export const IMPORTER_COLUMNS = [
  'Appendix',
  'SpeciesName',
  'TermCode',
  'Quantity',
  'UnitCode',
  'TradingPartner',
  'CountryOfOrigin',
  'ImportPermit',
  'ExportPermit',
  'OriginPermit',
  'IFSPermit',
  'PurposeCode',
  'SourceCode',
  'Year',
] as const;

/** Which of the two reports (Art. VIII.7(a)) a row belongs to: trade the Party exported, or imported. */
export type AnnualReportLayout = 'exporter' | 'importer';

/** A column of the exporter layout. */
export type ExporterColumn = (typeof EXPORTER_COLUMNS)[number];
/** A column of the importer layout. */
export type ImporterColumn = (typeof IMPORTER_COLUMNS)[number];

/** The columns of a layout, in upload order. */
export function annualReportColumns(
  layout: AnnualReportLayout,
): readonly (ExporterColumn | ImporterColumn)[] {
  return layout === 'exporter' ? EXPORTER_COLUMNS : IMPORTER_COLUMNS;
}

/** One row of an annual report, every cell already text as it goes into the CSV. */
export type AnnualReportRow =
  | { readonly layout: 'exporter'; readonly cells: Readonly<Record<ExporterColumn, string>> }
  | { readonly layout: 'importer'; readonly cells: Readonly<Record<ImporterColumn, string>> };

/** The permit side of a reported line: the document and the consignment it covered. */
export interface ReportedPermit {
  readonly permitNumber: string;
  readonly documentType: DocumentType;
  /** Null for an introduction from the sea, which comes from no State. */
  readonly exporterCountry: CountryCode | null;
  /** For an introduction from the sea, the State of introduction. */
  readonly importerCountry: CountryCode;
  readonly purpose: PurposeCode;
  /**
   * The day the consignment was endorsed at export (Box 14) or its import confirmed. Its year is the
   * report year: Parties are asked to report trade that took place, not permits issued.
   */
  readonly tradeDate: IsoDate;
  /**
   * The other State's document for the same consignment: for an import permit, the export permit or
   * re-export certificate presented with it; for an Appendix-I export, the import permit it relied on.
   */
  readonly partnerPermitNumber?: string | null;
}

/** The block side of a reported line (boxes 7–12 of one specimen block). */
export interface ReportedBlock {
  readonly scientificName: string;
  readonly appendix: Appendix;
  readonly term: string;
  /** Empty for a number of specimens. */
  readonly unit?: string | null;
  readonly source: SourceCode;
  readonly countryOfOrigin?: CountryCode | null;
  readonly originPermitNumber?: string | null;
  /** The certificate under which the specimen was introduced from the sea, if it was. */
  readonly ifsPermitNumber?: string | null;
}

/** One endorsed block of one permit, with the quantity actually shipped. */
export interface EndorsedPermitLine {
  readonly permit: ReportedPermit;
  readonly block: ReportedBlock;
  readonly actualQuantity: number;
}

/** The Trade Database's code for trade introduced from the sea, in place of an exporting State. */
export const INTRODUCTION_FROM_THE_SEA_PARTNER = 'ZZ';

/** Imports and introductions from the sea go in the importer's report; everything else in the exporter's. */
export function reportLayoutFor(documentType: DocumentType): AnnualReportLayout {
  return documentType === 'import' || documentType === 'introduction-from-the-sea' ? 'importer' : 'exporter';
}

/**
 * A quantity as the report writes it: no exponent, no binary-fraction noise (0.1 + 0.2 is `0.3`), at most
 * six decimals, no trailing zeros.
 */
export function formatReportQuantity(quantity: number): string {
  const fixed = quantity.toFixed(6);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * The annual-report row for one endorsed block. The layout defaults to the report the issuing Party files
 * ({@link reportLayoutFor}); an importing Party that confirms receipt of another Party's export permit
 * passes `'importer'`. Each number goes in the column of its document: import permits in ImportPermit,
 * introduction-from-the-sea certificates in IFSPermit, every export-side document in ExportPermit. The
 * trading partner is the importer in an exporter report, and the exporter (`ZZ` for an introduction from
 * the sea) in an importer report.
 */
export function toAnnualReportRow(
  line: EndorsedPermitLine,
  layout: AnnualReportLayout = reportLayoutFor(line.permit.documentType),
): AnnualReportRow {
  const { permit, block } = line;
  const own = permit.permitNumber;
  const partner = permit.partnerPermitNumber ?? '';
  const fromTheSea = permit.documentType === 'introduction-from-the-sea';
  const isImportPermit = permit.documentType === 'import';
  const numbers = {
    ImportPermit: isImportPermit ? own : fromTheSea ? '' : partner,
    ExportPermit: isImportPermit ? partner : fromTheSea ? '' : own,
    IFSPermit: fromTheSea ? own : (block.ifsPermitNumber ?? ''),
  };
  const common = {
    Appendix: block.appendix,
    SpeciesName: block.scientificName.trim(),
    TermCode: block.term,
    Quantity: formatReportQuantity(line.actualQuantity),
    UnitCode: block.unit ?? '',
    CountryOfOrigin: block.countryOfOrigin ?? '',
    OriginPermit: block.originPermitNumber ?? '',
    ExportPermit: numbers.ExportPermit,
    IFSPermit: numbers.IFSPermit,
    PurposeCode: permit.purpose,
    SourceCode: block.source,
    Year: permit.tradeDate.slice(0, 4),
  };
  if (layout === 'exporter') {
    return { layout, cells: { ...common, TradingPartner: permit.importerCountry } };
  }
  const tradingPartner = fromTheSea ? INTRODUCTION_FROM_THE_SEA_PARTNER : (permit.exporterCountry ?? '');
  return { layout, cells: { ...common, TradingPartner: tradingPartner, ImportPermit: numbers.ImportPermit } };
}

/** The rows for endorsed lines in their default layouts, leaving out blocks of which nothing was shipped. */
export function toAnnualReportRows(lines: readonly EndorsedPermitLine[]): AnnualReportRow[] {
  return lines.filter((line) => line.actualQuantity > 0).map((line) => toAnnualReportRow(line));
}

/** A row's cells in the column order of its layout. */
export function rowValues(row: AnnualReportRow): string[] {
  return row.layout === 'exporter'
    ? EXPORTER_COLUMNS.map((column) => row.cells[column])
    : IMPORTER_COLUMNS.map((column) => row.cells[column]);
}
