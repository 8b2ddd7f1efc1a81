import { readFileSync } from 'node:fs';

import {
  parseSpeciesPlusTaxonConcept,
  speciesPlusTaxonConcepts,
  unwrapSpeciesPlusResponses,
} from '../../../domain/species/speciesplus';
import {
  findApplicableMeasures,
  isEuMemberState,
  mapSpeciesPlusTradeMeasures,
  measureSubjectOf,
  type MeasureQuery,
  type TradeMeasure,
} from '../../../domain/species/trade-measures';
import type { Taxon } from '../../../domain/species/taxon';
import { sharedDataFile } from '../../support/shared-data';

function payload(name: string): unknown {
  const json = JSON.parse(readFileSync(sharedDataFile('speciesplus-api-fixtures', name), 'utf8')) as unknown;
  const [first] = unwrapSpeciesPlusResponses(json).payloads;
  return first;
}

const ELEPHANT = { taxonName: 'Loxodonta africana', speciesPlusId: 4521 };

function measuresFrom(name: string): TradeMeasure[] {
  const { measures, rejected } = mapSpeciesPlusTradeMeasures(payload(name), ELEPHANT);
  expect(rejected).toEqual([]);
  return measures;
}

function byId(measures: readonly TradeMeasure[], id: string): TradeMeasure {
  const measure = measures.find((m) => m.id === id);
  if (measure === undefined) throw new Error(`${id} not mapped`);
  return measure;
}

const current = measuresFrom('spp_cites_legislation_def.json');
const history = measuresFrom('spp_cites_legislation_sco.json');
const eu = measuresFrom('spp_eu_legislation_def.json');
const elephantResult = parseSpeciesPlusTaxonConcept(
  speciesPlusTaxonConcepts(payload('spp_taxonconcept_def.json'))[0],
);
const elephant: Taxon = elephantResult.ok ? elephantResult.taxon : (undefined as never);

