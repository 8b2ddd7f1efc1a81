/**
 * Rows of the "Index of CITES Species" CSV export (CITES Checklist / Species+) to taxa.
 *
 * Two layouts exist: the full 33-column export and a 19-column compact cut of it (no French or Spanish
 * names, no `#` annotation text). Both name their columns in a header row; the parser reads columns by
 * name, so either layout works and a missing optional column just leaves that part of the taxon empty.
 */
import type { Appendix, CountryCode } from '../codes/types';
import { dropUndefined } from './objects';
import { cleanText, splitNameList } from './text';
import {
  isKingdom,
  isTaxonRank,
  parseListingNotation,
  type CitesListing,
  type HashAnnotation,
  type HigherTaxonomy,
  type PopulationListing,
  type Synonym,
  type Taxon,
  type TaxonParseResult,
  type TaxonRejection,
} from './taxon';

/** One CSV record keyed by the header's column names. */
export type IndexCsvRecord = Readonly<Record<string, string | undefined>>;

/** Columns without which a row cannot become a taxon. */
export const INDEX_REQUIRED_COLUMNS = [
  'TaxonId',
  'Kingdom',
  'FullName',
  'RankName',
  'CurrentListing',
] as const;

/** Columns that only the full export has. */
export const INDEX_FULL_ONLY_COLUMNS = [
  'FullAnnotationEnglish',
  'AnnotationSpanish',
  'AnnotationFrench',
  '#Annotation',
  'SpanishNames',
  'FrenchNames',
] as const;

/** Options of {@link parseIndexCsvRecord}. */
export interface IndexCsvParseOptions {
  /**
   * Called on long texts that repeat across many rows (annotations, higher taxa) so a caller that keeps
   * every taxon can share one copy; the identity function by default.
   */
  readonly intern?: (text: string) => string;
}

/**
 * Checks a header row of the Index of CITES Species export.
 *
 * @param header the column names of the first CSV record
 * @returns the layout (`full` when French and Spanish names are present) or the required columns it lacks
 */
export function checkIndexCsvHeader(
  header: readonly string[],
): { ok: true; layout: 'full' | 'compact' } | { ok: false; missing: string[] } {
  const present = new Set(header.map((h) => h.trim()));
  const missing = INDEX_REQUIRED_COLUMNS.filter((c) => !present.has(c));
  if (missing.length > 0) return { ok: false, missing };
  const full = INDEX_FULL_ONLY_COLUMNS.every((c) => present.has(c));
  return { ok: true, layout: full ? 'full' : 'compact' };
}

/**
 * Turns one record of the Index of CITES Species into a taxon.
 *
 * A blank `CurrentListing` is taken from the Appendices the annotation names (higher taxa listed
 * through their family, e.g. orchid genera); with no annotation either the row is rejected.
 *
 * @param record the CSV record keyed by column name (full or compact layout)
 * @param options see {@link IndexCsvParseOptions}
 * @returns the taxon, or the reason the row cannot be one; never throws
 */
