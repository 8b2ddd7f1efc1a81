import {
  isAllowedTermUnit,
  isAppendix,
  isPurposeCode,
  isSourceCode,
  isTermCode,
  isUnitCode,
  sourceAppliesTo,
} from '../codes';
import type { Kingdom } from '../codes/types';
import { issue, type ValidationIssue } from './issues';

/** The coded description of one specimen line, as given (unchecked strings). */
export interface TradeCodeFacts {
  readonly appendix?: string | null;
  readonly term?: string | null;
  /** Empty, null or undefined: a number of specimens. */
  readonly unit?: string | null;
  readonly source?: string | null;
  readonly purpose?: string | null;
  /** Checked against the source where known. */
  readonly kingdom?: string | null;
}

/** The JSON pointer each field's issues are reported at. */
export type TradeCodePaths = Readonly<Record<keyof TradeCodeFacts, string>>;

/** Whether the value names a kingdom the Convention distinguishes. */
export function isKingdom(value: unknown): value is Kingdom {
  return value === 'Animalia' || value === 'Plantae';
}

function blank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value.trim() === '';
}

/** Fields that may be left empty (the Trade Database does not require source or purpose on a report row). */
export interface TradeCodeOptions {
  readonly optional?: readonly ('appendix' | 'source' | 'purpose')[];
}

/**
 * The code checks the CITES Trade Database applies to every record: Appendix, term, unit, source and
 * purpose are known codes, the unit is one the term may be counted in, and the source may be used for the
 * kingdom (no A for animals, no C or R for plants). Appendix, term, source and purpose are required
 * unless listed in `options.optional`.
 */
export function checkTradeCodes(
  facts: TradeCodeFacts,
  paths: TradeCodePaths,
  options: TradeCodeOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { appendix, term, unit, source, purpose, kingdom } = facts;
  const optional = new Set(options.optional ?? []);

  if (blank(appendix)) {
    if (!optional.has('appendix')) issues.push(issue(paths.appendix, 'required'));
  } else if (!isAppendix(appendix))
    issues.push(issue(paths.appendix, 'unknown-appendix', { value: appendix }));

  if (blank(term)) issues.push(issue(paths.term, 'required'));
  else if (!isTermCode(term)) issues.push(issue(paths.term, 'unknown-term', { value: term }));

  if (!blank(unit) && !isUnitCode(unit)) {
    issues.push(issue(paths.unit, 'unknown-unit', { value: unit }));
  } else if (!blank(term) && isTermCode(term) && !isAllowedTermUnit(term, unit)) {
    issues.push(issue(paths.unit, 'term-unit-not-allowed', { term, unit: blank(unit) ? '' : unit }));
  }

  if (!blank(kingdom) && !isKingdom(kingdom))
    issues.push(issue(paths.kingdom, 'unknown-kingdom', { value: kingdom }));

  if (blank(source)) {
    if (!optional.has('source')) issues.push(issue(paths.source, 'required'));
  } else if (!isSourceCode(source)) issues.push(issue(paths.source, 'unknown-source', { value: source }));
  else if (isKingdom(kingdom) && !sourceAppliesTo(source, kingdom)) {
    issues.push(issue(paths.source, 'source-not-for-kingdom', { source, kingdom }));
  }

  if (blank(purpose)) {
    if (!optional.has('purpose')) issues.push(issue(paths.purpose, 'required'));
  } else if (!isPurposeCode(purpose))
    issues.push(issue(paths.purpose, 'unknown-purpose', { value: purpose }));

  return issues;
}
