import { TERMS, TERM_CODES, TERM_UNITS, isTermCode, labelOf, type TermCode } from '../../../domain/codes';
import { TRADE_CODES_DIR, column, readTable } from './shared-tables';

const tradeDatabaseRows = readTable(TRADE_CODES_DIR, 'term_codes_utf8.csv');
const pairRows = readTable(TRADE_CODES_DIR, 'term_unit_pairs_utf8.csv');

/** Labels that deliberately differ from the Trade Database's 2013 term list, with the list's text. */
const LABEL_DIFFERENCES: Record<string, Partial<Record<'en' | 'fr' | 'es', string>>> = {
  // The code is for frog legs only; the French and Spanish labels and the guidelines say so.
  LEG: { en: 'legs' },
  // Scientific specimens, as the French and Spanish labels and the guidelines say.
  SPE: { en: 'specimens' },
  // A typo: "hueros" for "huevos".
  SHE: { es: 'cáscaras de hueros/concha' },
};

/**
 * Codes newer than the 2013 term list that the Trade Database's 2018 term-unit table already validates.
 * Their labels are ours; the taxa the 2018 taxon-term table pairs them with confirm the meaning.
 */
const NEWER_TERMS = ['FPL', 'FPS', 'GIL', 'IJW', 'JWL', 'KEY', 'PRL', 'PUP', 'ROS', 'RUG', 'WPR'];

describe('term (description) codes', () => {
  it('hold every code of the Trade Database term list', () => {
    expect(tradeDatabaseRows).toHaveLength(105);
    const missing = tradeDatabaseRows
      .map((row) => column(row, 'Term_code'))
      .filter((code) => !isTermCode(code));
    expect(missing).toEqual([]);
  });

  it('use the Trade Database labels except where listed as a deliberate difference', () => {
    const differences: typeof LABEL_DIFFERENCES = {};
    for (const row of tradeDatabaseRows) {
      const code = column(row, 'Term_code') as TermCode;
      const data = {
        en: column(row, 'English_Term_Name'),
        fr: column(row, 'French_Term_name'),
        es: column(row, 'Spanish_Term_Name'),
      };
      for (const language of ['en', 'fr', 'es'] as const) {
        if (labelOf(TERMS, code, language) !== data[language]) {
          differences[code] = { ...differences[code], [language]: data[language] };
        }
      }
    }
    expect(differences).toEqual(LABEL_DIFFERENCES);
  });

  it('hold every term of the term-unit validation table', () => {
    const pairTerms = [...new Set(pairRows.map((row) => column(row, 'TERM_CODE')))];
    expect(pairTerms.filter((code) => !isTermCode(code))).toEqual([]);
  });

  it('add only the newer codes the validation table uses', () => {
    const inList = new Set(tradeDatabaseRows.map((row) => column(row, 'Term_code')));
    expect(TERM_CODES.filter((code) => !inList.has(code)).sort()).toEqual(NEWER_TERMS);
  });

  it.each([
    ['GIL', 'gill plates'],
    ['IJW', 'ivory jewellery'],
    ['PUP', 'pupae'],
    ['ROS', 'rostrums'],
    ['WPR', 'wood products'],
  ] as const)('labels the newer code %s "%s"', (code, label) => {
    expect(labelOf(TERMS, code, 'en')).toBe(label);
  });

  it('give every term a label in each language and a line in the term-unit table', () => {
    for (const entry of TERMS) {
      for (const language of ['en', 'fr', 'es'] as const) expect(entry.label[language].trim()).not.toBe('');
      expect(TERM_UNITS[entry.code].length).toBeGreaterThan(0);
    }
  });

  it('list each code once, sorted', () => {
    expect(new Set(TERM_CODES).size).toBe(TERM_CODES.length);
    expect([...TERM_CODES]).toEqual([...TERM_CODES].sort());
  });

  it.each([
    ['LIV', true],
    ['CAV', true],
    ['SKD', true],
    ['liv', false],
    ['LIVE', false],
    ['BUL', false],
    ['', false],
    [null, false],
  ])('isTermCode(%p) is %p', (value, expected) => {
    expect(isTermCode(value)).toBe(expected);
  });
});
