import { PURPOSES, PURPOSE_CODES, isPurposeCode, labelOf } from '../../../domain/codes';
import { TRADE_CODES_DIR, citesdbDescriptions, column, readTable } from './shared-tables';

const tradeDatabaseRows = readTable(TRADE_CODES_DIR, 'purpose_codes_utf8.csv');

/**
 * English labels that deliberately differ from the Trade Database's 2013 list: ours follow Res. Conf. 12.3
 * (and citesdb's copy of the Trade Database guide), which the Trade Database list misspells or rewords.
 */
const ENGLISH_DIFFERENCES: Record<string, string> = {
  B: 'Breeding in captivity or artificially propagation', // a typo in the Trade Database list
  L: 'Law enforcement/judicial/forensic', // spacing only
  Q: 'Circus and travelling exhibitions', // the Resolution says "Circus or travelling exhibition"
};

describe('purpose codes (Box 5a)', () => {
  it('are exactly the twelve codes of Res. Conf. 12.3', () => {
    expect([...PURPOSE_CODES].sort()).toEqual(['B', 'E', 'G', 'H', 'L', 'M', 'N', 'P', 'Q', 'S', 'T', 'Z']);
  });

  it('hold every code of the Trade Database list, with its French and Spanish labels', () => {
    expect(tradeDatabaseRows).toHaveLength(12);
    for (const row of tradeDatabaseRows) {
      const code = column(row, 'Purpose_code');
      const entry = PURPOSES.find((purpose) => purpose.code === code);
      expect(entry).toBeDefined();
      expect(entry?.label.fr).toBe(column(row, 'French_Purpose_Name'));
      expect(entry?.label.es).toBe(column(row, 'Spanish_Purpose_Name'));
    }
  });

  it('use the Trade Database English label except where listed as a deliberate difference', () => {
    const differences: Record<string, string> = {};
    for (const row of tradeDatabaseRows) {
      const code = column(row, 'Purpose_code');
      const english = column(row, 'English_Purpose_Name');
      if (labelOf(PURPOSES, code as (typeof PURPOSE_CODES)[number], 'en') !== english)
        differences[code] = english;
    }
    expect(differences).toEqual(ENGLISH_DIFFERENCES);
  });

  it("use the Resolution's English wording as citesdb gives it, for every code", () => {
    const descriptions = citesdbDescriptions('Purpose');
    expect([...descriptions.keys()].sort()).toEqual([...PURPOSE_CODES].sort());
    for (const entry of PURPOSES) expect(entry.label.en).toBe(descriptions.get(entry.code));
  });

  it.each([
    ['T', true],
    ['Z', true],
    ['t', false],
    ['A', false],
    ['TT', false],
    [' T', false],
    [null, false],
    [42, false],
  ])('isPurposeCode(%p) is %p', (value, expected) => {
    expect(isPurposeCode(value)).toBe(expected);
  });
});
