import { compileQuery, fieldProblems } from '../../../server/http/validation';

describe('query validation', () => {
  const validate = compileQuery({
    type: 'object',
    properties: { year: { type: 'integer', minimum: 1975, maximum: 2100 } },
  });

  it('coerces a query parameter to its type', () => {
    const query: Record<string, unknown> = { year: '2025' };
    expect(validate(query)).toBe(true);
    expect(query.year).toBe(2025);
  });

  // ajv turns these into Infinity and then skips minimum and maximum, which apply to finite numbers.
  it.each(['1e309', 'Infinity', '-1e309'])('refuses %s for a number, naming the parameter', (year) => {
    expect(validate({ year })).toBe(false);
    expect(fieldProblems(validate.errors)).toEqual([{ path: '/year', message: 'must be a number' }]);
  });

  it('still reports the schema’s own problems', () => {
    expect(validate({ year: '3000' })).toBe(false);
    expect(fieldProblems(validate.errors)).toEqual([{ path: '/year', message: 'must be at most 2100' }]);
  });
});
