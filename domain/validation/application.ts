import {
  findTradeCode,
  isAppendix,
  isCountryCode,
  isPurposeCode,
  isSourceCode,
  sourceAppliesTo,
  sourceNeedsReason,
  sourceNeedsUnderlyingSource,
} from '../codes';
import type { DocumentType, IsoDate, SourceCode } from '../codes/types';
import { isLiveTerm } from '../convention/live';
import { conventionRequirements } from '../convention/requirements';
import { isIsoDate } from '../validity';
import { issue, pointer, type ValidationIssue } from './issues';
import { listedAppendix, type SpeciesListing } from './listing';
import { checkTradeCodes, isKingdom } from './trade-codes';

/** A permit or certificate cited by number and date (Box 12: the permit of the country of origin). */
export interface PermitReference {
  readonly number?: string | null;
  readonly date?: string | null;
}

/** Box 12a: the country that last re-exported the specimen and its certificate. */
export interface LastReExport {
  readonly country?: string | null;
  readonly certificateNumber?: string | null;
  readonly date?: string | null;
}

/**
 * One specimen block (A–D) of the standard form: boxes 7 to 12a. Origin fields live here, not on the
 * application, because each block of a re-export certificate has its own Box 12.
 */
export interface BlockFacts {
  readonly scientificName?: string | null;
  readonly kingdom?: string | null;
  /** The species' current listing as looked up by the caller; `null` when it is in no Appendix. */
  readonly listing: SpeciesListing | null;
  /** The Appendix the applicant declares (Box 10). */
  readonly appendix?: string | null;
  readonly term?: string | null;
  /** Empty for a number of specimens. */
  readonly unit?: string | null;
  readonly quantity?: number | null;
  readonly source?: string | null;
  /** For sources I and O: how the specimen was produced before it was seized or became pre-Convention. */
  readonly underlyingSource?: string | null;
  /** For source U: why the source is unknown. */
  readonly sourceReason?: string | null;
  readonly countryOfOrigin?: string | null;
  readonly originPermit?: PermitReference | null;
  readonly lastReExport?: LastReExport | null;
}

/** An application as the checks see it: plain values from the form, nothing trusted yet. */
export interface ApplicationFacts {
  readonly documentType: DocumentType;
  /** Not asked for an introduction from the sea: the specimen comes from no State. */
  readonly exporterCountry?: string | null;
  /** For an introduction from the sea, the State of introduction. */
  readonly importerCountry?: string | null;
  /** Box 5a. */
  readonly purpose?: string | null;
  readonly blocks: readonly BlockFacts[];
}

