import { decodeSignedPermit } from '../../activities/signing/permit-signature';
import {
  AnnualReportCheckTally,
  annualReportCsvHeader,
  annualReportCsvLine,
  annualReportRowsOf,
  checkAnnualReportRow,
  confirmedTradeOf,
  ownDocumentTypesIn,
  reportedTradeOf,
  reportTaxonOf,
  type AnnualReportCheckTotals,
  type AnnualReportLayout,
  type AnnualReportRow,
  type AnnualReportScope,
  type ReportBasis,
  type ReportedTrade,
  type ReportTaxon,
} from '../../domain/annual-report';
import type { DocumentType } from '../../domain/codes/types';
import type { PermitDocument } from '../../domain/documents/model';
import type { Taxon } from '../../domain/species/taxon';
import type { TradeRecordReader } from '../../store/trade-records';
import { invalid, PangolinError } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import type { SpeciesService } from './species';

export interface AnnualReportQuery {
  year: number;
  layout: AnnualReportLayout;
  /** `actual` (the default): trade that took place; `issued`: permits issued. */
  basis?: ReportBasis;
  /** Refuse the file (422) when the Trade Database would refuse any of its rows. */
  strict?: boolean;
}

/** What the Trade Database's checks say of a report, before it is sent. */
export interface AnnualReportCheck extends AnnualReportCheckTotals {
  party: string;
  year: number;
  layout: AnnualReportLayout;
  basis: ReportBasis;
}

/** A report file: its name and its lines, read from the database as they are written. */
export interface AnnualReportFile {
  filename: string;
  lines: AsyncIterable<string>;
}

/** One step of a report: a row, or a permit the report should hold but cannot read. */
type ReportEntry =
  | { kind: 'row'; permitNumber: string; row: AnnualReportRow }
  | { kind: 'no-row'; permitNumber: string; code: string; reason: string };

/** Every document type, for choosing those of a layout. */
const DOCUMENT_TYPES: readonly DocumentType[] = [
  'export',
  're-export',
  'import',
  'certificate-of-origin',
  'introduction-from-the-sea',
  'pre-convention',
  'captive-breeding',
  'artificial-propagation',
  'travelling-exhibition',
  'ownership',
];

/** At most this many reasons are listed by a check (all are counted). */
const LISTED_PROBLEMS = 1_000;
/** At most this many reasons go into the 422 of a strict download. */
const STRICT_PROBLEMS = 50;

/**
 * The annual trade report (Art. VIII.7(a)) in the CITES Trade Database's upload layout, made from the
 * signed permits (the boxes as issued) and what was recorded at the border, streamed from the database
 * row by row, and the Trade Database's checks over the same rows.
 */
