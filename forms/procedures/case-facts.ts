import { isAppendix, isPurposeCode, isSourceCode } from '../../domain/codes/lookups';
import { APPENDIX_CODES } from '../../domain/codes/appendices';
import { PURPOSE_CODES } from '../../domain/codes/purposes';
import { SOURCE_CODES } from '../../domain/codes/sources';
import type { Appendix, CountryCode, DocumentType, PurposeCode, SourceCode } from '../../domain/codes/types';
import { isLiveTerm } from '../../domain/convention/live';
import {
  conventionRequirements,
  type ConventionRequirement,
  type TradeFacts,
} from '../../domain/convention/requirements';

/*
 * The fields of a national form Pangolin itself reads to know what the Convention requires: a
 * Party may rename labels and add fields freely, but keeps these names (the default forms have them).
 */

type FormData = Record<string, unknown>;

const objectAt = (value: unknown): FormData =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as FormData) : {};
const textAt = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function partnerCountry(data: FormData, role: 'exporter' | 'importer'): CountryCode {
  return textAt(objectAt(objectAt(data[role]).address).country) ?? '';
}

/**
 * The trade facts of each specimen block of an application filed with this Party, as far as the
 * form gives them; blocks without a valid Appendix, source or purpose are left out (the form's own
 * validation reports them).
 */
export function tradeFactsOf(documentType: DocumentType, party: CountryCode, data: FormData): TradeFacts[] {
  const purpose = data.purpose;
  if (!isPurposeCode(purpose)) return [];
  const importing = documentType === 'import' || documentType === 'introduction-from-the-sea';
  const blocks = Array.isArray(data.blocks) ? data.blocks.map(objectAt) : [];
  return blocks.flatMap((block): TradeFacts[] => {
    const { appendix, source } = block;
    if (!isAppendix(appendix) || !isSourceCode(source)) return [];
    const origin = objectAt(block.countryOfOrigin);
    const lastReExport = objectAt(block.countryOfLastReExport);
    const term = textAt(objectAt(block.description).term);
    return [
      {
        documentType,
        appendix,
        source,
        purpose,
        exportingCountry: importing ? partnerCountry(data, 'exporter') : party,
        importingCountry: importing ? party : partnerCountry(data, 'importer'),
        countryOfOrigin: textAt(origin.country) ?? null,
        // Applying for an export permit for an Appendix-III species is the listing State's case;
        // other States issue certificates of origin, which the application checks refuse.
        exporterIsListingState: true,
        live: data.live === true || (term !== undefined && isLiveTerm(term)),
        ...(documentType === 're-export'
          ? {
              reExport: {
                originPermitNumber: textAt(origin.permitNumber) ?? null,
                countryOfLastReExport: textAt(lastReExport.country) ?? null,
                lastReExportCertificateNumber: textAt(lastReExport.certificateNumber) ?? null,
              },
            }
          : {}),
      },
    ];
  });
}

/** What the Convention requires for the whole application: every block's requirements, once each. */
export function requirementsOfApplication(
  documentType: DocumentType,
  party: CountryCode,
  data: FormData,
): ConventionRequirement[] {
  const found = new Map<string, ConventionRequirement>();
  for (const facts of tradeFactsOf(documentType, party, data)) {
    for (const requirement of conventionRequirements(facts).requirements) {
      if (!found.has(requirement.code)) found.set(requirement.code, requirement);
    }
  }
  return [...found.values()];
}

/** One representative application the Convention guard tries a procedure on. */
export interface SampleCase {
  readonly appendix: Appendix;
  readonly source: SourceCode;
  readonly purpose: PurposeCode;
  readonly live: boolean;
  readonly data: FormData;
}

/**
 * Every combination of Appendix, source, purpose and live or not, as form data of the default shape,
 * so a procedure can be tried on all the kinds of case it may meet before it is published.
 */
export function sampleCases(documentType: DocumentType, party: CountryCode): SampleCase[] {
  const partner = party === 'DE' ? 'FR' : 'DE';
  const origin = party === 'BR' ? 'PE' : 'BR';
  const address = (country: string) => ({ streetLines: ['1 Sample Street'], city: 'Sample', country });
  const importing = documentType === 'import' || documentType === 'introduction-from-the-sea';
  const cases: SampleCase[] = [];
  for (const appendix of APPENDIX_CODES)
    for (const source of SOURCE_CODES)
      for (const purpose of PURPOSE_CODES)
        for (const live of [false, true]) {
          cases.push({
            appendix,
            source,
            purpose,
            live,
            data: {
              exporter: { name: 'Sample exporter', address: address(importing ? partner : party) },
              importer: { name: 'Sample importer', address: address(importing ? party : partner) },
              purpose,
              live,
              blocks: [
                {
                  scientificName: 'Sample species',
                  description: { term: live ? 'LIV' : 'SKI' },
                  appendix,
                  source,
                  quantity: 1,
                  ...(documentType === 're-export' ? { countryOfOrigin: { country: origin } } : {}),
                },
              ],
            },
          });
        }
  return cases;
}
