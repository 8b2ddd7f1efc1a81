import { checkIndexCsvHeader, parseIndexCsvRecord } from '../../../domain/species/index-csv';
import { appendicesForOrigin, listingNotation, type Taxon } from '../../../domain/species/taxon';
import { COMPACT_INDEX, FULL_INDEX_GZ, indexRows, rowOf } from './checklist-rows';

/** Animals come first in the file, so the scan of the 98 MB full export stops early. */
const ANIMALS = [
  'Loxodonta africana',
  'Crocodylus niloticus',
  'Crocodylus acutus',
  'Vicugna vicugna',
  'Ovis canadensis',
  'Canis lupus',
  'Struthio camelus',
  'Panthera leo',
  'Psittacus erithacus',
  'Melopsittacus undulatus',
  'Abeillia abeillei',
];
const PLANTS = ['Swietenia macrophylla', 'Arethusa', 'Dicksonia antarctica', 'Zamia'];

let compact: Map<string, Record<string, string>>;
let full: Map<string, Record<string, string>>;

beforeAll(async () => {
  [compact, full] = await Promise.all([
    indexRows(COMPACT_INDEX, [...ANIMALS, ...PLANTS]),
    indexRows(FULL_INDEX_GZ, ANIMALS),
  ]);
});

function taxonFrom(rows: Map<string, Record<string, string>>, name: string): Taxon {
  const result = parseIndexCsvRecord(rowOf(rows, name));
  if (!result.ok) throw new Error(`${name} rejected: ${result.reason.message}`);
  return result.taxon;
}

describe('checkIndexCsvHeader', () => {
  it('tells the full export from the compact cut by its columns', () => {
    const compactHeader = Object.keys(rowOf(compact, 'Loxodonta africana'));
    const fullHeader = Object.keys(rowOf(full, 'Loxodonta africana'));
    expect(compactHeader).toHaveLength(19);
    expect(fullHeader).toHaveLength(33);
    expect(checkIndexCsvHeader(compactHeader)).toEqual({ ok: true, layout: 'compact' });
    expect(checkIndexCsvHeader(fullHeader)).toEqual({ ok: true, layout: 'full' });
  });

  it('names the required columns a header lacks', () => {
    expect(checkIndexCsvHeader(['TaxonId', 'FullName', 'Kingdom'])).toEqual({
      ok: false,
      missing: ['RankName', 'CurrentListing'],
    });
  });
});

