import type { PermitsIssued } from '../api/types';
import type { FigureTable, Translate } from './figure-table';

type SpeciesCount = PermitsIssued['bySpecies'][number];

/** How many species the chart has room for. */
export const topSpeciesCount = 10;

/**
 * The species with the most permits, the larger quantity first among equals, then by name so that
 * the same figures always give the same chart; `others` counts the species left out.
 */
export function topSpecies(
  bySpecies: readonly SpeciesCount[],
  count: number = topSpeciesCount,
): { shown: SpeciesCount[]; others: number } {
  const ranked = [...bySpecies].sort(
    (a, b) =>
      b.permits - a.permits || b.quantity - a.quantity || a.scientificName.localeCompare(b.scientificName),
  );
  return { shown: ranked.slice(0, count), others: Math.max(0, ranked.length - count) };
}

export function speciesTable(shown: readonly SpeciesCount[], t: Translate): FigureTable {
  return {
    columns: [t('dashboardSpecies'), t('dashboardPermits'), t('dashboardQuantity')],
    rows: shown.map((species) => [species.scientificName, species.permits, species.quantity]),
  };
}

/** A partner country's bar: its name in the reader's language, its code when the list lacks it. */
export interface PartnerBar {
  country: string;
  name: string;
  permits: number;
}

/** The partner countries, the one with most permits first, then by name. */
export function partnerBars(
  byPartner: PermitsIssued['byPartner'],
  nameOf: (code: string) => string | undefined,
): PartnerBar[] {
  return byPartner
    .map((partner) => ({ ...partner, name: nameOf(partner.country) ?? partner.country }))
    .sort((a, b) => b.permits - a.permits || a.name.localeCompare(b.name));
}

export function partnerTable(bars: readonly PartnerBar[], t: Translate): FigureTable {
  return {
    columns: [t('dashboardCountryCode'), t('dashboardCountry'), t('dashboardPermits')],
    rows: bars.map((bar) => [bar.country, bar.name, bar.permits]),
  };
}
