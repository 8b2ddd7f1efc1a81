import {
  SOURCES,
  SOURCE_CODES,
  isSourceCode,
  sourceAppliesTo,
  sourceNeedsReason,
  sourceNeedsUnderlyingSource,
  type Kingdom,
  type SourceCode,
} from '../../../domain/codes';
import { TRADE_CODES_DIR, citesdbDescriptions, column, readTable } from './shared-tables';

const tradeDatabaseRows = readTable(TRADE_CODES_DIR, 'source_codes_utf8.csv');

describe('source codes (Box 10)', () => {
  it('are the eleven codes of Res. Conf. 12.3, Y included', () => {
    expect([...SOURCE_CODES].sort()).toEqual(['A', 'C', 'D', 'F', 'I', 'O', 'R', 'U', 'W', 'X', 'Y']);
  });

  it('hold every code of the Trade Database list with its labels', () => {
    // The 2013 list predates Y (CoP18, 2019) and leaves out X; both are checked against other sources below.
    const listed = tradeDatabaseRows.map((row) => column(row, 'Source_code')).sort();
    expect(listed).toEqual(['A', 'C', 'D', 'F', 'I', 'O', 'R', 'U', 'W']);
    for (const row of tradeDatabaseRows) {
      const entry = SOURCES.find((source) => source.code === column(row, 'Source_code'));
      expect(entry?.label.en).toBe(column(row, 'Source_English_Name'));
      expect(entry?.label.es).toBe(column(row, 'Source_Spanish_Name'));
      if (entry?.code === 'C') {
        // The list writes "Animaux élevé en captivité"; the participle agrees with "animaux".
        expect(column(row, 'Source_French_Name')).toBe('Animaux élevé en captivité');
        expect(entry.label.fr).toBe('Animaux élevés en captivité');
      } else {
        expect(entry?.label.fr).toBe(column(row, 'Source_French_Name'));
      }
    }
  });

  it("carry the Trade Database guide's definition for every code it defines", () => {
    const definitions = citesdbDescriptions('Source');
    // citesdb copies the 2013 guide, before Y existed.
    expect([...definitions.keys()].sort()).toEqual(SOURCE_CODES.filter((code) => code !== 'Y').sort());
    for (const [code, definition] of definitions) {
      expect(SOURCES.find((source) => source.code === code)?.definition).toBe(definition);
    }
  });

  it('define Y as assisted production of plants', () => {
    const y = SOURCES.find((source) => source.code === 'Y');
    expect(y?.label).toEqual({
      en: 'Assisted production',
      fr: 'Production assistée',
      es: 'Producción asistida',
    });
    expect(y?.definition).toMatch(/assisted production/);
  });

  it('give every code a label in each language', () => {
    for (const entry of SOURCES) {
      for (const language of ['en', 'fr', 'es'] as const) expect(entry.label[language].trim()).not.toBe('');
    }
  });

  const kingdomTable: [SourceCode, boolean, boolean][] = [
    // source, animals, plants
    ['W', true, true],
    ['X', true, true],
    ['R', true, false],
    ['D', true, true],
    ['A', false, true],
    ['C', true, false],
    ['F', true, false],
    ['Y', false, true],
    ['I', true, true],
    ['O', true, true],
    ['U', true, true],
  ];

  it.each(kingdomTable)('%s applies to animals: %p, plants: %p', (source, animals, plants) => {
    expect(sourceAppliesTo(source, 'Animalia')).toBe(animals);
    expect(sourceAppliesTo(source, 'Plantae')).toBe(plants);
  });

  it('covers every source in the kingdom table', () => {
    expect(kingdomTable.map(([source]) => source).sort()).toEqual([...SOURCE_CODES].sort());
  });

  it('rejects a kingdom that is not one of the two', () => {
    expect(sourceAppliesTo('W', 'Fungi' as Kingdom)).toBe(false);
  });

  it.each(SOURCE_CODES.map((code) => [code, code === 'I' || code === 'O', code === 'U'] as const))(
    '%s needs an underlying source: %p, a reason: %p',
    (source, underlying, reason) => {
      expect(sourceNeedsUnderlyingSource(source)).toBe(underlying);
      expect(sourceNeedsReason(source)).toBe(reason);
    },
  );

  it.each([
    ['W', true],
    ['Y', true],
    ['X', true],
    ['w', false],
    ['B', false],
    ['', false],
    [undefined, false],
    [{ code: 'W' }, false],
  ])('isSourceCode(%p) is %p', (value, expected) => {
    expect(isSourceCode(value)).toBe(expected);
  });
});
