/**
 * Species+ / CITES Checklist API v1 taxon concepts (`GET /api/v1/taxon_concepts`) to taxa.
 *
 * The API returns `{pagination, taxon_concepts: [...]}`. Recorded test fixtures wrap that payload in a
 * vcr cassette whose response body is the payload as a JSON string; {@link unwrapSpeciesPlusResponses}
 * accepts both.
 */
import type { Appendix, Language } from '../codes/types';
import { dropUndefined, isRecord, optionalText as text } from './objects';
import { cleanText } from './text';
import {
  isKingdom,
  isTaxonRank,
  parseListingNotation,
  type CitesListing,
  type HashAnnotation,
  type PopulationListing,
  type Synonym,
  type Taxon,
  type TaxonParseResult,
  type TaxonRejection,
} from './taxon';

/**
 * The API payloads in a Species+ response: the object itself, or each recorded response body of a
 * vcr cassette (`{http_interactions: [{response: {body: {string}}}]}`), parsed.
 *
 * @param json a parsed API response or cassette
 * @returns the payloads, and a message for each recorded body that is not JSON
 */
export function unwrapSpeciesPlusResponses(json: unknown): { payloads: unknown[]; errors: string[] } {
  if (!isRecord(json)) return { payloads: [], errors: ['The document is not a JSON object.'] };
  const interactions = json['http_interactions'];
  if (!Array.isArray(interactions)) return { payloads: [json], errors: [] };
  const payloads: unknown[] = [];
  const errors: string[] = [];
  interactions.forEach((interaction: unknown, index) => {
    const response = isRecord(interaction) ? interaction['response'] : undefined;
    const body = isRecord(response) ? response['body'] : undefined;
    const text = isRecord(body) ? body['string'] : undefined;
    if (typeof text !== 'string') {
      errors.push(`Interaction ${index} has no response body.`);
      return;
    }
    try {
      payloads.push(JSON.parse(text) as unknown);
    } catch (error) {
      errors.push(
        `Interaction ${index}: response body is not JSON (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  });
  return { payloads, errors };
}

/**
 * The taxon concept objects of a `taxon_concepts` payload.
 *
 * @param payload one API payload
 * @returns its `taxon_concepts` array, or an empty list when it has none
 */
export function speciesPlusTaxonConcepts(payload: unknown): unknown[] {
  if (!isRecord(payload)) return [];
  const concepts = payload['taxon_concepts'];
  return Array.isArray(concepts) ? concepts : [];
}

const LANGUAGES: Readonly<Record<string, Language>> = { EN: 'en', FR: 'fr', ES: 'es' };
/** Species+ name statuses of names that are taxa in their own right: accepted names and hybrids. */
const TAXON_NAME_STATUSES = new Set(['A', 'H']);

/**
 * Turns one Species+ taxon concept into a taxon.
 *
 * @param json a taxon concept object as the API returns it
 * @returns the taxon, or the reason the object cannot be one; never throws
 */
export function parseSpeciesPlusTaxonConcept(json: unknown): TaxonParseResult {
  if (!isRecord(json))
    return reject({ code: 'malformed-record', message: 'The taxon concept is not an object.' });
  const id = json['id'];
  if (id === undefined || id === null) return reject(missing('id'));
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) {
    return reject({
      code: 'invalid-id',
      field: 'id',
      message: `id ${JSON.stringify(id)} is not a positive integer.`,
    });
  }
  const scientificName = text(json['full_name']);
  if (scientificName === undefined) return reject(missing('full_name'));
  const rank = text(json['rank'])?.toUpperCase();
  if (rank === undefined) return reject(missing('rank'));
  if (!isTaxonRank(rank)) {
    return reject({ code: 'unknown-rank', field: 'rank', message: `rank "${rank}" is not a known rank.` });
  }
  const status = text(json['name_status']);
  if (status !== undefined && !TAXON_NAME_STATUSES.has(status)) {
    return reject({
      code: 'not-accepted-name',
      field: 'name_status',
      message: `name_status "${status}" is not an accepted or hybrid name.`,
    });
  }
  if (json['active'] === false) {
    return reject({ code: 'inactive', field: 'active', message: 'The taxon concept is not active.' });
  }
  const higher = isRecord(json['higher_taxa']) ? json['higher_taxa'] : {};
  const kingdom = text(higher['kingdom']);
  if (kingdom === undefined) return reject(missing('higher_taxa.kingdom'));
  if (!isKingdom(kingdom)) {
    return reject({
      code: 'unknown-kingdom',
      field: 'higher_taxa.kingdom',
      message: `kingdom "${kingdom}" is neither Animalia nor Plantae.`,
    });
  }

  const entries = Array.isArray(json['cites_listings']) ? json['cites_listings'] : [];
  const populations = entries.flatMap((entry) => populationOf(entry));
  const notationText = text(json['cites_listing']);
  let notation = notationText === undefined ? undefined : parseListingNotation(notationText);
  if (notationText !== undefined && notation === undefined) {
    return reject({
      code: 'invalid-listing',
      field: 'cites_listing',
      message: `cites_listing "${notationText}" is not a combination of I, II, III and NC.`,
    });
  }
  if (notation === undefined) {
    const appendices = (['I', 'II', 'III'] as const).filter((a) => populations.some((p) => p.appendix === a));
    if (appendices.length === 0) {
      return reject({
        code: 'listing-missing',
        field: 'cites_listing',
        message: 'The taxon concept has no CITES listing.',
      });
    }
    notation = { appendices, notCoveredInPart: false };
  }
  const dates = populations.map((p) => p.effectiveFrom).filter((d): d is string => d !== undefined);
  const annotationLines = populations
    .filter((p) => p.note !== undefined)
    .map((p) => `Appendix ${p.appendix}${p.listingParty ? ` (${p.listingParty})` : ''}: ${p.note ?? ''}`);
  const listing = dropUndefined<CitesListing>({
    appendices: notation.appendices,
    notCoveredInPart: notation.notCoveredInPart,
    populations,
    effectiveFrom: dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : undefined,
    annotation: annotationLines.length > 0 ? annotationLines.join('\n') : undefined,
    hashAnnotation: entries.map(hashAnnotationOf).find((h) => h !== undefined),
  });

  const words = scientificName.split(' ');
  const genus = rank === 'GENUS' ? scientificName : isBelowGenus(rank) ? words[0] : undefined;
  return {
    ok: true,
    taxon: dropUndefined<Taxon>({
      id: String(id),
      speciesPlusId: id,
      scientificName,
      author: text(json['author_year']),
      rank,
      kingdom,
      higherTaxonomy: dropUndefined({
        phylum: text(higher['phylum']),
        class: text(higher['class']),
        order: text(higher['order']),
        family: text(higher['family']),
        genus,
      }),
      synonyms: synonymsOf(json['synonyms'], scientificName),
      commonNames: commonNamesOf(json['common_names']),
      listing,
      source: 'speciesplus-api',
    }),
  };
}

function populationOf(entry: unknown): PopulationListing[] {
  if (!isRecord(entry)) return [];
  const appendix = entry['appendix'];
  if (appendix !== 'I' && appendix !== 'II' && appendix !== 'III') return [];
  if (entry['is_current'] === false) return [];
  const party = isRecord(entry['party']) ? text(entry['party']['iso_code2']) : undefined;
  const effective = text(entry['effective_at']);
  return [
    dropUndefined<PopulationListing>({
      appendix: appendix as Appendix,
      listingParty: party?.toUpperCase(),
      note: cleanText(text(entry['annotation'])),
      effectiveFrom:
        effective !== undefined && /^\d{4}-\d{2}-\d{2}/.test(effective) ? effective.slice(0, 10) : undefined,
    }),
  ];
}

function hashAnnotationOf(entry: unknown): HashAnnotation | undefined {
  if (!isRecord(entry)) return undefined;
  const hash = entry['hash_annotation'];
  if (typeof hash === 'string') return hash.trim() === '' ? undefined : { symbol: hash.trim() };
  if (!isRecord(hash)) return undefined;
  const symbol = text(hash['symbol']);
  if (symbol === undefined) return undefined;
  return dropUndefined({ symbol, text: cleanText(text(hash['full_note_en']) ?? text(hash['text'])) });
}

function synonymsOf(value: unknown, acceptedName: string): Synonym[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>([acceptedName]);
  const synonyms: Synonym[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const name = text(item['full_name']);
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    synonyms.push(dropUndefined({ name, author: text(item['author_year']) }));
  }
  return synonyms;
}

function commonNamesOf(value: unknown): Record<Language, string[]> {
  const names: Record<Language, string[]> = { en: [], fr: [], es: [] };
  if (!Array.isArray(value)) return names;
  for (const item of value) {
    if (!isRecord(item)) continue;
    const language = LANGUAGES[String(item['language']).toUpperCase()];
    const name = text(item['name']);
    if (language !== undefined && name !== undefined && !names[language].includes(name))
      names[language].push(name);
  }
  return names;
}

function isBelowGenus(rank: string): boolean {
  return rank === 'SPECIES' || rank === 'SUBSPECIES' || rank === 'VARIETY';
}

function missing(field: string): TaxonRejection {
  return { code: 'missing-field', field, message: `${field} is missing.` };
}

function reject(reason: TaxonRejection): TaxonParseResult {
  return { ok: false, reason };
}
