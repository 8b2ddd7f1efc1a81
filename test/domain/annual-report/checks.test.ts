import {
  AnnualReportCheckTally,
  checkAnnualReportRow,
  isAllowedTaxonTerm,
  isAllowedTermPurpose,
  reportTaxonOf,
  type ReportRowContext,
  type ReportTaxon,
  type TaxonRanks,
} from '../../../domain/annual-report';
import { TAXON_TERMS, TERM_PURPOSES } from '../../../domain/annual-report/trade-database-pairs';
import { SEED_TAXA } from '../../../domain/species/seed';
import { issue } from '../../../domain/validation/issues';
import { TRADE_CODES_DIR, column, readTable } from '../codes/shared-tables';

describe('the Trade Database’s pair tables', () => {
  it('term–purpose: exactly the pairs of term_purpose_pairs_utf8.csv', () => {
    const rows = readTable(TRADE_CODES_DIR, 'term_purpose_pairs_utf8.csv');
    expect(rows).toHaveLength(807);
    const fromData = new Set(rows.map((row) => `${column(row, 'TERM_CODE')}/${column(row, 'PURPOSE_CODE')}`));
    const fromModule = new Set(
      Object.entries(TERM_PURPOSES).flatMap(([term, purposes]) => [...purposes].map((p) => `${term}/${p}`)),
    );
    expect([...fromModule].sort()).toEqual([...fromData].sort());
  });

  it('taxon–term: exactly the pairs of taxon_concept_term_pairs_utf8.csv (names in lower case)', () => {
    const rows = readTable(TRADE_CODES_DIR, 'taxon_concept_term_pairs_utf8.csv');
    expect(rows).toHaveLength(859);
    const fromData = new Set(
      rows.map(
        (row) =>
          `${column(row, 'TERM_CODE')}/${column(row, 'RANK').toLowerCase()}:${column(row, 'TAXON_FAMILY').toLowerCase()}`,
      ),
    );
    const fromModule = new Set(
      Object.entries(TAXON_TERMS).flatMap(([term, taxa]) => taxa.map((taxon) => `${term}/${taxon}`)),
    );
    expect([...fromModule].sort()).toEqual([...fromData].sort());
  });

  it.each<[string, string, boolean]>([
    ['LIV', 'T', true],
    ['LIV', 'H', false],
    ['TRO', 'H', true],
    ['TRO', 'T', true],
    ['TRO', 'S', false],
    ['CAV', 'T', true],
    ['CAV', 'Z', false],
    // Terms the table does not name are not restricted by it.
    ['PKY', 'Z', true],
  ])('term %s with purpose %s: %p', (term, purpose, allowed) => {
    expect(isAllowedTermPurpose(term, purpose)).toBe(allowed);
  });

  const python: TaxonRanks = {
    kingdom: 'Animalia',
    phylum: 'Chordata',
    class: 'Reptilia',
    order: 'Serpentes',
    family: 'Pythonidae',
    genus: 'Python',
    species: 'Python regius',
  };
  const orchid: TaxonRanks = {
    kingdom: 'Plantae',
    order: 'Orchidales',
    family: 'Orchidaceae',
    genus: 'Phalaenopsis',
  };

  it.each<[string, string, TaxonRanks, boolean | undefined]>([
    ['live animals (kingdom)', 'LIV', python, true],
    ['skins (phylum Chordata)', 'SKI', python, true],
    ['small leather products of a python (family)', 'LPS', python, true],
    ['feathers of a python', 'FEA', python, false],
    ['ivory carvings of a python', 'IVC', python, false],
    ['live orchids (kingdom Plantae)', 'LIV', orchid, true],
    ['orchid skins', 'SKI', orchid, false],
    ['a term the table does not restrict', 'PKY', python, true],
    [
      'a taxon whose family and order are not known: cannot tell',
      'LPS',
      { kingdom: 'Animalia', class: 'Mammalia' },
      undefined,
    ],
    [
      'narwhal ivory carvings (species)',
      'IVC',
      {
        kingdom: 'Animalia',
        phylum: 'Chordata',
        class: 'Mammalia',
        order: 'Cetacea',
        family: 'Monodontidae',
        species: 'Monodon monoceros',
      },
      true,
    ],
  ])('%s', (_name, term, ranks, allowed) => {
    expect(isAllowedTaxonTerm(term, ranks)).toBe(allowed);
  });
});

