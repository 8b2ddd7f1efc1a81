import { canonicalJson } from '../../domain/canonical-json';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [3, { d: true, c: null }] }, '{"a":[3,{"c":null,"d":true}],"b":1}'],
    [{ z: undefined, y: 'é"\n' }, '{"y":"é\\"\\n"}'],
    [[undefined, 1], '[null,1]'],
    [new Date('2026-11-30T08:00:00Z'), '"2026-11-30T08:00:00.000Z"'],
    ['text', '"text"'],
    [0, '0'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ permitNumber: 'KE26000001E', blocks: [{ b: 2, a: 1 }] })).toBe(
      canonicalJson({ blocks: [{ a: 1, b: 2 }], permitNumber: 'KE26000001E' }),
    );
  });

  it.each([NaN, Infinity, () => 1, Symbol('s'), BigInt(1)])(
    'refuses %p, which JSON cannot carry',
    (value) => {
      expect(() => canonicalJson(value)).toThrow(TypeError);
    },
  );
});