export function parseIndexCsvRecord(
  record: IndexCsvRecord,
  options: IndexCsvParseOptions = {},
): TaxonParseResult {
  if (typeof record !== 'object' || record === null) {
    return reject({ code: 'malformed-record', message: 'The record is not an object of named columns.' });
  }
  const intern = options.intern ?? identity;
  const field = (name: string): string => (record[name] ?? '').trim();

  const idText = field('TaxonId');
  if (idText === '') return reject(missing('TaxonId'));
  if (!/^\d{1,9}$/.test(idText)) {
    return reject({
      code: 'invalid-id',
      field: 'TaxonId',
      message: `TaxonId "${idText}" is not a positive integer.`,
    });
  }
  const scientificName = field('FullName').replace(/\s+/g, ' ');
  if (scientificName === '') return reject(missing('FullName'));
  const kingdom = field('Kingdom');
  if (kingdom === '') return reject(missing('Kingdom'));
  if (!isKingdom(kingdom)) {
    return reject({
      code: 'unknown-kingdom',
      field: 'Kingdom',
      message: `Kingdom "${kingdom}" is neither Animalia nor Plantae.`,
    });
  }
  const rank = field('RankName').toUpperCase();
  if (rank === '') return reject(missing('RankName'));
  if (!isTaxonRank(rank)) {
    return reject({
      code: 'unknown-rank',
      field: 'RankName',
      message: `RankName "${rank}" is not a known rank.`,
    });
  }

  const segments = annotationSegments(field('AnnotationEnglish'));
  const listingText = field('CurrentListing');
  let notation = parseListingNotation(listingText);
  if (listingText !== '' && notation === undefined) {
    return reject({
      code: 'invalid-listing',
      field: 'CurrentListing',
      message: `CurrentListing "${listingText}" is not a combination of I, II, III and NC.`,
    });
  }
  if (notation === undefined) {
    const fromAnnotation = (['I', 'II', 'III'] as const).filter((a) =>
      segments.some((s) => s.appendix === a),
    );
    if (fromAnnotation.length === 0) {
      return reject({
        code: 'listing-missing',
        field: 'CurrentListing',
        message: 'CurrentListing is blank and the annotation names no Appendix.',
      });
    }
    notation = { appendices: fromAnnotation, notCoveredInPart: false };
  }

  const id = Number(idText);
  const higherTaxonomy = dropUndefined<HigherTaxonomy>({
    phylum: internOrUndefined(field('Phylum'), intern),
    class: internOrUndefined(field('Class'), intern),
    order: internOrUndefined(field('Order'), intern),
    family: internOrUndefined(field('Family'), intern),
    genus: internOrUndefined(field('Genus'), intern),
  });
  const listing = dropUndefined<CitesListing>({
    appendices: notation.appendices,
    notCoveredInPart: notation.notCoveredInPart,
    populations: populationsFrom(segments, notation.appendices, intern),
    annotation: annotationText(segments, notation.appendices, intern),
    hashAnnotation: hashAnnotationOf(field('#AnnotationSymbol'), field('#Annotation'), intern),
  });
  const accepted = field('CitesAccepted').toLowerCase();
  const distribution = field('All_DistributionISOCodes')
    .split(',')
    .map((code) => code.trim())
    .filter((code) => /^[A-Z]{2}$/.test(code));

  return {
    ok: true,
    taxon: dropUndefined<Taxon>({
      id: String(id),
      speciesPlusId: id,
      scientificName,
      author: field('AuthorYear') || undefined,
      rank,
      kingdom,
      higherTaxonomy,
      synonyms: parseSynonyms(field('SynonymsWithAuthors'), scientificName, isBelowGenus(rank)),
      commonNames: {
        en: splitNameList(record['EnglishNames']),
        fr: splitNameList(record['FrenchNames']),
        es: splitNameList(record['SpanishNames']),
      },
      listing,
      citesAccepted: accepted === 'true' ? true : accepted === 'false' ? false : undefined,
      distribution: distribution.length > 0 ? distribution : undefined,
      source: 'cites-index-csv',
    }),
  };
}

/** An annotation column split into its "Appendix I: ..." parts. */
interface AnnotationSegment {
  readonly appendix: Appendix;
  readonly text: string | undefined;
}

function annotationSegments(text: string): AnnotationSegment[] {
  const marker = /Appendix\s+(III|II|I)\s*:/g;
  const found: { appendix: Appendix; start: number; end: number }[] = [];
  for (const m of text.matchAll(marker)) {
    found.push({ appendix: m[1] as Appendix, start: m.index, end: m.index + m[0].length });
  }
  const byAppendix = new Map<Appendix, string[]>();
  found.forEach((f, i) => {
    const body = cleanText(text.slice(f.end, found[i + 1]?.start ?? text.length));
    const parts = byAppendix.get(f.appendix) ?? [];
    if (body !== undefined) parts.push(body);
    byAppendix.set(f.appendix, parts);
  });
  return [...byAppendix].map(([appendix, parts]) => ({
    appendix,
    text: parts.length > 0 ? parts.join(' ') : undefined,
  }));
}