describe('the checks that need the checklist', () => {
  const row: Record<string, string> = {
    Appendix: 'II',
    SpeciesName: 'Python regius',
    TermCode: 'LIV',
    Quantity: '48',
    UnitCode: '',
    TradingPartner: 'DE',
    CountryOfOrigin: '',
    ExportPermit: 'KE25000001-E',
    OriginPermit: '',
    IFSPermit: '',
    PurposeCode: 'T',
    SourceCode: 'W',
    Year: '2025',
  };
  const taxon: ReportTaxon = {
    kingdom: 'Animalia',
    appendices: ['II'],
    ranks: {
      kingdom: 'Animalia',
      phylum: 'Chordata',
      class: 'Reptilia',
      order: 'Serpentes',
      family: 'Pythonidae',
      genus: 'Python',
      species: 'Python regius',
    },
    distribution: ['KE', 'GH', 'TG'],
  };
  const exporter = (t: ReportTaxon | null | undefined): ReportRowContext => ({
    layout: 'exporter',
    reportingParty: 'KE',
    ...(t === undefined ? {} : { taxon: t }),
  });

  it.each<[string, Record<string, string>, ReportRowContext, string[]]>([
    ['a clean row', {}, exporter(taxon), []],
    [
      'the checklist not asked: no taxon checks',
      { SpeciesName: 'Pythonus imaginarius' },
      exporter(undefined),
      [],
    ],
    [
      'a name the checklist lacks',
      { SpeciesName: 'Pythonus imaginarius' },
      exporter(null),
      ['/SpeciesName unknown-taxon'],
    ],
    ['LIV with purpose H', { PurposeCode: 'H' }, exporter(taxon), ['/PurposeCode term-purpose-not-allowed']],
    [
      'a listed species reported in Appendix I',
      { Appendix: 'I' },
      exporter(taxon),
      ['/Appendix appendix-mismatch'],
    ],
    [
      'a listed species reported as not listed',
      { Appendix: 'N' },
      exporter(taxon),
      ['/Appendix appendix-mismatch'],
    ],
    [
      'Appendix N for a species listed only in part',
      { Appendix: 'N' },
      exporter({ ...taxon, notCoveredInPart: true }),
      [],
    ],
    [
      'a listing that took effect after the report year does not apply to it',
      { Appendix: 'II', Year: '2016' },
      exporter({ ...taxon, appendices: ['I'], listedSince: '2017-01-02' }),
      [],
    ],
    [
      'a listing in effect before the year ended applies',
      { Appendix: 'II', Year: '2017' },
      exporter({ ...taxon, appendices: ['I'], listedSince: '2017-01-02' }),
      ['/Appendix appendix-mismatch'],
    ],
    ['feathers of a python', { TermCode: 'FEA' }, exporter(taxon), ['/TermCode term-not-for-taxon']],
    [
      'wild specimens exported from outside the range (the reporter, no origin)',
      {},
      { layout: 'exporter', reportingParty: 'FR', taxon },
      ['/CountryOfOrigin outside-range'],
    ],
    [
      'wild specimens whose origin is outside the range',
      { CountryOfOrigin: 'BR' },
      exporter(taxon),
      ['/CountryOfOrigin outside-range'],
    ],
    [
      'captive-bred specimens from outside the range',
      { CountryOfOrigin: 'BR', SourceCode: 'C' },
      exporter(taxon),
      [],
    ],
    ['an unknown origin (XX)', { CountryOfOrigin: 'XX' }, exporter(taxon), []],
    [
      'importer’s report: the partner is the exporter, checked against the range',
      { TradingPartner: 'US' },
      { layout: 'importer', reportingParty: 'DE', taxon },
      ['/TradingPartner outside-range'],
    ],
    [
      'no range known: not checked',
      {},
      { layout: 'exporter', reportingParty: 'FR', taxon: { ...taxon, distribution: [] } },
      [],
    ],
    [
      'the kingdom comes from the checklist when not given (source A for an animal)',
      { SourceCode: 'A' },
      exporter(taxon),
      ['/SourceCode source-not-for-kingdom'],
    ],
  ])('%s', (_name, change, context, expected) => {
    expect(checkAnnualReportRow({ ...row, ...change }, context).map((i) => `${i.path} ${i.code}`)).toEqual(
      expected,
    );
  });

  it('reads what the checks need from a checklist taxon', () => {
    const python = SEED_TAXA.find((t) => t.scientificName === 'Python regius')!;
    expect(reportTaxonOf(python)).toEqual({
      kingdom: 'Animalia',
      appendices: ['II'],
      notCoveredInPart: false,
      ranks: {
        kingdom: 'Animalia',
        phylum: 'Chordata',
        class: 'Reptilia',
        order: 'Serpentes',
        family: 'Pythonidae',
        genus: 'Python',
        species: 'Python regius',
      },
    });
    const parrot = reportTaxonOf(SEED_TAXA.find((t) => t.scientificName === 'Psittacus erithacus')!);
    expect(parrot).toMatchObject({ appendices: ['I'], listedSince: '2017-01-02' });
    const orchids = reportTaxonOf(SEED_TAXA.find((t) => t.scientificName === 'Phalaenopsis')!);
    expect(orchids.ranks).toMatchObject({ kingdom: 'Plantae', family: 'Orchidaceae', genus: 'Phalaenopsis' });
    expect(orchids.ranks.species).toBeUndefined();
  });

  it('every seed taxon’s rows of its own commonest terms pass', () => {
    for (const seed of SEED_TAXA.filter((t) => t.listing.appendices.length > 0)) {
      const found = checkAnnualReportRow(
        { ...row, SpeciesName: seed.scientificName, Appendix: seed.listing.appendices[0]!, SourceCode: 'C' },
        { layout: 'exporter', reportingParty: 'KE', taxon: reportTaxonOf(seed) },
      );
      expect({ taxon: seed.scientificName, found: found.map((i) => i.code) }).toEqual({
        taxon: seed.scientificName,
        found: seed.kingdom === 'Plantae' ? ['source-not-for-kingdom'] : [],
      });
    }
  });
});

