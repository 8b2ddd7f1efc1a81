import { readFileSync } from 'node:fs';
import {
  COUNTRIES,
  TRADE_CODES,
  countryName,
  findCountry,
  findTradeCode,
  isCitesParty,
  isCountryCode,
} from '../../../domain/codes';
import { sharedDataFile } from '../../support/shared-data';
import { COUNTRIES_DIR, column, readTable } from './shared-tables';

interface IsoEntry {
  alpha_2: string;
  name: string;
}

const isoEntries = (
  JSON.parse(readFileSync(sharedDataFile(COUNTRIES_DIR, 'iso_3166-1.json'), 'utf8')) as {
    '3166-1': IsoEntry[];
  }
)['3166-1'];
const tradeDatabaseNames = readTable(COUNTRIES_DIR, 'country_codes_en_es_fr_utf8.csv');
const parties = readTable(COUNTRIES_DIR, 'cites_parties.tsv', '\t');

/**
 * French and Spanish names that deliberately differ from the Trade Database's 2013 list, with the list's
 * text: the English names come from ISO 3166-1 as of 2023, so names changed since 2013 follow them
 * (Czechia, Eswatini, North Macedonia, Türkiye, Cabo Verde, Libya, State of Palestine), and two are typos
 * or long forms (Bosnia and Herzegovina is not "République de", Nueva Caledonia is singular).
 */
const NAME_DIFFERENCES: Record<string, Partial<Record<'fr' | 'es', string>>> = {
  BA: { fr: 'République de Bosnie-Herzégovine' },
  CV: { fr: 'Cap-Vert' },
  CZ: { fr: 'République tchèque', es: 'República Checa' },
  LY: { fr: 'Jamahiriya arabe libyenne', es: 'Jamahiriya Árabe Libia' },
  MK: { fr: "Macédoine, l'ex-République yougoslave de", es: 'La ex República Yugoslava de Macedonia' },
  NC: { es: 'Nuevas Caledonia' },
  PS: { fr: 'Palestinien Occupé, Territoire', es: 'Territorios Ocupados Palestinos' },
  SZ: { fr: 'Swaziland', es: 'Swazilandia' },
  TR: { fr: 'Turquie', es: 'Turquía' },
};

/** Codes the Trade Database's name list lacks, named here: Åland, Clipperton, ZR (old DR Congo), KV. */
const NAMED_HERE = ['AX', 'CP', 'KV', 'ZR'];