export class AnnualReportService {
  constructor(
    private readonly party: string,
    private readonly records: TradeRecordReader,
    private readonly species: Pick<SpeciesService, 'search' | 'taxon'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The report file. With `strict`, the checks run over the report first and any refusal answers 422 with
   * the problems' summary; the file is then read again from the database as it is sent.
   */
  async csv(caller: Caller, query: AnnualReportQuery): Promise<AnnualReportFile> {
    requirePermission(caller, 'reports.read');
    const scope = this.scopeOf(query);
    if (query.strict) {
      const check = await this.runCheck(scope);
      if (check.refusedRows > 0 || check.unreportable > 0) throw refusal(check);
    }
    const entries = this.entries(scope);
    return {
      filename: `annual-report-${this.party}-${scope.year}-${scope.layout}-${scope.basis}.csv`,
      lines: csvLines(scope.layout, entries),
    };
  }

  /** The Trade Database's checks over the rows the report would hold, with each refusal and its reason. */
  async check(caller: Caller, query: AnnualReportQuery): Promise<AnnualReportCheck> {
    requirePermission(caller, 'reports.read');
    return this.runCheck(this.scopeOf(query));
  }

  private scopeOf(query: AnnualReportQuery): AnnualReportScope {
    const thisYear = this.now().getUTCFullYear();
    if (!Number.isInteger(query.year) || query.year > thisYear) {
      throw invalid(`There is no report for ${query.year} yet: the year has not begun.`, [
        { path: '/year', message: `must be ${thisYear} or earlier` },
      ]);
    }
    return { year: query.year, layout: query.layout, basis: query.basis ?? 'actual' };
  }

  private async runCheck(scope: AnnualReportScope): Promise<AnnualReportCheck> {
    const entries = this.entries(scope);
    const tally = new AnnualReportCheckTally(LISTED_PROBLEMS);
    const taxa = new Map<string, ReportTaxon | null>();
    for await (const entry of entries) {
      if (entry.kind === 'no-row') {
        tally.noRow(entry.permitNumber, entry.code, entry.reason);
        continue;
      }
      const name = entry.row.cells.SpeciesName;
      let taxon = taxa.get(name);
      if (taxon === undefined) {
        taxon = await this.lookUp(name);
        taxa.set(name, taxon);
      }
      const issues = checkAnnualReportRow(entry.row.cells, {
        layout: scope.layout,
        reportingParty: this.party,
        taxon,
      });
      tally.row(entry.permitNumber, issues);
    }
    return { party: this.party, ...scope, ...tally.totals() };
  }

  /** What the checklist says of an accepted name or synonym; null when it does not hold the name. */
  private async lookUp(name: string): Promise<ReportTaxon | null> {
    const hits = await this.species.search({ q: name, limit: 5 });
    const hit = hits.find((h) => h.matchType === 'exact' && h.nameKind !== 'common');
    if (!hit) return null;
    const taxon: Taxon | undefined = await this.species.taxon(hit.id);
    return taxon ? reportTaxonOf(taxon) : null;
  }

  /**
   * The report's entries, in the order the database keeps the permits: the Party's own documents of the
   * layout, then (importer's report of actual trade) other Parties' permits customs confirmed here. The
   * cursors are opened now and read as the entries are.
   */
  private entries(scope: AnnualReportScope): AsyncIterable<ReportEntry> {
    const own = this.records.ownPermits(scope, ownDocumentTypesIn(scope.layout, DOCUMENT_TYPES));
    const confirmed =
      scope.layout === 'importer' && scope.basis === 'actual'
        ? this.records.confirmedImports(this.party, scope.year)
        : undefined;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const permit of own) {
          const trade = reportedTradeOf(
            {
              documentType: permit.documentType,
              status: permit.status,
              issuedOn: new Date(permit.issuedAt).toISOString().slice(0, 10),
              authorisedQuantities: permit.authorisedQuantities ?? [],
              ...(permit.endorsement ? { endorsement: permit.endorsement } : {}),
              ...(permit.importConfirmation ? { importConfirmation: permit.importConfirmation } : {}),
            },
            scope,
          );
          if (trade) yield* entriesOf(permit.number, permit.signedPermit, trade, scope.layout);
        }
        if (!confirmed) return;
        for await (const permit of confirmed) {
          const trade = confirmedTradeOf(permit, scope);
          if (trade) yield* entriesOf(permit.number, permit.signedPermit, trade, scope.layout);
        }
      },
    };
  }
}

/** The rows of one signed permit, or why it gives none. */
function* entriesOf(
  permitNumber: string,
  signedPermit: string | undefined,
  trade: ReportedTrade,
  layout: AnnualReportLayout,
): Generator<ReportEntry> {
  if (!signedPermit) {
    yield {
      kind: 'no-row',
      permitNumber,
      code: 'not-signed',
      reason: 'Issued before permits were signed: its boxes are not on record, so it gives no row.',
    };
    return;
  }
  const document = documentOf(signedPermit);
  if (!document) {
    yield {
      kind: 'no-row',
      permitNumber,
      code: 'unreadable',
      reason: 'Its signed content is not a permit document, so it gives no row.',
    };
    return;
  }
  for (const row of annualReportRowsOf(document, trade, layout)) yield { kind: 'row', permitNumber, row };
}

/** The permit document a signed permit carries, or undefined when it does not look like one. */
function documentOf(signedPermit: string): PermitDocument | undefined {
  try {
    const { content } = decodeSignedPermit(signedPermit);
    const document = content as Partial<PermitDocument> | null;
    if (
      typeof document?.permitNumber !== 'string' ||
      typeof document.documentType !== 'string' ||
      !Array.isArray(document.specimens)
    ) {
      return undefined;
    }
    return document as PermitDocument;
  } catch {
    return undefined;
  }
}

async function* csvLines(
  layout: AnnualReportLayout,
  entries: AsyncIterable<ReportEntry>,
): AsyncGenerator<string> {
  yield annualReportCsvHeader(layout);
  for await (const entry of entries) {
    if (entry.kind === 'row') yield annualReportCsvLine(entry.row);
  }
}

function refusal(check: AnnualReportCheck): PangolinError {
  const { refused, ...summary } = check;
  const parts = [`${check.refusedRows} of ${check.rows} rows would be refused by the CITES Trade Database`];
  if (check.unreportable > 0) parts.push(`${check.unreportable} permits give no row`);
  return new PangolinError(
    'invalid',
    `${parts.join('; ')}: see GET /api/reports/annual/check for each row and why.`,
    refused.slice(0, STRICT_PROBLEMS).map((r) => ({
      path: r.row === null ? `/permits/${r.permitNumber}` : `/rows/${r.row}/${r.column ?? ''}`,
      message: `${r.permitNumber}: ${r.reason}`,
    })),
    { summary },
  );
}
