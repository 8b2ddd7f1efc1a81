import {
  buildSpeciesNameIndex,
  editDistance,
  fuzzyBudget,
  type MatchType,
  type SpeciesNameIndex,
  type SpeciesSearchHit,
} from '../../../domain/species/search';
import { SEED_TAXA } from '../../../domain/species/seed';
import type { Taxon } from '../../../domain/species/taxon';
import { readChecklist } from '../../../server/checklist/read-checklist';
import { COMPACT_INDEX } from './checklist-rows';

const MATCH_ORDER: readonly MatchType[] = ['exact', 'prefix', 'word', 'fuzzy'];

function first(index: SpeciesNameIndex, query: string): SpeciesSearchHit {
  const [hit] = index.search(query);
  if (hit === undefined) throw new Error(`no hit for ${query}`);
  return hit;
}

describe('editDistance', () => {
  it.each([
    ['africana', 'africana', 0],
    ['africana', 'africna', 1],
    ['loxodonta', 'loxodotna', 1],
    ['ca', 'ac', 1],
    ['tiger', 'tigre', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops at the bound', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('abcdefgh', 'ab', 2)).toBe(3);
  });

  it.each([
    [1, 0],
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
    [30, 2],
  ])('a %i-character query tolerates %i edits', (length, budget) => {
    expect(fuzzyBudget(length)).toBe(budget);
  });
});

describe('species search over the seed list', () => {
  const index = buildSpeciesNameIndex(SEED_TAXA);

  it.each([
    ['Loxodonta africana', 'Loxodonta africana', 'exact', 'accepted'],
    ['LOXODONTA AFRICANA', 'Loxodonta africana', 'exact', 'accepted'],
    ['  loxodonta   africana ', 'Loxodonta africana', 'exact', 'accepted'],
    ['African elephant', 'Loxodonta africana', 'exact', 'common'],
    ["elephant d'afrique", 'Loxodonta africana', 'exact', 'common'],
    ['ELEPHANT D AFRIQUE', 'Loxodonta africana', 'exact', 'common'],
    ['Elefante africano', 'Loxodonta africana', 'exact', 'common'],
    ['pangolin geant', 'Smutsia gigantea', 'exact', 'common'],
    ['Pangolín de cola larga', 'Phataginus tetradactyla', 'exact', 'common'],
    ['tortue verte', 'Chelonia mydas', 'exact', 'common'],
    ['tiburon blanco', 'Carcharodon carcharias', 'exact', 'common'],
    ['aligator americano', 'Alligator mississippiensis', 'exact', 'common'],
    ['Manis gigantea', 'Smutsia gigantea', 'exact', 'synonym'],
    ['Loxodonta cyclotis', 'Loxodonta africana', 'exact', 'synonym'],
    ['Swietenia macro', 'Swietenia macrophylla', 'prefix', 'accepted'],
    ['Loxodonta africna', 'Loxodonta africana', 'fuzzy', 'accepted'],
    ['Loxodotna africana', 'Loxodonta africana', 'fuzzy', 'accepted'],
    ['Pantera tigris', 'Panthera tigris', 'fuzzy', 'accepted'],
    ['Psitacus erithacus', 'Psittacus erithacus', 'fuzzy', 'accepted'],
    ['Swietenia macrophyla', 'Swietenia macrophylla', 'fuzzy', 'accepted'],
    ['Elefante afrciano', 'Loxodonta africana', 'fuzzy', 'common'],
    ['Guepard', 'Acinonyx jubatus', 'exact', 'common'],
    ['Cheetha', 'Acinonyx jubatus', 'fuzzy', 'common'],
    ['Lino', 'Panthera leo', 'fuzzy', 'common'],
    ['sturgeon', 'Huso huso', 'word', 'common'],
  ])('%j finds %s (%s match on a %s name)', (query, scientificName, matchType, nameKind) => {
    expect(first(index, query)).toMatchObject({ scientificName, matchType, nameKind });
  });

  it('returns the fields the species endpoint shows', () => {
    expect(first(index, 'elefante africano')).toEqual({
      id: '4521',
      speciesPlusId: 4521,
      scientificName: 'Loxodonta africana',
      author: '(Blumenbach, 1797)',
      rank: 'SPECIES',
      kingdom: 'Animalia',
      family: 'Elephantidae',
      appendix: 'I/II',
      appendices: ['I', 'II'],
      matchedName: 'Elefante africano',
      nameKind: 'common',
      language: 'es',
      matchType: 'exact',
      distance: 0,
    });
  });

  it('finds all eight pangolins by the word in their common names', () => {
    const hits = index.search('pangolin');
    expect(hits.map((h) => h.family)).toEqual(Array(8).fill('Manidae'));
    expect(new Set(hits.map((h) => h.scientificName)).size).toBe(8);
    expect(hits.every((h) => h.appendix === 'I')).toBe(true);
  });

  it('ranks accepted names before synonyms of the same match type', () => {
    const hits = index.search('Manis');
    expect(hits.map((h) => [h.matchType, h.nameKind])).toEqual([
      ...Array(4).fill(['prefix', 'accepted']),
      ...Array(4).fill(['prefix', 'synonym']),
    ]);
    expect(
      hits
        .slice(4)
        .map((h) => h.scientificName)
        .sort(),
    ).toEqual(['Phataginus tetradactyla', 'Phataginus tricuspis', 'Smutsia gigantea', 'Smutsia temminckii']);
  });

  it('ranks an exact match before prefix matches, and shorter prefixes first', () => {
    const hits = index.search('Acipenser');
    expect(hits.map((h) => h.matchType).every((t) => t === 'prefix')).toBe(true);
    expect(hits.map((h) => h.scientificName)).toEqual([
      'Acipenser baerii',
      'Acipenser sturio',
      'Acipenser brevirostrum',
      'Acipenser gueldenstaedtii',
    ]);
    expect(index.search('tiger').map((h) => [h.scientificName, h.matchType])).toEqual([
      ['Panthera tigris', 'exact'],
    ]);
  });

  it('gives each taxon once, with its best match', () => {
    const hits = index.search('lion');
    expect(hits.filter((h) => h.scientificName === 'Panthera leo')).toEqual([
      expect.objectContaining({ matchType: 'exact', matchedName: 'Lion' }),
    ]);
  });

  it('applies the limit and the kingdom filter', () => {
    expect(index.search('a', { limit: 3 })).toHaveLength(3);
    const plants = index.search('mahogany', { kingdom: 'Plantae' });
    expect(plants.map((h) => h.scientificName)).toEqual(['Swietenia macrophylla']);
    expect(index.search('mahogany', { kingdom: 'Animalia' })).toEqual([]);
  });

  it('finds nothing for blank or unknown queries, and no typos when asked not to', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search("'-")).toEqual([]);
    expect(index.search('zzzzqqqq')).toEqual([]);
    expect(index.search('Pantera tigris', { fuzzy: false })).toEqual([]);
  });

  it('lets a later taxon with the same id replace an earlier one', () => {
    const seedTiger = SEED_TAXA.find((t) => t.scientificName === 'Panthera tigris') as Taxon;
    const imported: Taxon = {
      ...seedTiger,
      source: 'cites-index-csv',
      listing: { ...seedTiger.listing, appendices: ['II'] },
    };
    const replaced = buildSpeciesNameIndex([...SEED_TAXA, imported]);
    expect(replaced.taxonCount).toBe(SEED_TAXA.length);
    expect(first(replaced, 'tiger')).toMatchObject({ id: seedTiger.id, appendix: 'II' });
    expect(replaced.taxon(seedTiger.id)?.source).toBe('cites-index-csv');
  });
});

