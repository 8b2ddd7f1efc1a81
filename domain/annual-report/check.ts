import { findTradeCode } from '../codes';
import type { Appendix, CountryCode, Kingdom } from '../codes/types';
import { issue, pointer, type ValidationIssue } from '../validation/issues';
import { checkTradeCodes } from '../validation/trade-codes';
import { EXPORTER_COLUMNS, IMPORTER_COLUMNS, type AnnualReportLayout } from './rows';

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

/** Who reported the row and, where known, the kingdom of its taxon (the row does not carry it). */
export interface ReportRowContext {
  readonly layout: AnnualReportLayout;
  readonly reportingParty: CountryCode;
  readonly kingdom?: Kingdom;
}

const REQUIRED_COLUMNS = [
  'TradingPartner',
  'TermCode',
  'SpeciesName',
  'Appendix',
  'Quantity',
  'Year',
] as const;

/**
 * The Trade Database's checks on one report row (reference §2.4): required columns, numeric quantity, a
 * four-digit year, known codes and trading partner, allowed term–unit pairs, kingdom vs source, exporter ≠
 * importer and exporter ≠ origin. The exporter is the reporting Party in an exporter report and the
 * trading partner in an importer report. Paths point at the column, e.g. `/Year`.
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
        kingdom: context.kingdom,
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

  return issues;
}
