import { quotaFor, quotaWarningOf, type ExportQuota } from '../../../domain/quotas/export-quota';

const quota = (overrides: Partial<ExportQuota>): ExportQuota => ({
  id: 'q',
  party: 'KE',
  year: 2026,
  scientificName: 'Python regius',
  terms: [],
  sources: [],
  purposes: [],
  quantity: 100,
  basedOnNonDetrimentFinding: false,
  source: 'management-authority',
  ...overrides,
});
const trade = { scientificName: 'Python regius', term: 'LIV', source: 'W', purpose: 'T' };

describe('quotaFor', () => {
  it.each([
    ['any term, source and purpose', quota({}), trade, true],
    ['the name in other case and spacing', quota({ scientificName: ' python Regius ' }), trade, true],
    ['another species', quota({ scientificName: 'Python sebae' }), trade, false],
    ['another year', quota({ year: 2025 }), trade, false],
    ['its term', quota({ terms: ['LIV', 'SKI'] }), trade, true],
    ['another term', quota({ terms: ['SKI'] }), trade, false],
    ['another source', quota({ sources: ['C'] }), trade, false],
    ['another purpose', quota({ purposes: ['H'] }), trade, false],
    ['a quota in kilograms for specimens', quota({ unit: 'KIL' }), trade, false],
    ['kilograms for kilograms', quota({ unit: 'KIL' }), { ...trade, unit: 'KIL' }, true],
  ])('%s', (_case, candidate, block, applies) => {
    expect(quotaFor([candidate], block, 2026)).toBe(applies ? candidate : undefined);
  });
});

describe('quotaWarningOf', () => {
  it.each([
    [0, 100, 'none'],
    [79, 100, 'none'],
    [80, 100, 'nearly-used'],
    [99.5, 100, 'nearly-used'],
    [100, 100, 'used-up'],
    [0, 0, 'used-up'],
    [5, null, 'none'],
  ] as const)('%d of %s: %s', (used, of, warning) => {
    expect(quotaWarningOf(used, of)).toBe(warning);
  });
});