describe('mapSpeciesPlusTradeMeasures', () => {
  it('maps the 13 current suspensions of the elephant legislation and ignores its quotas', () => {
    expect(current).toHaveLength(13);
    const kinds = new Map<string, number>();
    for (const m of current) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ 'stricter-domestic-measure': 7, 'cites-suspension': 6 });
    expect(current.every((m) => m.isCurrent && m.restrictive && m.authority !== 'eu')).toBe(true);
  });

  it('reads a country-wide suspension: every species, both directions, commercial trade only', () => {
    expect(byId(current, 'cites-suspension:15983')).toEqual({
      id: 'cites-suspension:15983',
      kind: 'cites-suspension',
      authority: 'cites',
      restrictive: true,
      country: 'DJ',
      countryName: 'Djibouti',
      countryRole: 'exporter-or-importer',
      purposes: ['T'],
      startDate: '2011-01-19',
      isCurrent: true,
      notes: 'All commercial trade in specimens of CITES-listed species.',
      reference: {
        name: 'CITES Notif. No. 2011/010',
        date: '2011-01-19',
        url: 'https://www.cites.org/sites/default/files/eng/notif/2011/E010.pdf',
      },
    });
  });

  it('reads a Party’s import measure as restricting its imports of the taxon', () => {
    expect(byId(current, 'cites-suspension:24947')).toMatchObject({
      kind: 'stricter-domestic-measure',
      authority: 'national',
      taxon: { speciesPlusId: 4521, name: 'Loxodonta africana' },
      country: 'CN',
      countryRole: 'importer',
    });
    expect(byId(current, 'cites-suspension:22132')).toMatchObject({
      country: 'AU',
      countryRole: 'exporter-or-importer',
    });
    expect(byId(current, 'cites-suspension:22132').notes).toBe(
      'Australia has stricter domestic measures for trade in Loxodonta africana, which are treated as though they are listed on Appendix I.',
    );
  });

  it('ends a lapsed suspension where the one that replaced it starts', () => {
    expect(history).toHaveLength(31);
    expect(byId(history, 'cites-suspension:15971')).toMatchObject({
      isCurrent: false,
      endDate: '2006-12-14',
      endDateInferred: true,
    });
    expect(byId(history, 'cites-suspension:15972')).toMatchObject({ endDate: '2019-07-04' });
    expect(byId(history, 'cites-suspension:18955')).toMatchObject({ country: 'CN', endDate: '2020-05-26' });
    expect(byId(history, 'cites-suspension:18405').endDate).toBeUndefined();
    expect(byId(history, 'cites-suspension:23168').endDate).toBeUndefined();
  });

  it('maps the EU decisions with their source and term limits', () => {
    expect(eu).toHaveLength(11);
    const kinds = new Map<string, number>();
    for (const m of eu) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({
      'eu-positive-opinion': 6,
      'eu-negative-opinion': 1,
      'eu-other-decision': 2,
      'eu-srg-referral': 1,
      'eu-suspension': 1,
    });
    expect(byId(eu, 'eu-decision:32143')).toMatchObject({
      kind: 'eu-suspension',
      authority: 'eu',
      restrictive: true,
      country: 'CM',
      countryRole: 'exporter',
      importerGroup: 'EU',
      sources: ['W'],
      terms: [{ code: 'TRO', name: 'trophies' }],
      decision: 'Suspension (a)',
      startDate: '2019-10-17',
      reference: { name: 'No 2019/1587' },
    });
    expect(byId(eu, 'eu-decision:25508').terms).toBeUndefined();
  });

  it.each([
    ['not an object', 42, 'is not an object'],
    ['no id', { geo_entity: { iso_code2: 'DJ' }, start_date: '2020-01-01' }, 'no numeric id'],
    ['no country', { id: 1, geo_entity: { name: 'Nowhere' }, start_date: '2020-01-01' }, 'names no country'],
    ['a bad date', { id: 2, geo_entity: { iso_code2: 'DJ' }, start_date: '19/01/2011' }, 'no start_date'],
    [
      'a text taxon id',
      { id: 3, geo_entity: { iso_code2: 'DJ' }, start_date: '2020-01-01', taxon_concept_id: 'x' },
      'not a number',
    ],
  ])('rejects a suspension with %s', (_label, record, message) => {
    const { measures, rejected } = mapSpeciesPlusTradeMeasures({ cites_suspensions: [record] });
    expect(measures).toEqual([]);
    expect(rejected).toEqual([{ record, reason: expect.stringContaining(message) }]);
  });
});

describe('isEuMemberState', () => {
  it.each([
    ['DE', '1990-01-01', true],
    ['de', '2024-01-01', true],
    ['HR', '2013-06-30', false],
    ['HR', '2013-07-01', true],
    ['GB', '2020-12-31', true],
    ['GB', '2021-01-01', false],
    ['CH', '2024-01-01', false],
  ])('%s on %s: %s', (country, date, member) => {
    expect(isEuMemberState(country, date)).toBe(member);
  });
});

