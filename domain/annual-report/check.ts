import { findTradeCode, isPurposeCode, isTermCode } from '../codes';
import type { Appendix, CountryCode, IsoDate, Kingdom } from '../codes/types';
import type { Taxon } from '../species/taxon';
import { issue, pointer, type ValidationIssue } from '../validation/issues';
import { checkTradeCodes } from '../validation/trade-codes';
import { EXPORTER_COLUMNS, IMPORTER_COLUMNS, type AnnualReportLayout } from './rows';
import { TAXON_TERMS, TERM_PURPOSES } from './trade-database-pairs';

/** Columns the older (2013) upload layout lacked; a file without them is still accepted. */
export const OPTIONAL_COLUMNS: readonly string[] = ['IFSPermit'];

/** How an upload's header line compares with the layout it claims. */
export interface HeaderCheck {
  /** Importer if the header has an ImportPermit column, else exporter. */
  readonly layout: AnnualReportLayout;
  /** Required columns of the layout the header lacks. */
  readonly missing: readonly string[];
  /** Header columns the layout does not have. */
  readonly unexpected: readonly string[];
  /** Whether the columns both share come in a different order. */
  readonly outOfOrder: boolean;
}

/** Compare an upload's header line with the Trade Database layouts. */
export function checkAnnualReportHeader(header: readonly string[]): HeaderCheck {
  const names = header.map((h) => h.trim());
  const layout: AnnualReportLayout = names.includes('ImportPermit') ? 'importer' : 'exporter';
  const expected: readonly string[] = layout === 'importer' ? IMPORTER_COLUMNS : EXPORTER_COLUMNS;
  const shared = names.filter((n) => expected.includes(n));
  const expectedShared = expected.filter((n) => shared.includes(n));
  return {
    layout,
    missing: expected.filter((n) => !names.includes(n) && !OPTIONAL_COLUMNS.includes(n)),
    unexpected: names.filter((n) => !expected.includes(n)),
    outOfOrder: shared.some((n, i) => n !== expectedShared[i]),
  };
}

/**
 * An Appendix as reports write it: I, II, III or N (not listed), trimmed and upper-cased as the Trade
 * Database does on load. Its own sample uploads write `2` for II, so Arabic numerals are read too.
 */
export function normaliseReportedAppendix(value: string | undefined): Appendix | 'N' | undefined {
  const v = value?.trim().toUpperCase();
  switch (v) {
    case 'I':
    case '1':
      return 'I';
    case 'II':
    case '2':
      return 'II';
    case 'III':
    case '3':
      return 'III';
    case 'N':
      return 'N';
    default:
      return undefined;
  }
}

/** The ranks of a taxon and those above it, by rank name, as the checklist gives them. */
export interface TaxonRanks {
  readonly kingdom?: string;
  readonly phylum?: string;
  readonly class?: string;
  readonly order?: string;
  readonly family?: string;
  readonly genus?: string;
  readonly species?: string;
}

/** What the checklist says of a row's taxon, for the checks that need more than the row. */
export interface ReportTaxon {
  readonly kingdom: Kingdom;
  /** The Appendices of its current listing; empty when it is not listed. */
  readonly appendices: readonly Appendix[];
  /** Some populations or parts are not covered by the Convention (Appendix N is then reportable). */
  readonly notCoveredInPart?: boolean;
  /** When the current listing took effect, where known: rows of earlier years are not held to it. */
  readonly listedSince?: IsoDate;
  readonly ranks: TaxonRanks;
  /** Range States, where known. */
  readonly distribution?: readonly CountryCode[];
}

/** What the report checks need of a checklist taxon. */
export function reportTaxonOf(taxon: Taxon): ReportTaxon {
  const { higherTaxonomy: above } = taxon;
  const words = taxon.scientificName.trim().split(/\s+/);
  const species =
    taxon.rank === 'SPECIES' || taxon.rank === 'SUBSPECIES' || taxon.rank === 'VARIETY'
      ? words.slice(0, 2).join(' ')
      : undefined;
  const genus = above.genus ?? (species !== undefined || taxon.rank === 'GENUS' ? words[0] : undefined);
  const ranks: TaxonRanks = Object.fromEntries(
    Object.entries({
      kingdom: taxon.kingdom,
      phylum: above.phylum,
      class: above.class,
      order: above.order,
      family: taxon.rank === 'FAMILY' ? taxon.scientificName : above.family,
      genus,
      species,
    }).filter(([, name]) => name !== undefined),
  );
  return {
    kingdom: taxon.kingdom,
    appendices: taxon.listing.appendices,
    notCoveredInPart: taxon.listing.notCoveredInPart,
    ...(taxon.listing.effectiveFrom ? { listedSince: taxon.listing.effectiveFrom } : {}),
    ranks,
    ...(taxon.distribution ? { distribution: taxon.distribution } : {}),
  };
}

