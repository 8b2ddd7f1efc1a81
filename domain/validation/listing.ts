import type { Appendix, CountryCode } from '../codes/types';

/** A population listed in a different Appendix from the rest of its species (a split listing). */
export interface PopulationListing {
  /** The countries whose populations this listing covers. */
  readonly countries: readonly CountryCode[];
  readonly appendix: Appendix;
}

/**
 * The species' current CITES listing, as the caller looked it up (Species+, checklist). The domain takes
 * it as input: it holds no species data itself.
 */
export interface SpeciesListing {
  /** The Appendix that applies wherever no population listing does. */
  readonly appendix: Appendix;
  readonly populations?: readonly PopulationListing[];
  /** Appendix III only: the States that listed the species; they export under export permits (Art. V.2). */
  readonly listingStates?: readonly CountryCode[];
}

/**
 * The Appendix that applies to a specimen from `country`'s population: the population listing that names
 * the country, else the species listing. The country is the country of origin where there is one, else the
 * exporting country, as the Trade Database does for range checks.
 */
export function listedAppendix(listing: SpeciesListing, country?: CountryCode | null): Appendix {
  if (!country) return listing.appendix;
  return listing.populations?.find((p) => p.countries.includes(country))?.appendix ?? listing.appendix;
}
