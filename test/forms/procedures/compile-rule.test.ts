import { apply, type RulesLogic } from 'json-logic-js';
import { DEFAULT_PROCEDURES } from '../../../forms/defaults/procedures';
import { compileRule } from '../../../forms/procedures/compile-rule';

// json-logic-js is the reference: the compiled rules must mean exactly what it makes of them.
const RULES: unknown[] = [
  { '==': [1, '1'] },
  { '===': [1, '1'] },
  { '!=': [{ var: 'a' }, 2] },
  { '!==': [{ var: 'a' }, 1] },
  { '<': [1, { var: 'a' }, 3] },
  { '<=': [{ var: 'a' }, 1] },
  { '>': [{ var: 'b.c' }, 4] },
  { '>=': [{ var: 'missing.path' }, 0] },
  { '!': [[]] },
  { '!!': ['0'] },
  { and: [true, { var: 'a' }, 'last'] },
  { and: [{ var: 'none' }, 'never'] },
  { or: [0, '', { var: 'list' }, 'x'] },
  { or: [0, []] },
  { if: [{ var: 'flag' }, 'yes', { '==': [{ var: 'a' }, 1] }, 'one', 'other'] },
  { if: [false, 1] },
  { '?:': [{ var: 'flag' }, 'y', 'n'] },
  { in: ['b', ['a', 'b']] },
  { in: ['ell', 'hello'] },
  { in: ['x', { var: 'a' }] },
  { cat: ['a', 1, null, { var: 'b.c' }] },
  { substr: ['jsonlogic', 4] },
  { substr: ['jsonlogic', -5, -2] },
  { substr: ['jsonlogic', 1, 3] },
  { '+': ['1', 2, { var: 'a' }] },
  { '+': [] },
  { '*': [2, '3', { var: 'b.c' }] },
  { '-': [{ var: 'a' }] },
  { '-': [10, { var: 'b.c' }] },
  { '/': [9, { var: 'b.c' }] },
  { '%': [10, 3] },
  { min: [3, { var: 'a' }, 2] },
  { max: [] },
  { merge: [[1, 2], 3, [[4]], { var: 'list' }] },
  { var: ['unknown', 'fallback'] },
  { var: '' },
  { var: 'list.1' },
  { var: 'list.length' },
  { missing: ['a', 'nothing', 'empty', 'b.c'] },
  { missing: { merge: ['a', 'zzz'] } },
  { missing_some: [1, ['a', 'zzz']] },
  { missing_some: [2, ['a', 'zzz', 'yyy']] },
  { some: [{ var: 'blocks' }, { '==': [{ var: 'source' }, 'W'] }] },
  { all: [{ var: 'blocks' }, { '>': [{ var: 'quantity' }, 1] }] },
  { all: [[], true] },
  { none: [{ var: 'blocks' }, { '==': [{ var: 'source' }, 'C'] }] },
  { none: [{ var: 'nothing' }, true] },
  { some: ['not a list', true] },
  { filter: [{ var: 'blocks' }, { '==': [{ var: 'source' }, 'W'] }] },
  { map: [{ var: 'blocks' }, { var: 'quantity' }] },
  { map: [{ var: 'a' }, 1] },
  { reduce: [{ var: 'blocks' }, { '+': [{ var: 'current.quantity' }, { var: 'accumulator' }] }, 0] },
  { reduce: [{ var: 'nothing' }, 1, 7] },
  { reduce: [{ var: 'blocks' }, { var: 'current.source' }] },
];

const DATA: unknown[] = [
  {
    a: 1,
    b: { c: 3 },
    flag: true,
    list: [1, 2],
    empty: '',
    blocks: [
      { source: 'W', quantity: 2 },
      { source: 'C', quantity: 5 },
    ],
  },
  { a: 2, b: { c: 0 }, flag: false, list: [], blocks: [] },
  { a: 'x', b: null },
  {},
];

describe('compiled rules mean what json-logic-js makes of them', () => {
  it.each(RULES.map((rule) => [JSON.stringify(rule), rule]))('%s', (_text, rule) => {
    for (const data of DATA) {
      expect({ data, result: compileRule(rule)(data) }).toEqual({
        data,
        result: apply(rule as RulesLogic, data),
      });
    }
  });

  it('agree on every rule of the default procedures and their test cases', () => {
    for (const { definition } of DEFAULT_PROCEDURES) {
      for (const row of definition.tables.flatMap((table) => table.rows)) {
        for (const testCase of definition.testCases) {
          expect(compileRule(row.when)(testCase.data)).toEqual(apply(row.when as RulesLogic, testCase.data));
        }
      }
    }
  });

  it('refuses an operator it does not know when compiling, not when running', () => {
    expect(() => compileRule({ log: 'x' })).toThrow('Unrecognized operation log');
    expect(() => compileRule({ toString: [] })).toThrow('Unrecognized operation toString');
  });
});
