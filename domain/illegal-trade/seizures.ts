import { isAllowedTermUnit, isAppendix, isCountryCode, isTermCode, isUnitCode } from '../codes';
import type { Appendix, CountryCode, IsoDate } from '../codes/types';
import { issue, pointer, type ValidationIssue } from '../validation/issues';

/**
 * How the seizure came about. The CITES annual illegal trade report asks for the detection method; these
 * are the common ones, with `other` for the rest (say which in the notes).
 */
export const DETECTION_METHODS = [
  'document-check',
  'physical-inspection',
  'x-ray',
  'detector-dog',
  'risk-profiling',
  'intelligence',
  'other',
] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

/** How the specimens travelled when they were seized. */
export const TRANSPORT_MODES = ['air', 'sea', 'road', 'rail', 'postal', 'on-foot', 'other'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/**
 * What an officer records of one seizure (one species and description of specimens; a seizure of several
 * species is recorded once per species with the same reference), after the fields of the CITES annual
 * illegal trade report (Res. Conf. 11.17 (Rev. CoP18) para. 3).
 */
export interface SeizureInput {
  /** The day of the seizure. */
  date: IsoDate;
  /** The national case or seizure reference, if any: it ties the records of one seizure together. */
  reference?: string;
  /** The species (or the lowest taxon identified, e.g. `Manis spp.`), by scientific name. */
  scientificName: string;
  /** The Appendix of the species, where known; `N` when it is not listed. */
  appendix?: Appendix | 'N';
  /** The term (description) code of the annual-report guidelines, e.g. `SCA` for pangolin scales. */
  term: string;
  /** A description in words, e.g. "scales in 12 bags". */
  description?: string;
  quantity: number;
  /** The unit code; absent or null for a number of specimens. */
  unit?: string | null;
  /** Where the specimens came from, where they left from, passed through and were going, as far as known. */
  countryOfOrigin?: CountryCode;
  countryOfExport?: CountryCode;
  countriesOfTransit?: CountryCode[];
  countryOfDestination?: CountryCode;
  /** Where it was detected: the port, airport, border post or place. */
  location: string;
  detectionMethod?: DetectionMethod;
  transportMode?: TransportMode;
  /** How the specimens were hidden, e.g. "false bottom of suitcases". */
  concealment?: string;
  /** Who detected it: the agency (and unit or officer). */
  detectedBy: string;
  /** The nationalities of the alleged offenders, where known. */
  offenderNationalities?: CountryCode[];
  /** The legal follow-up: prosecution, penalty, case pending... */
  legalAction?: string;
  /** What became of the specimens: held as evidence, sent to a rescue centre, destroyed... */
  disposal?: string;
  notes?: string;
}

/** The follow-up of a seizure, which is often known only months later. */
export type SeizureFollowUp = Pick<SeizureInput, 'legalAction' | 'disposal' | 'notes'>;

/** A recorded seizure. */
export interface Seizure extends SeizureInput {
  id: string;
  /** The Party that recorded it. */
  party: CountryCode;
  recordedBy: string;
  recordedAt: Date;
  updatedAt?: Date;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * The checks on a seizure record, with the code lists of the annual reports: a real date not after
 * `today`, a known term, a known unit that may count that term, a positive quantity, an Appendix, and
 * current ISO country codes. Paths point at the field, e.g. `/unit` or `/countriesOfTransit/1`.
 */
export function checkSeizure(input: SeizureInput, today: IsoDate): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isIsoDate(input.date)) issues.push(issue(pointer('date'), 'invalid-date', { value: input.date }));
  else if (input.date > today) issues.push(issue(pointer('date'), 'date-in-future', { value: input.date }));

  if (!isTermCode(input.term)) {
    issues.push(issue(pointer('term'), 'unknown-term', { value: input.term }));
  }
  const unit = input.unit ?? null;
  if (unit !== null && unit !== '' && !isUnitCode(unit)) {
    issues.push(issue(pointer('unit'), 'unknown-unit', { value: unit }));
  } else if (isTermCode(input.term) && !isAllowedTermUnit(input.term, unit)) {
    issues.push(issue(pointer('unit'), 'term-unit-not-allowed', { term: input.term, unit: unit ?? '' }));
  }
  if (!(input.quantity > 0) || !Number.isFinite(input.quantity)) {
    issues.push(issue(pointer('quantity'), 'quantity-not-positive'));
  }
  if (input.appendix !== undefined && input.appendix !== 'N' && !isAppendix(input.appendix)) {
    issues.push(issue(pointer('appendix'), 'unknown-appendix', { value: String(input.appendix) }));
  }

  const single = ['countryOfOrigin', 'countryOfExport', 'countryOfDestination'] as const;
  for (const field of single) {
    const code = input[field];
    if (code !== undefined && !isCountryCode(code)) {
      issues.push(issue(pointer(field), 'unknown-country', { value: code }));
    }
  }
  const lists = ['countriesOfTransit', 'offenderNationalities'] as const;
  for (const field of lists) {
    (input[field] ?? []).forEach((code, index) => {
      if (!isCountryCode(code)) issues.push(issue(pointer(field, index), 'unknown-country', { value: code }));
    });
  }
  return issues;
}

/** The year a seizure counts in: the illegal trade report covers 1 January to 31 December. */
export function seizureYear(seizure: Pick<SeizureInput, 'date'>): number {
  return Number(seizure.date.slice(0, 4));
}
