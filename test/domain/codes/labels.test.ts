import {
  APPENDICES,
  PURPOSES,
  SOURCES,
  TERMS,
  UNITS,
  labelOf,
  type CodeEntry,
  type Language,
  type SourceCode,
} from '../../../domain/codes';

describe('labelOf', () => {
  it.each([
    [PURPOSES, 'T', 'fr', 'Transaction commerciale'],
    [PURPOSES, 'Z', 'es', 'Parque zoológico'],
    [SOURCES, 'W', 'en', 'Wild'],
    [TERMS, 'LIV', 'fr', 'vivant'],
    [UNITS, 'KIL', 'es', 'kg'],
    [APPENDICES, 'II', 'en', 'Appendix II'],
  ] as [CodeEntry<string>[], string, Language, string][])(
    'labels %#: %s in %s',
    (list, code, language, label) => {
      expect(labelOf(list, code, language)).toBe(label);
    },
  );

  it('shows the code itself when the list does not hold it', () => {
    expect(labelOf(SOURCES, 'Q' as SourceCode, 'en')).toBe('Q');
  });

  it('has a distinct label for every code of each list in each language', () => {
    const lists: readonly (readonly CodeEntry<string>[])[] = [APPENDICES, PURPOSES, SOURCES, UNITS];
    for (const list of lists) {
      for (const language of ['en', 'fr', 'es'] as const) {
        const labels = list.map((entry) => entry.label[language]);
        expect(new Set(labels).size).toBe(labels.length);
      }
    }
  });
});
