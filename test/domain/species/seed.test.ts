import { SEED_TAXA } from '../../../domain/species/seed';
import { appendicesForOrigin, listingNotation, type Taxon } from '../../../domain/species/taxon';
import { readChecklist } from '../../../server/checklist/read-checklist';
import { COMPACT_INDEX } from './checklist-rows';

function seed(name: string): Taxon {
  const taxon = SEED_TAXA.find((t) => t.scientificName === name);
  if (taxon === undefined) throw new Error(`${name} is not in the seed list`);
  return taxon;
}

describe('the seed checklist', () => {
  it('has about thirty taxa with unique ids and names in English, French and Spanish', () => {
    expect(SEED_TAXA.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SEED_TAXA.map((t) => t.id)).size).toBe(SEED_TAXA.length);
    for (const taxon of SEED_TAXA) {
      expect(taxon.source).toBe('seed');
      const counts = [taxon.commonNames.en.length, taxon.commonNames.fr.length, taxon.commonNames.es.length];
      expect([taxon.scientificName, Math.min(...counts) > 0]).toEqual([taxon.scientificName, true]);
    }
  });

  it('has all eight pangolins in Appendix I since CoP17 took effect', () => {
    const pangolins = SEED_TAXA.filter((t) => t.higherTaxonomy.family === 'Manidae');
    expect(pangolins.map((t) => t.scientificName).sort()).toEqual([
      'Manis crassicaudata',
      'Manis culionensis',
      'Manis javanica',
      'Manis pentadactyla',
      'Phataginus tetradactyla',
      'Phataginus tricuspis',
      'Smutsia gigantea',
      'Smutsia temminckii',
    ]);
    for (const p of pangolins)
      expect(p.listing).toMatchObject({ appendices: ['I'], effectiveFrom: '2017-01-02' });
    expect(seed('Smutsia gigantea').synonyms).toContainEqual({ name: 'Manis gigantea' });
  });

  it.each([
    ['Loxodonta africana', 'BW', ['II']],
    ['Loxodonta africana', 'KE', ['I']],
    ['Crocodylus niloticus', 'EG', ['II']],
    ['Crocodylus niloticus', 'NG', ['I']],
    ['Panthera leo', 'IN', ['I']],
    ['Panthera leo', 'TZ', ['II']],
  ])('resolves the split listing of %s for origin %s to Appendix %j', (name, origin, appendices) => {
    expect(appendicesForOrigin(seed(name).listing, origin)).toMatchObject({
      appendices,
      resolution: 'by-population',
    });
  });

  it('lists big-leaf mahogany in Appendix II with annotation #6', () => {
    expect(seed('Swietenia macrophylla').listing).toMatchObject({
      appendices: ['II'],
      notCoveredInPart: true,
      hashAnnotation: { symbol: '#6' },
    });
  });

  describe('agrees with the 2017 Index of CITES Species', () => {
    const byId = new Map<number, Taxon>();

    beforeAll(async () => {
      const wanted = new Set(SEED_TAXA.map((t) => t.speciesPlusId));
      for await (const item of readChecklist(COMPACT_INDEX)) {
        if ('taxon' in item && wanted.has(item.taxon.speciesPlusId))
          byId.set(item.taxon.speciesPlusId ?? 0, item.taxon);
      }
    });

    const withIds = SEED_TAXA.filter((t) => t.speciesPlusId !== undefined);

    it('carries a Species+ id for every taxon whose name the 2017 checklist uses', () => {
      expect(withIds.length).toBe(SEED_TAXA.length - 4);
      expect(byId.size).toBe(withIds.length);
    });

    it.each(withIds.map((t) => [t.scientificName, t] as const))(
      '%s: same id, name, rank, kingdom, higher taxa, author and listing',
      (_name, taxon) => {
        const indexed = byId.get(taxon.speciesPlusId ?? 0);
        expect(indexed).toBeDefined();
        if (indexed === undefined) return;
        expect(taxon.id).toBe(indexed.id);
        expect([taxon.scientificName, taxon.rank, taxon.kingdom]).toEqual([
          indexed.scientificName,
          indexed.rank,
          indexed.kingdom,
        ]);
        for (const [rank, value] of Object.entries(taxon.higherTaxonomy)) {
          expect([rank, value]).toEqual([
            rank,
            indexed.higherTaxonomy[rank as keyof Taxon['higherTaxonomy']],
          ]);
        }
        if (taxon.author !== undefined) expect(taxon.author).toBe(indexed.author);
        expect(listingNotation(taxon.listing)).toBe(listingNotation(indexed.listing));
      },
    );
  });
});
