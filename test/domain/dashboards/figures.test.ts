import { daysBetween, percentile, periodOf } from '../../../domain/dashboards/figures';

describe('percentile', () => {
  it.each([
    [[], 0.5, undefined],
    [[4], 0.9, 4],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    [[2, 2, 2], 0.9, 2],
  ])('of %j at %d is %s', (values, share, expected) => {
    const found = percentile(values, share);
    if (expected === undefined) expect(found).toBeUndefined();
    else expect(found).toBeCloseTo(expected, 6);
  });
});

describe('periodOf', () => {
  it.each([
    ['2026-11-30T10:00:00Z', 'month', '2026-11'],
    ['2026-11-30T10:00:00Z', 'week', '2026-W49'],
    ['2027-01-01T00:00:00Z', 'week', '2026-W53'],
    ['2026-01-01T00:00:00Z', 'week', '2026-W01'],
    ['2024-12-30T00:00:00Z', 'week', '2025-W01'],
  ] as const)('%s by %s is %s', (moment, interval, period) => {
    expect(periodOf(new Date(moment), interval)).toBe(period);
  });
});

describe('daysBetween', () => {
  it('counts days to a tenth', () => {
    expect(daysBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-03T12:00:00Z'))).toBe(2.5);
  });
});
