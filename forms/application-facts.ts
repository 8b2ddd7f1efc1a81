import type { CountryCode, DocumentType } from '../domain/codes/types';
import type { ApplicationFacts, BlockFacts } from '../domain/validation/application';
import type { SpeciesListing } from '../domain/validation/listing';

/**
 * What the checklist says of a species name: its kingdom and current listing (null: in no Appendix).
 * For a split listing, the Appendices its populations are in: which one applies is the officer's
 * to confirm, so any of them is accepted here.
 */
export interface ChecklistEntry {
  kingdom: string;
  listing: SpeciesListing | null | { split: readonly string[] };
}

function listingFor(entry: ChecklistEntry | undefined, declared: string | null): SpeciesListing | null {
  const fallback = { appendix: (declared ?? 'II') as SpeciesListing['appendix'] };
  // An unknown name is the form's to report (format cites-species), not the listing check's.
  if (!entry) return fallback;
  if (entry.listing === null || !('split' in entry.listing)) return entry.listing;
  return declared !== null && entry.listing.split.includes(declared)
    ? fallback
    : { appendix: entry.listing.split[0] as SpeciesListing['appendix'] };
}

type FormData = Record<string, unknown>;
const objectAt = (value: unknown): FormData =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as FormData) : {};
const textAt = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const countryOf = (party: unknown) => textAt(objectAt(objectAt(party).address).country);

/**
 * The facts the Convention's checks (domain/validation) need, read from an application on a form of
 * the default shape. The issuing Party is the exporter of an export or re-export and the importer
 * of an import, whatever address the applicant typed.
 */
export function applicationFactsOf(
  documentType: DocumentType,
  party: CountryCode,
  data: FormData,
  checklist: (scientificName: string) => ChecklistEntry | undefined,
): ApplicationFacts {
  const importing = documentType === 'import';
  const blocks = Array.isArray(data.blocks) ? data.blocks.map(objectAt) : [];
  return {
    documentType,
    exporterCountry: importing ? countryOf(data.exporter) : party,
    importerCountry: importing ? party : countryOf(data.importer),
    purpose: textAt(data.purpose),
    blocks: blocks.map((block): BlockFacts => {
      const name = textAt(block.scientificName);
      const entry = name ? checklist(name) : undefined;
      const origin = objectAt(block.countryOfOrigin);
      const last = block.countryOfLastReExport === undefined ? null : objectAt(block.countryOfLastReExport);
      return {
        scientificName: name,
        kingdom: entry?.kingdom ?? 'Animalia',
        listing: listingFor(entry, textAt(block.appendix)),
        appendix: textAt(block.appendix),
        term: textAt(objectAt(block.description).term),
        unit: textAt(block.unit),
        quantity: typeof block.quantity === 'number' ? block.quantity : null,
        source: textAt(block.source),
        underlyingSource: textAt(block.underlyingSource),
        sourceReason: textAt(block.sourceReason),
        countryOfOrigin: textAt(origin.country),
        originPermit: { number: textAt(origin.permitNumber), date: textAt(origin.date) },
        lastReExport: last && {
          country: textAt(last.country),
          certificateNumber: textAt(last.certificateNumber),
          date: textAt(last.date),
        },
      };
    }),
  };
}

const BLOCK_FIELD_PATHS: Readonly<Record<string, string>> = {
  kingdom: 'scientificName',
  term: 'description/term',
  countryOfOrigin: 'countryOfOrigin/country',
  'originPermit/number': 'countryOfOrigin/permitNumber',
  'originPermit/date': 'countryOfOrigin/date',
  'lastReExport/country': 'countryOfLastReExport/country',
  'lastReExport/certificateNumber': 'countryOfLastReExport/certificateNumber',
  'lastReExport/date': 'countryOfLastReExport/date',
};

/** Where in the form a problem the Convention's checks found (at a path of the facts) is shown. */
export function formPathOf(factsPath: string): string {
  if (factsPath === '/exporterCountry') return '/exporter/address/country';
  if (factsPath === '/importerCountry') return '/importer/address/country';
  const block = /^\/blocks\/(\d+)\/(.+)$/.exec(factsPath);
  if (!block) return factsPath;
  return `/blocks/${block[1]}/${BLOCK_FIELD_PATHS[block[2]!] ?? block[2]}`;
}
