/**
 * The taxon as Pangolin knows it: a name from the CITES checklist with its taxonomy, its other names and
 * its current CITES listing. Every importer (the Index of CITES Species, the Species+ API, the seed list)
 * produces this one shape, so search, forms and the procedure rules never see the source formats.
 */
import type { Appendix, CountryCode, IsoDate, Kingdom, Language } from '../codes/types';

/** Taxonomic ranks that occur in the CITES checklist and the Species+ API. */
export const TAXON_RANKS = [
  'KINGDOM',
  'PHYLUM',
  'CLASS',
  'ORDER',
  'FAMILY',
  'SUBFAMILY',
  'GENUS',
  'SPECIES',
  'SUBSPECIES',
  'VARIETY',
] as const;

/** A taxonomic rank, upper case as the CITES sources write it. */
export type TaxonRank = (typeof TAXON_RANKS)[number];

/** Which importer produced a taxon. */
export type TaxonSource = 'cites-index-csv' | 'speciesplus-api' | 'seed';

/** A synonym as the checklist gives it: the name and, when known, its author and year. */
export interface Synonym {
  readonly name: string;
  readonly author?: string;
}

/** Common names in the three CITES working languages; a language without names has an empty list. */
export type CommonNames = Readonly<Record<Language, readonly string[]>>;

/** The ranks above the taxon; a rank the source leaves blank (plants have no phylum or class in CITES) is absent. */
export interface HigherTaxonomy {
  readonly phylum?: string;
  readonly class?: string;
  readonly order?: string;
  readonly family?: string;
  readonly genus?: string;
}

/**
 * One appendix of a split listing and the populations it covers.
 *
 * The geography is only as precise as the source: `countries` lists the populations named in the
 * listing, `exceptCountries` the ones excluded from an "all populations except ..." listing, and
 * `partialCountries` the countries of which only part of the population is named ("part of the
 * population of CO"). When none of them is present the source gives the scope in words only (`note`).
 */
export interface PopulationListing {
  readonly appendix: Appendix;
  readonly countries?: readonly CountryCode[];
  readonly exceptCountries?: readonly CountryCode[];
  readonly partialCountries?: readonly CountryCode[];
  /** The listing Party of an Appendix III entry. */
  readonly listingParty?: CountryCode;
  readonly note?: string;
  readonly effectiveFrom?: IsoDate;
}

/** A `#` annotation: which parts and derivatives of a plant listing are covered. */
export interface HashAnnotation {
  /** As printed in the Appendices, e.g. `#6`. */
  readonly symbol: string;
  readonly text?: string;
}

/** The current CITES listing of a taxon. */
export interface CitesListing {
  /** The Appendices some population or part of the taxon is in, in the order I, II, III; empty when none. */
  readonly appendices: readonly Appendix[];
  /** Some populations or parts are not covered by the Convention ("NC" in the checklist). */
  readonly notCoveredInPart: boolean;
  /** Per-appendix detail of a split listing, where the source has it; empty for a uniform listing without notes. */
  readonly populations: readonly PopulationListing[];
  /** When the current listing took effect, where the source states it (the latest current listing change). */
  readonly effectiveFrom?: IsoDate;
  readonly annotation?: string;
  readonly hashAnnotation?: HashAnnotation;
}

/** A taxon of the CITES checklist with its current listing. */
export interface Taxon {
  /** Pangolin's id; for taxa from CITES sources the Species+ taxon concept id as a decimal string. */
  readonly id: string;
  /** The Species+ taxon concept id, the key shared by the checklist, the Species+ API and its legislation data. */
  readonly speciesPlusId?: number;
  readonly scientificName: string;
  readonly author?: string;
  readonly rank: TaxonRank;
  readonly kingdom: Kingdom;
  readonly higherTaxonomy: HigherTaxonomy;
  readonly synonyms: readonly Synonym[];
  readonly commonNames: CommonNames;
  readonly listing: CitesListing;
  /** Whether the name follows the CITES standard nomenclature, where the source says so. */
  readonly citesAccepted?: boolean;
  /** Range States (ISO 3166-1 alpha-2), where the source gives them. */
  readonly distribution?: readonly CountryCode[];
  readonly source: TaxonSource;
}

/** Why an importer could not turn a record into a taxon. `code` is stable and groups rejections in reports. */
export interface TaxonRejection {
  readonly code:
    | 'malformed-record'
    | 'missing-field'
    | 'invalid-id'
    | 'unknown-kingdom'
    | 'unknown-rank'
    | 'invalid-listing'
    | 'listing-missing'
    | 'not-accepted-name'
    | 'inactive'
    | 'column-count'
    | 'csv-syntax';
  readonly field?: string;
  readonly message: string;
}

