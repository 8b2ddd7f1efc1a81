import {
  NUMBER_OF_SPECIMENS,
  UNITS,
  UNIT_CODES,
  convertQuantity,
  findUnit,
  isUnitCode,
  labelOf,
  toQuantityUnit,
  unitLabel,
  type UnitCode,
} from '../../../domain/codes';
import { TRADE_CODES_DIR, column, readTable } from './shared-tables';

const tradeDatabaseRows = readTable(TRADE_CODES_DIR, 'unit_codes_utf8.csv');

/** The Trade Database list swaps the Spanish names of square centimetres and square decimetres. */
const LABEL_DIFFERENCES: Record<string, Partial<Record<'en' | 'fr' | 'es', string>>> = {
  SQC: { es: 'decímetros cuadrados' },
  SQD: { es: 'centímetros cuadrados' },
};

describe('unit codes', () => {
  it('are exactly the codes of the Trade Database unit list', () => {
    // YAR is in the Trade Database list though not in the 2013 guide's list; the Trade Database accepts it.
    expect(tradeDatabaseRows).toHaveLength(38);
    expect([...UNIT_CODES].sort()).toEqual(tradeDatabaseRows.map((row) => column(row, 'Unit_code')).sort());
  });

  it('use the Trade Database labels except where listed as a deliberate difference', () => {
    const differences: typeof LABEL_DIFFERENCES = {};
    for (const row of tradeDatabaseRows) {
      const code = column(row, 'Unit_code') as UnitCode;
      const data = {
        en: column(row, 'English_Unit_Name'),
        fr: column(row, 'French_Unit_name'),
        es: column(row, 'Spanish_Unit_name'),
      };
      for (const language of ['en', 'fr', 'es'] as const) {
        if (labelOf(UNITS, code, language) !== data[language]) {
          differences[code] = { ...differences[code], [language]: data[language] };
        }
      }
    }
    expect(differences).toEqual(LABEL_DIFFERENCES);
  });

  it('give every measuring unit a factor and no package or piece unit one', () => {
    for (const unit of UNITS) {
      const measures = unit.kind !== 'package' && unit.kind !== 'piece';
      expect({ code: unit.code, converts: unit.factor !== null }).toEqual({
        code: unit.code,
        converts: measures,
      });
    }
  });

  it.each([
    [1000, 'GRM', 'KIL', 1],
    [1, 'TON', 'KIL', 1000],
    [2, 'PND', 'KIL', 0.90718474],
    [1, 'KIL', 'MGM', 1_000_000],
    [1, 'CUM', 'LTR', 1000],
    [500, 'MLT', 'LTR', 0.5],
    [1, 'FEE', 'INC', 12],
    [3, 'FEE', 'YAR', 1],
    [1, 'SQM', 'SQC', 10_000],
    [7, 'BOX', 'BOX', 7],
    [7, null, null, 7],
  ] as const)('converts %p %s into %p %s', (quantity, from, to, expected) => {
    expect(convertQuantity(quantity, from, to)).toBeCloseTo(expected, 9);
  });

  it.each([
    ['KIL', 'LTR'],
    ['MTR', 'SQM'],
    ['BOX', 'KIL'],
    ['PCS', 'ITE'],
    [null, 'KIL'],
    ['KIL', null],
  ] as const)('does not convert %s into %s', (from, to) => {
    expect(convertQuantity(1, from, to)).toBeUndefined();
  });
});

describe('a quantity without a unit', () => {
  it('is a number of specimens, stored as null', () => {
    expect(NUMBER_OF_SPECIMENS).toBeNull();
  });

  it.each([
    [null, null],
    [undefined, null],
    ['', null],
    ['KIL', 'KIL'],
    ['kil', undefined],
    [' KIL', undefined],
    ['NOS', undefined],
  ])('toQuantityUnit(%p) is %p', (value, expected) => {
    expect(toQuantityUnit(value)).toBe(expected);
  });

  it.each([
    ['en', 'number of specimens'],
    ['fr', 'nombre de spécimens'],
    ['es', 'número de especímenes'],
  ] as const)('is labelled in %s as "%s"', (language, label) => {
    expect(unitLabel(null, language)).toBe(label);
  });

  it('is not a unit code', () => {
    expect(isUnitCode('')).toBe(false);
    expect(isUnitCode(null)).toBe(false);
  });
});

describe('unit lookups', () => {
  it.each([
    ['KIL', 'en', 'kg'],
    ['PCS', 'fr', 'pièces'],
    ['SQC', 'es', 'centímetros cuadrados'],
  ] as const)('labels %s in %s as %s', (code, language, label) => {
    expect(unitLabel(code, language)).toBe(label);
  });

  it.each([
    ['YAR', true],
    ['MYG', true],
    ['KGM', false],
    ['kg', false],
    [12, false],
  ])('isUnitCode(%p) is %p', (value, expected) => {
    expect(isUnitCode(value)).toBe(expected);
  });

  it('finds a unit entry by code', () => {
    expect(findUnit('GRM')).toMatchObject({ code: 'GRM', kind: 'mass', factor: 0.001 });
    expect(findUnit('GRAMS')).toBeUndefined();
  });
});
