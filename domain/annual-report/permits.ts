import type { DocumentType, IsoDate } from '../codes/types';
import type { PermitDocument } from '../documents/model';
import { blockIndex } from '../documents/sheets';
import {
  toAnnualReportRow,
  type AnnualReportLayout,
  type AnnualReportRow,
  type EndorsedPermitLine,
} from './rows';

/**
 * What a report counts: trade that took place (export permits endorsed at the border, imports confirmed,
 * the basis the Parties are asked to use), or permits issued with the quantities they authorise.
 */
export type ReportBasis = 'actual' | 'issued';

export const REPORT_BASES: readonly ReportBasis[] = ['actual', 'issued'];

/** The report asked for: its year, its layout and its basis. */
export interface AnnualReportScope {
  readonly year: number;
  readonly layout: AnnualReportLayout;
  readonly basis: ReportBasis;
}

/** What a report counts for one permit: the quantity per block, in block order, and the day it counts on. */
export interface ReportedTrade {
  readonly quantities: readonly number[];
  readonly date: IsoDate;
}

/** What the Party recorded of one of its own permits after issuing it, as far as a report needs. */
export interface IssuedPermitFacts {
  readonly documentType: DocumentType;
  readonly status: string;
  /** The day of issue (UTC). */
  readonly issuedOn: IsoDate;
  /** Box 11 per block. */
  readonly authorisedQuantities: readonly number[];
  /** Box 14: the quantities customs endorsed per block, and the day. */
  readonly endorsement?: { readonly quantities: readonly number[]; readonly date: IsoDate };
  /** What the importing side confirmed arrived, per block. */
  readonly importConfirmation?: { readonly quantities: readonly number[] };
}

/** What customs here confirmed arrived under another Party's permit, per block letter. */
export interface ConfirmedImportFacts {
  readonly documentType: DocumentType;
  readonly importConfirmation?: {
    readonly blocks: readonly { readonly block: string; readonly quantity: number }[];
    readonly date: IsoDate;
  };
}

/** Statuses whose permits are left out of a report of permits issued: they never were, or are, used. */
const NOT_REPORTED_WHEN_ISSUED: readonly string[] = ['cancelled', 'replaced'];

/**
 * The report one of the Party's own documents goes in: imports and introductions from the sea in the
 * importer's, the other export-side documents in the exporter's. Travelling-exhibition and ownership
 * certificates serve many crossings and name no importer: they are in neither.
 */
export function reportLayoutOfOwnDocument(documentType: DocumentType): AnnualReportLayout | undefined {
  switch (documentType) {
    case 'import':
    case 'introduction-from-the-sea':
      return 'importer';
    case 'travelling-exhibition':
    case 'ownership':
      return undefined;
    default:
      return 'exporter';
  }
}

/** The document types of the Party's own permits that a report of this layout reads. */
export function ownDocumentTypesIn(layout: AnnualReportLayout, all: readonly DocumentType[]): DocumentType[] {
  return all.filter((type) => reportLayoutOfOwnDocument(type) === layout);
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * What the report counts for one of the Party's own permits, or `undefined` when the permit is not in it.
 * Actual trade: the endorsement's day and quantities (for an import, the confirmed quantities where the
 * import was confirmed). Permits issued: the day of issue and the authorised quantities, leaving out
 * cancelled permits and replaced ones (their replacement is counted).
 */
export function reportedTradeOf(
  permit: IssuedPermitFacts,
  scope: AnnualReportScope,
): ReportedTrade | undefined {
  if (reportLayoutOfOwnDocument(permit.documentType) !== scope.layout) return undefined;
  if (scope.basis === 'issued') {
    if (NOT_REPORTED_WHEN_ISSUED.includes(permit.status) || yearOf(permit.issuedOn) !== scope.year) {
      return undefined;
    }
    return { quantities: permit.authorisedQuantities, date: permit.issuedOn };
  }
  const { endorsement } = permit;
  if (!endorsement || yearOf(endorsement.date) !== scope.year) return undefined;
  const quantities =
    scope.layout === 'importer' && permit.importConfirmation
      ? permit.importConfirmation.quantities
      : endorsement.quantities;
  return { quantities, date: endorsement.date };
}

/**
 * What the importer's report counts for another Party's permit that customs here confirmed: the quantity
 * per block as confirmed, on the day of the confirmation. `undefined` when it was not confirmed in the
 * report's year, when the report counts permits issued (this Party issued none of these), or when the
 * permit is an import permit (the other Party's, for an export from here).
 */
export function confirmedTradeOf(
  permit: ConfirmedImportFacts,
  scope: AnnualReportScope,
): ReportedTrade | undefined {
  const confirmation = permit.importConfirmation;
  if (scope.layout !== 'importer' || scope.basis !== 'actual' || permit.documentType === 'import') {
    return undefined;
  }
  if (!confirmation || yearOf(confirmation.date) !== scope.year) return undefined;
  const quantities: number[] = [];
  for (const { block, quantity } of confirmation.blocks) {
    const index = blockIndex(block);
    if (index !== undefined) quantities[index] = (quantities[index] ?? 0) + quantity;
  }
  return { quantities: Array.from(quantities, (quantity) => quantity ?? 0), date: confirmation.date };
}

/**
 * The report lines of one document: one per specimen block, from the boxes as issued (species, Appendix,
 * term, unit, source, origin, purpose, the countries of Boxes 3 and 4) with the quantity the report counts
 * for the block. Blocks of which nothing counts are left out, as are documents that name no importer.
 */
export function reportLinesOf(document: PermitDocument, trade: ReportedTrade): EndorsedPermitLine[] {
  if (!('importer' in document)) return [];
  const exporterCountry = 'exporter' in document ? document.exporter.address.country : null;
  const permit = {
    permitNumber: document.permitNumber,
    documentType: document.documentType,
    exporterCountry,
    importerCountry: document.importer.address.country,
    purpose: document.purpose,
    tradeDate: trade.date,
  };
  const lines: EndorsedPermitLine[] = [];
  document.specimens.forEach((block, index) => {
    const actualQuantity = trade.quantities[index] ?? 0;
    if (!(actualQuantity > 0)) return;
    lines.push({
      permit,
      block: {
        scientificName: block.scientificName,
        appendix: block.appendix,
        term: block.description.term,
        unit: block.unit,
        source: block.source,
        countryOfOrigin: block.countryOfOrigin?.country ?? null,
        originPermitNumber: block.countryOfOrigin?.permitNumber ?? null,
      },
      actualQuantity,
    });
  });
  return lines;
}

/** The report rows of one document in a report of this layout (see {@link reportLinesOf}). */
export function annualReportRowsOf(
  document: PermitDocument,
  trade: ReportedTrade,
  layout: AnnualReportLayout,
): AnnualReportRow[] {
  return reportLinesOf(document, trade).map((line) => toAnnualReportRow(line, layout));
}