/** ISO codes as the checklist abbreviates populations; "II" is the only upper-case pair that is not one. */
const COUNTRY_TOKEN = /\b[A-Z]{2}\b/g;
const NOT_COUNTRIES = new Set(['II']);
const FIRST_COUNTRY_TOKEN = /\b(?!II\b)[A-Z]{2}\b/;
const PARTIAL_POPULATION =
  /\bparts? of (?:the )?populations? of ((?:[A-Z]{2}(?:\s*,\s*|\s+and\s+|\s*&\s*)?)+)/gi;
const EXCEPT_OTHER_APPENDIX =
  /\bexcept (?:for )?(?:those|the populations?|populations?)? ?(?:included|listed) in Appendix (III|II|I)\b/i;
const EXCEPT_WORDS = /\b(except|excluding|excludes)\b/i;
/** A parenthesis reporting populations taken out of the Appendices names countries no longer covered. */
const REMOVED_PARENTHESIS = /\([^)]*\b(removed|deleted)\b[^)]*\)/gi;

function countryCodes(text: string): CountryCode[] {
  const codes: CountryCode[] = [];
  for (const m of text.matchAll(COUNTRY_TOKEN)) {
    if (!NOT_COUNTRIES.has(m[0]) && !codes.includes(m[0])) codes.push(m[0]);
  }
  return codes;
}

function populationsFrom(
  segments: readonly AnnotationSegment[],
  appendices: readonly Appendix[],
  intern: (text: string) => string,
): PopulationListing[] {
  interface Draft {
    appendix: Appendix;
    countries?: CountryCode[];
    exceptCountries?: CountryCode[];
    partialCountries?: CountryCode[];
    exceptOther?: Appendix;
    note?: string;
  }
  const drafts: Draft[] = [];
  for (const segment of segments) {
    if (!appendices.includes(segment.appendix) || segment.text === undefined) continue;
    const text = segment.text.replace(REMOVED_PARENTHESIS, '');
    const draft: Draft = { appendix: segment.appendix, note: intern(segment.text) };
    const codes = countryCodes(text);
    if (codes.length > 0) {
      const partial = [...text.matchAll(PARTIAL_POPULATION)].flatMap((m) => countryCodes(m[1] ?? ''));
      const whole = codes.filter((c) => !partial.includes(c));
      if (partial.length > 0) draft.partialCountries = partial;
      const firstCode = text.search(FIRST_COUNTRY_TOKEN);
      const lead = firstCode >= 0 ? text.slice(0, firstCode) : text;
      if (whole.length > 0) {
        if (EXCEPT_WORDS.test(lead)) draft.exceptCountries = whole;
        else draft.countries = whole;
      }
    } else {
      const other = EXCEPT_OTHER_APPENDIX.exec(text);
      if (other !== null) draft.exceptOther = other[1] as Appendix;
    }
    drafts.push(draft);
  }
  return drafts.map((draft) => {
    const { exceptOther, ...rest } = draft;
    if (exceptOther === undefined) return dropUndefined(rest);
    const excepted = drafts
      .filter((d) => d.appendix === exceptOther)
      .flatMap((d) => d.countries ?? [])
      .filter((c, i, all) => all.indexOf(c) === i);
    return dropUndefined({ ...rest, exceptCountries: excepted.length > 0 ? excepted : undefined });
  });
}

function annotationText(
  segments: readonly AnnotationSegment[],
  appendices: readonly Appendix[],
  intern: (text: string) => string,
): string | undefined {
  const lines = segments
    .filter((s) => s.text !== undefined && appendices.includes(s.appendix))
    .map((s) => `Appendix ${s.appendix}: ${s.text ?? ''}`);
  return lines.length > 0 ? intern(lines.join('\n')) : undefined;
}

