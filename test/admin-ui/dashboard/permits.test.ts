import {
  partnerBars,
  partnerTable,
  speciesTable,
  topSpecies,
  topSpeciesCount,
} from '../../../admin-ui/src/dashboard/permits';
import { countryName } from '../../../domain/codes/lookups';
import { t } from './translate';

const species = (scientificName: string, permits: number, quantity = permits * 10) => ({
  scientificName,
  permits,
  quantity,
});

describe('permits by species', () => {
  it('keeps the ten species with most permits and counts the others', () => {
    const many = Array.from({ length: 13 }, (_, index) =>
      species(`Species ${String(index).padStart(2, '0')}`, index + 1),
    );
    const { shown, others } = topSpecies(many);
    expect(topSpeciesCount).toBe(10);
    expect(shown).toHaveLength(10);
    expect(shown[0]!.scientificName).toBe('Species 12');
    expect(shown.at(-1)!.scientificName).toBe('Species 03');
    expect(others).toBe(3);
  });

  it('ranks equal permits by the larger quantity, then by name', () => {
    const { shown, others } = topSpecies([
      species('Kinixys belliana', 2, 10),
      species('Python regius', 2, 100),
      species('Chamaeleo gracilis', 2, 10),
    ]);
    expect(shown.map((entry) => entry.scientificName)).toEqual([
      'Python regius',
      'Chamaeleo gracilis',
      'Kinixys belliana',
    ]);
    expect(others).toBe(0);
  });

  it('tables species with their permits and quantities', () => {
    expect(speciesTable([species('Python regius', 2, 100)], t)).toEqual({
      columns: ['Species', 'Permits', 'Quantity'],
      rows: [['Python regius', 2, 100]],
    });
  });

  it('shows nothing for a year without permits', () => {
    expect(topSpecies([])).toEqual({ shown: [], others: 0 });
  });
});

describe('permits by partner country', () => {
  const byPartner = [
    { country: 'DE', permits: 2 },
    { country: 'US', permits: 5 },
    { country: 'CI', permits: 2 },
    { country: 'QQ', permits: 1 },
  ];

  it('names countries in the reader’s language, most permits first, an unknown code as it is', () => {
    const bars = partnerBars(byPartner, (code) => countryName(code, 'fr'));
    expect(bars.map((bar) => bar.name)).toEqual([
      "Etats-Unis d'Amérique",
      'Allemagne',
      "Côte d'Ivoire",
      'QQ',
    ]);
  });

  it('tables the code, the name and the permits', () => {
    const bars = partnerBars(byPartner.slice(0, 2), (code) => ({ DE: 'Germany', US: 'United States' })[code]);
    expect(partnerTable(bars, t)).toEqual({
      columns: ['Country code', 'Country', 'Permits'],
      rows: [
        ['US', 'United States', 5],
        ['DE', 'Germany', 2],
      ],
    });
  });
});
