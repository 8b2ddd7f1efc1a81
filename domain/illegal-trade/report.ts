import { csvLine } from '../annual-report/csv';
import { formatReportQuantity } from '../annual-report/rows';
import type { Seizure } from './seizures';

/**
 * Columns of the annual illegal trade report file, one row per seizure record, in the order of the
 * fields the report asks for: when and what (species, Appendix, term, quantity, unit), the route (origin,
 * export, transit, destination), where and how it was found (place, method, transport, concealment, by
 * whom), who (offenders' nationalities), and what followed (legal action, disposal).
 *
 * The reference lists these fields but not the Secretariat's Excel template itself (marked unverified
 * there): names follow the Trade Database's upload style, and codes are those of the annual reports.
 */
export const ILLEGAL_TRADE_COLUMNS = [
  'Year',
  'SeizureDate',
  'Reference',
  'SpeciesName',
  'Appendix',
  'TermCode',
  'Description',
  'Quantity',
  'UnitCode',
  'CountryOfOrigin',
  'CountryOfExport',
  'CountriesOfTransit',
  'CountryOfDestination',
  'DetectionLocation',
  'DetectionMethod',
  'TransportMode',
  'MethodOfConcealment',
  'DetectedBy',
  'OffenderNationalities',
  'LegalAction',
  'Disposal',
  'AdditionalInformation',
] as const;

export type IllegalTradeColumn = (typeof ILLEGAL_TRADE_COLUMNS)[number];

/** The cells of one seizure's row, by column. Several countries are separated by `;`. */
export function illegalTradeCells(seizure: Seizure): Record<IllegalTradeColumn, string> {
  const list = (codes: readonly string[] | undefined) => (codes ?? []).join(';');
  return {
    Year: seizure.date.slice(0, 4),
    SeizureDate: seizure.date,
    Reference: seizure.reference ?? '',
    SpeciesName: seizure.scientificName.trim(),
    Appendix: seizure.appendix ?? '',
    TermCode: seizure.term,
    Description: seizure.description ?? '',
    Quantity: formatReportQuantity(seizure.quantity),
    UnitCode: seizure.unit ?? '',
    CountryOfOrigin: seizure.countryOfOrigin ?? '',
    CountryOfExport: seizure.countryOfExport ?? '',
    CountriesOfTransit: list(seizure.countriesOfTransit),
    CountryOfDestination: seizure.countryOfDestination ?? '',
    DetectionLocation: seizure.location,
    DetectionMethod: seizure.detectionMethod ?? '',
    TransportMode: seizure.transportMode ?? '',
    MethodOfConcealment: seizure.concealment ?? '',
    DetectedBy: seizure.detectedBy,
    OffenderNationalities: list(seizure.offenderNationalities),
    LegalAction: seizure.legalAction ?? '',
    Disposal: seizure.disposal ?? '',
    AdditionalInformation: seizure.notes ?? '',
  };
}

/** The header line of the illegal trade report file. */
export function illegalTradeCsvHeader(): string {
  return csvLine(ILLEGAL_TRADE_COLUMNS);
}

/** One seizure's line of the report file. */
export function illegalTradeCsvLine(seizure: Seizure): string {
  const cells = illegalTradeCells(seizure);
  return csvLine(ILLEGAL_TRADE_COLUMNS.map((column) => cells[column]));
}