/**
 * Who reported the row and, where known, the kingdom of its taxon (the row does not carry it) and what
 * the checklist says of the taxon: `null` when the name is not in it, absent when it was not looked up.
 */
export interface ReportRowContext {
  readonly layout: AnnualReportLayout;
  readonly reportingParty: CountryCode;
  readonly kingdom?: Kingdom;
  readonly taxon?: ReportTaxon | null;
}

const REQUIRED_COLUMNS = [
  'TradingPartner',
  'TermCode',
  'SpeciesName',
  'Appendix',
  'Quantity',
  'Year',
] as const;

/** Whether the Trade Database's term–purpose table lets the term be reported with the purpose. */
export function isAllowedTermPurpose(term: string, purpose: string): boolean {
  const allowed = TERM_PURPOSES[term];
  return allowed === undefined || allowed.includes(purpose);
}

/**
 * Whether the Trade Database's taxon–term table lets the term be reported for the taxon: the table names
 * the taxon or one above it for the term, or does not restrict the term. `undefined` when the table
 * restricts the term but the taxon's ranks are too few to tell (a subfamily or suborder may be meant).
 */
export function isAllowedTaxonTerm(term: string, ranks: TaxonRanks): boolean | undefined {
  const allowed = TAXON_TERMS[term];
  if (allowed === undefined) return true;
  const named = Object.entries(ranks)
    .filter(([, name]) => typeof name === 'string' && name !== '')
    .map(([rank, name]) => `${rank}:${(name as string).toLowerCase()}`);
  if (named.some((entry) => allowed.includes(entry))) return true;
  return ranks.family !== undefined && ranks.order !== undefined ? false : undefined;
}

/**
 * The Trade Database's checks on one report row (reference §2.4): required columns, numeric quantity, a
 * four-digit year, known codes and trading partner, allowed term–unit and term–purpose pairs, kingdom vs
 * source, exporter ≠ importer and exporter ≠ origin. With the checklist's word on the taxon (`context.taxon`)
 * also: a known taxon name, an Appendix of its listing, a term allowed for the taxon, and for wild
 * specimens an origin (or, without one, an exporter) in its range. The exporter is the reporting Party in
 * an exporter report and the trading partner in an importer report. Paths point at the column, e.g. `/Year`.
 */