describe('AnnualReportCheckTally', () => {
  it('numbers rows, counts every problem, and lists only up to its cap', () => {
    const tally = new AnnualReportCheckTally(2);
    expect(tally.row('A-1', [])).toBe(1);
    expect(
      tally.row('A-2', [
        issue('/PurposeCode', 'term-purpose-not-allowed', { term: 'LIV', purpose: 'H' }),
        issue('/Year', 'invalid-year', { value: '25' }),
      ]),
    ).toBe(2);
    tally.noRow('A-3', 'not-signed', 'no signed content');
    expect(tally.row('A-4', [issue('/Year', 'invalid-year', { value: '25' })])).toBe(3);
    expect(tally.totals()).toEqual({
      rows: 3,
      refusedRows: 2,
      problems: 4,
      unreportable: 1,
      byCode: { 'term-purpose-not-allowed': 1, 'invalid-year': 2, 'not-signed': 1 },
      refused: [
        {
          row: 2,
          permitNumber: 'A-2',
          column: 'PurposeCode',
          code: 'term-purpose-not-allowed',
          reason: 'LIV may not be reported with purpose H.',
        },
        {
          row: 2,
          permitNumber: 'A-2',
          column: 'Year',
          code: 'invalid-year',
          reason: '"25" is not a four-digit year.',
        },
      ],
      truncated: true,
    });
  });

  it('is not truncated when everything fits', () => {
    const tally = new AnnualReportCheckTally();
    tally.row('A-1', []);
    expect(tally.totals()).toMatchObject({
      rows: 1,
      refusedRows: 0,
      problems: 0,
      refused: [],
      truncated: false,
    });
  });
});