describe('species search over the full Index of CITES Species', () => {
  let index: SpeciesNameIndex;

  beforeAll(async () => {
    const taxa: Taxon[] = [];
    for await (const item of readChecklist(COMPACT_INDEX)) if ('taxon' in item) taxa.push(item.taxon);
    index = buildSpeciesNameIndex(taxa);
  });

  it('indexes every taxon with its names', () => {
    expect(index.taxonCount).toBe(38062);
    expect(index.nameCount).toBeGreaterThan(70000);
  });

  it.each([
    ['Loxodonta africna', 'Loxodonta africana', 'fuzzy'],
    ['Loxodonta africana', 'Loxodonta africana', 'exact'],
    ['Psittacus eritacus', 'Psittacus erithacus', 'fuzzy'],
    ['grey parot', 'Psittacus erithacus', 'fuzzy'],
    ['Crocodilus suchus', 'Crocodylus niloticus', 'exact'],
    ['Swietenia mahagony', 'Swietenia mahagoni', 'fuzzy'],
    ['Panthera tigris', 'Panthera tigris', 'exact'],
    ['Nile Crocodile', 'Crocodylus niloticus', 'exact'],
  ])('%j finds %s first (%s)', (query, scientificName, matchType) => {
    expect(first(index, query)).toMatchObject({ scientificName, matchType });
  });

  it.each([
    'Panthera',
    'Crocodylus',
    'elephant',
    'Manis',
    'mahogany',
    'Psittacus erith',
    'Dendrobium anosmun',
  ])(
    'orders the hits for %j by match type, then accepted names before common names before synonyms',
    (query) => {
      const hits = index.search(query, { limit: 50 });
      expect(hits.length).toBeGreaterThan(0);
      const kindOrder = ['accepted', 'common', 'synonym'];
      for (let i = 1; i < hits.length; i++) {
        const [a, b] = [hits[i - 1]!, hits[i]!];
        const byMatch = MATCH_ORDER.indexOf(a.matchType) - MATCH_ORDER.indexOf(b.matchType);
        expect(byMatch).toBeLessThanOrEqual(0);
        if (byMatch === 0 && a.matchType !== 'fuzzy') {
          expect(kindOrder.indexOf(a.nameKind)).toBeLessThanOrEqual(kindOrder.indexOf(b.nameKind));
        }
        if (byMatch === 0 && a.matchType === 'fuzzy') expect(a.distance).toBeLessThanOrEqual(b.distance);
      }
    },
  );

  it('finds genera and their species by a prefix of the genus', () => {
    const hits = index.search('Loxodont');
    expect(hits.map((h) => h.scientificName)).toEqual(expect.arrayContaining(['Loxodonta africana']));
    expect(hits.every((h) => h.matchType === 'prefix')).toBe(true);
  });
});
