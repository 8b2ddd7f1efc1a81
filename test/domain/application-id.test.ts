import { isApplicationId } from '../../domain/application-id';

describe('isApplicationId', () => {
  it.each([
    ['KE-2026-0123456789AB', true],
    ['KE-2026-0123456789ab', false],
    ['KE-2026-0123456789AB-R1', false],
    ['KE-2026-0123456789A', false],
    ['K-2026-0123456789AB', false],
    ['{"$gt":""}', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isApplicationId(text)).toBe(expected);
  });
});