describe('parseIndexCsvRecord on real rows', () => {
  it('reads the African elephant from the full export: taxonomy, names in three languages, split listing', () => {
    const taxon = taxonFrom(full, 'Loxodonta africana');
    expect(taxon).toMatchObject({
      id: '4521',
      speciesPlusId: 4521,
      scientificName: 'Loxodonta africana',
      author: '(Blumenbach, 1797)',
      rank: 'SPECIES',
      kingdom: 'Animalia',
      higherTaxonomy: {
        phylum: 'Chordata',
        class: 'Mammalia',
        order: 'Proboscidea',
        family: 'Elephantidae',
        genus: 'Loxodonta',
      },
      synonyms: [{ name: 'Loxodonta cyclotis', author: '(Matschie, 1900)' }],
      commonNames: {
        en: ['African Elephant', 'African Savannah Elephant'],
        fr: ['Eléphant africain', "Eléphant d'Afrique"],
        es: ['Elefante africano'],
      },
      citesAccepted: true,
      source: 'cites-index-csv',
    });
    expect(listingNotation(taxon.listing)).toBe('I/II');
    expect(taxon.listing.populations).toEqual([
      expect.objectContaining({ appendix: 'I', exceptCountries: ['BW', 'NA', 'ZA', 'ZW'] }),
      expect.objectContaining({ appendix: 'II', countries: ['BW', 'NA', 'ZA', 'ZW'] }),
    ]);
    expect(taxon.distribution).toContain('KE');
  });

  it('reads the same row of the compact cut, without French and Spanish names', () => {
    const fromCompact = taxonFrom(compact, 'Loxodonta africana');
    const fromFull = taxonFrom(full, 'Loxodonta africana');
    expect(fromCompact.commonNames).toEqual({
      en: ['African Elephant', 'African Savannah Elephant'],
      fr: [],
      es: [],
    });
    expect({ ...fromCompact, commonNames: null }).toEqual({ ...fromFull, commonNames: null });
  });

  it.each([
    // name, notation, origin, expected appendices, resolution
    ['Loxodonta africana', 'I/II', 'KE', ['I'], 'by-population'],
    ['Loxodonta africana', 'I/II', 'ZW', ['II'], 'by-population'],
    ['Crocodylus niloticus', 'I/II', 'EG', ['II'], 'by-population'],
    ['Crocodylus niloticus', 'I/II', 'SN', ['I'], 'by-population'],
    ['Canis lupus', 'I/II', 'IN', ['I'], 'by-population'],
    ['Canis lupus', 'I/II', 'CA', ['II'], 'by-population'],
    ['Struthio camelus', 'I/NC', 'MA', ['I'], 'by-population'],
    ['Struthio camelus', 'I/NC', 'ZA', [], 'by-population'],
    ['Ovis canadensis', 'II/NC', 'MX', ['II'], 'by-population'],
    ['Ovis canadensis', 'II/NC', 'US', [], 'by-population'],
    ['Crocodylus acutus', 'I/II', 'CU', ['II'], 'by-population'],
    ['Crocodylus acutus', 'I/II', 'CO', ['I', 'II'], 'undetermined'],
    ['Vicugna vicugna', 'I/II', 'PE', ['II'], 'by-population'],
    ['Vicugna vicugna', 'I/II', 'AR', ['I', 'II'], 'undetermined'],
    ['Panthera leo', 'I/II', 'IN', ['I', 'II'], 'undetermined'],
    ['Swietenia macrophylla', 'II/NC', 'BR', ['II'], 'undetermined'],
    ['Psittacus erithacus', 'I', 'GH', ['I'], 'uniform'],
  ] as const)('%s (%s) from %s: Appendix %j, %s', (name, notation, origin, appendices, resolution) => {
    const taxon = taxonFrom(compact, name);
    expect(listingNotation(taxon.listing)).toBe(notation);
    expect(appendicesForOrigin(taxon.listing, origin)).toMatchObject({ appendices, resolution });
  });

  it('keeps the # annotation symbol (its text is only in the full export)', () => {
    expect(taxonFrom(compact, 'Swietenia macrophylla').listing.hashAnnotation).toEqual({ symbol: '#6' });
  });

  it('reads a taxon the Convention does not cover (NC) as having no Appendix', () => {
    const budgerigar = taxonFrom(full, 'Melopsittacus undulatus');
    expect(budgerigar.listing).toMatchObject({ appendices: [], notCoveredInPart: true });
    expect(listingNotation(budgerigar.listing)).toBe('NC');
  });

  it('splits synonyms whose authors contain commas', () => {
    const synonyms = taxonFrom(full, 'Crocodylus niloticus').synonyms;
    expect(synonyms).toHaveLength(12);
    expect(synonyms.slice(0, 2)).toEqual([
      { name: 'Crocodilus lacunosus', author: 'Geoffroy, 1827' },
      { name: 'Crocodilus binuensis', author: 'Baikie, 1857' },
    ]);
    expect(synonyms).toContainEqual({ name: 'Crocodilus robustus', author: 'Vaillant & Grandidier, 1872' });
    expect(taxonFrom(compact, 'Zamia').synonyms).toEqual([{ name: 'Chigua', author: 'D.W. Stev.' }]);
  });

  it('takes a blank listing of a higher taxon from the Appendix its annotation names', () => {
    const orchidGenus = taxonFrom(compact, 'Arethusa');
    expect(rowOf(compact, 'Arethusa')['CurrentListing']).toBe('');
    expect(orchidGenus.rank).toBe('GENUS');
    expect(orchidGenus.listing.appendices).toEqual(['II']);
  });

  it('rejects a row with neither a listing nor an annotation', () => {
    expect(parseIndexCsvRecord(rowOf(compact, 'Dicksonia antarctica'))).toEqual({
      ok: false,
      reason: expect.objectContaining({ code: 'listing-missing', field: 'CurrentListing' }),
    });
  });
});

describe('parseIndexCsvRecord on damaged rows', () => {
  const good = (): Record<string, string> => ({ ...rowOf(compact, 'Abeillia abeillei') });

  it.each([
    ['TaxonId', '', 'missing-field'],
    ['TaxonId', '12a', 'invalid-id'],
    ['TaxonId', '-5', 'invalid-id'],
    ['FullName', '  ', 'missing-field'],
    ['Kingdom', 'Fungi', 'unknown-kingdom'],
    ['Kingdom', '', 'missing-field'],
    ['RankName', 'CLADE', 'unknown-rank'],
    ['CurrentListing', 'IV', 'invalid-listing'],
    ['CurrentListing', 'II/X', 'invalid-listing'],
  ])('%s = %j gives %s', (column, value, code) => {
    const result = parseIndexCsvRecord({ ...good(), [column]: value });
    expect(result).toEqual({ ok: false, reason: expect.objectContaining({ code }) });
  });

  it('rejects a record without the listing column, rather than throwing', () => {
    const { CurrentListing: _dropped, AnnotationEnglish: _alsoDropped, ...rest } = good();
    expect(parseIndexCsvRecord(rest)).toEqual({
      ok: false,
      reason: expect.objectContaining({ code: 'listing-missing' }),
    });
  });

  it('accepts the unchanged row', () => {
    expect(parseIndexCsvRecord(good())).toMatchObject({
      ok: true,
      taxon: { scientificName: 'Abeillia abeillei', listing: { appendices: ['II'] } },
    });
  });

  it('shares repeated texts through the intern option', () => {
    const seen: string[] = [];
    parseIndexCsvRecord(rowOf(compact, 'Arethusa'), { intern: (text) => (seen.push(text), text) });
    expect(seen).toEqual(
      expect.arrayContaining(['Orchidaceae', expect.stringContaining('Included in Appendix II')]),
    );
  });
});