/** What the checks need from outside: today's date, never read from a clock here. */
export interface ValidationOptions {
  /** When given, dates of cited permits may not lie after it. */
  readonly today?: IsoDate;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Everything an applicant must put right before submitting, mirroring the CITES Trade Database's checks
 * (reference §2.4) plus the Convention's own rules: known codes, term–unit pairs, kingdom vs source,
 * exporter ≠ importer ≠ origin, Box 12 for re-exports, underlying source for I and O, a reason for U,
 * the declared Appendix against the species' listing, and any Convention obstacle to the requested
 * document. An empty list means the application may be submitted.
 */
export function validateApplication(
  facts: ApplicationFacts,
  options: ValidationOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seaIntroduction = facts.documentType === 'introduction-from-the-sea';
  const exporter = text(facts.exporterCountry);
  const importer = text(facts.importerCountry);

  if (!seaIntroduction) checkCountry(issues, exporter, '/exporterCountry');
  checkCountry(issues, importer, '/importerCountry');
  if (!seaIntroduction && exporter && importer && exporter === importer) {
    issues.push(issue('/importerCountry', 'exporter-is-importer'));
  }

  if (facts.blocks.length === 0) issues.push(issue('/blocks', 'no-blocks'));
  facts.blocks.forEach((block, index) =>
    checkBlock(issues, facts, block, index, exporter, importer, options),
  );

  return dedupe(issues);
}

function checkCountry(issues: ValidationIssue[], code: string | undefined, path: string): void {
  if (code === undefined) issues.push(issue(path, 'required'));
  else if (!isCountryCode(code)) issues.push(issue(path, 'unknown-country', { value: code }));
}

function checkDate(
  issues: ValidationIssue[],
  value: string | null | undefined,
  path: string,
  today?: IsoDate,
): void {
  const date = text(value);
  if (date === undefined) return;
  if (!isIsoDate(date)) issues.push(issue(path, 'invalid-date', { value: date }));
  else if (today !== undefined && date > today) issues.push(issue(path, 'date-in-future', { value: date }));
}

function checkBlock(
  issues: ValidationIssue[],
  facts: ApplicationFacts,
  block: BlockFacts,
  index: number,
  exporter: string | undefined,
  importer: string | undefined,
  options: ValidationOptions,
): void {
  const at = (...field: string[]): string => pointer('blocks', index, ...field);
  const origin = text(block.countryOfOrigin);
  const source = text(block.source);
  const term = text(block.term);
  const unit = text(block.unit);
  const appendix = text(block.appendix);
  const purpose = text(facts.purpose);

  if (!text(block.scientificName)) issues.push(issue(at('scientificName'), 'required'));
  if (!text(block.kingdom)) issues.push(issue(at('kingdom'), 'required'));

  issues.push(
    ...checkTradeCodes(
      { appendix, term, unit, source, purpose, kingdom: text(block.kingdom) },
      {
        appendix: at('appendix'),
        term: at('term'),
        unit: at('unit'),
        source: at('source'),
        purpose: '/purpose',
        kingdom: at('kingdom'),
      },
    ),
  );

  const { quantity } = block;
  if (quantity === null || quantity === undefined) issues.push(issue(at('quantity'), 'required'));
  else if (!Number.isFinite(quantity) || quantity <= 0)
    issues.push(issue(at('quantity'), 'quantity-not-positive'));
  else if (unit === undefined && !Number.isInteger(quantity))
    issues.push(issue(at('quantity'), 'quantity-not-whole'));

  let appendixMatchesListing = false;
  if (block.listing === null) {
    issues.push(issue(at('appendix'), 'species-not-listed'));
  } else if (isAppendix(appendix)) {
    const listed = listedAppendix(block.listing, origin ?? exporter);
    appendixMatchesListing = listed === appendix;
    if (!appendixMatchesListing)
      issues.push(issue(at('appendix'), 'appendix-mismatch', { declared: appendix, listed }));
  }

  if (isSourceCode(source)) checkSourceDetails(issues, block, source, at);
  checkOrigin(issues, facts.documentType, block, origin, exporter, at, options);

  if (appendixMatchesListing && isAppendix(appendix) && isSourceCode(source) && isPurposeCode(purpose)) {
    const listingStates = block.listing?.listingStates;
    const assessment = conventionRequirements({
      documentType: facts.documentType,
      appendix,
      source,
      purpose,
      exportingCountry: exporter ?? '',
      importingCountry: importer ?? '',
      countryOfOrigin: origin ?? null,
      exporterIsListingState: listingStates && exporter ? listingStates.includes(exporter) : undefined,
      live: term !== undefined && isLiveTerm(term),
      reExport:
        facts.documentType === 're-export' ? { originPermitNumber: block.originPermit?.number } : undefined,
    });
    for (const obstacle of assessment.obstacles) {
      // Not the applicant's to fix: the caller did not pass the Appendix-III listing States.
      if (obstacle.code === 'listing-state-unknown') continue;
      const path = obstacle.field === 'source' ? at('source') : `/${obstacle.field}`;
      issues.push(issue(path, `convention:${obstacle.code}`, { article: obstacle.article }));
    }
  }
}

function checkSourceDetails(
  issues: ValidationIssue[],
  block: BlockFacts,
  source: SourceCode,
  at: (...field: string[]) => string,
): void {
  const underlying = text(block.underlyingSource);
  let unknownUnderlying = false;
  if (sourceNeedsUnderlyingSource(source)) {
    const kingdom = text(block.kingdom);
    if (underlying === undefined) {
      issues.push(issue(at('underlyingSource'), 'underlying-source-required', { source }));
    } else if (
      !isSourceCode(underlying) ||
      sourceNeedsUnderlyingSource(underlying) ||
      (isKingdom(kingdom) && !sourceAppliesTo(underlying, kingdom))
    ) {
      issues.push(issue(at('underlyingSource'), 'underlying-source-invalid', { value: underlying }));
    } else {
      unknownUnderlying = sourceNeedsReason(underlying);
    }
  }
  if ((sourceNeedsReason(source) || unknownUnderlying) && !text(block.sourceReason)) {
    issues.push(issue(at('sourceReason'), 'source-reason-required'));
  }
}

function checkOrigin(
  issues: ValidationIssue[],
  documentType: DocumentType,
  block: BlockFacts,
  origin: string | undefined,
  exporter: string | undefined,
  at: (...field: string[]) => string,
  options: ValidationOptions,
): void {
  if (origin !== undefined) {
    // Former States (SU, YU, ...) and "unknown" (XX) are legitimate origins of old stock.
    if (findTradeCode(origin) === undefined)
      issues.push(issue(at('countryOfOrigin'), 'unknown-country', { value: origin }));
    else if (origin === exporter) issues.push(issue(at('countryOfOrigin'), 'exporter-is-origin'));
    else if (documentType === 'export') issues.push(issue(at('countryOfOrigin'), 'origin-on-direct-export'));
  }
  if (documentType === 're-export') {
    if (origin === undefined) issues.push(issue(at('countryOfOrigin'), 're-export-origin-country-required'));
    if (!text(block.originPermit?.number)) {
      issues.push(issue(at('originPermit', 'number'), 're-export-origin-permit-required'));
    }
  }
  checkDate(issues, block.originPermit?.date, at('originPermit', 'date'), options.today);

  const last = block.lastReExport;
  if (last && (text(last.country) || text(last.certificateNumber) || text(last.date))) {
    const country = text(last.country);
    if (country === undefined) issues.push(issue(at('lastReExport', 'country'), 'required'));
    else if (findTradeCode(country) === undefined) {
      issues.push(issue(at('lastReExport', 'country'), 'unknown-country', { value: country }));
    } else if (country === exporter)
      issues.push(issue(at('lastReExport', 'country'), 'last-re-export-is-exporter'));
    if (!text(last.certificateNumber)) {
      issues.push(issue(at('lastReExport', 'certificateNumber'), 'last-re-export-certificate-required'));
    }
    checkDate(issues, last.date, at('lastReExport', 'date'), options.today);
  }
}

function dedupe(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path} ${i.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