describe('findApplicableMeasures', () => {
  const subject = measureSubjectOf(elephant);
  const all = [...current, ...eu];
  const query = (overrides: Partial<MeasureQuery>): MeasureQuery => ({
    taxon: subject,
    exportingCountry: 'ZA',
    importingCountry: 'JP',
    source: 'W',
    purpose: 'T',
    date: '2021-06-01',
    ...overrides,
  });
  const ids = (q: MeasureQuery, measures: readonly TradeMeasure[] = all): string[] =>
    findApplicableMeasures(measures, q).map((a) => a.measure.id);

  it('builds the taxon part of a query from a taxon', () => {
    expect(subject).toEqual({
      speciesPlusId: 4521,
      names: [
        'Loxodonta africana',
        'Loxodonta cyclotis',
        'Loxodonta',
        'Elephantidae',
        'Proboscidea',
        'Mammalia',
      ],
    });
  });

  it.each([
    // label, query overrides, expected measure ids
    ['no measure on South Africa to Japan', {}, []],
    [
      'Djibouti exporting, commercial, 2019',
      { exportingCountry: 'DJ', date: '2019-01-01' },
      ['cites-suspension:22079', 'cites-suspension:15983'],
    ],
    [
      'Djibouti importing, commercial, 2019',
      { importingCountry: 'DJ', date: '2019-01-01' },
      ['cites-suspension:22079', 'cites-suspension:15983'],
    ],
    [
      'Djibouti exporting, scientific, 2019',
      { exportingCountry: 'DJ', purpose: 'S', date: '2019-01-01' },
      ['cites-suspension:22079'],
    ],
    ['Djibouti exporting, before any suspension', { exportingCountry: 'DJ', date: '2010-12-31' }, []],
    [
      'Djibouti exporting, on the first day',
      { exportingCountry: 'DJ', date: '2011-01-19' },
      ['cites-suspension:15983'],
    ],
    [
      'trophies from Zimbabwe into the US, 2015',
      { exportingCountry: 'ZW', importingCountry: 'US', purpose: 'H', date: '2015-01-01' },
      ['cites-suspension:17686', 'cites-suspension:17620', 'cites-suspension:17621'],
    ],
    [
      'trophies from Zimbabwe into the US, before the measures',
      { exportingCountry: 'ZW', importingCountry: 'US', purpose: 'H', date: '2014-08-10' },
      [],
    ],
    ['ivory into China, 2021', { importingCountry: 'CN' }, ['cites-suspension:24947']],
    ['ivory into China, 2019 (current records only)', { importingCountry: 'CN', date: '2019-06-01' }, []],
    ['export from Australia (its own measure)', { exportingCountry: 'AU' }, ['cites-suspension:22132']],
    [
      'trophies from Cameroon into Germany, 2020',
      { exportingCountry: 'CM', importingCountry: 'DE', purpose: 'H', term: 'TRO', date: '2020-01-01' },
      ['eu-decision:32143'],
    ],
    [
      'ivory from Cameroon into Germany, 2020',
      { exportingCountry: 'CM', importingCountry: 'DE', term: 'IVO', date: '2020-01-01' },
      [],
    ],
    [
      'trophies from Cameroon into Germany before the suspension',
      { exportingCountry: 'CM', importingCountry: 'DE', term: 'TRO', date: '2019-10-16' },
      [],
    ],
    [
      'trophies from Cameroon into Switzerland',
      { exportingCountry: 'CM', importingCountry: 'CH', term: 'TRO', date: '2020-01-01' },
      [],
    ],
    [
      'trophies from Cameroon into the UK in 2020',
      { exportingCountry: 'CM', importingCountry: 'GB', term: 'TRO', date: '2020-06-01' },
      ['eu-decision:32143'],
    ],
    [
      'trophies from Cameroon into the UK in 2021',
      { exportingCountry: 'CM', importingCountry: 'GB', term: 'TRO', date: '2021-06-01' },
      [],
    ],
    [
      'captive-bred trophies from Cameroon into Germany',
      { exportingCountry: 'CM', importingCountry: 'DE', source: 'C', term: 'TRO', date: '2020-01-01' },
      [],
    ],
    [
      're-export via South Africa of Cameroonian trophies into Germany',
      {
        exportingCountry: 'ZA',
        originCountry: 'CM',
        importingCountry: 'DE',
        term: 'TRO',
        date: '2020-01-01',
      },
      ['eu-decision:32143'],
    ],
    [
      'trophies from Mozambique into France, 2017',
      { exportingCountry: 'MZ', importingCountry: 'FR', term: 'TRO', date: '2017-01-01' },
      ['eu-decision:27360'],
    ],
    [
      'trophies from Tanzania into Belgium, 2023',
      { exportingCountry: 'TZ', importingCountry: 'BE', term: 'TRO', date: '2023-01-01' },
      ['eu-decision:37680', 'eu-decision:37679', 'eu-decision:37681'],
    ],
  ] as const)('%s', (_label, overrides, expected) => {
    expect(ids(query(overrides))).toEqual(expected);
  });

  it('applies past suspensions to past dates using the inferred end dates', () => {
    const before = query({ importingCountry: 'CN', date: '2019-06-01' });
    expect(ids(before, history)).toEqual(['cites-suspension:18955']);
    expect(ids({ ...before, date: '2020-06-01' }, history)).toEqual(['cites-suspension:24947']);
    expect(
      ids({ ...before, exportingCountry: 'NG', importingCountry: 'JP', date: '2016-01-01' }, history),
    ).toEqual([]);
  });

  it('applies a country-wide suspension to every species, a taxon measure to its taxon only', () => {
    const parrot = { speciesPlusId: 9644, names: ['Psittacus erithacus', 'Psittacidae'] };
    expect(ids(query({ taxon: parrot, exportingCountry: 'DJ', date: '2019-01-01' }))).toEqual([
      'cites-suspension:22079',
      'cites-suspension:15983',
    ]);
    expect(ids(query({ taxon: parrot, exportingCountry: 'AU' }))).toEqual([]);
    expect(ids(query({ taxon: { names: ['loxodonta africana'] }, exportingCountry: 'AU' }))).toEqual([
      'cites-suspension:22132',
    ]);
  });

  it('includes a measure whose limits the query leaves open, and says so', () => {
    const [applicable, ...rest] = findApplicableMeasures(
      eu,
      query({
        exportingCountry: 'CM',
        importingCountry: 'DE',
        source: undefined,
        purpose: undefined,
        date: '2020-01-01',
      }),
    );
    expect(rest).toEqual([]);
    expect(applicable?.measure.id).toBe('eu-decision:32143');
    expect(applicable?.unverifiedScope).toEqual(['source W', 'term TRO']);
    expect(applicable?.reason).toContain('does not state the source, term');
  });

  it('explains each measure for the officer', () => {
    const [djibouti] = findApplicableMeasures(current, query({ exportingCountry: 'DJ', date: '2019-01-01' }));
    expect(djibouti?.reason).toBe(
      'CITES recommendation to suspend trade (CITES Notif. No. 2018/015, in force from 2018-01-30). ' +
        'Applies to every CITES-listed species; Djibouti (DJ) is the exporting country. ' +
        'All trade in specimens of CITES-listed species.',
    );
    const [china] = findApplicableMeasures(current, query({ importingCountry: 'CN' }));
    expect(china?.reason).toMatch(
      /^Stricter domestic measure \(CITES Notif\. No\. 2020\/044, in force from 2020-05-26\)\. Applies to Loxodonta africana; China \(CN\) is the importing country\. Stricter domestic measures from 15 April 2020/,
    );
    const [cameroon] = findApplicableMeasures(
      eu,
      query({ exportingCountry: 'CM', importingCountry: 'DE', term: 'TRO', date: '2020-01-01' }),
    );
    expect(cameroon?.reason).toBe(
      'EU suspension of imports into the Union: Suspension (a) (No 2019/1587, in force from 2019-10-17). ' +
        'Applies to Loxodonta africana from Cameroon (CM) imported into DE, an EU member State. ' +
        'Limited to source W; specimens TRO (trophies).',
    );
  });

  it('puts restrictive measures before favourable opinions', () => {
    const found = findApplicableMeasures(
      eu,
      query({ exportingCountry: 'TZ', importingCountry: 'BE', term: 'TRO', date: '2023-01-01' }),
    );
    expect(found.map((a) => [a.measure.kind, a.measure.restrictive])).toEqual([
      ['eu-srg-referral', true],
      ['eu-positive-opinion', false],
      ['eu-other-decision', false],
    ]);
  });
});