function hashAnnotationOf(
  symbol: string,
  text: string,
  intern: (text: string) => string,
): HashAnnotation | undefined {
  if (symbol === '') return undefined;
  const body = cleanText(text.replace(/Appendix\s+(III|II|I)\s*:/g, '\n'));
  return dropUndefined({ symbol, text: body === undefined ? undefined : intern(body) });
}

const NAME_PARTICLES = new Set([
  'ex',
  'et',
  'in',
  'de',
  'del',
  'della',
  'des',
  'van',
  'von',
  'der',
  'den',
  'du',
  'da',
  'la',
  'le',
  'f',
  'fil',
  'al',
  'y',
  'e',
  'd',
  'auct',
  'non',
  'sensu',
  'nom',
  'hort',
  'and',
]);
const RANK_MARKERS = new Set(['var.', 'subsp.', 'ssp.', 'f.', 'fa.', 'forma', 'aff.', 'cf.', '×', 'x']);
const GENUS_WORD = /^\p{Lu}[\p{Ll}ë-]+$/u;
const EPITHET_WORD = /^\p{Ll}[\p{Ll}'-]*\p{Ll}$/u;

function isEpithet(word: string | undefined): boolean {
  return word !== undefined && EPITHET_WORD.test(word) && !NAME_PARTICLES.has(word);
}

function isBelowGenus(rank: string): boolean {
  return rank === 'SPECIES' || rank === 'SUBSPECIES' || rank === 'VARIETY';
}

/**
 * The synonyms column joins "Name Author, Year" items with ", ", and authors contain commas too. A
 * piece starts a new synonym when it reads as a name (a capitalised genus, then an epithet for names
 * below genus) and the previous synonym has no open parenthesis.
 */
function parseSynonyms(text: string, acceptedName: string, belowGenus: boolean): Synonym[] {
  if (text === '') return [];
  const items: string[] = [];
  for (const piece of text.split(', ')) {
    const last = items[items.length - 1];
    if (last === undefined || (balanced(last) && startsName(piece, belowGenus))) items.push(piece);
    else items[items.length - 1] = `${last}, ${piece}`;
  }
  const synonyms: Synonym[] = [];
  const seen = new Set<string>([acceptedName]);
  for (const item of items) {
    const synonym = splitNameAndAuthor(item.trim(), belowGenus);
    if (synonym !== undefined && !seen.has(synonym.name)) {
      seen.add(synonym.name);
      synonyms.push(synonym);
    }
  }
  return synonyms;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
  }
  return depth <= 0;
}

function startsName(piece: string, belowGenus: boolean): boolean {
  const words = piece.trim().split(/\s+/);
  const first = words[0] ?? '';
  if (!GENUS_WORD.test(first)) return false;
  return belowGenus ? isEpithet(words[1]) : true;
}

function splitNameAndAuthor(item: string, belowGenus: boolean): Synonym | undefined {
  const words = item.split(/\s+/).filter((w) => w !== '');
  const first = words[0];
  if (first === undefined) return undefined;
  const name = [first];
  let i = 1;
  while (belowGenus && i < words.length) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    if (RANK_MARKERS.has(word) && isEpithet(next)) {
      name.push(word, next ?? '');
      i += 2;
    } else if (isEpithet(word)) {
      name.push(word);
      i += 1;
    } else {
      break;
    }
  }
  const author = words.slice(i).join(' ').trim();
  return author === '' ? { name: name.join(' ') } : { name: name.join(' '), author };
}

function missing(field: string): TaxonRejection {
  return { code: 'missing-field', field, message: `${field} is blank.` };
}

function reject(reason: TaxonRejection): TaxonParseResult {
  return { ok: false, reason };
}

function identity(text: string): string {
  return text;
}

function internOrUndefined(text: string, intern: (text: string) => string): string | undefined {
  return text === '' ? undefined : intern(text);
}
