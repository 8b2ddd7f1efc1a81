import type { DocumentType } from '../../../domain/codes';
import { DOCUMENT_TITLES, DOCUMENT_TYPES, formCategory, isDocumentType } from '../../../domain/documents';

describe('document types', () => {
  it.each([
    ['export', 'export'],
    ['re-export', 're-export'],
    ['import', 'import'],
    ['certificate-of-origin', 'other'],
    ['introduction-from-the-sea', 'other'],
    ['pre-convention', 'other'],
    ['captive-breeding', 'other'],
    ['artificial-propagation', 'other'],
    ['travelling-exhibition', 'other'],
    ['ownership', 'other'],
  ] as [DocumentType, string][])('a %s document ticks "%s" in Box 1', (documentType, category) => {
    expect(formCategory(documentType)).toBe(category);
  });

  it('lists each type once', () => {
    expect(DOCUMENT_TYPES).toHaveLength(10);
    expect(new Set(DOCUMENT_TYPES).size).toBe(10);
  });

  it('titles every type in each language, each title distinct', () => {
    expect(Object.keys(DOCUMENT_TITLES).sort()).toEqual([...DOCUMENT_TYPES].sort());
    for (const language of ['en', 'fr', 'es'] as const) {
      const titles = DOCUMENT_TYPES.map((documentType) => DOCUMENT_TITLES[documentType][language]);
      expect(titles.every((title) => title.trim() !== '')).toBe(true);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it.each([
    ['export', true],
    ['re-export', true],
    ['ownership', true],
    ['reexport', false],
    ['Export', false],
    ['permit', false],
    [null, false],
  ])('isDocumentType(%p) is %p', (value, expected) => {
    expect(isDocumentType(value)).toBe(expected);
  });
});