/** The outcome of parsing one source record. */
export type TaxonParseResult =
  { readonly ok: true; readonly taxon: Taxon } | { readonly ok: false; readonly reason: TaxonRejection };

const APPENDIX_ORDER: readonly Appendix[] = ['I', 'II', 'III'];

/** Type guard for a rank of {@link TAXON_RANKS}. */
export function isTaxonRank(value: unknown): value is TaxonRank {
  return typeof value === 'string' && (TAXON_RANKS as readonly string[]).includes(value);
}

/** Type guard for the two kingdoms the Convention distinguishes. */
export function isKingdom(value: unknown): value is Kingdom {
  return value === 'Animalia' || value === 'Plantae';
}

/**
 * Reads the checklist's listing notation (`I`, `II`, `I/II`, `II/NC`, `NC`, ...).
 *
 * @returns the Appendices in canonical order and whether part of the taxon is not covered, or
 *   `undefined` when the text is blank or holds anything but I, II, III and NC.
 */
export function parseListingNotation(
  text: string,
): { appendices: Appendix[]; notCoveredInPart: boolean } | undefined {
  const parts = text
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return undefined;
  const found = new Set<Appendix>();
  let notCoveredInPart = false;
  for (const part of parts) {
    if (part === 'NC') notCoveredInPart = true;
    else if (part === 'I' || part === 'II' || part === 'III') found.add(part);
    else return undefined;
  }
  return { appendices: APPENDIX_ORDER.filter((a) => found.has(a)), notCoveredInPart };
}

/**
 * Writes a listing in the checklist's notation, e.g. `I/II` or `II/NC`; `NC` alone when no Appendix applies.
 */
export function listingNotation(listing: Pick<CitesListing, 'appendices' | 'notCoveredInPart'>): string {
  const parts: string[] = [...listing.appendices];
  if (listing.notCoveredInPart || parts.length === 0) parts.push('NC');
  return parts.join('/');
}

/** How {@link appendicesForOrigin} reached its answer. */
export type OriginResolution = 'uniform' | 'by-population' | 'undetermined';

/**
 * The Appendices that may apply to specimens of a taxon originating in a country, using the population
 * detail of a split listing.
 *
 * A uniform listing answers directly. For a split listing, an Appendix whose entry names countries
 * applies to those countries only; an "all populations except ..." entry applies everywhere else; an
 * Appendix whose scope the source gives only in words (or not at all) may apply anywhere, so the answer
 * is then `undetermined` and lists every candidate: the officer decides from the annotation. An
 * Appendix III entry's listing Party does not narrow it: specimens from elsewhere need a certificate of
 * origin, so Appendix III applies to every origin.
 *
 * @param listing the taxon's current listing
 * @param origin ISO 3166-1 alpha-2 code of the country of origin
 * @returns candidate Appendices in the order I, II, III (a resolved empty list means the origin's
 *   population is not covered) and whether, for an `undetermined` answer, the population may also be
 *   one the Convention does not cover
 */
export function appendicesForOrigin(
  listing: CitesListing,
  origin: CountryCode,
): { appendices: Appendix[]; resolution: OriginResolution; mayBeNotCovered: boolean } {
  if (listing.appendices.length === 0)
    return { appendices: [], resolution: 'uniform', mayBeNotCovered: true };
  if (listing.appendices.length === 1 && !listing.notCoveredInPart) {
    return { appendices: [...listing.appendices], resolution: 'uniform', mayBeNotCovered: false };
  }
  const country = origin.toUpperCase();
  const candidates = new Set<Appendix>();
  let determined = true;
  for (const appendix of listing.appendices) {
    const entries = listing.populations.filter((p) => p.appendix === appendix && hasGeography(p));
    if (entries.length === 0) {
      candidates.add(appendix);
      determined = false;
      continue;
    }
    for (const entry of entries) {
      if (entry.partialCountries?.includes(country)) {
        candidates.add(appendix);
        determined = false;
      } else if (entry.countries !== undefined) {
        if (entry.countries.includes(country)) candidates.add(appendix);
      } else if (entry.exceptCountries !== undefined && !entry.exceptCountries.includes(country)) {
        candidates.add(appendix);
      }
    }
  }
  const appendices = APPENDIX_ORDER.filter((a) => candidates.has(a));
  const resolved = determined && appendices.length <= 1;
  return {
    appendices,
    resolution: resolved ? 'by-population' : 'undetermined',
    mayBeNotCovered: resolved ? appendices.length === 0 : listing.notCoveredInPart,
  };
}

function hasGeography(p: PopulationListing): boolean {
  return p.countries !== undefined || p.exceptCountries !== undefined || p.partialCountries !== undefined;
}

/** An empty set of common names, for sources without them. */
export const NO_COMMON_NAMES: CommonNames = Object.freeze({ en: [], fr: [], es: [] });