describe('countries', () => {
  it('are exactly the ISO 3166-1 countries, with the ISO English short names', () => {
    expect(isoEntries).toHaveLength(249);
    expect(COUNTRIES.map((country) => country.code).sort()).toEqual(
      isoEntries.map((entry) => entry.alpha_2).sort(),
    );
    for (const entry of isoEntries) expect(findCountry(entry.alpha_2)?.name.en).toBe(entry.name);
  });

  it('carry the Trade Database French and Spanish names except the deliberate differences', () => {
    const differences: typeof NAME_DIFFERENCES = {};
    const unknown: string[] = [];
    for (const row of tradeDatabaseNames) {
      const code = column(row, 'iso_country_code');
      const entry = findTradeCode(code);
      if (!entry) {
        unknown.push(code);
        continue;
      }
      const data = { fr: column(row, 'iso_french_short_name'), es: column(row, 'iso_spanish_short_name') };
      for (const language of ['fr', 'es'] as const) {
        if (entry.name[language] !== data[language]) {
          differences[code] = { ...differences[code], [language]: data[language] };
        }
      }
    }
    expect(unknown).toEqual([]);
    expect(differences).toEqual(NAME_DIFFERENCES);
  });

  it('name in three languages the codes the Trade Database list lacks', () => {
    const listed = new Set(tradeDatabaseNames.map((row) => column(row, 'iso_country_code')));
    const unlisted = [...COUNTRIES, ...TRADE_CODES]
      .filter((entry) => !listed.has(entry.code))
      .map((entry) => entry.code);
    expect(unlisted.sort()).toEqual(NAMED_HERE);
    for (const code of NAMED_HERE) {
      const name = findTradeCode(code)?.name;
      for (const language of ['en', 'fr', 'es'] as const) expect(name?.[language]).toMatch(/\S/);
    }
  });

  it('hold every code of the CITES Party table, with its entry-into-force date', () => {
    expect(parties).toHaveLength(270);
    for (const row of parties) {
      const code = column(row, 'code');
      const date = column(row, 'date');
      expect({ code, date: findTradeCode(code)?.citesEntryIntoForce }).toEqual({
        code,
        date: date === 'NA' ? null : date,
      });
    }
  });

  it('count 181 dated Party codes, as the Party table does', () => {
    const dated = [...COUNTRIES, ...TRADE_CODES].filter((entry) => entry.citesEntryIntoForce !== null);
    expect(dated).toHaveLength(parties.filter((row) => column(row, 'date') !== 'NA').length);
    expect(dated).toHaveLength(181);
  });

  it('keep non-ISO codes of the Party table out of the ISO countries, under the Party table names', () => {
    for (const row of parties.filter(
      (party) => !isoEntries.some((entry) => entry.alpha_2 === column(party, 'code')),
    )) {
      const code = column(row, 'code');
      expect(findCountry(code)).toBeUndefined();
      expect(TRADE_CODES.find((entry) => entry.code === code)?.name.en).toBe(column(row, 'country'));
    }
  });

  it.each([
    ['XX', 'special'],
    ['ZZ', 'special'],
    ['XF', 'region'],
    ['SU', 'former'],
    ['ZR', 'former'],
    ['CP', 'territory'],
  ])('classes trade code %s as %s', (code, kind) => {
    expect(TRADE_CODES.find((entry) => entry.code === code)?.kind).toBe(kind);
  });

  it.each([
    ['FR', true],
    ['CD', true],
    ['AX', true],
    ['XX', false],
    ['ZZ', false],
    ['ZR', false],
    ['fr', false],
    ['FRA', false],
    ['', false],
    [undefined, false],
  ])('isCountryCode(%p) is %p', (value, expected) => {
    expect(isCountryCode(value)).toBe(expected);
  });

  it.each([
    // code, date, Party
    ['FR', undefined, true],
    ['FR', '1978-08-08', false],
    ['FR', '1978-08-09', true],
    ['CH', '1975-07-01', true],
    ['CH', '1975-06-30', false],
    ['AO', '2013-12-30', false],
    ['AO', '2013-12-31', true],
    ['TW', undefined, false],
    ['VA', '2020-01-01', false],
    ['GL', undefined, false],
    ['ZR', '1990-01-01', true],
    ['CS', '2002-05-27', false],
    ['XX', undefined, false],
    ['QQ', undefined, false],
    ['fr', undefined, false],
    // malformed dates never make a Party
    ['FR', '2020-02-30', false],
    ['FR', '2020-13-01', false],
    ['FR', '2020-1-1', false],
    ['FR', 'today', false],
    ['FR', '', false],
    ['FR', '2024-02-29', true],
    ['FR', '2023-02-29', false],
  ])('isCitesParty(%p, %p) is %p', (code, date, expected) => {
    expect(isCitesParty(code, date)).toBe(expected);
  });

  it.each([
    ['DE', 'en', 'Germany'],
    ['DE', 'fr', 'Allemagne'],
    ['DE', 'es', 'Alemania'],
    ['ZZ', 'en', 'Introduction From the Sea'],
    ['XX', 'fr', 'Pays inconnu'],
  ] as const)('names %s in %s "%s"', (code, language, name) => {
    expect(countryName(code, language)).toBe(name);
  });

  it('names no unknown code', () => {
    expect(countryName('QQ', 'en')).toBeUndefined();
  });

  it('list each code once across countries and trade codes', () => {
    const codes = [...COUNTRIES, ...TRADE_CODES].map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