export function checkAnnualReportRow(
  cells: Readonly<Record<string, string | undefined>>,
  context: ReportRowContext,
): ValidationIssue[] {
  const value = (column: string): string | undefined => {
    const v = cells[column]?.trim().toUpperCase();
    return v ? v : undefined;
  };
  const issues: ValidationIssue[] = [];
  for (const column of REQUIRED_COLUMNS) {
    if (value(column) === undefined) issues.push(issue(pointer(column), 'required'));
  }

  const quantity = value('Quantity');
  if (quantity !== undefined && !/^\d+(\.\d+)?$/.test(quantity)) {
    issues.push(issue(pointer('Quantity'), 'not-a-number', { value: quantity }));
  }
  const year = value('Year');
  if (year !== undefined && !/^\d{4}$/.test(year))
    issues.push(issue(pointer('Year'), 'invalid-year', { value: year }));

  const appendixText = value('Appendix');
  const appendix = normaliseReportedAppendix(appendixText);
  if (appendixText !== undefined && appendix === undefined) {
    issues.push(issue(pointer('Appendix'), 'unknown-appendix', { value: appendixText }));
  }

  issues.push(
    ...checkTradeCodes(
      {
        term: value('TermCode'),
        unit: value('UnitCode'),
        source: value('SourceCode'),
        purpose: value('PurposeCode'),
        kingdom: context.kingdom ?? context.taxon?.kingdom,
      },
      {
        appendix: pointer('Appendix'),
        term: pointer('TermCode'),
        unit: pointer('UnitCode'),
        source: pointer('SourceCode'),
        purpose: pointer('PurposeCode'),
        kingdom: pointer('Kingdom'),
      },
      { optional: ['appendix', 'source', 'purpose'] },
    ).filter((i) => !(i.code === 'required' && i.path === pointer('TermCode'))),
  );

  const term = value('TermCode');
  const purpose = value('PurposeCode');
  if (isTermCode(term) && isPurposeCode(purpose) && !isAllowedTermPurpose(term, purpose)) {
    issues.push(issue(pointer('PurposeCode'), 'term-purpose-not-allowed', { term, purpose }));
  }

  const partner = value('TradingPartner');
  const origin = value('CountryOfOrigin');
  for (const [column, code] of [
    ['TradingPartner', partner],
    ['CountryOfOrigin', origin],
  ] as const) {
    if (code !== undefined && findTradeCode(code) === undefined) {
      issues.push(issue(pointer(column), 'unknown-country', { value: code }));
    }
  }
  const exporter = context.layout === 'exporter' ? context.reportingParty : partner;
  const importer = context.layout === 'exporter' ? partner : context.reportingParty;
  if (exporter !== undefined && exporter === importer)
    issues.push(issue(pointer('TradingPartner'), 'exporter-is-importer'));
  if (origin !== undefined && origin === exporter)
    issues.push(issue(pointer('CountryOfOrigin'), 'exporter-is-origin'));

  if (context.taxon !== undefined) {
    issues.push(
      ...checkAgainstChecklist(context.taxon, {
        name: value('SpeciesName'),
        appendix,
        term,
        source: value('SourceCode'),
        year,
        rangeCountry: origin ?? exporter,
        // A blank origin means the exporter: the trading partner in an importer report, else the reporter.
        rangeColumn:
          origin === undefined && context.layout === 'importer' ? 'TradingPartner' : 'CountryOfOrigin',
      }),
    );
  }
  return issues;
}

/** The checks that need the checklist: the taxon, its listing, the terms it may be traded as, its range. */
function checkAgainstChecklist(
  taxon: ReportTaxon | null,
  row: {
    name: string | undefined;
    appendix: Appendix | 'N' | undefined;
    term: string | undefined;
    source: string | undefined;
    year: string | undefined;
    rangeCountry: string | undefined;
    rangeColumn: string;
  },
): ValidationIssue[] {
  if (row.name === undefined) return [];
  if (taxon === null) return [issue(pointer('SpeciesName'), 'unknown-taxon', { value: row.name })];
  const issues: ValidationIssue[] = [];
  // The Trade Database checks the listing of the report year; the checklist holds the current one, which
  // speaks for a year only when it took effect before that year ended.
  const listingApplies =
    taxon.listedSince === undefined || row.year === undefined || taxon.listedSince <= `${row.year}-12-31`;
  if (listingApplies && row.appendix !== undefined) {
    const listed =
      row.appendix === 'N'
        ? taxon.appendices.length === 0 || taxon.notCoveredInPart
        : taxon.appendices.includes(row.appendix);
    if (!listed) {
      issues.push(
        issue(pointer('Appendix'), 'appendix-mismatch', {
          declared: row.appendix,
          listed: taxon.appendices.length ? taxon.appendices.join('/') : 'N',
        }),
      );
    }
  }
  if (row.term !== undefined && isTermCode(row.term) && isAllowedTaxonTerm(row.term, taxon.ranks) === false) {
    issues.push(issue(pointer('TermCode'), 'term-not-for-taxon', { term: row.term, taxon: row.name }));
  }
  const country = row.rangeCountry;
  if (
    row.source === 'W' &&
    country !== undefined &&
    country !== 'XX' &&
    taxon.distribution !== undefined &&
    taxon.distribution.length > 0 &&
    !taxon.distribution.includes(country)
  ) {
    issues.push(
      issue(pointer(row.rangeColumn), 'outside-range', {
        country,
        taxon: row.name,
      }),
    );
  }
  return issues;
}
