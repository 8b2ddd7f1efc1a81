import { TERM_CODES, TERM_UNITS, isAllowedTermUnit, unitsForTerm } from '../../../domain/codes';
import { TRADE_CODES_DIR, column, readTable } from './shared-tables';

const pairRows = readTable(TRADE_CODES_DIR, 'term_unit_pairs_utf8.csv');

/** A pair as one string, the empty unit (a number of specimens) written as the bare term. */
function pairKey(term: string, unit: string | null): string {
  return unit === null || unit === '' ? term : `${term}/${unit}`;
}

describe('term-unit pairs', () => {
  it('are exactly the pairs of the Trade Database validation table', () => {
    // The table repeats a few pairs (e.g. BOC with no unit); the set of distinct pairs is what counts.
    expect(pairRows).toHaveLength(538);
    const fromData = new Set(
      pairRows.map((row) => pairKey(column(row, 'TERM_CODE'), column(row, 'UNIT_CODE'))),
    );
    const fromModule = new Set(
      TERM_CODES.flatMap((term) => TERM_UNITS[term].map((unit) => pairKey(term, unit))),
    );
    expect([...fromModule].sort()).toEqual([...fromData].sort());
  });

  it('accept every pair of the validation table through isAllowedTermUnit', () => {
    const refused = pairRows.filter(
      (row) => !isAllowedTermUnit(column(row, 'TERM_CODE'), column(row, 'UNIT_CODE')),
    );
    expect(refused).toEqual([]);
  });

  it('list no unit twice for a term', () => {
    for (const term of TERM_CODES) expect(new Set(TERM_UNITS[term]).size).toBe(TERM_UNITS[term].length);
  });

  it.each([
    // term, unit, allowed: the empty unit is a count
    ['LIV', null, true],
    ['LIV', undefined, true],
    ['LIV', '', true],
    ['LIV', 'KIL', true],
    ['LIV', 'PCS', false],
    ['CAV', 'KIL', true],
    ['CAV', null, true],
    ['TIM', 'CUM', true],
    ['TIM', 'PCS', false],
    ['SKI', 'SQM', true],
    ['PKY', null, true],
    ['PKY', 'KIL', false],
    ['KEY', 'KIL', true],
    ['KEY', 'PCS', false],
    ['GIL', 'KIL', true],
    ['GIL', null, false],
    ['GIL', '', false],
    // unknown or malformed codes are never allowed
    ['XYZ', null, false],
    ['CAV', 'XYZ', false],
    ['cav', 'KIL', false],
    ['CAV', 'kil', false],
  ])('%s with unit %p is allowed: %p', (term, unit, allowed) => {
    expect(isAllowedTermUnit(term, unit)).toBe(allowed);
  });

  it('give the allowed units of a term, a count as null', () => {
    expect(unitsForTerm('HEA')).toEqual([null]);
    expect(unitsForTerm('GIL')).toEqual(['GRM', 'KIL', 'SQC', 'SQM']);
    expect(unitsForTerm('NOPE')).toBeUndefined();
  });
});
